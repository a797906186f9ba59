// Streaming reads read one page ahead: while the consumer handles a page of records, the next
// page's records (and the next LIST page) are read, never more. Order, completeness, progress,
// errors at the point of iteration, early exit without stray requests or unhandled rejections,
// and readable()'s backpressure, on every backend; GET and LIST faults on moto.
import { describe, it, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { setTimeout as sleep } from 'node:timers/promises'
import s3db from '../index.js'
import { backends, s3Endpoint, uniqueName, createBucket } from './helpers/backends.mjs'
import { startFaultProxy } from './faults/proxy.mjs'

const { Database } = s3db

// Three LIST pages (1,000 + 1,000 + 345 ids); pages of 400 records split each LIST page unevenly.
const N = 2345
const id = (i) => `r-${String(i).padStart(5, '0')}`
const docs = Array.from({ length: N }, (_, i) => ({ id: id(i), n: i }))
const allIds = docs.map((d) => d.id)

/** Waits until `check()` holds (polling), or fails after `ms`. */
async function until (check, ms = 5000, what = 'condition') {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`)
    await sleep(5)
  }
}

/** Counts the resource's calls into the core by method (as resource-listing.test.mjs does). */
function countCalls (res) {
  const calls = { listIdsPage: 0, getMany: 0 }
  const call = res._call.bind(res)
  res._call = (method, ...args) => {
    calls[method] = (calls[method] ?? 0) + 1
    return call(method, ...args)
  }
  return calls
}

/** Unhandled rejections while `t` runs (node:test would also fail the file; this names them). */
function watchRejections (t) {
  const seen = []
  const onRejection = (reason) => seen.push(reason)
  process.on('unhandledRejection', onRejection)
  t.after(() => process.off('unhandledRejection', onRejection))
  return seen
}

for (const backend of backends) {
  describe(`iterate reads one page ahead on ${backend.name}`, { skip: backend.skip }, () => {
    let db
    let res
    before(async () => {
      db = new Database({ connectionString: await backend.connectionString(), logLevel: 'silent' })
      await db.connect()
      res = await db.createResource({ name: 'ahead', attributes: { n: 'number' }, paranoid: false })
      await res.insertMany(docs)
    })
    after(async () => { await db.disconnect() })

    it('yields every record once, in key order, across LIST pages, with the next page read while one is consumed', async () => {
      const calls = countCalls(res)
      const fetchedMany = []
      const progress = []
      const onFetched = (n) => fetchedMany.push(n)
      // getMany reports its own progress (operation 'getMany') for pages of more than 100.
      const onProgress = (e) => { if (e.operation === 'iterate') progress.push(e) }
      res.on('fetched-many', onFetched)
      res.on('progress', onProgress)
      try {
        const seen = []
        for await (const record of res.iterate({ pageSize: 400 })) {
          if (seen.length === 0) {
            // Holding the first record: the second page is read meanwhile, and the second LIST
            // page was asked for as soon as the first came in; nothing beyond that.
            await until(() => fetchedMany.length === 2, 5000, 'the page read ahead')
            await sleep(50)
            assert.equal(fetchedMany.length, 2)
            assert.equal(calls.listIdsPage, 2)
          }
          assert.equal(record.n, Number(record.id.slice(2)))
          seen.push(record.id)
        }
        assert.deepEqual(seen, allIds)
        assert.equal(calls.listIdsPage, 3)
        // Pages never straddle LIST pages: 400, 400, 200 per full LIST page, then 345.
        const sizes = [400, 400, 200, 400, 400, 200, 345]
        await until(() => fetchedMany.length === sizes.length && progress.length === sizes.length, 2000, 'the last events')
        assert.deepEqual(fetchedMany, sizes)
        let done = 0
        const expected = sizes.map((size, page) => ({ operation: 'iterate', done: (done += size), total: page === sizes.length - 1 ? N : null }))
        assert.deepEqual(progress, expected)
      } finally {
        delete res._call
        res.off('fetched-many', onFetched)
        res.off('progress', onProgress)
      }
    })

    it('a consumer that breaks starts no further request, and leaves no unhandled rejection', async (t) => {
      const rejections = watchRejections(t)
      const calls = countCalls(res)
      t.after(() => { delete res._call })
      let taken = 0
      for await (const _ of res.iterate({ pageSize: 100 })) {
        if (++taken === 150) break
      }
      // Page 2 was being consumed, page 3 read ahead, LIST page 2 asked for ahead.
      assert.deepEqual([calls.getMany, calls.listIdsPage], [3, 2])
      await sleep(100)
      assert.deepEqual([calls.getMany, calls.listIdsPage], [3, 2], 'no request after the break')

      // The read-ahead fails while the consumer still handles the page before: the consumer
      // breaks first, so the failure is nobody's, and not an unhandled rejection.
      let pages = 0
      let refusing = true
      const hooked = res.hooks.beforeGetMany.length
      res.addHook('beforeGetMany', () => { if (refusing && ++pages === 2) throw new Error('second page refused') })
      t.after(() => { res.hooks.beforeGetMany.splice(hooked) })
      taken = 0
      for await (const _ of res.iterate({ pageSize: 100 })) {
        if (taken === 0) await until(() => pages === 2, 5000, 'the failing read-ahead')
        if (++taken === 10) break
      }
      assert.equal(taken, 10)
      await sleep(50)
      assert.deepEqual(rejections, [])

      // Not broken out of: the failure rejects the iteration where it is reached, after every
      // record of the page before.
      pages = 0
      const seen = []
      await assert.rejects(async () => { for await (const r of res.iterate({ pageSize: 100 })) seen.push(r.id) }, /second page refused/)
      assert.deepEqual(seen, allIds.slice(0, 100))

      // return() on the iterator itself, between pages, with a LIST read ahead that fails.
      refusing = false
      const call = res._call
      let lists = 0
      res._call = (method, ...args) => (method === 'listIdsPage' && ++lists === 2 ? Promise.reject(new Error('LIST refused')) : call(method, ...args))
      const iterator = res.iterate({ pageSize: 1000 })
      assert.equal((await iterator.next()).value.id, allIds[0])
      await until(() => lists === 2, 5000, 'the failing LIST read ahead')
      assert.deepEqual(await iterator.return(undefined), { value: undefined, done: true })
      assert.equal((await iterator.next()).done, true)
      await sleep(50)
      assert.deepEqual(rejections, [])
    })

    it('a failed LIST page mid-stream rejects the iteration after the records before it', async (t) => {
      const call = res._call.bind(res)
      let lists = 0
      res._call = (method, ...args) => (method === 'listIdsPage' && ++lists === 3 ? Promise.reject(new Error('LIST 3 refused')) : call(method, ...args))
      t.after(() => { delete res._call })
      const seen = []
      await assert.rejects(async () => { for await (const r of res.iterate({ pageSize: 300 })) seen.push(r.id) }, /LIST 3 refused/)
      assert.deepEqual(seen, allIds.slice(0, 2000))
    })

    it('readable() stays bounded when nobody reads: one page handed on, one read ahead', async (t) => {
      const rejections = watchRejections(t)
      const fetchedMany = []
      const onFetched = (n) => fetchedMany.push(n)
      res.on('fetched-many', onFetched)
      t.after(() => res.off('fetched-many', onFetched))
      const calls = countCalls(res)
      t.after(() => { delete res._call })
      const stream = res.readable({ batchSize: 100 })
      const first = await new Promise((resolve) => stream.once('readable', () => resolve(stream.read())))
      assert.equal(first.id, allIds[0])
      await sleep(150)
      // The stream's buffer is full (16 objects); the iterator holds page 1, page 2 read ahead.
      assert.ok(stream.readableLength <= stream.readableHighWaterMark, `buffered ${stream.readableLength}`)
      assert.deepEqual([calls.getMany, calls.listIdsPage], [2, 2])
      const got = [first.id]
      while (got.length < 250) {
        const r = stream.read()
        if (r === null) await new Promise((resolve) => stream.once('readable', resolve))
        else got.push(r.id)
      }
      assert.deepEqual(got, allIds.slice(0, 250))
      await sleep(150)
      // Page 3 handed on, page 4 read ahead.
      assert.deepEqual([calls.getMany, calls.listIdsPage], [4, 2])
      stream.destroy()
      await new Promise((resolve) => stream.once('close', resolve))
      await sleep(100)
      assert.deepEqual([calls.getMany, calls.listIdsPage], [4, 2], 'no request after destroy')
      assert.deepEqual(rejections, [])
    })
  })
}

describe('iterate through faults on moto', { skip: !s3Endpoint && 'no local S3 server (run the suite with npm test)' }, () => {
  let proxy
  let db
  let res
  before(async () => {
    const bucket = uniqueName('iter-faults')
    await createBucket(s3Endpoint, bucket)
    proxy = await startFaultProxy({ upstream: s3Endpoint, rate: 0, kinds: ['internalError'] })
    db = new Database({
      connectionString: `http://test:testsecret@${proxy.endpoint.replace('http://', '')}/${bucket}/app`,
      executorPool: { retries: 1, retryDelay: 10, timeout: 5000 },
      logLevel: 'silent'
    })
    await db.connect()
    res = await db.createResource({ name: 'ahead', attributes: { n: 'number' }, paranoid: false })
    await res.insertMany(docs)
  })
  after(async () => {
    await db?.disconnect()
    await proxy?.close()
  })

  it('a record whose GET fails mid-stream is an error item in its place, or an error event; the stream goes on', async (t) => {
    const rejections = watchRejections(t)
    const failing = id(1500)
    proxy.only = (req) => req.method === 'GET' && !req.url.includes('list-type=') && new RegExp(`id(=|%3D)${failing}(\\?|$)`, 'i').test(req.url)
    proxy.rate = 1
    t.after(() => { proxy.rate = 0; proxy.only = null })
    const seen = []
    for await (const r of res.iterate({ pageSize: 250 })) seen.push(r)
    assert.deepEqual(seen.map((r) => r.id), allIds)
    const item = seen[1500]
    assert.equal(typeof item._error, 'string')
    assert.equal(item._errorObject.statusCode, 500)
    assert.ok(seen.every((r, i) => i === 1500 || r.n === i))

    const heard = []
    const onError = (error, failedId) => heard.push([failedId, error.statusCode])
    res.on('error', onError)
    t.after(() => res.off('error', onError))
    const streamed = []
    for await (const r of res.readable({ batchSize: 250 })) streamed.push(r.id)
    assert.deepEqual(streamed, allIds.filter((i) => i !== failing))
    await until(() => heard.length === 1, 2000, 'the error event')
    assert.deepEqual(heard, [[failing, 500]])
    assert.deepEqual(rejections, [])
  })

  it('a LIST page that fails mid-stream rejects the iteration after the records of the pages before; a consumer that broke never sees it', async (t) => {
    const rejections = watchRejections(t)
    proxy.only = (req) => req.method === 'GET' && req.url.includes('list-type=') && req.url.includes('continuation-token=')
    proxy.rate = 1
    t.after(() => { proxy.rate = 0; proxy.only = null })
    const seen = []
    await assert.rejects(async () => { for await (const r of res.iterate({ pageSize: 500 })) seen.push(r.id) }, (err) => err.statusCode === 500 || /internal error/i.test(err.message))
    assert.deepEqual(seen, allIds.slice(0, 1000))
    let taken = 0
    for await (const _ of res.iterate({ pageSize: 500 })) if (++taken === 600) break
    await sleep(100)
    assert.deepEqual(rejections, [])
  })
})
