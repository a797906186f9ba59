// The object API of S3Client / MemoryClient / FileSystemClient, on every backend.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import s3db from '../index.js'
import { backends } from './helpers/backends.mjs'

const { NoSuchKey, ValidationError, MetadataLimitError, ResourceError } = s3db

const range = (n) => Array.from({ length: n }, (_, i) => i)
const pad = (i) => String(i).padStart(5, '0')

for (const backend of backends) {
  describe(`client on ${backend.name}`, { skip: backend.skip }, () => {
    it('writes and reads an object with metadata, body and content type', async () => {
      const client = await backend.client()
      const put = await client.putObject({ key: 'resource=users/data/id=1', metadata: { name: 'José ☃', _v: 'v1', Mixed_Case: 'x', age: 30, nothing: null }, body: '{"a":1}', contentType: 'application/json' })
      assert.match(put.ETag, /^"[0-9a-f]{32}"$/)
      const got = await client.getObject('resource=users/data/id=1')
      assert.deepEqual(got.Metadata, { name: 'José ☃', _v: 'v1', mixed_case: 'x', age: '30', nothing: null })
      assert.equal(got.ContentType, 'application/json')
      assert.equal(got.ContentLength, 7)
      assert.equal(got.ETag, put.ETag)
      assert.ok(got.LastModified instanceof Date)
      assert.equal(await got.Body.transformToString(), '{"a":1}')
      const head = await client.headObject('resource=users/data/id=1')
      assert.deepEqual(head.Metadata, got.Metadata)
      assert.equal(head.ContentLength, 7)
    })

    it('keeps an underscore metadata key such as _v (moto 5.2.1 dropped it)', async () => {
      const client = await backend.client()
      await client.putObject({ key: 'k', metadata: { _v: 'v7', _overflow: 'true', a_b: '1' } })
      const head = await client.headObject('k')
      assert.equal(head.Metadata._v, 'v7')
      assert.equal(head.Metadata._overflow, 'true')
      assert.equal(head.Metadata.a_b, '1')
    })

    it('round-trips non-ASCII, encoded-looking and dictionary values', async () => {
      const client = await backend.client()
      const values = { a: 'São Paulo city', b: 'çãõé', c: '🔥🎉', d: '東京', e: 'line1\nline2', f: 'd:abc', g: 'u:%20', h: 'application/json', i: 'font/woff2', j: 'https://example.com/x', k: 'https://ünïcode.example/', l: 'failed' }
      await client.putObject({ key: 'enc', metadata: values })
      assert.deepEqual((await client.headObject('enc')).Metadata, values)
    })

    it('gives Body as a Node stream and as bytes', async () => {
      const client = await backend.client()
      const bytes = Buffer.from(range(256))
      await client.putObject({ key: 'bin', body: bytes })
      const chunks = []
      for await (const chunk of (await client.getObject('bin')).Body) chunks.push(chunk)
      assert.deepEqual(Buffer.concat(chunks), bytes)
      const array = await (await client.getObject('bin')).Body.transformToByteArray()
      assert.ok(array instanceof Uint8Array)
      assert.deepEqual(Buffer.from(array), bytes)
    })

    it('stores 2 KB of metadata and refuses 3 KB with MetadataLimitError', async () => {
      const client = await backend.client()
      await client.putObject({ key: 'fits', metadata: { big: 'x'.repeat(2040) } })
      assert.equal((await client.headObject('fits')).Metadata.big.length, 2040)
      await assert.rejects(client.putObject({ key: 'too-big', metadata: { big: 'x'.repeat(3000) } }), (err) => err instanceof MetadataLimitError && err.statusCode === 413)
      assert.equal(await client.exists('too-big'), false)
    })

    it('rejects empty and over-long keys with ValidationError', async () => {
      const client = await backend.client()
      await assert.rejects(client.putObject({ key: '', body: 'x' }), ValidationError)
      await assert.rejects(client.getObject(''), ValidationError)
      await assert.rejects(client.putObject({ key: 'k'.repeat(1100), body: 'x' }), (err) => err instanceof ValidationError && /1024/.test(err.message))
    })

    it('reports a missing key as NoSuchKey with status 404, and exists() as false', async () => {
      const client = await backend.client()
      await assert.rejects(client.getObject('missing'), (err) => err instanceof NoSuchKey && err.statusCode === 404 && err.name === 'NoSuchKey' && err.key === 'missing')
      await assert.rejects(client.headObject('missing'), NoSuchKey)
      assert.equal(await client.exists('missing'), false)
    })

    it('copies with COPY and with REPLACE metadata', async () => {
      const client = await backend.client()
      await client.putObject({ key: 'src', metadata: { a: '1', b: '2' }, body: 'data', contentType: 'text/plain' })
      await client.copyObject({ from: 'src', to: 'copy' })
      const copy = await client.getObject('copy')
      assert.deepEqual(copy.Metadata, { a: '1', b: '2' })
      assert.equal(await copy.Body.transformToString(), 'data')
      await client.copyObject({ from: 'src', to: 'src', metadata: { c: 'três' }, metadataDirective: 'REPLACE', contentType: 'application/json' })
      const replaced = await client.getObject('src')
      assert.deepEqual(replaced.Metadata, { c: 'três' })
      assert.equal(replaced.ContentType, 'application/json')
      assert.equal(await replaced.Body.transformToString(), 'data')
    })

    it('writes conditionally with ifNoneMatch and ifMatch', async () => {
      const client = await backend.client()
      const first = await client.putObject({ key: 'cond', body: 'one', ifNoneMatch: '*' })
      await assert.rejects(client.putObject({ key: 'cond', body: 'two', ifNoneMatch: '*' }), (err) => err instanceof ResourceError && err.statusCode === 412 && err.code === 'PRECONDITION_FAILED')
      await assert.rejects(client.putObject({ key: 'cond', body: 'two', ifMatch: '"0123456789abcdef0123456789abcdef"' }), ResourceError)
      await client.putObject({ key: 'cond', body: 'three', ifMatch: first.ETag })
      assert.equal(await (await client.getObject('cond')).Body.transformToString(), 'three')
    })

    it('lists 2,500 keys page by page, counts and pages through them', async () => {
      const client = await backend.client()
      await Promise.all(range(2500).map((i) => client.putObject({ key: `many/${pad(i)}`, body: '' })))
      await client.putObject({ key: 'other/x', body: '' })
      const seen = []
      let token
      let pages = 0
      do {
        const page = await client.listObjects({ prefix: 'many/', continuationToken: token })
        pages++
        assert.equal(page.KeyCount, page.Contents.length)
        seen.push(...page.Contents.map((o) => o.Key))
        token = page.IsTruncated ? page.NextContinuationToken : undefined
      } while (token)
      assert.equal(pages, 3)
      assert.deepEqual(seen, range(2500).map((i) => `app/many/${pad(i)}`))
      assert.equal(await client.count({ prefix: 'many/' }), 2500)
      assert.equal(await client.count(), 2501)
      const all = await client.getAllKeys({ prefix: 'many/' })
      assert.equal(all.length, 2500)
      assert.equal(all[0], 'many/00000')
      assert.deepEqual(await client.getKeysPage({ prefix: 'many/', offset: 1999, amount: 3 }), ['many/01999', 'many/02000', 'many/02001'])
      assert.deepEqual(await client.getKeysPage({ prefix: 'many/', offset: 0, amount: 2 }), ['many/00000', 'many/00001'])
      assert.deepEqual(await client.getKeysPage({ prefix: 'many/', offset: 2600, amount: 2 }), [])
      const token1500 = await client.getContinuationTokenAfterOffset({ prefix: 'many/', offset: 1500 })
      const after = await client.listObjects({ prefix: 'many/', maxKeys: 1, continuationToken: token1500 })
      assert.equal(after.Contents[0].Key, 'app/many/01500')
      assert.equal(await client.getContinuationTokenAfterOffset({ prefix: 'many/', offset: 0 }), null)
    })

    it('lists with a delimiter', async () => {
      const client = await backend.client()
      await Promise.all(['d/a/1', 'd/a/2', 'd/b/1', 'd/c'].map((key) => client.putObject({ key, body: '' })))
      const page = await client.listObjects({ prefix: 'd/', delimiter: '/' })
      assert.deepEqual(page.CommonPrefixes.map((p) => p.Prefix), ['app/d/a/', 'app/d/b/'])
      assert.deepEqual(page.Contents.map((o) => o.Key), ['app/d/c'])
    })

    it('deletes 1,000 objects with deleteObjects and everything with deleteAll', async () => {
      const client = await backend.client()
      const keys = range(1000).map((i) => `del/${pad(i)}`)
      await Promise.all(keys.map((key) => client.putObject({ key, body: 'x' })))
      await Promise.all(range(20).map((i) => client.putObject({ key: `rest/${i}`, body: 'x' })))
      const report = await client.deleteObjects(keys)
      assert.equal(report.deleted.length, 1)
      assert.equal(report.deleted[0].Deleted.length, 1000)
      assert.deepEqual(report.notFound, [])
      assert.equal(await client.count({ prefix: 'del/' }), 0)
      await client.deleteObject('rest/0')
      await client.deleteObject('rest/0') // deleting a missing key succeeds, as on S3
      assert.equal(await client.deleteAll({ prefix: 'rest/' }), 19)
      assert.equal(await client.count(), 0)
    })

    it('moves one object and a whole prefix', async () => {
      const client = await backend.client()
      await client.putObject({ key: 'from/one', metadata: { m: '1' }, body: 'a' })
      assert.equal(await client.moveObject({ from: 'from/one', to: 'to/one' }), true)
      assert.equal(await client.exists('from/one'), false)
      assert.equal((await client.headObject('to/one')).Metadata.m, '1')
      await Promise.all(range(5).map((i) => client.putObject({ key: `old/${i}`, body: String(i) })))
      const moved = await client.moveAllObjects({ prefixFrom: 'old/', prefixTo: 'new/' })
      assert.deepEqual(moved.sort(), range(5).map((i) => `new/${i}`))
      assert.equal(await client.count({ prefix: 'old/' }), 0)
      assert.equal(await (await client.getObject('new/3')).Body.transformToString(), '3')
    })

    it('emits cl:* events with the s3db.js payloads', async () => {
      const client = await backend.client()
      const events = []
      client.on('cl:PutObject', (res, params) => events.push(['put', res.ETag !== undefined, params.key]))
      client.on('cl:GetObject', (res, params) => events.push(['get', params.key]))
      client.on('cl:Count', (count, params) => events.push(['count', count, params.prefix]))
      await client.putObject({ key: 'ev', body: 'x' })
      await client.getObject('ev')
      await client.count({ prefix: '' })
      assert.deepEqual(events, [['put', true, 'ev'], ['get', 'ev'], ['count', 1, '']])
    })

    it('keeps keys with odd characters intact', async () => {
      const client = await backend.client()
      const key = 'resource=users/data/id=ü x+y&z'
      await client.putObject({ key, metadata: { a: '1' }, body: 'v' })
      assert.equal((await client.headObject(key)).Metadata.a, '1')
      assert.deepEqual(await client.getAllKeys({ prefix: 'resource=users/' }), [key])
      await client.copyObject({ from: key, to: 'copied/ü x+y&z' })
      assert.equal(await (await client.getObject('copied/ü x+y&z')).Body.transformToString(), 'v')
    })
  })
}

describe('MemoryClient.getStats', () => {
  it('counts the objects and bytes of its bucket', async () => {
    const { MemoryClient } = s3db
    const client = new MemoryClient({ bucket: `stats-${process.pid}-${Date.now()}` })
    assert.deepEqual(client.getStats(), { bucket: client.bucket, objectCount: 0, totalSize: 0, totalSizeFormatted: '0 B' })
    await client.putObject({ key: 'a', body: 'x'.repeat(1000) })
    await client.putObject({ key: 'b', body: 'x'.repeat(1048) })
    assert.deepEqual(client.getStats(), { bucket: client.bucket, objectCount: 2, totalSize: 2048, totalSizeFormatted: '2 KB' })
  })
})
