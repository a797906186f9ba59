// Retries of the app's own tasks (s3db.js 19.5.10's rule) and of S3 requests (only retryable
// failures), backoff bounds, per-attempt timeouts with a real signal.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const { OperationsPool } = require('../index.js')

function failing (times, make) {
  let calls = 0
  const fn = () => {
    calls++
    if (calls <= times) throw make()
    return calls
  }
  return { fn, calls: () => calls }
}

const withStatus = (status, name = 'Error') => () => Object.assign(new Error(`status ${status}`), { name, statusCode: status })

test('default list retries listed names and leaves others alone', async () => {
  const pool = new OperationsPool({ retryDelay: 1 })
  const net = failing(2, () => Object.assign(new Error('socket'), { name: 'NetworkingError' }))
  assert.equal(await pool.enqueue(net.fn), 3)
  const plain = failing(1, () => new Error('boom'))
  await assert.rejects(pool.enqueue(plain.fn), /boom/)
  assert.equal(plain.calls(), 1)
  assert.equal(pool.getStats().retryCount, 2)
})

test('empty list retries every error of a task the app enqueued, as s3db.js 19.5.10 does', async () => {
  const pool = new OperationsPool({ retryDelay: 1, retries: 2, retryableErrors: [] })
  for (const make of [withStatus(404), withStatus(400), withStatus(500), () => new Error('logic bug'),
    () => Object.assign(new Error('reset'), { code: 'ECONNRESET' })]) {
    const f = failing(2, make)
    assert.equal(await pool.enqueue(f.fn), 3)
  }
  const always = failing(10, () => new Error('again'))
  await assert.rejects(pool.enqueue(always.fn), /again/)
  assert.equal(always.calls(), 3, 'first attempt + 2 retries')
})

test('S3 requests of the pool (native tasks) never retry a non-retryable failure, whatever the list', async () => {
  const pool = new OperationsPool({ retryDelay: 1, retries: 3, retryableErrors: [] })
  await assert.rejects(pool.nativePool.runNativeProbe(0, 5, false, 0, 'gone'))
  assert.equal(pool.getStats().retryCount, 0)
  assert.equal(await pool.nativePool.runNativeProbe(0, 2, true, 0, 'flaky'), 3, 'transient failures are retried')
})

test('list entries match the name, code or constructor name, not the message', async () => {
  class FlakyError extends Error {}
  const cases = [
    ['ByName', () => Object.assign(new Error('a'), { name: 'ByName' })],
    ['ECODE', () => Object.assign(new Error('b'), { code: 'ECODE' })],
    ['FlakyError', () => new FlakyError('c')],
  ]
  for (const [entry, make] of cases) {
    const pool = new OperationsPool({ retryDelay: 1, retries: 1, retryableErrors: [entry] })
    const f = failing(1, make)
    assert.equal(await pool.enqueue(f.fn), 2, entry)
  }
  const pool = new OperationsPool({ retryDelay: 1, retries: 1, retryableErrors: ['try again'] })
  const f = failing(1, () => new Error('please try again later'))
  await assert.rejects(pool.enqueue(f.fn), /try again/)
  assert.equal(f.calls(), 1)
})

test('backoff doubles per attempt within ±10% jitter', async () => {
  const pool = new OperationsPool({ retryDelay: 40, retries: 3, retryableErrors: ['Flaky'] })
  const delays = []
  pool.on('pool:taskRetry', (task) => { delays.splice(0, delays.length, ...task.timings.retryDelays) })
  const f = failing(3, () => Object.assign(new Error('x'), { name: 'Flaky' }))
  const started = Date.now()
  assert.equal(await pool.enqueue(f.fn), 4)
  const expected = [40, 80, 160]
  assert.equal(delays.length, 3)
  delays.forEach((d, i) => {
    assert.ok(d >= Math.max(50, expected[i] * 0.9) - 1e-6 && d <= Math.max(50, expected[i] * 1.1) + 1e-6, `delay ${i}: ${d}`)
  })
  assert.ok(Date.now() - started >= delays.reduce((a, b) => a + b, 0) - 5)
})

test('transient errors back off half as long', async () => {
  const pool = new OperationsPool({ retryDelay: 400, retries: 1, retryStrategy: { jitter: false } })
  let delay
  pool.on('pool:taskRetry', (task) => { delay = task.timings.retryDelays[0] })
  const f = failing(1, () => Object.assign(new Error('t'), { name: 'TimeoutError' }))
  await pool.enqueue(f.fn)
  assert.equal(delay, 200)
})

test('timeout rejects with TimeoutError and aborts the signal', async () => {
  const pool = new OperationsPool({ retries: 0 })
  let signal
  const err = await pool.enqueue((ctx) => { signal = ctx.signal; return new Promise(() => {}) }, { timeout: 40 }).catch((e) => e)
  assert.equal(err.name, 'TimeoutError')
  assert.equal(err.code, 'EOPERATIONS_TIMEOUT')
  assert.match(err.message, /^Task \S+ timed out after 40ms$/)
  assert.equal(signal.aborted, true)
  assert.equal(signal.reason, err)
})

test('a timed-out attempt is retried with a fresh signal; late results are ignored', async () => {
  const pool = new OperationsPool({ retries: 1, retryDelay: 1 })
  const signals = []
  const value = await pool.enqueue((ctx) => {
    signals.push(ctx.signal)
    if (ctx.attempt === 1) return new Promise((resolve) => setTimeout(() => resolve('late'), 120))
    return 'second'
  }, { timeout: 30 })
  assert.equal(value, 'second')
  assert.equal(signals.length, 2)
  assert.equal(signals[0].aborted, true)
  assert.equal(signals[1].aborted, false)
  await new Promise((resolve) => setTimeout(resolve, 150))
  assert.equal(pool.getStats().processedCount, 1)
})

test('never-settling tasks do not hold slots past their timeout', async () => {
  const pool = new OperationsPool({ concurrency: 1, retries: 0, timeout: 20 })
  const stuck = pool.enqueue(() => new Promise(() => {})).catch((e) => e.name)
  const next = pool.enqueue(() => 'ran')
  assert.equal(await stuck, 'TimeoutError')
  assert.equal(await next, 'ran')
})

test('timeout 0 disables it', async () => {
  const pool = new OperationsPool({ timeout: 0 })
  assert.equal(await pool.enqueue(() => new Promise((r) => setTimeout(() => r('slow'), 30))), 'slow')
})
