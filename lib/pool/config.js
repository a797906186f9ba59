'use strict'
// Where a client's pool settings come from (api §4.10, §11 decision 5), merged into the options
// of one OperationsPool, or null when the pool is turned off.
//
// Precedence, strongest first:
//   1. connection-string query        ?operationsPool.concurrency=N (also executorPool./taskExecutor.)
//   2. clientOptions                  { clientOptions: { operationsPool: {...} } }
//   3. root pool options              { operationsPool | operationPool | executorPool | taskExecutor: {...} }
//   4. root parallelism               { parallelism: N } (concurrency only)
//   5. defaults                       concurrency 100, retries 3, retryDelay 1000, timeout 30000,
//                                     retryableErrors [] (= every transient error; never a 4xx)
// Any source saying `false` or `{ enabled: false }` turns the pool off: requests then run at once,
// once. Environment: S3DB_EXECUTOR_ENABLED=false|0 turns it off, S3DB_CONCURRENCY=N sets the
// default concurrency (below every explicit setting).
// `autotune` and `autoTuning` are the same thing; `concurrency: 'auto'` attaches the tuner.

const DEFAULT_CLIENT_CONCURRENCY = 100
const ALIASES = ['operationsPool', 'operationPool', 'executorPool', 'taskExecutor']

function pick (source) {
  if (source === null || typeof source !== 'object') return undefined
  for (const name of ALIASES) if (source[name] !== undefined) return source[name]
  return undefined
}

function isOff (value) {
  return value === false || (value !== null && typeof value === 'object' && value.enabled === false)
}

function numberOr (value, fallback) {
  const n = typeof value === 'string' ? Number(value) : value
  return typeof n === 'number' && Number.isFinite(n) && n >= 1 ? Math.floor(n) : fallback
}

/**
 * @param {object} options  client (or database) options: parallelism, the pool aliases, clientOptions
 * @param {object} [query]  options parsed from the connection string (ConnectionString#clientOptions)
 * @returns {object|null}   OperationsPool options, or null when the pool is off
 */
function resolvePoolConfig (options = {}, query = {}, env = process.env) {
  const o = options || {}
  const layers = [pick(query), pick(o.clientOptions), pick(o)]
  if (env.S3DB_EXECUTOR_ENABLED === 'false' || env.S3DB_EXECUTOR_ENABLED === '0') return null
  if (layers.some(isOff)) return null
  const merged = {}
  for (let i = layers.length - 1; i >= 0; i--) {
    const layer = layers[i]
    if (layer !== null && typeof layer === 'object') Object.assign(merged, layer)
  }
  const base = numberOr(env.S3DB_CONCURRENCY, DEFAULT_CLIENT_CONCURRENCY)
  const parallelism = numberOr(query?.parallelism ?? o.parallelism, base)
  const autoTuning = merged.autoTuning ?? merged.autotune ?? null
  const concurrency = merged.concurrency === 'auto' ? 'auto' : numberOr(merged.concurrency, parallelism)
  return {
    concurrency,
    retries: merged.retries ?? 3,
    retryDelay: merged.retryDelay ?? 1000,
    timeout: merged.timeout ?? 30000,
    retryableErrors: Array.isArray(merged.retryableErrors) ? merged.retryableErrors : [],
    retryStrategy: merged.retryStrategy,
    queue: merged.queue,
    monitoring: { collectMetrics: true, ...(merged.monitoring || {}) },
    autoTuning: autoTuning && typeof autoTuning === 'object' ? { enabled: true, ...autoTuning } : null,
  }
}

/** Pool event names the client forwards, with the original's alias names. */
const FORWARDED_EVENTS = {
  'pool:taskStarted': [],
  'pool:taskCompleted': [],
  'pool:taskError': ['pool:taskFailed'],
  'pool:taskRetry': ['pool:taskRetried'],
  'pool:taskMetrics': [],
  'pool:drained': [],
  'pool:paused': [],
  'pool:resumed': [],
  'pool:stopped': [],
}

module.exports = { resolvePoolConfig, FORWARDED_EVENTS, DEFAULT_CLIENT_CONCURRENCY }
