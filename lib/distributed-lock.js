// @ts-check
'use strict'
// `DistributedLock` (s3db.js 19.x): a lock held as one object, taken with a create-if-absent
// write, so every process (and s3db.js itself) using the same key excludes the others. The
// storage is an adapter `{ get(key), set(key, data, { ttl, ifNoneMatch }), delete(key) }`.
// A lock past its `_expiresAt` is deleted by the next one that wants it.

const { randomBytes } = require('node:crypto')

const LOCK_DEFAULTS = Object.freeze({ ttl: 30, timeout: 0, retryDelay: 100, maxRetryDelay: 1000, workerId: 'unknown' })

/** Exponential delay for `attempt` (1, 2, ...), capped, plus up to half a base delay of jitter. */
function computeBackoff (attempt, baseDelay, maxDelay) {
  const exponential = Math.min(baseDelay * 2 ** Math.max(attempt - 1, 0), maxDelay)
  return exponential + Math.floor(Math.random() * Math.max(baseDelay / 2, 1))
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

function statusOf (err) {
  const e = err?.original ?? err
  return e?.statusCode ?? e?.$metadata?.httpStatusCode ?? err?.statusCode ?? err?.$metadata?.httpStatusCode
}

/** A refused conditional write (412 / `PreconditionFailed`), whichever client threw it. */
function isPreconditionFailure (err) {
  const e = err?.original ?? err
  return [e?.code, e?.Code, e?.name, err?.code].includes('PreconditionFailed') || statusOf(err) === 412
}

class DistributedLock {
  /**
   * @param {any} storage
   * @param {{ keyGenerator?: (name: string) => string, defaults?: Record<string, any> }} [options]
   */
  constructor (storage, { keyGenerator, defaults } = {}) {
    if (!storage) throw new Error('DistributedLock requires a storage adapter')
    this.storage = storage
    this.keyGenerator = keyGenerator ?? ((name) => `locks/${name}`)
    this.defaults = { ...LOCK_DEFAULTS, ...defaults }
  }

  /** The lock handle, or null when `timeout` (ms, 0: one try round) passed while another held it. */
  async acquire (lockName, options = {}) {
    const { ttl, timeout, workerId, retryDelay, maxRetryDelay } = { ...this.defaults, ...options }
    const key = this.keyGenerator(lockName)
    const token = randomBytes(16).toString('base64url')
    const started = Date.now()
    for (let attempt = 0; ;) {
      const now = Date.now()
      const payload = { workerId, token, acquiredAt: now, _expiresAt: now + ttl * 1000 }
      try {
        const res = await this.storage.set(key, payload, { ttl, behavior: 'body-only', ifNoneMatch: '*' })
        return { name: lockName, key, token, workerId, expiresAt: payload._expiresAt, etag: res?.ETag ?? null }
      } catch (err) {
        if (!isPreconditionFailure(err)) throw err
      }
      if (timeout !== undefined && Date.now() - started >= timeout) return null
      const current = await this.storage.get(key)
      if (!current) continue
      if (current._expiresAt && Date.now() > current._expiresAt) {
        await this.storage.delete(key).catch(() => {})
        continue
      }
      await sleep(computeBackoff(++attempt, retryDelay, maxRetryDelay))
    }
  }

  /** Releases a handle (or a name and its token); a lock someone else now holds is left alone. */
  async release (lock, token) {
    if (!lock) return
    let key
    let expected = token
    if (typeof lock === 'object') {
      key = lock.key || this.keyGenerator(lock.name)
      expected = lock.token ?? token
    } else if (typeof lock === 'string') {
      key = this.keyGenerator(lock)
    } else {
      throw new Error('release() expects a lock handle or lock name')
    }
    if (!expected) throw new Error('release() requires the lock token')
    const current = await this.storage.get(key)
    if (current?.token === expected) await this.storage.delete(key)
  }

  /** Runs `callback(lock)` holding the lock; null when it could not be acquired. */
  async withLock (lockName, options, callback) {
    if (typeof callback !== 'function') throw new Error('withLock() requires a callback function')
    const lock = await this.acquire(lockName, options)
    if (!lock) return null
    try {
      return await callback(lock)
    } finally {
      await this.release(lock).catch(() => {})
    }
  }

  async isLocked (lockName) {
    return (await this.storage.get(this.keyGenerator(lockName))) !== null
  }

  getLockInfo (lockName) {
    return this.storage.get(this.keyGenerator(lockName))
  }
}

function createLockedFunction (lock, lockName, options = {}) {
  return (callback) => lock.withLock(lockName, options, callback)
}

module.exports = { DistributedLock, createLockedFunction, computeBackoff, isPreconditionFailure, sleep, statusOf }
