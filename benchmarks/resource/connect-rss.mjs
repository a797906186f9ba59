// Where s3db-native's RSS after connect goes: RSS and its split (/proc/self/smaps: anonymous
// memory, the addon's mapped file, the node binary, other files) after each step of a start-up.
// Linux only. Usage: node benchmarks/resource/connect-rss.mjs CONNECTION_STRING [--requests=N] [--log-level=L]
//   --requests=N also times N HEAD-bucket-like reads after connect (exists() of a missing id),
//   to show what the first requests add.
//   --log-level=L the Database's logLevel (default error; `default` leaves it unset: info, at
//   which connect logs a line and so loads pino).
// Each step also counts the CommonJS modules loaded so far and says whether pino is among them.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { options } from './workload.mjs'

const url = process.argv[2]
const opts = options(process.argv.slice(3))
const require = createRequire(import.meta.url)
const kib = (x) => Math.round(x / 1024 * 10) / 10

/** RSS in MiB split by mapping: anon, the addon (.node), node itself, other files. */
function split () {
  const out = { rss: 0, anon: 0, addon: 0, node: 0, otherFiles: 0 }
  let current = null
  for (const line of readFileSync('/proc/self/smaps', 'utf8').split('\n')) {
    const head = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \d+\s*(.*)$/.exec(line)
    if (head) {
      const name = head[1]
      current = name.endsWith('.node') ? 'addon' : name === process.execPath || /\/node$/.test(name) ? 'node' : name.startsWith('/') ? 'otherFiles' : 'anon'
      continue
    }
    const m = /^Rss:\s+(\d+) kB/.exec(line)
    if (m && current) { out[current] += Number(m[1]); out.rss += Number(m[1]) }
  }
  for (const k of Object.keys(out)) out[k] = kib(out[k])
  const threads = readFileSync('/proc/self/status', 'utf8').match(/Threads:\s+(\d+)/)[1]
  const modules = Object.keys(require.cache)
  const pino = modules.some((m) => m.includes('/node_modules/pino/'))
  return { ...out, threads: Number(threads), modules: modules.length, pino }
}

const steps = [['start', split()]]
const lib = require('../../index.js')
steps.push(['import', split()])
const logLevel = opts['log-level'] ?? 'error'
const db = new lib.S3db({ connectionString: url, ...(logLevel !== 'default' && { logLevel }) })
steps.push(['new S3db', split()])
await db.connect()
steps.push(['connect', split()])
const res = await db.createResource({ name: 'probe', attributes: { n: 'number' } })
steps.push(['createResource', split()])
const requests = Number(opts.requests ?? 0)
if (requests) {
  for (let i = 0; i < requests; i++) await res.exists(`missing-${i}`)
  steps.push([`${requests} exists()`, split()])
}
await db.disconnect()
process.stdout.write(JSON.stringify({ url: url.replace(/\/\/[^@]*@/, '//'), steps }) + '\n')
for (const [step, s] of steps) process.stderr.write(`${step.padEnd(16)} rss ${s.rss} MiB = anon ${s.anon} + addon ${s.addon} + node ${s.node} + other files ${s.otherFiles}; threads ${s.threads}; modules ${s.modules}${s.pino ? ' (pino loaded)' : ''}\n`)
process.exit(0)
