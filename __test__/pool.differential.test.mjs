// TasksPool and TasksRunner side by side with s3db.js 19.5.10: each scenario runs on both and
// the observable outcome (values, errors, attempts, counters, event names, read-backs) must be
// the same. Timings are left out (they differ run to run on either library).
import { test, before } from 'node:test'
import assert from 'node:assert/strict'
import { createRequire } from 'node:module'
import { loadReference } from './helpers/reference.mjs'

const require = createRequire(import.meta.url)
const native = require('../index.js')
let reference

before(async () => { reference = await loadReference() })

const libs = () => [['s3db.js', reference], ['s3db-native', native]]

async function same (scenario) {
  const [[, ref], [, mine]] = libs()
  const expected = await scenario(ref)
  const actual = await scenario(mine)
  assert.deepEqual(actual, expected)
  return actual
}

const outcome = (promise) => promise.then((value) => ({ value }), (error) => ({ error: error?.message, name: error?.name }))

test('TasksPool read-backs of options', async () => {
  await same(({ TasksPool }) => [undefined, 5, -1, 0, 'auto', 'x', 12].map((concurrency) => {
    const pool = new TasksPool({ concurrency, retries: concurrency === 5 ? 0 : undefined })
    const r = {
      concurrency: pool.concurrency,
      effective: typeof pool.effectiveConcurrency,
      retries: pool.retries,
      retryDelay: pool.retryDelay,
      timeout: pool.timeout,
      retryableErrors: pool.retryableErrors,
      profile: pool.features.profile,
      emitEvents: pool.features.emitEvents,
      lightMode: pool.lightMode,
      bareMode: pool.bareMode,
    }
    pool.stop()
    return r
  }))
})

test('TasksPool retries: attempts, counters, retry events and the final error', async () => {
  await same(async ({ TasksPool }) => {
    const pool = new TasksPool({ concurrency: 2, retries: 2, retryDelay: 1, retryableErrors: [] })
    const retries = []
    pool.on('pool:taskRetry', (task, attempt) => retries.push([typeof task.id, attempt]))
    let n = 0
    const flaky = await outcome(pool.enqueue(async () => { if (++n < 3) throw new Error(`fail ${n}`); return n }))
    let m = 0
    const always = await outcome(pool.enqueue(async () => { throw new Error(`try ${++m}`) }))
    const status = await outcome(pool.enqueue(async () => { throw Object.assign(new Error('gone'), { statusCode: 404 }) }, { retries: 1 }))
    const { retryCount, errorCount, processedCount } = pool.getStats()
    const selective = new TasksPool({ retries: 3, retryDelay: 1, retryableErrors: ['NetworkError'] })
    const counts = []
    for (const make of [() => Object.assign(new Error('a'), { name: 'NetworkError' }), () => Object.assign(new Error('b'), { code: 'NetworkError' }), () => new Error('NetworkError in the message')]) {
      let calls = 0
      await outcome(selective.enqueue(async () => { calls++; throw make() }))
      counts.push(calls)
    }
    pool.stop()
    selective.stop()
    return { flaky, always, m, status, retries, retryCount, errorCount, processedCount, counts }
  })
})

test('TasksPool events, string ids and signatures', async () => {
  await same(async ({ TasksPool }) => {
    const pool = new TasksPool({ concurrency: 1, monitoring: { enabled: true, collectMetrics: true } })
    const seen = []
    for (const name of ['pool:taskStarted', 'pool:taskCompleted', 'pool:taskError', 'pool:drained']) {
      pool.on(name, (task) => seen.push([name, task ? typeof task.id : null, task?.signature ?? null]))
    }
    async function uploadObject () { return 'ok' }
    await pool.enqueue(uploadObject, { metadata: { item: 'abc' } })
    await outcome(pool.enqueue(async function broken () { throw new Error('x') }, { retries: 0, signature: 'custom' }))
    const insights = pool.getSignatureInsights(10).map((i) => [i.signature, i.count, i.successRate]).sort()
    pool.stop()
    return { seen, insights }
  })
})

test('TasksPool profiles: light is first in first out, balanced by priority, emitEvents false is silent', async () => {
  await same(async ({ TasksPool }) => {
    const orders = {}
    for (const profile of ['light', 'balanced']) {
      const pool = new TasksPool({ concurrency: 1, retries: 0, monitoring: { enabled: false }, features: { profile } })
      const order = []
      await Promise.all([0, 5, 10].map((p) => pool.enqueue(async () => { order.push(p) }, { priority: p })))
      orders[profile] = order
    }
    const silent = new TasksPool({ features: { emitEvents: false } })
    let events = 0
    silent.on('pool:taskStarted', () => events++)
    await silent.enqueue(async () => 1)
    return { orders, events }
  })
})

test('TasksPool stop: queued tasks reject, running ones finish', async () => {
  await same(async ({ TasksPool }) => {
    const pool = new TasksPool({ concurrency: 1 })
    const running = outcome(pool.enqueue(async () => { await new Promise((resolve) => setTimeout(resolve, 20)); return 'finished' }))
    const queued = outcome(pool.enqueue(async () => 'never'))
    await new Promise((resolve) => setTimeout(resolve, 5))
    pool.stop()
    return { running: await running, queued: await queued, stopped: pool.stopped }
  })
})

test('TasksRunner: read-backs, process, processCorresponding, events, stats and progress', async () => {
  await same(async ({ TasksRunner }) => {
    const runner = new TasksRunner({ concurrency: 2, retries: 1, retryDelay: 1 })
    const events = []
    for (const name of ['taskStart', 'taskComplete', 'taskError', 'taskRetry']) runner.on(name, () => events.push(name))
    const processed = await runner.process([1, 2, 3], async (n) => { if (n === 2) throw new Error('two'); return n * 10 })
    const corresponding = await runner.processCorresponding([1, 2, 3], async (n) => { if (n === 3) throw new Error('three'); return n })
    const stats = runner.getStats()
    const result = {
      defaults: [new TasksRunner().concurrency, new TasksRunner().retries, new TasksRunner({ retries: 0 }).features.profile],
      results: processed.results.sort(),
      errors: processed.errors.map((e) => [e.item, e.index, e.error.message]),
      corresponding: corresponding.map((v) => (typeof v === 'symbol' ? v.toString() : v)),
      events: events.sort(),
      stats: [stats.processedCount, stats.errorCount, stats.retryCount, stats.concurrency, stats.rolling],
      progress: runner.getProgress(),
      processedItems: runner.processedItems.sort(),
    }
    runner.destroy()
    return result
  })
})

test('TasksPool batch helpers: static map, addBatch, process', async () => {
  await same(async ({ TasksPool }) => {
    const mapped = await TasksPool.map([1, 2, 3], async (n) => { if (n === 2) throw new Error('two'); return n * 10 }, { concurrency: 2 })
    const pool = new TasksPool({ concurrency: 2, retries: 0 })
    const batch = await pool.addBatch([async () => 1, async () => { throw new Error('b') }, async () => 3])
    const processed = await pool.process([1, 2, 3], async (n) => { if (n === 3) throw new Error('three'); return n })
    pool.stop()
    return {
      mapped: [mapped.results, mapped.errors.map((e) => [e.item, e.index, e.error.message])],
      batch: [batch.results, batch.errors.map((e) => [e.index, e.error.message]), typeof batch.batchId],
      processed: [processed.results.sort(), processed.errors.map((e) => [e.item, e.index, e.error.message])],
    }
  })
})
