// @ts-check
'use strict'
// Pool options (api §4.1) validated once, and the rule that says whether an app's task is worth
// another attempt. S3 requests (native tasks) follow the scheduler's own rule in crates/pool:
// only retryable failures (network, timeouts, throttling, 5xx, 408/429), never another 4xx;
// when the app gave `retryableErrors`, such a failure must also match one of its entries.

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
  collectMetrics: false,
  sampleRate: 1,
  sampleInterval: 100,
  rollingWindowMs: 1000,
  reportInterval: 1000,
  signatureSampleLimit: 8,
})

/** Concurrency as a positive integer, or 'auto'. Throws on anything else (setConcurrency). */
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

/** The constructor's rule (s3db.js 19.5.10): anything but 'auto' or a number >= 1 becomes 10. */
function constructorConcurrency (value) {
  try {
    return parseConcurrency(value, 10)
  } catch {
    return 10
  }
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

/**
 * Profiles as in s3db.js 19.5.10: 'balanced' (priorities, retries, events), 'light' (first in,
 * first out: priorities ignored; chosen by default when there are no retries and monitoring is
 * passive) and 'bare' (no events, retries, timeouts, monitoring or tuner).
 */
function resolveFeatures (options, retries, monitoringEnabled, mode) {
  const f = options.features || {}
  let profile = f.profile || (retries > 0 ? 'balanced' : 'light')
  if (profile === 'light' && monitoringEnabled && mode !== 'passive') profile = 'balanced'
  return {
    profile,
    emitEvents: f.emitEvents ?? profile !== 'bare',
    signatureInsights: f.signatureInsights ?? true,
  }
}

/** @param {Record<string, any>} [options] */
function normalizeOptions (options = {}) {
  if (options === null || typeof options !== 'object') throw new TypeError('OperationsPool options must be an object')
  const autoTuning = options.autoTuning ?? options.autotune ?? null
  const retryStrategy = { ...DEFAULT_RETRY_STRATEGY, ...(options.retryStrategy || {}) }
  const queue = { ...DEFAULT_QUEUE, ...(options.queue || {}) }
  const requested = options.monitoring || {}
  const retries = Math.floor(nonNegative(options.retries, 3, 'retries'))
  const monitoringRequested = requested.enabled ?? true
  const mode = monitoringRequested
    ? requested.mode || (requested.collectMetrics || requested.mode === 'detailed' ? 'detailed' : 'passive')
    : 'light'
  const features = resolveFeatures(options, retries, monitoringRequested, mode)
  const bare = features.profile === 'bare'
  const enabled = !bare && monitoringRequested
  const monitoring = {
    ...DEFAULT_MONITORING,
    ...requested,
    enabled,
    mode,
    collectMetrics: enabled && ((requested.collectMetrics ?? false) || mode === 'detailed'),
    exporter: typeof requested.exporter === 'function' ? requested.exporter : null,
  }
  const tuningRequested = !bare && Boolean(autoTuning && (autoTuning.enabled || autoTuning.instance))
  const retryableErrors = Array.isArray(options.retryableErrors)
    ? options.retryableErrors.map(String)
    : DEFAULT_RETRYABLE_ERRORS.slice()
  // S3 requests honour the list only when the app gave one (the default list is for its tasks).
  const given = Array.isArray(options.nativeRetryableErrors) ? options.nativeRetryableErrors : options.retryableErrors
  const nativeRetryableErrors = Array.isArray(given) ? given.map(String) : []
  return {
    concurrency: constructorConcurrency(options.concurrency),
    retries: bare ? 0 : retries,
    configuredRetries: retries,
    retryDelay: nonNegative(options.retryDelay, 1000, 'retryDelay') || 1000,
    timeout: bare ? 0 : parseTimeout(options.timeout, 30000),
    configuredTimeout: parseTimeout(options.timeout, 30000),
    retryableErrors,
    nativeRetryableErrors,
    retryStrategy,
    queue,
    monitoring,
    features,
    autoTuning,
    tuningRequested,
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
    monitoringEnabled: o.monitoring.enabled,
    collectMetrics: o.monitoring.collectMetrics,
    sampleRate: Number(o.monitoring.sampleRate ?? 1),
    rollingWindowMs: Number(o.monitoring.rollingWindowMs ?? 1000),
    tuner: tunerOptions,
    retryableErrors: o.nativeRetryableErrors,
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

/** Short-lived failure: network, timeout, throttling. Its backoff is halved. */
function isTransient (err) {
  if (err === null || err === undefined) return false
  if (typeof err !== 'object') return TRANSIENT_TEXT.test(String(err))
  const { name, code } = err
  if (TRANSIENT_NAMES.has(name) || TRANSIENT_CODES.has(code)) return true
  return TRANSIENT_TEXT.test(`${name} ${code} ${err.message}`)
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
  isUserRetryable,
  isTransient,
}
