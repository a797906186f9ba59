// The scaling table: per server, engine and phase, ops/s, client CPU per op and the phase's
// peak RSS (sampled; see workload.mjs) at each N, from results JSONs of run.mjs (one N each).
// Medians over repeats. Usage: node benchmarks/resource/scaling.mjs FILE.json... > OUT.md
import { readFileSync } from 'node:fs'
import { phases } from './workload.mjs'

const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b)
  return s.length ? s[Math.floor((s.length - 1) / 2)] : undefined
}
const fmt = (x, d = 0) => (x === undefined ? '-' : x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }))
const row = (cells) => `| ${cells.join(' | ')} |\n`

const docs = process.argv.slice(2).map((f) => ({ file: f.replace(/^.*\/(benchmarks\/)/, '$1'), ...JSON.parse(readFileSync(f, 'utf8')) }))
const runs = docs.flatMap((d) => d.runs.filter((r) => r.pass === 'timed' && r.result).map((r) => ({ ...r, doc: d })))
const key = (r) => `${r.server}|${r.engine}|${r.c}`
const groups = [...new Set(runs.map(key))]
let md = ''
for (const g of groups) {
  const [server, engine, c] = g.split('|')
  const rs = runs.filter((r) => key(r) === g)
  const ns = [...new Set(rs.map((r) => r.n))].sort((a, b) => a - b)
  md += `\n#### ${server}, ${engine}, concurrency ${c}\n\n`
  md += row(['op', ...ns.map((n) => `N = ${fmt(n)}: ops/s, CPU ms/op, phase peak RSS MiB`)])
  md += row(['---', ...ns.map(() => '---')])
  for (const p of phases) {
    const cells = ns.map((n) => {
      const ms = rs.filter((r) => r.n === n).map((r) => r.result.phases[p]).filter(Boolean)
      if (!ms.length) return 'not run'
      const errs = ms.reduce((a, m) => a + m.errors, 0)
      const ops = median(ms.map((m) => m.opsPerSec))
      return `${fmt(ops, ops < 100 ? 1 : 0)}, ${fmt(median(ms.map((m) => m.cpuMsPerOp)), 3)}, ${fmt(median(ms.map((m) => m.phasePeakRssMiB)), 1)}${ms.length > 1 ? ` (median of ${ms.length})` : ''}${errs ? `, ${errs} errors: ${ms.find((m) => m.firstError)?.firstError}` : ''}`
    })
    if (cells.every((x) => x === 'not run')) continue
    md += row([p, ...cells])
  }
  md += row(['RSS after connect / process peak', ...ns.map((n) => {
    const x = rs.filter((r) => r.n === n)
    return `${fmt(median(x.map((r) => r.result.rssAfterConnectMiB)), 1)} / ${fmt(median(x.map((r) => r.result.peakRssMiB)), 1)}`
  })])
  const srcs = [...new Set(rs.map((r) => `${r.doc.file} (commit ${r.doc.revision.commit}${r.doc.revision.dirty ? ', others\' uncommitted edits in the tree' : ''}, load ${r.loadavg.join('/')})`))]
  md += `\nSources: ${srcs.join('; ')}\n`
}
process.stdout.write(md)
