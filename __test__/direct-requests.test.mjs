// GET, PUT, HEAD and DELETE of one object go straight over HTTP (signed like the SDK signs them)
// for http:// endpoints with keys; S3DB_NATIVE_DIRECT_REQUESTS=0 sends them through the SDK.
// The same scenario on a real S3 server (moto) must give the same records, errors and stored
// objects either way; a recording proxy shows which path each request took.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import http from 'node:http'
import s3db from '../index.js'
import { s3Endpoint, createBucket, uniqueName } from './helpers/backends.mjs'

const { Database } = s3db
const SINGLE_OBJECT = new Set(['GET', 'PUT', 'HEAD', 'DELETE'])

/** Forwards to the S3 server; records each request's method and whether the SDK sent it. */
async function recordingProxy (target) {
  const seen = []
  const upstream = new URL(target)
  const server = http.createServer((req, res) => {
    seen.push({ method: req.method, viaSdk: 'amz-sdk-invocation-id' in req.headers, query: req.url.includes('?') })
    const out = http.request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode, answer.headers)
      answer.pipe(res)
    })
    out.on('error', () => res.destroy())
    req.pipe(out)
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { seen, url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((resolve) => server.close(resolve)) }
}

const failure = (err) => ({ name: err.name, code: err.code, statusCode: err.statusCode, message: err.message.replace(/db-[0-9a-f]+/g, '<bucket>') })

async function scenario (connectionString) {
  const db = new Database({ connectionString, logLevel: 'silent' })
  await db.connect()
  const out = {}
  try {
    const people = await db.createResource({
      name: 'people',
      attributes: { name: 'string', age: 'number|optional', bio: 'string|optional' },
      behavior: 'body-overflow',
      timestamps: false
    })
    out.inserted = await people.insert({ id: 'ana', name: 'Ana', age: 31 })
    out.overflowed = await people.insert({ id: 'long', name: 'L', bio: 'é'.repeat(1200) })
    out.get = await people.get('ana')
    out.getLong = await people.get('long')
    out.exists = [await people.exists('ana'), await people.exists('nobody')]
    out.updated = await people.update('ana', { age: 32 })
    out.missing = await people.get('nobody').catch(failure)
    out.duplicate = await people.insert({ id: 'ana', name: 'Twice' }).catch(failure)
    out.deleted = await people.delete('long')
    out.deleteMissing = await people.delete('nobody').then(() => 'resolved', failure)
    out.list = await people.list()
    out.count = await people.count()
    out.binary = await db.client.putObject({ key: 'raw/bytes', body: Buffer.from([0, 1, 2, 255]), contentType: 'application/x-test' })
      .then(() => db.client.getObject('raw/bytes'))
      .then(async (got) => ({ contentType: got.ContentType, length: got.ContentLength, body: [...Buffer.from(await got.Body.transformToByteArray())] }))
  } finally {
    await db.disconnect()
  }
  return JSON.parse(JSON.stringify(out, (k, v) => (k === 'ETag' || k === 'LastModified' || k === '_lastModified' ? undefined : v)))
}

async function run (mode) {
  const proxy = await recordingProxy(s3Endpoint)
  const bucket = uniqueName('db')
  await createBucket(s3Endpoint, bucket)
  const before = process.env.S3DB_NATIVE_DIRECT_REQUESTS
  if (mode === 'sdk') process.env.S3DB_NATIVE_DIRECT_REQUESTS = '0'
  else delete process.env.S3DB_NATIVE_DIRECT_REQUESTS
  try {
    const result = await scenario(`http://test:testsecret@${proxy.url.slice('http://'.length)}/${bucket}/app`)
    return { result, seen: proxy.seen }
  } finally {
    if (before === undefined) delete process.env.S3DB_NATIVE_DIRECT_REQUESTS
    else process.env.S3DB_NATIVE_DIRECT_REQUESTS = before
    await proxy.close()
  }
}

test('direct and SDK requests give the same records, errors and objects on S3', { skip: !s3Endpoint && 'no local S3 server (run the suite with npm test)' }, async () => {
  const direct = await run('direct')
  const sdk = await run('sdk')
  assert.deepEqual(direct.result, sdk.result)
  assert.equal(direct.result.missing.name, 'NoSuchKey')
  assert.equal(direct.result.getLong.bio, 'é'.repeat(1200))
  assert.deepEqual(direct.result.binary, { contentType: 'application/x-test', length: 4, body: [0, 1, 2, 255] })

  const single = (seen) => seen.filter((r) => SINGLE_OBJECT.has(r.method) && !r.query)
  assert.ok(single(direct.seen).length > 10)
  assert.deepEqual(single(direct.seen).filter((r) => r.viaSdk), [], 'single-object requests went direct')
  assert.deepEqual(single(sdk.seen).filter((r) => !r.viaSdk), [], 'S3DB_NATIVE_DIRECT_REQUESTS=0: all through the SDK')
  assert.ok(direct.seen.some((r) => r.viaSdk), 'listing stays on the SDK')
})
