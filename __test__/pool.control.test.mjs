// pause/resume/stop/drain, live concurrency, batches, and nested use that must not deadlock.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const { OperationsPool } = require('../index.js')

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

function tracker () {
  let now = 0
  let peak = 0
  return {
    task: (ms, value) => async () => {
      now++
      peak = Math.max(peak, now)
      await sleep(ms)
      now--
      return value
    },
    peak: () => peak,
    reset: () => { peak = now },
  }
}

test('concurrency limit holds and setConcurrency applies at once', async () => {
  const pool = new OperationsPool({ concurrency: 2 })
  const t = tracker()
  const jobs = Array.from({ length: 20 }, (_, i) => pool.enqueue(t.task(15, i)))
  await sleep(5)
  assert.equal(pool.getStats().activeCount, 2)
  pool.setConcurrency(6)
  assert.equal(pool.getStats().activeCount, 6)
  assert.equal(pool.concurrency, 6)
  assert.deepEqual(await Promise.all(jobs), Array.from({ length: 20 }, (_, i) => i))
  assert.equal(t.peak(), 6)
})

test('pause waits for running tasks and holds the queue until resume', async () => {
  const pool = new OperationsPool({ concurrency: 2 })
  const done = []
  const jobs = [1, 2, 3, 4].map((i) => pool.enqueue(async () => { await sleep(20); done.push(i) }))
  await sleep(2)
  await pool.pause()
  assert.deepEqual(done.sort(), [1, 2])
  assert.equal(pool.getStats().paused, true)
  await sleep(40)
  assert.equal(done.length, 2)
  assert.equal(pool.getStats().queueSize, 2)
  pool.resume()
  await Promise.all(jobs)
  assert.equal(done.length, 4)
})

test('drain resolves once queue and running set are empty', async () => {
  const pool = new OperationsPool({ concurrency: 3 })
  let finished = 0
  for (let i = 0; i < 10; i++) pool.enqueue(async () => { await sleep(5); finished++ })
  await pool.drain()
  assert.equal(finished, 10)
  await pool.drain() // idle: resolves at once
})

test('stop rejects queued tasks, lets running ones finish (signal aborted) and ends backoffs', async () => {
  const pool = new OperationsPool({ concurrency: 2, retryDelay: 10000, retryableErrors: [] })
  let runningSignal
  const running = pool.enqueue((ctx) => {
    runningSignal = ctx.signal
    return new Promise((resolve) => ctx.signal.addEventListener('abort', () => setTimeout(() => resolve('finished'), 20)))
  })
  const backingOff = pool.enqueue(() => { throw Object.assign(new Error('x'), { code: 'ECONNRESET' }) })
  const queued = [pool.enqueue(() => 1), pool.enqueue(() => 2)]
  await sleep(10)
  const started = Date.now()
  pool.stop()
  const [r, b, ...q] = await Promise.allSettled([running, backingOff, ...queued])
  assert.ok(Date.now() - started < 1000, 'stop does not wait for backoffs')
  assert.deepEqual(r, { status: 'fulfilled', value: 'finished' }, 'a running task is not rejected by stop()')
  assert.equal(b.status, 'rejected')
  assert.equal(b.reason.name, 'AbortError')
  assert.equal(b.reason.code, 'ABORT_ERR')
  assert.equal(b.reason.cause.message, 'Task cancelled by stop()')
  for (const o of q) {
    assert.equal(o.status, 'rejected')
    assert.equal(o.reason.message, 'Task cancelled by stop()')
  }
  assert.equal(runningSignal.aborted, true)
  assert.equal(runningSignal.reason.message, 'Task cancelled by stop()')
  await assert.rejects(pool.enqueue(() => 3), /cancelled by stop/)
  const s = pool.getStats()
  assert.equal(s.stopped, true)
  assert.equal(s.activeCount + s.queueSize, 0)
  assert.equal(s.processedCount, 1)
  await pool.drain()
  pool.stop() // a second stop is harmless
})

test('an S3 request (native task) in flight at stop() completes; queued ones are cancelled', async () => {
  const pool = new OperationsPool({ concurrency: 1 })
  const inFlight = pool.nativePool.runNativeProbe(40, 0, true, 0, 'in-flight')
  const queued = pool.nativePool.runNativeProbe(1, 0, true, 0, 'queued').then(() => 'ran', (err) => err.message)
  await sleep(10)
  pool.stop()
  assert.equal(await inFlight, 1, 'one attempt, completed')
  assert.match(await queued, /cancel/i)
  await pool.drain()
})

test('drain after stop waits for running tasks; their failures are final', async () => {
  const pool = new OperationsPool({ concurrency: 2, retryDelay: 1, retryableErrors: [] })
  let attempts = 0
  const failing = pool.enqueue(async () => {
    attempts++
    await sleep(20)
    throw new Error('late failure')
  }).catch((err) => err)
  const slow = pool.enqueue(async () => { await sleep(30); return 'slow' })
  await sleep(5)
  pool.stop()
  await pool.drain()
  assert.equal(await slow, 'slow')
  assert.equal((await failing).message, 'late failure')
  assert.equal(attempts, 1, 'no retry on a stopped pool')
})

test('stop during many retries settles every promise', async () => {
  const pool = new OperationsPool({ concurrency: 5, retries: 50, retryDelay: 1, retryableErrors: [] })
  const jobs = Array.from({ length: 30 }, () => pool.enqueue(() => { throw Object.assign(new Error('503'), { statusCode: 503 }) }))
  await sleep(30)
  pool.stop()
  const outcomes = await Promise.allSettled(jobs)
  assert.equal(outcomes.filter((o) => o.status === 'rejected').length, 30)
})

test('addBatch keeps input order, never rejects, and tags metadata', async () => {
  const pool = new OperationsPool({ concurrency: 2, retries: 0 })
  const completed = []
  const failed = []
  const metas = []
  pool.on('pool:taskStarted', (t) => metas.push(t.metadata))
  const { results, errors, batchId } = await pool.addBatch([
    async () => { await sleep(10); return 'a' },
    () => { throw new Error('b failed') },
    () => 'c',
    'not a function',
    () => 'e',
  ], {
    metadata: { op: 'test' },
    onItemComplete: (value, i) => { completed.push([value, i]); if (value === 'e') throw new Error('callback bug') },
    onItemError: (err, i) => failed.push(i),
  })
  assert.deepEqual(results, ['a', null, 'c', null, null])
  assert.deepEqual(errors.map((e) => e.index).sort(), [1, 3, 4])
  assert.match(errors.find((e) => e.index === 4).error.message, /callback bug/)
  assert.ok(errors.find((e) => e.index === 3).error instanceof TypeError)
  assert.deepEqual(failed.sort(), [1, 3, 4])
  assert.equal(typeof batchId, 'string')
  assert.ok(metas.every((m) => m.batchId === batchId && m.op === 'test' && Number.isInteger(m.index)))
  const empty = await pool.addBatch([])
  assert.deepEqual([empty.results, empty.errors], [[], []])
})

for (const concurrency of [1, 2]) {
  test(`nested use does not deadlock at concurrency ${concurrency}`, async () => {
    const pool = new OperationsPool({ concurrency, timeout: 2000, retries: 0 })
    const leaf = (v) => pool.enqueue(async () => { await sleep(1); return v })
    const started = Date.now()
    // Composite tasks like insertMany items: each awaits its own leaf requests in the same pool.
    const { results, errors } = await pool.addBatch(Array.from({ length: 5 }, (_, i) => async () => {
      const [a, b] = await Promise.all([leaf(i), leaf(10 * i)])
      return a + b
    }))
    assert.deepEqual(errors, [])
    assert.deepEqual(results, [0, 11, 22, 33, 44])
    // Children enqueued after an await, through the context.
    const late = await Promise.all(Array.from({ length: 4 }, (_, i) => pool.enqueue(async (ctx) => {
      await sleep(1)
      return ctx.enqueue(async () => i * 2)
    })))
    assert.deepEqual(late, [0, 2, 4, 6])
    assert.ok(Date.now() - started < 1500, 'finished well before any timeout')
    assert.ok(pool.getStats().activeCount === 0)
  })
}

test('map pulls lazily from sync and async sources', async () => {
  const pool = new OperationsPool({ concurrency: 4 })
  let pulled = 0
  let maxAhead = 0
  let settled = 0
  function * source () {
    for (let i = 0; i < 50; i++) {
      pulled++
      maxAhead = Math.max(maxAhead, pulled - settled)
      yield i
    }
  }
  const out = await pool.map(source(), async (x) => { await sleep(1); settled++; return x * 2 })
  assert.equal(out.results.length, 50)
  assert.deepEqual(out.results.slice(0, 3), [0, 2, 4])
  assert.ok(maxAhead <= 5, `kept at most concurrency items in flight (${maxAhead})`)

  async function * asyncSource () { for (let i = 0; i < 20; i++) { await sleep(0); yield i } }
  const out2 = await pool.map(asyncSource(), (x) => { if (x === 3) throw new Error('three'); return x }, { retries: 0 })
  assert.equal(out2.results.length, 20)
  assert.equal(out2.errors.length, 1)
  assert.equal(out2.errors[0].index, 3)
  assert.equal(out2.errors[0].item, 3)
})

test('static map and process shapes', async () => {
  const { results, errors } = await OperationsPool.map([1, 2, 3], async (x, i) => x + i, { concurrency: 2 })
  assert.deepEqual(results, [1, 3, 5])
  assert.deepEqual(errors, [])
  const pool = new OperationsPool()
  const seen = []
  const r = await pool.process(['a', 'b'], (item, i, p) => { assert.equal(p, pool); return item + i }, { onSuccess: (item, value) => seen.push(value) })
  assert.deepEqual(r.results, ['a0', 'b1'])
  assert.deepEqual(seen.sort(), ['a0', 'b1'])
})
