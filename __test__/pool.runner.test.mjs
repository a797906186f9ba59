// TasksRunner (s3db.js 19.5.10's runner): limits, priorities and profiles, retries and their
// backoff, timeouts, batch helpers, stop/drain/reset, signatures, monitoring, tuners, and the
// runner a memory client keeps as `taskManager`.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const { TasksRunner, MemoryClient, FileSystemClient } = require('../index.js')

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

test('defaults, symbols and string ids', async () => {
  const runner = new TasksRunner()
  assert.deepEqual([runner.concurrency, runner.retries, runner.retryDelay, runner.timeout], [5, 3, 1000, 30000])
  assert.deepEqual(runner.retryableErrors, [])
  assert.equal(runner.features.profile, 'balanced')
  assert.equal(TasksRunner.notRun.toString(), 'Symbol(notRun)')
  assert.equal(TasksRunner.failed.toString(), 'Symbol(failed)')
  let id
  runner.once('taskStart', (task) => { id = task.id })
  assert.equal(await runner.enqueue(() => 42), 42)
  assert.equal(typeof id, 'string')
  assert.ok(id.length > 12)
  runner.destroy()
})

test('never more than `concurrency` running; higher priority first, FIFO between equals', async () => {
  const runner = new TasksRunner({ concurrency: 1 })
  let running = 0
  let peak = 0
  const order = []
  const job = (name) => async () => {
    running++
    peak = Math.max(peak, running)
    order.push(name)
    await sleep(2)
    running--
  }
  await Promise.all([runner.enqueue(job('a')), runner.enqueue(job('b')), runner.enqueue(job('c'), { priority: 9 }), runner.enqueue(job('d'))])
  assert.equal(peak, 1)
  assert.deepEqual(order, ['a', 'c', 'b', 'd'])
})

test("the 'light' profile (chosen by default without retries) ignores priorities", async () => {
  const runner = new TasksRunner({ concurrency: 1, retries: 0 })
  assert.equal(runner.features.profile, 'light')
  assert.equal(runner.processedItems, null)
  const order = []
  await Promise.all([0, 5, 10].map((p) => runner.enqueue(async () => order.push(p), { priority: p })))
  assert.deepEqual(order, [0, 5, 10])
})

test('every error is retried with exponential backoff unless retryableErrors names it', async () => {
  const runner = new TasksRunner({ retries: 2, retryDelay: 10 })
  const times = []
  const retries = []
  runner.on('taskRetry', (task, attempt) => retries.push(attempt))
  const err = await runner.enqueue(() => { times.push(Date.now()); throw new Error(`attempt ${times.length}`) }).catch((e) => e)
  assert.equal(err.message, 'attempt 3', 'the last error')
  assert.deepEqual(retries, [1, 2])
  assert.ok(times[1] - times[0] >= 9 && times[2] - times[1] >= 18, 'backoff doubles')
  assert.equal(runner.getStats().retryCount, 2)

  const selective = new TasksRunner({ retries: 3, retryDelay: 1, retryableErrors: ['NetworkError'] })
  let calls = 0
  await assert.rejects(selective.enqueue(() => { calls++; throw Object.assign(new Error('no'), { name: 'ValidationError' }) }))
  assert.equal(calls, 1)
  calls = 0
  await assert.rejects(selective.enqueue(() => { calls++; throw Object.assign(new Error('net'), { code: 'NetworkError' }) }))
  assert.equal(calls, 4)
})

test('per-attempt timeout', async () => {
  const runner = new TasksRunner({ retries: 0, timeout: 30 })
  await assert.rejects(runner.enqueue(() => sleep(200)), /timed out after 30ms/)
  assert.equal(await runner.enqueue(async () => { await sleep(5); return 'fast' }), 'fast')
})

test('process, processIterable and processCorresponding', async () => {
  const runner = new TasksRunner({ concurrency: 2, retries: 0 })
  const progress = []
  const { results, errors } = await runner.process([1, 2, 3, 4], async (n, index, r) => {
    assert.equal(r, runner)
    if (n === 3) throw new Error('three')
    return n * index
  }, { onProgress: (item, stats) => progress.push(stats.percentage) })
  assert.deepEqual(results.sort((a, b) => a - b), [0, 2, 12])
  assert.equal(errors.length, 1)
  assert.deepEqual([errors[0].item, errors[0].index, errors[0].error.message], [3, 2, 'three'])
  assert.equal(progress.at(-1), '100.00')

  async function * source () { for (let i = 1; i <= 5; i++) { await sleep(1); yield i } }
  let peak = 0
  const out = await runner.processIterable(source(), async (n) => {
    peak = Math.max(peak, runner.getStats().activeCount)
    await sleep(3)
    return n
  })
  assert.deepEqual(out.results.sort((a, b) => a - b), [1, 2, 3, 4, 5])
  assert.ok(peak <= 2)

  const ordered = await runner.processCorresponding([1, 2, 3], async (n) => {
    await sleep(4 - n)
    if (n === 2) throw new Error('two')
    return n * 10
  })
  assert.deepEqual(ordered, [10, TasksRunner.failed, 30])
})

test('stop cancels queued tasks only; drain and reset', async () => {
  const runner = new TasksRunner({ concurrency: 1, retries: 0 })
  const running = runner.enqueue(async () => { await sleep(20); return 'ran' })
  const queued = runner.enqueue(() => 'never')
  await sleep(2)
  runner.stop()
  await assert.rejects(queued, /cancelled by stop\(\)/)
  assert.equal(await running, 'ran')
  await runner.drain()
  const items = await runner.processCorresponding([1, 2], (n) => n)
  assert.deepEqual(items, [TasksRunner.notRun, TasksRunner.notRun], 'a stopped runner runs nothing')
  runner.reset()
  assert.equal(runner.stopped, false)
  assert.deepEqual(runner.queue, [])
  assert.equal(await runner.enqueue(() => 'again'), 'again')
  assert.throws(() => runner.setConcurrency(0), /Concurrency must be >= 1/)
})

test('signatures, insights, metrics and exporter', async () => {
  const snapshots = []
  const runner = new TasksRunner({ concurrency: 2, monitoring: { enabled: true, collectMetrics: true, reportInterval: 0, maxSamples: 3, exporter: (s) => snapshots.push(s) } })
  const signatures = []
  runner.on('taskStart', (task) => signatures.push(task.signature))
  async function upload () { return 'ok' }
  await runner.enqueue(upload, { metadata: { item: [1, 2, 3] } })
  await runner.enqueue(upload, { signature: 'custom' })
  await runner.process([1, 2, 3, 4], async (n) => n)
  assert.deepEqual(signatures.slice(0, 2), ['upload:3:p0', 'custom'])
  assert.ok(runner.getSignatureInsights(10).some((s) => s.signature === 'upload:3:p0' && s.count === 1))
  assert.ok(runner.taskMetrics.size <= 3)
  assert.equal(runner.getAggregateMetrics().count, runner.taskMetrics.size)
  assert.ok(snapshots.length > 0 && snapshots.every((s) => s.stage === 'task'))
  assert.equal(new TasksRunner().getAggregateMetrics(), null, 'no metrics unless monitoring collects them')
})

test('an injected tuner sets the concurrency and is stopped on destroy', async () => {
  let stopped = false
  const tuner = { value: 1, getConcurrency () { return this.value }, recordTaskMetrics () { this.value = 3 }, stop () { stopped = true } }
  const runner = new TasksRunner({ concurrency: 7, autoTuning: { enabled: true, instance: tuner } })
  assert.equal(runner.tuner, tuner)
  assert.equal(runner.concurrency, 1)
  await runner.process([1, 2, 3], async (n) => n)
  assert.equal(runner.concurrency, 3)
  runner.destroy()
  assert.equal(stopped, true)
})

test('memory and file clients keep a TasksRunner as taskManager (the one given as taskExecutor)', () => {
  const own = new TasksRunner({ concurrency: 3 })
  assert.equal(new MemoryClient({ bucket: `runner-${process.pid}`, taskExecutor: own }).taskManager, own)
  const made = new MemoryClient({ bucket: `runner-${process.pid}`, concurrency: 4 }).taskManager
  assert.ok(made instanceof TasksRunner)
  assert.equal(made.getConcurrency(), 4)
  assert.ok(new FileSystemClient({ basePath: './never-written' }).taskManager instanceof TasksRunner)
})
