// The cost of crossing between Node and the native runtime, per call: get(), insert() and
// update() of small records on memory:// (no server, so what is left is the crossing, the JSON
// and the JS face) at concurrency 1, 10 and 100, for --seconds each, as ops/s and the process's
// CPU microseconds per call. exists() is left out: on memory:// it is answered in place.
// Usage: node benchmarks/resource/crossing.mjs [--engine=native|original] [--seconds=3]
//          [--c=1,10,100] [--ops=get,insert,update] [--label=TEXT]
// The native engine loads target/addon-release when it exists (NAPI_RS_NATIVE_LIBRARY_PATH
// overrides, e.g. to compare two builds). One JSON line per (op, concurrency) on stdout.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')))
const engine = args.engine ?? 'native'
const seconds = Number(args.seconds ?? 3)
const levels = (args.c ?? '1,10,100').split(',').map(Number)
const ops = (args.ops ?? 'get,insert,update').split(',')
const label = args.label ?? engine
const require = createRequire(import.meta.url)

const releaseAddon = new URL('../../target/addon-release/s3db-native.linux-x64-gnu.node', import.meta.url).pathname
if (engine === 'native' && !process.env.NAPI_RS_NATIVE_LIBRARY_PATH && existsSync(releaseAddon)) {
  process.env.NAPI_RS_NATIVE_LIBRARY_PATH = releaseAddon
}
const { S3db } = engine === 'native' ? require('../../index.js') : await import('s3db.js')

const db = new S3db({ connectionString: `memory://crossing/${engine}`, logLevel: 'error', parallelism: 200 })
await db.connect()
const resource = await db.createResource({
  name: 'records',
  attributes: { name: 'string', n: 'number', tag: 'string', ok: 'boolean' }
})
const STORED = 1000
const idOf = (i) => 'id' + String(i).padStart(6, '0')
await resource.insertMany(Array.from({ length: STORED }, (_, i) => ({ id: idOf(i), name: 'n' + i, n: i, tag: 't' + (i % 7), ok: true })))

let inserted = 0
const calls = {
  get: (i) => resource.get(idOf(i % STORED)),
  insert: () => resource.insert({ name: 'new', n: inserted++, tag: 'x', ok: false }),
  update: (i) => resource.update(idOf(i % STORED), { n: i })
}

/** Runs `call` from `concurrency` loops for `seconds`; counts the calls that resolved. */
async function measure (call, concurrency) {
  let done = 0
  let next = 0
  const until = performance.now() + seconds * 1000
  const cpu = process.cpuUsage()
  const started = performance.now()
  const loop = async () => {
    while (performance.now() < until) {
      await call(next++)
      done++
    }
  }
  await Promise.all(Array.from({ length: concurrency }, loop))
  const wall = (performance.now() - started) / 1000
  const used = process.cpuUsage(cpu)
  return { opsPerSec: Math.round(done / wall), cpuUsPerOp: Math.round(((used.user + used.system) / done) * 100) / 100 }
}

for (const op of ops) {
  for (const concurrency of levels) {
    await measure(calls[op], concurrency) // warm-up, same length
    const result = await measure(calls[op], concurrency)
    process.stdout.write(JSON.stringify({ label, engine, op, concurrency, seconds, ...result }) + '\n')
  }
}
await db.disconnect()
