// What writes store, return and emit, as in s3db.js 19.5.10: a replace stores what an insert
// stores, writes return the record as written (no system fields), insert/update/delete send the
// `fetched` of the read 19.x makes, and no write stores a read's system fields
// (COMPATIBILITY.md "Writes do not store a read's system fields"). On every backend.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { setImmediate as tick } from 'node:timers/promises'
import s3db from '../index.js'
import { backends } from './helpers/backends.mjs'

const { Database } = s3db

const SYSTEM = ['_contentLength', '_lastModified', '_hasContent', '_mimeType', '_etag', '_v', '_definitionHash']
const people = { name: 'people', attributes: { name: 'string|min:2', age: 'number|optional', tags: 'array|items:string|optional', profile: { city: 'string|optional', zip: 'string|optional' } } }

async function connected (backend) {
  const db = new Database({ connectionString: await backend.connectionString(), logLevel: 'silent' })
  await db.connect()
  return db
}

async function stored (db, res, id) {
  const obj = await db.client.getObject(res.getResourceKey(id))
  const body = obj.Body ? Buffer.from(await obj.Body.transformToByteArray()).toString() : ''
  return { metadata: obj.Metadata, contentLength: obj.ContentLength ?? body.length, body }
}

/** Records every event of `names` in order, as [name, payload]. */
function recorder (res, names) {
  const seen = []
  for (const name of names) res.on(name, (payload) => seen.push([name, payload]))
  return seen
}

for (const backend of backends) {
  describe(`write shapes (${backend.name})`, { skip: backend.skip }, () => {
    it('replace stores no body for a record that fits in metadata, as insert does', async () => {
      const db = await connected(backend)
      const res = await db.createResource(people)
      await res.insert({ id: 'ana', name: 'Ana', age: 30 })
      const inserted = await stored(db, res, 'ana')
      await res.update('ana', { age: 31 })
      assert.ok((await stored(db, res, 'ana')).contentLength > 0, 'an update writes a body')
      await res.replace('ana', { name: 'Ana Maria', age: 33 })
      const replaced = await stored(db, res, 'ana')
      assert.equal(replaced.contentLength, 0)
      assert.equal(replaced.body, '')
      assert.deepEqual(Object.keys(replaced.metadata).sort(), Object.keys(inserted.metadata).sort())
      const got = await res.get('ana')
      assert.equal(got._hasContent, false)
      assert.equal(got._contentLength, 0)
      assert.equal(got.name, 'Ana Maria')
      assert.equal(got.age, 33)
      await db.disconnect()
    })

    it('update stores its data as 19.5.10 does, without the system fields of the record it read', async () => {
      const db = await connected(backend)
      const res = await db.createResource(people)
      await res.insert({ id: 'ana', name: 'Ana', age: 30, profile: { city: 'Lisboa' } })
      await res.update('ana', { age: 31 })
      await res.patch('ana', { 'profile.zip': '2000' })
      const { metadata, body } = await stored(db, res, 'ana')
      assert.deepEqual(Object.keys(metadata).filter((k) => k.startsWith('_')), ['_v'])
      // 19.5.10's user-managed update body: the data under attribute names (its copy of the
      // read's system fields left out).
      assert.deepEqual(JSON.parse(body), { name: 'Ana', age: 31, profile: { city: 'Lisboa', zip: '2000' } })
      const got = await res.get('ana')
      assert.deepEqual({ name: got.name, age: got.age, profile: got.profile }, { name: 'Ana', age: 31, profile: { city: 'Lisboa', zip: '2000' } })
      await db.disconnect()
    })

    it('update, patch, replace and updateConditional return the record as written', async () => {
      const db = await connected(backend)
      const res = await db.createResource(people)
      const inserted = await res.insert({ id: 'ana', name: 'Ana', age: 30 })
      for (const f of SYSTEM) assert.ok(f in inserted, `insert returns ${f}`)
      const updated = await res.update('ana', { age: 31 })
      assert.deepEqual(updated, { name: 'Ana', age: 31, id: 'ana' })
      const patched = await res.patch('ana', { age: 32 })
      assert.deepEqual(patched, { name: 'Ana', age: 32, id: 'ana' })
      const replaced = await res.replace('ana', { name: 'Ana Maria', age: 33 })
      assert.deepEqual(Object.keys(replaced), ['id', 'name', 'age'])
      assert.deepEqual(replaced, { id: 'ana', name: 'Ana Maria', age: 33 })
      const { _etag: etag } = await res.get('ana')
      const cond = await res.updateConditional('ana', { age: 34 }, { ifMatch: etag })
      assert.equal(cond.success, true)
      assert.deepEqual(cond.data, { name: 'Ana Maria', age: 34, id: 'ana' })
      assert.equal(cond.etag, (await res.get('ana'))._etag)
      await db.disconnect()
    })

    it('insert, update and delete send the fetched of their read, then their own event', async () => {
      const db = await connected(backend)
      const res = await db.createResource({ ...people, asyncEvents: false })
      const seen = recorder(res, ['fetched', 'inserted', 'updated', 'deleted'])
      const inserted = await res.insert({ id: 'ana', name: 'Ana', age: 30 })
      await tick()
      assert.deepEqual(seen.map(([n]) => n), ['fetched', 'inserted'])
      assert.deepEqual(seen[0][1], inserted)
      seen.length = 0
      await res.update('ana', { age: 31 })
      await tick()
      assert.deepEqual(seen.map(([n]) => n), ['fetched', 'updated'])
      const [, read] = seen[0]
      const [, payload] = seen[1]
      assert.equal(read.age, 30)
      assert.equal(read._etag, inserted._etag)
      for (const f of SYSTEM) {
        assert.ok(!(f in payload), `updated payload has no ${f}`)
        assert.ok(!(f in payload.$after), `$after has no ${f}`)
      }
      assert.equal(payload.$before._etag, inserted._etag)
      assert.equal(payload.$after.age, 31)
      seen.length = 0
      await res.delete('ana')
      await tick()
      assert.deepEqual(seen.map(([n]) => n), ['fetched', 'deleted'])
      assert.equal(seen[0][1].age, 31)
      assert.equal(seen[1][1].$before.age, 31)
      await db.disconnect()
    })

    it("delete returns its client's DeleteObject response, as 19.5.10", async () => {
      const db = await connected(backend)
      const res = await db.createResource(people)
      await res.insert({ id: 'ana', name: 'Ana' })
      const out = await res.delete('ana')
      if (backend.name === 'memory' || backend.name === 'file') assert.deepEqual(out, { DeleteMarker: false, VersionId: null })
      else assert.equal(out.$metadata.httpStatusCode, 204)
      await db.disconnect()
    })

    it('insertMany and deleteMany send a fetched per record to fetched listeners', async () => {
      const db = await connected(backend)
      const res = await db.createResource({ ...people, asyncEvents: false })
      const seen = recorder(res, ['fetched'])
      await res.insertMany([{ id: 'a', name: 'Ana' }, { id: 'b', name: 'Bob' }])
      await tick()
      assert.deepEqual(seen.map(([, r]) => r.id).sort(), ['a', 'b'])
      seen.length = 0
      const result = await res.deleteMany(['a', 'b', 'missing'])
      await tick()
      assert.deepEqual(result, { deleted: 2, errors: 1 })
      assert.deepEqual(seen.map(([, r]) => r.id).sort(), ['a', 'b'])
      await db.disconnect()
    })
  })
}

describe('write shapes: beforeUpdate hooks', () => {
  it('see the merged data, id and the fields of the read, which are not stored', async () => {
    const db = await connected(backends[0])
    const res = await db.createResource(people)
    const inserted = await res.insert({ id: 'ana', name: 'Ana', age: 30 })
    const seen = []
    res.addHook('beforeUpdate', (data) => { seen.push(data); return data })
    await res.update('ana', { age: 31 })
    assert.equal(seen.length, 1)
    assert.equal(seen[0].age, 31)
    assert.equal(seen[0].id, 'ana')
    assert.equal(seen[0]._etag, inserted._etag)
    assert.ok(seen[0]._lastModified instanceof Date)
    const { metadata } = await stored(db, res, 'ana')
    assert.deepEqual(Object.keys(metadata).filter((k) => k.startsWith('_')), ['_v'])
    await db.disconnect()
  })
})

describe('write shapes: s3db.json', () => {
  it('records the s3db-native version in s3dbVersion (19.5.10 writes "latest")', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
    const db = await connected(backends[0])
    await db.createResource(people)
    const obj = await db.client.getObject('s3db.json')
    const saved = JSON.parse(Buffer.from(await obj.Body.transformToByteArray()).toString())
    assert.equal(saved.s3dbVersion, version)
    assert.equal(db.s3dbVersion, version)
    await db.disconnect()
  })
})

describe('write shapes: as 19.5.10 around the read of a write', () => {
  it('get hooks run on the reads of insert, update and delete, and shape what they see', async () => {
    const db = await connected(backends[0])
    const res = await db.createResource({ name: 'hooked', attributes: { name: 'string', tag: 'string|optional' }, asyncEvents: false })
    const gets = []
    res.addHook('afterGet', (record) => { gets.push(record.name); return { ...record, tag: 'from-get' } })
    const seenByDelete = []
    res.addHook('beforeDelete', (record) => { seenByDelete.push(record.tag); return record })
    const inserted = await res.insert({ id: 'h1', name: 'One' })
    assert.equal(inserted.tag, 'from-get')
    assert.deepEqual(gets, ['One'])
    const updated = await res.update('h1', { name: 'Uno' })
    assert.deepEqual(gets, ['One', 'One'])
    // 19.5.10 merges into the hooked read, so the hook's field is stored.
    assert.equal(updated.tag, 'from-get')
    gets.length = 0
    res.hooks.afterGet = []
    assert.equal((await res.get('h1')).tag, 'from-get')
    res.addHook('afterGet', (record) => { gets.push(record.name); return record })
    await res.delete('h1')
    assert.deepEqual(gets, ['Uno'])
    assert.deepEqual(seenByDelete, ['from-get'])
    await db.disconnect()
  })

  it('inserted-many counts the objects given; a body-overflow update that spills returns $overflow', async () => {
    const db = await connected(backends[0])
    const res = await db.createResource({ ...people, asyncEvents: false })
    const counts = []
    res.on('inserted-many', (n) => counts.push(n))
    const inserted = await res.insertMany([{ id: 'a', name: 'Ana' }, { id: 'b', name: 'B' }, { id: 'c', name: 'Cy' }])
    assert.equal(inserted.length, 2)
    assert.deepEqual(counts, [3])
    const docs = await db.createResource({ name: 'docs', behavior: 'body-overflow', attributes: { title: 'string', note: 'string|optional' } })
    await docs.insert({ id: 'd', title: 'short' })
    const grown = await docs.update('d', { note: 'w'.repeat(3000) })
    assert.equal(grown.$overflow, 'true')
    assert.equal((await docs.get('d')).$overflow, undefined)
    const small = await docs.update('d', { note: 'tiny' })
    assert.equal(small.$overflow, undefined)
    await db.disconnect()
  })

  it('a user-managed update over the limit reports its own fields once and spills as an insert does', async () => {
    const db = await connected(backends[0])
    const res = await db.createResource({ name: 'docs', attributes: { title: 'string', note: 'string|optional' }, asyncEvents: false })
    const reports = []
    res.on('exceedsLimit', (e) => reports.push(e))
    await res.insert({ id: 'd', title: 'short' })
    const note = 'w'.repeat(2500)
    await res.update('d', { note })
    assert.equal(reports.length, 1)
    assert.equal(reports[0].operation, 'update')
    assert.deepEqual(reports[0].data, { note, id: 'd' })
    const { metadata, body } = await stored(db, res, 'd')
    assert.deepEqual(Object.keys(metadata), ['_v'])
    assert.equal(JSON.parse(body)['1'], note)
    assert.equal((await res.get('d')).note, note)
    await db.disconnect()
  })
})

describe('write shapes: binary content', () => {
  it('an update keeps content set with setContent (19.5.10 overwrites it with its JSON body)', async () => {
    const db = await connected(backends[0])
    const res = await db.createResource({ name: 'files', attributes: { name: 'string' } })
    await res.insert({ id: 'c1', name: 'doc' })
    const pdf = Buffer.from('%PDF-1.4 binary \u0000\u00ff', 'latin1')
    await res.setContent({ id: 'c1', buffer: pdf, contentType: 'application/pdf' })
    await res.update('c1', { name: 'doc2' })
    const { buffer, contentType } = await res.content('c1')
    assert.deepEqual(Buffer.from(buffer), pdf)
    assert.equal(contentType, 'application/pdf')
    assert.equal((await res.get('c1')).name, 'doc2')
    await db.disconnect()
  })
})

describe('write shapes: secrets', () => {
  it('update returns secrets in clear, as get does, and stores them encrypted only', async () => {
    const db = new Database({ connectionString: await backends[0].connectionString(), logLevel: 'silent', passphrase: 'pw' })
    await db.connect()
    const res = await db.createResource({ name: 'vault', attributes: { name: 'string', token: 'secret' } })
    await res.insert({ id: 's', name: 'A', token: 'clear-token' })
    const updated = await res.update('s', { name: 'B' })
    assert.equal(updated.token, 'clear-token')
    const { metadata, body } = await stored(db, res, 's')
    assert.ok(!JSON.stringify(metadata).includes('clear-token'))
    assert.ok(!body.includes('clear-token'))
    assert.equal(JSON.parse(body).token, Object.values(metadata).find((v) => v !== 'B' && v !== 'v1'))
    await db.disconnect()
  })
})

describe('write shapes: any', () => {
  it('an object in an any attribute reads back as that object (19.5.10: flattened into any_x)', async () => {
    const db = await connected(backends[0])
    const res = await db.createResource({ name: 'loose', attributes: { s: 'string', any: 'any|optional' } })
    await res.insert({ id: 'r1', s: 'x', any: { x: [1, 'two'] } })
    const got = await res.get('r1')
    assert.deepEqual(got.any, { x: [1, 'two'] })
    assert.equal('any_x' in got, false)
    const { metadata } = await stored(db, res, 'r1')
    assert.equal(Object.keys(metadata).some((k) => k.startsWith('any')), false)
    await db.disconnect()
  })
})
