// insertMany of more records than one call into the core takes (lib/resource-bulk.js splits the
// batch: a million records' answer would not fit in one V8 string): every record is stored and
// returned in order, and a failure is reported with the object it belongs to.
import { it } from 'node:test'
import assert from 'node:assert/strict'
import s3db from '../index.js'

const { Database } = s3db

it('inserts a batch longer than one core call, in order, failures named by their object', async () => {
  const db = new Database({ connectionString: 'memory://insert-many-batches/app', logLevel: 'silent' })
  await db.connect()
  try {
    const items = await db.createResource({ name: 'items', attributes: { n: 'number' } })
    const objects = Array.from({ length: 20005 }, (_, i) => ({ id: `i${String(i).padStart(5, '0')}`, n: i }))
    objects[10002] = { id: 'bad', n: 'not a number' }
    const failed = []
    items.on('error', (err, object) => failed.push([err.name, object.id]))
    const inserted = await items.insertMany(objects)
    assert.equal(inserted.length, 20004)
    assert.deepEqual(inserted.map((r) => r.id), objects.filter((o) => o.id !== 'bad').map((o) => o.id))
    assert.deepEqual(failed.map(([, id]) => id), ['bad'])
    assert.equal(await items.count(), 20004)
  } finally {
    await db.disconnect()
  }
})
