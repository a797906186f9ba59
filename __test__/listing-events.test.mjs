// The events of the batch reads (list, page, query, getMany, getAll, getFromPartition), as
// s3db.js 19.5.10 emits them, on every backend.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { setImmediate as tick } from 'node:timers/promises'
import s3db from '../index.js'
import { backends } from './helpers/backends.mjs'

const { Database } = s3db
const NAMES = ['listed-ids', 'fetched', 'list', 'fetched-many', 'count', 'paginated', 'partition-fetched']

async function seeded (backend, hooks = {}) {
  const db = new Database({ connectionString: await backend.connectionString() })
  await db.connect()
  const res = await db.createResource({
    name: 'items',
    attributes: { kind: 'string', n: 'number' },
    partitions: { byKind: { fields: { kind: 'string' } } },
    paranoid: false,
    hooks
  })
  for (let i = 1; i <= 7; i++) await res.insert({ id: `i${i}`, kind: i % 2 ? 'odd' : 'even', n: i })
  const seen = []
  for (const name of NAMES) res.on(name, (payload) => seen.push([name, name === 'fetched' || name === 'partition-fetched' ? payload.id : payload]))
  return { db, res, seen }
}

/** Events arrive after the call resolves (asyncEvents); let them land, then take them. */
async function taken (seen) {
  for (let i = 0; i < 3; i++) await tick()
  return seen.splice(0)
}

for (const backend of backends) {
  describe(`listing events on ${backend.name}`, { skip: backend.skip }, () => {
    it('list lists the ids, reads each record and emits one list event', async () => {
      const { db, res, seen } = await seeded(backend)
      const one = []
      res.on('fetched:i3', (r) => one.push(r.id))
      await res.list({ limit: 3, offset: 1 })
      assert.deepEqual(await taken(seen), [['listed-ids', 3], ['fetched', 'i2'], ['fetched', 'i3'], ['fetched', 'i4'], ['list', { count: 3, errors: 0 }]])
      assert.deepEqual(one, ['i3'])
      // A partition listing reads the partition's keys: no listed-ids.
      await res.list({ partition: 'byKind', partitionValues: { kind: 'even' } })
      assert.deepEqual(await taken(seen), [['fetched', 'i2'], ['fetched', 'i4'], ['fetched', 'i6'], ['list', { partition: 'byKind', partitionValues: { kind: 'even' }, count: 3, errors: 0 }]])
      await db.disconnect()
    })

    it('getMany emits fetched per record read and fetched-many with the number of ids asked for', async () => {
      const { db, res, seen } = await seeded(backend)
      const records = await res.getMany(['i1', 'i5', 'gone'])
      assert.deepEqual(records.map((r) => r.id), ['i1', 'i5'])
      assert.deepEqual(await taken(seen), [['fetched', 'i1'], ['fetched', 'i5'], ['fetched-many', 3]])
      await db.disconnect()
    })

    it('getAll lists and reads every record without the list hooks or a list event', async () => {
      const hooked = []
      const { db, res, seen } = await seeded(backend, {
        beforeList: [(arg) => { hooked.push('beforeList'); return arg }],
        afterList: [(arg) => { hooked.push('afterList'); return arg }]
      })
      assert.equal((await res.getAll()).length, 7)
      const events = await taken(seen)
      assert.deepEqual(events[0], ['listed-ids', 7])
      assert.deepEqual(events.slice(1).map(([name, id]) => `${name}:${id}`), ['i1', 'i2', 'i3', 'i4', 'i5', 'i6', 'i7'].map((id) => `fetched:${id}`))
      assert.deepEqual(hooked, [])
      await res.list({ limit: 1 })
      assert.deepEqual(hooked, ['beforeList', 'afterList'])
      await db.disconnect()
    })

    it('page counts, then lists, then reports the page', async () => {
      const { db, res, seen } = await seeded(backend)
      await res.page({ offset: 5, size: 5 })
      const events = await taken(seen)
      assert.deepEqual(events.slice(0, 5), [['count', 7], ['listed-ids', 2], ['fetched', 'i6'], ['fetched', 'i7'], ['list', { count: 2, errors: 0 }]])
      assert.equal(events[5][0], 'paginated')
      assert.equal(events[5][1].totalItems, 7)
      assert.equal(events.length, 6)
      await db.disconnect()
    })

    it('query reads the listing in list batches of min(limit, 50) from an offset into the listing', async () => {
      const { db, res, seen } = await seeded(backend)
      // Batches of 2 from the 2nd listed record: [i2, i3] [i4, i5] -> odd: i3, i5.
      assert.deepEqual((await res.query({ kind: 'odd' }, { limit: 2, offset: 1 })).map((r) => r.id), ['i3', 'i5'])
      const lists = (await taken(seen)).filter(([name]) => name === 'list' || name === 'listed-ids')
      assert.deepEqual(lists, [['listed-ids', 2], ['list', { count: 2, errors: 0 }], ['listed-ids', 2], ['list', { count: 2, errors: 0 }]])
      // A short batch ends the scan; an empty filter is one list of `limit` records.
      assert.deepEqual((await res.query({ kind: 'even' }, { limit: 5 })).map((r) => r.id), ['i2', 'i4', 'i6'])
      assert.deepEqual((await taken(seen)).filter(([name]) => name === 'list'), [['list', { count: 5, errors: 0 }], ['list', { count: 2, errors: 0 }]])
      assert.equal((await res.query({}, { limit: 4 })).length, 4)
      assert.deepEqual((await taken(seen)).filter(([name]) => name === 'list'), [['list', { count: 4, errors: 0 }]])
      await db.disconnect()
    })

    it('getFromPartition reads the record (fetched) before partition-fetched', async () => {
      const { db, res, seen } = await seeded(backend)
      await res.getFromPartition({ id: 'i2', partitionName: 'byKind', partitionValues: { kind: 'even' } })
      assert.deepEqual(await taken(seen), [['fetched', 'i2'], ['partition-fetched', 'i2']])
      await db.disconnect()
    })

    it('emits nothing when events are disabled', async () => {
      const { db, res, seen } = await seeded(backend)
      res.eventsDisabled = true
      await res.list()
      await res.getMany(['i1'])
      await res.getAll()
      assert.deepEqual(await taken(seen), [])
      await db.disconnect()
    })
  })
}
