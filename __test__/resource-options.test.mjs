// Resource options and schema helpers: ids, events config, validate(), bulk inserts, upsert and
// replace, plugin attributes, attribute updates and partition maintenance (memory backend).
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { setImmediate as tick } from 'node:timers/promises'
import s3db from '../index.js'
import { uniqueName } from './helpers/backends.mjs'

const { Database, PartitionError, InvalidResourceItem, ResourceError, ValidationError } = s3db

async function database (options = {}) {
  const db = new Database({ connectionString: `memory://${uniqueName('opts')}/app`, ...options })
  await db.connect()
  return db
}

describe('resource options', () => {
  it('generates ids by size or by function', async () => {
    const db = await database()
    const short = await db.createResource({ name: 'short', attributes: { a: 'string' }, idSize: 8 })
    assert.match((await short.insert({ a: 'x' })).id, /^[A-Za-z0-9_-]{8}$/)
    let n = 0
    const custom = await db.createResource({ name: 'custom', attributes: { a: 'string' }, idGenerator: () => `item-${++n}` })
    assert.equal((await custom.insert({ a: 'x' })).id, 'item-1')
    assert.equal((await custom.insert({ id: 'given', a: 'y' })).id, 'given')
  })

  it('sizes ids as 19.5.10 does: idGenerator 10.5 gives 11 characters, 300 gives 300', async () => {
    const db = await database()
    const half = await db.createResource({ name: 'half', attributes: { a: 'string' }, idGenerator: 10.5 })
    assert.match((await half.insert({ a: 'x' })).id, /^[A-Za-z0-9_-]{11}$/)
    const long = await db.createResource({ name: 'long', attributes: { a: 'string' }, idSize: 300 })
    assert.equal((await long.insert({ a: 'x' })).id.length, 300)
  })

  it('refuses wrongly typed options the Database passes on, in 19.5.10 words', async () => {
    const bad = await database({ passphrase: 123 })
    await assert.rejects(bad.createResource({ name: 'users', attributes: { a: 'string' } }), (err) =>
      err instanceof ResourceError && err.message === "Invalid Resource users configuration:\n  • Resource 'passphrase' must be a string")
    const cached = await database({ cache: 'yes' })
    await assert.rejects(cached.createResource({ name: 'users', attributes: { a: 'string' } }), (err) =>
      err instanceof ResourceError && err.message === "Invalid Resource users configuration:\n  • Resource 'cache' must be a boolean")
    const rounds = await database({ bcryptRounds: '12' })
    await assert.rejects(rounds.createResource({ name: 'users', attributes: { a: 'string' } }), (err) =>
      err instanceof ResourceError && /Resource 'bcryptRounds' must be a non-negative integer/.test(err.message))
  })

  it('takes a falsy partitions as none, as 19.5.10 does', async () => {
    const db = await database()
    for (const [name, partitions] of [['nul', null], ['zero', 0], ['no', false]]) {
      const res = await db.createResource({ name, attributes: { a: 'string' }, partitions })
      assert.deepEqual(res.config.partitions, {})
    }
  })

  it('reads list options as 19.5.10 does and refuses wrongly typed ones', async () => {
    const db = await database()
    const res = await db.createResource({ name: 'items', attributes: { a: 'string' }, partitions: { byA: { fields: { a: 'string' } } } })
    for (const a of ['w', 'x', 'y', 'z']) await res.insert({ id: a, a })
    assert.deepEqual(await res.listIds({ limit: '2' }), ['w', 'x'])
    assert.deepEqual(await res.listIds({ limit: 2.5, offset: 1 }), ['x', 'y'])
    assert.deepEqual(await res.listIds({ partition: '', partitionValues: { a: 'x' } }), ['w', 'x', 'y', 'z'])
    await assert.rejects(res.listIds({ partition: 5, partitionValues: { a: 'x' } }), (err) => err instanceof PartitionError && err.message === "Partition '5' not found")
    await assert.rejects(res.listIds({ limit: true }), (err) => err instanceof ValidationError && err.message === "List option 'limit' must be a number")
    await assert.rejects(res.list({ partition: 'byA', partitionValues: 'x' }), (err) => err instanceof ValidationError && err.message === "List option 'partitionValues' must be an object")
  })

  it('wires events from the config and honours disableEvents', async () => {
    const db = await database()
    const seen = []
    const withEvents = await db.createResource({ name: 'ev', attributes: { a: 'string' }, events: { inserted: (r) => seen.push(r.a) } })
    await withEvents.insert({ a: 'one' })
    const silent = await db.createResource({ name: 'silent', attributes: { a: 'string' }, disableEvents: true })
    silent.on('inserted', () => seen.push('should not fire'))
    await silent.insert({ a: 'two' })
    await tick()
    assert.deepEqual(seen, ['one'])
  })

  it('validates without writing', async () => {
    const db = await database()
    const res = await db.createResource({ name: 'v', attributes: { name: 'string|min:2', age: 'number|optional' } })
    const ok = res.validate({ name: 'Ana', age: '31' })
    assert.equal(ok.isValid, true)
    assert.equal(ok.data.age, 31, 'numbers are converted')
    const bad = res.validate({ name: 'A' })
    assert.equal(bad.isValid, false)
    assert.equal(bad.errors[0].type, 'stringMin')
    assert.throws(() => res.validate({}, { throwOnError: true }), (err) => err.message === 'Validation failed' && err.validationErrors.length === 1)
    assert.equal(await res.count(), 0)
  })

  it('inserts many, leaving out and reporting the failures', async () => {
    const db = await database()
    const res = await db.createResource({ name: 'many', attributes: { name: 'string|min:2' } })
    const errors = []
    res.on('error', (err, item) => errors.push([err.name, item.name]))
    const dbErrors = []
    db.on('error', (name, err) => dbErrors.push(name))
    const inserted = await res.insertMany([{ name: 'Ana' }, { name: 'B' }, { name: 'Cy' }])
    assert.deepEqual(inserted.map((r) => r.name), ['Ana', 'Cy'])
    assert.deepEqual(errors, [['InvalidResourceItem', 'B']])
    assert.deepEqual(dbErrors, ['many'])
    assert.equal(await res.count(), 2)
  })

  it('routes insertMany through a replaced insert, and batches it otherwise', async () => {
    const db = await database()
    const res = await db.createResource({ name: 'routed', attributes: { name: 'string' } })
    const seen = []
    res.on('inserted', (r) => seen.push(r.name))
    assert.equal((await res.insertMany([{ name: 'a' }, { name: 'b' }])).length, 2)
    const original = res.insert.bind(res)
    res.insert = async (data) => original({ ...data, name: `${data.name}!` })
    assert.deepEqual((await res.insertMany([{ name: 'c' }])).map((r) => r.name), ['c!'])
    await tick()
    assert.deepEqual(seen.sort(), ['a', 'b', 'c!'])
  })

  it('upserts and replaces', async () => {
    const db = await database()
    const res = await db.createResource({ name: 'up', attributes: { name: 'string', n: 'number|optional' }, timestamps: true })
    const first = await res.upsert({ id: 'k', name: 'first' })
    assert.equal(first.name, 'first')
    const second = await res.upsert({ id: 'k', name: 'second' })
    assert.equal(second.name, 'second')
    assert.equal(second.createdAt, first.createdAt)
    const replaced = await res.replace('k', { name: 'third', createdAt: first.createdAt })
    assert.equal(replaced.name, 'third')
    assert.equal(replaced.n, undefined)
    assert.equal(replaced.createdAt, first.createdAt)
    await assert.rejects(res.replace('k', { n: 1 }), InvalidResourceItem)
  })

  it('stores plugin attributes under their own keys', async () => {
    const db = await database()
    const res = await db.createResource({ name: 'items', attributes: { title: 'string' } })
    const added = []
    db.on('plugin-attribute-added', (e) => added.push(e.attribute))
    res.addPluginAttribute('_score', 'number|optional', 'ScorePlugin')
    const rec = await res.insert({ title: 'a', _score: 5 })
    assert.deepEqual((await db.client.headObject(res.getResourceKey(rec.id))).Metadata, { 0: 'a', pnhj: '5', _v: 'v1' })
    assert.equal((await res.get(rec.id))._score, 5)
    assert.deepEqual(added, ['_score'])
    assert.equal(res.removePluginAttribute('_score', 'ScorePlugin'), true)
    assert.equal((await res.get(rec.id))._score, undefined)
  })

  it('updates attributes and maintains partitions', async () => {
    const db = await database({ strictValidation: false })
    const res = await db.createResource({ name: 'p', attributes: { a: 'string' }, partitions: { byB: { fields: { b: 'string' } }, byA: { fields: { a: 'string' } } } })
    assert.deepEqual(res.findOrphanedPartitions(), { byB: ['b'] })
    assert.throws(() => res.validatePartitions(), PartitionError)
    assert.deepEqual(res.removeOrphanedPartitions({ dryRun: true }), { byB: ['b'] })
    assert.deepEqual(Object.keys(res.config.partitions), ['byB', 'byA'])
    res.removeOrphanedPartitions()
    assert.deepEqual(Object.keys(res.config.partitions), ['byA'])
    assert.equal(res.validatePartitions(), true)
    const { oldAttributes } = res.updateAttributes({ a: 'string', c: 'number|optional' })
    assert.deepEqual(oldAttributes, { a: 'string' })
    assert.equal((await res.insert({ a: 'x', c: 3 })).c, 3)
  })
})
