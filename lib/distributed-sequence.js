// @ts-check
'use strict'
// `DistributedSequence` / `createSequence` (s3db.js 19.x): a named counter kept as one object
// and changed only under a `DistributedLock`. The storage is an adapter
// `{ get(key), set(key, data, { behavior }), delete(key) }` (plugins pass their PluginStorage).

const { DistributedLock } = require('./distributed-lock')
const native = require('./native')

const SEQUENCE_DEFAULTS = Object.freeze({ initialValue: 1, increment: 1, lockTimeout: 5000, lockTTL: 10 })

class DistributedSequence {
  /**
   * @param {any} storage
   * @param {{ valueKeyGenerator?: (name: string) => string, lockKeyGenerator?: (name: string) => string,
   *   defaults?: Record<string, any> }} [options]
   */
  constructor (storage, { valueKeyGenerator, lockKeyGenerator, defaults } = {}) {
    if (!storage) throw new Error('DistributedSequence requires a storage adapter')
    this.storage = storage
    // Without an owner: `sequences/<name>/value` and `.../lock` (the core's layout).
    this.valueKeyGenerator = valueKeyGenerator ?? ((name) => native.sequenceKey(null, String(name), 'value'))
    this.lockKeyGenerator = lockKeyGenerator ?? ((name) => native.sequenceKey(null, String(name), 'lock'))
    /** @type {Record<string, any>} */
    this.defaults = { ...SEQUENCE_DEFAULTS, ...defaults }
    this.lock = new DistributedLock(storage, {
      keyGenerator: this.lockKeyGenerator,
      defaults: { ttl: this.defaults.lockTTL, timeout: this.defaults.lockTimeout }
    })
  }

  async _locked (name, lockTimeout, lockTTL, work) {
    const result = await this.lock.withLock(name, { timeout: lockTimeout, ttl: lockTTL }, work)
    if (result === null) throw new Error(`Failed to acquire lock for sequence "${name}"`)
    return result
  }

  /** The current value; the stored one advances by `increment`. */
  /** @param {Record<string, any>} [options] */
  next (name, options = {}) {
    const { initialValue, increment, lockTimeout, lockTTL, metadata } = { ...this.defaults, ...options }
    const key = this.valueKeyGenerator(name)
    return this._locked(name, lockTimeout, lockTTL, async () => {
      const data = await this.storage.get(key)
      if (!data) {
        await this.storage.set(key, { value: initialValue + increment, name, createdAt: Date.now(), ...metadata }, { behavior: 'body-only' })
        return initialValue
      }
      await this.storage.set(key, { ...data, value: data.value + increment, updatedAt: Date.now() }, { behavior: 'body-only' })
      return data.value
    })
  }

  async get (name) {
    return (await this.storage.get(this.valueKeyGenerator(name)))?.value ?? null
  }

  getData (name) {
    return this.storage.get(this.valueKeyGenerator(name))
  }

  /** @param {Record<string, any>} [options] */
  reset (name, value, options = {}) {
    const { lockTimeout, lockTTL, metadata } = { ...this.defaults, ...options }
    const key = this.valueKeyGenerator(name)
    return this._locked(name, lockTimeout, lockTTL, async () => {
      const data = await this.storage.get(key)
      const now = Date.now()
      await this.storage.set(key, { value, name, createdAt: data?.createdAt || now, updatedAt: now, resetAt: now, ...metadata }, { behavior: 'body-only' })
      return true
    })
  }

  /** @param {Record<string, any>} [options] */
  set (name, value, options = {}) {
    return this.reset(name, value, options)
  }

  async delete (name) {
    await this.storage.delete(this.valueKeyGenerator(name))
    await Promise.resolve(this.storage.delete(this.lockKeyGenerator(name))).catch(() => {})
  }

  async exists (name) {
    return (await this.get(name)) !== null
  }

  /** The value after incrementing. */
  /** @param {Record<string, any>} [options] */
  async increment (name, options = {}) {
    const { increment } = { ...this.defaults, ...options }
    return (await this.next(name, options)) + increment
  }
}

/**
 * A sequence whose keys are laid out by owner (the core's layout, as s3db.js 19.x's):
 * `resource=<r>/plugin=<p>/sequence=<name>/...`, `resource=<r>/...`, `plugin=<p>/...` or
 * `<prefix>sequence=<name>/...`; with none of them, the options' own key generators or the
 * default `sequences/<name>/...`.
 * @param {any} storage
 * @param {Record<string, any>} [options]
 */
function createSequence (storage, options = {}) {
  const { prefix = '', resourceName, pluginSlug } = options
  const given = (value) => (value ? String(value) : null)
  const owner = native.sequenceOwnerPrefix(given(resourceName), given(pluginSlug), given(prefix))
  const keys = owner === null
    ? {}
    : { valueKeyGenerator: (name) => native.sequenceKey(owner, String(name), 'value'), lockKeyGenerator: (name) => native.sequenceKey(owner, String(name), 'lock') }
  return new DistributedSequence(storage, { ...options, ...keys })
}

module.exports = { DistributedSequence, createSequence }
