// Nothing lost, nothing misreported: the fault workload (__test__/faults) at a small size,
// s3db-native through the fault proxy in front of moto at 5% and 20% faults (503, 500, resets
// before and after the server applied the request, answers held past the client's timeout).
// Every acknowledged write must be stored, every reported failure must not have happened,
// and every read must return each stored record or report it (an error item, an `error`
// event or a rejection), with or without an `error` listener. `npm run soak` is the long run.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import s3db from '../index.js'
import { s3Endpoint, uniqueName, createBucket } from './helpers/backends.mjs'
import { runFaultWorkload } from './faults/workload.mjs'
import { formatTable } from './faults/table.mjs'
import { startFaultProxy } from './faults/proxy.mjs'

// CI runs both rates at a small size; `npm run soak` runs 2,000 records at concurrency 50.
for (const [rate, seed] of [[0.05, 7], [0.2, 11]]) {
  test(`${rate * 100}% faults: no record lost, duplicated or corrupted, no false failure, no silent short read`, { timeout: 180_000 }, async (t) => {
    if (!s3Endpoint) return t.skip('no local S3 server (run the suite with npm test)')
    const started = Date.now()
    const report = await runFaultWorkload({
      S3db: s3db.S3db,
      s3Endpoint,
      records: 200,
      concurrency: 20,
      rate,
      seed,
      timeoutMs: 1000,
      readModes: ['events', 'unheard'],
      // getAll and iterate read through list and getMany; the soak runs them too.
      reads: ['getMany', 'list', 'page']
    })
    const wallMs = Date.now() - started
    const summary = `${formatTable([{ label: `s3db-native ${rate * 100}%`, report }])}\n${report.examples.join('\n')}`
    t.diagnostic(`wall time ${(wallMs / 1000).toFixed(1)} s, ${report.injected.injected} faults injected in ${report.injected.requests} requests`)
    t.diagnostic(`phases: ${report.phases.map((p) => `${p.name} ${(p.ms / 1000).toFixed(1)} s`).join(', ')}`)

    assert.ok(report.finished, summary)
    // The faults that make outcomes unknown did happen, so the figures below mean something.
    assert.ok(report.injected.resetAfter > 0 && report.injected.delay > 0 && report.injected.resetBefore > 0, summary)
    assert.ok(report.ops.insert.calls === 200 && report.ops.update.calls > 0, summary)
    assert.equal(report.lost, 0, summary)
    assert.equal(report.duplicated, 0, summary)
    assert.equal(report.corrupted, 0, summary)
    assert.equal(report.unreadable, 0, summary)
    assert.equal(report.silent, 0, summary)
    assert.equal(report.ops.insert.falseFailures ?? 0, 0, summary)
    assert.equal(report.ops.update.falseFailures ?? 0, 0, summary)
    assert.equal(report.falseFailures, 0, summary)
    assert.equal(report.unhandledRejections, 0, summary)
    // Every read returned the stored data (no record of another id, no stale version).
    for (const [name, stats] of Object.entries(report.ops)) assert.equal(stats.wrong, 0, `${name}\n${summary}`)
    // Every read pass ran, with and without a listener.
    for (const name of ['getMany', 'list', 'page']) {
      assert.ok(report.ops[name]?.calls > 0 && report.ops[`${name} (no listener)`]?.calls > 0, `${name}\n${summary}`)
    }
  })
}

test('a batch read whose GETs fail reports every record: error events with a listener, error items without', { timeout: 60_000 }, async (t) => {
  if (!s3Endpoint) return t.skip('no local S3 server (run the suite with npm test)')
  const bucket = uniqueName('faults-read')
  await createBucket(s3Endpoint, bucket)
  const proxy = await startFaultProxy({ upstream: s3Endpoint, rate: 0, kinds: ['internalError'] })
  const db = new s3db.S3db({
    connectionString: `http://test:testsecret@${proxy.endpoint.replace('http://', '')}/${bucket}/app`,
    executorPool: { retries: 1, retryDelay: 10, timeout: 2000 },
    logLevel: 'silent'
  })
  t.after(async () => { await db.disconnect(); await proxy.close() })
  await db.connect()
  const items = await db.createResource({ name: 'items', attributes: { name: 'string' } })
  for (const id of ['a', 'b', 'c']) await items.insert({ id, name: `n-${id}` })
  const ids = ['a', 'gone', 'b', 'c']

  // No fault: the missing id is left out (an `error` event only), as s3db.js does.
  assert.deepEqual((await items.getMany(ids)).map((r) => r.id), ['a', 'b', 'c'])

  // Every GET fails (500 on every attempt), nobody listens: one error item per record, in place.
  proxy.rate = 1
  const unheard = await items.getMany(ids)
  proxy.rate = 0
  assert.deepEqual(unheard.map((r) => Object.keys(r).sort()), Array(4).fill(['_decryptionFailed', '_error', 'id']))
  assert.deepEqual(unheard.map((r) => r.id), ids)
  for (const item of unheard) {
    assert.equal(item._decryptionFailed, false)
    assert.match(item._error, /internal error/i)
    assert.equal(item._errorObject.statusCode, 500)
  }

  // With a listener: one `error` event per id (the error and the id), and the result is short.
  const heard = []
  const onError = (error, id) => heard.push([id, error.statusCode])
  items.on('error', onError)
  proxy.rate = 1
  const listened = await items.getMany(ids)
  proxy.rate = 0
  await new Promise((resolve) => setImmediate(resolve))
  items.off('error', onError)
  assert.deepEqual(listened, [])
  assert.deepEqual(heard.map(([id]) => id).sort(), [...ids].sort())
  assert.deepEqual(heard.filter(([id]) => id !== 'gone').map(([, status]) => status), [500, 500, 500])

  // A listing whose record GETs fail (its LIST requests pass), unheard: every record is an
  // error item, none is dropped; a listener hears each instead.
  proxy.only = (req) => req.method === 'GET' && !req.url.includes('list-type=')
  proxy.rate = 1
  const listed = await items.list()
  const paged = await items.page({ size: 10 })
  proxy.rate = 0
  assert.deepEqual(listed.map((r) => [r.id, typeof r._error]).sort(), [['a', 'string'], ['b', 'string'], ['c', 'string']])
  assert.deepEqual(paged.items.map((r) => r.id).sort(), ['a', 'b', 'c'])
  assert.ok(paged.items.every((r) => typeof r._error === 'string'))
  assert.equal(paged.totalItems, 3)
  heard.length = 0
  items.on('error', onError)
  proxy.rate = 1
  const listenedList = await items.list()
  proxy.rate = 0
  await new Promise((resolve) => setImmediate(resolve))
  items.off('error', onError)
  assert.deepEqual(listenedList, [])
  assert.deepEqual(heard.map(([id]) => id).sort(), ['a', 'b', 'c'])
  // A page one of whose records fails to read (heard as an event) does not end the pagination.
  proxy.only = (req) => req.method === 'GET' && /id(=|%3D)a(\?|$)/i.test(req.url)
  items.on('error', onError)
  proxy.rate = 1
  const first = await items.page({ size: 2, skipCount: true })
  const counted = await items.page({ size: 2 })
  proxy.rate = 0
  items.off('error', onError)
  assert.deepEqual(first.items.map((r) => r.id), ['b'])
  assert.equal(first.hasMore, true)
  assert.deepEqual([counted.items.map((r) => r.id), counted.totalItems, counted.hasMore], [['b'], 3, true])
  assert.deepEqual((await items.page({ offset: 2, size: 2 })).items.map((r) => r.id), ['c'])
  // And with the faults gone, the same calls read everything.
  assert.deepEqual((await items.list()).map((r) => r.name).sort(), ['n-a', 'n-b', 'n-c'])
})
