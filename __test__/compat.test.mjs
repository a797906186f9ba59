// A bucket written by s3db.js 19.5.10 (fixture: every object as stored) opens in s3db-native:
// resources restored from its s3db.json at their saved versions, records decoded, secrets and
// partitions readable, and reconnecting with the same definitions creates no new version.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import s3db from '../index.js'
import { s3Endpoint, createBucket, uniqueName } from './helpers/backends.mjs'

const { Database } = s3db
const dump = JSON.parse(readFileSync(new URL('./fixtures/bucket-dump.3-resources.v19.5.10.json', import.meta.url)))

// moto checks no signatures, so a plain PUT stores the exact header bytes s3db.js sent.
async function loadRaw (endpoint, bucket) {
  for (const object of dump) {
    const headers = { 'content-type': object.contentType }
    for (const [k, v] of Object.entries(object.metadata)) headers[`x-amz-meta-${k}`] = v
    const res = await fetch(`${endpoint}/${bucket}/${object.key.split('/').map(encodeURIComponent).join('/')}`, { method: 'PUT', headers, body: object.body })
    assert.ok(res.ok, `PUT ${object.key}: ${res.status}`)
  }
}

describe('reading a bucket written by s3db.js 19.5.10', { skip: !s3Endpoint && 'no local S3 server' }, () => {
  it('restores the resources and reads every record', async () => {
    const bucket = uniqueName('compat')
    await createBucket(s3Endpoint, bucket)
    await loadRaw(s3Endpoint, bucket)
    const db = new Database({ connectionString: `http://k:s@${s3Endpoint.replace('http://', '')}/${bucket}/myapp`, passphrase: 'secret' })
    const uploads = []
    db.on('db:metadata-uploaded', () => uploads.push(1))
    await db.connect()
    assert.deepEqual(Object.keys(db.resources).sort(), ['audit_log', 'products', 'users'])
    assert.equal(db.resources.products.version, 'v2')

    const ana = await db.resources.users.get('u1')
    assert.equal(ana.name, 'Ana')
    assert.equal(ana.email, 'ana@example.com')
    assert.equal(ana.age, 31)
    assert.deepEqual(ana.address, { city: 'Lisbon', country: 'PT' })
    assert.equal(ana.createdAt, '2025-11-15T12:34:56.789Z')
    assert.deepEqual(await db.resources.users.listIds({ partition: 'byCountry', partitionValues: { 'address.country': 'PT' } }), ['u1'])

    const mug = await db.resources.products.get('p1')
    assert.equal(mug.title, 'Mug')
    assert.equal(mug.price, 9.5)
    assert.deepEqual(mug.tags, ['kitchen'])

    const entry = await db.resources.audit_log.get('a1')
    assert.equal(entry.action, 'login')
    assert.deepEqual(entry.payload, { ip: '10.0.0.1' })

    // The same definitions again: same hashes, so no new version and no upload.
    const saved = db.savedMetadata.resources.users
    await db.createResource({ name: 'users', attributes: saved.versions.v1.attributes, timestamps: true, partitions: { byCountry: { fields: { 'address.country': 'string|maxlength:2' } } } })
    assert.equal(db.resources.users.version, 'v1')
    assert.equal(uploads.length, 0)
    await db.disconnect()
  })
})
