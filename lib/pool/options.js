'use strict'
// Pool options (api §4.1) validated once, and the rules that say whether an error is worth
// another attempt (api §4.5, §11 decision 4).

const DEFAULT_RETRYABLE_ERRORS = Object.freeze([
  'NetworkingError',
  'TimeoutError',
  'RequestTimeout',
  'ServiceUnavailable',
  'SlowDown',
  'RequestLimitExceeded',
])

const DEFAULT_RETRY_STRATEGY = Object.freeze({
  jitter: true,
  minDelay: 50,
  maxDelay: 30000,
  clampDelay: 250,
  pressureClampThreshold: 4,
  pressureSkipThreshold: 10,
  latencyTarget: 2000,
})

const DEFAULT_QUEUE = Object.freeze({ agingMs: 250, maxAgingBoost: 3, latencyTarget: 500 })

const DEFAULT_MONITORING = Object.freeze({
  enabled: true,
  collectMetrics: true,
  sampleRate: 1,
  mode: 'balanced',
  sampleInterval: 100,
  rollingWindowMs: 1000,
})

/** Concurrency as a positive integer, or 'auto'. Throws on anything else. */
function parseConcurrency (value, fallback) {
  if (value === undefined || value === null) return fallback
  if (value === 'auto') return 'auto'
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
  if (typeof n !== 'number' || Number.isNaN(n)) {
    throw new TypeError(`concurrency must be a number >= 1 or 'auto', got ${describe(value)}`)
  }
  if (n < 1) throw new RangeError('Concurrency must be >= 1')
  return n === Infinity ? 2 ** 31 - 1 : Math.floor(n)
}

function describe (value) {
  if (typeof value === 'string') return JSON.stringify(value)
  if (typeof value === 'number') return String(value)
  return typeof value
}

function nonNegative (value, fallback, name) {
  if (value === undefined || value === null) return fallback
  const n = Number(value)
  if (!Number.isFinite(n) && n !== Infinity) throw new TypeError(`${name} must be a number, got ${describe(value)}`)
  if (n < 0) throw new RangeError(`${name} must be >= 0`)
  return n
}

/** Per-attempt timeout in ms; 0, Infinity, null or false disable it. */
function parseTimeout (value, fallback) {
  if (value === undefined) return fallback
  if (value === null || value === false || value === Infinity) return 0
  return nonNegative(value, fallback, 'timeout')
}

function normalizeOptions (options = {}) {
  if (options === null || typeof options !== 'object') throw new TypeError('OperationsPool options must be an object')
  const autoTuning = options.autoTuning ?? options.autotune ?? null
  const retryStrategy = { ...DEFAULT_RETRY_STRATEGY, ...(options.retryStrategy || {}) }
  const queue = { ...DEFAULT_QUEUE, ...(options.queue || {}) }
  const monitoring = { ...DEFAULT_MONITORING, ...(options.monitoring || {}) }
  let concurrency = parseConcurrency(options.concurrency, 10)
  if (autoTuning && autoTuning.enabled && options.concurrency === undefined) concurrency = 'auto'
  const retryableErrors = Array.isArray(options.retryableErrors)
    ? options.retryableErrors.map(String)
    : DEFAULT_RETRYABLE_ERRORS.slice()
  return {
    concurrency,
    retries: Math.floor(nonNegative(options.retries, 3, 'retries')),
    retryDelay: nonNegative(options.retryDelay, 1000, 'retryDelay') || 1000,
    timeout: parseTimeout(options.timeout, 30000),
    retryableErrors,
    retryStrategy,
    queue,
    monitoring,
    autoTuning,
  }
}

/** The options object the native scheduler takes. */
function nativeOptions (o, tunerOptions) {
  const rs = o.retryStrategy
  return {
    concurrency: o.concurrency === 'auto' ? 1 : o.concurrency,
    auto: o.concurrency === 'auto',
    retries: o.retries,
    retryDelay: o.retryDelay,
    timeout: o.timeout,
    jitter: rs.jitter !== false,
    minDelay: Number(rs.minDelay),
    maxDelay: Number(rs.maxDelay),
    clampDelay: Number(rs.clampDelay),
    pressureClampThreshold: Number(rs.pressureClampThreshold),
    pressureSkipThreshold: Number(rs.pressureSkipThreshold),
    latencyTarget: Number(o.autoTuning?.targetLatency ?? rs.latencyTarget),
    agingMs: Number(o.queue.agingMs),
    maxAgingBoost: Number(o.queue.maxAgingBoost),
    monitoringEnabled: o.monitoring.enabled !== false,
    collectMetrics: o.monitoring.enabled !== false && o.monitoring.collectMetrics !== false,
    sampleRate: Number(o.monitoring.sampleRate ?? 1),
    rollingWindowMs: Number(o.monitoring.rollingWindowMs ?? 1000),
    tuner: tunerOptions,
  }
}

// ----- error kinds -----------------------------------------------------------------------

const TRANSIENT_TEXT = /timeout|timed out|network|throttl|slowdown|slow down|temporarily unavailable/i
const TRANSIENT_CODES = new Set([
  'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'ECONNREFUSED', 'ECONNABORTED',
  'ENETUNREACH', 'EHOSTUNREACH', 'ESOCKETTIMEDOUT', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT',
  'EOPERATIONS_TIMEOUT',
])
const TRANSIENT_NAMES = new Set([
  'NetworkingError', 'TimeoutError', 'RequestTimeout', 'RequestTimeoutException', 'ServiceUnavailable',
  'SlowDown', 'RequestLimitExceeded', 'ThrottlingException', 'Throttling', 'TooManyRequestsException',
  'ProvisionedThroughputExceededException', 'InternalError', 'InternalServerError',
])

function statusOf (err) {
  if (err === null || typeof err !== 'object') return 0
  const s = err.statusCode ?? err.$metadata?.httpStatusCode ?? err.status ?? err.$response?.statusCode
  return typeof s === 'number' ? s : 0
}

/** Short-lived failure: network, timeout, throttling. Its backoff is halved. */
function isTransient (err) {
  if (err === null || err === undefined) return false
  if (typeof err !== 'object') return TRANSIENT_TEXT.test(String(err))
  const { name, code } = err
  if (TRANSIENT_NAMES.has(name) || TRANSIENT_CODES.has(code)) return true
  return TRANSIENT_TEXT.test(`${name} ${code} ${err.message}`)
}

function matchesEntry (err, entry) {
  if (err === null || typeof err !== 'object') return String(err).includes(entry)
  return err.name === entry || err.code === entry || err.constructor?.name === entry ||
    (typeof err.message === 'string' && err.message.includes(entry))
}

/**
 * Worth another attempt? Never a 4xx other than 408/429, whatever the list says. An empty list
 * means every transient failure (network, timeouts, 5xx, throttling, 408/429); otherwise an
 * entry must match the error's name, code, constructor name or part of its message.
 */
function isRetryable (err, list) {
  const status = statusOf(err)
  if (status >= 400 && status < 500 && status !== 408 && status !== 429) return false
  if (list.length === 0) {
    return status >= 500 || status === 408 || status === 429 || isTransient(err) ||
      (err !== null && typeof err === 'object' && (err.retriable === true || err.$retryable != null))
  }
  for (let i = 0; i < list.length; i++) if (matchesEntry(err, list[i])) return true
  return false
}

/**
 * The rule for tasks an app enqueues itself (its own functions, its own errors), as s3db.js
 * 19.5.10 applies it: an empty list retries every error; otherwise an entry must equal the
 * error's name, code or constructor name.
 */
function isUserRetryable (err, list) {
  if (list.length === 0) return true
  if (err === null || err === undefined) return false
  const name = err.name
  const code = err.code
  const ctor = err.constructor?.name
  for (let i = 0; i < list.length; i++) {
    const entry = list[i]
    if (name === entry || code === entry || ctor === entry) return true
  }
  return false
}

module.exports = {
  DEFAULT_RETRYABLE_ERRORS,
  DEFAULT_RETRY_STRATEGY,
  DEFAULT_QUEUE,
  DEFAULT_MONITORING,
  parseConcurrency,
  parseTimeout,
  normalizeOptions,
  nativeOptions,
  isRetryable,
  isUserRetryable,
  isTransient,
  statusOf,
}
