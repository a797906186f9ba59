// The native pool's notices reach the client's logger as s3db.js 19.x's S3Client logs its
// requests: a request over 100 ms in the pool is a `[PERF] S3Client._executeOperation SLOW`
// warning, a retry a debug line; with those levels off nothing is sent or written. An S3
// endpoint stub delays or fails chosen keys.
import { describe, it, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { createServer } from 'node:http'
import { Writable } from 'node:stream'
import { createRequire } from 'node:module'
import s3db from '../index.js'

const pino = createRequire(import.meta.url)('pino')
const { S3Client, MemoryClient } = s3db

function capturingLogger (level) {
  const lines = []
  const stream = new Writable({ write (chunk, _enc, done) { lines.push(JSON.parse(chunk.toString())); done() } })
  return { logger: pino({ level }, stream), lines }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 30))

describe('native pool notices in the log', () => {
  let server
  let endpoint
  const attempts = new Map()
  before(async () => {
    server = createServer((req, res) => {
      req.resume()
      const key = decodeURIComponent(req.url.split('?')[0]).split('/').pop()
      const n = (attempts.get(key) ?? 0) + 1
      attempts.set(key, n)
      const ok = () => { res.writeHead(200, { 'content-type': 'text/plain', etag: '"e"', 'content-length': '2' }); res.end('ok') }
      if (key.startsWith('slow')) return setTimeout(ok, 150)
      if (key.startsWith('flaky') && n === 1) {
        res.writeHead(503, { 'content-type': 'application/xml' })
        return res.end('<?xml version="1.0" encoding="UTF-8"?><Error><Code>SlowDown</Code><Message>slow down</Message></Error>')
      }
      ok()
    })
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
    endpoint = `127.0.0.1:${server.address().port}`
  })
  after(() => server.close())

  const clientWith = (logger) => new S3Client({ connectionString: `http://k:s@${endpoint}/bucket`, logger, operationsPool: { retries: 2, retryDelay: 1 } })

  it('warns about a slow request with its operation and key', async () => {
    const { logger, lines } = capturingLogger('info')
    const client = clientWith(logger)
    await client.getObject('slow-one')
    await settle()
    const slow = lines.find((l) => l.msg === '[PERF] S3Client._executeOperation SLOW')
    assert.ok(slow, `no slow-request warning in ${JSON.stringify(lines.map((l) => l.msg))}`)
    assert.equal(slow.level, 40)
    assert.equal(slow.op, 'getObject')
    assert.match(slow.key, /slow-one$/)
    assert.ok(slow.totalMs >= 100, `totalMs ${slow.totalMs}`)
    assert.ok(!lines.some((l) => /retrying/.test(l.msg)), 'retries are debug lines')
  })

  it('logs a retry at debug', async () => {
    const { logger, lines } = capturingLogger('debug')
    const client = clientWith(logger)
    await client.getObject('flaky-one')
    await settle()
    const retry = lines.find((l) => /^\[S3Client\] retrying getObject/.test(l.msg))
    assert.ok(retry, `no retry line in ${JSON.stringify(lines.map((l) => l.msg))}`)
    assert.equal(retry.level, 20)
    assert.equal(retry.attempt, 1)
  })

  it('writes nothing when warn and debug are off', async () => {
    const { logger, lines } = capturingLogger('error')
    const client = clientWith(logger)
    await client.getObject('slow-two')
    await client.getObject('flaky-two')
    await settle()
    assert.deepEqual(lines, [])
  })

  it('memory clients log no request notices, as in s3db.js', async () => {
    const { logger, lines } = capturingLogger('debug')
    const client = new MemoryClient({ bucket: 'notices', logger })
    await client.putObject({ key: 'k', body: 'x' })
    await settle()
    assert.ok(!lines.some((l) => /_executeOperation|retrying/.test(l.msg)))
  })
})
