// `progress` events of long bulk operations (an s3db-native addition): which operations report,
// how often, and that a batch nobody watches still crosses into the core once.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { setImmediate as tick } from 'node:timers/promises'
import s3db from '../index.js'
import { backends } from './helpers/backends.mjs'

const { Database, ValidationError } = s3db
const memory = backends.find((b) => b.name === 'memory')

async function resourceOn (config = {}) {
  const db = new Database({ connectionString: await memory.connectionString() })
  await db.connect()
  const res = await db.createResource({ name: 'items', attributes: { n: 'number', tag: 'string|optional' }, paranoid: false, ...config })
  return { db, res }
}

function docs (count, from = 0) {
  return Array.from({ length: count }, (_, i) => ({ id: `item-${String(from + i).padStart(5, '0')}`, n: from + i }))
}

/** Collects `progress` events; `settled()` waits for events emitted asynchronously. */
function followProgress (res) {
  const events = []
  res.on('progress', (event) => events.push(event))
  return { events, settled: async () => { await tick(); return events } }
}

/** Reports end at the total, grow by at least a page (100) each, and name the operation. */
function assertReports (events, operation, total) {
  assert.ok(events.length > 0, `${operation} reported`)
  let previous = 0
  for (const event of events) {
    assert.deepEqual(Object.keys(event), ['operation', 'done', 'total'])
    assert.equal(event.operation, operation)
    assert.equal(event.total, total)
    assert.ok(event.done - previous >= 100 || event.done === total, `${event.done} after ${previous}`)
    previous = event.done
  }
  assert.equal(previous, total)
}

/** Counts calls of one method of the resource's native handle. */
function countCoreCalls (res, method) {
  const calls = { count: 0 }
  const native = res._native
  const original = native[method].bind(native)
  native[method] = (...args) => {
    calls.count++
    return original(...args)
  }
  return calls
}

describe('progress of bulk operations', () => {
  it('insertMany reports between chunks and crosses once when nobody listens', async () => {
    const { db, res } = await resourceOn()
    const crossings = countCoreCalls(res, 'insertMany')
    await res.insertMany(docs(300))
    assert.equal(crossings.count, 1, 'one crossing without a progress listener')

    const progress = followProgress(res)
    const inserted = await res.insertMany(docs(2500, 300))
    assert.equal(inserted.length, 2500)
    assert.equal(crossings.count, 1 + 10, 'chunks of 250 for 2,500 documents')
    assertReports(await progress.settled(), 'insertMany', 2500)
    assert.deepEqual(progress.events.map((e) => e.done), [250, 500, 750, 1000, 1250, 1500, 1750, 2000, 2250, 2500])
    assert.equal(await res.count(), 2800)
    await db.disconnect()
  })

  it('insertMany through insert (hooks) reports once per 100 records, failures included', async () => {
    const { db, res } = await resourceOn({ hooks: { beforeInsert: [(data) => data] } })
    const progress = followProgress(res)
    res.on('error', () => {})
    const batch = docs(250)
    batch[7] = { id: 'bad', n: 'not a number' }
    const inserted = await res.insertMany(batch)
    assert.equal(inserted.length, 249)
    assertReports(await progress.settled(), 'insertMany', 250)
    assert.deepEqual(progress.events.map((e) => e.done), [100, 200, 250])
    await db.disconnect()
  })

  it('batches of one page or less, and disabled events, report nothing', async () => {
    const { db, res } = await resourceOn()
    const progress = followProgress(res)
    await res.insertMany(docs(100))
    await res.getMany(docs(100).map((d) => d.id))
    await res.deleteMany(docs(100).map((d) => d.id))
    assert.deepEqual(await progress.settled(), [])
    const quiet = await db.createResource({ name: 'quiet', attributes: { n: 'number' }, disableEvents: true })
    const unheard = followProgress(quiet)
    await quiet.insertMany(docs(300))
    assert.deepEqual(await unheard.settled(), [])
    await db.disconnect()
  })

  it('getMany reports between chunks and keeps order and misses', async () => {
    const { db, res } = await resourceOn()
    await res.insertMany(docs(400))
    const ids = docs(400).map((d) => d.id).reverse()
    ids.splice(10, 0, 'missing')
    const progress = followProgress(res)
    const errors = []
    res.on('error', (err, id) => errors.push([id, err.name]))
    const records = await res.getMany(ids)
    assert.deepEqual(records.map((r) => r.id), ids.filter((id) => id !== 'missing'))
    assert.ok(records[0]._lastModified instanceof Date)
    assertReports(await progress.settled(), 'getMany', 401)
    assert.deepEqual(progress.events.map((e) => e.done), [100, 200, 300, 400, 401])
    assert.deepEqual(errors, [['missing', 'NoSuchKey']])
    await db.disconnect()
  })

  it('deleteMany reports per request of 1,000 keys and keeps its results', async () => {
    const { db, res } = await resourceOn()
    await res.insertMany(docs(2500))
    const progress = followProgress(res)
    const results = await res.deleteMany(docs(2500).map((d) => d.id))
    assert.deepEqual(results, { deleted: 2500, errors: 0 })
    assertReports(await progress.settled(), 'deleteMany', 2500)
    assert.equal(await res.count(), 0)
    await db.disconnect()
  })

  it('deleteMany counts an invalid id among its errors and deletes the rest', async () => {
    const { db, res } = await resourceOn()
    await res.insertMany(docs(1500))
    const progress = followProgress(res)
    const errors = []
    res.on('error', (err, id) => errors.push([id, err instanceof ValidationError]))
    const ids = docs(1500).map((d) => d.id)
    ids.push('a/b')
    assert.deepEqual(await res.deleteMany(ids), { deleted: 1500, errors: 1 })
    assert.deepEqual(errors, [['a/b', true]])
    assert.equal(await res.count(), 0)
    assertReports(await progress.settled(), 'deleteMany', 1501)
    await db.disconnect()
  })

  it('deleteAll and deleteAllData report the objects they delete', async () => {
    const { db, res } = await resourceOn({ partitions: { byTag: { fields: { tag: 'string' } } } })
    await res.insertMany(docs(1200).map((d) => ({ ...d, tag: d.n % 2 ? 'odd' : 'even' })))
    const progress = followProgress(res)
    const closing = []
    res.on('deleted-all', (event) => closing.push(event))
    res.on('deleted-all-data', (event) => closing.push(event))
    assert.deepEqual(await res.deleteAll(), { deletedCount: 1200, version: 'v1' })
    assertReports(await progress.settled(), 'deleteAll', 1200)
    assert.equal(await res.count(), 0)

    progress.events.length = 0
    const references = (await db.client.getAllKeys({ prefix: 'resource=items/' })).length
    assert.equal(references, 1200, 'partition references are left by deleteAll')
    assert.deepEqual(await res.deleteAllData(), { deletedCount: 1200, resource: 'items' })
    assertReports(await progress.settled(), 'deleteAllData', 1200)
    assert.deepEqual(await db.client.getAllKeys({ prefix: 'resource=items/' }), [])
    await new Promise((resolve) => setImmediate(resolve))
    assert.deepEqual(closing, [
      { version: 'v1', prefix: 'resource=items/data', deletedCount: 1200 },
      { resource: 'items', prefix: 'resource=items', deletedCount: 1200 }
    ])
    await db.disconnect()
  })
})
