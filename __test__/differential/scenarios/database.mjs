// The Database: connect, createResource, s3db.json, uploadMetadataFile, reading an existing
// bucket with a second instance, resource lookups and disconnect.
import { DATABASE_EVENTS, scenario } from '../harness/trace.mjs'

export default [
  scenario('database/lifecycle', { fixedIds: ['u1'] }, async (t) => {
    const db = await t.open()
    t.listen('db', db, DATABASE_EVENTS)
    await t.step('isConnected.before', () => db.isConnected())
    await t.step('connect', () => db.connect())
    await t.step('isConnected.after', () => db.isConnected())
    await t.step('createResource', async () => (await db.createResource({ name: 'users', attributes: { name: 'string', age: 'number|optional' }, timestamps: true })).name)
    await t.step('createResource.again', async () => (await db.createResource({ name: 'users', attributes: { name: 'string', age: 'number|optional' }, timestamps: true })).name)
    await t.step('createResource.changed', async () => (await db.createResource({ name: 'users', attributes: { name: 'string', age: 'number|optional', email: 'string|optional' }, timestamps: true })).name)
    await t.step('resourceExists', () => [db.resourceExists('users'), db.resourceExists('nope')])
    await t.step('getResource', async () => (await db.getResource('users')).name)
    await t.step('getResource.missing', () => db.getResource('nope'))
    await t.step('listResources', () => db.listResources())
    await t.step('uploadMetadataFile', () => db.uploadMetadataFile())
    await db.resources.users.insert({ id: 'u1', name: 'Ana' })
    await t.snapshot('afterCreate', db)
    await t.step('disconnect', () => db.disconnect())
  }),

  scenario('database/reopen', { fixedIds: ['u1'] }, async (t) => {
    const first = await t.connect()
    const users = await first.createResource({ name: 'users', attributes: { name: 'string', profile: { city: 'string|optional' } }, partitions: { byCity: { fields: { 'profile.city': 'string' } } } })
    await users.insert({ id: 'u1', name: 'Ana', profile: { city: 'Lisboa' } })
    await first.disconnect()
    const second = await t.open()
    t.listen('second', second, DATABASE_EVENTS)
    await t.step('connect', () => second.connect())
    await t.step('resourceNames', () => Object.keys(second.resources).sort())
    const loaded = second.resources.users
    await t.step('loaded.attributes', () => loaded && loaded.attributes)
    await t.step('loaded.partitions', () => loaded && loaded.config?.partitions)
    await t.step('loaded.get', () => loaded.get('u1'))
    await t.step('loaded.listIds.partition', () => loaded.listIds({ partition: 'byCity', partitionValues: { 'profile.city': 'Lisboa' } }))
    await t.snapshot('end', second)
  })
]
