// An ES module app as a new user writes it, compiled by tsc (`--module nodenext`) and then run:
// the default import is the S3db class. Usage: node roundtrip-esm.mjs CONNECTION_STRING LABEL
import S3db, { InvalidResourceItem, S3db as NamedS3db } from 's3db-native'
import { strict as assert } from 'node:assert'

const [connectionString, label] = process.argv.slice(2)
assert.equal(S3db, NamedS3db, 'the default export is the named S3db')
const db: S3db = new S3db({ connectionString })
await db.connect()
const users = await db.createResource({
  name: 'users',
  attributes: { name: 'string|min:2', age: 'number|integer|positive' },
  timestamps: true
})
const inserted = await users.insert({ name: 'Ada Lovelace', age: 36 })
const got = await users.get(inserted.id)
assert.deepEqual({ id: got.id, name: got.name, age: got.age }, { id: inserted.id, name: 'Ada Lovelace', age: 36 })
await users.update(inserted.id, { age: 37 })
assert.equal((await users.get(inserted.id)).age, 37)
await assert.rejects(users.insert({ name: 'A', age: -1 }), InvalidResourceItem)
assert.equal((await users.list()).length, 1)
await users.delete(inserted.id)
assert.equal(await users.count(), 0)
await db.disconnect()
console.log(`install-test: esm round trip ok on ${label}`)
