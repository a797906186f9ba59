// @ts-check
'use strict'
// `Resource`: the s3db.js resource API. Each operation is one call into the Rust core; hooks,
// middlewares and events run here in JS, and only when someone registered them. Methods are
// ordinary prototype methods, so plugins can replace them (`resource.insert = ...`), and
// composite methods call through `this.<method>`.

const { EventEmitter } = require('node:events')
const native = require('./native')
const { fromNative, fromErrorRecord, ValidationError, ResourceError, NoSuchKey, PartitionError } = require('./errors')
const { emptyHooks, hookMethods } = require('./hooks')
const { revive, documentJson } = require('./records')
const listingMethods = require('./resource-listing')
const bulkMethods = require('./resource-bulk')
const contentMethods = require('./resource-content')
const { reportsOf } = require('./core-reports')
// Its public types (resource-sequences.d.ts) leave out the resource methods mixed in here.
/** @type {{ isIncremental: (idGenerator: unknown) => boolean, createIncrementalIdGenerator: Function, sequenceMethods: Record<string, Function> }} */
const { isIncremental, createIncrementalIdGenerator, sequenceMethods } = /** @type {any} */ (require('./resource-sequences'))
const lazySchemaMethods = require('./lazy-schema').resourceMethods
const partitionMethods = require('./resource-partition-api')
const { mixMethods } = require('./mixins')
const { installSchemaView, schemaExport } = require('./plugins-surface/resource-schema')

// Fields a read adds to a record (the core's list); 19.5.10's writes (update, patch, replace,
// updateConditional) return and emit the record as written, without them.
const READ_FIELDS = new Set(native.readFields())

function asWritten (record) {
  const out = {}
  for (const key of Object.keys(record ?? {})) if (!READ_FIELDS.has(key)) out[key] = record[key]
  return out
}

/** What 19.5.10's `beforeUpdate` hooks see: the merged data, `id`, then the fields of the read. */
function hookInput (merged, id, before) {
  const input = { ...merged, id }
  for (const key of Object.keys(before ?? {})) if (READ_FIELDS.has(key)) input[key] = before[key]
  return input
}

/** Top-level fields a get hook gave the read record, kept in the merge where the patch leaves them. */
function withHookFields (merged, read, patch) {
  const out = { ...merged }
  for (const key of Object.keys(read ?? {})) {
    if (key === 'id' || READ_FIELDS.has(key) || key in merged) continue
    if (Object.keys(patch ?? {}).some((p) => p === key || p.startsWith(`${key}.`))) continue
    out[key] = read[key]
  }
  return out
}

/**
 * 19.5.10's id checks: details and suggestions as its get() (update() and others name
 * themselves). As there, an object or array is "must be a string" (an empty one, outside get,
 * "cannot be empty": lodash's isEmpty is the only check there), and anything else that is not
 * a non-empty string (undefined, null, '', a number, a boolean) "cannot be empty".
 */
function checkId (id, emptySuggestion = 'Provide a non-empty id when calling resource methods.', objectsAreEmpty = false) {
  if (typeof id === 'string' && id.length > 0) return
  const objectLike = (typeof id === 'object' && id !== null) || typeof id === 'function'
  if (objectLike && !(objectsAreEmpty && isEmptyObject(id))) {
    throw new ValidationError('Resource id must be a string', { field: 'id', statusCode: 400, retriable: false, suggestion: 'Pass the resource id as a string value (e.g. "user-123").' })
  }
  throw new ValidationError('Resource id cannot be empty', { field: 'id', statusCode: 400, retriable: false, suggestion: emptySuggestion })
}

/** An array, Map or Set without elements, or an object without own enumerable keys. */
function isEmptyObject (value) {
  if (Array.isArray(value)) return value.length === 0
  if (value instanceof Map || value instanceof Set) return value.size === 0
  return typeof value === 'object' && Object.keys(value).length === 0
}

/**
 * The methods mixed into `Resource.prototype` (below), typed for the class body.
 * @typedef {typeof hookMethods & typeof listingMethods & typeof bulkMethods & typeof contentMethods
 *   & typeof lazySchemaMethods & typeof partitionMethods} MixedIn
 */
/**
 * What `_applyConfig` sets, on construction and on each rebuild.
 * @typedef {{ _native: import('../binding').NativeResource, attributes: Record<string, any>,
 *   config: Record<string, any>, $schema: Readonly<Record<string, any>>, idGenerator: Function | null,
 *   _bytePaths: string[][] }} AppliedConfig
 */
/** EventEmitter, typed with the mixed-in methods and the applied config (the same constructor at run time). */
/** @typedef {new () => EventEmitter & MixedIn & AppliedConfig} ResourceBaseClass */
const ResourceBase = /** @type {ResourceBaseClass} */ (/** @type {unknown} */ (EventEmitter))

/**
 * `exists` with its hooks: beforeExists, the answer, then afterExists (as 19.5.10 runs them).
 * @param {Resource} resource
 * @param {string} id
 */
async function existsWithHooks (resource, id) {
  await resource.executeHooks('beforeExists', { id })
  const exists = typeof id === 'string' && id.length > 0 && (resource._callNow('existsInPlace', id) ?? await resource._call('exists', id))
  await resource.executeHooks('afterExists', { id, exists })
  return exists
}

class Resource extends ResourceBase {
  /**
   * @param {{ database: any, client: any, config: Record<string, any>,
   *   native: import('../binding').NativeResource, version: string }} options
   */
  constructor ({ database, client, config, native, version }) {
    super()
    this.database = database
    this.client = client
    this.name = config.name
    this.version = version
    this._applyConfig(config, native)
    this.hooks = emptyHooks()
    this._middlewares = new Map()
    for (const [event, fns] of Object.entries(config.hooks ?? {})) {
      if (!Array.isArray(fns)) throw new ResourceError(`Invalid Resource ${config.name} configuration: hooks.${event} must be an array`, { resourceName: config.name })
      for (const fn of fns) this.addHook(event, fn)
    }
    for (const [event, listeners] of Object.entries(config.events ?? {})) {
      for (const fn of [].concat(listeners)) this.on(event, fn)
    }
    if (Array.isArray(config.middlewares)) {
      const { MIDDLEWARE_METHODS } = require('./hooks')
      for (const fn of config.middlewares) for (const method of MIDDLEWARE_METHODS) this.useMiddleware(method, fn)
    } else {
      for (const [method, fns] of Object.entries(config.middlewares ?? {})) {
        for (const fn of [].concat(fns)) this.useMiddleware(method, fn)
      }
    }
  }

  /**
   * @param {Record<string, any>} config
   * @param {import('../binding').NativeResource} native
   */
  _applyConfig (config, native) {
    this._native = native
    // Where the core's byte arrays become Buffers on each read (lib/records.js).
    this._bytePaths = native.bytePaths().map((path) => path.split('.'))
    this.attributes = config.attributes
    this.behavior = config.behavior ?? 'user-managed'
    this.passphrase = config.passphrase
    this.bcryptRounds = config.bcryptRounds
    this.idSize = typeof config.idGenerator === 'number' ? config.idGenerator : (config.idSize ?? 22)
    if (isIncremental(config.idGenerator)) {
      // Kept across rebuilds of the same definition: it holds the reserved batch of fast mode.
      if (this._idGeneratorSource !== config.idGenerator) {
        const options = { client: this.client, resourceName: config.name, config: config.idGenerator }
        this.idGenerator = createIncrementalIdGenerator(options)
      }
      this.idGeneratorType = 'incremental'
    } else {
      this.idGenerator = typeof config.idGenerator === 'function' ? config.idGenerator : null
      this.idGeneratorType = this.idGenerator ? 'custom' : 'nanoid'
    }
    this._idGeneratorSource = config.idGenerator
    this.asyncEvents = config.asyncEvents !== false
    this.eventsDisabled = config.disableEvents === true
    this.strictValidation = config.strictValidation !== false
    this.versioningEnabled = config.versioningEnabled === true
    this.config = {
      cache: config.cache,
      hooks: config.hooks ?? {},
      paranoid: config.paranoid !== false,
      timestamps: config.timestamps === true,
      partitions: JSON.parse(native.partitionsJson()),
      autoDecrypt: config.autoDecrypt !== false,
      allNestedObjectsOptional: config.allNestedObjectsOptional !== false,
      asyncEvents: this.asyncEvents,
      asyncPartitions: config.asyncPartitions !== false,
      strictPartitions: config.strictPartitions === true,
      createdBy: config.createdBy ?? 'user'
    }
    this.$schema = Object.freeze({ ...config })
    this._initSchemaState(config)
  }

  /**
   * Calls the core resource's `method` and maps its errors to the s3db.js classes.
   * @param {string} method
   * @param {...any} args
   */
  async _call (method, ...args) {
    this._ensureSchemaCompiled()
    // The requests the core makes become the client's cl:response events (lib/core-reports.js).
    const reports = reportsOf(this.client)
    reports?.before()
    try {
      return await this._native[method](...args)
    } catch (err) {
      throw this._nativeError(err)
    } finally {
      reports?.after()
    }
  }

  /**
   * `_call` for the core's synchronous methods.
   * @param {string} method
   * @param {...any} args
   */
  _callNow (method, ...args) {
    this._ensureSchemaCompiled()
    return this._askCore(method, ...args)
  }

  /**
   * A synchronous core call that reads only the resource's definition (its keys, partitions):
   * errors mapped as `_call` maps them, and a lazy schema is left pending.
   * @param {string} method
   * @param {...any} args
   */
  _askCore (method, ...args) {
    // A read answered in place (existsInPlace, through _callNow) makes a request too.
    const reports = reportsOf(this.client)
    reports?.before()
    try {
      return this._native[method](...args)
    } catch (err) {
      throw this._nativeError(err)
    } finally {
      reports?.after()
    }
  }

  /**
   * A store request made through the core resource on behalf of this resource (listing or
   * deleting its keys): errors named by the S3 command, as the client's own requests name them.
   * @param {string} commandName
   * @param {string} method
   * @param {...any} args
   */
  async _callCommand (commandName, method, ...args) {
    const reports = reportsOf(this.client)
    reports?.before()
    try {
      return await this._native[method](...args)
    } catch (err) {
      throw fromNative(err, { bucket: this.client.bucket, commandName })
    } finally {
      reports?.after()
    }
  }

  /**
   * Waits before a conflicted read-modify-write (a 412 on its If-Match) is re-run, `attempt`
   * counted from 1; resolves false once the attempts of an update are spent.
   * @param {number} attempt
   * @returns {Promise<boolean>}
   */
  _conflictBackoff (attempt) {
    return this._native.conflictBackoff(attempt)
  }

  _nativeError (err) {
    return fromNative(err, { bucket: this.client.bucket, resourceName: this.name })
  }

  /** Emits only when someone listens; async events run after the caller continues. */
  _emitEvent (event, payload) {
    if (this.eventsDisabled || this.listenerCount(event) === 0) return
    const fire = () => {
      try {
        this.emit(event, payload)
      } catch (err) {
        if (this.listenerCount('error') > 0) this.emit('error', err, payload)
      }
    }
    if (this.asyncEvents) setImmediate(fire)
    else fire()
  }

  /** `operation` names the write in `partitionIndexError`, as s3db.js does (insert, update, ...). */
  _reportWrite (out, operation = 'write') {
    if (out.exceedsLimit) this._emitEvent('exceedsLimit', out.exceedsLimit)
    for (const failure of out.partitionFailures ?? []) {
      const error = fromErrorRecord(failure.error)
      this._emitEvent('partitionIndexError', { operation, id: out.record?.id, error, message: failure.error.message, key: failure.key })
    }
  }

  /** The get hooks a write's own read runs in 19.5.10 (insert, update and delete read by `get`). */
  async _asRead (record) {
    if (!record || (!this._hasHooks('beforeGet') && !this._hasHooks('afterGet'))) return record
    await this.executeHooks('beforeGet', { id: record.id })
    return this.executeHooks('afterGet', record)
  }

  _listensFetched (id) {
    return !this.eventsDisabled && (this.listenerCount('fetched') > 0 || this.listenerCount(`fetched:${id}`) > 0)
  }

  /** `fetched` for a read a write made (insert, update, delete read the record as `get` does). */
  _emitFetched (record) {
    if (!record || !this._listensFetched(record.id)) return
    const payload = { ...record }
    this._emitEvent('fetched', payload)
    this._emitEvent(`fetched:${record.id}`, payload)
  }

  /** `resource=<name>/data/id=<id>`, relative to the key prefix (the core's layout). */
  getResourceKey (id) {
    return this._askCore('recordKey', String(id))
  }

  getDefinitionHash () {
    return this._native.definitionHash()
  }

  /** The core's key maps of this definition: its schemaRegistry and its plugin map (`{ attr: key }`). */
  _keyMaps () {
    if (!this._native) return { registry: { mapping: {} }, pluginMap: {} } // not yet configured
    return {
      registry: JSON.parse(this._native.registryJson()),
      pluginMap: Object.fromEntries(JSON.parse(this._native.pluginMapJson()))
    }
  }

  /**
   * A value derived from the current definition, made by `build` once per definition (a changed
   * definition builds it again): resource.schema's compiled Schema.
   * @template T
   * @param {() => T} build
   * @returns {T}
   */
  _perDefinition (build) {
    const self = /** @type {any} */ (this)
    if (self._derived?.of !== this._native) self._derived = { of: this._native, value: build() }
    return self._derived.value
  }

  /** Its saved s3db.json entry (JSON) with this schema's registries, as uploaded (lib/database.js). */
  _s3dbJsonEntry (savedEntryJson) {
    return native.s3dbJsonEntry(this._native, savedEntryJson)
  }

  async insert (data = {}) {
    let doc = data
    if (doc.id === undefined && this.idGenerator) doc = { ...doc, id: String(await this.idGenerator(doc)) }
    doc = await this.executeHooks('beforeInsert', doc)
    const out = JSON.parse(await this._call('insert', documentJson(doc, 'insert data')))
    this._reportWrite(out, 'insert')
    // 19.5.10 reads the record back after writing it (get hooks, then `fetched`).
    const read = await this._asRead(revive(out.record, this._bytePaths))
    this._emitFetched(read)
    const record = await this.executeHooks('afterInsert', read)
    this._emitEvent('inserted', record)
    this._emitEvent(`inserted:${out.record.id}`, record)
    return record
  }

  async get (id) {
    checkId(id)
    await this.executeHooks('beforeGet', { id })
    const record = await this.executeHooks('afterGet', revive(JSON.parse(await this._call('get', id)), this._bytePaths))
    this._emitEvent('fetched', record)
    this._emitEvent(`fetched:${id}`, record)
    return record
  }

  async getOrNull (id) {
    try {
      return await this.get(id)
    } catch (err) {
      if (err instanceof NoSuchKey) return null
      throw err
    }
  }

  async getOrThrow (id) {
    try {
      return await this.get(id)
    } catch (err) {
      if (err instanceof NoSuchKey) throw new ResourceError(`Resource '${this.name}' with id '${id}' not found`, { resourceName: this.name, operation: 'getOrThrow', id, code: 'RESOURCE_NOT_FOUND' })
      throw err
    }
  }

  /**
   * s3db.js: an unsafe id throws ValidationError, an empty one is simply absent, storage errors throw.
   * Not an async function: without exists hooks (the common case) an answer in place is
   * returned as a settled promise, with no async frame or hook turn around it.
   * @param {string} id
   * @returns {Promise<boolean>}
   */
  exists (id) {
    if (this._hasHooks('beforeExists') || this._hasHooks('afterExists')) return existsWithHooks(this, id)
    if (typeof id !== 'string' || id.length === 0) return Promise.resolve(false)
    let now
    try {
      // An in-process store answers without a thread hop; null means ask asynchronously.
      now = this._callNow('existsInPlace', id)
    } catch (err) {
      return Promise.reject(err)
    }
    return now === null ? this._call('exists', id) : Promise.resolve(now)
  }

  async update (id, data) {
    checkId(id, 'Provide the target id when calling update().', true)
    // 19.5.10 fails on Object.keys of a missing patch with a TypeError.
    if (data === undefined || data === null) throw new TypeError(`update() needs the fields to change, got ${data}`)
    let out
    // In two steps also for `fetched` listeners: 19.5.10 sends the read even when the write fails.
    const stepwise = this._hasHooks('beforeUpdate') || this._hasHooks('beforeGet') || this._hasHooks('afterGet') || this._listensFetched(id)
    if (stepwise) {
      out = await this._updateWithHooks(id, data)
    } else {
      out = JSON.parse(await this._call('update', id, documentJson(data, 'update data')))
    }
    // 19.5.10 reports the update's own fields (and the id) as the data that did not fit.
    if (out.exceedsLimit) out.exceedsLimit.data = { ...data, id }
    this._reportWrite(out, 'update')
    const before = out.hookedBefore ?? revive(out.before, this._bytePaths)
    const written = asWritten(revive(out.record, this._bytePaths))
    const record = await this.executeHooks('afterUpdate', { ...written })
    if (!this.eventsDisabled && (this.listenerCount('updated') > 0 || this.listenerCount(`updated:${id}`) > 0)) {
      const payload = { ...written, $before: { ...before }, $after: { ...record } }
      this._emitEvent('updated', payload)
      this._emitEvent(`updated:${id}`, payload)
    }
    return record
  }

  /** Two crossings so `beforeUpdate` hooks see the merged record; retried if it changed meanwhile. */
  async _updateWithHooks (id, data) {
    for (let attempt = 1; ; attempt++) {
      const prepared = JSON.parse(await this._call('prepareUpdate', id, documentJson(data, 'update data')))
      // 19.5.10 merges into the record its get() returned, after the get hooks.
      const read = await this._asRead(revive({ ...prepared.before }, this._bytePaths))
      if (attempt === 1) this._emitFetched(read)
      const merged = await this.executeHooks('beforeUpdate', hookInput(withHookFields(prepared.merged, read, data), id, read))
      try {
        const out = JSON.parse(await this._call('commitUpdate', id, JSON.stringify(merged), JSON.stringify(prepared.before), prepared.etag))
        return { ...out, before: prepared.before, hookedBefore: read }
      } catch (err) {
        if (!(err instanceof ResourceError && err.statusCode === 412)) throw err
        if (!await this._conflictBackoff(attempt)) throw err
      }
    }
  }

  async patch (id, fields, options = {}) {
    checkId(id, 'Provide the target id when calling patch().', true)
    if (!fields || typeof fields !== 'object') throw new ValidationError('fields must be a non-empty object', { field: 'fields', statusCode: 400, retriable: false, suggestion: 'Pass a plain object with the fields to update (e.g. { status: "active" }).' })
    const args = await this.executeHooks('beforePatch', { id, fields, options })
    const result = await this.update(args.id ?? id, args.fields ?? fields)
    return this.executeHooks('afterPatch', result)
  }

  async replace (id, fullData, options = {}) {
    checkId(id, 'Provide the target id when calling replace().', true)
    if (!fullData || typeof fullData !== 'object') throw new ValidationError('fullData must be a non-empty object', { field: 'fullData', statusCode: 400, retriable: false, suggestion: 'Pass a plain object containing the full resource payload to replace().' })
    const args = await this.executeHooks('beforeReplace', { id, fullData, options })
    const out = JSON.parse(await this._call('replace', args.id ?? id, documentJson(args.fullData ?? fullData, 'replace data')))
    this._reportWrite(out, 'replace')
    // 19.5.10 returns `{ id, ...data }` as written, without a read's fields.
    const { id: writtenId, ...data } = asWritten(revive(out.record, this._bytePaths))
    return this.executeHooks('afterReplace', { id: writtenId, ...data })
  }

  async upsert (data = {}) {
    const { id, ...rest } = data
    if (!id) throw new ValidationError('Resource id is required for upsert', { field: 'id', statusCode: 400, retriable: false, suggestion: 'Provide an id when calling upsert().' })
    if (id !== undefined && await this.exists(id)) return this.update(id, rest)
    return this.insert(data)
  }

  /**
   * @param {string} id
   * @param {Record<string, any>} [data]
   * @param {{ ifMatch?: string }} [options]
   */
  async updateConditional (id, data = {}, { ifMatch } = {}) {
    checkId(id, 'Provide the target id when calling updateConditional().', true)
    if (!ifMatch) {
      throw new ValidationError('updateConditional requires ifMatch option with ETag value', {
        field: 'ifMatch', statusCode: 428, retriable: false, resourceName: this.name, id, suggestion: 'Pass the current object ETag in options.ifMatch to enable conditional updates.'
      })
    }
    let prepared
    try {
      prepared = JSON.parse(await this._call('prepareUpdate', id, documentJson(data, 'update data')))
    } catch (err) {
      if (err instanceof ResourceError && err.statusCode === 404) return { success: false, error: `Resource with id '${id}' does not exist` }
      throw err
    }
    const read = await this._asRead(revive({ ...prepared.before }, this._bytePaths))
    this._emitFetched(read)
    try {
      const merged = await this.executeHooks('beforeUpdate', hookInput(withHookFields(prepared.merged, read, data), id, read))
      const out = JSON.parse(await this._call('commitUpdate', id, JSON.stringify(merged), JSON.stringify(prepared.before), ifMatch))
      this._reportWrite(out, 'updateConditional')
      const written = asWritten(revive(out.record, this._bytePaths))
      const record = await this.executeHooks('afterUpdate', { ...written })
      const payload = { ...written, $before: { ...read }, $after: { ...record } }
      this._emitEvent('updated', payload)
      this._emitEvent(`updated:${id}`, payload)
      return { success: true, data: record, etag: out.record._etag }
    } catch (err) {
      if (err instanceof ResourceError && err.statusCode === 412) return { success: false, error: 'ETag mismatch - object was modified by another process' }
      if (err.name === 'InvalidResourceItem') return { success: false, error: 'Validation failed: ' + (err.validation?.length ? JSON.stringify(err.validation) : 'unknown'), validationErrors: err.validation }
      throw err
    }
  }

  /**
   * Deletes a record; a missing id rejects with `NoSuchKey`. As in s3db.js, the delete hooks and
   * the `deleted` event still see `{ id }` for a missing record before the rejection.
   */
  async delete (id) {
    checkId(id, 'Provide the target id when calling delete().', true)
    // 19.5.10 reads the record first (a `fetched` event) and sends it to hooks and `deleted`.
    const wantsRecord = this._hasHooks('beforeDelete') || this._hasHooks('afterDelete') || this._hasHooks('beforeGet') || this._hasHooks('afterGet') ||
      (!this.eventsDisabled && ['deleted', `deleted:${id}`, 'fetched', `fetched:${id}`].some((e) => this.listenerCount(e) > 0))
    let before = null
    let missing = null
    const notFound = (err) => {
      if (!(err instanceof NoSuchKey)) throw err
      missing = err
      before = { id }
    }
    if (this._hasHooks('beforeDelete')) {
      try {
        before = await this._asRead(revive(JSON.parse(await this._call('get', id)), this._bytePaths))
      } catch (err) {
        notFound(err)
      }
      await this.executeHooks('beforeDelete', before)
    }
    let out = { before: null, partitionFailures: [] }
    if (missing === null) {
      try {
        out = JSON.parse(await this._call('delete', id, wantsRecord && before === null))
      } catch (err) {
        notFound(err)
      }
    }
    if (missing !== null && !wantsRecord) throw missing
    before = before ?? await this._asRead(revive(out.before, this._bytePaths))
    if (missing === null) this._emitFetched(before)
    this._reportWrite({ partitionFailures: out.partitionFailures, record: { id } }, 'delete')
    if (before) await this.executeHooks('afterDelete', before)
    if (wantsRecord) {
      const payload = { ...(before ?? { id }), $before: before && { ...before }, $after: null }
      this._emitEvent('deleted', payload)
      this._emitEvent(`deleted:${id}`, payload)
    }
    if (missing !== null) throw missing
    return this._deleteResponse()
  }

  /** What 19.5.10's delete returns: its client's DeleteObject response (in-process stores: no SDK metadata). */
  _deleteResponse () {
    const { MemoryClient, FileSystemClient } = require('./client')
    const inProcess = this.client instanceof MemoryClient || this.client instanceof FileSystemClient
    if (inProcess) return { DeleteMarker: false, VersionId: null }
    return { $metadata: { httpStatusCode: 204 } }
  }

  /**
   * @param {any} data
   * @param {{ throwOnError?: boolean, includeId?: boolean, mutateOriginal?: boolean }} [options]
   */
  validate (data, { throwOnError = false, includeId = false, mutateOriginal = false } = {}) {
    this._ensureSchemaCompiled()
    const input = includeId ? { ...data } : (({ id, ...rest }) => rest)(data ?? {})
    const result = JSON.parse(this._native.validate(JSON.stringify(input)))
    if (mutateOriginal && data && typeof data === 'object') Object.assign(data, result.data)
    if (!result.isValid && throwOnError) {
      const err = Object.assign(new Error('Validation failed'), { validationErrors: result.errors, invalidData: data })
      throw err
    }
    return { isValid: result.isValid, errors: result.errors, data: result.data }
  }

  /** Rebuilds the native resource from the current definition (after attribute changes). */
  _rebuild (changes) {
    const config = { ...this.$schema, ...changes }
    this._applyConfig(config, this.database.coreResource(config, this.version, false))
  }

  updateAttributes (newAttributes) {
    const oldAttributes = this.attributes
    this._rebuild({ attributes: newAttributes })
    return { oldAttributes, newAttributes }
  }

  /** Adds an attribute owned by a plugin; it gets its own short key (`p` + hash), apart from the user's. */
  addPluginAttribute (name, definition, pluginName) {
    if (!pluginName) throw new ResourceError('addPluginAttribute requires the plugin name', { resourceName: this.name, attribute: name })
    if (this.attributes?.[name] !== undefined) throw new ResourceError(`Attribute '${name}' already exists in resource '${this.name}'`, { resourceName: this.name, attribute: name })
    const others = (this.$schema.pluginAttributes ?? []).filter((a) => a.name !== name)
    const pluginAttributes = [...others, { name, definition, plugin: pluginName }]
    const retiredPluginAttributes = (this.$schema.retiredPluginAttributes ?? []).filter((a) => a.name !== name)
    this._rebuild({ pluginAttributes, retiredPluginAttributes })
    if (this.database?.listenerCount('plugin-attribute-added') > 0) {
      this.database.emit('plugin-attribute-added', { resource: this.name, attribute: name, plugin: pluginName, definition })
    }
  }

  removePluginAttribute (name, pluginName) {
    const before = this.$schema.pluginAttributes ?? []
    const pluginAttributes = before.filter((a) => !(a.name === name && (!pluginName || a.plugin === pluginName)))
    if (pluginAttributes.length === before.length) return false
    // As in s3db.js, values stored for a removed plugin attribute are still decoded by its type.
    const removed = before.filter((a) => !pluginAttributes.includes(a))
    const retired = (this.$schema.retiredPluginAttributes ?? []).filter((a) => a.name !== name)
    const retiredPluginAttributes = [...retired, ...removed]
    this._rebuild({ pluginAttributes, retiredPluginAttributes })
    if (this.database?.listenerCount('plugin-attribute-removed') > 0) this.database.emit('plugin-attribute-removed', { resource: this.name, attribute: name, plugin: pluginName })
    return true
  }

  /** Partitions whose fields are not attributes: `{ partitionName: [missing fields] }`. */
  findOrphanedPartitions () {
    const step = (node, part) => (node && typeof node === 'object' ? (node[part] ?? node.props?.[part]) : undefined)
    const has = (path) => path.split('.').reduce(step, this.attributes) !== undefined
    const orphaned = {}
    for (const [name, def] of Object.entries(this.config.partitions)) {
      const missing = Object.keys(def.fields ?? {}).filter((f) => !has(f) && !(this.config.timestamps && (f === 'createdAt' || f === 'updatedAt')))
      if (missing.length) orphaned[name] = missing
    }
    return orphaned
  }

  validatePartitions () {
    const orphaned = this.findOrphanedPartitions()
    const [name, fields] = Object.entries(orphaned)[0] ?? []
    if (name) {
      throw new PartitionError(`Partition '${name}' uses field '${fields[0]}' which does not exist in resource attributes`, { resourceName: this.name, partitionName: name, fieldName: fields[0] })
    }
    return true
  }

  removeOrphanedPartitions ({ dryRun = false } = {}) {
    const orphaned = this.findOrphanedPartitions()
    if (!dryRun && Object.keys(orphaned).length) {
      const partitions = Object.fromEntries(Object.entries(this.config.partitions).filter(([name]) => !orphaned[name]))
      this._rebuild({ partitions })
      this._emitEvent('orphanedPartitionsRemoved', { resourceName: this.name, removed: Object.keys(orphaned), details: orphaned })
    }
    return orphaned
  }

  dispose () {
    if (this.listenerCount('resource:disposed') > 0) this.emit('resource:disposed', { resourceName: this.name })
    this.removeAllListeners()
  }

  /** The definition as s3db.js exports it: its schema's export plus the resource's options. */
  export () {
    const exported = schemaExport(this)
    const config = this.config
    return Object.assign(exported, {
      behavior: this.behavior,
      timestamps: config.timestamps,
      partitions: config.partitions || {},
      paranoid: config.paranoid,
      allNestedObjectsOptional: config.allNestedObjectsOptional,
      autoDecrypt: config.autoDecrypt,
      cache: config.cache ?? false,
      hooks: this.hooks,
      // s3db.js overwrites the schema's map with the resource's `map` option (undefined unless given).
      map: /** @type {any} */ (this).map
    })
  }

  on (event, listener) {
    if (this.eventsDisabled) return this
    return super.on(event, listener)
  }

  once (event, listener) {
    if (this.eventsDisabled) return this
    return super.once(event, listener)
  }
}

/** @type {any} */ (Resource.prototype).addListener = Resource.prototype.on
// console.log(resource) shows no passphrase (lib/plugins-surface/safe-inspect.js).
require('./plugins-surface/safe-inspect').installSafeInspect(Resource, ['database', 'client'])
// resource.schema as s3db.js plugins read it (lib/plugins-surface/resource-schema.js).
installSchemaView(Resource)
mixMethods(Resource, hookMethods, listingMethods, bulkMethods, contentMethods, sequenceMethods,
  lazySchemaMethods, partitionMethods)
// 19.5.10 methods s3db-native lacks throw a TypeError naming them (lib/unsupported-methods.js).
require('./unsupported-methods').addUnsupportedMethods(Resource.prototype, 'Resource')

module.exports = { Resource, revive }
