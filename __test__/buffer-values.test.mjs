// A Node Buffer given for a buffer or bits:N attribute is stored as its bytes (it crosses into
// the core as JSON.stringify writes it, { type: 'Buffer', data }), on insert, update and in
// insertMany (COMPATIBILITY.md "Storage codec" 15); every read and write result gives the
// value back as a Buffer, as s3db.js 19.5.10 decodes the base64 it stores.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import s3db from '../index.js'
import { backends } from './helpers/backends.mjs'

const { Database, InvalidResourceItem } = s3db

for (const backend of backends) {
  describe(`Buffer values on ${backend.name}`, { skip: backend.skip }, () => {
    it('stores Buffers as their bytes, reads them back as Buffers and checks bits:N lengths on them', async () => {
      const db = new Database({ connectionString: await backend.connectionString(), logLevel: 'silent' })
      await db.connect()
      try {
        const blobs = await db.createResource({ name: 'blobs', attributes: { raw: 'buffer', flags: 'bits:16|optional' } })
        const inserted = await blobs.insert({ id: 'b1', raw: Buffer.from([0, 1, 2, 250, 255]), flags: Buffer.from([0xa0, 0x01]) })
        assert.deepEqual([inserted.raw, inserted.flags], [Buffer.from([0, 1, 2, 250, 255]), Buffer.from([0xa0, 0x01])])
        assert.deepEqual((await blobs.get('b1')).raw, Buffer.from([0, 1, 2, 250, 255]))
        const updated = await blobs.update('b1', { raw: Buffer.from('hi') })
        assert.deepEqual(updated.raw, Buffer.from('hi'))
        assert.deepEqual((await blobs.get('b1')).raw, Buffer.from('hi'))
        const [many] = await blobs.insertMany([{ id: 'b2', raw: Buffer.alloc(3, 7) }])
        assert.deepEqual(many.raw, Buffer.alloc(3, 7))
        const listed = await blobs.list()
        assert.ok(listed.every((r) => Buffer.isBuffer(r.raw)))
        assert.deepEqual((await blobs.getMany(['b1']))[0].flags, Buffer.from([0xa0, 0x01]))
        const pages = []
        for await (const record of blobs.iterate()) pages.push(record)
        assert.ok(pages.length === 2 && pages.every((r) => Buffer.isBuffer(r.raw)))
        await assert.rejects(blobs.insert({ id: 'b3', raw: Buffer.from('x'), flags: Buffer.from([1, 2, 3]) }), InvalidResourceItem)
        assert.equal(await blobs.exists('b3'), false)
        const nested = await db.createResource({ name: 'nestedblobs', attributes: { meta: { sig: 'buffer|optional', note: 'string|optional' } } })
        await nested.insert({ id: 'n1', meta: { sig: Buffer.from('sig'), note: 'x' } })
        await nested.insert({ id: 'n2', meta: { note: 'no sig' } })
        assert.deepEqual((await nested.get('n1')).meta, { sig: Buffer.from('sig'), note: 'x' })
        assert.deepEqual((await nested.get('n2')).meta, { note: 'no sig' })
      } finally {
        await db.disconnect()
      }
    })
  })
}
