// Runs a scenario on both libraries and sorts the differences against the known list.
import { isDeepStrictEqual } from 'node:util'
import { deepDiff, preview } from './diff.mjs'

/** Runs the scenario once per library (reference first) on `backend`; returns both traces and their differences. */
export async function compareScenario (scenario, backend, libs) {
  const traces = {}
  for (const lib of libs) traces[lib.name] = await scenario.run(lib, backend)
  return { traces, diffs: deepDiff(traces.reference, traces.native) }
}

function applies (entry, scenarioName, backendName) {
  return (entry.scenario === undefined || entry.scenario === scenarioName) && (!entry.backends || entry.backends.includes(backendName))
}

function lastField (path) {
  const m = /(?:\.([A-Za-z_$][\w$-]*)|\["((?:[^"\\]|\\.)*)"\])$/.exec(path)
  return m ? (m[1] ?? JSON.parse(`"${m[2]}"`)) : path
}

/**
 * Whether a known entry covers a difference. A `path` entry matches that exact path. A `field`
 * entry (a deliberate difference that shows on every record, such as a system field one side
 * does not add) matches a path ending in that field whose two values are exactly the listed
 * `reference` and `native` values; nothing else.
 */
export function matches (entry, diff) {
  if (entry.path !== undefined) return entry.path === diff.path
  return lastField(diff.path) === entry.field && isDeepStrictEqual(entry.reference, diff.reference) && isDeepStrictEqual(entry.native, diff.native)
}

/**
 * Splits observed differences into listed and unlisted ones, and finds listed entries that no
 * longer differ (stale). A field entry is stale when it matched nothing in the whole run.
 */
export function classify (diffs, scenarioName, backendName, known) {
  const entries = known.filter((e) => applies(e, scenarioName, backendName))
  const listed = []
  const unlisted = []
  const used = new Set()
  for (const d of diffs) {
    const hit = entries.filter((e) => matches(e, d))
    for (const e of hit) used.add(e)
    ;(hit.length ? listed : unlisted).push(d)
  }
  // A `sometimes` entry describes a race that a real server may decide either way.
  const stale = entries.filter((e) => e.path !== undefined && !used.has(e) && !e.sometimes)
  return { unlisted, stale, listed, used }
}

export function describeDiffs (diffs) {
  return diffs.map((d) => `  ${d.path}\n    s3db.js 19.5.10: ${preview(d.reference)}\n    s3db-native:     ${preview(d.native)}`).join('\n')
}

export function failureMessage (scenarioName, backendName, { unlisted, stale }) {
  const parts = []
  if (unlisted.length) parts.push(`${unlisted.length} unlisted difference(s) in ${scenarioName} on ${backendName}:\n${describeDiffs(unlisted)}`)
  if (stale.length) parts.push(`${stale.length} listed difference(s) that no longer differ (remove them from known-differences.mjs):\n${stale.map((e) => `  ${e.path}`).join('\n')}`)
  return parts.join('\n')
}
