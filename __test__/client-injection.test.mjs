// `new Database({ client })` with a client object that is not one of s3db-native's: connect and
// s3db.json through its public methods (exists first, as s3db.js does), and every resource
// operation through it too. With the reference installed, s3db.js 19.5.10 and s3db-native share
// one injected client: records and sequences written by either are read by the other.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import s3db from '../index.js'
import { PlainClient } from './helpers/plain-client.mjs'
import { loadReference, referenceRoot } from './helpers/reference.mjs'

const { Database, NoSuchKey, InvalidResourceItem, ResourceNotFound } = s3db

const USERS = {
  name: 'users',
  attributes: { name: 'string', age: 'number|optional', tags: 'array|items:string|optional', profile: { city: 'string|optional' } },
  partitions: { byCity: { fields: { 'profile.city': 'string' } } },
  timestamps: true
}

async function connected (client, options = {}) {
  const db = new Database({ client, ...options })
  await db.connect()
  return db
}

describe('an injected client object', () => {
  it('connects through exists() and keeps s3db.json in it', async () => {
    const client = new PlainClient({ bucket: 'b1' })
    const db = await connected(client)
    assert.deepEqual(client.calls.slice(0, 2), ['exists s3db.json', 'putObject s3db.json'])
    assert.equal(db.bucket, 'b1')
    await db.connect()
    assert.ok(client.calls.includes('getObject s3db.json'), 'a second connect reads the saved file')
    await db.createResource(USERS)
    const saved = JSON.parse(client.objects.get('s3db.json').buffer.toString())
    assert.ok(saved.resources.users.versions.v1.hash.startsWith('sha256:'))
    await assert.rejects(db.getResource('nope'), ResourceNotFound)
    await db.disconnect()
    await db.disconnect()
  })

  for (const bodyStyle of ['bytes', 'string', 'stream']) {
    it(`runs resource operations through the client (${bodyStyle} bodies)`, async () => {
      const client = new PlainClient({ bodyStyle })
      const db = await connected(client)
      const users = await db.createResource(USERS)
      const ana = await users.insert({ name: 'Ana é', age: 30, tags: ['a', 'b'], profile: { city: 'Porto' } })
      assert.ok(client.calls.includes(`putObject resource=users/data/id=${ana.id}`))
      const got = await users.get(ana.id)
      assert.deepEqual([got.name, got.age, got.tags, got.profile.city], ['Ana é', 30, ['a', 'b'], 'Porto'])
      assert.equal((await users.update(ana.id, { age: 31 })).age, 31)
      await users.insert({ id: 'bob', name: 'Bob', profile: { city: 'Lisboa' } })
      assert.equal(await users.count(), 2)
      assert.deepEqual((await users.list()).map((u) => u.name).sort(), ['Ana é', 'Bob'])
      assert.deepEqual((await users.listPartition({ partition: 'byCity', partitionValues: { 'profile.city': 'Porto' } })).map((u) => u.id), [ana.id])
      assert.ok(client.objects.has(users.getPartitionKey({ partitionName: 'byCity', data: got })))
      await assert.rejects(users.insert({ id: 'bob', name: 'again' }), InvalidResourceItem)
      await assert.rejects(users.get('missing'), NoSuchKey)
      await users.delete('bob')
      assert.equal(await users.count(), 1)
      assert.deepEqual([...client.objects.keys()].filter((k) => k.includes('bob')), [], 'record and partition reference removed')
    })
  }

  it('restores saved resources in another database on the same client', async () => {
    const client = new PlainClient()
    const first = await connected(client)
    const users = await first.createResource(USERS)
    const { id } = await users.insert({ name: 'Cy', profile: { city: 'Faro' } })
    const second = await connected(client)
    assert.equal((await (await second.getResource('users')).get(id)).name, 'Cy')
  })

  it('surfaces what the client throws', async () => {
    const client = new PlainClient()
    const db = await connected(client)
    const users = await db.createResource(USERS)
    client.fail('resource=users/data/id=x', new Error('Storage unavailable'))
    await assert.rejects(users.insert({ id: 'x', name: 'X' }), /Storage unavailable/)
    client.fail('s3db.json', new Error('Storage unavailable'))
    await assert.rejects(connected(client), /Storage unavailable/)
  })

  it('keeps incremental ids unique through the client', async () => {
    const client = new PlainClient()
    const [a, b] = [await connected(client), await connected(client)]
    const def = { name: 'orders', attributes: { n: 'number' }, idGenerator: 'incremental' }
    const [ra, rb] = [await a.createResource(def), await b.createResource(def)]
    const made = await Promise.all(Array.from({ length: 16 }, (_, n) => (n % 2 ? ra : rb).insert({ n })))
    assert.deepEqual(made.map((r) => Number(r.id)).sort((x, y) => x - y), Array.from({ length: 16 }, (_, i) => i + 1))
  })
})

const referenceInstalled = existsSync(join(referenceRoot, 'package.json'))

describe('s3db.js 19.5.10 and s3db-native on one injected client', { skip: !referenceInstalled && 'reference not installed (scripts/ensure-reference.sh)' }, () => {
  it('share records and one sequence', async () => {
    const ref = await loadReference()
    const client = new ref.MemoryClient({ bucket: 'shared', keyPrefix: 'app', logLevel: 'silent' })
    const theirs = new ref.S3db({ client, logLevel: 'silent' })
    await theirs.connect()
    const ours = await connected(client)
    const def = { name: 'orders', attributes: { item: 'string', qty: 'number|optional' }, idGenerator: 'incremental', partitions: { byItem: { fields: { item: 'string' } } } }
    const [rt, ro] = [await theirs.createResource(def), await ours.createResource(def)]
    const made = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? rt : ro).insert({ item: `i${i % 3}`, qty: i })))
    assert.deepEqual(made.map((r) => Number(r.id)).sort((x, y) => x - y), Array.from({ length: 20 }, (_, i) => i + 1))
    assert.equal(await rt.getSequenceValue(), 21)
    assert.equal(await ro.getSequenceValue(), 21)
    for (const r of made) {
      const [a, b] = [await rt.get(r.id), await ro.get(r.id)]
      assert.deepEqual([a.item, a.qty], [b.item, b.qty])
    }
    assert.equal(await ro.count({ partition: 'byItem', partitionValues: { item: 'i0' } }), await rt.count({ partition: 'byItem', partitionValues: { item: 'i0' } }))
    const data = { id: '7', item: 'i1' }
    assert.equal(ro.getPartitionKey({ partitionName: 'byItem', data }), rt.getPartitionKey({ partitionName: 'byItem', data }))
    await theirs.disconnect()
  })
})
