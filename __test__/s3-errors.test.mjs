// S3 failures map to the s3db.js classes: a missing bucket on a real server, and refused
// credentials from a server that checks signatures (a small fake that answers like S3 does).
import { describe, it, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { createServer } from 'node:http'
import s3db from '../index.js'
import { s3Endpoint, uniqueName } from './helpers/backends.mjs'

const { S3Client, NoSuchBucket, PermissionError, UnknownError, ResourceError } = s3db

describe('S3 error mapping', () => {
  let server
  let endpoint
  let requests = 0
  before(async () => {
    server = createServer((req, res) => {
      requests++
      req.resume()
      const status = req.url.includes('slow') ? 503 : 403
      const code = status === 503 ? 'SlowDown' : 'SignatureDoesNotMatch'
      res.writeHead(status, { 'content-type': 'application/xml', 'x-amz-request-id': 'fake-req-1' })
      res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>The request signature we calculated does not match the signature you provided.</Message><RequestId>fake-req-1</RequestId></Error>`)
    })
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
    endpoint = `127.0.0.1:${server.address().port}`
  })
  after(() => server.close())

  it('reports refused credentials as PermissionError with the S3 code, status and request id', async () => {
    const client = new S3Client({ connectionString: `http://wrong:credentials@${endpoint}/bucket` })
    for (const call of [() => client.putObject({ key: 'k', body: 'x' }), () => client.getObject('k'), () => client.listObjects()]) {
      await assert.rejects(call(), (err) => {
        assert.ok(err instanceof PermissionError, err.stack)
        assert.equal(err.statusCode, 403)
        assert.equal(err.code, 'SignatureDoesNotMatch')
        assert.equal(err.requestId, 'fake-req-1')
        assert.equal(err.bucket, 'bucket')
        return true
      })
    }
  })

  it('does not retry a 403 but retries a 503 SlowDown before giving up', async () => {
    const client = new S3Client({ connectionString: `http://k:s@${endpoint}/bucket` })
    requests = 0
    await assert.rejects(client.getObject('forbidden'), PermissionError)
    assert.equal(requests, 1)
    requests = 0
    await assert.rejects(client.getObject('slow'), (err) => err instanceof UnknownError && err.code === 'SlowDown' && err.statusCode === 503 && err.retriable === true)
    assert.ok(requests > 1, `expected retries, saw ${requests} request(s)`)
  })

  it('emulates conditional writes on a server that answers them with 501', async () => {
    const objects = new Map()
    const calls = []
    const plain = createServer((req, res) => {
      const chunks = []
      req.on('data', (c) => chunks.push(c))
      req.on('end', () => {
        const key = req.url.split('?')[0]
        calls.push(`${req.method}${req.headers['if-none-match'] ? ' conditional' : ''}`)
        if (req.method === 'PUT' && req.headers['if-none-match']) {
          res.writeHead(501, { 'content-type': 'application/xml' })
          return res.end('<?xml version="1.0" encoding="UTF-8"?><Error><Code>NotImplemented</Code><Message>A header you provided implies functionality that is not implemented</Message></Error>')
        }
        if (req.method === 'PUT') {
          objects.set(key, Buffer.concat(chunks))
          res.writeHead(200, { etag: '"0123456789abcdef0123456789abcdef"' })
          return res.end()
        }
        if (req.method === 'HEAD') {
          res.writeHead(objects.has(key) ? 200 : 404, objects.has(key) ? { etag: '"0123456789abcdef0123456789abcdef"', 'content-length': String(objects.get(key).length) } : {})
          return res.end()
        }
        res.writeHead(400)
        res.end()
      })
    })
    await new Promise((resolve) => plain.listen(0, '127.0.0.1', resolve))
    try {
      const client = new S3Client({ connectionString: `http://k:s@127.0.0.1:${plain.address().port}/bucket` })
      await client.putObject({ key: 'k', body: 'first', ifNoneMatch: '*' })
      assert.deepEqual(calls, ['PUT conditional', 'HEAD', 'PUT'], 'one 501, then HEAD + plain PUT; no retries of the 501')
      calls.length = 0
      await assert.rejects(client.putObject({ key: 'k', body: 'second', ifNoneMatch: '*' }), (err) => err instanceof ResourceError && err.statusCode === 412)
      assert.deepEqual(calls, ['HEAD'], 'remembered: no second conditional attempt')
    } finally {
      plain.close()
    }
  })

  it('reports a missing bucket as NoSuchBucket', { skip: !s3Endpoint && 'no local S3 server' }, async () => {
    const client = new S3Client({ connectionString: `http://k:s@${s3Endpoint.replace('http://', '')}/${uniqueName('missing')}` })
    await assert.rejects(client.putObject({ key: 'k', body: 'x' }), (err) => err instanceof NoSuchBucket && err.statusCode === 404)
    await assert.rejects(client.listObjects(), NoSuchBucket)
  })

  // 19.5.10 over S3: its client turns the SDK error into a NoSuchKey, and a resource maps that
  // again, so a resource's awsMessage is the NoSuchKey's own message (a client's, S3's text).
  it('reports a missing record as 19.5.10 does over S3: key relative to the prefix, awsMessage as its resource gives it', async () => {
    const stub = createServer((req, res) => {
      req.resume()
      if (req.method === 'PUT') {
        res.writeHead(200, { etag: '"abc"' })
        return res.end()
      }
      res.writeHead(404, { 'content-type': 'application/xml' })
      res.end(req.method === 'HEAD' ? '' : '<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>')
    })
    await new Promise((resolve) => stub.listen(0, '127.0.0.1', resolve))
    try {
      const connectionString = `http://k:s@127.0.0.1:${stub.address().port}/bucket/app/prefix`
      const client = new S3Client({ connectionString })
      await assert.rejects(client.getObject('some/key'), (err) => err instanceof s3db.NoSuchKey && err.key === 'some/key' && err.awsMessage === 'The specified key does not exist.')
      const db = new s3db.Database({ connectionString, logLevel: 'silent' })
      await db.connect()
      const res = await db.createResource({ name: 'people', attributes: { name: 'string' } })
      await assert.rejects(res.get('nobody'), (err) => {
        assert.ok(err instanceof s3db.NoSuchKey)
        assert.equal(err.key, 'resource=people/data/id=nobody')
        assert.equal(err.message, 'No such key: resource=people/data/id=nobody [bucket:bucket]')
        assert.equal(err.awsMessage, err.message)
        assert.equal(err.statusCode, 404)
        assert.equal(err.suggestion, 'Check if the object key is correct and that the object was uploaded.')
        assert.deepEqual([err.data.resourceName, err.data.id], ['people', 'nobody'])
        return true
      })
      await db.disconnect()
    } finally {
      stub.close()
    }
  })

  it('reports an unreachable endpoint as a retriable network error, not a crash', async () => {
    const client = new S3Client({ connectionString: 'http://k:s@127.0.0.1:9/bucket' })
    await assert.rejects(client.getObject('k'), (err) => err instanceof UnknownError && err.code === 'NetworkingError' && err.retriable === true)
  })
})
