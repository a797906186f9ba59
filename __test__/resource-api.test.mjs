// Resource API of s3db.js 19.x: incremental ids and their sequences (on every backend),
// lazy schemas, getPartitionKey / listPartition, and the clients' logLevel.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import s3db from '../index.js'
import { backends, uniqueName } from './helpers/backends.mjs'

const { Database, MemoryClient, PartitionError, parseIncrementalConfig, validateIncrementalConfig, formatIncrementalValue, IncrementalConfigError, createSequence, DistributedLock } = s3db

async function memoryDatabase (options = {}) {
  const db = new Database({ connectionString: `memory://${uniqueName('api')}/app`, ...options })
  await db.connect()
  return db
}

async function readJson (client, key) {
  const res = await client.getObject(key)
  return JSON.parse(await res.Body.transformToString())
}

describe('incremental id configuration', () => {
  it('parses the string forms and objects', () => {
    assert.deepEqual(parseIncrementalConfig('incremental'), { type: 'incremental', start: 1, increment: 1, mode: 'standard', batchSize: 100, prefix: '', padding: 0 })
    assert.equal(parseIncrementalConfig('incremental:1000').start, 1000)
    assert.equal(parseIncrementalConfig('incremental:fast').mode, 'fast')
    assert.deepEqual([parseIncrementalConfig('incremental:fast:5000').mode, parseIncrementalConfig('incremental:fast:5000').start], ['fast', 5000])
    const ord = parseIncrementalConfig('incremental:ORD-0001')
    assert.deepEqual([ord.prefix, ord.start, ord.padding], ['ORD-', 1, 4])
    assert.equal(parseIncrementalConfig('incremental:unknown-format').start, 1)
    assert.equal(parseIncrementalConfig({ type: 'incremental', increment: 10 }).increment, 10)
  })

  it('validates and formats', () => {
    assert.throws(() => validateIncrementalConfig({ increment: 0 }), (e) => e instanceof IncrementalConfigError && e.field === 'increment')
    assert.throws(() => parseIncrementalConfig({ type: 'incremental', prefix: 'a b' }, { validate: true }), /prefix must contain only/)
    assert.deepEqual(validateIncrementalConfig({ batchSize: 0, padding: 1.5 }, { throwOnError: false }).errors.map((e) => e.field), ['batchSize', 'padding'])
    assert.equal(formatIncrementalValue(42, { prefix: 'INV-', padding: 4 }), 'INV-0042')
    assert.equal(formatIncrementalValue(12345, { padding: 3 }), '12345')
  })
})

for (const backend of backends) {
  describe(`incremental ids on ${backend.name}`, { skip: backend.skip }, () => {
    it('hands out sequential ids kept in the 19.x sequence object', async () => {
      const db = new Database({ connectionString: await backend.connectionString() })
      await db.connect()
      const orders = await db.createResource({ name: 'orders', attributes: { name: 'string' }, idGenerator: 'incremental:ORD-0001' })
      assert.equal(orders.idGeneratorType, 'incremental')
      assert.equal((await orders.insert({ name: 'a' })).id, 'ORD-0001')
      assert.equal((await orders.insert({ id: 'manual', name: 'b' })).id, 'manual')
      assert.equal((await orders.insert({ name: 'c' })).id, 'ORD-0002')
      assert.equal(await orders.getSequenceValue(), 3)

      const keys = await db.client.getAllKeys({ prefix: 'resource=orders/sequence=' })
      assert.deepEqual(keys, ['resource=orders/sequence=id/value'], 'the lock object is gone once released')
      const stored = await readJson(db.client, 'resource=orders/sequence=id/value')
      assert.equal(stored.value, 3)
      assert.equal(stored.name, 'id')
      assert.equal(typeof stored.createdAt, 'number')

      assert.equal(await orders.resetSequence('id', 500), true)
      assert.equal((await orders.insert({ name: 'd' })).id, 'ORD-0500')
      const listed = await orders.listSequences()
      assert.equal(listed.length, 1)
      assert.equal(listed[0].value, 501)
      assert.equal(typeof listed[0].resetAt, 'number')
      await db.disconnect()
    })

    it('never gives two concurrent writers the same id', async () => {
      const connectionString = await backend.connectionString()
      const a = new Database({ connectionString })
      await a.connect()
      const b = new Database({ connectionString })
      await b.connect()
      const def = { name: 'tickets', attributes: { n: 'number' }, idGenerator: 'incremental' }
      const [ra, rb] = [await a.createResource(def), await b.createResource(def)]
      // Two databases: separate in-process queues, so the bucket lock decides.
      const made = await Promise.all(Array.from({ length: 24 }, (_, i) => (i % 2 ? ra : rb).insert({ n: i })))
      const ids = made.map((r) => Number(r.id)).sort((x, y) => x - y)
      assert.deepEqual(ids, Array.from({ length: 24 }, (_, i) => i + 1))
      assert.equal(await ra.getSequenceValue(), 25)
    })
  })
}

describe('incremental ids: modes, options and locks', () => {
  it('supports increments, negative steps, padding and huge starts', async () => {
    const db = await memoryDatabase()
    const step = await db.createResource({ name: 'step', attributes: { a: 'string' }, idGenerator: { type: 'incremental', start: 100, increment: -10 } })
    assert.deepEqual([(await step.insert({ a: 'x' })).id, (await step.insert({ a: 'y' })).id], ['100', '90'])
    const padded = await db.createResource({ name: 'padded', attributes: { a: 'string' }, idGenerator: { type: 'incremental', start: 999, prefix: 'A-', padding: 3 } })
    assert.deepEqual([(await padded.insert({ a: 'x' })).id, (await padded.insert({ a: 'y' })).id], ['A-999', 'A-1000'])
    const big = await db.createResource({ name: 'big', attributes: { a: 'string' }, idGenerator: { type: 'incremental', start: 9999999999 } })
    assert.equal((await big.insert({ a: 'x' })).id, '9999999999')
  })

  it('fast mode takes a batch at a time, also under concurrency', async () => {
    const db = await memoryDatabase()
    const fast = await db.createResource({ name: 'fast', attributes: { n: 'number' }, idGenerator: { type: 'incremental', mode: 'fast', batchSize: 5, start: 10 } })
    const made = await Promise.all(Array.from({ length: 12 }, (_, n) => fast.insert({ n })))
    assert.deepEqual(made.map((r) => Number(r.id)).sort((x, y) => x - y), Array.from({ length: 12 }, (_, i) => i + 10))
    const status = fast.getBatchStatus()
    assert.deepEqual([status.start, status.end, status.current, status.remaining], [20, 25, 22, 3])
    assert.equal(await fast.getSequenceValue(), 25, 'three batches of 5 reserved in the bucket')
    const reserved = await fast.reserveIdBatch(200)
    assert.deepEqual([reserved.start, reserved.end], [25, 225])
    fast.releaseBatch()
    assert.equal(fast.getBatchStatus(), null)
    assert.equal((await fast.insert({ n: 0 })).id, '225')
  })

  it('answers null on resources without a sequence', async () => {
    const db = await memoryDatabase()
    const plain = await db.createResource({ name: 'plain', attributes: { a: 'string' } })
    assert.equal(await plain.getSequenceValue(), null)
    assert.equal(await plain.listSequences(), null)
    assert.equal(await plain.reserveIdBatch(), null)
    assert.equal(plain.getBatchStatus(), null)
    assert.equal(plain.releaseBatch(), undefined)
    assert.equal(await plain.resetSequence('id', 3), false)
  })

  it('waits for a lock another process holds and takes over an expired one', async () => {
    const db = await memoryDatabase()
    const res = await db.createResource({ name: 'locked', attributes: { a: 'string' }, idGenerator: 'incremental' })
    const lockKey = 'resource=locked/sequence=id/lock'
    const now = Date.now()
    await db.client.putObject({ key: lockKey, body: JSON.stringify({ workerId: 'other', token: 't', acquiredAt: now, _expiresAt: now + 10000 }), contentType: 'application/json' })
    let done = false
    const pending = res.insert({ a: 'x' }).then((r) => { done = true; return r })
    await new Promise((resolve) => setTimeout(resolve, 150))
    assert.equal(done, false, 'the insert waits while the lock is held')
    await db.client.deleteObject(lockKey)
    assert.equal((await pending).id, '1')

    await db.client.putObject({ key: lockKey, body: JSON.stringify({ workerId: 'dead', token: 't', acquiredAt: now - 60000, _expiresAt: now - 1000 }), contentType: 'application/json' })
    assert.equal((await res.insert({ a: 'y' })).id, '2')
  })

  it('exports DistributedLock and createSequence over a storage adapter', async () => {
    const store = new Map()
    const storage = {
      async get (key) { return store.has(key) ? structuredClone(store.get(key)) : null },
      async set (key, data, { ifNoneMatch } = {}) {
        if (ifNoneMatch === '*' && store.has(key)) throw Object.assign(new Error('PreconditionFailed'), { name: 'PreconditionFailed', statusCode: 412 })
        store.set(key, structuredClone(data))
        return { ETag: '"x"' }
      },
      async delete (key) { store.delete(key) }
    }
    const seq = createSequence(storage, { resourceName: 'users', pluginSlug: 'audit' })
    assert.deepEqual(await Promise.all([seq.next('n'), seq.next('n'), seq.next('n')]).then((v) => v.sort()), [1, 2, 3])
    assert.equal(await seq.get('n'), 4)
    assert.ok(store.has('resource=users/plugin=audit/sequence=n/value'))
    const lock = new DistributedLock(storage)
    const held = await lock.acquire('job', { ttl: 5 })
    assert.equal(await lock.acquire('job', { timeout: 0 }), null)
    await lock.release(held)
    assert.equal(await lock.isLocked('job'), false)
  })

  it('createSequence lays its value and lock objects out by owner, as s3db.js 19.x', async () => {
    const written = []
    const storage = {
      store: new Map(),
      async get (key) { return this.store.get(key) ?? null },
      async set (key, data) {
        written.push(key)
        this.store.set(key, data)
        return { ETag: '"x"' }
      },
      async delete (key) { this.store.delete(key) }
    }
    const keysOf = async (options) => {
      written.length = 0
      await createSequence(storage, options).next('n')
      return [...new Set(written)]
    }
    assert.deepEqual(await keysOf({ resourceName: 'users' }), ['resource=users/sequence=n/lock', 'resource=users/sequence=n/value'])
    assert.deepEqual(await keysOf({ pluginSlug: 'audit' }), ['plugin=audit/sequence=n/lock', 'plugin=audit/sequence=n/value'])
    assert.deepEqual(await keysOf({ prefix: 'app/', pluginSlug: '' }), ['app/sequence=n/lock', 'app/sequence=n/value'])
    // With no owner: the options' own key generators, else `sequences/<name>/...`.
    assert.deepEqual(await keysOf({}), ['sequences/n/lock', 'sequences/n/value'])
    const own = { valueKeyGenerator: (name) => `own/${name}.json`, lockKeyGenerator: (name) => `own/${name}.lock` }
    assert.deepEqual(await keysOf(own), ['own/n.lock', 'own/n.json'])
    assert.deepEqual(await keysOf({ ...own, resourceName: 'users' }), ['resource=users/sequence=n/lock', 'resource=users/sequence=n/value'])
  })
})

describe('lazy schemas', () => {
  it('reports the schema as pending until first use or prewarm', async () => {
    const db = await memoryDatabase()
    const lazy = await db.createResource({ name: 'lazy', attributes: { email: 'email|required' }, lazySchema: true })
    const other = await db.createResource({ name: 'other', attributes: { a: 'string' }, lazySchema: true })
    const eager = await db.createResource({ name: 'eager', attributes: { a: 'string' } })
    assert.equal(lazy.isSchemaCompiled(), false)
    assert.notEqual(lazy._pendingSchemaConfig, null)
    assert.equal(eager.isSchemaCompiled(), true)
    assert.equal(eager._pendingSchemaConfig, null)
    await assert.rejects(lazy.insert({ email: 'not-an-email' }))
    assert.equal(lazy.isSchemaCompiled(), true)
    assert.deepEqual(db.prewarmResources(), { warmed: ['other'], skipped: [], alreadyCompiled: ['lazy', 'eager'] })
    assert.equal(other.isSchemaCompiled(), true)
    other.prewarmSchema()
    assert.equal(other.isSchemaCompiled(), true)
  })
})

describe('partition helpers', () => {
  it('getPartitionKey gives the key a write creates', async () => {
    const db = await memoryDatabase()
    const items = await db.createResource({
      name: 'items',
      attributes: { category: 'string', day: 'string', region: 'string|optional' },
      partitions: { byCategory: { fields: { category: 'string|maxlength:4' } }, byDayRegion: { fields: { region: 'string', day: 'date' } } }
    })
    const data = { category: 'electronics', day: '2024-03-05T10:00:00.000Z', region: 'eu' }
    await items.insert({ id: 'i1', ...data })
    const keys = await db.client.getAllKeys({ prefix: 'resource=items/partition=' })
    const byCategory = items.getPartitionKey({ partitionName: 'byCategory', id: 'i1', data })
    const byDayRegion = items.getPartitionKey({ partitionName: 'byDayRegion', data: { ...data, id: 'i1' } })
    assert.equal(byCategory, 'resource=items/partition=byCategory/category=elec/id=i1')
    assert.equal(byDayRegion, 'resource=items/partition=byDayRegion/day=2024-03-05/region=eu/id=i1')
    assert.deepEqual(keys.sort(), [byCategory, byDayRegion].sort())
    assert.equal(items.getPartitionKey({ partitionName: 'byDayRegion', id: 'i1', data: { day: '2024-01-01' } }), null)
    assert.equal(items.getPartitionKey({ partitionName: 'byCategory', data: { category: 'x' } }), null)
    assert.throws(() => items.getPartitionKey({ partitionName: 'nope', id: 'i1', data }), (e) => e instanceof PartitionError && /Partition 'nope' not found/.test(e.message))
    // A partition without fields gives no key, whatever the id holds (as 19.5.10).
    const flat = await db.createResource({ name: 'flat', attributes: { n: 'string' }, partitions: { none: { fields: {} } } })
    assert.equal(flat.getPartitionKey({ partitionName: 'none', id: 'a/b/c', data: { n: 'x' } }), null)
    assert.equal(flat.getPartitionKey({ partitionName: 'none', id: 'a', data: { n: 'x' } }), null)
    assert.equal(items.getNestedFieldValue({ a: { b: { c: 3 } } }, 'a.b.c'), 3)
    assert.equal(items.getNestedFieldValue({ a: {} }, 'a.b.c'), undefined)
  })

  it('listPartition lists the records of one partition', async () => {
    const db = await memoryDatabase()
    const items = await db.createResource({ name: 'items', attributes: { category: 'string' }, partitions: { byCategory: { fields: { category: 'string' } } } })
    await items.insertMany([{ id: 'a', category: 'x' }, { id: 'b', category: 'y' }, { id: 'c', category: 'x' }])
    const listed = await items.listPartition({ partition: 'byCategory', partitionValues: { category: 'x' } })
    assert.deepEqual(listed.map((r) => r.id).sort(), ['a', 'c'])
    assert.equal(listed[0]._partition, 'byCategory')
    assert.deepEqual(listed[0]._partitionValues, { category: 'x' })
    assert.equal((await items.listPartition({ partition: 'byCategory', partitionValues: { category: 'x' }, limit: 1, offset: 1 })).length, 1)
    assert.deepEqual(await items.listPartition({ partition: 'unknown', partitionValues: {} }), [])
  })
})

describe('client logLevel', () => {
  it('defaults to info and follows the database option', async () => {
    assert.equal(new MemoryClient({ bucket: uniqueName('ll') }).logLevel, 'info')
    assert.equal(new MemoryClient({ bucket: uniqueName('ll'), logLevel: 'debug' }).logLevel, 'debug')
    const db = new Database({ connectionString: `memory://${uniqueName('ll')}/x`, logLevel: 'silent' })
    assert.equal(db.client.logLevel, 'silent')
  })
})
