// Turns a results JSON of run.mjs into markdown: per server and concurrency, ops/s, S3 requests
// per op, client CPU per op and ratios; then startup/memory; then the performance targets.
// Standalone: node benchmarks/resource/report.mjs benchmarks/results/FILE.json
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { phases } from './workload.mjs'

const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b)
  return s.length ? s[Math.floor((s.length - 1) / 2)] : undefined
}
const fmt = (x, d = 0) => (x === undefined ? '-' : x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }))
const ratio = (a, b) => (a && b ? `${(a / b).toFixed(2)}x` : '-')
const row = (cells) => `| ${cells.join(' | ')} |\n`

/** Median figures of the timed runs of one server/engine/concurrency, or why there are none. */
function timed (doc, server, engine, c) {
  const rs = doc.runs.filter((r) => r.pass === 'timed' && r.server === server && r.engine === engine && r.c === c)
  const ok = rs.filter((r) => r.result)
  if (!ok.length) return { why: rs[0]?.skipped ?? rs[0]?.failed ?? 'not run' }
  const per = {}
  for (const p of phases) {
    const ms = ok.map((r) => r.result.phases[p]).filter(Boolean)
    if (!ms.length) continue
    per[p] = {
      opsPerSec: median(ms.map((m) => m.opsPerSec)),
      cpuMsPerOp: median(ms.map((m) => m.cpuMsPerOp)),
      errors: ms.reduce((a, m) => a + m.errors, 0),
      firstError: ms.find((m) => m.firstError)?.firstError
    }
  }
  const pick = (k) => median(ok.map((r) => r.result[k]))
  return { runs: ok.length, per, connectMs: pick('connectMs'), importMs: pick('importMs'), rssAfterConnectMiB: pick('rssAfterConnectMiB'), peakRssMiB: pick('peakRssMiB') }
}

/** Requests per op of one server/engine from the counting pass. */
function requests (doc, server, engine) {
  const r = doc.runs.find((x) => x.pass === 'count' && x.server === server && x.engine === engine && x.result)
  if (!r) return null
  const out = {}
  for (const p of phases) {
    const m = r.result.phases[p]
    const counts = r.result.requests?.[p]
    if (!m || !counts) continue
    const total = Object.values(counts).reduce((a, b) => a + b, 0)
    out[p] = {
      perOp: total / m.ops,
      mix: Object.entries(counts).map(([k, v]) => `${k.replace(/Object(s?)$/, '$1').replace('ListV2', 'List')} ${fmt(v / m.ops, v / m.ops < 10 ? 2 : 0)}`).join(', ')
    }
  }
  out.setup = r.result.requests?.setup
  return out
}

function engineTable (doc, server, c) {
  const engines = doc.config.engines
  const data = Object.fromEntries(engines.map((e) => [e, timed(doc, server, e, c)]))
  const reqs = Object.fromEntries(engines.map((e) => [e, requests(doc, server, e)]))
  let md = `\n#### ${server}, N = ${fmt(doc.config.n)}, concurrency ${c}\n\n`
  const missing = engines.filter((e) => data[e].why)
  for (const e of missing) md += `- ${e}: ${data[e].why}\n`
  if (missing.length) md += '\n'
  md += row(['op', 'engine', 'ops/s', 'S3 req/op', 'client CPU ms/op', 'x original', 'x raw Node', 'x raw Rust', 'errors'])
  md += row(['---', '---', '---:', '---:', '---:', '---:', '---:', '---:', '---:'])
  for (const p of phases) {
    for (const e of engines) {
      const m = data[e].per?.[p]
      if (!m) continue
      const rq = reqs[e]?.[p]
      const vs = (other) => (other === e ? '-' : ratio(m.opsPerSec, data[other]?.per?.[p]?.opsPerSec))
      md += row([p, e, fmt(m.opsPerSec, m.opsPerSec < 100 ? 1 : 0), rq ? fmt(rq.perOp, 2) : (server === 'memory' ? 'n/a' : 'not measured'),
        fmt(m.cpuMsPerOp, 3), vs('original'), vs('raw-node'), vs('raw-rust'), m.errors ? `${m.errors}: ${m.firstError}` : '0'])
    }
  }
  return md
}

function requestMix (doc, server) {
  let md = ''
  for (const e of doc.config.engines) {
    const rq = requests(doc, server, e)
    if (!rq) continue
    const n = doc.runs.find((x) => x.pass === 'count' && x.server === server && x.engine === e)?.n
    md += `- ${e} (N = ${fmt(n)}): ` + phases.filter((p) => rq[p]).map((p) => `${p} [${rq[p].mix}]`).join('; ')
    if (rq.setup) md += `; connect+createResource [${Object.entries(rq.setup).map(([k, v]) => `${k} ${v}`).join(', ')}]`
    md += '\n'
  }
  return md ? `\nS3 requests per op by kind, ${server} (counting pass through the proxy, concurrency 10):\n\n${md}` : ''
}

function startupTable (doc) {
  let md = '\n### Startup and memory (medians)\n\n'
  md += row(['server', 'C', 'engine', 'import ms', 'connect ms', 'RSS after connect MiB', 'peak RSS MiB'])
  md += row(['---', '---:', '---', '---:', '---:', '---:', '---:'])
  for (const server of doc.config.servers) {
    for (const c of doc.config.c) {
      for (const e of doc.config.engines) {
        const t = timed(doc, server, e, c)
        if (t.why) continue
        md += row([server, c, e, fmt(t.importMs), fmt(t.connectMs, 1), fmt(t.rssAfterConnectMiB, 1), fmt(t.peakRssMiB, 1)])
      }
    }
  }
  return md
}

/** Checks s3db-native against the design's budget; never claims a target it has no figure for. */
function targets (doc) {
  const lines = []
  const check = (what, ok, detail) => lines.push(row([what, ok === undefined ? 'not measured' : ok ? 'met' : 'NOT met', detail]))
  const nativeAny = doc.config.engines.includes('native') && doc.runs.some((r) => r.engine === 'native' && r.result)
  if (!nativeAny) {
    const why = doc.runs.find((r) => r.engine === 'native')?.skipped ?? 'native not run'
    return `\n### Targets (s3db-native)\n\nnot measured: ${why}.\n`
  }
  for (const c of doc.config.c) {
    for (const server of doc.config.servers) {
      const nat = timed(doc, server, 'native', c)
      const orig = timed(doc, server, 'original', c)
      const rawNode = timed(doc, server, 'raw-node', c)
      const rawRust = timed(doc, server, 'raw-rust', c)
      for (const p of phases) {
        const n = nat.per?.[p]?.opsPerSec
        const o = orig.per?.[p]?.opsPerSec
        if (server === 's3s-fs') {
          check(`s3s-fs c=${c} ${p}: >= 3x original`, n && o ? n >= 3 * o : undefined, ratio(n, o))
          const rr = rawRust.per?.[p]?.opsPerSec
          check(`s3s-fs c=${c} ${p}: >= 85% of raw Rust`, n && rr ? n >= 0.85 * rr : undefined, rr ? ratio(n, rr) : `raw Rust: ${rawRust.why}`)
        }
        if (server === 'moto') {
          const rn = rawNode.per?.[p]?.opsPerSec
          check(`moto c=${c} ${p}: >= 90% of raw loop (Node SDK)`, n && rn ? n >= 0.9 * rn : undefined, ratio(n, rn))
          if (['insert', 'update', 'delete', 'page'].includes(p)) check(`moto c=${c} ${p}: >= 2.5x original`, n && o ? n >= 2.5 * o : undefined, ratio(n, o))
        }
        if (server !== 'memory') {
          const nc = nat.per?.[p]?.cpuMsPerOp
          const oc = orig.per?.[p]?.cpuMsPerOp
          check(`${server} c=${c} ${p}: client CPU/op <= 1/3 of original`, nc !== undefined && oc ? nc <= oc / 3 : undefined, nc !== undefined && oc ? `${fmt(nc, 3)} vs ${fmt(oc, 3)} ms` : '-')
        }
      }
      if (server !== 'memory') check(`${server} c=${c}: connect < 50 ms`, nat.connectMs !== undefined ? nat.connectMs < 50 : undefined, `${fmt(nat.connectMs, 1)} ms`)
      check(`${server} c=${c}: RSS after connect <= 60 MiB`, nat.rssAfterConnectMiB !== undefined ? nat.rssAfterConnectMiB <= 60 : undefined, `${fmt(nat.rssAfterConnectMiB, 1)} MiB`)
      if (server === 'memory' && doc.config.n >= 100_000) {
        check(`memory c=${c} N=${fmt(doc.config.n)}: peak RSS <= half the original's`, nat.peakRssMiB && orig.peakRssMiB ? nat.peakRssMiB <= orig.peakRssMiB / 2 : undefined, `${fmt(nat.peakRssMiB)} vs ${fmt(orig.peakRssMiB)} MiB`)
      }
    }
  }
  return `\n### Targets (s3db-native)\n\n${row(['target', 'status', 'measured'])}${row(['---', '---', '---'])}${lines.join('')}`
}

export function renderMarkdown (doc) {
  const loads = doc.runs.filter((r) => r.loadavg).map((r) => r.loadavg[0])
  let md = `## Database and Resource: results ${doc.started.slice(0, 16).replace('T', ' ')} UTC\n\n`
  const counted = doc.config.servers.some((s) => s !== 'memory')
  md += `Node ${doc.node}; N = ${fmt(doc.config.n)}; repeats ${doc.config.repeats} (medians); timestamps ${doc.config.timestamps}; `
  if (counted) md += `counting pass N = ${fmt(doc.config.countN)}; `
  // Results from before the warm-up option had neither warm-up runs nor rotated engines.
  if (counted) md += doc.config.warmup === undefined ? 'no warm-up runs, engines in the same order each repeat; ' : `${doc.config.warmup} untimed warm-up runs per HTTP server, engines rotated per repeat; `
  if (doc.config.servers.includes('s3s-fs')) md += `s3s-fs data dir ${doc.config.s3sFsInMemory ? 'in tmpfs (S3S_FS_IN_MEMORY=1)' : 'on disk'}; `
  md += `1-min load average before runs ${fmt(Math.min(...loads), 1)}-${fmt(Math.max(...loads), 1)} (shared 2-core machine).\n`
  if (doc.config.phases) md += `Phases run: ${doc.config.phases} (insert always runs, unless insertMany is asked for: then it stores the records instead).\n`
  if (doc.revision) md += `s3db-native: commit ${doc.revision.commit}${doc.revision.dirty ? ' plus uncommitted changes' : ''}; addon ${doc.addon.path}${doc.addon.built ? ` (built ${doc.addon.built.slice(0, 16).replace('T', ' ')} UTC)` : ''}.\n`
  md += 'Ops: list = records read by one list() call; count = one count() call; page = one page of 100 records (pages read one after another).\n'
  for (const server of doc.config.servers) {
    const failed = doc.runs.find((r) => r.server === server && !r.engine && r.failed)
    md += `\n### ${server}\n`
    if (failed) { md += `\n${server} failed: ${failed.failed}\n`; continue }
    for (const c of doc.config.c) md += engineTable(doc, server, c)
    if (server !== 'memory') md += requestMix(doc, server)
  }
  md += startupTable(doc)
  md += targets(doc)
  return md
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(renderMarkdown(JSON.parse(readFileSync(process.argv[2], 'utf8'))))
}
