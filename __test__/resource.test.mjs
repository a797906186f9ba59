// Resource: CRUD semantics, hooks, events, errors, behaviors and concurrency, on every backend.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { setImmediate as tick } from 'node:timers/promises'
import s3db from '../index.js'
import { backends } from './helpers/backends.mjs'

const { Database, InvalidResourceItem, ValidationError, NoSuchKey, ResourceError, MetadataLimitError } = s3db

async function setup (backend, resource) {
  const db = new Database({ connectionString: await backend.connectionString() })
  await db.connect()
  return { db, res: await db.createResource(resource) }
}

const people = { name: 'people', attributes: { name: 'string|min:2', age: 'number|optional', tags: 'array|items:string|optional', profile: { city: 'string|optional', zip: 'string|optional' } } }

for (const backend of backends) {
  describe(`resource on ${backend.name}`, { skip: backend.skip }, () => {
    it('inserts with a given id, refuses a duplicate, and reads it back', async () => {
      const { db, res } = await setup(backend, people)
      const rec = await res.insert({ id: 'ana', name: 'Ana', age: 31, tags: ['a', 'b|c'], profile: { city: 'Lisboa' } })
      assert.equal(rec.id, 'ana')
      assert.deepEqual(await res.get('ana').then(({ name, age, tags, profile }) => ({ name, age, tags, profile })), { name: 'Ana', age: 31, tags: ['a', 'b|c'], profile: { city: 'Lisboa' } })
      await assert.rejects(res.insert({ id: 'ana', name: 'Other' }), (err) => err instanceof InvalidResourceItem && /already exists/.test(err.message))
      assert.equal((await res.get('ana')).name, 'Ana', 'the duplicate did not overwrite')
      assert.equal(await res.exists('ana'), true)
      assert.equal(await res.exists('bob'), false)
      await db.disconnect()
    })

    it('reports invalid documents, ids and missing records with the s3db.js classes', async () => {
      const { db, res } = await setup(backend, people)
      await assert.rejects(res.insert({ name: 'A' }), (err) => {
        assert.ok(err instanceof InvalidResourceItem)
        assert.equal(err.statusCode, 500) // as 19.5.10 (InvalidResourceItem keeps no status of its own)
        assert.equal(err.data.validation[0].field, 'name')
        assert.equal(err.data.validation[0].message, "The 'name' field length must be greater than or equal to 2 characters long.")
        return true
      })
      for (const bad of ['a/b', 'a\\b', 'a=b', 'a%b']) await assert.rejects(res.insert({ id: bad, name: 'Bad' }), ValidationError, bad)
      await assert.rejects(res.get(''), (err) => err instanceof ValidationError && err.message === 'Resource id cannot be empty')
      await assert.rejects(res.get({}), (err) => err instanceof ValidationError && err.message === 'Resource id must be a string')
      await assert.rejects(res.get('missing'), (err) => err instanceof NoSuchKey && err.statusCode === 404 && err.resourceName === 'people' && err.id === 'missing')
      assert.equal(await res.getOrNull('missing'), null)
      await assert.rejects(res.getOrThrow('missing'), (err) => err instanceof ResourceError && err.code === 'RESOURCE_NOT_FOUND')
      await assert.rejects(res.update('missing', { name: 'X' }), (err) => err instanceof ResourceError && err.statusCode === 404)
      await db.disconnect()
    })

    it('merges updates like s3db.js and emits updated with $before/$after', async () => {
      const { db, res } = await setup(backend, { ...people, timestamps: true })
      const rec = await res.insert({ name: 'Ana', age: 30, tags: ['x'], profile: { city: 'Lisboa', zip: '1000' } })
      const events = []
      res.on('updated', (e) => events.push(e))
      await new Promise((resolve) => setTimeout(resolve, 5))
      const updated = await res.update(rec.id, { age: 31, tags: ['y'], profile: { zip: '2000' } })
      assert.equal(updated.age, 31)
      assert.deepEqual(updated.tags, ['y'])
      assert.deepEqual(updated.profile, { city: 'Lisboa', zip: '2000' })
      assert.equal(updated.createdAt, rec.createdAt)
      assert.ok(updated.updatedAt > rec.updatedAt)
      assert.equal(updated.metadata, undefined, 'no injected metadata.updatedAt (s3db.js quirk fixed)')
      await tick()
      assert.equal(events.length, 1)
      assert.equal(events[0].$before.age, 30)
      assert.equal(events[0].$after.age, 31)
      const patched = await res.patch(rec.id, { 'profile.city': 'Porto' })
      assert.deepEqual(patched.profile, { city: 'Porto', zip: '2000' })
      await db.disconnect()
    })

    it('never loses a write when updates race', async () => {
      const fields = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`f${i}`, 'number|optional']))
      const { db, res } = await setup(backend, { name: 'racy', attributes: { n: 'number', ...fields } })
      await res.insert({ id: 'r', n: 0 })
      // Each writer sets its own field from a full read-merge-write: a lost update drops a field.
      await Promise.all(Array.from({ length: 8 }, (_, i) => res.update('r', { [`f${i}`]: i })))
      const merged = await res.get('r')
      for (let i = 0; i < 8; i++) assert.equal(merged[`f${i}`], i, `f${i} kept`)
      // With a beforeUpdate hook the merge runs in JS; conflicts re-run it on fresh data.
      res.addHook('beforeUpdate', (data) => ({ ...data, n: data.n + 1 }))
      await Promise.all(Array.from({ length: 8 }, () => res.update('r', {})))
      assert.equal((await res.get('r')).n, 8)
      // updateConditional with a stale ETag fails instead of overwriting.
      const current = await res.get('r')
      const results = await Promise.all([1, 2, 3].map((k) => res.updateConditional('r', { f0: 100 + k }, { ifMatch: current._etag })))
      assert.equal(results.filter((r) => r.success).length, 1)
      assert.ok(results.filter((r) => !r.success).every((r) => /ETag mismatch/.test(r.error)))
      await db.disconnect()
    })

    it('runs hooks in order; undefined from a hook leaves the data unchanged', async () => {
      const { db, res } = await setup(backend, people)
      const order = []
      res.addHook('beforeInsert', function (data) { order.push('before1'); data.name = data.name.toUpperCase() })
      res.addHook('beforeInsert', (data) => { order.push('before2'); return { ...data, age: 99 } })
      res.addHook('afterInsert', (record) => { order.push('after'); return { ...record, decorated: true } })
      const rec = await res.insert({ name: 'ana' })
      assert.deepEqual(order, ['before1', 'before2', 'after'])
      assert.equal(rec.name, 'ANA')
      assert.equal(rec.age, 99)
      assert.equal(rec.decorated, true)
      res.addHook('beforeUpdate', (data) => ({ ...data, name: `${data.name}!` }))
      assert.equal((await res.update(rec.id, { age: 1 })).name, 'ANA!')
      res.addHook('beforeDelete', () => { throw new Error('not allowed') })
      await assert.rejects(res.delete(rec.id), /not allowed/)
      assert.equal(await res.exists(rec.id), true, 'a throwing before-hook leaves the record')
      await db.disconnect()
    })

    it('emits inserted, fetched and deleted events with the record', async () => {
      const { db, res } = await setup(backend, people)
      const seen = []
      for (const e of ['inserted', 'fetched', 'deleted', 'inserted:known']) res.on(e, (payload) => seen.push([e, payload.id ?? payload]))
      await res.insert({ id: 'known', name: 'Ana' })
      await res.get('known')
      await res.delete('known')
      await tick()
      // As in 19.5.10: insert and delete read the record (a `fetched` each) before their own event.
      assert.deepEqual(seen, [['fetched', 'known'], ['inserted', 'known'], ['inserted:known', 'known'], ['fetched', 'known'], ['fetched', 'known'], ['deleted', 'known']])
      await assert.rejects(res.get('known'), NoSuchKey)
      await db.disconnect()
    })

    it('supports middlewares that change arguments and results', async () => {
      const { db, res } = await setup(backend, people)
      res.useMiddleware('insert', async (ctx, next) => {
        ctx.args[0] = { ...ctx.args[0], name: `${ctx.args[0].name}-mw` }
        const result = await next()
        return { ...result, viaMiddleware: true }
      })
      const rec = await res.insert({ name: 'Ana' })
      assert.equal(rec.name, 'Ana-mw')
      assert.equal(rec.viaMiddleware, true)
      assert.throws(() => res.useMiddleware('inserted', () => {}), (err) => err instanceof ResourceError && /No such method for middleware: inserted/.test(err.message))
      await db.disconnect()
    })

    it('stores big documents per behavior', async () => {
      const db = new Database({ connectionString: await backend.connectionString() })
      await db.connect()
      const big = 'x'.repeat(3000)
      const overflow = await db.createResource({ name: 'ov', behavior: 'body-overflow', attributes: { title: 'string', text: 'string' } })
      const a = await overflow.insert({ title: 'short', text: big })
      assert.equal((await overflow.get(a.id)).text, big)
      const bodyOnly = await db.createResource({ name: 'bo', behavior: 'body-only', attributes: { title: 'string', text: 'string' } })
      const b = await bodyOnly.insert({ title: 't', text: big })
      assert.equal((await bodyOnly.get(b.id)).text, big)
      const userManaged = await db.createResource({ name: 'um', attributes: { title: 'string', text: 'string' } })
      const exceeded = []
      userManaged.on('exceedsLimit', (e) => exceeded.push(e))
      const c = await userManaged.insert({ title: 't', text: big })
      assert.equal((await userManaged.get(c.id)).text, big)
      await tick()
      assert.equal(exceeded.length, 1)
      const enforced = await db.createResource({ name: 'ef', behavior: 'enforce-limits', attributes: { title: 'string', text: 'string' } })
      await assert.rejects(enforced.insert({ title: 't', text: big }), MetadataLimitError)
      assert.equal(await enforced.count(), 0)
      const truncated = await db.createResource({ name: 'tr', behavior: 'truncate-data', attributes: { title: 'string', text: 'string' } })
      const d = await truncated.insert({ title: 't', text: big })
      const back = await truncated.get(d.id)
      assert.ok(back.text.length > 0 && back.text.length < 3000, `truncated to ${back.text.length}`)
      assert.ok(big.startsWith(back.text))
      await db.disconnect()
    })

    it('encrypts secrets and decrypts them on read', async () => {
      const db = new Database({ connectionString: await backend.connectionString(), passphrase: 'correct horse' })
      await db.connect()
      const res = await db.createResource({ name: 'vault', attributes: { label: 'string', token: 'secret' } })
      const rec = await res.insert({ label: 'api', token: 'tok-123' })
      assert.equal((await res.get(rec.id)).token, 'tok-123')
      const stored = await db.client.headObject(res.getResourceKey(rec.id))
      assert.ok(!Object.values(stored.Metadata).includes('tok-123'), 'the secret is not stored in clear text')
      await db.disconnect()
    })

    it('reports a corrupt stored record alone and lists the rest', async () => {
      const db = new Database({ connectionString: await backend.connectionString() })
      await db.connect()
      const docs = await db.createResource({ name: 'docs', behavior: 'body-only', attributes: { title: 'string', n: 'number' } })
      await docs.insert({ id: 'a', title: 'ok', n: 1 })
      await docs.insert({ id: 'c', title: 'ok', n: 3 })
      await db.client.putObject({ key: docs.getResourceKey('b'), metadata: { _v: 'v1' }, body: 'not json {{{', contentType: 'application/json' })
      const errors = []
      docs.on('error', (err, id) => errors.push([err.code, id]))
      assert.deepEqual((await docs.list()).map((r) => r.id), ['a', 'c'])
      assert.deepEqual(errors, [['CorruptRecord', 'b']])
      await assert.rejects(docs.get('b'), (err) => err instanceof ResourceError && err.code === 'CorruptRecord' && err.id === 'b')
      const nums = await db.createResource({ name: 'nums', attributes: { n: 'number' } })
      await db.client.putObject({ key: nums.getResourceKey('x'), metadata: { _v: 'v1', 0: '!!!' } })
      await assert.rejects(nums.get('x'), (err) => err instanceof ResourceError && /Cannot decode 'n' as number/.test(err.message))
      await db.disconnect()
    })

    it('counts exactly after 2,000 concurrent inserts', { timeout: 120000 }, async () => {
      const { db, res } = await setup(backend, { name: 'bulk', attributes: { n: 'number' } })
      const n = backend.name.startsWith('s3') ? 500 : 2000
      const inserted = await Promise.all(Array.from({ length: n }, (_, i) => res.insert({ n: i })))
      assert.equal(new Set(inserted.map((r) => r.id)).size, n)
      assert.equal(await res.count(), n)
      const listed = await res.list()
      assert.equal(listed.length, n, 'list returns everything, not 1,000')
      assert.deepEqual(listed.map((r) => r.n).sort((a, b) => a - b), Array.from({ length: n }, (_, i) => i))
      await db.disconnect()
    })
  })
}
