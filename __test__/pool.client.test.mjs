// A client's operations pool: configuration forms and precedence, every request through it,
// controls, event forwarding with the original's alias names, no retries of 404s, and batches
// of composite operations that cannot deadlock it.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const { S3Client, MemoryClient, OperationsPool, Database } = require('../index.js')
const { resolvePoolConfig } = require('../lib/pool/config.js')

let bucketCounter = 0
const bucket = () => `pool-client-${process.pid}-${++bucketCounter}`
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

test('config forms and their precedence', () => {
  const noEnv = {}
  assert.equal(resolvePoolConfig({}, {}, noEnv).concurrency, 100, 'default 100')
  assert.equal(resolvePoolConfig({ parallelism: 7 }, {}, noEnv).concurrency, 7)
  assert.equal(resolvePoolConfig({ parallelism: 7, operationsPool: { concurrency: 5 } }, {}, noEnv).concurrency, 5)
  assert.equal(resolvePoolConfig({ executorPool: { concurrency: 6 } }, {}, noEnv).concurrency, 6)
  assert.equal(resolvePoolConfig({ taskExecutor: { concurrency: 4 } }, {}, noEnv).concurrency, 4)
  assert.equal(resolvePoolConfig({ operationsPool: { concurrency: 5 }, clientOptions: { operationsPool: { concurrency: 3 } } }, {}, noEnv).concurrency, 3)
  assert.equal(resolvePoolConfig({ clientOptions: { operationsPool: { concurrency: 3 } } }, { operationsPool: { concurrency: 2 } }, noEnv).concurrency, 2)
  assert.equal(resolvePoolConfig({}, {}, { S3DB_CONCURRENCY: '12' }).concurrency, 12)
  assert.equal(resolvePoolConfig({ operationsPool: false }, {}, noEnv), null)
  assert.equal(resolvePoolConfig({ clientOptions: { operationsPool: { enabled: false } } }, {}, noEnv), null)
  assert.equal(resolvePoolConfig({}, {}, { S3DB_EXECUTOR_ENABLED: 'false' }), null)
  const auto = resolvePoolConfig({ operationsPool: { concurrency: 'auto', autotune: { maxConcurrency: 9 } } }, {}, noEnv)
  assert.equal(auto.concurrency, 'auto')
  assert.equal(auto.autoTuning.maxConcurrency, 9)
  assert.equal(resolvePoolConfig({ operationsPool: { autoTuning: { targetLatency: 50 } } }, {}, noEnv).autoTuning.targetLatency, 50)
  const d = resolvePoolConfig({}, {}, noEnv)
  assert.deepEqual([d.retries, d.retryDelay, d.timeout], [3, 1000, 30000])
  assert.ok(d.retryableErrors.includes('ECONNRESET') && d.retryableErrors.includes('SlowDown'), "s3db.js 19.5.10's client list")
  const tuned = resolvePoolConfig({ taskExecutor: { concurrency: 50, autotune: { enabled: true, minConcurrency: 10 } } }, {}, noEnv)
  assert.equal(tuned.autoTuning.minConcurrency, 50, 'the configured number is the floor of the tuner')
  const runner = { enqueue () {}, concurrency: 3 }
  assert.equal(resolvePoolConfig({ taskExecutor: runner }, {}, noEnv).concurrency, 100, 'an executor object is not a setting')
})

test('memory, file and Database clients get a pool by default; a plain S3Client only when configured; false turns it off', async () => {
  const plain = new S3Client({ connectionString: `memory://${bucket()}/p` })
  assert.equal(plain.taskExecutor, null, 'as s3db.js 19.5.10')
  assert.deepEqual(plain.taskExecutorConfig, { enabled: false })
  assert.equal(plain.getQueueStats(), null)
  assert.equal(plain.getAggregateMetrics(), null)
  await plain.putObject({ key: 'a', body: 'x' })
  assert.equal(await plain.exists('a'), true, 'requests still run (limited to parallelism by the native client)')
  const s3 = new S3Client({ connectionString: `memory://${bucket()}/p`, taskExecutor: { enabled: true, concurrency: 25 } })
  assert.ok(s3.operationsPool instanceof OperationsPool)
  assert.equal(s3.taskExecutor, s3.operationsPool)
  assert.equal(s3.taskExecutorConfig.enabled, true)
  assert.equal(s3.taskExecutorConfig.concurrency, 25)
  assert.equal(s3.operationsPool.concurrency, 25)
  assert.equal(new S3Client({ connectionString: `memory://${bucket()}/p`, taskExecutor: { concurrency: 'auto' } }).taskExecutor.concurrency > 0, true)
  assert.equal(new Database({ connectionString: `memory://${bucket()}/db` }).client.getQueueStats().queueSize, 0)
  const remote = new Database({ connectionString: 'http://key:secret@127.0.0.1:9/bucket' })
  assert.ok(remote.client.taskExecutor instanceof OperationsPool, "a Database's S3 client has a pool (s3db.js passes its executorPool)")
  const mem = new MemoryClient({ bucket: bucket() })
  assert.equal(mem.operationsPool.concurrency, 10)
  const fromQuery = new S3Client({ connectionString: `memory://${bucket()}/p?operationsPool.concurrency=3` })
  assert.equal(fromQuery.operationsPool.concurrency, 3)
  const off = new MemoryClient({ bucket: bucket(), operationsPool: false })
  assert.equal(off.operationsPool, null)
  assert.equal(off.getQueueStats(), null)
  assert.equal(off.getAggregateMetrics(), null)
  await off.putObject({ key: 'a', body: 'x' })
  assert.equal(await off.exists('a'), true)
})

test('every request goes through the pool; 404s are not retried', async () => {
  const client = new MemoryClient({ bucket: bucket() })
  await client.putObject({ key: 'k1', body: 'hello', metadata: { a: '1' } })
  await client.headObject('k1')
  const started = Date.now()
  assert.equal(await client.exists('missing'), false)
  await assert.rejects(client.getObject('missing'))
  assert.ok(Date.now() - started < 500, 'no backoff for a missing key')
  const stats = client.getQueueStats()
  assert.equal(stats.retryCount, 0)
  assert.ok(stats.submittedCount >= 4, `requests counted: ${stats.submittedCount}`)
  assert.ok(client.getAggregateMetrics().count >= 4)
})

test('pool events reach client listeners, with alias names', async () => {
  const client = new MemoryClient({ bucket: bucket() })
  const seen = []
  client.on('pool:taskStarted', (task) => seen.push(['started', task.metadata]))
  client.on('pool:taskCompleted', (task) => seen.push(['completed', task.metadata.operation]))
  client.on('pool:taskError', (task, err) => seen.push(['error', err.name]))
  client.on('pool:taskFailed', (task, err) => seen.push(['failed', err.name]))
  await client.putObject({ key: 'e1', body: 'x' })
  await client.getObject('nope').catch(() => {})
  for (let i = 0; i < 50 && seen.length < 5; i++) await sleep(5)
  assert.deepEqual(seen.find((s) => s[0] === 'started')[1], { operation: 'putObject', key: 'e1' })
  assert.ok(seen.some((s) => s[0] === 'completed' && s[1] === 'putObject'))
  assert.ok(seen.some((s) => s[0] === 'error' && s[1] === 'NoSuchKey'))
  assert.ok(seen.some((s) => s[0] === 'failed' && s[1] === 'NoSuchKey'))
})

test('pausePool holds requests until resumePool; stopPool cancels', async () => {
  const client = new MemoryClient({ bucket: bucket() })
  await client.pausePool()
  let done = false
  const put = client.putObject({ key: 'p1', body: 'x' }).then(() => { done = true })
  await sleep(30)
  assert.equal(done, false)
  client.resumePool()
  await put
  await client.drainPool()
  client.stopPool()
  await assert.rejects(client.putObject({ key: 'p2', body: 'x' }), /cancelled by stop/)
})

for (const concurrency of [1, 2]) {
  test(`batches of composite operations finish at concurrency ${concurrency}`, async () => {
    const client = new MemoryClient({ bucket: bucket(), operationsPool: { concurrency } })
    const started = Date.now()
    // Like insertMany: each item writes and reads back through the same client (and pool).
    const { results, errors } = await client._executeBatch(Array.from({ length: 5 }, (_, i) => async () => {
      await client.putObject({ key: `item-${i}`, body: String(i) })
      const head = await client.headObject(`item-${i}`)
      return head.ContentLength
    }))
    assert.deepEqual(errors, [])
    assert.deepEqual(results, [1, 1, 1, 1, 1])
    assert.ok(Date.now() - started < 2000)
    const op = await client._executeOperation(async () => 'leaf', { metadata: { operation: 'custom' } })
    assert.equal(op, 'leaf')
  })
}

test('database options reach the pool with the documented precedence', () => {
  const cs = () => `memory://${bucket()}/db`
  assert.equal(new Database({ connectionString: cs() }).client.operationsPool.concurrency, 100)
  assert.equal(new Database({ connectionString: cs(), parallelism: 7 }).client.operationsPool.concurrency, 7)
  assert.equal(new Database({ connectionString: cs(), parallelism: 7, operationsPool: { concurrency: 5 } }).client.operationsPool.concurrency, 5)
  assert.equal(new Database({ connectionString: cs(), executorPool: { concurrency: 6 } }).client.operationsPool.concurrency, 6)
  const both = new Database({ connectionString: cs(), operationsPool: { concurrency: 5 }, clientOptions: { operationsPool: { concurrency: 3 } } })
  assert.equal(both.client.operationsPool.concurrency, 3)
  const query = new Database({ connectionString: `${cs()}?operationsPool.concurrency=2`, clientOptions: { operationsPool: { concurrency: 3 } } })
  assert.equal(query.client.operationsPool.concurrency, 2)
  assert.equal(new Database({ connectionString: cs(), operationsPool: false }).client.operationsPool, null)
  const auto = new Database({ connectionString: cs(), operationsPool: { concurrency: 'auto', autotune: { maxConcurrency: 8 } } })
  assert.ok(auto.client.operationsPool.tuner)
  assert.ok(auto.client.operationsPool.concurrency <= 8)
})
