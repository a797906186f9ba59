// setContent / deleteContent: the body is rewritten with the metadata just read, and only if the
// record is still the one read (If-Match); a change in between is kept, not overwritten. Ids
// follow the key rule of the other methods, with the error classes of s3db.js 19.5.10.
import { describe, it, before, after } from 'node:test'
import assert from 'node:assert/strict'
import s3db from '../index.js'
import { uniqueName } from './helpers/backends.mjs'

const { Database, ResourceError, ValidationError, NoSuchKey } = s3db

describe('resource content', () => {
  let db
  let files
  before(async () => {
    db = new Database({ connectionString: `memory://${uniqueName('content')}/p`, logLevel: 'error' })
    await db.connect()
    files = await db.createResource({ name: 'files', attributes: { title: 'string', n: 'number|optional' } })
  })
  after(() => db.disconnect())

  /** Runs `between` once, after the next HEAD of `key` and before the write that follows it. */
  function interleave (key, between) {
    const client = files.client
    const head = client.headObject
    let done = false
    client.headObject = async function (k, ...rest) {
      const out = await head.call(this, k, ...rest)
      if (!done && k === key) {
        done = true
        await between()
      }
      return out
    }
    return () => { client.headObject = head }
  }

  it('setContent keeps an update made between its read and its write', async () => {
    await files.insert({ id: 'race-1', title: 'before' })
    const restore = interleave(files.getResourceKey('race-1'), () => files.update('race-1', { title: 'concurrent', n: 7 }))
    try {
      const out = await files.setContent({ id: 'race-1', buffer: Buffer.from('hello'), contentType: 'text/plain' })
      assert.equal(out.title, 'concurrent')
    } finally {
      restore()
    }
    const record = await files.get('race-1')
    assert.equal(record.title, 'concurrent')
    assert.equal(record.n, 7)
    const content = await files.content('race-1')
    assert.equal(content.buffer.toString(), 'hello')
    assert.equal(content.contentType, 'text/plain')
  })

  // An update of a record holding binary content keeps its body, hence its ETag (the MD5 of the
  // body): S3 cannot tell such a change from the state read. Metadata-only records get a fresh
  // body with every update, so the change is seen (see COMPATIBILITY.md).
  it('deleteContent keeps an update made between its read and its write', async () => {
    await files.insert({ id: 'race-2', title: 'before' })
    const restore = interleave(files.getResourceKey('race-2'), () => files.update('race-2', { title: 'concurrent' }))
    try {
      await files.deleteContent('race-2')
    } finally {
      restore()
    }
    assert.equal((await files.get('race-2')).title, 'concurrent')
    assert.equal(await files.hasContent('race-2'), false)
  })

  it('concurrent setContent calls on one record all land, one after the other', async () => {
    await files.insert({ id: 'race-3', title: 'x' })
    const bodies = ['a', 'bb', 'ccc', 'dddd']
    await Promise.all(bodies.map((b) => files.setContent({ id: 'race-3', buffer: Buffer.from(b) })))
    const { buffer } = await files.content('race-3')
    assert.ok(bodies.includes(buffer.toString()))
    assert.equal((await files.get('race-3')).title, 'x')
  })

  it('setContent of a missing record rejects with ResourceError', async () => {
    await assert.rejects(files.setContent({ id: 'nope', buffer: Buffer.from('x') }), (err) => {
      assert.ok(err instanceof ResourceError, err.stack)
      assert.equal(err.message, "Resource with id 'nope' not found")
      assert.equal(err.operation, 'setContent')
      return true
    })
  })

  it('setContent with an id s3db.js cannot read rejects with ResourceError and writes nothing', async () => {
    await files.insert({ id: '123', title: 'numeric id' })
    for (const id of ['a/b', 'a%b', 'a=b', 'a\\b', '', undefined, 123]) {
      await assert.rejects(files.setContent({ id, buffer: Buffer.from('x') }), (err) => {
        assert.ok(err instanceof ResourceError, `${id}: ${err.stack}`)
        assert.equal(err.message, `Resource with id '${id}' not found`)
        return true
      })
    }
    assert.equal(await files.hasContent('123'), false)
  })

  it('deleteContent, content and hasContent reject an unsafe id with ValidationError', async () => {
    for (const id of ['a/b', 'x%y', 'k=v']) {
      for (const call of [() => files.deleteContent(id), () => files.content(id), () => files.hasContent(id)]) {
        await assert.rejects(call(), (err) => {
          assert.ok(err instanceof ValidationError, `${id}: ${err.stack}`)
          assert.match(err.message, /^Invalid id: contains unsafe character/)
          return true
        })
      }
    }
    await assert.rejects(files.deleteContent('missing'), NoSuchKey)
  })
})
