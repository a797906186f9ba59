// OperationsPool basics through the public API: order, aging, results by reference, stats,
// events and their payloads, bad input.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const { OperationsPool, TasksPool } = require('../index.js')

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
function deferred () {
  let resolve
  const promise = new Promise((r) => { resolve = r })
  return { promise, resolve }
}

test('TasksPool is OperationsPool and an EventEmitter', () => {
  assert.equal(TasksPool, OperationsPool)
  const pool = new OperationsPool()
  assert.equal(typeof pool.on, 'function')
  assert.equal(pool.concurrency, 10)
  assert.equal(pool.retries, 3)
  assert.equal(pool.timeout, 30000)
})

test('higher priority first, ties in enqueue order', async () => {
  const pool = new OperationsPool({ concurrency: 1 })
  const gate = deferred()
  const order = []
  const blocker = pool.enqueue(() => gate.promise)
  const runs = [['a', 0], ['b', 10], ['c', 5], ['d', 10]].map(([label, priority]) =>
    pool.enqueue(() => { order.push(label) }, { priority }))
  gate.resolve()
  await Promise.all([blocker, ...runs])
  assert.deepEqual(order, ['b', 'd', 'c', 'a'])
})

test('aging lifts a long-waiting task, but only by maxAgingBoost', async () => {
  const pool = new OperationsPool({ concurrency: 1, queue: { agingMs: 10, maxAgingBoost: 3 } })
  const gate = deferred()
  const order = []
  const blocker = pool.enqueue(() => gate.promise)
  const old = pool.enqueue(() => { order.push('old p0') }, { priority: 0 })
  await sleep(80)
  const newer = pool.enqueue(() => { order.push('new p2') }, { priority: 2 })
  const urgent = pool.enqueue(() => { order.push('new p5') }, { priority: 5 })
  gate.resolve()
  await Promise.all([blocker, old, newer, urgent])
  assert.deepEqual(order, ['new p5', 'old p0', 'new p2'])
})

test('results pass through by reference; sync values and thenables work', async () => {
  const pool = new OperationsPool({ concurrency: 3 })
  const obj = { big: new Array(10).fill(1) }
  assert.equal(await pool.enqueue(async () => obj), obj)
  assert.equal(await pool.enqueue(() => obj), obj)
  assert.equal(await pool.enqueue(() => ({ then: (ok) => ok(obj) })), obj)
  assert.equal(await pool.enqueue(() => 42), 42)
  assert.equal(await pool.enqueue(() => undefined), undefined)
})

test('context carries id, attempt, retries, metadata and a real AbortSignal', async () => {
  const pool = new OperationsPool()
  const meta = { operation: 'x' }
  const ctx = await pool.enqueue((c) => ({ id: c.id, attempt: c.attempt, retries: c.retries, metadata: c.metadata, signal: c.signal }), { retries: 2, metadata: meta })
  assert.equal(typeof ctx.id, 'string', 'task ids are strings, as in s3db.js 19.5.10')
  assert.equal(ctx.attempt, 1)
  assert.equal(ctx.retries, 2)
  assert.equal(ctx.metadata, meta)
  assert.ok(ctx.signal instanceof AbortSignal)
  assert.equal(ctx.signal.aborted, false)
})

test('stats add up', async () => {
  const pool = new OperationsPool({ concurrency: 4, retries: 0, monitoring: { collectMetrics: true } })
  const jobs = []
  for (let i = 0; i < 50; i++) {
    jobs.push(pool.enqueue(async () => {
      await sleep(1)
      if (i % 5 === 0) throw new Error('nope')
      return i
    }).catch(() => 'failed'))
  }
  const mid = pool.getStats()
  assert.equal(mid.queueSize + mid.activeCount + mid.processedCount + mid.errorCount, mid.submittedCount)
  assert.ok(mid.activeCount <= 4)
  await Promise.all(jobs)
  const s = pool.getStats()
  assert.equal(s.submittedCount, 50)
  assert.equal(s.processedCount, 40)
  assert.equal(s.errorCount, 10)
  assert.equal(s.queueSize + s.activeCount, 0)
  assert.equal(s.rolling.samples.sampleSize, 50)
  assert.equal(s.rolling.samples.errorRate, 0.2)
  assert.equal(s.rolling.throughput.successRate, 0.8)
  const agg = pool.getAggregateMetrics()
  assert.equal(agg.count, 50)
  assert.equal(agg.errorRate, 0.2)
  assert.ok(agg.p50Execution <= agg.p95Execution && agg.p95Execution <= agg.p99Execution)
  assert.equal(agg.autoTuning, null)
  assert.equal(pool.getAggregateMetrics(Date.now() + 60000), null)
})

test('getTaskMetrics returns the record with its metadata', async () => {
  const pool = new OperationsPool({ monitoring: { collectMetrics: true } })
  let id
  await pool.enqueue((c) => { id = c.id }, { metadata: { key: 'k1' } })
  const m = pool.getTaskMetrics(id)
  assert.equal(m.id, id)
  assert.deepEqual(m.metadata, { key: 'k1' })
  assert.equal(m.success, true)
  assert.equal(m.attemptCount, 1)
  assert.ok(m.completedAt >= m.startedAt && m.startedAt >= m.createdAt)
  assert.equal(pool.getTaskMetrics(123456789), undefined)
  assert.equal(pool.getTaskMetrics('no-such-task'), undefined)
  assert.deepEqual([...pool.taskMetrics.keys()], [id])
  assert.equal(new OperationsPool().getAggregateMetrics(), null, 'metrics are collected only when asked for (s3db.js 19.5.10 default)')
})

test('every task event fires with its payload, metrics before completion', async () => {
  const pool = new OperationsPool({ concurrency: 2, retryDelay: 1, retryableErrors: [] })
  const seen = []
  for (const name of ['pool:taskStarted', 'pool:taskCompleted', 'pool:taskError', 'pool:taskRetry', 'pool:taskMetrics', 'pool:drained']) {
    pool.on(name, (...args) => seen.push([name, ...args]))
  }
  let calls = 0
  const ok = await pool.enqueue(() => {
    if (++calls === 1) { const e = new Error('reset'); e.code = 'ECONNRESET'; throw e }
    return 'value'
  }, { metadata: { tag: 'ok' }, retries: 1 })
  assert.equal(ok, 'value')
  await assert.rejects(pool.enqueue(() => { throw Object.assign(new Error('missing'), { statusCode: 404 }) }, { retries: 0 }), /missing/)
  await sleep(5)
  const names = seen.map((e) => e[0])
  // No 'drained' between the two: the first task's awaiter queued the second at once (s3db.js
  // 19.5.10 announces 'drained' only after the awaiters ran).
  assert.deepEqual(names.slice(0, 4), ['pool:taskStarted', 'pool:taskRetry', 'pool:taskMetrics', 'pool:taskCompleted'])
  assert.deepEqual(names.slice(4), ['pool:taskStarted', 'pool:taskMetrics', 'pool:taskError', 'pool:drained'])
  const [, started] = seen[0]
  for (const key of ['id', 'priority', 'retries', 'timeout', 'metadata', 'attemptCount', 'createdAt', 'startedAt', 'timings', 'performance']) {
    assert.ok(key in started, key)
  }
  assert.equal(typeof started.fn, 'undefined', 'payloads are plain snapshots')
  assert.equal(seen[1][2], 1, 'retry event carries the 1-based attempt')
  assert.equal(seen[2][1].metadata.tag, 'ok')
  assert.equal(typeof seen[2][1].taskId, 'string')
  assert.equal(seen[2][1].taskId, started.id)
  assert.equal(started.signature, 'anonymous:p0')
  const [, done, result] = seen[3]
  assert.equal(result, 'value')
  assert.equal(done.attemptCount, 2)
  assert.equal(done.timings.failedAttempts.length, 1)
  assert.ok(done.timings.execution >= 0 && done.completedAt >= done.startedAt)
  const [, failed, error] = seen[6]
  assert.equal(failed.attemptCount, 1)
  assert.equal(error.message, 'missing')
})

test('pause, resume and stop emit their events', async () => {
  const pool = new OperationsPool()
  const seen = []
  for (const name of ['pool:paused', 'pool:resumed', 'pool:stopped']) pool.on(name, () => seen.push(name))
  await pool.pause()
  pool.resume()
  pool.stop()
  assert.deepEqual(seen, ['pool:paused', 'pool:resumed', 'pool:stopped'])
})

test('a throwing listener never breaks the pool', async () => {
  const pool = new OperationsPool()
  const errors = []
  pool.on('error', (e) => errors.push(e.message))
  pool.on('pool:taskCompleted', () => { throw new Error('listener bug') })
  assert.equal(await pool.enqueue(() => 7), 7)
  assert.deepEqual(errors, ['listener bug'])
})

test('bad concurrency: the constructor falls back to 10 (as s3db.js 19.5.10), setConcurrency throws', () => {
  for (const bad of [0, -1, NaN, 'lots', {}]) {
    assert.equal(new OperationsPool({ concurrency: bad }).concurrency, 10, String(bad))
  }
  const pool = new OperationsPool()
  assert.throws(() => pool.setConcurrency(0), /Concurrency must be >= 1/)
  assert.throws(() => pool.setConcurrency(-3), /Concurrency must be >= 1/)
  assert.throws(() => pool.setConcurrency('many'), TypeError)
  assert.equal(new OperationsPool({ concurrency: '8' }).concurrency, 8)
  assert.equal(pool.concurrency, 10)
})

test('bad tasks reject instead of crashing', async () => {
  const pool = new OperationsPool({ retries: 0 })
  await assert.rejects(pool.enqueue('not a function'), TypeError)
  await assert.rejects(pool.enqueue(null), TypeError)
  await assert.rejects(pool.enqueue(() => { throw new RangeError('sync') }), RangeError)
  await assert.rejects(pool.enqueue(() => Promise.reject('plain string')), (e) => e === 'plain string')
  await assert.rejects(pool.enqueue(() => { throw 42 }), (e) => e === 42) // eslint-disable-line no-throw-literal
  await assert.rejects(pool.enqueue(() => 1, { timeout: -5 }), RangeError)
  const evil = { get then () { throw new Error('evil thenable') } }
  await assert.rejects(pool.enqueue(() => evil), /evil thenable/)
  assert.equal(await pool.enqueue(() => 'still works'), 'still works')
  const s = pool.getStats()
  assert.equal(s.activeCount + s.queueSize, 0)
})
