// Resource operations behave as in s3db.js 19: deleteMany's result, hooks, events and partition
// references; delete of a missing id; input checks with s3db.js's classes and messages; the
// prototype-pollution guard; middleware order; page sizes. On every backend.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { setImmediate as tick } from 'node:timers/promises'
import s3db from '../index.js'
import { backends } from './helpers/backends.mjs'

const { Database, Plugin, NoSuchKey, ValidationError, ResourceError, PartitionError, InvalidResourceItem } = s3db

async function connected (backend) {
  const db = new Database({ connectionString: await backend.connectionString() })
  await db.connect()
  return db
}

async function regions (db) {
  const res = await db.createResource({ name: 'users', attributes: { name: 'string', region: 'string', meta: 'object|optional' }, partitions: { byRegion: { fields: { region: 'string' } } } })
  await res.insert({ id: 'a', name: 'A', region: 'eu' })
  await res.insert({ id: 'b', name: 'B', region: 'us' })
  await res.insert({ id: 'c', name: 'C', region: 'eu' })
  return res
}

const keysUnder = async (db, prefix) => (await db.client.getAllKeys({ prefix })).sort()

for (const backend of backends) {
  describe(`resource fidelity (${backend.name})`, { skip: backend.skip }, () => {
    it('deleteMany returns { deleted, errors } and removes partition references', async () => {
      const db = await connected(backend)
      const res = await regions(db)
      const errors = []
      res.on('error', (err, id) => errors.push([id, err.name]))
      const many = []
      res.on('deleted-many', (n) => many.push(n))
      assert.deepEqual(await res.deleteMany(['a', 'missing', 'x/y']), { deleted: 1, errors: 2 })
      await tick()
      assert.deepEqual(errors.sort(), [['missing', 'NoSuchKey'], ['x/y', 'ValidationError']])
      assert.deepEqual(many, [3])
      assert.deepEqual(await keysUnder(db, 'resource=users/partition=byRegion/region=eu/'), ['resource=users/partition=byRegion/region=eu/id=c'])
      assert.equal(await res.count({ partition: 'byRegion', partitionValues: { region: 'eu' } }), 1)
      assert.deepEqual(await res.listIds(), ['b', 'c'])
      await db.disconnect()
    })

    it('deleteMany without partitions counts the ids it deleted', async () => {
      const db = await connected(backend)
      const res = await db.createResource({ name: 'plain', attributes: { n: 'number' } })
      await res.insertMany([{ id: 'p1', n: 1 }, { id: 'p2', n: 2 }])
      const out = await res.deleteMany(['p1', 'p2'])
      assert.deepEqual(out, { deleted: 2, errors: 0 })
      assert.equal(await res.count(), 0)
      await db.disconnect()
    })

    it('deleteMany runs the delete hooks and emits deleted with each record', async () => {
      const db = await connected(backend)
      const res = await regions(db)
      const seen = []
      res.addHook('beforeDelete', async (data) => { seen.push(['before', data.id, data.name]) })
      res.addHook('afterDelete', async (data) => { seen.push(['after', data.id, data.name]) })
      const deleted = []
      res.on('deleted', (payload) => deleted.push([payload.id, payload.name, payload.$before?.name, payload.$after]))
      assert.deepEqual(await res.deleteMany(['a', 'b']), { deleted: 2, errors: 0 })
      await tick()
      assert.deepEqual(seen.sort(), [['after', 'a', 'A'], ['after', 'b', 'B'], ['before', 'a', 'A'], ['before', 'b', 'B']])
      assert.deepEqual(deleted.sort(), [['a', 'A', 'A', null], ['b', 'B', 'B', null]])
      assert.deepEqual(await keysUnder(db, 'resource=users/partition='), ['resource=users/partition=byRegion/region=eu/id=c'])
      await db.disconnect()
    })

    it('delete of a missing id rejects with NoSuchKey, with or without hooks', async () => {
      const db = await connected(backend)
      const plain = await db.createResource({ name: 'plain', attributes: { n: 'number' } })
      await plain.insert({ id: 'here', n: 1 })
      await assert.rejects(plain.delete('nope'), (err) => err instanceof NoSuchKey && err.statusCode === 404 && err.id === 'nope' && err.resourceName === 'plain')
      await plain.delete('here')
      await assert.rejects(plain.get('here'), NoSuchKey)
      await assert.rejects(plain.delete('here'), NoSuchKey)
      const hooked = await regions(db)
      const seen = []
      hooked.addHook('beforeDelete', async (data) => { seen.push(['before', data]) })
      hooked.addHook('afterDelete', async (data) => { seen.push(['after', data]) })
      const events = []
      hooked.on('deleted', (payload) => events.push(payload))
      await assert.rejects(hooked.delete('ghost'), NoSuchKey)
      await tick()
      assert.deepEqual(seen, [['before', { id: 'ghost' }], ['after', { id: 'ghost' }]])
      assert.deepEqual(events, [{ id: 'ghost', $before: { id: 'ghost' }, $after: null }])
      await db.disconnect()
    })

    it('a duplicate id names the id field; upsert needs an id; patch and replace need objects', async () => {
      const db = await connected(backend)
      const res = await regions(db)
      await assert.rejects(res.insert({ id: 'a', name: 'again', region: 'eu' }), (err) => {
        assert.ok(err instanceof InvalidResourceItem)
        assert.equal(err.validation[0].field, 'id')
        assert.equal(err.data.validation[0].field, 'id')
        assert.equal(err.validation[0].message, "Resource with id 'a' already exists")
        assert.equal(err.attributes.id, 'a')
        return true
      })
      assert.equal((await res.get('a')).name, 'A', 'the stored record is untouched')
      await assert.rejects(res.upsert({ name: 'no id', region: 'eu' }), (err) => err instanceof ValidationError && err.field === 'id' && /required for upsert/.test(err.message))
      assert.equal(await res.count(), 3)
      await assert.rejects(res.patch('a', null), (err) => err instanceof ValidationError && /fields must be a non-empty object/.test(err.message))
      await assert.rejects(res.replace('a', null), (err) => err instanceof ValidationError && /fullData must be a non-empty object/.test(err.message))
      await db.disconnect()
    })

    it('strips __proto__, constructor and prototype keys on every write', async () => {
      const db = await connected(backend)
      const res = await regions(db)
      const own = (obj, key) => Object.prototype.hasOwnProperty.call(obj, key)
      await res.insert({ id: 'p', name: 'P', region: 'eu', meta: JSON.parse('{"__proto__": {"polluted": true}, "n": {"constructor": {"x": 1}, "ok": 1}}') })
      let meta = (await res.get('p')).meta
      assert.equal(own(meta, '__proto__'), false)
      assert.deepEqual(meta.n, { ok: 1 })
      await res.patch('p', { meta: { n: { prototype: 1, ok: 2 } } })
      assert.deepEqual((await res.get('p')).meta.n, { ok: 2 })
      const current = await res.get('p')
      const result = await res.updateConditional('p', { meta: { deep: { constructor: 1, v: 3 } } }, { ifMatch: current._etag })
      assert.equal(result.success, true)
      meta = (await res.get('p')).meta
      assert.deepEqual(meta.deep, { v: 3 })
      assert.equal({}.polluted, undefined)
      await db.disconnect()
    })

    it('updateConditional answers as s3db.js for a missing id and a stale ETag', async () => {
      const db = await connected(backend)
      const res = await regions(db)
      assert.deepEqual(await res.updateConditional('ghost', { name: 'x' }, { ifMatch: '"x"' }), { success: false, error: "Resource with id 'ghost' does not exist" })
      assert.deepEqual(await res.updateConditional('a', { name: 'x' }, { ifMatch: '"stale"' }), { success: false, error: 'ETag mismatch - object was modified by another process' })
      await assert.rejects(res.updateConditional('a', { name: 'x' }), (err) => err instanceof ValidationError && err.statusCode === 428 && err.field === 'ifMatch')
      await db.disconnect()
    })

    it('page() defaults a size of 0 to 100 and rejects an unknown partition', async () => {
      const db = await connected(backend)
      const res = await regions(db)
      const page = await res.page({ size: 0 })
      assert.equal(page.items.length, 3)
      assert.equal(page.pageSize, 100)
      assert.equal(page.totalPages, 1)
      assert.equal(page.hasMore, false)
      assert.equal(page._debug.requestedSize, 0)
      await assert.rejects(res.page({ partition: 'nope', partitionValues: { x: 1 } }), PartitionError)
      await db.disconnect()
    })

    it('getFromPartition checks ids, values and partitions first', async () => {
      const db = await connected(backend)
      const res = await regions(db)
      await assert.rejects(res.getFromPartition({ id: 'a/1', partitionName: 'byRegion', partitionValues: { region: 'eu' } }), (err) => err instanceof ValidationError && err.constraint === 'url-safe' && err.statusCode === 400 && err.field === 'id')
      await assert.rejects(res.getFromPartition({ id: 'a', partitionName: 'byRegion', partitionValues: { region: 'eu/x' } }), (err) => err instanceof ValidationError && err.constraint === 'url-safe' && err.field === 'partitionValues.region')
      await assert.rejects(res.getFromPartition({ id: 'a', partitionName: 'nope', partitionValues: { region: 'eu' } }), /Partition 'nope' not found/)
      await assert.rejects(res.getFromPartition({ id: 'a', partitionName: 'byRegion', partitionValues: {} }), /No partition values provided/)
      await assert.rejects(res.getFromPartition({ id: 'a', partitionName: 'byRegion', partitionValues: { region: 'us' } }), ResourceError)
      assert.equal((await res.getFromPartition({ id: 'a', partitionName: 'byRegion', partitionValues: { region: 'eu' } })).name, 'A')
      await db.disconnect()
    })
  })
}

describe('createResource checks the definition as s3db.js does', () => {
  const cases = [
    [{ attributes: { a: 'string' } }, /Invalid Resource \[unnamed\] configuration:\n {2}• Resource 'name' is required/],
    [{ name: 'x' }, /Resource 'attributes' are required/],
    [{ name: 'x', attributes: ['a'] }, /Resource 'attributes' must be an object/],
    [{ name: 'x', attributes: {} }, /Resource 'attributes' cannot be empty/],
    [{ name: 'users/bad', attributes: { a: 'string' } }, /Resource 'name' must be URL-friendly/],
    [{ name: 'x', attributes: { r: 'string' }, partitions: { 'by/R': { fields: { r: 'string' } } } }, /Partition name 'by\/R' must be URL-friendly/],
    [{ name: 'x', attributes: { r: 'string' }, partitions: { byR: { fields: { 're=gion': 'string' } } } }, /Partition field 're=gion' must be URL-friendly/],
    [{ name: 'x', attributes: { r: 'string' }, partitions: { byR: {} } }, /Partition 'byR' must have a 'fields' property/],
    [{ name: 'x', attributes: { r: 'string' }, hooks: { beforeFoo: [] } }, /Invalid hook event 'beforeFoo'/],
    [{ name: 'x', attributes: { r: 'string' }, timestamps: 'yes' }, /Resource 'timestamps' must be a boolean/]
  ]
  for (const [config, message] of cases) {
    it(`rejects ${JSON.stringify(config)}`, async () => {
      const db = new Database({ connectionString: 'memory://checks/app' })
      await db.connect()
      await assert.rejects(db.createResource(config), (err) => err instanceof ResourceError && message.test(err.message) && Array.isArray(err.validation))
      assert.deepEqual(Object.keys(db.resources), [])
      await db.disconnect()
    })
  }

  it('names the available fields when a partition field is not an attribute', async () => {
    const db = new Database({ connectionString: 'memory://checks/app' })
    await db.connect()
    await assert.rejects(db.createResource({ name: 'x', attributes: { r: 'string', s: 'string' }, partitions: { byQ: { fields: { q: 'string' } } } }), (err) => err instanceof PartitionError && /Available fields: r, s\./.test(err.message))
    await db.disconnect()
  })
})

describe('middlewares run in the order they were added', () => {
  it('Plugin.addMiddleware: the first added sees the call first and can stop it', async () => {
    const db = new Database({ connectionString: 'memory://mw/app' })
    await db.connect()
    const res = await db.createResource({ name: 'logs', attributes: { text: 'string' } })
    const plugin = new Plugin()
    const order = []
    plugin.addMiddleware(res, 'insert', async (next, data) => { order.push('logger'); return next(data) })
    plugin.addMiddleware(res, 'insert', async (next, data) => { order.push('blocker'); return data.text === 'blocked' ? null : next(data) })
    assert.equal(await res.insert({ id: 'x', text: 'blocked' }), null)
    assert.deepEqual(order, ['logger', 'blocker'])
    assert.equal(await res.exists('x'), false)
    assert.equal((await res.insert({ id: 'y', text: 'ok' })).text, 'ok')
    assert.throws(() => plugin.addMiddleware(res, 'nothing', async () => {}), /Cannot add middleware to "nothing"/)
    await db.disconnect()
  })

  it('useMiddleware: in order, each able to change the arguments', async () => {
    const db = new Database({ connectionString: 'memory://mw2/app' })
    await db.connect()
    const res = await db.createResource({ name: 'logs', attributes: { text: 'string' } })
    const order = []
    res.useMiddleware('insert', async (ctx, next) => { order.push(1); ctx.args[0] = { ...ctx.args[0], text: ctx.args[0].text + '!' }; return next() })
    res.useMiddleware('insert', async (ctx, next) => { order.push(2); return next() })
    assert.equal((await res.insert({ id: 'm', text: 'hi' })).text, 'hi!')
    assert.deepEqual(order, [1, 2])
    await db.disconnect()
  })
})
