// The pool's s3db.js 19.5.10 surface: 'auto' read-back, profiles, silent pools, the monitoring
// exporter, injected tuner objects, signatures and their insights, string ids end to end.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const { OperationsPool } = require('../index.js')

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

test("'auto' reads back as 'auto' with a numeric effectiveConcurrency", () => {
  const pool = new OperationsPool({ concurrency: 'auto' })
  assert.equal(pool.concurrency, 'auto')
  assert.equal(pool.getConcurrency(), 'auto')
  assert.equal(pool.getStats().concurrency, 'auto')
  assert.ok(Number.isInteger(pool.effectiveConcurrency) && pool.effectiveConcurrency > 0)
  assert.equal(pool.getStats().effectiveConcurrency, pool.effectiveConcurrency)
  pool.setConcurrency(4)
  assert.equal(pool.concurrency, 4)
  pool.setConcurrency('auto')
  assert.equal(pool.concurrency, 'auto')
})

test("profiles: 'light' (the default without retries) runs first in first out, 'balanced' by priority", async () => {
  const run = async (options) => {
    const pool = new OperationsPool({ concurrency: 1, monitoring: { enabled: false }, ...options })
    const order = []
    await Promise.all([0, 5, 10].map((p) => pool.enqueue(async () => { order.push(p) }, { priority: p })))
    return [pool.features.profile, order]
  }
  assert.deepEqual(await run({ retries: 0 }), ['light', [0, 5, 10]])
  assert.deepEqual(await run({ retries: 0, features: { profile: 'balanced' } }), ['balanced', [0, 10, 5]])
  assert.deepEqual(await run({}), ['balanced', [0, 10, 5]])
})

test("'bare' runs tasks once, without timeout or events", async () => {
  const pool = new OperationsPool({ concurrency: 2, timeout: 5, retries: 3, retryableErrors: [], features: { profile: 'bare' } })
  const seen = []
  pool.on('pool:taskStarted', () => seen.push('started'))
  assert.equal(await pool.enqueue(async () => { await sleep(20); return 'slow is fine' }), 'slow is fine')
  let calls = 0
  await assert.rejects(pool.enqueue(() => { calls++; throw new Error('once') }), /once/)
  assert.equal(calls, 1)
  assert.deepEqual(seen, [])
  assert.equal(pool.retries, 3, 'the configured value still reads back')
})

test('emitEvents: false silences every event', async () => {
  const pool = new OperationsPool({ features: { emitEvents: false } })
  let events = 0
  for (const name of ['pool:taskStarted', 'pool:taskCompleted', 'pool:drained', 'pool:paused', 'pool:stopped']) pool.on(name, () => events++)
  await pool.enqueue(() => 1)
  await pool.pause()
  pool.resume()
  await pool.drain()
  pool.stop()
  assert.equal(events, 0)
})

test('monitoring.exporter gets task snapshots (throttled) and a drain snapshot', async () => {
  const snapshots = []
  const pool = new OperationsPool({ concurrency: 2, monitoring: { exporter: (s) => snapshots.push(s), reportInterval: 60000 } })
  await Promise.all([pool.enqueue(() => 'a'), pool.enqueue(() => 'b'), pool.enqueue(() => 'c')])
  await pool.drain()
  assert.deepEqual(snapshots.map((s) => s.stage), ['task', 'drain'], 'one task snapshot per interval, drain forced')
  const drained = snapshots[1]
  assert.equal(drained.processed, 3)
  assert.equal(drained.errors, 0)
  assert.equal(drained.queueSize + drained.activeCount, 0)
  assert.equal(drained.profile, 'balanced')
  assert.ok(Array.isArray(drained.signatureInsights))
  const quiet = new OperationsPool({ monitoring: { enabled: false, exporter: () => { throw new Error('never called') } } })
  await quiet.enqueue(() => 1)
  await quiet.drain()
})

test('an injected tuner object drives the concurrency, is fed each task and is stopped', async () => {
  const samples = []
  let stopped = 0
  const tuner = {
    value: 2,
    getConcurrency () { return this.value },
    recordTaskMetrics (sample) { samples.push(sample); this.value = 5 },
    stop () { stopped++ },
  }
  const pool = new OperationsPool({ concurrency: 9, autoTuning: { enabled: true, instance: tuner } })
  assert.equal(pool.tuner, tuner)
  assert.equal(pool.concurrency, 2)
  await pool.enqueue(async () => { await sleep(2); return 1 })
  assert.equal(samples.length, 1)
  assert.equal(samples[0].success, true)
  assert.ok(samples[0].latency >= 1, `latency ${samples[0].latency}`)
  assert.equal(pool.effectiveConcurrency, 5)
  const broken = new OperationsPool({ autoTuning: { instance: { getConcurrency: () => 3, recordTaskMetrics () { throw new Error('tuner bug') } } } })
  const errors = []
  broken.on('tuner:error', (err) => errors.push(err.message))
  assert.equal(await broken.enqueue(() => 'still runs'), 'still runs')
  assert.deepEqual(errors, ['tuner bug'])
  pool.stop()
  assert.equal(stopped, 1)
})

test('signatures in payloads and insights; string ids across context, events and metrics', async () => {
  const pool = new OperationsPool({ concurrency: 2, monitoring: { collectMetrics: true } })
  const started = []
  pool.on('pool:taskStarted', (task) => started.push(task))
  async function uploadObject () { return 'up' }
  let contextId
  await pool.enqueue(uploadObject, { metadata: { item: 'abc' } })
  await pool.enqueue(uploadObject, { signature: 'upload-hint' })
  await pool.enqueue((ctx) => { contextId = ctx.id }, { priority: 2 })
  assert.deepEqual(started.map((t) => t.signature), ['uploadObject:3:p0', 'upload-hint', 'anonymous:p2'])
  assert.equal(started[2].id, contextId)
  assert.equal(pool.getTaskMetrics(contextId).id, contextId)
  assert.ok(pool.taskMetrics.has(contextId))
  const insights = pool.getSignatureInsights(10)
  assert.deepEqual(insights.map((i) => i.signature).sort(), ['anonymous:p2', 'upload-hint', 'uploadObject:3:p0'])
  for (const i of insights) assert.deepEqual([i.count, i.successRate], [1, 1])
  assert.deepEqual(new OperationsPool({ features: { signatureInsights: false } }).getSignatureInsights(), [])
  const ids = new Set()
  const other = new OperationsPool()
  await other.enqueue((ctx) => ids.add(ctx.id))
  await pool.enqueue((ctx) => ids.add(ctx.id))
  assert.equal(ids.size, 2, 'ids of different pools differ')
})

test('failures count in the insights even when nobody listens', async () => {
  const pool = new OperationsPool({ retries: 0 })
  async function flaky () {
    if (flaky.fail > 0) {
      flaky.fail--
      throw new Error('x')
    }
  }
  flaky.fail = 20
  const jobs = []
  for (let i = 0; i < 40; i++) jobs.push(pool.enqueue(flaky).catch(() => null))
  await Promise.all(jobs)
  const [insight] = pool.getSignatureInsights()
  assert.equal(insight.signature, 'flaky:p0')
  assert.equal(insight.count, 40)
  assert.ok(insight.successRate > 0.5, `recent successes weigh more: ${insight.successRate}`)
})
