// Connection strings whose user name, session token or region hold a control character
// (`%00`, `%0A`, ...): those cannot be sent in a request header. They are refused with
// ConnectionStringError when the client is made, instead of a panic when the first request is
// signed, and the message never shows a secret.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import s3db from '../index.js'

const { ConnectionString, ConnectionStringError, Database, S3Client } = s3db

// Nothing listens on port 1: a request that got as far as the network would fail to connect.
const bad = [
  'http://a%00b:secretpw@127.0.0.1:1/bucket',
  'https://a%0Db:secretpw@127.0.0.1:1/bucket',
  's3://a%0A:secretpw@bucket?endpoint=http://127.0.0.1:1&forcePathStyle=true',
  'http://ak:secretpw@127.0.0.1:1/bucket?sessionToken=tok%0Asecretpw',
  'http://ak:secretpw@127.0.0.1:1/bucket?region=us%00east',
  'http://ak:secretpw@127.0.0.1:1/bucket?region=eu%7F'
]

function isRefusal (err) {
  assert.ok(err instanceof ConnectionStringError, `${err && err.constructor && err.constructor.name}: ${err && err.message}`)
  assert.equal(err.statusCode, 500) // as 19.5.10: ConnectionStringError has no S3 error behind it
  assert.match(err.message, /^Invalid connection string/)
  assert.doesNotMatch(err.message, /secretpw|panic/)
  return true
}

describe('connection strings with control characters in header fields', () => {
  for (const connectionString of bad) {
    it(`refuses ${connectionString.replace('secretpw', '***')}`, async () => {
      assert.throws(() => new ConnectionString(connectionString), isRefusal)
      assert.throws(() => new S3Client({ connectionString }), isRefusal)
      await assert.rejects(async () => {
        const db = new Database({ connectionString, logLevel: 'silent' })
        await db.connect()
        const res = await db.createResource({ name: 'items', attributes: { name: 'string' } })
        await res.insert({ id: 'x', name: 'y' })
      }, isRefusal)
    })
  }

  it('still accepts what a header can carry: control characters in the secret, UTF-8, tab', () => {
    assert.equal(new ConnectionString('http://ak:se%00cret@127.0.0.1:1/bucket').secretAccessKey, 'se\u0000cret')
    assert.equal(new ConnectionString('http://ak:p@127.0.0.1:1/bucket?sessionToken=t%09x').sessionToken, 't\tx')
    assert.equal(new ConnectionString('s3://ak:p@bucket?region=r%C3%A9gion').region, 'région')
    assert.equal(new ConnectionString('memory://bucket/app?region=%01').bucket, 'bucket')
  })

  it('refuses a file:// directory with a NUL byte (no path can hold one)', async () => {
    const connectionString = 'file:///tmp/s3db-native-a%00b'
    assert.throws(() => new ConnectionString(connectionString), isRefusal)
    await assert.rejects(async () => {
      const db = new Database({ connectionString, logLevel: 'silent' })
      await db.connect()
    }, isRefusal)
  })

  it('keeps the session token out of error messages', () => {
    assert.throws(() => new ConnectionString('ftp://ak@host/b?sessionToken=secretpw'), (err) => {
      assert.ok(err instanceof ConnectionStringError)
      assert.doesNotMatch(err.message, /secretpw/)
      return true
    })
  })
})
