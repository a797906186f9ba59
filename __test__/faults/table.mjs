// The soak's table: one column per run (library and fault rate), one row per figure.

const KINDS = ['slowDown', 'internalError', 'resetBefore', 'resetAfter', 'delay']
const READS = ['getMany', 'list', 'getAll', 'page', 'iterate']

const sum = (values) => values.reduce((a, b) => a + (b ?? 0), 0)

/** Rows of [label, value per run]. */
function rows (runs) {
  const col = (fn) => runs.map(({ report }) => {
    try { return fn(report) } catch { return '-' }
  })
  const opNames = [...new Set(runs.flatMap(({ report }) => Object.keys(report.ops ?? {})))]
  const readOps = opNames.filter((name) => READS.includes(name.split(' ')[0]))
  const out = [
    ['finished', col((r) => (r.finished ? 'yes' : 'NO (time cap)'))],
    ['records / concurrency', col((r) => `${r.records} / ${r.concurrency}`)],
    ['requests through the proxy', col((r) => r.injected.requests)],
    ...KINDS.map((k) => [`  injected ${k}`, col((r) => r.injected[k])]),
    ['  injected total', col((r) => r.injected.injected)],
    ['insert reported failed', col((r) => `${r.ops.insert?.failed ?? '-'} of ${r.ops.insert?.calls ?? '-'}`)],
    ['  of which stored anyway (false failure)', col((r) => r.ops.insert?.falseFailures ?? 0)],
    ['update reported failed', col((r) => `${r.ops.update?.failed ?? '-'} of ${r.ops.update?.calls ?? '-'}`)],
    ['  of which applied anyway (false failure)', col((r) => r.ops.update?.falseFailures ?? 0)],
    ['count calls failed / wrong', col((r) => `${r.ops.count?.failed ?? '-'} / ${r.ops.count?.wrong ?? '-'}`)],
    ['deleteMany calls failed / ids reported', col((r) => `${r.ops.deleteMany?.failed ?? '-'} / ${r.ops.deleteMany?.reported ?? '-'}`)]
  ]
  for (const name of readOps) {
    out.push([`${name}: rejected / records reported / silent`, col((r) => {
      const o = r.ops[name]
      return o ? `${o.failed} / ${o.reported} / ${o.silent}` : '-'
    })])
  }
  out.push(
    ['reads returning a wrong record', col((r) => sum(readOps.map((n) => r.ops[n]?.wrong)))],
    ['records lost', col((r) => r.lost)],
    ['records duplicated', col((r) => r.duplicated)],
    ['records corrupted', col((r) => r.corrupted)],
    ['records unreadable after the run', col((r) => r.unreadable)],
    ['reported deleted, still stored', col((r) => r.falseSuccesses)],
    ['reads short without notice (records)', col((r) => r.silent)],
    ['unhandled rejections', col((r) => r.unhandledRejections ?? 0)],
    ['wall time', col((r) => `${((r.wallMs ?? 0) / 1000).toFixed(1)} s`)]
  )
  return out
}

/** The table as text: `runs` is [{ label, report }]. */
export function formatTable (runs) {
  const table = [['', ...runs.map((r) => r.label)], ...rows(runs).map(([label, values]) => [label, ...values.map(String)])]
  const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)))
  const line = (row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ')
  return [line(table[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...table.slice(1).map(line)].join('\n')
}
