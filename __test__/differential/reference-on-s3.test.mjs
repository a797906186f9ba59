// Why the differential runs on the S3 server give s3db.js 19.5.10 the AWS SDK's HTTP handler
// (harness/places.mjs, referenceOnS3): with its default one (recker 1.0.56) every DeleteObject
// fails, though the object is gone, while s3db-native's delete resolves. If this test fails
// because 19.5.10 deletes, the option and the COMPATIBILITY.md entry "Deletes on an S3 server"
// are no longer needed.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { backends } from './harness/places.mjs'
import { baseOptions, libraries } from './harness/libraries.mjs'

const moto = backends.find((b) => b.name === 'moto')
const [reference, native] = await libraries()

async function deleteOne (lib, options) {
  const place = await moto.place(`del-${lib.name}`)
  const db = new lib.mod.S3db({ ...baseOptions, ...options, connectionString: place.connectionString })
  try {
    await db.connect()
    const res = await db.createResource({ name: 'notes', attributes: { text: 'string' } })
    await res.insert({ id: 'n1', text: 'hello' })
    let outcome
    try {
      outcome = { value: await res.delete('n1') }
    } catch (err) {
      outcome = { error: err }
    }
    return { ...outcome, left: Object.keys(await place.dump()).filter((k) => k.includes('id=n1')) }
  } finally {
    await db.disconnect().catch(() => {})
  }
}

describe('deletes on the S3 server', { skip: moto.skip }, () => {
  it('s3db.js 19.5.10 with its default HTTP handler fails a delete that took place', async () => {
    // Its retries at 1 ms (the harness's option) only to keep the test short.
    const { error, left } = await deleteOne(reference, { executorPool: { retryDelay: 1 } })
    assert.ok(error, 'the delete resolved')
    assert.match(String(error.message), /Invalid response status code 204/)
    assert.deepEqual(left, [], 'the object is gone all the same')
  })

  it('s3db.js 19.5.10 with the AWS SDK handler, as the harness runs it, deletes', async () => {
    const { error, value, left } = await deleteOne(reference, moto.options(reference))
    assert.equal(error, undefined)
    assert.equal(value.$metadata.httpStatusCode, 204)
    assert.deepEqual(left, [])
  })

  it('s3db-native deletes', async () => {
    const { error, value, left } = await deleteOne(native, moto.options(native))
    assert.equal(error, undefined)
    assert.deepEqual(value, { $metadata: { httpStatusCode: 204 } })
    assert.deepEqual(left, [])
  })
})
