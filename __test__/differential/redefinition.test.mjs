// createResource again with a changed definition, in the process that created the resource:
// s3db-native keeps the keys of s3db.json's schemaRegistry (a new attribute gets the next free
// key) and one set of partition hooks. s3db.js 19.5.10 maps the new version by attribute order
// in that process while leaving its registry unchanged, so its records of that version read
// back wrong after a reconnect; and it adds its partition hooks once more per call
// (COMPATIBILITY.md "A changed definition keeps the registry's keys").
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { uniqueName } from '../helpers/backends.mjs'
import { baseOptions, libraries } from './harness/libraries.mjs'

const [reference, native] = await libraries()
const v1 = { name: 'users', attributes: { name: 'string', age: 'number|optional' }, timestamps: true }
const v2 = { name: 'users', attributes: { name: 'string', age: 'number|optional', email: 'string|optional' }, timestamps: true }

async function redefineAndReopen (lib) {
  const connectionString = `memory://${uniqueName('redefine')}/app`
  const db = new lib.mod.S3db({ ...baseOptions, connectionString })
  await db.connect()
  await db.createResource(v1)
  await db.createResource(v1)
  const users = await db.createResource(v2)
  await users.insert({ id: 'u1', name: 'Ana', email: 'ana@example.com' })
  const same = await users.get('u1')
  const stored = (await db.client.getObject('resource=users/data/id=u1')).Metadata
  const saved = JSON.parse(Buffer.from(await (await db.client.getObject('s3db.json')).Body.transformToByteArray()).toString())
  const again = new lib.mod.S3db({ ...baseOptions, connectionString })
  await again.connect()
  const reopened = await again.resources.users.get('u1')
  await again.disconnect()
  await db.disconnect()
  return { same, stored, saved: saved.resources.users, reopened }
}

describe('a changed definition in the same process', () => {
  it('s3db-native: the registry keys hold, so a reconnected reader reads the record as written', async () => {
    const { same, stored, saved, reopened } = await redefineAndReopen(native)
    assert.deepEqual(saved.schemaRegistry.mapping, { name: 0, age: 1, createdAt: 2, updatedAt: 3, email: 4 })
    assert.equal(saved.schemaRegistry.nextIndex, 5)
    assert.equal(stored['4'], 'ana@example.com')
    for (const r of [same, reopened]) {
      assert.equal(r.email, 'ana@example.com')
      assert.match(r.createdAt, /^\d{4}-\d{2}-\d{2}T/)
    }
    assert.equal(saved.versions.v2.hooks.afterInsert.count, 1)
    assert.equal(saved.versions.v2.hooks.afterDelete.count, 1)
    assert.equal(saved.versions.v2.cache, false)
  })

  it('s3db.js 19.5.10: the new version is mapped by attribute order, its registry is not', async () => {
    const { same, stored, saved, reopened } = await redefineAndReopen(reference)
    assert.deepEqual(saved.schemaRegistry.mapping, { name: 0, age: 1, createdAt: 2, updatedAt: 3 })
    assert.equal(stored['2'], 'ana@example.com')
    assert.equal(same.email, 'ana@example.com')
    // After a reconnect the registry decides: key 2 is createdAt, and email is lost.
    assert.equal(reopened.createdAt, 'ana@example.com')
    assert.notEqual(reopened.email, 'ana@example.com')
    assert.equal(saved.versions.v2.hooks.afterInsert.count, 3)
    assert.equal('cache' in saved.versions.v2, false)
  })
})
