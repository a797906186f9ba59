// Runs every engine/size/concurrency in fresh processes (medians of 3) and prints a markdown
// table. Usage: node benchmarks/pool/run.mjs [--quick] [--only name,name] [--sizes n,n]
//   [--concurrencies c,c] [--no-memory] [--timeout seconds] > results.md
// Set NAPI_RS_NATIVE_LIBRARY_PATH to a release build of the addon for representative figures.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { engines } from './engines.mjs'

const here = fileURLToPath(new URL('./run-one.mjs', import.meta.url))
const args = process.argv.slice(2)
const quick = args.includes('--quick')
const onlyIndex = args.indexOf('--only')
const only = onlyIndex >= 0 ? args[onlyIndex + 1].split(',') : Object.keys(engines)
const repeats = quick ? 1 : 3
const listArg = (flag, fallback) => {
  const i = args.indexOf(flag)
  return i >= 0 ? args[i + 1].split(',').map(Number) : fallback
}
const sizes = listArg('--sizes', quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000])
const concurrencies = listArg('--concurrencies', [10, 100, 1000])
const timeoutMs = listArg('--timeout', [600])[0] * 1000

function measure (kind, name, n, c) {
  const runs = []
  for (let i = 0; i < repeats; i++) {
    const r = spawnSync(process.execPath, ['--max-old-space-size=8192', here, kind, name, String(n), String(c)], { encoding: 'utf8', timeout: timeoutMs })
    if (r.status === null) return { failed: `over ${timeoutMs / 1000} s` }
    if (r.status !== 0) return { failed: (r.stderr || r.error?.message || 'failed').split('\n').find((l) => /Error|heap/i.test(l)) || `exit ${r.status}` }
    runs.push(JSON.parse(r.stdout.trim().split('\n').pop()))
  }
  const median = (key) => runs.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(runs.length / 2)]
  return { tasksPerSec: median('tasksPerSec'), cpuUsPerTask: median('cpuUsPerTask'), peakRssMiB: median('peakRssMiB') }
}

const fmt = (x, digits) => x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
const row = (cells) => `| ${cells.join(' | ')} |`

console.log(row(['engine', 'N', 'C', 'tasks/s', 'CPU µs/task', 'peak RSS MiB']))
console.log(row(['---', '---:', '---:', '---:', '---:', '---:']))
for (const n of sizes) {
  for (const c of concurrencies) {
    for (const name of only) {
      const m = measure('engines', name, n, c)
      const cells = m.failed
        ? [name, fmt(n, 0), c, 'failed', m.failed.slice(0, 60), '']
        : [name, fmt(n, 0), c, fmt(m.tasksPerSec, 0), fmt(m.cpuUsPerTask, 2), fmt(m.peakRssMiB, 0)]
      console.log(row(cells))
    }
  }
}

if (args.includes('--no-memory')) process.exit(0)
console.log('')
console.log(row(['memory scenario', 'N', 'C', 'tasks/s', 'CPU µs/task', 'peak RSS MiB']))
console.log(row(['---', '---:', '---:', '---:', '---:', '---:']))
for (const [name, n] of [['eager', 100_000], ['lazy', 100_000], ['lazy small', 1_000_000]]) {
  const m = measure('memory', name, n, 100)
  const cells = m.failed
    ? [name, fmt(n, 0), 100, 'failed', m.failed.slice(0, 60), '']
    : [name, fmt(n, 0), 100, fmt(m.tasksPerSec, 0), fmt(m.cpuUsPerTask, 2), fmt(m.peakRssMiB, 0)]
  console.log(row(cells))
}
