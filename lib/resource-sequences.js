// @ts-check
'use strict'
// `idGenerator: 'incremental'`: sequential ids kept in the bucket, in s3db.js 19.x's layout
// (the core's keys: crates/codec/src/keys/sequence.rs), so both libraries share one sequence
// per resource: a `value` object {"value":<next>,"name":<field>,"createdAt":ms,...} and a `lock`
// object {"workerId","token","acquiredAt","_expiresAt"} per field.
// The lock is taken with a create-if-absent PUT (the protocol s3db.js uses), and the value is
// written with If-Match on the ETag it was read with (If-None-Match for a new sequence), so two
// writers never hand out the same value even if a lock expired under one of them.

const { DistributedLock, computeBackoff, isPreconditionFailure, sleep, statusOf } = require('./distributed-lock')
const native = require('./native')

const DEFAULTS = Object.freeze({ type: 'incremental', start: 1, increment: 1, mode: 'standard', batchSize: 100, prefix: '', padding: 0 })
const LIMITS = { maxPrefix: 20, maxPadding: 20, minBatchSize: 1, maxBatchSize: 100000 }
const LOCK_OPTIONS = Object.freeze({ timeout: 5000, ttl: 10 })
const VALUE_WRITE_ATTEMPTS = 16

class IncrementalConfigError extends Error {
  constructor (message, field, value) {
    super(message)
    this.name = 'IncrementalConfigError'
    this.field = field
    this.value = value
  }
}

function isIncremental (idGenerator) {
  if (typeof idGenerator === 'string') return idGenerator === 'incremental' || idGenerator.startsWith('incremental:')
  return typeof idGenerator === 'object' && idGenerator !== null && idGenerator.type === 'incremental'
}

function integerError (field, value, extra) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return { field, message: `${field} must be a finite number`, value }
  if (!Number.isInteger(value)) return { field, message: `${field} must be an integer`, value }
  return extra?.(value) ?? null
}

/** `{ valid, errors }`; throws `IncrementalConfigError` for the first error unless `throwOnError: false`. */
function validateIncrementalConfig (config, { throwOnError = true } = {}) {
  const errors = []
  const check = (field, extra) => {
    if (config[field] === undefined) return
    const error = integerError(field, config[field], extra)
    if (error) errors.push(error)
  }
  check('start', (v) => (v > Number.MAX_SAFE_INTEGER || v < Number.MIN_SAFE_INTEGER) ? { field: 'start', message: `start must be between ${Number.MIN_SAFE_INTEGER} and ${Number.MAX_SAFE_INTEGER}`, value: v } : null)
  check('increment', (v) => v === 0 ? { field: 'increment', message: 'increment cannot be zero', value: v } : null)
  if (config.mode !== undefined && !['standard', 'fast'].includes(config.mode)) errors.push({ field: 'mode', message: 'mode must be one of: standard, fast', value: config.mode })
  check('batchSize', (v) => (v < LIMITS.minBatchSize || v > LIMITS.maxBatchSize) ? { field: 'batchSize', message: `batchSize must be between ${LIMITS.minBatchSize} and ${LIMITS.maxBatchSize}`, value: v } : null)
  if (config.prefix !== undefined) {
    const p = config.prefix
    if (typeof p !== 'string') errors.push({ field: 'prefix', message: 'prefix must be a string', value: p })
    else if (p.length > LIMITS.maxPrefix) errors.push({ field: 'prefix', message: `prefix must be at most ${LIMITS.maxPrefix} characters`, value: p })
    else if (p && !/^[A-Za-z0-9_-]+$/.test(p)) errors.push({ field: 'prefix', message: 'prefix must contain only alphanumeric characters, hyphens, and underscores', value: p })
  }
  check('padding', (v) => (v < 0 || v > LIMITS.maxPadding) ? { field: 'padding', message: `padding must be between 0 and ${LIMITS.maxPadding}`, value: v } : null)
  if (throwOnError && errors.length) throw new IncrementalConfigError(`Invalid incremental config: ${errors[0].message}`, errors[0].field, errors[0].value)
  return { valid: errors.length === 0, errors }
}

/** What follows `incremental:` — `1000`, `fast`, `fast:5000`, `ORD-0001` (prefix, start, padding). */
function parseSuffix (suffix) {
  /** @type {Record<string, any>} */
  const out = { ...DEFAULTS }
  if (suffix === 'fast') return { ...out, mode: 'fast' }
  if (suffix.startsWith('fast:')) {
    out.mode = 'fast'
    suffix = suffix.slice('fast:'.length)
  }
  const n = Number.parseInt(suffix, 10)
  if (!Number.isNaN(n) && String(n) === suffix) return { ...out, start: n }
  const m = /^([A-Za-z]+-?)(\d+)$/.exec(suffix)
  if (m) return { ...out, prefix: m[1], start: Number.parseInt(m[2], 10), padding: m[2].length }
  return out
}

function parseIncrementalConfig (config, { validate = false } = {}) {
  let parsed
  if (typeof config === 'object' && config !== null) parsed = { ...DEFAULTS, ...config, type: 'incremental' }
  else if (typeof config === 'string' && config.startsWith('incremental:')) parsed = parseSuffix(config.slice('incremental:'.length))
  else parsed = { ...DEFAULTS }
  if (validate) validateIncrementalConfig(parsed)
  return parsed
}

function formatIncrementalValue (value, { prefix = '', padding = 0 } = {}) {
  const digits = padding > 0 ? String(value).padStart(padding, '0') : String(value)
  return prefix ? `${prefix}${digits}` : digits
}

// --- storage through the client's public API (any client: native or injected) -------------

function isNotFound (err) {
  const code = err?.name ?? err?.code ?? err?.Code
  return code === 'NoSuchKey' || code === 'NotFound' || statusOf(err) === 404
}

async function bodyText (body) {
  if (body == null) return ''
  if (typeof body === 'string') return body
  if (Buffer.isBuffer(body) || body instanceof Uint8Array) return Buffer.from(body).toString('utf8')
  if (typeof body.transformToString === 'function') return body.transformToString()
  if (typeof body.transformToByteArray === 'function') return Buffer.from(await body.transformToByteArray()).toString('utf8')
  const chunks = []
  for await (const chunk of body) chunks.push(Buffer.from(chunk))
  return Buffer.concat(chunks).toString('utf8')
}

const backoff = (attempt) => computeBackoff(attempt, 100, 1000)

class SequenceStore {
  constructor (client, resourceName) {
    this.client = client
    this.resourceName = resourceName
    // Callers of this process queue here first, so they do not spin on the bucket lock.
    this._local = new Map()
    this._lock = new DistributedLock(this, { keyGenerator: (field) => this.key(field, 'lock') })
  }

  // The lock's storage adapter: JSON bodies, null for a missing object.
  async get (key) {
    return (await this.read(key))?.data ?? null
  }

  /**
   * @param {string} key
   * @param {object} data
   * @param {{ ttl?: number, ifNoneMatch?: string }} [options]
   */
  set (key, data, { ttl, ifNoneMatch } = {}) {
    const body = ttl !== undefined && ttl > 0 ? { ...data, _expiresAt: Date.now() + ttl * 1000 } : data
    return this.write(key, body, ifNoneMatch !== undefined ? { ifNoneMatch } : {})
  }

  async delete (key) {
    await this.client.deleteObject(key).catch(() => {})
  }

  /**
   * The key of a sequence's `value` or `lock` object.
   * @param {string} field
   * @param {'value' | 'lock'} part
   */
  key (field, part) {
    return native.resourceSequenceKey(String(this.resourceName), String(field), part)
  }

  /** `{ data, etag }`, or null when the object does not exist. */
  async read (key) {
    let res
    try {
      res = await this.client.getObject(key)
    } catch (err) {
      if (isNotFound(err)) return null
      throw err
    }
    const text = await bodyText(res?.Body)
    return { data: text.trim() ? JSON.parse(text) : null, etag: res?.ETag }
  }

  write (key, data, condition = {}) {
    return this.client.putObject({ key, body: JSON.stringify(data), contentType: 'application/json', ...condition })
  }

  /** Runs `work` holding both the in-process queue and the bucket lock of the sequence. */
  async withLock (field, work) {
    const previous = this._local.get(field) ?? Promise.resolve()
    /** @type {(value?: unknown) => void} */
    let done = () => {}
    const mine = new Promise((resolve) => { done = resolve })
    const tail = previous.then(() => mine)
    this._local.set(field, tail)
    await previous
    try {
      const lock = await this._lock.acquire(field, LOCK_OPTIONS)
      if (!lock) throw new Error(`Failed to acquire lock for sequence "${field}"`)
      try {
        return await work()
      } finally {
        await this._lock.release(lock).catch(() => {})
      }
    } finally {
      done()
      if (this._local.get(field) === tail) this._local.delete(field)
    }
  }

  /** Read-modify-write of the value object, conditional on what was read. */
  async _update (field, change) {
    const key = this.key(field, 'value')
    for (let attempt = 1; ; attempt++) {
      const current = await this.read(key)
      const { data, result } = change(current?.data ?? null)
      try {
        await this.write(key, data, current?.etag ? { ifMatch: current.etag } : { ifNoneMatch: '*' })
        return result
      } catch (err) {
        if (!isPreconditionFailure(err) || attempt >= VALUE_WRITE_ATTEMPTS) throw err
        await sleep(backoff(attempt))
      }
    }
  }

  /** Hands out the current value and advances it by `increment`. */
  next (field, { initialValue, increment }) {
    return this.withLock(field, () => this._update(field, (data) => data
      ? { data: { ...data, value: data.value + increment, updatedAt: Date.now() }, result: data.value }
      : { data: { value: initialValue + increment, name: field, createdAt: Date.now() }, result: initialValue }))
  }

  async value (field) {
    return (await this.read(this.key(field, 'value')))?.data?.value ?? null
  }

  reset (field, value) {
    return this.withLock(field, () => this._update(field, (data) => {
      const now = Date.now()
      return {
        data: { value, name: field, createdAt: data?.createdAt || now, updatedAt: now, resetAt: now },
        result: true
      }
    }))
  }

  async list () {
    const prefix = native.resourceSequencesPrefix(String(this.resourceName))
    let listed
    try {
      listed = await this.client.listObjects({ prefix })
    } catch {
      return []
    }
    // Listed keys may carry the client's key prefix (s3db.js then read nothing back): drop it.
    const keys = (listed?.Contents ?? []).map((o) => o.Key)
      .filter((k) => typeof k === 'string' && k.endsWith('/value') && k.includes(prefix))
      .map((k) => k.slice(k.indexOf(prefix)))
    const sequences = []
    for (const key of keys) {
      const current = await this.read(key)
      if (current?.data) sequences.push(current.data)
    }
    return sequences
  }
}

/** One resource's sequences: standard mode takes one value per id, fast mode a batch at a time. */
class IncrementalSequence {
  constructor ({ client, resourceName, config }) {
    this.client = client
    this.resourceName = resourceName
    this.config = config
    this.storage = new SequenceStore(client, resourceName)
    this.localBatches = new Map()
    this._reserving = new Map()
  }

  next (field = 'id') {
    return this.config.mode === 'fast' ? this.nextValueFast(field) : this.nextValue(field)
  }

  /** One value from the bucket per call. */
  async nextValue (field = 'id') {
    const value = await this.storage.next(field, { initialValue: this.config.start, increment: this.config.increment })
    return formatIncrementalValue(value, this.config)
  }

  /** From a batch reserved in the bucket, `batchSize` values at a time. */
  async nextValueFast (field = 'id') {
    return formatIncrementalValue(await this._nextFromBatch(field), this.config)
  }

  async _nextFromBatch (field) {
    for (;;) {
      const batch = this.localBatches.get(field)
      if (batch && batch.current < batch.end) return batch.current++
      // Concurrent callers wait for one reservation instead of each reserving a batch.
      let pending = this._reserving.get(field)
      if (!pending) {
        pending = this.reserveBatch(field)
          .then((b) => { this.localBatches.set(field, b) })
          .finally(() => this._reserving.delete(field))
        this._reserving.set(field, pending)
      }
      await pending
    }
  }

  async reserveBatch (field = 'id', count) {
    const size = count || this.config.batchSize
    const start = await this.storage.next(field, { initialValue: this.config.start, increment: size })
    return { start, end: start + size, current: start, reservedAt: Date.now() }
  }

  getValue (field = 'id') { return this.storage.value(field) }

  reset (field, value) {
    this.localBatches.delete(field)
    return this.storage.reset(field, value)
  }

  list () { return this.storage.list() }

  getBatchStatus (field = 'id') {
    const b = this.localBatches.get(field)
    return b
      ? { start: b.start, end: b.end, current: b.current, remaining: b.end - b.current, reservedAt: b.reservedAt }
      : null
  }

  releaseBatch (field = 'id') {
    this.localBatches.delete(field)
  }
}

/** The id generator of an incremental resource: `await generator()` is the next id. */
function createIncrementalIdGenerator ({ client, resourceName, config }) {
  const parsed = parseIncrementalConfig(config)
  const sequence = new IncrementalSequence({ client, resourceName, config: parsed })
  const generator = () => sequence.next('id')
  generator._sequence = sequence
  generator._config = parsed
  return generator
}

/** Resource methods (mixed into Resource.prototype); null/false on resources without a sequence. */
const sequenceMethods = {
  async getSequenceValue (fieldName = 'id') {
    return this.idGenerator?._sequence ? this.idGenerator._sequence.getValue(fieldName) : null
  },
  async resetSequence (fieldName, value) {
    return this.idGenerator?._sequence ? this.idGenerator._sequence.reset(fieldName, value) : false
  },
  async listSequences () {
    return this.idGenerator?._sequence ? this.idGenerator._sequence.list() : null
  },
  async reserveIdBatch (count = 100) {
    return this.idGenerator?._sequence ? this.idGenerator._sequence.reserveBatch('id', count) : null
  },
  getBatchStatus (fieldName = 'id') {
    return this.idGenerator?._sequence ? this.idGenerator._sequence.getBatchStatus(fieldName) : null
  },
  releaseBatch (fieldName = 'id') {
    this.idGenerator?._sequence?.releaseBatch(fieldName)
  },
  hasAsyncIdGenerator () {
    return !!this.idGenerator?._sequence
  }
}

module.exports = {
  IncrementalConfigError,
  IncrementalSequence,
  isIncremental,
  parseIncrementalConfig,
  validateIncrementalConfig,
  formatIncrementalValue,
  createIncrementalIdGenerator,
  sequenceMethods,
  bodyText,
  isNotFound
}
