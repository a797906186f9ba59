// insertMany, getMany and deleteMany take arrays: anything else is a TypeError that stores,
// reads and deletes nothing (COMPATIBILITY.md "Batch methods take arrays").
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import s3db from '../index.js'

const { Database } = s3db

function * people () { yield { id: 'a', name: 'Ana' } }

describe('batch methods given something that is not an array', () => {
  it('reject with TypeError and leave the resource as it was', async () => {
    const db = new Database({ connectionString: 'memory://batch-input/app', logLevel: 'silent' })
    await db.connect()
    try {
      const res = await db.createResource({ name: 'people', attributes: { name: 'string' } })
      await res.insert({ id: 'b', name: 'Bo' })
      const refused = (method, got) => (err) => {
        assert.ok(err instanceof TypeError, String(err))
        assert.equal(err.message.startsWith(`${method}() expects an array of `), true, err.message)
        assert.ok(err.message.endsWith(got), err.message)
        return true
      }
      await assert.rejects(res.insertMany(people()), refused('insertMany', 'got an iterable (spread it into an array)'))
      await assert.rejects(res.insertMany({ id: 'a', name: 'Ana' }), refused('insertMany', 'got object'))
      await assert.rejects(res.insertMany(null), refused('insertMany', 'got null'))
      await assert.rejects(res.getMany('b'), refused('getMany', 'got string'))
      await assert.rejects(res.deleteMany('b'), refused('deleteMany', 'got string'))
      await assert.rejects(res.deleteMany(['b'].values()), refused('deleteMany', 'got an iterable (spread it into an array)'))
      assert.deepEqual(await res.listIds(), ['b'])
      assert.deepEqual(await res.insertMany([...people()]).then((r) => r.map((x) => x.id)), ['a'])
    } finally {
      await db.disconnect()
    }
  })
})

describe('update without its fields', () => {
  it('rejects with TypeError (ValidationError for fields that are not an object) and changes nothing', async () => {
    const db = new Database({ connectionString: 'memory://batch-input/update', logLevel: 'silent' })
    await db.connect()
    try {
      const res = await db.createResource({ name: 'people', attributes: { name: 'string' } })
      await res.insert({ id: 'a', name: 'Ana' })
      for (const data of [undefined, null]) {
        await assert.rejects(res.update('a', data), (err) => err instanceof TypeError && err.message === `update() needs the fields to change, got ${data}`)
      }
      for (const data of ['name', 42]) {
        await assert.rejects(res.update('a', data), (err) => err.name === 'ValidationError' && err.message === 'update data must be an object')
      }
      assert.equal((await res.get('a')).name, 'Ana')
    } finally {
      await db.disconnect()
    }
  })
})
