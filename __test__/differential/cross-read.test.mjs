// A record written by either library reads back identically in the other, for every attribute
// shape, behavior, partitions, timestamps and secrets (harness/cross.mjs).
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { backends } from './harness/places.mjs'
import { libraries } from './harness/libraries.mjs'
import { classify, failureMessage } from './harness/compare.mjs'
import { crossRead } from './harness/cross.mjs'
import { known } from './known-differences.mjs'

const [reference, native] = await libraries()

for (const backend of backends) {
  describe(`cross-library reads on ${backend.name}`, { skip: backend.skip }, () => {
    for (const [writer, reader] of [[reference, native], [native, reference]]) {
      const name = `cross/${writer.name}-writes-${reader.name}-reads`
      it(name, async () => {
        const diffs = await crossRead(writer, reader, backend)
        const result = classify(diffs, name, backend.name, known.filter((e) => e.path !== undefined))
        assert.ok(!result.unlisted.length && !result.stale.length, failureMessage(name, backend.name, result))
      })
    }
  })
}
