// What every engine does, so the figures compare like with like: the record shape, the phases,
// a bounded worker loop and the per-phase measurement.

/** Ten mixed top-level fields. s3db.js 19.5.10's `date` type does not round-trip (get returns a
 * JSON-quoted string and the next update fails validation), so the date travels as an ISO string. */
export const attributes = {
  name: 'string|min:2|max:100',
  email: 'email',
  age: 'number|integer|positive',
  score: 'number',
  active: 'boolean',
  level: 'number|integer',
  bio: 'string',
  joinedAt: 'string',
  tags: 'array|items:string',
  profile: { city: 'string', country: 'string', zip: 'string' }
}

const cities = ['Lisboa', 'Recife', 'Porto Alegre', 'Curitiba', 'Manaus', 'Natal']

/** Record number i; deterministic so every engine stores the same data. */
export function record (i) {
  return {
    name: `User number ${i}`,
    email: `user${i}@example.com`,
    age: 18 + (i % 60),
    score: Math.round((i * 7.31) % 1000 * 100) / 100,
    active: i % 3 !== 0,
    level: i % 10,
    bio: `Writes benchmarks and reads metadata headers; record ${i} of the side-by-side run.`,
    joinedAt: new Date(Date.UTC(2020, 0, 1) + i * 3_600_000).toISOString(),
    tags: ['bench', `group-${i % 7}`, i % 2 ? 'odd' : 'even'],
    profile: { city: cities[i % cities.length], country: 'BR', zip: String(10000 + i) }
  }
}

/** The partial update applied to every record. */
export function change (i) {
  return { age: 19 + (i % 60), active: i % 3 === 0, level: (i + 1) % 10 }
}

export const pageSize = 100
/** count() calls in the count phase: 10, or `--count-calls=K` (one count of 100k keys on
 * s3s-fs is minutes of the server's LIST work). */
export const countCalls = (opts) => Number(opts['count-calls'] ?? 10)
/**
 * The pages the page phase reads: every page of the listing, or `sample` of them spread evenly
 * from the first to the last (`--pages=K`). Each page() lists from the start, so paging through
 * N records costs N^2/1,000 listed keys; at 100k a sample keeps the phase to minutes while each
 * sampled page still pays its real cost. Returns the page numbers and the records they hold.
 */
export function pagePlan (n, sample) {
  const total = Math.ceil(n / pageSize)
  const k = sample ? Math.min(Number(sample), total) : total
  const pages = Array.from({ length: k }, (_, j) => k === total ? j : Math.floor(j * (total - 1) / Math.max(k - 1, 1)))
  const records = pages.reduce((sum, p) => sum + Math.min(pageSize, n - p * pageSize), 0)
  return { pages, records }
}

export const phases = ['insert', 'insertMany', 'get', 'exists', 'update', 'list', 'count', 'page', 'stream', 'delete']

/** Runs fn(0..total-1) with at most `concurrency` in flight; counts failures instead of stopping. */
export async function runBounded (total, concurrency, fn) {
  let next = 0
  let errors = 0
  let firstError = null
  async function worker () {
    while (next < total) {
      const i = next++
      try {
        await fn(i)
      } catch (err) {
        errors++
        firstError ??= err
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker))
  return { errors, firstError }
}

const mib = (bytes) => Math.round(bytes / 1048576 * 10) / 10

// The highest RSS seen during the running phase: sampled every 20 ms, and by phases that hold
// the main thread (sampleRss()); maxRSS alone is the whole process's peak, earlier phases too.
let phasePeak = 0
export function sampleRss () {
  const rss = process.memoryUsage.rss()
  if (rss > phasePeak) phasePeak = rss
}

/** Times one phase: wall time, process CPU (all threads, native ones too) and RSS. */
export async function measure (ops, body) {
  const rssStart = process.memoryUsage.rss()
  phasePeak = rssStart
  const sampler = setInterval(sampleRss, 20)
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  const { errors, firstError, records } = await body().finally(() => clearInterval(sampler))
  const ms = performance.now() - t0
  const cpu = process.cpuUsage(cpu0)
  sampleRss()
  return {
    rssStartMiB: mib(rssStart),
    phasePeakRssMiB: mib(phasePeak),
    ops,
    records: records ?? ops,
    errors,
    firstError: firstError ? String(firstError.message || firstError).slice(0, 200) : undefined,
    ms: Math.round(ms * 10) / 10,
    opsPerSec: Math.round(ops / (ms / 1000) * 10) / 10,
    cpuMsPerOp: Math.round((cpu.user + cpu.system) / 1000 / ops * 1000) / 1000,
    rssMiB: mib(process.memoryUsage.rss())
  }
}

/** Peak RSS of this process so far (maxRSS is in KiB). */
export const peakRssMiB = () => Math.round(process.resourceUsage().maxRSS / 1024 * 10) / 10
export const rssMiB = () => mib(process.memoryUsage.rss())

/** In the counting pass the runner's proxy snapshots its counts at each phase end. */
export async function markPhase (phase) {
  const url = process.env.BENCH_MARK_URL
  if (!url) return
  const res = await fetch(`${url}/__bench__/mark?phase=${encodeURIComponent(phase)}`)
  await res.text()
}

/** Reads --key=value arguments. */
/**
 * The phases an engine runs (`--phases=a,b`): the records are stored by `insert` (one call per
 * record; always runs, the rest needs it) or, when asked for, by `insertMany` instead; the others
 * run when asked for (all by default, but insertMany). `phase` measures one and marks its end
 * for the counting proxy; `results` collects the measurements. An engine without insertMany
 * (the raw loops) passes `{ insertMany: false }` and always stores by insert.
 */
export function phaseRunner (wantedList, { insertMany = true } = {}) {
  const wanted = wantedList ? wantedList.split(',') : null
  const results = {}
  const loader = insertMany && wanted?.includes('insertMany') ? 'insertMany' : 'insert'
  const runs = (name) => name === loader || (name !== 'insert' && name !== 'insertMany' && (!wanted || wanted.includes(name)))
  async function phase (name, ops, body) {
    if (!runs(name)) return
    results[name] = await measure(ops, body)
    process.stderr.write(`[phase] ${name} ${JSON.stringify(results[name])}\n`)
    await markPhase(name)
  }
  return { phase, results, loader }
}

export function options (argv) {
  const out = {}
  for (const a of argv) {
    const m = /^--([^=]+)=(.*)$/.exec(a)
    if (m) out[m[1]] = m[2]
  }
  return out
}
