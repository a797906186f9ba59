// A CommonJS app as a new user writes it, compiled by tsc (`--module nodenext`) and then run: named
// and default imports become require(). Usage: node roundtrip-cjs.cjs CONNECTION_STRING LABEL
import S3dbDefault, { S3db, Database, InvalidResourceItem } from 's3db-native'
import assert = require('node:assert/strict')

async function main (): Promise<void> {
  const [connectionString, label] = process.argv.slice(2)
  assert.equal(S3dbDefault, S3db, 'the default import is S3db')
  const db: Database = new S3dbDefault({ connectionString })
  await db.connect()
  const notes = await db.createResource({ name: 'notes', attributes: { title: 'string', tags: 'array|items:string' } })
  const inserted = await notes.insert({ title: 'first', tags: ['a', 'b'] })
  const got = await notes.get(inserted.id)
  assert.deepEqual({ id: got.id, title: got.title, tags: got.tags }, { id: inserted.id, title: 'first', tags: ['a', 'b'] })
  await notes.update(inserted.id, { title: 'second' })
  assert.equal((await notes.get(inserted.id)).title, 'second')
  await assert.rejects(notes.insert({ title: 5 }), InvalidResourceItem)
  await notes.delete(inserted.id)
  assert.equal(await notes.count(), 0)
  await db.disconnect()
  console.log(`install-test: cjs round trip ok on ${label}`)
}

main().catch((err) => { console.error(err); process.exit(1) })
