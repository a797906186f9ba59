// @ts-check
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
//                                     retryableErrors: s3db.js 19.5.10's client list (network
//                                     codes, SlowDown, ServiceUnavailable, ...), for JS tasks; the
//                                     client's own S3 requests retry only retryable failures, and
//                                     of those only the ones an app-given list names
// Any source saying `false` or `{ enabled: false }` turns the pool off: requests then run at once,
// once. Environment: S3DB_EXECUTOR_ENABLED=false|0 turns it off, S3DB_CONCURRENCY=N sets the
// default concurrency (below every explicit setting). An executor object (anything with
// `enqueue`, e.g. a TasksRunner) given under one of these names is not a setting: the client keeps
// it as `taskManager` (see ./client-pool.js).
// `autotune` and `autoTuning` are the same thing; `concurrency: 'auto'` attaches the tuner, and so
// does a tuning section with a number (which is then the tuner's minimum, as in s3db.js).

const DEFAULT_CLIENT_CONCURRENCY = 100
const ALIASES = ['operationsPool', 'operationPool', 'executorPool', 'taskExecutor']

/** s3db.js 19.5.10's default `retryableErrors` of a client's pool. */
const CLIENT_RETRYABLE_ERRORS = Object.freeze([
  'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'ECONNREFUSED', 'SlowDown',
  'ServiceUnavailable', 'InternalError', 'RequestTimeout', 'ThrottlingException',
  'ProvisionedThroughputExceededException',
])

function isExecutor (value) {
  return value !== null && typeof value === 'object' && typeof value.enqueue === 'function'
}

function pick (source) {
  if (source === null || typeof source !== 'object') return undefined
  for (const name of ALIASES) if (source[name] !== undefined && !isExecutor(source[name])) return source[name]
  return undefined
}

/** Does any source configure the pool (on or off)? */
function poolConfigured (options = {}, query = {}) {
  const o = options || {}
  return [pick(query), pick(o.clientOptions), pick(o)].some((layer) => layer !== undefined && layer !== null)
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
  const tuning = merged.autoTuning ?? merged.autotune ?? null
  const concurrency = merged.concurrency === 'auto' ? 'auto' : numberOr(merged.concurrency, parallelism)
  let autoTuning = tuning && typeof tuning === 'object' && tuning.enabled !== false ? { enabled: true, ...tuning } : null
  if (concurrency === 'auto') autoTuning = { ...(autoTuning || {}), enabled: true }
  else if (autoTuning) autoTuning.minConcurrency = concurrency // s3db.js: the number is the floor
  return {
    concurrency,
    retries: merged.retries ?? 3,
    retryDelay: merged.retryDelay ?? 1000,
    timeout: merged.timeout ?? 30000,
    retryableErrors: Array.isArray(merged.retryableErrors) ? merged.retryableErrors : CLIENT_RETRYABLE_ERRORS.slice(),
    /** The list the client's S3 requests honour: only one the app gave. */
    nativeRetryableErrors: Array.isArray(merged.retryableErrors) ? merged.retryableErrors : [],
    retryStrategy: merged.retryStrategy,
    queue: merged.queue,
    monitoring: { collectMetrics: true, ...(merged.monitoring || {}) },
    autoTuning,
    /** The tuning section as given (shown as `taskExecutorConfig.autotune`). */
    tuningSection: tuning && typeof tuning === 'object' ? tuning : null,
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

/** `client.taskExecutorConfig` as s3db.js 19.5.10 shows it. */
function executorConfigView (config) {
  if (config === null) return { enabled: false }
  return {
    enabled: true,
    concurrency: config.concurrency,
    retries: config.retries,
    retryDelay: config.retryDelay,
    timeout: config.timeout,
    retryableErrors: config.retryableErrors,
    autotune: config.tuningSection,
    monitoring: config.monitoring,
  }
}

module.exports = {
  resolvePoolConfig,
  poolConfigured,
  executorConfigView,
  isExecutor,
  FORWARDED_EVENTS,
  DEFAULT_CLIENT_CONCURRENCY,
  CLIENT_RETRYABLE_ERRORS
}
