// `exists` on an in-process store is answered without a thread hop when the pool has room; it
// must stay the same operation: same answers and errors, still one request through the pool,
// and it waits like any request when the pool cannot take it.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import s3db from '../index.js'

const { S3db, ValidationError } = s3db

async function memoryResource () {
  const db = new S3db({ connectionString: `memory://in-place-${Math.random().toString(36).slice(2)}/databases/x`, logLevel: 'silent' })
  await db.connect()
  const items = await db.createResource({ name: 'items', attributes: { name: 'string' } })
  await items.insert({ id: 'a', name: 'x' })
  return { db, items }
}

describe('exists on memory', () => {
  it('answers true, false and the id errors as before', async () => {
    const { db, items } = await memoryResource()
    assert.equal(await items.exists('a'), true)
    assert.equal(await items.exists('b'), false)
    assert.equal(await items.exists(''), false)
    await assert.rejects(items.exists('a/../b'), ValidationError)
    await items.delete('a')
    assert.equal(await items.exists('a'), false)
    await db.disconnect()
  })

  it('is still one request through the pool, with its events', async () => {
    const { db, items } = await memoryResource()
    const pool = db.client.operationsPool
    const before = pool.getStats().submittedCount
    const started = []
    pool.on('pool:taskStarted', (task) => started.push(task))
    for (let i = 0; i < 5; i++) await items.exists(i % 2 ? 'a' : 'missing')
    assert.equal(pool.getStats().submittedCount - before, 5)
    await new Promise((resolve) => setTimeout(resolve, 20))
    assert.equal(started.length, 5)
    await db.disconnect()
  })

  it('runs beforeExists and afterExists hooks when there are some', async () => {
    const { db, items } = await memoryResource()
    const seen = []
    items.addHook('beforeExists', (data) => { seen.push(['before', data]) })
    items.addHook('afterExists', (data) => { seen.push(['after', data]) })
    assert.equal(await items.exists('a'), true)
    assert.equal(await items.exists('zz'), false)
    assert.deepEqual(seen, [
      ['before', { id: 'a' }], ['after', { id: 'a', exists: true }],
      ['before', { id: 'zz' }], ['after', { id: 'zz', exists: false }]
    ])
    await db.disconnect()
  })

  it('waits for a paused pool instead of answering past it', async () => {
    const { db, items } = await memoryResource()
    const pool = db.client.operationsPool
    await pool.pause()
    let settled = false
    const pending = items.exists('a').then((v) => { settled = true; return v })
    await new Promise((resolve) => setTimeout(resolve, 50))
    assert.equal(settled, false, 'exists ran past a paused pool')
    pool.resume()
    assert.equal(await pending, true)
    await db.disconnect()
  })
})
