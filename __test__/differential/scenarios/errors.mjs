// What bad input raises: validation failures, ids, and createResource definitions.
import { scenario } from '../harness/trace.mjs'

export default [
  scenario('errors/validation', { fixedIds: ['ok'] }, async (t) => {
    const db = await t.connect()
    const res = await db.createResource({ name: 'people', attributes: { name: 'string|min:2|required', age: 'number|optional', email: 'email|optional', qty: 'number|min:1|max:3|optional' } })
    await t.step('insert.missingRequired', () => res.insert({ age: 3 }))
    await t.step('insert.tooShort', () => res.insert({ name: 'A' }))
    await t.step('insert.wrongType', () => res.insert({ name: 'Ana', age: 'old' }))
    await t.step('insert.badEmail', () => res.insert({ name: 'Ana', email: 'not-an-email' }))
    await t.step('insert.outOfRange', () => res.insert({ name: 'Ana', qty: 7 }))
    await t.step('insert.twoErrors', () => res.insert({ name: 'A', age: 'x' }))
    await t.step('insert.unknownField', () => res.insert({ id: 'ok', name: 'Ana', extra: 'kept?' }))
    await t.step('get.unknownField', () => res.get('ok'))
    await t.step('validate', () => res.validate({ name: 'A' }))
    await t.step('validate.ok', () => res.validate({ name: 'Ana', age: 3 }))
  }),

  scenario('errors/ids', { fixedIds: ['ana'] }, async (t) => {
    const db = await t.connect()
    const res = await db.createResource({ name: 'people', attributes: { name: 'string' } })
    await res.insert({ id: 'ana', name: 'Ana' })
    await t.step('insert.duplicate', () => res.insert({ id: 'ana', name: 'Twice' }))
    await t.step('insert.slash', () => res.insert({ id: 'a/b', name: 'Bad' }))
    await t.step('insert.emptyId', () => res.insert({ id: '', name: 'Empty' }))
    await t.step('get.missing', () => res.get('nobody'))
    await t.step('get.empty', () => res.get(''))
    await t.step('get.notString', () => res.get({}))
    await t.step('get.null', () => res.get(null))
    await t.step('get.number', () => res.get(5))
    await t.step('delete.null', () => res.delete(null))
    await t.step('delete.emptyObject', () => res.delete({}))
    await t.step('update.noData', () => res.update('ana'))
    await t.step('update.nullData', () => res.update('ana', null))
    await t.step('delete.missing', () => res.delete('nobody'))
    await t.step('update.missing', () => res.update('nobody', { name: 'X' }))
    await t.step('content.missing', () => res.content('nobody'))
  }),

  // The batch methods over something that is not an array: an iterator, an object, a string, null.
  scenario('errors/batch-input', { fixedIds: ['a'] }, async (t) => {
    const db = await t.connect()
    const res = await db.createResource({ name: 'people', attributes: { name: 'string' } })
    function * people () { yield { id: 'a', name: 'Ana' } }
    await t.step('insertMany.iterator', () => res.insertMany(people()))
    await t.step('insertMany.object', () => res.insertMany({ id: 'a', name: 'Ana' }))
    await t.step('insertMany.null', () => res.insertMany(null))
    await t.step('getMany.string', () => res.getMany('a'))
    await t.step('deleteMany.string', () => res.deleteMany('a'))
    await t.step('deleteMany.iterator', () => res.deleteMany(['a'].values()))
    await t.step('count', () => res.count())
  }),

  scenario('errors/declared-id', { fixedIds: ['x', 'y'] }, async (t) => {
    const db = await t.connect()
    const res = await db.createResource({ name: 'named', attributes: { id: 'string|required', title: 'string' } })
    await t.step('insert.withId', () => res.insert({ id: 'x', title: 'T' }))
    await t.step('get', () => res.get('x'))
    const loose = await db.createResource({ name: 'loose', attributes: { id: 'string', title: 'string' } })
    await t.step('insert.loose', () => loose.insert({ id: 'y', title: 'T' }))
    await t.snapshot('end', db)
  }),

  scenario('errors/createResource', async (t) => {
    const db = await t.connect()
    await t.step('missingName', () => db.createResource({ attributes: { a: 'string' } }))
    await t.step('missingAttributes', () => db.createResource({ name: 'noattrs' }))
    await t.step('emptyAttributes', () => db.createResource({ name: 'empty', attributes: {} }))
    await t.step('attributesNotObject', () => db.createResource({ name: 'weird', attributes: 'string' }))
    await t.step('nameWithSlash', () => db.createResource({ name: 'a/b', attributes: { a: 'string' } }))
    await t.step('badBehavior', () => db.createResource({ name: 'bb', behavior: 'nope', attributes: { a: 'string' } }))
    await t.step('partitionUnknownField', () => db.createResource({ name: 'pp', attributes: { a: 'string' }, partitions: { byX: { fields: { x: 'string' } } } }))
    // 19.5.10 crashes on the `enum:` shorthand (TypeError from its schema compiler).
    await t.step('enumShorthand', () => db.createResource({ name: 'en', attributes: { kind: 'string|enum:a,b' } }))
    await t.step('unknownType', () => db.createResource({ name: 'ut', attributes: { a: 'frobnicate' } }))
    await t.step('resources', () => Object.keys(db.resources).sort())
  })
]
