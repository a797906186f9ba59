#!/usr/bin/env node
// The long fault soak (`npm run soak`): the fault workload of __test__/faults at full size
// (2,000 records, concurrency 50) at 5% and 20% faults through the fault proxy in front of a
// local S3 server, and a table of what was injected and what each operation reported.
//
//   npm run soak                          # s3db-native at 5% and 20%
//   npm run soak -- --reference           # and s3db.js 19.5.10 beside it (time-capped)
//   npm run soak -- --records 500 --concurrency 20 --rates 0.05,0.2 --seed 7 --cap 600
//
// Uses S3DB_TEST_S3_ENDPOINT when set, otherwise starts moto (scripts/moto.sh) and stops it.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { runFaultWorkload } from '../__test__/faults/workload.mjs'
import { formatTable } from '../__test__/faults/table.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const { values: args } = parseArgs({
  options: {
    records: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '50' },
    rates: { type: 'string', default: '0.05,0.2' },
    seed: { type: 'string', default: '12' },
    timeout: { type: 'string', default: '2000' },
    cap: { type: 'string', default: '600' },
    reference: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false }
  }
})

async function loadReference () {
  const candidates = [
    join(root, '__test__', 'differential', 'reference', 'node_modules', 's3db.js', 'dist', 's3db.es.js'),
    join(root, 'benchmarks', 'node_modules', 's3db.js', 'dist', 's3db.es.js')
  ]
  const file = candidates.find((f) => existsSync(f))
  if (!file) throw new Error('s3db.js 19.5.10 is not installed: run scripts/ensure-reference.sh')
  return (await import(pathToFileURL(file).href)).S3db
}

function startMoto () {
  const state = mkdtempSync(join(tmpdir(), 's3db-soak-'))
  const endpoint = execFileSync('bash', [join(root, 'scripts', 'moto.sh'), 'start', state], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim()
  return { endpoint, stop: () => execFileSync('bash', [join(root, 'scripts', 'moto.sh'), 'stop', state]) }
}

/** One run, given up (and marked unfinished) after `capSeconds`. */
async function capped (label, options, capSeconds) {
  const report = {}
  let timer
  let proxy
  const cap = new Promise((resolve) => { timer = setTimeout(resolve, capSeconds * 1000) })
  const run = runFaultWorkload({ ...options, report, onProxy: (p) => { proxy = p }, deadline: Date.now() + capSeconds * 1000 })
  await Promise.race([run.catch((err) => { report.error = err.message }), cap])
  clearTimeout(timer)
  // Past the cap the run is abandoned: its proxy closes so it stops loading the server.
  if (!report.finished && proxy) await proxy.close().catch(() => {})
  return { label, report }
}

const moto = process.env.S3DB_TEST_S3_ENDPOINT ? { endpoint: process.env.S3DB_TEST_S3_ENDPOINT, stop () {} } : startMoto()
const rates = args.rates.split(',').map(Number)
const common = {
  s3Endpoint: moto.endpoint,
  records: Number(args.records),
  concurrency: Number(args.concurrency),
  seed: Number(args.seed),
  timeoutMs: Number(args.timeout),
  readModes: ['events', 'unheard'],
  chunk: 100
}
const libraries = [['s3db-native', (await import(pathToFileURL(join(root, 'index.js')).href)).default.S3db]]
if (args.reference) libraries.push(['s3db.js 19.5.10', await loadReference()])

const runs = []
try {
  for (const [name, S3db] of libraries) {
    for (const rate of rates) {
      const label = `${name} ${Math.round(rate * 100)}%`
      process.stderr.write(`${label}: `)
      const run = await capped(label, { ...common, S3db, rate, onPhase: (phase) => process.stderr.write(`${phase} `) }, Number(args.cap))
      process.stderr.write(run.report.finished ? 'done\n' : 'NOT FINISHED\n')
      if (run.report.error) process.stderr.write(`  run failed: ${run.report.error}\n`)
      runs.push(run)
    }
  }
} finally {
  moto.stop()
}
console.log(formatTable(runs))
for (const { label, report } of runs) {
  if (report.examples?.length) console.log(`\n${label}, first findings:\n  ${report.examples.slice(0, 8).join('\n  ')}`)
}
if (args.json) console.log(JSON.stringify(runs, null, 1))
// A capped run may still hold sockets and timers.
process.exit(0)
