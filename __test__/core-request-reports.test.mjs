// The requests the core makes for resources are reported as the client's `cl:response`, as
// s3db.js 19.5.10's client reports every request its resources make (CostsPlugin counts them):
// once each, in the order they were answered, before the call that made them returns.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import s3db from '../index.js'
import { backends } from './helpers/backends.mjs'
import { referenceRoot, loadReference } from './helpers/reference.mjs'

const { Database } = s3db

function recording (client) {
  const seen = []
  const listener = (name, response, input) => seen.push({ name, key: input.Key ?? input.Prefix ?? input.CopySource, bytes: input.Body?.length, response })
  client.on('cl:response', listener)
  return { seen, take: () => seen.splice(0).map(({ name, key }) => `${name} ${key ?? ''}`.trim()), stop: () => client.off('cl:response', listener) }
}

async function connected (backend) {
  const db = new Database({ connectionString: await backend.connectionString(), logLevel: 'silent' })
  await db.connect()
  const users = await db.createResource({
    name: 'users',
    attributes: { name: 'string', bio: 'string|optional' },
    behavior: 'body-overflow',
    partitions: { byName: { fields: { name: 'string' } } }
  })
  return { db, users }
}

for (const backend of backends.filter((b) => b.name !== 'file')) {
  describe(`core requests as cl:response on ${backend.name}`, { skip: backend.skip }, () => {
    it('reports each request of a resource operation once, before the operation returns', async () => {
      const { db, users } = await connected(backend)
      const events = recording(db.client)
      try {
        await users.insert({ id: 'u1', name: 'ann' })
        assert.deepEqual(events.take(), [
          'PutObjectCommand resource=users/data/id=u1',
          'PutObjectCommand resource=users/partition=byName/name=ann/id=u1'
        ])
        await users.get('u1')
        assert.deepEqual(events.take(), ['GetObjectCommand resource=users/data/id=u1'])
        assert.equal(await users.exists('u1'), true)
        assert.deepEqual(events.take(), ['HeadObjectCommand resource=users/data/id=u1'])
        assert.equal((await users.count()), 1)
        assert.deepEqual(events.take(), ['ListObjectsV2Command resource=users/data/'])
        await users.list()
        assert.deepEqual(events.take(), ['ListObjectsV2Command resource=users/data/', 'GetObjectCommand resource=users/data/id=u1'])
        await users.delete('u1')
        const deleted = events.take()
        assert.ok(deleted.includes('DeleteObjectCommand resource=users/data/id=u1'), deleted.join(', '))
        assert.ok(deleted.includes('DeleteObjectCommand resource=users/partition=byName/name=ann/id=u1'), deleted.join(', '))
      } finally {
        events.stop()
        await db.disconnect()
      }
    })

    it('gives a PUT its body and a GET its ContentLength, as CostsPlugin reads them', async () => {
      const { db, users } = await connected(backend)
      const events = recording(db.client)
      try {
        const bio = 'x'.repeat(4000) // past the metadata limit: body-overflow puts it in the body
        await users.insert({ id: 'u2', name: 'bob', bio })
        const put = events.seen.find((e) => e.key === 'resource=users/data/id=u2')
        assert.ok(put.bytes > 3000, `PUT body of ${put.bytes} bytes`)
        events.seen.length = 0
        await users.get('u2')
        const get = events.seen.find((e) => e.name === 'GetObjectCommand')
        assert.equal(get.response.ContentLength, put.bytes)
        assert.equal(typeof get.response.ETag, 'string')
      } finally {
        events.stop()
        await db.disconnect()
      }
    })

    it("reports the client's own requests once, and nothing while nobody listens", async () => {
      const { db, users } = await connected(backend)
      try {
        await users.insert({ id: 'quiet', name: 'cy' }) // nobody listens: nothing is kept for later
        const events = recording(db.client)
        await db.client.putObject({ key: 'notes/a.txt', body: 'hello' })
        assert.deepEqual(events.take(), ['PutObjectCommand notes/a.txt'])
        assert.equal(await db.client.exists('notes/a.txt'), true)
        assert.deepEqual(events.take(), ['HeadObjectCommand notes/a.txt'])
        assert.deepEqual(await db.client.getAllKeys({ prefix: 'notes/' }), ['notes/a.txt'])
        assert.deepEqual(events.take(), ['ListObjectsV2Command notes/'])
        events.stop()
        await users.get('quiet')
        const again = recording(db.client)
        await users.get('quiet')
        assert.deepEqual(again.take(), ['GetObjectCommand resource=users/data/id=quiet'], 'only the request made while listening')
        again.stop()
      } finally {
        await db.disconnect()
      }
    })
  })
}

describe("s3db.js 19.5.10's CostsPlugin on s3db-native", { skip: !existsSync(join(referenceRoot, 'package.json')) && 'reference not installed' }, () => {
  it('counts the requests and bytes of resource operations', async () => {
    const { CostsPlugin } = await loadReference()
    const db = new Database({ connectionString: 'memory://costs-plugin/app', logLevel: 'silent' })
    const plugin = new CostsPlugin({ considerFreeTier: false, logLevel: 'silent' })
    await db.usePlugin(plugin)
    await db.connect()
    const notes = await db.createResource({ name: 'notes', attributes: { text: 'string' }, behavior: 'body-only' })
    const before = structuredClone(plugin.costs)
    const events = recording(db.client)
    try {
      await notes.insert({ id: 'n1', text: 'hello costs' })
      await notes.get('n1')
      await notes.list()
      const seen = events.seen.map((e) => e.name)
      const grown = (field) => plugin.costs.requests.counts[field] - before.requests.counts[field]
      const counts = { put: grown('put'), get: grown('get'), list: grown('list') }
      assert.equal(plugin.costs.requests.total - before.requests.total, seen.length)
      assert.equal(counts.put, seen.filter((n) => n === 'PutObjectCommand').length)
      assert.ok(counts.put >= 1 && counts.get >= 2 && counts.list >= 1, JSON.stringify(counts))
      const putBytes = events.seen.filter((e) => e.name === 'PutObjectCommand').reduce((sum, e) => sum + (e.bytes ?? 0), 0)
      assert.ok(putBytes > 0)
      assert.equal(plugin.costs.dataTransfer.inBytes - before.dataTransfer.inBytes, putBytes)
      assert.ok(plugin.costs.dataTransfer.outBytes > before.dataTransfer.outBytes)
    } finally {
      events.stop()
      await db.disconnect()
    }
  })
})
