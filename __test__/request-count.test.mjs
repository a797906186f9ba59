// The S3 work each operation costs, counted at the wire through a proxy in front of moto.
// s3db.js spends 3 requests on insert, update and delete; these are the minimums.
import { describe, it, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { createServer, request } from 'node:http'
import s3db from '../index.js'
import { s3Endpoint, createBucket, uniqueName } from './helpers/backends.mjs'

const { Database } = s3db

describe('requests per operation (moto)', { skip: !s3Endpoint && 'no local S3 server' }, () => {
  let proxy
  let seen = []
  before(async () => {
    const target = new URL(s3Endpoint)
    proxy = createServer((req, res) => {
      const url = new URL(req.url, 'http://x')
      seen.push(`${req.method} ${url.searchParams.has('list-type') ? 'LIST' : decodeURIComponent(url.pathname.split('/').slice(2).join('/'))}`)
      const upstream = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (up) => {
        res.writeHead(up.statusCode, up.headers)
        up.pipe(res)
      })
      req.pipe(upstream)
    })
    await new Promise((resolve) => proxy.listen(0, '127.0.0.1', resolve))
  })
  after(() => proxy.close())

  async function counted (work) {
    seen = []
    await work()
    return seen
  }

  it('costs one request per insert, get, delete and listing, two per update', async () => {
    const bucket = uniqueName('count')
    await createBucket(s3Endpoint, bucket)
    const db = new Database({ connectionString: `http://k:s@127.0.0.1:${proxy.address().port}/${bucket}/app` })
    assert.deepEqual(await counted(() => db.connect()), ['GET app/s3db.json', 'PUT app/s3db.json'])
    let users
    assert.deepEqual(await counted(async () => { users = await db.createResource({ name: 'users', attributes: { name: 'string', age: 'number' } }) }), ['PUT app/s3db.json'])
    assert.deepEqual(await counted(() => users.insert({ id: 'u1', name: 'Ana', age: 30 })), ['PUT app/resource=users/data/id=u1'])
    assert.deepEqual(await counted(() => users.get('u1')), ['GET app/resource=users/data/id=u1'])
    assert.deepEqual(await counted(() => users.update('u1', { age: 31 })), ['GET app/resource=users/data/id=u1', 'PUT app/resource=users/data/id=u1'])
    assert.deepEqual(await counted(() => users.count()), ['GET LIST'])
    assert.deepEqual(await counted(() => users.listIds()), ['GET LIST'])
    assert.deepEqual(await counted(() => users.list()), ['GET LIST', 'GET app/resource=users/data/id=u1'])
    // The page and its total come from one pass over the listing.
    assert.deepEqual(await counted(() => users.page({ offset: 0, size: 10 })), ['GET LIST', 'GET app/resource=users/data/id=u1'])
    // delete is one conditional DELETE (If-Match: *) that tells whether the record existed. The
    // first one on a client asks once whether the server evaluates the condition (a key that
    // cannot exist must answer 404). moto compares '*' as an ETag and answers 412 for an
    // existing key, which then gets a plain DELETE; S3 answers the first DELETE.
    const deletes = await counted(() => users.delete('u1'))
    assert.match(deletes[0], /^DELETE app\/\.s3db-native-delete-probe-[0-9a-f]{16}$/)
    assert.deepEqual(deletes.slice(1), ['DELETE app/resource=users/data/id=u1', 'DELETE app/resource=users/data/id=u1'])
    await users.insert({ id: 'u2', name: 'Bea', age: 20 })
    assert.deepEqual(await counted(() => assert.rejects(users.delete('missing'), { name: 'NoSuchKey' })), ['DELETE app/resource=users/data/id=missing'])
    await db.disconnect()
  })

  it('adds only the partition references a record needs', async () => {
    const bucket = uniqueName('count-p')
    await createBucket(s3Endpoint, bucket)
    const db = new Database({ connectionString: `http://k:s@127.0.0.1:${proxy.address().port}/${bucket}/app` })
    await db.connect()
    const orders = await db.createResource({ name: 'orders', attributes: { status: 'string' }, partitions: { byStatus: { fields: { status: 'string' } } } })
    assert.deepEqual((await counted(() => orders.insert({ id: 'o1', status: 'open' }))).sort(), ['PUT app/resource=orders/data/id=o1', 'PUT app/resource=orders/partition=byStatus/status=open/id=o1'])
    assert.equal((await counted(() => orders.update('o1', { status: 'open' }))).length, 2, 'unchanged partition: no reference traffic')
    assert.deepEqual((await counted(() => orders.update('o1', { status: 'paid' }))).sort(), [
      'DELETE app/resource=orders/partition=byStatus/status=open/id=o1',
      'GET app/resource=orders/data/id=o1',
      'PUT app/resource=orders/data/id=o1',
      'PUT app/resource=orders/partition=byStatus/status=paid/id=o1'
    ])
    assert.deepEqual((await counted(() => orders.delete('o1'))).sort(), ['DELETE app/resource=orders/data/id=o1', 'DELETE app/resource=orders/partition=byStatus/status=paid/id=o1', 'GET app/resource=orders/data/id=o1'])
    await db.disconnect()
  })
})
