// ConnectionString: the s3db.js vectors, the two fixes, and clear errors for bad strings.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { resolve } from 'node:path'
import { readFileSync } from 'node:fs'
import s3db from '../index.js'

const { ConnectionString, ConnectionStringError, S3Client, MemoryClient } = s3db
const vectors = JSON.parse(readFileSync(new URL('./fixtures/client-vectors.json', import.meta.url)))

describe('ConnectionString', () => {
  it('parses every s3db.js vector the same way', () => {
    for (const { input, output } of vectors.connectionString) {
      const parsed = new ConnectionString(input)
      const expected = { ...output }
      // Fix: s3:// reports the endpoint of its own region; the vectors all use us-east-1.
      assert.deepEqual({ bucket: parsed.bucket, keyPrefix: parsed.keyPrefix, endpoint: parsed.endpoint, forcePathStyle: parsed.forcePathStyle }, expected, input)
    }
  })

  it('decodes credentials and exposes query parameters flat and nested', () => {
    const c = new ConnectionString('s3://AK%2FX:se%2Bc%2Fret@bkt/a/b?region=eu-west-1&operationsPool.concurrency=7&parallelism=5&flag=true')
    assert.equal(c.accessKeyId, 'AK/X')
    assert.equal(c.secretAccessKey, 'se+c/ret')
    assert.equal(c.region, 'eu-west-1')
    assert.equal(c['operationsPool.concurrency'], '7')
    assert.deepEqual(c.clientOptions, { region: 'eu-west-1', operationsPool: { concurrency: 7 }, parallelism: 5, flag: true })
    assert.equal(c.keyPrefix, 'a/b')
  })

  it('uses the regional endpoint for s3:// with ?region= (s3db.js always names us-east-1)', () => {
    assert.equal(new ConnectionString('s3://k:s@bkt?region=sa-east-1').endpoint, 'https://s3.sa-east-1.amazonaws.com')
    assert.equal(new ConnectionString('s3://k:s@bkt?endpoint=http://127.0.0.1:9000&forcePathStyle=true').endpoint, 'http://127.0.0.1:9000')
  })

  it('reads a file:// path as s3db.js 19.5.10 does: the whole path, resolved, as the directory', () => {
    const c = new ConnectionString('file:///data/x/y/z')
    assert.equal(c.basePath, '/data/x/y/z')
    assert.equal(c.bucket, 's3db')
    assert.equal(c.keyPrefix, '')
    assert.equal(c.clientType, 'filesystem')
    assert.equal(c.endpoint, 'file:///data/x/y/z')
    const r = new ConnectionString('file://./rel?bucket=b&keyPrefix=p')
    assert.deepEqual([r.basePath, r.bucket, r.keyPrefix], [resolve('rel'), 'b', 'p'])
    assert.equal(new ConnectionString('file://localhost/tmp/x').basePath, '/tmp/x')
    assert.equal(new ConnectionString('file://server/share/p').basePath, '/server/share/p')
    for (const noPath of ['file://', 'file:///']) {
      assert.throws(() => new ConnectionString(noPath), (err) => err.name === 'ConnectionStringError' && /requires a path/.test(err.message))
    }
    assert.equal(new ConnectionString('memory://m/p').clientType, 'memory')
  })

  it('rejects malformed and unknown strings with ConnectionStringError, never leaking the secret', () => {
    for (const bad of ['', 'nonsense', 'ftp://key:topsecret@bucket/x', 'http://key:topsecret@[::1/b']) {
      assert.throws(() => new ConnectionString(bad), (err) => {
        assert.ok(err instanceof ConnectionStringError, bad)
        assert.equal(err.name, 'ConnectionStringError')
        assert.equal(err.statusCode, 500) // as 19.5.10
        assert.match(err.message, /^Invalid connection string/)
        assert.doesNotMatch(err.message, /topsecret/)
        return true
      })
    }
    assert.throws(() => new ConnectionString('ftp://x/y'), /unsupported protocol 'ftp:'/)
  })

  it('makes clients throw the same errors at construction', () => {
    assert.throws(() => new S3Client({ connectionString: 'gopher://x' }), ConnectionStringError)
    assert.throws(() => new S3Client({}), (err) => err instanceof ConnectionStringError && err.message === 'Invalid connection string: undefined')
    const mem = new MemoryClient({ bucket: 'cs-test', keyPrefix: 'p/q' })
    assert.equal(mem.bucket, 'cs-test')
    assert.equal(mem.keyPrefix, 'p/q')
  })
})
