// Single-record operations: insert, get, exists, update, patch, replace, upsert,
// updateConditional, delete, with their events and the objects they leave behind.
import { RESOURCE_EVENTS, scenario } from '../harness/trace.mjs'

const people = {
  name: 'people',
  attributes: { name: 'string|min:2', age: 'number|optional', tags: 'array|items:string|optional', profile: { city: 'string|optional', zip: 'string|optional' } }
}

export default [
  scenario('crud/insert-get-exists', { fixedIds: ['ana'] }, async (t) => {
    const db = await t.connect()
    const res = await db.createResource(people)
    t.listen('people', res, RESOURCE_EVENTS)
    await t.step('insert', () => res.insert({ id: 'ana', name: 'Ana', age: 31, tags: ['a', 'b|c'], profile: { city: 'Lisboa' } }))
    await t.step('insertGeneratedId', () => res.insert({ name: 'Bob', age: 40 }))
    await t.step('get', () => res.get('ana'))
    await t.step('getOrNull.missing', () => res.getOrNull('nobody'))
    await t.step('getOrThrow.missing', () => res.getOrThrow('nobody'))
    await t.step('exists.true', () => res.exists('ana'))
    await t.step('exists.false', () => res.exists('nobody'))
    await t.step('insert.duplicate', () => res.insert({ id: 'ana', name: 'Other' }))
    await t.step('get.afterDuplicate', () => res.get('ana'))
    await t.snapshot('end', db)
  }),

  scenario('crud/update-patch-replace', { fixedIds: ['ana'] }, async (t) => {
    const db = await t.connect()
    const res = await db.createResource(people)
    await res.insert({ id: 'ana', name: 'Ana', age: 30, tags: ['x'], profile: { city: 'Lisboa', zip: '1000' } })
    t.listen('people', res, RESOURCE_EVENTS)
    await t.step('update', () => res.update('ana', { age: 31, tags: ['y'], profile: { zip: '2000' } }))
    await t.step('get.afterUpdate', () => res.get('ana'))
    await t.step('patch', () => res.patch('ana', { age: 32 }))
    await t.step('patch.dotted', () => res.patch('ana', { 'profile.city': 'Porto' }))
    await t.step('get.afterPatch', () => res.get('ana'))
    await t.step('replace', () => res.replace('ana', { name: 'Ana Maria', age: 33 }))
    await t.step('get.afterReplace', () => res.get('ana'))
    await t.step('update.missing', () => res.update('nobody', { age: 1 }))
    await t.step('patch.missing', () => res.patch('nobody', { age: 1 }))
    await t.step('replace.missing', () => res.replace('nobody', { name: 'Nobody' }))
    await t.step('update.invalid', () => res.update('ana', { name: 'A' }))
    await t.snapshot('end', db)
  }),

  scenario('crud/upsert', { fixedIds: ['ana', 'new'] }, async (t) => {
    const db = await t.connect()
    const res = await db.createResource(people)
    await res.insert({ id: 'ana', name: 'Ana', age: 30 })
    t.listen('people', res, RESOURCE_EVENTS)
    await t.step('upsert.existing', () => res.upsert({ id: 'ana', name: 'Ana', age: 50 }))
    await t.step('upsert.new', () => res.upsert({ id: 'new', name: 'Newcomer' }))
    await t.step('upsert.noId', () => res.upsert({ name: 'No Id' }))
    await t.step('count', () => res.count())
    await t.snapshot('end', db)
  }),

  scenario('crud/update-conditional', { fixedIds: ['ana'] }, async (t) => {
    const db = await t.connect()
    const res = await db.createResource(people)
    await res.insert({ id: 'ana', name: 'Ana', age: 30 })
    const head = await db.client.headObject(res.getResourceKey('ana'))
    t.listen('people', res, RESOURCE_EVENTS)
    await t.step('updateConditional.staleEtag', () => res.updateConditional('ana', { age: 99 }, { ifMatch: '"0123456789abcdef0123456789abcdef"' }))
    await t.step('updateConditional.currentEtag', () => res.updateConditional('ana', { age: 31 }, { ifMatch: head.ETag }))
    await t.step('updateConditional.missing', () => res.updateConditional('nobody', { age: 1 }, { ifMatch: head.ETag }))
    await t.step('get', () => res.get('ana'))
    await t.snapshot('end', db)
  }),

  scenario('crud/delete', { fixedIds: ['ana', 'bob'] }, async (t) => {
    const db = await t.connect()
    const res = await db.createResource(people)
    await res.insert({ id: 'ana', name: 'Ana' })
    await res.insert({ id: 'bob', name: 'Bob' })
    t.listen('people', res, RESOURCE_EVENTS)
    await t.step('delete', () => res.delete('ana'))
    await t.step('get.deleted', () => res.get('ana'))
    await t.step('delete.missing', () => res.delete('nobody'))
    await t.step('delete.again', () => res.delete('ana'))
    await t.step('listIds', () => res.listIds())
    await t.snapshot('end', db)
  })
]
