// GET, PUT, HEAD and DELETE of one object go straight to the HTTP client (signed like the SDK
// signs them) for http(s):// endpoints with keys; S3DB_NATIVE_DIRECT_REQUESTS=0 sends them
// through the SDK. The same scenario on a real S3 server (moto, over HTTP and over HTTPS) must
// give the same records, errors and stored objects either way; a recording proxy shows which
// path each request took. The HTTPS run needs S3DB_TEST_S3_TLS_ENDPOINT and S3DB_TEST_S3_TLS_DIR
// (scripts/moto.sh start-tls), with the test CA trusted by both sides (SSL_CERT_FILE for the
// addon, NODE_EXTRA_CA_CERTS for node), as scripts/test.sh runs it.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import http from 'node:http'
import https from 'node:https'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import s3db from '../index.js'
import { s3Endpoint, createBucket, uniqueName } from './helpers/backends.mjs'

const { Database } = s3db
const SINGLE_OBJECT = new Set(['GET', 'PUT', 'HEAD', 'DELETE'])

const tlsEndpoint = process.env.S3DB_TEST_S3_TLS_ENDPOINT
const tlsDir = process.env.S3DB_TEST_S3_TLS_DIR

/** Forwards to the S3 server over its scheme; records each request's method and whether the
 * SDK sent it. Over HTTPS it serves the test server's own certificate. */
async function recordingProxy (target) {
  const seen = []
  const upstream = new URL(target)
  const secure = upstream.protocol === 'https:'
  const client = secure ? https : http
  const ca = secure ? readFileSync(join(tlsDir, 'ca.pem')) : undefined
  const onRequest = (req, res) => {
    seen.push({ method: req.method, viaSdk: 'amz-sdk-invocation-id' in req.headers, query: req.url.includes('?') })
    const out = client.request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers, ca }, (answer) => {
      res.writeHead(answer.statusCode, answer.headers)
      answer.pipe(res)
    })
    out.on('error', () => res.destroy())
    req.pipe(out)
  }
  const server = secure
    ? https.createServer({ key: readFileSync(join(tlsDir, 'server.key')), cert: readFileSync(join(tlsDir, 'server.pem')) }, onRequest)
    : http.createServer(onRequest)
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  const scheme = secure ? 'https' : 'http'
  return { seen, host: `127.0.0.1:${server.address().port}`, scheme, close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve) }) }
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

async function run (endpoint, mode) {
  const proxy = await recordingProxy(endpoint)
  const bucket = uniqueName('db')
  await createBucket(endpoint, bucket)
  const before = process.env.S3DB_NATIVE_DIRECT_REQUESTS
  if (mode === 'sdk') process.env.S3DB_NATIVE_DIRECT_REQUESTS = '0'
  else delete process.env.S3DB_NATIVE_DIRECT_REQUESTS
  try {
    const result = await scenario(`${proxy.scheme}://test:testsecret@${proxy.host}/${bucket}/app`)
    return { result, seen: proxy.seen }
  } finally {
    if (before === undefined) delete process.env.S3DB_NATIVE_DIRECT_REQUESTS
    else process.env.S3DB_NATIVE_DIRECT_REQUESTS = before
    await proxy.close()
  }
}

const servers = [
  { name: 'HTTP', endpoint: s3Endpoint, skip: !s3Endpoint && 'no local S3 server (run the suite with npm test)' },
  { name: 'HTTPS', endpoint: tlsEndpoint, skip: !(tlsEndpoint && tlsDir) && 'no local HTTPS S3 server (scripts/test.sh starts one)' }
]

for (const { name, endpoint, skip } of servers) {
  test(`direct and SDK requests give the same records, errors and objects on S3 over ${name}`, { skip }, async () => {
    const direct = await run(endpoint, 'direct')
    const sdk = await run(endpoint, 'sdk')
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
}
