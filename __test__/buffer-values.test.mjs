// A Node Buffer given for a buffer or bits:N attribute is stored as its bytes (it crosses into
// the core as JSON.stringify writes it, { type: 'Buffer', data }), on insert, update and in
// insertMany; read back as byte arrays (COMPATIBILITY.md "Storage codec" 15).
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import s3db from '../index.js'
import { backends } from './helpers/backends.mjs'

const { Database, InvalidResourceItem } = s3db

for (const backend of backends) {
  describe(`Buffer values on ${backend.name}`, { skip: backend.skip }, () => {
    it('stores Buffers as their bytes and checks bits:N lengths on them', async () => {
      const db = new Database({ connectionString: await backend.connectionString(), logLevel: 'silent' })
      await db.connect()
      try {
        const blobs = await db.createResource({ name: 'blobs', attributes: { raw: 'buffer', flags: 'bits:16|optional' } })
        const inserted = await blobs.insert({ id: 'b1', raw: Buffer.from([0, 1, 2, 250, 255]), flags: Buffer.from([0xa0, 0x01]) })
        assert.deepEqual([inserted.raw, inserted.flags], [[0, 1, 2, 250, 255], [0xa0, 0x01]])
        assert.deepEqual((await blobs.get('b1')).raw, [0, 1, 2, 250, 255])
        await blobs.update('b1', { raw: Buffer.from('hi') })
        assert.deepEqual((await blobs.get('b1')).raw, [104, 105])
        const [many] = await blobs.insertMany([{ id: 'b2', raw: Buffer.alloc(3, 7) }])
        assert.deepEqual(many.raw, [7, 7, 7])
        await assert.rejects(blobs.insert({ id: 'b3', raw: Buffer.from('x'), flags: Buffer.from([1, 2, 3]) }), InvalidResourceItem)
        assert.equal(await blobs.exists('b3'), false)
      } finally {
        await db.disconnect()
      }
    })
  })
}
