// Reading many records: list, listIds, page, query, count, partitions and getFromPartition.
import { RESOURCE_EVENTS, scenario } from '../harness/trace.mjs'

const ids = Array.from({ length: 12 }, (_, i) => `p${String(i).padStart(2, '0')}`)
const products = {
  name: 'products',
  attributes: { title: 'string', category: 'string', price: 'number', stock: 'number|optional', meta: { color: 'string|optional' } },
  partitions: { byCategory: { fields: { category: 'string' } }, byCategoryColor: { fields: { category: 'string', 'meta.color': 'string' } } }
}
const rows = ids.map((id, i) => ({ id, title: `Item ${i}`, category: ['tools', 'toys', 'books'][i % 3], price: i * 1.5, stock: i % 4 === 0 ? undefined : i, meta: { color: i % 2 ? 'red' : 'blue' } }))
const byId = (records) => [...records].sort((a, b) => String(a.id).localeCompare(String(b.id)))

async function seeded (t) {
  const db = await t.connect()
  const res = await db.createResource(products)
  for (const row of rows) await res.insert(row)
  t.listen('products', res, RESOURCE_EVENTS)
  return { db, res }
}

export default [
  scenario('listing/list-listIds', { fixedIds: ids }, async (t) => {
    const { res } = await seeded(t)
    await t.step('list', async () => byId(await res.list()), { concurrent: true })
    await t.step('list.limit', async () => (await res.list({ limit: 5 })).length, { concurrent: true })
    await t.step('list.offset', async () => (await res.list({ limit: 5, offset: 10 })).length, { concurrent: true })
    await t.step('list.partition', async () => byId(await res.list({ partition: 'byCategory', partitionValues: { category: 'toys' } })), { concurrent: true })
    await t.step('list.unknownPartition', () => res.list({ partition: 'nope', partitionValues: { category: 'toys' } }))
    await t.step('listIds', async () => (await res.listIds()).sort())
    await t.step('listIds.limit', async () => (await res.listIds({ limit: 3 })).length)
    await t.step('listIds.partition2', async () => (await res.listIds({ partition: 'byCategoryColor', partitionValues: { category: 'tools', 'meta.color': 'blue' } })).sort())
  }),

  // Options as 19.5.10 reads them: a limit of 0 is none (its `limit || 1000`, without the cap), a
  // negative one lists nothing; a partition without values is the whole resource for listIds and
  // count; an unknown one lists nothing.
  scenario('listing/loose-options', { fixedIds: ids }, async (t) => {
    const { res } = await seeded(t)
    const shape = (p) => p && ({ ...p, items: byId(p.items ?? []).map((r) => r.id) })
    await t.step('list.limitZero', async () => (await res.list({ limit: 0 })).length, { concurrent: true })
    await t.step('list.limitNegative', async () => (await res.list({ limit: -1 })).length, { concurrent: true })
    await t.step('list.offsetLimitZero', async () => (await res.list({ offset: 10, limit: 0 })).length, { concurrent: true })
    await t.step('listIds.limitZero', async () => (await res.listIds({ limit: 0 })).length)
    await t.step('listIds.unknownNoValues', async () => (await res.listIds({ partition: 'nope' })).sort())
    await t.step('listIds.knownNoValues', async () => (await res.listIds({ partition: 'byCategory' })).length)
    await t.step('count.unknownNoValues', () => res.count({ partition: 'nope' }))
    await t.step('count.unknownWithValues', () => res.count({ partition: 'nope', partitionValues: { category: 'toys' } }))
    await t.step('page.unknownNoValues', async () => shape(await res.page({ size: 5, partition: 'nope' })))
    await t.step('page.unknownWithValues', async () => shape(await res.page({ size: 5, partition: 'nope', partitionValues: { category: 'toys' } })))
  }),

  scenario('listing/page', { fixedIds: ids }, async (t) => {
    const { res } = await seeded(t)
    const shape = (p) => p && ({ ...p, items: byId(p.items ?? []).map((r) => r.id) })
    await t.step('page.first', async () => shape(await res.page({ size: 5 })), { concurrent: true })
    await t.step('page.offset', async () => shape(await res.page({ offset: 10, size: 5 })), { concurrent: true })
    await t.step('page.sizeZero', async () => shape(await res.page({ size: 0 })), { concurrent: true })
    await t.step('page.partition', async () => shape(await res.page({ size: 2, partition: 'byCategory', partitionValues: { category: 'books' } })), { concurrent: true })
    await t.step('page.skipCount', async () => shape(await res.page({ size: 3, skipCount: true })), { concurrent: true })
  }),

  scenario('listing/query-count', { fixedIds: ids }, async (t) => {
    const { res } = await seeded(t)
    await t.step('query.eq', async () => byId(await res.query({ category: 'toys' })), { concurrent: true })
    await t.step('query.two', async () => byId(await res.query({ category: 'tools', price: 0 })), { concurrent: true })
    await t.step('query.none', () => res.query({ category: 'food' }), { concurrent: true })
    await t.step('query.limit', async () => (await res.query({}, { limit: 4 })).length, { concurrent: true })
    await t.step('query.partition', async () => byId(await res.query({ title: 'Item 4' }, { partition: 'byCategory', partitionValues: { category: 'toys' } })), { concurrent: true })
    await t.step('count', () => res.count())
    await t.step('count.partition', () => res.count({ partition: 'byCategory', partitionValues: { category: 'books' } }))
  }),

  scenario('listing/getFromPartition', { fixedIds: ids }, async (t) => {
    const { db, res } = await seeded(t)
    await t.step('getFromPartition', () => res.getFromPartition({ id: 'p01', partitionName: 'byCategory', partitionValues: { category: 'toys' } }))
    await t.step('getFromPartition.wrongValue', () => res.getFromPartition({ id: 'p01', partitionName: 'byCategory', partitionValues: { category: 'tools' } }))
    await t.step('getFromPartition.unknown', () => res.getFromPartition({ id: 'p01', partitionName: 'nope', partitionValues: {} }))
    await t.step('update.movesPartition', () => res.update('p01', { category: 'books' }))
    await t.step('listIds.toys', async () => (await res.listIds({ partition: 'byCategory', partitionValues: { category: 'toys' } })).sort())
    await t.step('listIds.books', async () => (await res.listIds({ partition: 'byCategory', partitionValues: { category: 'books' } })).sort())
    await t.snapshot('end', db)
  })
]
