// One engine that speaks the s3db.js API (s3db-native or the original), in its own process.
// Prints one JSON line: {"result": {...}} or {"skipped": "..."}.
// Usage: node engine-db.mjs --engine=native|original|original-recker --url=CONNECTION_STRING --n=2000 --c=10
//
// "original" is s3db.js with its defaults (HTTP through recker; only recker 1.0.56 installs, see
// package.json overrides). recker 1.0.56 builds a fetch Response for every answer and throws on
// 204 ("Invalid response status code 204"), which is how moto, s3s-fs and AWS answer DeleteObject.
// So for its delete phase the harness swaps in the AWS SDK's own HTTP handler, draining bodies
// (sdk-handler.mjs). That handler alone (`useReckerHandler: false`) cannot run the benchmark: on
// s3s-fs, list() or delete() after update() stall once every socket holds an unread body, until
// the 30 s task timeout. "original-recker" keeps recker for delete too, to show the failure.
import { createRequire } from 'node:module'
import {
  attributes, record, change, pageSize, pagePlan, countCalls, runBounded, markPhase, phaseRunner,
  peakRssMiB, rssMiB, sampleRss, options
} from './workload.mjs'

const opts = options(process.argv.slice(2))
const n = Number(opts.n)
const c = Number(opts.c)
const require = createRequire(import.meta.url)

async function load (engine) {
  if (engine === 'native') {
    const lib = require('../../index.js')
    return lib.S3db ?? lib.Database ?? null
  }
  // The ESM build: the CJS one pulls the same graph and is slower to load.
  const lib = await import('s3db.js')
  return lib.S3db
}

const out = (obj) => process.stdout.write(JSON.stringify(obj) + '\n')

const t0 = performance.now()
const S3db = await load(opts.engine)
const importMs = performance.now() - t0
if (typeof S3db !== 'function') {
  out({ skipped: 'not available yet: index.js exports no S3db/Database' })
  process.exit(0)
}
const rssAfterImport = rssMiB()

const t1 = performance.now()
// logLevel/exitOnSignal: keep the original quiet and stop its process handlers from exiting
// with code 0 on an error (the runner relies on the result line, not on the exit code).
const config = { connectionString: opts.url, parallelism: c, logLevel: 'error', exitOnSignal: false }
const db = new S3db(config)
await db.connect()
const connectMs = performance.now() - t1
const rssAfterConnect = rssMiB()
const t2 = performance.now()
// timestamps off by default: with it on, the original adds two date partitions per record and
// every update lists the whole partition prefix (O(N) LISTs per update); see BENCHMARKS.md.
const resourceConfig = { name: 'bench', attributes, timestamps: opts.timestamps === 'true' }
const resource = await db.createResource(resourceConfig)
const createResourceMs = performance.now() - t2
// Failures inside batch calls are emitted, not thrown; count them instead of letting the
// original log "Unhandled error" for each.
const emitted = { count: 0, first: undefined }
const onError = (...args) => {
  emitted.count++
  emitted.first ??= String(args.find((a) => a instanceof Error)?.message ?? args[0]).slice(0, 200)
}
db.on?.('error', onError)
resource.on?.('error', onError)
await markPhase('setup')

const ids = new Array(n)
const notes = []
const { phase, results: phases, loader } = phaseRunner(opts.phases)

await phase('insert', n, () => runBounded(n, c, async (i) => {
  ids[i] = (await resource.insert(record(i))).id
}))

// insertMany (with --phases=insertMany,...; instead of insert): `--many-from=array` (default)
// builds all N records and makes one call; `--many-from=iterator` draws them from a generator
// in calls of `--batch` records (default 1,000), one call after another, so only a batch is held.
// An op is a record; records left out of the result (failed) are errors.
const manyFrom = opts['many-from'] ?? 'array'
const batch = Number(opts.batch ?? 1000)
if (loader === 'insertMany') notes.push(`insertMany from ${manyFrom === 'iterator' ? `an iterator, calls of ${batch}` : 'one array of N, one call'}`)
function * records () {
  for (let i = 0; i < n; i++) yield record(i)
}
await phase('insertMany', n, async () => {
  let stored = 0
  const take = (inserted) => {
    for (const r of inserted) ids[stored++] = r.id
    sampleRss()
  }
  if (manyFrom === 'iterator') {
    let chunk = []
    for (const doc of records()) {
      chunk.push(doc)
      if (chunk.length === batch) {
        take(await resource.insertMany(chunk))
        chunk = []
      }
    }
    if (chunk.length) take(await resource.insertMany(chunk))
  } else {
    const docs = [...records()]
    sampleRss()
    take(await resource.insertMany(docs))
  }
  const errors = n - stored
  return { errors, firstError: errors ? new Error(`insertMany stored ${stored} of ${n}`) : null, records: stored }
})

await phase('get', n, () => runBounded(n, c, async (i) => {
  const r = await resource.get(ids[i])
  if (r.id !== ids[i] || r.age !== record(i).age) throw new Error(`get ${i}: wrong record`)
}))

await phase('exists', n, () => runBounded(n, c, async (i) => {
  if (await resource.exists(ids[i]) !== true) throw new Error(`exists ${i}: false for a stored record`)
}))

await phase('update', n, () => runBounded(n, c, async (i) => {
  const r = await resource.update(ids[i], change(i))
  if (r.level !== change(i).level) throw new Error(`update ${i}: change not applied`)
}))

// One listing of everything; an op is a record read.
await phase('list', n, async () => {
  const all = await resource.list({ limit: n })
  const errors = all.length === n ? 0 : 1
  return { errors, firstError: errors ? new Error(`list returned ${all.length} of ${n}`) : null, records: all.length }
})

const counts = countCalls(opts)
await phase('count', counts, () => runBounded(counts, c, async () => {
  const got = await resource.count()
  if (got !== n) throw new Error(`count returned ${got} of ${n}`)
}))

// Every page of the resource, one after another (the library fetches each page's records with
// its own concurrency). Concurrent page() calls are not usable as a baseline: the original then
// returns empty pages over HTTP (seen on moto and s3s-fs). An op is one page of `pageSize` records.
const plan = pagePlan(n, opts.pages)
let paged = 0
await phase('page', plan.pages.length, async () => {
  const r = await runBounded(plan.pages.length, 1, async (j) => {
    const p = plan.pages[j]
    const res = await resource.page({ offset: p * pageSize, size: pageSize })
    if (res._debug?.error) throw new Error(`page ${p}: ${res._debug.error}`)
    paged += res.items.length
  })
  if (paged !== plan.records) { r.errors++; r.firstError ??= new Error(`pages returned ${paged} of ${plan.records} records`) }
  return { ...r, records: paged }
})

// Every record through the library's streaming read, one at a time (an op is a record):
// `for await (const r of resource)`. Nothing is kept but a count and a sum, so RSS growth here
// is the library's. s3db.js 19.5.10 has no async iterator, and its readable() yields nothing:
// its id reader is sized from client.parallelism, which none of its clients has (NaN
// highWaterMark: RangeError), and with that set, the record reader waits for 'data' events its
// id reader never emits (it emits 'page'). So the original has no stream figures.
if (typeof resource[Symbol.asyncIterator] === 'function') {
  await phase('stream', n, async () => {
    let seen = 0
    let ages = 0
    for await (const r of resource) {
      seen++
      ages += r.age
      if (seen % 1000 === 0) sampleRss()
    }
    const updated = 'update' in phases
    let want = 0
    for (let i = 0; i < n; i++) want += updated ? change(i).age : record(i).age
    let errors = seen === n ? 0 : 1
    let firstError = errors ? new Error(`stream read ${seen} of ${n} records`) : null
    if (!errors && ages !== want) { errors = 1; firstError = new Error('stream: records differ from what was stored') }
    return { errors, firstError, records: seen }
  })
} else if (!opts.phases || opts.phases.split(',').includes('stream')) {
  notes.push('stream: not run (no async iterator; readable() yields no records in s3db.js 19.5.10)')
}

if (opts.engine === 'original' && !opts.url.startsWith('memory:')) {
  // Swap the original's HTTP handler for the SDK's own for this phase only: the SDK client reads
  // config.requestHandler on every send. The pool, codec and Database stay the same.
  const { DrainingHttpHandler } = await import('./sdk-handler.mjs')
  db.client.client.config.requestHandler = new DrainingHttpHandler(Math.max(c, 50))
  notes.push('delete through the AWS SDK HTTP handler with bodies drained (recker 1.0.56 throws on 204)')
}
await phase('delete', n, () => runBounded(n, c, async (i) => { await resource.delete(ids[i]) }))

await db.disconnect()
out({
  result: {
    importMs: Math.round(importMs),
    connectMs: Math.round(connectMs * 10) / 10,
    createResourceMs: Math.round(createResourceMs * 10) / 10,
    rssAfterImportMiB: rssAfterImport,
    rssAfterConnectMiB: rssAfterConnect,
    peakRssMiB: peakRssMiB(),
    emittedErrors: emitted.count,
    firstEmittedError: emitted.first,
    notes,
    phases
  }
})
// The original keeps timers and handlers alive; the result is out, so leave now.
process.exit(0)
