// The differential test: every scenario runs on s3db.js 19.5.10 and on s3db-native, on
// memory:// and (when npm test started one) on a local S3 server; the traces must be equal
// except for the differences listed, with their reason, in known-differences.mjs.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { backends } from './harness/places.mjs'
import { libraries } from './harness/libraries.mjs'
import { classify, compareScenario, failureMessage } from './harness/compare.mjs'
import { allScenarios } from './scenarios/index.mjs'
import { known } from './known-differences.mjs'
import { crossScenarioNames } from './harness/cross.mjs'

const libs = await libraries()
const fieldEntries = known.filter((e) => e.path === undefined)
const usedFieldEntries = new Set()
const ran = new Set()

for (const backend of backends) {
  describe(`differential on ${backend.name}`, { skip: backend.skip }, () => {
    for (const sc of allScenarios) {
      it(sc.name, async () => {
        const { diffs } = await compareScenario(sc, backend, libs)
        ran.add(backend.name)
        const result = classify(diffs, sc.name, backend.name, known)
        for (const e of result.used) if (e.path === undefined) usedFieldEntries.add(e)
        assert.ok(!result.unlisted.length && !result.stale.length, failureMessage(sc.name, backend.name, result))
      })
    }
  })
}

describe('known differences', () => {
  it('every entry names a scenario that exists and says why', () => {
    const names = new Set([...allScenarios.map((s) => s.name), ...crossScenarioNames])
    for (const e of known) {
      assert.ok(typeof e.reason === 'string' && /COMPATIBILITY\.md|not yet fixed \(issue \d+\)/.test(e.reason), `entry without a reason: ${JSON.stringify(e)}`)
      if (e.path !== undefined) assert.ok(names.has(e.scenario), `entry for an unknown scenario: ${e.scenario}`)
      else assert.ok(typeof e.field === 'string' && 'reference' in e && 'native' in e, `a field entry needs field, reference and native: ${JSON.stringify(e)}`)
    }
  })

  // Runs after every scenario above (node:test runs them in order): a field entry that matched
  // nothing over the whole run no longer describes a difference.
  it('every field entry still matches a difference', (t) => {
    if (ran.size === 0) return t.skip('no scenario ran')
    const stale = fieldEntries.filter((e) => !usedFieldEntries.has(e))
    assert.deepEqual(stale.map((e) => e.field), [], 'field entries of known-differences.mjs that no longer differ anywhere: remove them')
  })
})
