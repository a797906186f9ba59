// JSON from JS that serde_json refuses on its own: lone surrogates (a string sliced through an
// emoji) and nesting past 128 levels. Both are stored, read back and listed; nothing is lost
// and no URIError escapes (COMPATIBILITY.md "Storage codec" 5).
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import s3db from '../index.js'
import { backends } from './helpers/backends.mjs'

const { Database, ValidationError } = s3db

function nested (levels) {
  const root = {}
  let cur = root
  for (let i = 1; i < levels; i++) cur = (cur.a = {})
  return root
}

function depth (value) {
  let n = 0
  for (let cur = value; cur && typeof cur === 'object'; cur = cur.a) n++
  return n
}

for (const backend of backends) {
  describe(`lone surrogates and deep JSON on ${backend.name}`, { skip: backend.skip }, () => {
    it('stores a lone surrogate as U+FFFD in metadata, in any/json values and in the body', async () => {
      const db = new Database({ connectionString: await backend.connectionString(), logLevel: 'silent' })
      await db.connect()
      try {
        const notes = await db.createResource({ name: 'notes', behavior: 'body-overflow', attributes: { title: 'string', any: 'any|optional', j: 'json|optional', body: 'string|optional' } })
        const emoji = '😀'
        const cut = emoji.slice(0, 1)
        const inserted = await notes.insert({ id: 'n1', title: `cut ${cut}`, any: { t: `a${cut}b` }, j: [emoji.slice(1)], body: 'y'.repeat(2600) + cut })
        assert.equal(inserted.title, 'cut \ufffd')
        const read = await notes.get('n1')
        assert.equal(read.title, 'cut \ufffd')
        assert.deepEqual(read.any, { t: 'a\ufffdb' })
        assert.deepEqual(read.j, ['\ufffd'])
        assert.equal(read.body, 'y'.repeat(2600) + '\ufffd')
        await notes.update('n1', { title: `${cut} again` })
        const [listed] = await notes.list()
        assert.equal(listed.title, '\ufffd again')
        assert.equal(listed.body, read.body)
      } finally {
        await db.disconnect()
      }
    })

    it('reads values nested 511 levels deep and refuses deeper ones with a ValidationError', async () => {
      const db = new Database({ connectionString: await backend.connectionString(), logLevel: 'silent' })
      await db.connect()
      try {
        const trees = await db.createResource({ name: 'trees', attributes: { name: 'string', tree: 'json|optional' } })
        await trees.insert({ id: 't1', name: 'deep', tree: nested(511) })
        assert.equal(depth((await trees.get('t1')).tree), 511)
        await assert.rejects(trees.insert({ id: 't2', name: 'deeper', tree: nested(600) }), (err) => {
          assert.ok(err instanceof ValidationError, err.name)
          assert.match(err.message, /nested deeper than 512 levels/)
          return true
        })
        assert.equal(await trees.exists('t2'), false)
      } finally {
        await db.disconnect()
      }
    })
  })
}
