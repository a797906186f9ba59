// @ts-check
'use strict'
// `S3Client` (also `Client`), `MemoryClient`, `FileSystemClient`: the s3db.js object API over the
// native client. Each method is one call into Rust; results are shaped like the AWS SDK's, and
// `cl:*` events are built only when someone listens.

const { EventEmitter } = require('node:events')
const { randomBytes } = require('node:crypto')
const native = require('./native')
const { ConnectionString } = require('./connection-string')
const { ObjectBody } = require('./body')
const { ConnectionStringError, fromNative, UnknownError, ValidationError } = require('./errors')
const { attachPool, clientPoolMethods, taskManagerOf, POOL_ON_BY_DEFAULT } = require('./pool/client-pool')
const { createLogger } = require('./logger')
const { logCommand } = require('./plugins-surface/client-log')
const { attachCoreReports, reportsOf, reportingCore } = require('./core-reports')

const DEFAULT_PARALLELISM = 100

/**
 * @typedef {object} ClientOptions  An S3Client's options; the rest go to its pool (lib/pool/config.js).
 * @property {string} [connectionString]
 * @property {number | string} [parallelism]
 * @property {boolean} [verbose]
 * @property {string} [id]
 * @property {Record<string, unknown>} [httpClientOptions]
 * @property {string} [logLevel]
 * @property {any} [logger]
 */
/** @typedef {ClientOptions & { [option: string | symbol]: any }} AnyClientOptions */
/**
 * @typedef {object} PutObjectInput
 * @property {string} [key]
 * @property {Record<string, unknown>} [metadata]
 * @property {string} [contentType]
 * @property {unknown} [body]
 * @property {string} [contentEncoding]
 * @property {number} [contentLength]
 * @property {string} [ifMatch]
 * @property {string} [ifNoneMatch]
 */
/**
 * @typedef {object} ListObjectsInput
 * @property {string} [prefix]
 * @property {number} [maxKeys]
 * @property {string} [continuationToken]
 * @property {string} [delimiter]
 * @property {string} [startAfter]
 */
/**
 * @typedef {object} CopyObjectInput
 * @property {string} [from]
 * @property {string} [to]
 * @property {Record<string, unknown>} [metadata]
 * @property {string} [metadataDirective]
 * @property {string} [contentType]
 */
/** @typedef {{ from?: string, to?: string }} MoveInput */
/** @typedef {{ prefixFrom?: string, prefixTo?: string }} MoveAllInput */
/** @typedef {{ prefix?: string, offset?: number, amount?: number }} KeysPageInput */

/** @param {unknown} metadata @returns {Record<string, string> | undefined} */
function stringifyMetadata (metadata) {
  if (metadata == null) return undefined
  if (typeof metadata !== 'object') throw new ValidationError('metadata must be an object', { field: 'metadata', value: metadata })
  /** @type {Record<string, string>} */
  const out = {}
  for (const [k, v] of Object.entries(metadata)) out[k] = String(v)
  return out
}

/** @param {unknown} body */
function toBuffer (body) {
  if (body === undefined || body === null) return undefined
  if (Buffer.isBuffer(body)) return body
  if (typeof body === 'string') return Buffer.from(body)
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength)
  if (body instanceof ArrayBuffer) return Buffer.from(body)
  if (typeof body === 'object') return Buffer.from(JSON.stringify(body))
  return Buffer.from(String(body))
}

/** @param {unknown} key @param {string} [what] @returns {asserts key is string} */
function requireKey (key, what = 'key') {
  if (typeof key !== 'string' || key.length === 0) throw new ValidationError(`${what} must be a non-empty string`, { field: what, value: key, statusCode: 400 })
}

/** @param {import('../binding').ObjectHead} head */
function decodedMetadata (head) {
  /** @type {Record<string, string | null | undefined>} */
  const metadata = {}
  for (const [k, v] of Object.entries(head.metadata)) metadata[k] = v
  for (const k of head.undefinedKeys) metadata[k] = undefined
  return metadata
}

/** @param {import('../binding').ObjectHead} head */
function sdkHead (head) {
  return {
    $metadata: { httpStatusCode: 200 },
    Metadata: decodedMetadata(head),
    ContentType: head.contentType ?? 'application/octet-stream',
    ContentEncoding: head.contentEncoding ?? undefined,
    ContentLength: head.contentLength,
    ETag: head.etag,
    LastModified: new Date(head.lastModifiedMs),
    VersionId: head.versionId ?? undefined
  }
}

class S3Client extends EventEmitter {
  /** @param {AnyClientOptions} [options] */
  constructor ({ connectionString, parallelism = DEFAULT_PARALLELISM, verbose = false, id, httpClientOptions = {}, logLevel = 'info', logger, ...options } = {}) {
    super()
    if (connectionString === undefined) throw new ConnectionStringError('Invalid connection string: undefined')
    this.config = new ConnectionString(connectionString)
    this.verbose = verbose
    this.logLevel = logLevel || 'info'
    // The Database's child logger, or one of the client's own (created on first use).
    if (logger) this._logger = logger
    this.id = id ?? randomBytes(39).toString('hex').slice(0, 77)
    const given = Number.parseInt(String(parallelism), 10)
    this.parallelism = given > 0 ? given : DEFAULT_PARALLELISM
    this.httpClientOptions = {
      keepAlive: true, keepAliveMsecs: 1000, maxSockets: 500, maxFreeSockets: 100, timeout: 60000, ...httpClientOptions
    }
    this.options = options
    this.connectionString = connectionString
    /** @type {import('./operations-pool.js').OperationsPool | null} */
    this.operationsPool = null // set by attachPool
    try {
      // Every request goes through the client's operations pool (see lib/pool/config.js), or,
      // without one, through a limiter of `parallelism` requests of the native client's own.
      const poolOptions = { parallelism: this.parallelism, ...options }
      const { pool, enabled } = attachPool(this, poolOptions, this.config.clientOptions)
      this._native = new native.NativeClient(String(connectionString), this.parallelism, pool, enabled)
      attachCoreReports(this, this._native)
      // Only S3 clients log requests in s3db.js (its memory and file clients do not); logNoticesTo
      // is the pool's own, not in its public typings.
      const notices = /** @type {any} */ (this.operationsPool)
      if (enabled && this.config.clientType === undefined) notices.logNoticesTo(this.logger)
    } catch (err) {
      throw fromNative(err)
    }
  }

  /** The core client behind this client, which a Database's resources run on. */
  coreClient () { return this._native }

  get bucket () { return this.config.bucket }
  get keyPrefix () { return this.config.keyPrefix }
  /** The client's pool under its s3db.js 19.5.10 name (null when it has none). */
  get taskExecutor () { return this.operationsPool }

  // Besides its own cl:<Op> events, every request a JS caller makes emits s3db.js 19.5.10's
  // `cl:response` (command name, response, SDK-style input), which CostsPlugin counts. The
  // requests the core makes itself (resources, listings) are reported by lib/core-reports.js.
  _emit (event, ...args) {
    if (this.listenerCount(event) > 0) this.emit(event, ...args)
  }

  get logger () {
    if (!this._logger) this._logger = createLogger({ name: 'S3Client', level: this.logLevel })
    return this._logger
  }

  set logger (value) { this._logger = value }

  async _call (commandName, context, work) {
    const started = Date.now()
    try {
      const out = await reportingCore(reportsOf(this), work)
      logCommand(this, commandName, context, Date.now() - started)
      return out
    } catch (err) {
      const error = fromNative(err, { bucket: this.bucket, commandName, ...context })
      logCommand(this, commandName, context, Date.now() - started, error)
      throw error
    }
  }

  /** @param {PutObjectInput} [input] */
  async putObject ({ key, metadata, contentType, body, contentEncoding, contentLength, ifMatch, ifNoneMatch } = {}) {
    requireKey(key)
    /** @type {import('../binding').PutObjectParams} */
    const params = {
      key, metadata: stringifyMetadata(metadata), body: toBuffer(body),
      contentType, contentEncoding, ifMatch, ifNoneMatch
    }
    let response
    try {
      response = await this._call('PutObjectCommand', { key }, () => this._native.putObject(params))
    } catch (err) {
      this._emit('cl:PutObject', err, { key, metadata, contentType, body, contentEncoding, contentLength })
      throw err
    }
    const out = { $metadata: { httpStatusCode: 200 }, ETag: response.etag, VersionId: response.versionId ?? undefined }
    this._emit('cl:PutObject', out, { key, metadata, contentType, body, contentEncoding, contentLength })
    this._emit('cl:response', 'PutObjectCommand', out, { Key: key, Metadata: metadata, ContentType: contentType, Body: body, ContentEncoding: contentEncoding, ContentLength: contentLength, IfMatch: ifMatch, IfNoneMatch: ifNoneMatch })
    return out
  }

  async getObject (key) {
    requireKey(key)
    const { head, body } = await this._call('GetObjectCommand', { key }, () => this._native.getObject(key))
    const out = { ...sdkHead(head), Body: new ObjectBody(body) }
    this._emit('cl:GetObject', out, { key })
    this._emit('cl:response', 'GetObjectCommand', out, { Key: key })
    return out
  }

  async headObject (key) {
    requireKey(key)
    const head = await this._call('HeadObjectCommand', { key }, () => this._native.headObject(key))
    const out = sdkHead(head)
    this._emit('cl:HeadObject', out, { key })
    this._emit('cl:response', 'HeadObjectCommand', out, { Key: key })
    return out
  }

  /** @param {CopyObjectInput} [input] */
  async copyObject ({ from, to, metadata, metadataDirective, contentType } = {}) {
    requireKey(from, 'from')
    requireKey(to, 'to')
    const response = await this._call('CopyObjectCommand', { key: from }, () => this._native.copyObject({ from, to, metadata: stringifyMetadata(metadata), metadataDirective, contentType }))
    const out = {
      $metadata: { httpStatusCode: 200 },
      CopyObjectResult: { ETag: response.etag },
      VersionId: response.versionId ?? undefined
    }
    this._emit('cl:CopyObject', out, { from, to, metadataDirective })
    this._emit('cl:response', 'CopyObjectCommand', out, { CopySource: from, Key: to, Metadata: metadata, MetadataDirective: metadataDirective, ContentType: contentType })
    return out
  }

  async exists (key) {
    requireKey(key)
    return this._call('HeadObjectCommand', { key }, () => this._native.exists(key))
  }

  async deleteObject (key) {
    requireKey(key)
    await this._call('DeleteObjectCommand', { key }, () => this._native.deleteObject(key))
    const out = { $metadata: { httpStatusCode: 204 } }
    this._emit('cl:DeleteObject', out, { key })
    this._emit('cl:response', 'DeleteObjectCommand', out, { Key: key })
    return out
  }

  async deleteObjects (keys) {
    if (!Array.isArray(keys)) throw new ValidationError('deleteObjects expects an array of keys', { field: 'keys', value: keys, statusCode: 400 })
    for (const key of keys) requireKey(key)
    const result = await this._call('DeleteObjectsCommand', {}, () => this._native.deleteObjects(keys))
    const report = {
      deleted: result.deleted.map((batch) => ({
        $metadata: { httpStatusCode: 200 },
        Deleted: batch.deleted.map((Key) => ({ Key })),
        Errors: batch.errors.map(({ key, code, message }) => ({ Key: key, Code: code, Message: message }))
      })),
      notFound: result.failed.map((f) => ({ message: f.message, raw: f.keys }))
    }
    this._emit('cl:DeleteObjects', report, keys)
    this._emit('cl:response', 'DeleteObjectsCommand', report, { Delete: { Objects: keys.map((Key) => ({ Key })) } })
    return report
  }

  async deleteAll ({ prefix = '' } = {}) {
    const total = await this._call('DeleteObjectsCommand', { prefix }, () => this._native.deleteAll(prefix))
    this._emit('cl:DeleteAll', { prefix, batch: total, total })
    this._emit('cl:DeleteAllComplete', { prefix, totalDeleted: total })
    return total
  }

  /** @param {MoveInput} [input] */
  async moveObject ({ from, to } = {}) {
    requireKey(from, 'from')
    requireKey(to, 'to')
    try {
      await reportingCore(reportsOf(this), () => this._native.moveObject(from, to))
    } catch (err) {
      throw new UnknownError('Unknown error in moveObject', { bucket: this.bucket, from, to, original: fromNative(err) })
    }
    return true
  }

  /** @param {MoveAllInput} [input] */
  async moveAllObjects ({ prefixFrom, prefixTo } = {}) {
    requireKey(prefixFrom, 'prefixFrom')
    requireKey(prefixTo, 'prefixTo')
    let moved
    try {
      moved = await reportingCore(reportsOf(this), () => this._native.moveAllObjects(prefixFrom, prefixTo))
    } catch (err) {
      const error = new UnknownError('Some objects could not be moved', { bucket: this.bucket, prefixFrom, prefixTo, original: fromNative(err) })
      this._emit('cl:MoveAllObjects', { results: [], errors: [error] }, { prefixFrom, prefixTo })
      throw error
    }
    this._emit('cl:MoveAllObjects', { results: moved, errors: [] }, { prefixFrom, prefixTo })
    return moved
  }

  /** @param {ListObjectsInput} [input] */
  async listObjects ({ prefix = '', maxKeys = 1000, continuationToken, delimiter, startAfter } = {}) {
    const page = await this._call('ListObjectsV2Command', { prefix }, () => this._native.listObjects({ prefix, maxKeys, continuationToken, delimiter, startAfter }))
    const out = {
      $metadata: { httpStatusCode: 200 },
      Name: this.bucket,
      Prefix: prefix,
      MaxKeys: maxKeys,
      Delimiter: delimiter,
      ContinuationToken: continuationToken,
      Contents: page.contents.map((o) => ({ Key: o.key, Size: o.size, ETag: o.etag, LastModified: new Date(o.lastModifiedMs), StorageClass: 'STANDARD' })),
      CommonPrefixes: page.commonPrefixes.map((Prefix) => ({ Prefix })),
      IsTruncated: page.isTruncated,
      NextContinuationToken: page.nextContinuationToken ?? undefined,
      KeyCount: page.keyCount
    }
    this._emit('cl:ListObjects', out, { prefix, maxKeys, continuationToken })
    this._emit('cl:response', 'ListObjectsV2Command', out, { Prefix: prefix, Delimiter: delimiter, MaxKeys: maxKeys, ContinuationToken: continuationToken, StartAfter: startAfter })
    return out
  }

  async count ({ prefix = '' } = {}) {
    const count = await this._call('ListObjectsV2Command', { prefix }, () => this._native.count(prefix))
    this._emit('cl:Count', count, { prefix })
    return count
  }

  async getAllKeys ({ prefix = '' } = {}) {
    const keys = await this._call('ListObjectsV2Command', { prefix }, () => this._native.getAllKeys(prefix))
    this._emit('cl:GetAllKeys', keys, { prefix })
    return keys
  }

  async getContinuationTokenAfterOffset (params = {}) {
    const { prefix = '', offset = 1000 } = params
    const token = await this._call('ListObjectsV2Command', { prefix }, () => this._native.getContinuationTokenAfterOffset(prefix, offset))
    this._emit('cl:GetContinuationTokenAfterOffset', token ?? null, params)
    return token ?? null
  }

  async getKeysPage (params = {}) {
    const { prefix = '', offset = 0, amount = 100 } = params
    const keys = await this._call('ListObjectsV2Command', { prefix }, () => this._native.getKeysPage(prefix, offset, amount))
    this._emit('cl:GetKeysPage', keys, params)
    return keys
  }
}

function memoryConnectionString (bucket, keyPrefix) {
  return `memory://${encodeURIComponent(bucket)}/${keyPrefix.split('/').map(encodeURIComponent).join('/')}`
}

class MemoryClient extends S3Client {
  /** @param {AnyClientOptions & { bucket?: string, keyPrefix?: string }} [options] */
  constructor ({ bucket = 's3db', keyPrefix = '', connectionString, parallelism = 10, ...options } = {}) {
    connectionString ??= memoryConnectionString(bucket, keyPrefix)
    super({ connectionString, parallelism, ...options, [POOL_ON_BY_DEFAULT]: true })
  }

  /** The TasksRunner of a memory client in s3db.js 19.5.10 (the one given as `taskExecutor`). */
  get taskManager () { return taskManagerOf(this) }

  static clearBucketStorage (bucket) { native.memoryClearBucket(bucket) }
  static clearAllStorage () { native.memoryClearAll() }

  /** Empties this client's bucket (the storage is shared by every client of the bucket). */
  clear () { native.memoryClearBucket(this.bucket) }

  getStats () {
    const { objectCount, totalBytes: totalSize } = native.memoryBucketStats(this.bucket)
    return { bucket: this.bucket, objectCount, totalSize, totalSizeFormatted: formatBytes(totalSize) }
  }

  /** Every object under this client's key prefix, as plain data. */
  async snapshot () {
    const objects = {}
    for (const key of await this.getAllKeys()) {
      const res = await this.getObject(key)
      objects[key] = { body: Buffer.from(await res.Body.transformToByteArray()).toString('base64'), metadata: res.Metadata, contentType: res.ContentType, contentEncoding: res.ContentEncoding }
    }
    return { timestamp: new Date().toISOString(), bucket: this.bucket, keyPrefix: this.keyPrefix, objects }
  }

  async restore (snapshot) {
    if (!snapshot || typeof snapshot.objects !== 'object') throw new ValidationError('restore expects a snapshot from snapshot()', { field: 'snapshot' })
    await this.deleteAll()
    await Promise.all(Object.entries(snapshot.objects).map(([key, o]) => this.putObject({ key, body: Buffer.from(o.body, 'base64'), metadata: o.metadata, contentType: o.contentType, contentEncoding: o.contentEncoding })))
  }
}

function formatBytes (n) {
  const units = ['B', 'KB', 'MB', 'GB', 'TB']
  let i = 0
  while (n >= 1024 && i < units.length - 1) { n /= 1024; i++ }
  return `${Number(n.toFixed(2))} ${units[i]}`
}

function fileConnectionString (basePath, bucket, keyPrefix) {
  const path = String(basePath).replace(/[%?]/g, encodeURIComponent)
  return `file://${path}?bucket=${encodeURIComponent(bucket)}&keyPrefix=${encodeURIComponent(keyPrefix)}`
}

class FileSystemClient extends S3Client {
  /** @param {AnyClientOptions & { basePath?: string, bucket?: string, keyPrefix?: string }} [options] */
  constructor ({ basePath = './s3db-data', bucket = 's3db', keyPrefix = '', connectionString, parallelism = 10, ...options } = {}) {
    connectionString ??= fileConnectionString(basePath, bucket, keyPrefix)
    super({ connectionString, parallelism, ...options, [POOL_ON_BY_DEFAULT]: true })
    this.basePath = this.config.basePath
  }

  get taskManager () { return taskManagerOf(this) }
}

// Pool controls (getQueueStats, pausePool, ..., _executeOperation, _executeBatch), unless defined above.
require('./mixins').mixMethods(S3Client, clientPoolMethods)

// console.log(client) shows no secret key (lib/plugins-surface/safe-inspect.js).
require('./plugins-surface/safe-inspect').installSafeInspect(S3Client)

module.exports = { S3Client, Client: S3Client, MemoryClient, FileSystemClient }
