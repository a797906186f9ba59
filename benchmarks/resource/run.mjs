// Side-by-side Database/Resource benchmark: s3db-native, s3db.js 19.5.10 and raw SDK loops, each
// in a fresh process, on memory://, moto and s3s-fs. Writes JSON + markdown to benchmarks/results/.
//
//   node benchmarks/resource/run.mjs [--servers=memory,moto,s3s-fs] [--engines=native,original,raw-node,raw-rust]
//     [--n=2000] [--c=10,100] [--repeats=1] [--count-n=N] [--phases=insert,get,...]
//     [--timestamps=false] [--timeout-min=20] [--tag=NAME] [--many-from=array|iterator] [--batch=1000]
//     [--pages=K] [--count-calls=K] [--warmup=2]
//
// --warmup=K: K untimed runs on each HTTP server before the timed pass (default 2; 0 for none),
// and each repeat runs the engines in a rotated order: a cold server is slower (see warmUp).
// --phases=insertMany,... stores the records by insertMany instead of insert: from one array of
// N (--many-from=array, the default) or from a generator in calls of --batch records.
// --pages=K reads K pages spread evenly over the listing in the page phase instead of all of them;
// --count-calls=K makes K count() calls instead of 10.
//
// s3db-native loads the release addon (target/addon-release) when it exists, else whatever
// binding.js finds; NAPI_RS_NATIVE_LIBRARY_PATH overrides both. The results record which.
//
// Two passes per server. Timed pass: engines talk to the server directly (ops/s, CPU, RSS).
// Counting pass (HTTP servers only, c=10, --count-n records, default N): the same workload through a counting
// proxy, which gives S3 requests per op without putting the proxy's cost into the timed figures.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import { options } from './workload.mjs'
import { startServer, stopServer, stopAll, createBucket, credentials } from './servers.mjs'
import { startCountingProxy } from './proxy.mjs'
import { renderMarkdown } from './report.mjs'

const here = (p) => fileURLToPath(new URL(p, import.meta.url))
const repo = here('../../')
const opts = options(process.argv.slice(2))
const list = (v, d) => (v ?? d).split(',').filter(Boolean)
const cfg = {
  servers: list(opts.servers, 'memory,moto,s3s-fs'),
  engines: list(opts.engines, 'native,original,raw-node,raw-rust'),
  n: Number(opts.n ?? 2000),
  c: list(opts.c, '10,100').map(Number),
  repeats: Number(opts.repeats ?? 1),
  countN: Number(opts['count-n'] ?? opts.n ?? 2000),
  phases: opts.phases,
  timestamps: opts.timestamps ?? 'false',
  manyFrom: opts['many-from'],
  batch: opts.batch,
  pages: opts.pages,
  countCalls: opts['count-calls'],
  warmup: opts.warmup === undefined ? 2 : Number(opts.warmup),
  // Where s3s-fs keeps its data, as benchmarks/s3s-fs.sh chose it (S3S_FS_IN_MEMORY=1 asks for
  // tmpfs, which it falls back from when /dev/shm is not writable); set once s3s-fs started.
  s3sFsInMemory: undefined,
  tag: opts.tag ?? 'resource'
}
const rustBin = here('../../target/bench-raw/release/raw-rust-bench')
const stateRoot = here('../../target/bench-resource/')
const childTimeoutMs = Number(opts['timeout-min'] ?? 20) * 60_000
const releaseAddon = here('../../target/addon-release/s3db-native.linux-x64-gnu.node')
const addonPath = process.env.NAPI_RS_NATIVE_LIBRARY_PATH ?? (existsSync(releaseAddon) ? releaseAddon : null)
const addonEnv = addonPath ? { NAPI_RS_NATIVE_LIBRARY_PATH: addonPath } : {}
const addon = addonPath
  ? { path: addonPath.startsWith(repo) ? addonPath.slice(repo.length) : 'NAPI_RS_NATIVE_LIBRARY_PATH', built: statSync(addonPath).mtime.toISOString() }
  : { path: 'binding.js default (the root build; debug unless built with --release)' }
const git = (args) => spawnSync('git', args, { cwd: repo, encoding: 'utf8' }).stdout.trim()
const revision = { commit: git(['rev-parse', '--short', 'HEAD']), dirty: git(['status', '--porcelain', '--', 'src', 'crates', 'lib', 'index.js']) !== '' }

// Servers are stopped by PID however the run ends.
process.on('exit', stopAll)
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { stopAll(); process.exit(130) })

function commandFor (engine, server, endpoint, bucket, n, c) {
  const common = [`--n=${n}`, `--c=${c}`]
  if (cfg.phases) common.push(`--phases=${cfg.phases}`)
  if (cfg.manyFrom) common.push(`--many-from=${cfg.manyFrom}`)
  if (cfg.batch) common.push(`--batch=${cfg.batch}`)
  if (cfg.pages) common.push(`--pages=${cfg.pages}`)
  if (cfg.countCalls) common.push(`--count-calls=${cfg.countCalls}`)
  if (['native', 'original', 'original-recker'].includes(engine)) {
    const url = server === 'memory'
      ? `memory://${bucket}/db`
      : `http://${credentials.accessKeyId}:${credentials.secretAccessKey}@${endpoint.slice('http://'.length)}/${bucket}/db`
    return [process.execPath, [here('./engine-db.mjs'), `--engine=${engine}`, `--url=${url}`, `--timestamps=${cfg.timestamps}`, ...common]]
  }
  if (server === 'memory') return { skipped: 'n/a: memory:// has no S3 API for a raw loop' }
  if (engine === 'raw-node') return [process.execPath, [here('./engine-raw.mjs'), `--endpoint=${endpoint}`, `--bucket=${bucket}`, ...common]]
  if (engine === 'raw-rust') {
    if (!existsSync(rustBin)) return { skipped: 'not built: see BENCHMARKS.md (raw Rust loop)' }
    return [rustBin, [`--endpoint=${endpoint}`, `--bucket=${bucket}`, ...common]]
  }
  return { skipped: `unknown engine ${engine}` }
}

/** Runs one engine process; resolves its result line, a skip reason or a failure. */
function runChild ([cmd, args], env) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: here('../'), env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => { stdout += d })
    child.stderr.on('data', (d) => { stderr = (stderr + d).slice(-4000) })
    const timer = setTimeout(() => child.kill('SIGKILL'), childTimeoutMs)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      // The original's process handlers can exit 0 after an error: trust only the result line.
      const line = stdout.trim().split('\n').reverse().find((l) => l.startsWith('{'))
      try {
        const parsed = JSON.parse(line)
        if (parsed.result || parsed.skipped) return resolve(parsed)
      } catch {}
      const why = stderr.split('\n').filter((l) => /error|Error|panic/.test(l)).slice(0, 2).join(' / ')
      resolve({ failed: `exit ${code ?? signal}${why ? ': ' + why.slice(0, 300) : ''}` })
    })
  })
}

/** Requests per phase from the proxy's snapshots. */
function phaseRequests (marks) {
  const out = {}
  let before = {}
  for (const { phase, counts } of marks) {
    const delta = {}
    for (const [op, v] of Object.entries(counts)) if (v - (before[op] || 0) > 0) delta[op] = v - (before[op] || 0)
    out[phase] = delta
    before = counts
  }
  return out
}

let bucketSeq = 0
const bucketName = (engine) => `bench-${engine}-${Date.now().toString(36)}-${bucketSeq++}`
const runs = []
const log = (...a) => console.error('[bench]', ...a)

/** Engines in the order of repeat `rep`: rotated, so that no engine always runs first. */
const enginesFor = (rep) => cfg.engines.map((_, i) => cfg.engines[(i + rep) % cfg.engines.length])

/**
 * Untimed runs before the timed pass on an HTTP server. A fresh s3s-fs serves its first few
 * thousand writes at a third to a half of its later speed (measured: the same engine, same N,
 * 1,207 then 2,364 then 2,877 inserts/s), so whichever engine ran first was measured on a cold
 * server. The raw Rust loop warms it when built (least client CPU), else the first engine.
 */
async function warmUp (server, endpoint) {
  const engine = cfg.engines.find((e) => e === 'raw-rust' && existsSync(rustBin)) ?? cfg.engines[0]
  for (let i = 0; i < cfg.warmup; i++) {
    const bucket = bucketName(engine)
    const cmd = commandFor(engine, server, endpoint, bucket, cfg.n, cfg.c[0])
    if (!Array.isArray(cmd)) return
    await createBucket(endpoint, bucket)
    log(`${server} warm-up ${i + 1}/${cfg.warmup} (${engine}, not reported)`)
    const out = await runChild(cmd, addonEnv)
    runs.push({ server, engine, pass: 'warmup', n: cfg.n, c: cfg.c[0], ...(out.failed ? { failed: out.failed } : {}) })
  }
}

async function timedPass (server, endpoint) {
  for (const c of cfg.c) {
    for (let rep = 0; rep < cfg.repeats; rep++) {
      for (const engine of enginesFor(rep)) {
        const bucket = bucketName(engine)
        const cmd = commandFor(engine, server, endpoint, bucket, cfg.n, c)
        const entry = { server, engine, pass: 'timed', n: cfg.n, c, repeat: rep, loadavg: loadavg().map((x) => +x.toFixed(2)) }
        if (!Array.isArray(cmd)) {
          runs.push({ ...entry, ...cmd })
          continue
        }
        if (endpoint) await createBucket(endpoint, bucket)
        log(`${server} ${engine} n=${cfg.n} c=${c} run ${rep + 1}/${cfg.repeats}`)
        const out = await runChild(cmd, addonEnv)
        runs.push({ ...entry, ...out })
        save(null)
        log('  ->', out.skipped ?? out.failed ?? summary(out.result))
      }
    }
  }
}

async function countingPass (server, endpoint) {
  const proxy = await startCountingProxy(endpoint)
  try {
    for (const engine of cfg.engines) {
      const bucket = bucketName(engine)
      const cmd = commandFor(engine, server, proxy.url, bucket, cfg.countN, 10)
      const entry = { server, engine, pass: 'count', n: cfg.countN, c: 10 }
      if (!Array.isArray(cmd)) {
        runs.push({ ...entry, ...cmd })
        continue
      }
      await createBucket(endpoint, bucket)
      proxy.reset()
      log(`${server} ${engine} counting pass n=${cfg.countN}`)
      const out = await runChild(cmd, { ...addonEnv, BENCH_MARK_URL: proxy.url })
      if (out.result) out.result.requests = phaseRequests(proxy.marks())
      runs.push({ ...entry, ...out })
      save(null)
      log('  ->', out.skipped ?? out.failed ?? 'counted')
    }
  } finally {
    await proxy.close()
  }
}

/** Writes the JSON after every run, so an interrupted run keeps what it measured. */
function save (finished) {
  const doc = { benchmark: 'Database and Resource', started: started.toISOString(), finished, node: process.version, revision, addon, config: cfg, runs }
  writeFileSync(`${base}.json`, JSON.stringify(doc, null, 2) + '\n')
  return doc
}

const summary = (r) => Object.entries(r.phases).map(([p, m]) => `${p} ${m.opsPerSec}/s${m.errors ? ` (${m.errors} errors)` : ''}`).join(', ')

const started = new Date()
const resultsDir = here('../results/')
mkdirSync(resultsDir, { recursive: true })
const base = `${resultsDir}${cfg.tag}-${started.toISOString().replace(/[:.]/g, '-').slice(0, 19)}`
for (const server of cfg.servers) {
  let endpoint = null
  if (server !== 'memory') {
    log(`starting ${server}`)
    try {
      endpoint = startServer(server, `${stateRoot}${server}`)
      if (server === 's3s-fs') cfg.s3sFsInMemory = readFileSync(`${stateRoot}${server}/s3s-fs.data`, 'utf8').startsWith('/dev/shm/')
    } catch (err) {
      log(err.message)
      runs.push({ server, failed: err.message })
      continue
    }
  }
  try {
    if (endpoint) await warmUp(server, endpoint)
    await timedPass(server, endpoint)
    if (endpoint) await countingPass(server, endpoint)
  } finally {
    if (endpoint) stopServer(server)
  }
}

const doc = save(new Date().toISOString())
const md = renderMarkdown(doc)
writeFileSync(`${base}.md`, md)
process.stdout.write(md)
log(`wrote ${base.slice(repo.length)}.json and .md`)
