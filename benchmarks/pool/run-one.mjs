// One measurement in a fresh process: `node run-one.mjs <engines|memory> <name> <n> <c>`.
// Prints one JSON line: wall time, tasks/s, CPU µs per task, peak RSS (MiB).
import { engines, memoryScenarios, load } from './engines.mjs'

const [kind, name, nText, cText] = process.argv.slice(2)
const table = kind === 'memory' ? memoryScenarios : engines
const run = table[name]
if (!run) throw new Error(`unknown ${kind} "${name}"`)
const n = Number(nText)
const c = Number(cText)

await load(name)
const cpu0 = process.cpuUsage()
const t0 = process.hrtime.bigint()
await run(n, c)
const wallMs = Number(process.hrtime.bigint() - t0) / 1e6
const cpu = process.cpuUsage(cpu0)
console.log(JSON.stringify({
  kind,
  name,
  n,
  c,
  wallMs,
  tasksPerSec: n / (wallMs / 1000),
  cpuUsPerTask: (cpu.user + cpu.system) / n,
  peakRssMiB: process.resourceUsage().maxRSS / 1024,
}))
