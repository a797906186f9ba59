// Database: the README hello world, s3db.json and versions, reconnection, hooks, plugins.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import s3db from '../index.js'
import { backends } from './helpers/backends.mjs'

const { S3db, Database, Plugin, ConnectionStringError, ResourceNotFound, DatabaseError, ResourceError, PartitionError } = s3db

const userAttributes = { name: 'string|min:2|max:100', email: 'email|unique', age: 'number|integer|positive', isActive: 'boolean' }

for (const backend of backends) {
  describe(`database on ${backend.name}`, { skip: backend.skip }, () => {
    it('runs the README quick start', async () => {
      const connectionString = await backend.connectionString()
      const db = new S3db({ connectionString })
      const events = []
      for (const e of ['db:metadata-uploaded', 'db:connected', 'db:resource-created', 'db:resource:metrics', 'disconnected', 'db:disconnected']) db.on(e, () => events.push(e))
      await db.connect()
      assert.equal(db.isConnected(), true)
      const users = await db.createResource({ name: 'users', attributes: userAttributes, timestamps: true })
      const user = await users.insert({ name: 'John Doe', email: 'john@example.com', age: 30, isActive: true, createdAt: new Date() })
      assert.match(user.id, /^[A-Za-z0-9_-]{22}$/)
      assert.equal(user._v, 'v1')
      assert.ok(user._lastModified instanceof Date)
      const found = await users.get(user.id)
      assert.equal(found.name, 'John Doe')
      assert.equal(found.age, 30)
      assert.equal(found.isActive, true)
      assert.equal(found.createdAt, user.createdAt)
      await users.update(user.id, { age: 31 })
      assert.equal((await users.get(user.id)).age, 31)
      assert.equal((await users.list()).length, 1)
      assert.equal(await users.count(), 1)
      assert.deepEqual(await users.listIds(), [user.id])
      const listed = await db.listResources()
      assert.deepEqual(listed.map((r) => [r.name, r.version, r.behavior]), [['users', 1, 'user-managed']])
      assert.deepEqual(listed[0], users.export())
      assert.equal(db.config.keyPrefix, 'databases/app')
      assert.equal(db.config.parallelism, 100)

      const again = new S3db({ connectionString })
      await again.connect()
      assert.ok(again.resources.users, 'saved resource restored')
      assert.equal((await again.resources.users.get(user.id)).name, 'John Doe')
      await again.disconnect()

      await db.disconnect()
      assert.equal(db.isConnected(), false)
      assert.deepEqual(events, ['db:metadata-uploaded', 'db:connected', 'db:metadata-uploaded', 'db:resource-created', 'db:resource:metrics', 'disconnected', 'db:disconnected'])
    })

    it('keeps the version for the same definition and bumps it on a change', async () => {
      const connectionString = await backend.connectionString()
      const db = new Database({ connectionString })
      await db.connect()
      const v1 = await db.createResource({ name: 'products', attributes: { title: 'string', price: 'number' } })
      const hash = v1.getDefinitionHash()
      assert.match(hash, /^sha256:[0-9a-f]{64}$/)
      await db.createResource({ name: 'products', attributes: { title: 'string', price: 'number' } })
      assert.equal(db.resources.products.version, 'v1')
      assert.equal(db.resources.products, v1, 'same instance is updated')
      const record = await v1.insert({ title: 'Mug', price: 9.5 })
      await db.createResource({ name: 'products', attributes: { title: 'string', price: 'number', sku: 'string|optional' } })
      assert.equal(db.resources.products.version, 'v2')
      const meta = JSON.parse(await (await db.client.getObject('s3db.json')).Body.transformToString())
      assert.equal(meta.resources.products.currentVersion, 'v2')
      assert.deepEqual(Object.keys(meta.resources.products.versions), ['v1', 'v2'])
      assert.equal(meta.resources.products.versions.v1.hash, hash)
      assert.equal((await db.resources.products.get(record.id)).title, 'Mug')
      const same = db.resourceExistsWithSameHash({ name: 'products', attributes: { title: 'string', price: 'number', sku: 'string|optional' } })
      assert.equal(same.exists, true)
      assert.equal(same.sameHash, true)
      await db.disconnect()
    })
  })
}

describe('database options and errors', () => {
  it('needs a connection string, a client or keys', () => {
    assert.throws(() => new Database({}), (err) => err instanceof ConnectionStringError && err.message === 'Invalid connection string: undefined')
    assert.throws(() => new Database({ bucket: 'x' }), ConnectionStringError)
    const db = new Database({ bucket: 'b', accessKeyId: 'AK/1', secretAccessKey: 's+ec', region: 'eu-west-1' })
    assert.equal(db.client.config.accessKeyId, 'AK/1')
    assert.equal(db.client.config.region, 'eu-west-1')
    const minio = new Database({ bucket: 'b', accessKeyId: 'a', secretAccessKey: 's', endpoint: 'http://127.0.0.1:9000', forcePathStyle: true })
    assert.equal(minio.client.config.endpoint, 'http://127.0.0.1:9000')
    assert.equal(minio.client.config.forcePathStyle, true)
  })

  it('rejects bad resource definitions with the s3db.js classes', async () => {
    const db = new Database({ connectionString: 'memory://bad-defs/app' })
    await db.connect()
    await assert.rejects(db.createResource({ name: '', attributes: { a: 'string' } }), ResourceError)
    await assert.rejects(db.createResource({ name: 'x', attributes: {} }), ResourceError)
    await assert.rejects(db.createResource({ name: 'x', attributes: { a: 'string' }, partitions: { byB: { fields: { b: 'string' } } } }), PartitionError)
    await assert.rejects(db.getResource('nope'), ResourceNotFound)
    await db.disconnect()
  })

  it('runs database hooks and reports hook errors', async () => {
    const db = new Database({ connectionString: 'memory://db-hooks/app' })
    const seen = []
    db.addHook('beforeConnect', () => seen.push('beforeConnect'))
    db.addHook('afterCreateResource', ({ resource }) => seen.push(`created:${resource.name}`))
    db.addHook('afterConnect', () => { throw new Error('boom') })
    const hookErrors = []
    db.on('hookError', (e) => hookErrors.push(e.event))
    await db.connect()
    await db.createResource({ name: 'things', attributes: { a: 'string' } })
    assert.deepEqual(seen, ['beforeConnect', 'created:things'])
    assert.deepEqual(hookErrors, ['afterConnect'])
    assert.throws(() => db.addHook('nonsense', () => {}), DatabaseError)
    const strict = new Database({ connectionString: 'memory://db-hooks-strict/app', strictHooks: true })
    strict.addHook('beforeConnect', () => { throw new Error('nope') })
    await assert.rejects(strict.connect(), (err) => err instanceof DatabaseError && /Hook execution failed for event 'beforeConnect'/.test(err.message))
  })

  it('installs plugins on connect, including ones added before it, all before starting any', async () => {
    const calls = []
    class AuditPlugin extends Plugin {
      async onInstall () { calls.push(`install:${this.instanceName}`) }
      async onStart () { calls.push(`start:${this.instanceName}`) }
      async onStop () { calls.push('stop') }
    }
    class CachePlugin extends AuditPlugin {}
    const db = new Database({ connectionString: 'memory://plugins/app', plugins: [AuditPlugin] })
    const late = new AuditPlugin()
    await db.usePlugin(late, 'late')
    const unnamed = new CachePlugin()
    await db.usePlugin(unnamed)
    await db.connect()
    assert.deepEqual(calls, ['install:audit', 'install:late', 'install:cache', 'start:audit', 'start:late', 'start:cache'])
    assert.equal(db.plugins.late, late)
    assert.equal(db.plugins.cache, unnamed)
    assert.equal(late.database, db)
    assert.equal(unnamed.database, db)
    const users = await db.createResource({ name: 'users', attributes: { name: 'string' } })
    late.wrapResourceMethod(users, 'insert', (result) => ({ ...result, wrapped: true }))
    assert.equal((await users.insert({ name: 'x' })).wrapped, true)
    await db.disconnect()
    assert.ok(calls.includes('stop'))
  })

  it('writes pluginSchemaRegistry as 19.x does: {} without plugin attributes, keys per plugin with them', async () => {
    const db = new Database({ connectionString: 'memory://plugin-registry/app' })
    await db.connect()
    const users = await db.createResource({ name: 'users', attributes: { name: 'string' } })
    const read = async () => JSON.parse(await (await db.client.getObject('s3db.json')).Body.transformToString())
    let saved = await read()
    assert.deepEqual(Object.keys(saved.resources.users).slice(-2), ['schemaRegistry', 'pluginSchemaRegistry'])
    assert.deepEqual(saved.resources.users.pluginSchemaRegistry, {})
    users.addPluginAttribute('_score', 'number|optional', 'ScorePlugin')
    await db.uploadMetadataFile()
    saved = await read()
    assert.deepEqual(saved.resources.users.pluginSchemaRegistry, { ScorePlugin: { mapping: { _score: 'pnhj' }, burned: [] } })
    // Entries of plugins this process does not run are kept.
    saved.resources.users.pluginSchemaRegistry.Other = { mapping: { _x: 'pabc' }, burned: [] }
    await db.client.putObject({ key: 's3db.json', body: JSON.stringify(saved), contentType: 'application/json' })
    const again = new Database({ connectionString: 'memory://plugin-registry/app' })
    await again.connect()
    await again.uploadMetadataFile()
    assert.deepEqual(Object.keys((await read()).resources.users.pluginSchemaRegistry), ['ScorePlugin', 'Other'])
  })

  it('persists hooks in s3db.json and revives them on connect with persistHooks', async () => {
    const connectionString = 'memory://persist-hooks/app'
    const db = new Database({ connectionString, persistHooks: true })
    await db.connect()
    await db.createResource({ name: 'notes', attributes: { text: 'string' }, hooks: { beforeInsert: [function upper (data) { data.text = data.text.toUpperCase(); return data }] } })
    const saved = JSON.parse(await (await db.client.getObject('s3db.json')).Body.transformToString())
    assert.equal(saved.resources.notes.versions.v1.hooks.beforeInsert[0].__s3db_serialized_function, true)
    const again = new Database({ connectionString, persistHooks: true })
    await again.connect()
    assert.equal((await again.resources.notes.insert({ text: 'quiet' })).text, 'QUIET')
    const summaryOnly = new Database({ connectionString })
    await summaryOnly.connect()
    assert.equal((await summaryOnly.resources.notes.insert({ text: 'quiet' })).text, 'quiet', 'without persistHooks no stored code runs')
  })

  it('restores an s3db.json with a damaged syntax', async () => {
    const db = new Database({ connectionString: 'memory://healing/app' })
    await db.client.putObject({ key: 's3db.json', body: '{"version": "1", "s3dbVersion": "x", "resources": {},}', contentType: 'application/json' })
    const healed = []
    db.on('db:metadata-healed', (e) => healed.push(e))
    await db.connect()
    assert.equal(healed.length, 1)
    assert.deepEqual(db.savedMetadata.resources, {})
    const garbage = new Database({ connectionString: 'memory://healing2/app' })
    await garbage.client.putObject({ key: 's3db.json', body: 'not json at all <<<', contentType: 'application/json' })
    await garbage.connect()
    const keys = await garbage.client.getAllKeys()
    assert.ok(keys.some((k) => /^s3db\.json\.corrupted\..+\.backup$/.test(k)), keys.join(','))
  })
})
