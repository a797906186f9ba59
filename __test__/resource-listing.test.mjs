// Listing, paging, partitions, bulk deletes, content and streams, on every backend.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { setImmediate as tick } from 'node:timers/promises'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import s3db from '../index.js'
import { backends } from './helpers/backends.mjs'

const { Database, PartitionError, ResourceError } = s3db

async function seeded (backend) {
  const db = new Database({ connectionString: await backend.connectionString() })
  await db.connect()
  const res = await db.createResource({
    name: 'orders',
    attributes: { customer: 'string', status: 'string', total: 'number', region: { country: 'string' } },
    partitions: { byStatus: { fields: { status: 'string' } }, byCountry: { fields: { 'region.country': 'string|maxlength:2' } } },
    paranoid: false
  })
  const rows = [
    { id: 'o1', customer: 'ana', status: 'paid', total: 10, region: { country: 'PTG' } },
    { id: 'o2', customer: 'bob', status: 'open', total: 20, region: { country: 'BR' } },
    { id: 'o3', customer: 'ana', status: 'paid', total: 30, region: { country: 'BR' } },
    { id: 'o4', customer: 'cy', status: 'open', total: 40, region: { country: 'PT' } },
    { id: 'o5', customer: 'ana', status: 'void', total: 50, region: { country: 'US' } }
  ]
  for (const row of rows) await res.insert(row)
  return { db, res }
}

for (const backend of backends) {
  describe(`listing on ${backend.name}`, { skip: backend.skip }, () => {
    it('pages with a replaced count or count hooks through this.count, and emits count either way', async () => {
      const db = new Database({ connectionString: await backend.connectionString() })
      await db.connect()
      const res = await db.createResource({ name: 'paged', attributes: { n: 'number' }, partitions: { byN: { fields: { n: 'number' } } } })
      for (let i = 1; i <= 5; i++) await res.insert({ id: `p${i}`, n: i })
      const counts = []
      res.on('count', (n) => counts.push(n))
      const fast = await res.page({ offset: 3, size: 2 })
      assert.deepEqual([fast.items.map((r) => r.id), fast.totalItems, fast.hasMore], [['p4', 'p5'], 5, false])
      res.count = async () => 42
      const replaced = await res.page({ offset: 0, size: 2 })
      assert.deepEqual([replaced.items.map((r) => r.id), replaced.totalItems, replaced.totalPages], [['p1', 'p2'], 42, 21])
      delete res.count
      const seen = []
      res.addHook('afterCount', ({ count }) => { seen.push(count) })
      assert.equal((await res.page({ size: 10 })).totalItems, 5)
      assert.deepEqual(seen, [5])
      await new Promise((resolve) => setImmediate(resolve))
      assert.deepEqual(counts, [5, 5])
      // As in s3db.js 19, a page of an unknown partition rejects (16.x returned an empty page).
      await assert.rejects(res.page({ partition: 'nope', partitionValues: { n: 1 } }), PartitionError)
      await db.disconnect()
    })

    it('lists, counts and pages', async () => {
      const { db, res } = await seeded(backend)
      assert.deepEqual(await res.listIds(), ['o1', 'o2', 'o3', 'o4', 'o5'])
      assert.deepEqual((await res.list({ limit: 2, offset: 1 })).map((r) => r.id), ['o2', 'o3'])
      assert.equal(await res.count(), 5)
      const page = await res.page({ offset: 2, size: 2 })
      assert.deepEqual(page.items.map((r) => r.id), ['o3', 'o4'])
      assert.equal(page.totalItems, 5)
      assert.equal(page.totalPages, 3)
      assert.equal(page.page, 1)
      assert.equal(page.hasMore, true)
      const last = await res.page({ offset: 4, size: 2, skipCount: true })
      assert.deepEqual(last.items.map((r) => r.id), ['o5'])
      assert.equal(last.totalItems, null)
      assert.deepEqual((await res.getMany(['o5', 'missing', 'o1'])).map((r) => r.id), ['o5', 'o1'])
      assert.deepEqual((await res.query({ customer: 'ana' })).map((r) => r.id), ['o1', 'o3', 'o5'])
      assert.deepEqual((await res.query({ customer: 'ana' }, { limit: 1, offset: 1 })).map((r) => r.id), ['o3'])
      await db.disconnect()
    })

    it('concurrent page() calls each get their own page, across LIST pages of 1,000 keys', async () => {
      const db = new Database({ connectionString: await backend.connectionString() })
      await db.connect()
      const res = await db.createResource({ name: 'many', attributes: { n: 'number' }, paranoid: false })
      const total = 1205
      const ids = Array.from({ length: total }, (_, i) => `r${String(i).padStart(5, '0')}`)
      await res.insertMany(ids.map((id, i) => ({ id, n: i })))
      const asked = [[0, 100], [100, 100], [950, 100], [1000, 100], [1200, 100], [1300, 100]]
      const pages = await Promise.all(asked.map(([offset, size]) => res.page({ offset, size })))
      for (const [k, [offset, size]] of asked.entries()) {
        const want = ids.slice(offset, offset + size)
        assert.deepEqual(pages[k].items.map((r) => r.id), want, `page at ${offset}`)
        assert.deepEqual(pages[k].items.map((r) => r.n), want.map((id) => Number(id.slice(1))))
        assert.equal(pages[k].totalItems, total)
        assert.equal(pages[k].hasMore, offset + size < total)
      }
      await db.disconnect()
    })

    it('writes, lists and moves partition references', async () => {
      const { db, res } = await seeded(backend)
      const keys = await db.client.getAllKeys({ prefix: 'resource=orders/partition=' })
      assert.ok(keys.includes('resource=orders/partition=byCountry/region.country=PT/id=o1'), 'maxlength truncates the value')
      assert.ok(keys.includes('resource=orders/partition=byStatus/status=paid/id=o3'))
      assert.deepEqual((await res.list({ partition: 'byStatus', partitionValues: { status: 'paid' } })).map((r) => [r.id, r._partition]), [['o1', 'byStatus'], ['o3', 'byStatus']])
      assert.equal(await res.count({ partition: 'byCountry', partitionValues: { 'region.country': 'BR' } }), 2)
      await res.update('o2', { status: 'paid' })
      assert.deepEqual(await res.listIds({ partition: 'byStatus', partitionValues: { status: 'paid' } }), ['o1', 'o2', 'o3'])
      assert.deepEqual(await res.listIds({ partition: 'byStatus', partitionValues: { status: 'open' } }), ['o4'])
      const fromPartition = await res.getFromPartition({ id: 'o2', partitionName: 'byStatus', partitionValues: { status: 'paid' } })
      assert.equal(fromPartition._partition, 'byStatus')
      await assert.rejects(res.getFromPartition({ id: 'o2', partitionName: 'byStatus', partitionValues: { status: 'open' } }), ResourceError)
      await assert.rejects(res.listIds({ partition: 'nope', partitionValues: { a: 1 } }), PartitionError)
      assert.deepEqual(await res.list({ partition: 'nope' }), [])
      await res.delete('o3')
      assert.deepEqual(await res.listIds({ partition: 'byStatus', partitionValues: { status: 'paid' } }), ['o1', 'o2'])
      assert.equal((await db.client.getAllKeys({ prefix: 'resource=orders/partition=byCountry/region.country=BR/' })).length, 1)
      await db.disconnect()
    })

    it('deletes many, all records, and all data', async () => {
      const { db, res } = await seeded(backend)
      const deleted = []
      res.on('deleted', (record) => deleted.push([record.id, record.customer]))
      assert.deepEqual(await res.deleteMany(['o1', 'o2']), { deleted: 2, errors: 0 })
      await tick()
      assert.deepEqual(deleted.sort(), [['o1', 'ana'], ['o2', 'bob']])
      assert.equal(await res.count(), 3)
      assert.equal(await res.count({ partition: 'byStatus', partitionValues: { status: 'paid' } }), 1, 'references went with the records')
      const all = await res.deleteAll()
      assert.equal(all.deletedCount, 3)
      assert.equal(await res.count(), 0)
      const everything = await res.deleteAllData()
      assert.ok(everything.deletedCount > 0, 'partition references went too')
      assert.deepEqual(await db.client.getAllKeys({ prefix: 'resource=orders/' }), [])
      const guarded = await db.createResource({ name: 'guarded', attributes: { a: 'string' } })
      await assert.rejects(guarded.deleteAll(), /requires paranoid: false/)
      await db.disconnect()
    })

    it('stores binary content next to the fields and keeps it across updates', async () => {
      const db = new Database({ connectionString: await backend.connectionString() })
      await db.connect()
      const files = await db.createResource({ name: 'files', attributes: { name: 'string', size: 'number|optional' } })
      const rec = await files.insert({ name: 'logo.png' })
      assert.equal(await files.hasContent(rec.id), false)
      const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255])
      await files.setContent({ id: rec.id, buffer: bytes, contentType: 'image/png' })
      assert.deepEqual(await files.content(rec.id), { buffer: bytes, contentType: 'image/png' })
      await files.update(rec.id, { size: 8 })
      assert.equal((await files.get(rec.id)).size, 8)
      assert.deepEqual((await files.content(rec.id)).buffer, bytes, 'update kept the binary body')
      assert.deepEqual(await files.content('missing'), { buffer: null, contentType: null })
      await files.deleteContent(rec.id)
      assert.equal(await files.hasContent(rec.id), false)
      assert.equal((await files.get(rec.id)).name, 'logo.png')
      await db.disconnect()
    })

    it('streams more than one LIST page of records once each, in key order, a page of ids at a time', async () => {
      const db = new Database({ connectionString: await backend.connectionString() })
      await db.connect()
      const res = await db.createResource({ name: 'many', attributes: { n: 'number', kind: 'string' }, partitions: { byKind: { fields: { kind: 'string' } } }, paranoid: false })
      const id = (i) => `r-${String(i).padStart(5, '0')}`
      const docs = Array.from({ length: 1205 }, (_, i) => ({ id: id(i), n: i, kind: i % 12 === 0 ? 'b' : 'a' }))
      await res.insertMany(docs)
      const calls = {}
      const call = res._call.bind(res)
      res._call = (method, ...args) => { calls[method] = (calls[method] ?? 0) + 1; return call(method, ...args) }
      const progress = []
      res.on('progress', (event) => progress.push(event))
      const seen = []
      for await (const record of res.iterate({ pageSize: 500 })) seen.push(record.id)
      assert.deepEqual(seen, docs.map((d) => d.id))
      // Two LIST pages walked by token; the whole id list is never loaded.
      assert.equal(calls.listIds, undefined)
      assert.equal(calls.listIdsPage, 2)
      await tick()
      const iterating = progress.filter((e) => e.operation === 'iterate')
      assert.deepEqual(iterating.map(({ done, total }) => [done, total]), [[500, null], [1000, null], [1205, 1205]])
      const fromStream = []
      for await (const record of res.readable({ batchSize: 300 })) fromStream.push(record.id)
      assert.deepEqual(fromStream, seen)
      const wanted = docs.filter((d) => d.kind === 'a').map((d) => d.id)
      assert.ok(wanted.length > 1000)
      const inPartition = []
      for await (const record of res.iterate({ partition: 'byKind', partitionValues: { kind: 'a' } })) inPartition.push(record)
      assert.deepEqual(inPartition.map((r) => r.id), wanted)
      assert.ok(inPartition.every((r) => r.kind === 'a'))
      assert.equal(calls.listIds, undefined)
      await assert.rejects(async () => { for await (const _ of res.iterate({ partition: 'nope' })) break }, PartitionError)
      await db.disconnect()
    })

    it('streams records out and in', async () => {
      const { db, res } = await seeded(backend)
      const seen = []
      for await (const record of res) seen.push(record.id)
      assert.deepEqual(seen, ['o1', 'o2', 'o3', 'o4', 'o5'])
      const fromStream = []
      for await (const record of res.readable({ batchSize: 2 })) fromStream.push(record.id)
      assert.deepEqual(fromStream, seen)
      const copy = await db.createResource({ name: 'copy', attributes: { customer: 'string', status: 'string', total: 'number', region: { country: 'string' } } })
      await pipeline(Readable.from((await res.list()).map(({ customer, status, total, region }) => ({ customer, status, total, region }))), copy.writable({ concurrency: 2 }))
      assert.equal(await copy.count(), 5)
      await db.disconnect()
    })
  })
}
