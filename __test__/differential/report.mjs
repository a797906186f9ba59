// Runs every scenario on both libraries and prints the differences (not a test: a tool to
// look at the current state and to regenerate known-differences.mjs).
//   node __test__/differential/report.mjs [--all] [--markdown] [--known] [--only=<name prefix>]
// Without --all, differences covered by a field entry of known-differences.mjs are left out.
import { backends } from './harness/places.mjs'
import { libraries } from './harness/libraries.mjs'
import { classify, compareScenario, describeDiffs } from './harness/compare.mjs'
import { known } from './known-differences.mjs'
import { preview } from './harness/diff.mjs'
import { allScenarios } from './scenarios/index.mjs'
import { crossRead } from './harness/cross.mjs'

const args = process.argv.slice(2)
const only = args.find((a) => a.startsWith('--only='))?.slice(7)
const libs = await libraries()
const rows = []
for (const backend of backends.filter((b) => !b.skip)) {
  for (const sc of allScenarios.filter((s) => !only || s.name.startsWith(only))) {
    const all = (await compareScenario(sc, backend, libs)).diffs
    const fieldEntries = known.filter((e) => e.field !== undefined)
    const diffs = args.includes('--all') ? all : classify(all, sc.name, backend.name, fieldEntries).unlisted
    for (const d of diffs) rows.push({ backend: backend.name, scenario: sc.name, ...d })
    if (!args.includes('--markdown') && !args.includes('--known')) {
      console.log(`${sc.name} on ${backend.name}: ${diffs.length ? `${diffs.length} difference(s)\n${describeDiffs(diffs)}` : 'same'}`)
    }
  }
}
if (!only || 'cross/'.startsWith(only) || only.startsWith('cross')) {
  const [reference, native] = libs
  for (const backend of backends.filter((b) => !b.skip)) {
    for (const [writer, reader] of [[reference, native], [native, reference]]) {
      const name = `cross/${writer.name}-writes-${reader.name}-reads`
      const diffs = await crossRead(writer, reader, backend)
      for (const d of diffs) rows.push({ backend: backend.name, scenario: name, ...d })
      if (!args.includes('--markdown') && !args.includes('--known')) {
        console.log(`${name} on ${backend.name}: ${diffs.length ? `${diffs.length} difference(s) (s3db.js reads / s3db-native reads)\n${describeDiffs(diffs)}` : 'same'}`)
      }
    }
  }
}
if (args.includes('--markdown')) {
  console.log('| backend | scenario | path | s3db.js 19.5.10 | s3db-native |\n|---|---|---|---|---|')
  const cell = (v) => preview(v, 120).replace(/\|/g, '\\|')
  for (const r of rows) console.log(`| ${r.backend} | ${r.scenario} | \`${r.path}\` | ${cell(r.reference)} | ${cell(r.native)} |`)
  // The same field differing in many places is usually one cause: count them by last field.
  const byField = new Map()
  for (const r of rows) {
    const field = /(?:\.([\w$-]+)|\["([^"]*)"\]|\[(\d+)\])$/.exec(r.path)?.slice(1).find((x) => x !== undefined) ?? r.path
    const e = byField.get(field) ?? { n: 0, scenarios: new Set() }
    e.n++
    e.scenarios.add(r.scenario)
    byField.set(field, e)
  }
  console.log('\n| last path segment | differences | scenarios |\n|---|---|---|')
  for (const [f, e] of [...byField].sort((a, b) => b[1].n - a[1].n)) console.log(`| \`${f}\` | ${e.n} | ${[...e.scenarios].slice(0, 6).join(', ')}${e.scenarios.size > 6 ? ', …' : ''} |`)
}
if (args.includes('--known')) {
  // Groups identical scenario/path pairs over backends.
  const map = new Map()
  for (const r of rows) {
    const k = `${r.scenario}\u0000${r.path}`
    if (!map.has(k)) map.set(k, { scenario: r.scenario, path: r.path, backends: [], sample: r })
    map.get(k).backends.push(r.backend)
  }
  const all = backends.filter((b) => !b.skip).map((b) => b.name)
  for (const e of map.values()) {
    const b = e.backends.length === all.length ? '' : `, backends: ${JSON.stringify(e.backends)}`
    console.log(`  // 19.5.10 ${preview(e.sample.reference, 100)} / native ${preview(e.sample.native, 100)}`)
    console.log(`  { scenario: ${JSON.stringify(e.scenario)}, path: ${JSON.stringify(e.path)}${b}, reason: TODO },`)
  }
}
