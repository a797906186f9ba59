// `retryableErrors` reaches the client's own S3 requests: with a list the app gave, a retryable
// failure is retried only when it matches an entry (as s3db.js 19.5.10's pool compares: the
// error's name or code); without one, every retryable failure is. An S3 endpoint stub answers
// each key with a fixed failure and counts the requests.
import { describe, it, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { createServer } from 'node:http'
import s3db from '../index.js'

const { S3Client, Database } = s3db

const FAILURES = {
  slow: [503, 'SlowDown'],
  internal: [500, 'InternalError'],
  denied: [403, 'AccessDenied'],
}

describe('retryableErrors on S3 requests', () => {
  let server
  let endpoint
  const seen = new Map()
  before(async () => {
    server = createServer((req, res) => {
      req.resume()
      const key = decodeURIComponent(req.url.split('?')[0]).split('/').pop()
      seen.set(key, (seen.get(key) ?? 0) + 1)
      const [status, code] = FAILURES[key] ?? [404, 'NoSuchKey']
      res.writeHead(status, { 'content-type': 'application/xml', 'x-amz-request-id': 'stub' })
      res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${code} from the stub</Message><RequestId>stub</RequestId></Error>`)
    })
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
    endpoint = `127.0.0.1:${server.address().port}`
  })
  after(() => server.close())

  /** Requests one GET of `key` cost on `client` (first attempt + retries). */
  async function requestsFor (client, key) {
    seen.delete(key)
    await assert.rejects(client.getObject(key), (err) => err.code === FAILURES[key][1])
    return seen.get(key)
  }

  const pool = (extra) => ({ retries: 2, retryDelay: 1, ...extra })

  it('retries only the failures the list names', async () => {
    const client = new S3Client({ connectionString: `http://k:s@${endpoint}/bucket`, operationsPool: pool({ retryableErrors: ['SlowDown'] }) })
    assert.equal(await requestsFor(client, 'slow'), 3, 'SlowDown is listed: first attempt + 2 retries')
    assert.equal(await requestsFor(client, 'internal'), 1, 'InternalError is retryable but not listed')
    const other = new S3Client({ connectionString: `http://k:s@${endpoint}/bucket`, operationsPool: pool({ retryableErrors: ['InternalError'] }) })
    assert.equal(await requestsFor(other, 'internal'), 3)
    assert.equal(await requestsFor(other, 'slow'), 1)
  })

  it('an entry may name the error class s3db-native reports (ServiceUnavailable for a 500)', async () => {
    const client = new S3Client({ connectionString: `http://k:s@${endpoint}/bucket`, operationsPool: pool({ retryableErrors: ['ServiceUnavailable'] }) })
    assert.equal(await requestsFor(client, 'internal'), 3)
    assert.equal(await requestsFor(client, 'slow'), 1)
  })

  it('without a list, or with an empty one, every retryable failure is retried and a 4xx never is', async () => {
    for (const extra of [{}, { retryableErrors: [] }]) {
      const client = new S3Client({ connectionString: `http://k:s@${endpoint}/bucket`, operationsPool: pool(extra) })
      assert.equal(await requestsFor(client, 'slow'), 3)
      assert.equal(await requestsFor(client, 'internal'), 3)
      assert.equal(await requestsFor(client, 'denied'), 1)
    }
    // The client still shows s3db.js 19.5.10's default list, which its app tasks use.
    const client = new S3Client({ connectionString: `http://k:s@${endpoint}/bucket`, operationsPool: pool() })
    assert.ok(client.taskExecutorConfig.retryableErrors.includes('ECONNRESET'))
  })

  it('a listed 4xx is still not retried (a request that cannot succeed is not repeated)', async () => {
    const client = new S3Client({ connectionString: `http://k:s@${endpoint}/bucket`, operationsPool: pool({ retryableErrors: ['AccessDenied'] }) })
    assert.equal(await requestsFor(client, 'denied'), 1)
  })

  it('reaches the client of a Database (operationsPool option)', async () => {
    const db = new Database({ connectionString: `http://k:s@${endpoint}/bucket`, logLevel: 'error', operationsPool: pool({ retryableErrors: ['SlowDown'] }) })
    assert.equal(await requestsFor(db.client, 'slow'), 3)
    assert.equal(await requestsFor(db.client, 'internal'), 1)
  })

  it('Node network codes match a failed connection (ECONNREFUSED)', async () => {
    const closed = createServer()
    await new Promise((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = closed.address().port
    await new Promise((resolve) => closed.close(resolve))
    const retriesOf = async (retryableErrors) => {
      const client = new S3Client({ connectionString: `http://k:s@127.0.0.1:${port}/bucket`, operationsPool: pool({ retryableErrors }) })
      let retries = 0
      client.on('pool:taskRetry', () => { retries++ })
      await assert.rejects(client.getObject('any'))
      return retries
    }
    assert.equal(await retriesOf(['ECONNREFUSED']), 2)
    assert.equal(await retriesOf(['NetworkingError']), 2)
    assert.equal(await retriesOf(['SlowDown']), 0)
  })
})
