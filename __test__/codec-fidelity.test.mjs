// Storage fidelity with s3db.js 19.5.10 through the public API: key maps of nested objects with
// timestamps, s3db.json as 19.x writes it, declared ids, validation coercions, exceedsLimit
// sizes, object-form definitions, and records crossing between the two libraries on one bucket.
import { describe, it, before } from 'node:test'
import assert from 'node:assert/strict'
import s3db from '../index.js'
import { uniqueName } from './helpers/backends.mjs'
import { loadReference } from './helpers/reference.mjs'

const { S3db, InvalidResourceItem } = s3db

const nested = { text: 'string', meta: { a: 'string|optional', b: 'number|optional' } }

async function connect (label = 'fid') {
  const db = new S3db({ connectionString: `memory://${uniqueName(label)}/app` })
  await db.connect()
  return db
}

async function readJson (client, key) {
  const obj = await client.getObject(key)
  const chunks = []
  for await (const c of obj.Body) chunks.push(Buffer.from(c))
  return JSON.parse(Buffer.concat(chunks).toString('utf8'))
}

async function bodyText (obj) {
  if (!obj.Body) return ''
  if (typeof obj.Body.transformToByteArray === 'function') return Buffer.from(await obj.Body.transformToByteArray()).toString('utf8')
  const chunks = []
  for await (const c of obj.Body) chunks.push(Buffer.from(c))
  return Buffer.concat(chunks).toString('utf8')
}

/** Copies every object of one client (either library) into another, metadata and body as read. */
async function copyBucket (from, to) {
  for (const key of await from.getAllKeys({})) {
    const obj = await from.getObject(key)
    await to.putObject({ key, metadata: obj.Metadata, body: await bodyText(obj), contentType: obj.ContentType })
  }
}

const plain = (record) => Object.fromEntries(Object.entries(record).filter(([k]) => !k.startsWith('_')))

describe('s3db.json as 19.x writes it', () => {
  it('stores the timestamp attributes and the registry of a nested resource when it is created', async () => {
    const db = await connect()
    const uploads = []
    db.on('db:metadata-uploaded', (m) => uploads.push(m))
    await db.createResource({ name: 'items', attributes: nested, timestamps: true })
    assert.equal(uploads.length, 1)
    const entry = (await readJson(db.client, 's3db.json')).resources.items
    const version = entry.versions.v1
    assert.deepEqual(version.attributes, { ...nested, createdAt: 'string|optional', updatedAt: 'string|optional' })
    assert.deepEqual(entry.schemaRegistry, { nextIndex: 6, mapping: { text: 0, 'meta.a': 1, 'meta.b': 2, createdAt: 3, updatedAt: 4, meta: 5 }, burned: [] })
    assert.deepEqual(Object.keys(entry), ['currentVersion', 'partitions', 'createdBy', 'versions', 'schemaRegistry', 'pluginSchemaRegistry'])
    assert.equal(version.idGenerator, 'default')
    assert.equal(version.idSize, 22)
    assert.equal('asyncEvents' in version, false)
    // 19.x lists its own partition-reference handlers (timestamp partitions here).
    assert.deepEqual(version.hooks, {
      afterInsert: { count: 1, handlers: [{ name: null, length: 1, type: 'function' }] },
      afterDelete: { count: 1, handlers: [{ name: null, length: 1, type: 'function' }] }
    })
    await db.disconnect()
  })

  it('summarises hooks by their bound names and records a custom id generator as custom', async () => {
    const db = await connect()
    await db.createResource({ name: 'h', attributes: { name: 'string' }, idGenerator: () => 'fixed', hooks: { beforeInsert: [function stamp (d) { return d }] } })
    const version = (await readJson(db.client, 's3db.json')).resources.h.versions.v1
    assert.equal(version.idGenerator, 'custom')
    assert.deepEqual(version.hooks, { beforeInsert: { count: 1, handlers: [{ name: 'bound stamp', length: 1, type: 'function' }] } })
    await db.disconnect()
  })

  it('adds a registry to a saved resource that has none on the next upload', async () => {
    const bucket = uniqueName('old')
    const first = new S3db({ connectionString: `memory://${bucket}/app` })
    await first.connect()
    await first.createResource({ name: 'items', attributes: nested })
    const saved = await readJson(first.client, 's3db.json')
    delete saved.resources.items.schemaRegistry
    await first.client.putObject({ key: 's3db.json', body: JSON.stringify(saved), contentType: 'application/json' })
    const db = new S3db({ connectionString: `memory://${bucket}/app` })
    await db.connect()
    await db.uploadMetadataFile()
    const entry = (await readJson(db.client, 's3db.json')).resources.items
    assert.deepEqual(entry.schemaRegistry.mapping, { text: 0, 'meta.a': 1, 'meta.b': 2, meta: 3 })
    assert.deepEqual(Object.keys(entry).slice(-2), ['schemaRegistry', 'pluginSchemaRegistry'])
    await db.disconnect()
    await first.disconnect()
  })
})

describe('a schema that declares id', () => {
  it('accepts the given id, validates it with the rule and never stores it as a field', async () => {
    const db = await connect()
    const counters = await db.createResource({ name: 'counters', attributes: { id: 'string|required', value: 'number' } })
    const made = await counters.insert({ id: 'x', value: 1 })
    assert.equal(made.id, 'x')
    assert.equal((await counters.update('x', { value: 2 })).value, 2)
    const stored = await db.client.getObject('resource=counters/data/id=x')
    assert.deepEqual(Object.keys(stored.Metadata).sort(), ['1', '_v'])
    await assert.rejects(counters.insert({ value: 1 }), (err) => err instanceof InvalidResourceItem && err.validation[0].field === 'id' && err.message === "The 'id' field is required.")
    const codes = await db.createResource({ name: 'codes', attributes: { id: 'string|min:5', v: 'number' } })
    await assert.rejects(codes.insert({ id: 'abc', v: 1 }), (err) => err.validation[0].type === 'stringMin' && err.validation[0].field === 'id')
    assert.equal((await codes.insert({ id: 'abcdef', v: 1 })).id, 'abcdef')
    await db.disconnect()
  })
})

describe('validation coercions of 19.5.10', () => {
  it('converts boolean and number text, and reports the value as given', async () => {
    const db = await connect()
    const r = await db.createResource({ name: 'c', attributes: { b: 'boolean|optional', i: 'number|integer|optional' } })
    const cases = [['true', true], ['false', false], ['1', true], ['0', false], ['on', true], ['off', false], [1, true], [0, false]]
    for (const [given, want] of cases) assert.equal((await r.insert({ b: given })).b, want, `b: ${JSON.stringify(given)}`)
    for (const given of ['yes', 'TRUE', 2]) {
      await assert.rejects(r.insert({ b: given }), (err) => err.message === "The 'b' field must be a boolean." && err.validation[0].actual === given)
    }
    assert.equal((await r.insert({ i: '7' })).i, 7)
    await assert.rejects(r.insert({ i: '7.5' }), (err) => err.validation[0].type === 'numberInteger' && err.validation[0].actual === '7.5')
    await db.disconnect()
  })
})

describe('exceedsLimit', () => {
  it('reports the logical size and the excess over 2047 bytes, as 19.5.10', async () => {
    const db = await connect()
    const r = await db.createResource({ name: 'big', attributes: { a: 'string', b: 'string|optional' } })
    const events = []
    r.on('exceedsLimit', (e) => events.push(e))
    await r.insert({ id: 'x', a: 'é'.repeat(1100), b: 'zz' })
    await new Promise((resolve) => setImmediate(resolve))
    // keys 0, 1, _v + values: 2200 bytes of é, "zz", "v1".
    const total = 1 + 2200 + 1 + 2 + 2 + 2
    assert.deepEqual({ ...events[0], data: undefined }, { operation: 'insert', totalSize: total, limit: 2047, excess: total - 2047, data: undefined })
    assert.equal('id' in events[0], false)
    assert.equal(events[0].data.id, 'x')
    await db.disconnect()
  })
})

describe('object-form definitions', () => {
  it('are stored as 19.x stores them and read back with their types', async () => {
    const db = await connect()
    const r = await db.createResource({ name: 'of', attributes: { n: { type: 'number', optional: true }, b: { type: 'boolean' }, m: { type: 'money' }, list: { type: 'array', items: { type: 'number' } } } })
    await r.insert({ id: 'o1', n: 1234.5, b: true, m: 12.34, list: [1, 2] })
    const meta = (await db.client.getObject('resource=of/data/id=o1')).Metadata
    // n, b, m and list take the keys after the phantom paths n.type, n.optional, b.type, ...
    assert.deepEqual([meta['6'], meta['7'], meta['8'], meta['9']], ['1234.5', 'true', '12.34', '[1,2]'])
    assert.deepEqual(plain(await r.get('o1')), { n: 1234.5, b: true, m: 12.34, list: [1, 2], id: 'o1' })
    await db.disconnect()
  })
})

describe('legacy objects', () => {
  it('reads a body-only record kept in metadata without a body, as older writers left it', async () => {
    const db = await connect()
    const r = await db.createResource({ name: 'legacy', behavior: 'body-only', attributes: { id: 'string|optional', projectId: 'string', size: 'number' } })
    // keys: id 0, projectId 1, size 2; 12345 in base62 is '3d7'.
    await db.client.putObject({ key: r.getResourceKey('l1'), body: '', metadata: { 1: 'project-123', 2: '3d7', _v: 'v1' } })
    assert.deepEqual(plain(await r.get('l1')), { projectId: 'project-123', size: 12345, id: 'l1' })
    assert.deepEqual((await r.list()).map((x) => x.projectId), ['project-123'])
        // A body with only internal fields and an empty `_map`: the metadata is read by the schema's map.
    await db.client.putObject({ key: r.getResourceKey('l2'), body: JSON.stringify({ _v: 'v1' }), metadata: { 1: 'project-mixed', 2: '999', _v: 'v1', _map: '{}' } })
    assert.equal((await r.get('l2')).projectId, 'project-mixed')
    await r.update('l1', { size: 7 })
    assert.deepEqual(plain(await r.get('l1')), { projectId: 'project-123', size: 7, id: 'l1' })
    await db.disconnect()
  })
})

describe('resource.schema and resource.validator', () => {
  it('expose the key maps, the mapping and the validation of the resource', async () => {
    const db = await connect()
    const r = await db.createResource({ name: 'prices', attributes: { price: 'money', n: { x: 'number' } }, timestamps: true })
    r.addPluginAttribute('_s', 'number|optional', 'P')
    assert.deepEqual(r.schema.map, { price: '0', 'n.x': '1', createdAt: '2', updatedAt: '3', n: '4' })
    assert.deepEqual(r.schema.pluginMap, { _s: 'p2us' })
    assert.equal(r.schema.reversedMap['4'], 'n')
    const mapped = await r.schema.mapper({ price: 19.99, n: { x: 3 } })
    assert.match(mapped[r.schema.map.price], /^\$/)
    assert.deepEqual(await r.schema.unmapper(mapped), { price: 19.99, n: { x: 3 } })
    const result = await r.validator.validate({ price: -10 })
    assert.equal(result.isValid, false)
    assert.equal(result.errors[0].field, 'price')
    await db.disconnect()
  })
})

describe('plugin attributes', () => {
  it('still decodes the stored values of a removed plugin attribute by its type', async () => {
    const db = await connect()
    const users = await db.createResource({ name: 'users', behavior: 'body-only', attributes: { name: 'string' } })
    users.addPluginAttribute('_hasEmbedding', 'boolean|optional', 'VectorPlugin')
    users.addPluginAttribute('_vectorDim', 'number|optional', 'VectorPlugin')
    await users.insert({ id: 'u1', name: 'Bob', _hasEmbedding: true, _vectorDim: 1536 })
    assert.equal(users.removePluginAttribute('_hasEmbedding', 'VectorPlugin'), true)
    assert.equal(users.removePluginAttribute('_vectorDim', 'VectorPlugin'), true)
    const user = await users.get('u1')
    assert.equal(user._hasEmbedding, true)
    assert.equal(user._vectorDim, 1536)
    assert.deepEqual(users.schema.pluginMap, {})
    await db.disconnect()
  })
})

describe('one bucket, both libraries', () => {
  let Reference
  before(async () => {
    try {
      Reference = (await loadReference()).S3db
    } catch {}
  })

  const shapes = [
    { name: 'nested', attributes: nested, timestamps: true, data: { id: 'r1', text: 'hi', meta: { a: 'A', b: 3 } } },
    { name: 'typed', attributes: { name: 'string', profile: { $$type: 'object|optional', age: 'number|optional', tags: 'array|items:string|optional' }, deep: { $$type: 'object', x: { $$type: 'object', y: 'boolean|optional' } } }, timestamps: true, data: { id: 'r2', name: 'n', profile: { age: 40, tags: ['a', 'b|c'] }, deep: { x: { y: true } } } },
    { name: 'declared', attributes: { id: 'string|required', count: 'number' }, timestamps: true, data: { id: 'r3', count: 12 } },
    // 19.5.10 reads object-form numbers and booleans back as text ('12', 'true'); s3db-native
    // keeps their types. The bytes are the same either way.
    { name: 'objectform', attributes: { count: { type: 'number' }, on: { type: 'boolean' } }, timestamps: true, data: { id: 'r4', count: 12, on: true }, referenceReadsText: ['count', 'on'] }
  ]

  for (const shape of shapes) {
    it(`reads back what the other wrote: ${shape.name}`, async (t) => {
      if (!Reference) return t.skip('s3db.js 19.5.10 is not installed (scripts/ensure-reference.sh)')
      const { data, name, referenceReadsText = [], ...definition } = shape
      const asReferenceReads = (record) => ({ ...record, ...Object.fromEntries(referenceReadsText.map((k) => [k, String(record[k])])) })
      const config = { name, ...definition }
      const native = await connect('x-nat')
      const reference = new Reference({ connectionString: `memory://${uniqueName('x-ref')}/app`, logLevel: 'silent' })
      await reference.connect()
      await (await native.createResource(structuredClone(config))).insert(structuredClone(data))
      await (await reference.createResource(structuredClone(config))).insert(structuredClone(data))
      const ownNative = plain(await native.resources[name].get(data.id))
      const ownReference = plain(await reference.resources[name].get(data.id))

      // s3db-native's bucket read by 19.5.10.
      const refReader = new Reference({ connectionString: `memory://${uniqueName('x-ref2')}/app`, logLevel: 'silent' })
      await copyBucket(native.client, refReader.client)
      await refReader.connect()
      assert.deepEqual(plain(await refReader.resources[name].get(data.id)), asReferenceReads(ownNative))

      // 19.5.10's bucket read by s3db-native.
      const natReader = new S3db({ connectionString: `memory://${uniqueName('x-nat2')}/app` })
      await copyBucket(reference.client, natReader.client)
      await natReader.connect()
      assert.deepEqual(asReferenceReads(plain(await natReader.resources[name].get(data.id))), ownReference)
      const untimed = ({ createdAt, updatedAt, ...rest }) => rest
      assert.deepEqual(untimed(asReferenceReads(ownNative)), untimed(ownReference))

      for (const db of [native, reference, refReader, natReader]) await db.disconnect()
    })
  }
})
