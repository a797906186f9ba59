// Native tasks (Rust futures) sharing the pool with JS tasks, their events through the weak
// wake-up, the tuner, worker threads, process exit, and a million queued tasks.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createRequire } from 'node:module'
import { spawnSync } from 'node:child_process'
import { Worker } from 'node:worker_threads'
import { fileURLToPath } from 'node:url'

const require = createRequire(import.meta.url)
const { OperationsPool, AdaptiveTuning } = require('../index.js')
const indexPath = fileURLToPath(new URL('../index.js', import.meta.url))

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
const probe = (pool, ms, { failures = 0, retryable = true, priority = 0, label = 'k' } = {}) =>
  pool.nativePool.runNativeProbe(ms, failures, retryable, priority, label)

test('native tasks retry only retryable failures', async () => {
  const pool = new OperationsPool({ retryDelay: 1 })
  assert.equal(await probe(pool, 1, { failures: 2 }), 3)
  await assert.rejects(probe(pool, 1, { failures: 1, retryable: false }), /ProbeError/)
  const s = pool.getStats()
  assert.equal(s.processedCount, 1)
  assert.equal(s.errorCount, 1)
  assert.equal(s.retryCount, 2)
})

test('native events arrive batched with real names and payloads', async () => {
  const pool = new OperationsPool({ concurrency: 4, retryDelay: 1 })
  const seen = []
  for (const name of ['pool:taskStarted', 'pool:taskRetry', 'pool:taskMetrics', 'pool:taskCompleted', 'pool:taskError', 'pool:drained']) {
    pool.on(name, (...args) => seen.push([name, ...args]))
  }
  await Promise.all([probe(pool, 2, { failures: 1, label: 'a/b' }), probe(pool, 2, { label: 'c' })])
  await probe(pool, 1, { failures: 1, retryable: false }).catch(() => {})
  await sleep(20)
  const names = seen.map((s) => s[0])
  assert.equal(names.filter((n) => n === 'pool:taskStarted').length, 3)
  assert.equal(names.filter((n) => n === 'pool:taskCompleted').length, 2)
  assert.equal(names.filter((n) => n === 'pool:taskRetry').length, 1)
  assert.equal(names.filter((n) => n === 'pool:taskError').length, 1)
  assert.equal(names.filter((n) => n === 'pool:taskMetrics').length, 3)
  assert.ok(names.includes('pool:drained'))
  const started = seen.find((s) => s[0] === 'pool:taskStarted' && s[1].metadata.key === 'a/b')[1]
  assert.deepEqual(started.metadata, { operation: 'probe', key: 'a/b' })
  const retry = seen.find((s) => s[0] === 'pool:taskRetry')
  assert.equal(retry[2], 1)
  const error = seen.find((s) => s[0] === 'pool:taskError')
  assert.equal(error[2].name, 'ProbeError')
  const metricsIndex = names.indexOf('pool:taskMetrics')
  assert.ok(metricsIndex < names.indexOf('pool:taskCompleted'), 'metrics before completion')
})

test('no listener: native tasks produce no events to collect', async () => {
  const pool = new OperationsPool()
  await probe(pool, 1)
  assert.deepEqual(pool.nativePool.takeEvents(), [])
})

test('native and JS tasks share one concurrency limit', async () => {
  const pool = new OperationsPool({ concurrency: 1 })
  const native = probe(pool, 40)
  while (pool.getStats().activeCount < 1) await sleep(1)
  let seenByJs
  const js = pool.enqueue(() => { seenByJs = pool.getStats() })
  assert.equal(pool.getStats().queueSize, 1, 'the JS task waits for the native one')
  await Promise.all([native, js])
  assert.equal(seenByJs.processedCount, 1, 'the native task had finished when the JS task started')
  assert.equal(seenByJs.activeCount, 1)
  await pool.drain()
})

test('drain and pause wait for native tasks too', async () => {
  const pool = new OperationsPool({ concurrency: 2 })
  const all = Array.from({ length: 4 }, () => probe(pool, 15))
  // Native tasks reach the pool from the runtime's threads, a moment after the call.
  while (pool.getStats().submittedCount < 4) await sleep(1)
  await pool.drain()
  assert.equal(pool.getStats().processedCount, 4)
  await Promise.all(all)
  const running = probe(pool, 20)
  while (pool.getStats().activeCount < 1) await sleep(1)
  await pool.pause()
  assert.equal(pool.getStats().activeCount, 0)
  await running
  pool.resume()
})

test("concurrency 'auto' attaches a tuner that adjusts", async () => {
  const pool = new OperationsPool({ concurrency: 'auto', autoTuning: { minConcurrency: 2, maxConcurrency: 40, targetLatency: 1000, targetMemoryPercent: 0.999, adjustmentInterval: 1 } })
  assert.ok(pool.tuner instanceof AdaptiveTuning)
  assert.equal(pool.autoConcurrency, true)
  assert.equal(pool.concurrency, 'auto', "reads back as 'auto' (s3db.js 19.5.10)")
  const before = pool.effectiveConcurrency
  for (let round = 0; round < 3; round++) {
    await Promise.all(Array.from({ length: 20 }, () => pool.enqueue(() => 1)))
    await sleep(3)
  }
  const metrics = pool.tuner.getMetrics()
  assert.ok(metrics.history.length >= 1, 'the tuner adjusted at least once')
  assert.ok(pool.effectiveConcurrency > before, `fast tasks raise concurrency (${before} -> ${pool.effectiveConcurrency})`)
  assert.ok(pool.effectiveConcurrency <= 40)
  pool.setConcurrency(3)
  assert.equal(pool.tuner, null)
  assert.equal(pool.concurrency, 3)
})

test('AdaptiveTuning on its own', () => {
  const t = new AdaptiveTuning({ minConcurrency: 1, maxConcurrency: 8, targetLatency: 100 })
  assert.ok(t.getConcurrency() >= 1 && t.getConcurrency() <= 8)
  assert.equal(t.adjust(), null, 'needs ten samples')
  for (let i = 0; i < 10; i++) t.recordTaskMetrics({ latency: 1000, queueWait: 0, success: true, retries: 0 })
  const start = t.getConcurrency()
  const next = t.adjust()
  if (start > 1) assert.ok(next < start)
  assert.equal(typeof t.getMetrics().avgLatency, 'number')
  t.stop()
  assert.equal(t.adjust(), null)
})

test('works inside worker threads', async () => {
  const code = `
    const { parentPort } = require('node:worker_threads')
    const { OperationsPool } = require(${JSON.stringify(indexPath)})
    const pool = new OperationsPool({ concurrency: 2 })
    Promise.all([1, 2, 3].map((i) => pool.enqueue(async () => i * 2)))
      .then(async (r) => { await pool.nativePool.runNativeProbe(1, 0, true, 0, 'w'); parentPort.postMessage(r) })`
  const results = await Promise.all([0, 1].map(() => new Promise((resolve, reject) => {
    const w = new Worker(code, { eval: true })
    w.once('message', resolve)
    w.once('error', reject)
  })))
  assert.deepEqual(results, [[2, 4, 6], [2, 4, 6]])
})

test('a process with an idle pool (and listeners) exits on its own', () => {
  const code = `
    const { OperationsPool } = require(${JSON.stringify(indexPath)})
    const pool = new OperationsPool({ concurrency: 'auto', timeout: 60000 })
    pool.on('pool:taskCompleted', () => {})
    pool.on('pool:drained', () => {})
    pool.enqueue(() => 'done').then(() => pool.nativePool.runNativeProbe(1, 0, true, 0, 'x')).then(() => console.log('ok'))`
  const started = Date.now()
  const r = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8', timeout: 20000 })
  assert.equal(r.status, 0, r.stderr)
  assert.equal(r.stdout.trim(), 'ok')
  assert.ok(Date.now() - started < 10000, 'did not wait for the 60 s timeout')
})

test('a JS task queued behind native work still runs before the process exits', () => {
  const code = `
    const { OperationsPool } = require(${JSON.stringify(indexPath)})
    const pool = new OperationsPool({ concurrency: 1, timeout: 0 })
    pool.nativePool.runNativeProbe(30, 0, true, 0, 'n').catch(() => {})
    setImmediate(() => {
      pool.enqueue(() => console.log('ran'))
      pool.drain().then(() => console.log('drained'))
    })`
  for (let i = 0; i < 3; i++) {
    const r = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8', timeout: 20000 })
    assert.equal(r.status, 0, r.stderr)
    assert.deepEqual(r.stdout.trim().split('\n'), ['ran', 'drained'])
  }
})

test('pools and clients with pools are garbage-collected', () => {
  const code = `
    const { OperationsPool, MemoryClient } = require(${JSON.stringify(indexPath)})
    let pools = 0
    let clients = 0
    const registry = new FinalizationRegistry((kind) => { if (kind === 'pool') pools++; else clients++ })
    ;(async () => {
      for (let i = 0; i < 50; i++) {
        const pool = new OperationsPool({ concurrency: 2 })
        pool.on('pool:taskCompleted', () => {})
        await pool.enqueue(async () => i)
        await pool.nativePool.runNativeProbe(0, 0, true, 0, 'x')
        registry.register(pool, 'pool')
        const client = new MemoryClient({ bucket: 'gc-' + i })
        client.on('pool:taskStarted', () => {})
        await client.putObject({ key: 'k', body: 'v' })
        registry.register(client, 'client')
      }
      for (let k = 0; k < 10; k++) { global.gc(); await new Promise((r) => setTimeout(r, 10)) }
      console.log(JSON.stringify({ pools, clients }))
    })()`
  const r = spawnSync(process.execPath, ['--expose-gc', '-e', code], { encoding: 'utf8', timeout: 30000 })
  assert.equal(r.status, 0, r.stderr)
  const { pools, clients } = JSON.parse(r.stdout.trim())
  assert.ok(pools >= 45, `pools collected: ${pools}/50`)
  assert.ok(clients >= 45, `clients collected: ${clients}/50`)
})

test('one million queued tasks: no stack overflow, all settle', async () => {
  const pool = new OperationsPool({ concurrency: 4, timeout: 0 })
  const N = 1_000_000
  let sum = 0
  const jobs = new Array(N)
  for (let i = 0; i < N; i++) jobs[i] = pool.enqueue(() => 1)
  assert.equal(pool.getStats().queueSize, N - 4)
  for (const j of jobs) sum += await j
  assert.equal(sum, N)
  const throwing = []
  for (let i = 0; i < 200_000; i++) throwing.push(pool.enqueue(() => { throw new Error('x') }, { retries: 0 }).catch(() => 1))
  assert.equal((await Promise.all(throwing)).length, 200_000)
})
