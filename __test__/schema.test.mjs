// Schema and Validator: the keys, encodings and registries s3db.js 19.5.10 produces, checked
// against fixed vectors and, side by side, against the reference package.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { Schema, Validator, SchemaError } from '../index.mjs'
import { loadReference } from './helpers/reference.mjs'

const attributes = { name: 'string', age: 'number|integer', price: 'money', tags: 'array|items:string', ip: 'ip4', loc: 'geo:lat', on: 'boolean', meta: { a: 'string', b: 'number' } }
const record = { name: 'Ana', age: 42, price: 19.99, tags: ['x', 'y|z'], ip: '192.168.0.1', loc: -23.5, on: false, meta: { a: 'q', b: 2.5 } }

describe('Schema', () => {
  it('maps attributes to the keys and encodings of s3db.js', async () => {
    const schema = new Schema({ name: 'v', attributes })
    assert.deepEqual(schema.map, { name: '0', age: '1', price: '2', tags: '3', ip: '4', loc: '5', on: '6', 'meta.a': '7', 'meta.b': '8', meta: '9' })
    assert.deepEqual(schema.reversedMap['9'], 'meta')
    const mapped = await schema.mapper(record)
    assert.deepEqual(mapped, { 0: 'Ana', 1: 'G', 2: '$wf', 3: 'x|y\\|z', 4: 'wKgAAQ==', 5: '~4v1GE', 6: '0', 7: 'q', 8: '2.5', _v: '1' })
    assert.deepEqual(await schema.unmapper(mapped), record)
  })

  it('matches the reference for every stored type, both ways', async () => {
    const ref = await loadReference()
    const attrs = { ...attributes, data: 'buffer', flags: 'bits:16', v6: 'ip6', dec: 'decimal:3', lon: 'geo:lon', nums: 'array|items:number', ints: 'array|items:number|integer:true', j: 'json' }
    const value = { ...record, data: Buffer.from([1, 2, 250]), flags: Buffer.from([255, 1]), v6: '2001:db8::1', dec: 3.142, lon: 151.2093, nums: [1.5, -2], ints: [1, 2, 300], j: { k: [1] }, extra: 7 }
    const ours = new Schema({ name: 'v', attributes: attrs })
    const theirs = new ref.Schema({ name: 'v', attributes: attrs })
    assert.deepEqual(ours.map, theirs.map)
    const mapped = await ours.mapper(value)
    assert.deepEqual(mapped, await theirs.mapper(value))
    assert.deepEqual(await ours.unmapper(mapped), await theirs.unmapper(mapped))
    assert.deepEqual(ours.options.hooks, theirs.options.hooks)
  })

  it('accepts a schema without attributes, as the reference does', async () => {
    const ref = await loadReference()
    const ours = new Schema({ name: 'empty' })
    const theirs = new ref.Schema({ name: 'empty' })
    assert.deepEqual(ours.map, {})
    const mapped = await ours.mapper({ a: 1, b: 'x' })
    assert.deepEqual(mapped, await theirs.mapper({ a: 1, b: 'x' }))
    assert.deepEqual(await ours.unmapper(mapped), await theirs.unmapper(mapped))
  })

  it('keeps values its encoders reject as they are, like s3db.js', async () => {
    const schema = new Schema({ name: 'v', attributes: { ip: 'ip4', data: 'buffer' } })
    const mapped = await schema.mapper({ ip: '999.1.1.1', data: 'not a buffer' })
    assert.equal(mapped[schema.map.ip], '999.1.1.1')
    assert.equal(mapped[schema.map.data], 'not a buffer')
  })

  it('extends a schemaRegistry: known paths keep their index, new ones take nextIndex, removed ones burn', () => {
    const schemaRegistry = { nextIndex: 3, mapping: { name: 0, email: 1, status: 2 }, burned: [] }
    const schema = new Schema({ name: 'u', attributes: { status: 'string', name: 'string', age: 'number' }, schemaRegistry })
    assert.deepEqual([schema.map.name, schema.map.status, schema.map.age], ['0', '2', '3'])
    const reg = schema.getSchemaRegistry()
    assert.equal(reg.nextIndex, 4)
    assert.equal(reg.mapping.email, undefined)
    assert.deepEqual(reg.burned.map((b) => [b.index, b.attribute, b.reason]), [[1, 'email', 'removed']])
    assert.equal(schema.needsRegistryPersistence(), true)
    const same = new Schema({ name: 'u', attributes: { name: 'string' }, schemaRegistry: { nextIndex: 1, mapping: { name: 0 }, burned: [] } })
    assert.equal(same.needsRegistryPersistence(), false)
    assert.equal(new Schema({ name: 'u', attributes: { name: 'string' } }).getSchemaRegistry(), undefined)
  })

  it('gives plugin attributes hash keys and keeps the keys of a pluginSchemaRegistry', async () => {
    const ref = await loadReference()
    const attrs = { name: 'string', _createdAt: { type: 'string', __plugin__: 'audit' }, _updatedAt: { type: 'string', __plugin__: 'audit' } }
    assert.deepEqual(new Schema({ name: 'u', attributes: attrs }).pluginMap, new ref.Schema({ name: 'u', attributes: attrs }).pluginMap)
    const pluginSchemaRegistry = { audit: { mapping: { _createdAt: 'pauA', _old: 'pauB' }, burned: [] } }
    const schema = new Schema({ name: 'u', attributes: attrs, pluginSchemaRegistry })
    assert.equal(schema.pluginMap._createdAt, 'pauA')
    const reg = schema.getPluginSchemaRegistry().audit
    assert.equal(reg.mapping._updatedAt, schema.pluginMap._updatedAt)
    assert.deepEqual(reg.burned.map((b) => [b.key, b.attribute]), [['pauB', '_old']])
    assert.throws(() => new Schema({ name: 'u', attributes: attrs, pluginSchemaRegistry: { audit: { mapping: { _createdAt: 3 }, burned: [] } } }), SchemaError)
  })

  it('rejects stored maps that are not base36 with SchemaError', () => {
    assert.throws(() => new Schema({ name: 'u', attributes: { a: 'string' }, map: { a: 'A' } }), SchemaError)
    assert.throws(() => new Schema({ name: 'u', attributes: { a: 'string', b: 'string' }, map: { a: '0', b: '0' } }), /Duplicate schema map key/)
  })

  it('exports and imports itself', async () => {
    const schema = new Schema({ name: 'v', attributes })
    const copy = Schema.import(JSON.stringify(schema.export()))
    assert.deepEqual(copy.map, schema.map)
    assert.deepEqual(await copy.unmapper(await schema.mapper(record)), record)
  })

  it('validates like fastest-validator: coercions in place, errors as a list', async () => {
    const schema = new Schema({ name: 'v', attributes: { name: 'string|min:2', age: 'number', ok: 'boolean' } })
    const data = { name: '  Al ', age: '33', ok: 'true' }
    assert.equal(await schema.validator(data), true)
    assert.deepEqual(data, { name: 'Al', age: 33, ok: true })
    const errors = await schema.validator({ name: 'A', age: 1, ok: true })
    assert.equal(errors[0].type, 'stringMin')
    assert.equal(errors[0].field, 'name')
  })
})

describe('Validator', () => {
  it('compiles a fastest-validator schema with the messages of the reference', async () => {
    const ref = await loadReference()
    const rules = { $$async: true, name: 'string|min:3', age: 'number|positive', email: 'email', tags: { type: 'array', items: 'string' } }
    const input = { name: ' ab ', age: '-2', email: 'nope', tags: ['a', 3] }
    const ours = { ...input }
    const theirs = { ...input, tags: [...input.tags] }
    const a = await new Validator().compile(rules)(ours)
    const b = await new ref.Validator().compile(rules)(theirs)
    assert.deepEqual(a, b)
    assert.deepEqual(ours, theirs)
    assert.equal(await new Validator().validate({ name: 'abc' }, { name: 'string' }), true)
  })
})
