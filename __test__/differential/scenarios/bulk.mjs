// Bulk operations: insertMany, getMany, getAll, deleteMany, deleteAll, count, listIds, with a
// partitioned resource so partition references are checked too.
import { RESOURCE_EVENTS, scenario } from '../harness/trace.mjs'

const orders = {
  name: 'orders',
  attributes: { customer: 'string', region: 'string', total: 'number' },
  partitions: { byRegion: { fields: { region: 'string' } } }
}
const ids = ['o1', 'o2', 'o3', 'o4', 'o5']
const rows = ids.map((id, i) => ({ id, customer: `c${i}`, region: i % 2 ? 'eu' : 'us', total: i * 10 }))
const sortById = (records) => [...records].sort((a, b) => String(a.id).localeCompare(String(b.id)))

export default [
  scenario('bulk/insertMany-getMany-getAll', { fixedIds: ids }, async (t) => {
    const db = await t.connect()
    const res = await db.createResource(orders)
    t.listen('orders', res, RESOURCE_EVENTS)
    await t.step('insertMany', async () => sortById(await res.insertMany(rows)), { concurrent: true })
    await t.step('insertMany.withInvalid', async () => sortById(await res.insertMany([{ id: 'o6', customer: 'c6', region: 'eu', total: 60 }, { id: 'bad', customer: 'c7', region: 'eu', total: 'not a number' }])), { concurrent: true })
    await t.step('insertMany.duplicate', async () => sortById(await res.insertMany([{ id: 'o1', customer: 'again', region: 'us', total: 1 }])))
    await t.step('getMany', async () => sortById(await res.getMany(['o1', 'o3', 'missing'])), { concurrent: true })
    await t.step('getAll', async () => sortById(await res.getAll()))
    await t.step('count', () => res.count())
    await t.step('count.partition', () => res.count({ partition: 'byRegion', partitionValues: { region: 'eu' } }))
    await t.step('listIds', async () => (await res.listIds()).sort())
    await t.snapshot('end', db)
  }),

  scenario('bulk/deleteMany', { fixedIds: ids }, async (t) => {
    const db = await t.connect()
    const res = await db.createResource(orders)
    await res.insertMany(rows)
    t.listen('orders', res, RESOURCE_EVENTS)
    await t.step('deleteMany', () => res.deleteMany(['o1', 'o2']), { concurrent: true })
    await t.step('deleteMany.missing', () => res.deleteMany(['nobody']))
    await t.step('count', () => res.count())
    await t.step('count.partition.eu', () => res.count({ partition: 'byRegion', partitionValues: { region: 'eu' } }))
    await t.step('listIds.partition.eu', async () => (await res.listIds({ partition: 'byRegion', partitionValues: { region: 'eu' } })).sort())
    await t.snapshot('end', db)
  }),

  scenario('bulk/deleteAll', { fixedIds: ids }, async (t) => {
    const db = await t.connect()
    const res = await db.createResource({ ...orders, paranoid: false })
    await res.insertMany(rows)
    t.listen('orders', res, RESOURCE_EVENTS)
    await t.step('deleteAll', () => res.deleteAll())
    await t.step('count', () => res.count())
    // deleteAllData right after an insertMany, in one step: s3db.js 19.5.10 writes the partition
    // references after insertMany resolved, and both send their events as their requests end.
    await t.step('insertMany.deleteAllData', async () => {
      await res.insertMany(rows.slice(0, 2))
      return res.deleteAllData()
    }, { concurrent: true })
    await t.step('count.afterDeleteAllData', () => res.count())
    await t.snapshot('end', db)
  }),

  scenario('bulk/deleteAll-paranoid', { fixedIds: ids }, async (t) => {
    const db = await t.connect()
    const res = await db.createResource(orders)
    await res.insertMany(rows.slice(0, 2))
    await t.step('deleteAll', () => res.deleteAll())
    await t.step('count', () => res.count())
  })
]
