// @ts-check
'use strict'
// The objects the global coordinator keeps under `plugin=coordinator/`, in the layout s3db.js
// 19.x uses (a JSON body, `_expiresAt` for a TTL), so s3db.js and s3db-native processes on one
// bucket see the same leader. Leader state changes only through conditional writes.

const { NoSuchKey } = require('../errors')
const native = require('../native')

function isPreconditionFailure (err) {
  return err?.statusCode === 412 || err?.code === 'PreconditionFailed' || err?.code === 'PRECONDITION_FAILED'
}

function isMissing (err) {
  return err instanceof NoSuchKey || err?.name === 'NoSuchKey' || err?.statusCode === 404
}

class CoordinatorStorage {
  constructor (client, slug = 'coordinator', { now = () => Date.now() } = {}) {
    this.client = client
    this.pluginSlug = slug
    this._now = now
  }

  /** `resource=<r>/plugin=<slug>/<parts>` or, without a resource, `plugin=<slug>/<parts>` (the core's layout). */
  getPluginKey (resourceName, ...parts) {
    return `${native.pluginPrefix(String(this.pluginSlug), resourceName ? String(resourceName) : null)}/${parts.join('/')}`
  }

  _body (data, ttl) {
    const doc = { ...data }
    if (typeof ttl === 'number' && ttl > 0) doc._expiresAt = this._now() + ttl * 1000
    return JSON.stringify(doc)
  }

  /** Writes `data`; `ifMatch` / `ifNoneMatch` make it conditional. Returns the new ETag. */
  /**
   * @param {string} key
   * @param {object} data
   * @param {{ ttl?: number, ifMatch?: string, ifNoneMatch?: string }} [options]
   */
  async set (key, data, { ttl, ifMatch, ifNoneMatch } = {}) {
    const res = await this.client.putObject({
      key, body: this._body(data, ttl), contentType: 'application/json', ifMatch, ifNoneMatch
    })
    return res.ETag ?? null
  }

  /** `{ data, version }` (version is the ETag), or nulls when absent or expired. */
  async getWithVersion (key) {
    let res
    try {
      res = await this.client.getObject(key)
    } catch (err) {
      if (isMissing(err)) return { data: null, version: null }
      throw err
    }
    const text = await res.Body.transformToString()
    const data = text.trim() ? JSON.parse(text) : {}
    const expiresAt = data._expiresAt ?? data._expiresat
    if (expiresAt && this._now() > expiresAt) return { data: null, version: res.ETag ?? null, expired: true }
    delete data._expiresAt
    delete data._expiresat
    return { data, version: res.ETag ?? null }
  }

  async get (key) {
    return (await this.getWithVersion(key)).data
  }

  /** Creates `key` only if it does not exist; null when another writer was first. */
  async setIfNotExists (key, data, options = {}) {
    try {
      return await this.set(key, data, { ...options, ifNoneMatch: '*' })
    } catch (err) {
      if (isPreconditionFailure(err)) return null
      throw err
    }
  }

  /** Replaces `key` only if it is still at `version`; null when it changed meanwhile. */
  async setIfVersion (key, data, version, options = {}) {
    try {
      return await this.set(key, data, { ...options, ifMatch: version })
    } catch (err) {
      if (isPreconditionFailure(err)) return null
      throw err
    }
  }

  async delete (key) {
    try {
      await this.client.deleteObject(key)
    } catch (err) {
      if (!isMissing(err)) throw err
    }
  }

  /** listObjects answers with full keys (key prefix included), as S3 does; the rest of the API takes relative ones. */
  _relative (key) {
    const prefix = this.client.keyPrefix ? `${this.client.keyPrefix.replace(/\/+$/, '')}/` : ''
    return prefix && key.startsWith(prefix) ? key.slice(prefix.length) : key
  }

  /** Objects under `prefix` written within `timeoutMs` (+5 s of slack, as s3db.js); stale ones are removed in the background. */
  async listFresh (prefix, timeoutMs) {
    const fresh = []
    const stale = []
    let continuationToken
    do {
      const page = await this.client.listObjects({ prefix, continuationToken })
      for (const obj of page.Contents) {
        obj.Key = this._relative(obj.Key)
        const age = this._now() - new Date(obj.LastModified).getTime()
        ;(age < timeoutMs + 5000 ? fresh : stale).push(obj.Key)
      }
      continuationToken = page.IsTruncated ? page.NextContinuationToken : undefined
    } while (continuationToken)
    if (stale.length) Promise.all(stale.map((k) => this.delete(k))).catch(() => {})
    return fresh
  }
}

module.exports = { CoordinatorStorage, isPreconditionFailure }
