// @ts-check
'use strict'
// The operations pool of one client: created from the client's options (see ./config.js),
// shared with the native client so every S3 request goes through it, its controls
// (getQueueStats, pausePool, ...) and the forwarding of its events to client listeners.

const { OperationsPool } = require('../operations-pool.js')
const { resolvePoolConfig, poolConfigured, executorConfigView, isExecutor, FORWARDED_EVENTS } = require('./config.js')

const ALIAS_TO_EVENT = {}
for (const [event, aliases] of Object.entries(FORWARDED_EVENTS)) {
  ALIAS_TO_EVENT[event] = event
  for (const alias of aliases) ALIAS_TO_EVENT[alias] = event
}

/** Marks options of clients that get a pool without asking (memory and file clients, and the
 * S3 clients a Database makes), as in s3db.js 19.5.10; a plain S3Client has none unless told. */
const POOL_ON_BY_DEFAULT = Symbol('s3db-native.poolOnByDefault')

/**
 * Sets `client.operationsPool` (alias `taskExecutor`) and `client.taskExecutorConfig`. Returns
 * what the native client needs: `{ pool, enabled }`, the native pool handle (null when there is
 * none) and whether requests may run without one (false: the pool is off, requests run at once,
 * once; undefined: no pool configured, the client limits itself to `parallelism` requests).
 */
function attachPool (client, options, query) {
  const onByDefault = options[POOL_ON_BY_DEFAULT] === true
  const configured = poolConfigured(options, query)
  const config = configured || onByDefault ? resolvePoolConfig(options, query) : null
  client.operationsPoolConfig = config
  client.taskExecutorConfig = executorConfigView(config)
  client.operationsPool = config ? new OperationsPool(poolOptions(config)) : null
  client._injectedExecutor = [options.taskExecutor, options.executorPool].find(isExecutor) || null
  client._runnerOptions = {
    concurrency: options.concurrency || 5,
    retries: options.retries ?? 3,
    retryDelay: options.retryDelay ?? 1000,
    timeout: options.timeout ?? 30000,
    retryableErrors: options.retryableErrors || [],
    monitoring: options.taskExecutorMonitoring ? { ...options.taskExecutorMonitoring } : undefined,
  }
  client._poolForwarders = null
  // Forward pool events only once someone listens to them on the client.
  client.on('newListener', (name) => {
    const event = ALIAS_TO_EVENT[name]
    if (event !== undefined && client.operationsPool) forward(client, event)
  })
  if (client.operationsPool) return { pool: client.operationsPool.nativePool, enabled: true }
  return { pool: null, enabled: configured || onByDefault ? false : undefined }
}

/** A memory or file client's TasksRunner: the executor it was given, else one made on first use. */
function taskManagerOf (client) {
  if (client._injectedExecutor === null) {
    const { TasksRunner } = require('../tasks-runner.js')
    client._injectedExecutor = new TasksRunner(client._runnerOptions)
  }
  return client._injectedExecutor
}

function poolOptions (config) {
  const { tuningSection: _shown, ...options } = config
  return options
}

function forward (client, event) {
  client._poolForwarders ||= new Set()
  if (client._poolForwarders.has(event)) return
  client._poolForwarders.add(event)
  const aliases = FORWARDED_EVENTS[event]
  client.operationsPool.on(event, (...args) => {
    client.emit(event, ...args)
    for (const alias of aliases) client.emit(alias, ...args)
  })
}

function batchFallback (fns, options = {}) {
  const results = new Array(fns.length).fill(null)
  const errors = []
  return Promise.all(fns.map((fn, index) => Promise.resolve().then(fn).then((value) => {
    results[index] = value
    options.onItemComplete?.(value, index)
  }).catch((error) => {
    errors.push({ error, index })
    try { options.onItemError?.(error, index) } catch { /* already failed */ }
  }))).then(() => ({ results, errors }))
}

/** Methods every client gets (api §4.10, §5.1). All return null when the pool is off. */
const clientPoolMethods = {
  getQueueStats () { return this.operationsPool ? this.operationsPool.getStats() : null },
  getAggregateMetrics (since = 0) {
    return this.operationsPool ? this.operationsPool.getAggregateMetrics(since) : null
  },
  pausePool () { return this.operationsPool ? this.operationsPool.pause() : null },
  resumePool () { return this.operationsPool ? this.operationsPool.resume() : null },
  drainPool () { return this.operationsPool ? this.operationsPool.drain() : null },
  stopPool () { return this.operationsPool ? this.operationsPool.stop() : null },

  /** One leaf operation through the pool (`bypassPool` or no pool: run it now). */
  /**
   * @param {() => any} fn
   * @param {{ bypassPool?: boolean, priority?: number, retries?: number, timeout?: number, metadata?: object }} [options]
   */
  _executeOperation (fn, { bypassPool = false, priority = 0, retries, timeout, metadata } = {}) {
    if (!this.operationsPool || bypassPool) return Promise.resolve().then(fn)
    return this.operationsPool.enqueue(fn, { priority, retries, timeout, metadata })
  },

  /**
   * A batch of composite operations (insertMany items and the like). They do not take pool
   * slots themselves: their own requests do, so a batch can never deadlock the pool.
   */
  _executeBatch (fns, options = {}) {
    return batchFallback(fns, options)
  },
}

module.exports = { attachPool, clientPoolMethods, taskManagerOf, POOL_ON_BY_DEFAULT }
