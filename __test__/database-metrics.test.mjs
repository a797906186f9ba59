// Database memory metrics: `db:resource:metrics` and `db:plugin:metrics`, as s3db.js 19.x emits them.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import s3db from '../index.js'
import { backends } from './helpers/backends.mjs'

const { Database, Plugin } = s3db
const memory = backends.find((b) => b.name === 'memory')

const MEMORY_FIELDS = ['timestamp', 'rssMB', 'heapUsedMB', 'heapTotalMB', 'externalMB', 'arrayBuffersMB']

function assertMemorySnapshot (payload) {
  assert.equal(typeof payload.timestamp, 'string')
  assert.equal(new Date(payload.timestamp).toISOString(), payload.timestamp, 'an ISO timestamp')
  for (const field of MEMORY_FIELDS.slice(1)) {
    assert.ok(Number.isInteger(payload[field]) && payload[field] >= 0, `${field} is whole megabytes: ${payload[field]}`)
  }
  assert.ok(payload.rssMB > 0)
  assert.ok(payload.heapTotalMB >= payload.heapUsedMB)
}

/** Counts process.memoryUsage() calls while `work` runs. */
async function memoryUsageCalls (work) {
  const original = process.memoryUsage
  let calls = 0
  process.memoryUsage = function (...args) {
    calls++
    return original.apply(this, args)
  }
  try {
    await work()
  } finally {
    process.memoryUsage = original
  }
  return calls
}

describe('database metrics events', () => {
  it('emits db:resource:metrics right after db:resource-created, for new resources only', async () => {
    const db = new Database({ connectionString: await memory.connectionString() })
    const events = []
    const payloads = []
    db.on('db:resource-created', (name) => events.push(`created:${name}`))
    db.on('db:resource-updated', (name) => events.push(`updated:${name}`))
    db.on('db:resource:metrics', (payload) => {
      events.push(`metrics:${payload.resource}`)
      payloads.push(payload)
    })
    await db.connect()
    await db.createResource({ name: 'users', attributes: { name: 'string' } })
    await db.createResource({ name: 'orders', attributes: { total: 'number' } })
    await db.createResource({ name: 'users', attributes: { name: 'string', age: 'number|optional' } })
    assert.deepEqual(events, ['created:users', 'metrics:users', 'created:orders', 'metrics:orders', 'updated:users'])
    assert.deepEqual(Object.keys(payloads[0]), ['resource', ...MEMORY_FIELDS])
    for (const payload of payloads) assertMemorySnapshot(payload)
    await db.disconnect()
  })

  it('emits db:plugin:metrics after each install, then after each start', async () => {
    const calls = []
    class AuditPlugin extends Plugin {
      async onInstall () { calls.push(`install:${this.instanceName}`) }
      async onStart () { calls.push(`start:${this.instanceName}`) }
    }
    const db = new Database({ connectionString: await memory.connectionString(), plugins: [AuditPlugin] })
    await db.usePlugin(new AuditPlugin(), 'second')
    const payloads = []
    db.on('db:plugin:metrics', (payload) => {
      calls.push(`metrics:${payload.stage}:${payload.plugin}`)
      payloads.push(payload)
    })
    await db.connect()
    assert.deepEqual(calls, [
      'install:audit', 'metrics:install:audit', 'install:second', 'metrics:install:second',
      'start:audit', 'metrics:start:audit', 'start:second', 'metrics:start:second'
    ])
    assert.deepEqual(Object.keys(payloads[0]), ['stage', 'plugin', ...MEMORY_FIELDS])
    for (const payload of payloads) assertMemorySnapshot(payload)

    // As in s3db.js, a plugin added once connected is installed and started without metrics.
    await db.usePlugin(new AuditPlugin(), 'third')
    assert.deepEqual(calls.slice(-2), ['install:third', 'start:third'])
    assert.equal(payloads.length, 4)
    await db.disconnect()
  })

  it('reads process memory only when someone listens', async () => {
    class QuietPlugin extends Plugin {}
    const connectionString = await memory.connectionString()
    const db = new Database({ connectionString, plugins: [QuietPlugin] })
    const unheard = await memoryUsageCalls(async () => {
      await db.connect()
      await db.createResource({ name: 'users', attributes: { name: 'string' } })
    })
    assert.equal(unheard, 0)
    await db.disconnect()

    const watched = new Database({ connectionString, plugins: [QuietPlugin] })
    watched.on('db:resource:metrics', () => {})
    watched.on('db:plugin:metrics', () => {})
    const heard = await memoryUsageCalls(async () => {
      await watched.connect()
      await watched.createResource({ name: 'orders', attributes: { total: 'number' } })
    })
    assert.equal(heard, 3, 'plugin install, plugin start, resource created')
    await watched.disconnect()
  })
})
