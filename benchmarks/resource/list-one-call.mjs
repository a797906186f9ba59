// One list() or getAll() of N records on memory://, in one call: its wall time and the
// process's peak RSS before and after it (the stored records live in the process on memory://,
// so what the call itself holds is the rise of the peak over the one after the inserts).
// Usage: node benchmarks/resource/list-one-call.mjs --engine=native|original --n=1000000
//          --method=list|getAll [--batch=10000]
// The records (5 short fields) are inserted with insertMany in calls of --batch. The native
// engine loads target/addon-release when it exists (NAPI_RS_NATIVE_LIBRARY_PATH overrides).
// One JSON line per run on stdout.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')))
const engine = args.engine ?? 'native'
const n = Number(args.n ?? 100000)
const method = args.method ?? 'list'
const batch = Number(args.batch ?? 10000)
const require = createRequire(import.meta.url)

const releaseAddon = new URL('../../target/addon-release/s3db-native.linux-x64-gnu.node', import.meta.url).pathname
if (engine === 'native' && !process.env.NAPI_RS_NATIVE_LIBRARY_PATH && existsSync(releaseAddon)) {
  process.env.NAPI_RS_NATIVE_LIBRARY_PATH = releaseAddon
}
const { S3db } = engine === 'native' ? require('../../index.js') : await import('s3db.js')

const mib = (bytes) => Math.round(bytes / 2 ** 20)
const peak = () => Math.round(process.resourceUsage().maxRSS / 1024)

const db = new S3db({ connectionString: `memory://list-one-call/${engine}`, logLevel: 'error' })
await db.connect()
const resource = await db.createResource({
  name: 'records',
  attributes: { name: 'string', n: 'number', tag: 'string', city: 'string', ok: 'boolean' }
})
const record = (i) => ({ id: 'id' + String(i).padStart(7, '0'), name: 'name ' + i, n: i, tag: 't' + (i % 10), city: 'Porto', ok: i % 2 === 0 })

let start = performance.now()
for (let i = 0; i < n; i += batch) {
  await resource.insertMany(Array.from({ length: Math.min(batch, n - i) }, (_, k) => record(i + k)))
}
const insertS = (performance.now() - start) / 1000
const peakAfterInsert = peak()
const rssAfterInsert = mib(process.memoryUsage().rss)

start = performance.now()
let returned = null
let error = null
try {
  returned = (await resource[method]()).length
} catch (err) {
  error = `${err.name}: ${String(err.message).slice(0, 200)}`
}
const callS = (performance.now() - start) / 1000
process.stdout.write(JSON.stringify({
  engine,
  method,
  n,
  returned,
  error,
  insertS: Math.round(insertS * 100) / 100,
  callS: Math.round(callS * 100) / 100,
  rssAfterInsertMiB: rssAfterInsert,
  peakAfterInsertMiB: peakAfterInsert,
  rssAfterCallMiB: mib(process.memoryUsage().rss),
  peakMiB: peak(),
  addon: engine === 'native' ? (process.env.NAPI_RS_NATIVE_LIBRARY_PATH ? 'release' : 'default') : null
}) + '\n')
process.exit(0)
