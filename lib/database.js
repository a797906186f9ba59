// @ts-check
'use strict'
// `Database` (also `S3db`): connection, `s3db.json`, the resource registry and database hooks
// (plugins: database-plugins.js). Resource data never passes through here: each Resource talks
// to the core itself. The s3db.json rules (reading and healing the file, versions, entries, the
// definition hash, the uploaded text) are the core's (src/s3db_json.rs): this file does the
// requests, events and logs around them.

const { EventEmitter } = require('node:events')
const { randomBytes } = require('node:crypto')
const { S3Client, MemoryClient, FileSystemClient } = require('./client')
const { POOL_ON_BY_DEFAULT } = require('./pool/client-pool')
const { ConnectionString } = require('./connection-string')
const { Resource } = require('./resource')
const { checkResourceConfig } = require('./resource-config')
const { fromNative, DatabaseError, ConnectionStringError, ResourceNotFound, NoSuchKey } = require('./errors')
const { versionFacts, reviveHooks } = require('./database-metadata')
const native = require('./native')
const pluginMethods = require('./database-plugins')
const { installSafeInspect } = require('./plugins-surface/safe-inspect')
const { emitWithMemorySnapshot } = require('./memory-snapshot')
const { isNativeClient, nativeClientOver, bodyText } = require('./foreign-client')
const { version: packageVersion } = require('../package.json')

/** JSON of a value that may be absent (`null` for the core then). */
const jsonOrNull = (/** @type {unknown} */ value) => value === undefined ? null : JSON.stringify(value)

const DB_HOOK_EVENTS = ['beforeConnect', 'afterConnect', 'beforeCreateResource', 'afterCreateResource', 'beforeUploadMetadata', 'afterUploadMetadata', 'beforeDisconnect', 'afterDisconnect', 'resourceCreated', 'resourceUpdated']

/**
 * The connection string s3db.js builds from explicit options.
 * @param {Record<string, any>} fields
 */
function connectionStringFromFields ({ bucket = 's3db', region = 'us-east-1', accessKeyId, secretAccessKey, endpoint, forcePathStyle }) {
  const keys = accessKeyId && secretAccessKey ? `${encodeURIComponent(accessKeyId)}:${encodeURIComponent(secretAccessKey)}@` : ''
  if (endpoint) {
    const url = new URL(endpoint)
    return `${url.protocol}//${keys}${url.host}/${bucket}${forcePathStyle ? '?forcePathStyle=true' : ''}`
  }
  if (!keys) return undefined
  return `s3://${keys}${bucket}?region=${encodeURIComponent(region)}`
}

function clientFor (connectionString, options) {
  const parsed = new ConnectionString(connectionString)
  if (parsed.clientType === 'memory') return new MemoryClient({ ...options, connectionString })
  if (parsed.clientType === 'filesystem') return new FileSystemClient({ ...options, connectionString })
  // A Database's S3 client has a pool unless told otherwise (s3db.js 19.5.10 passes its executorPool).
  return new S3Client({ ...options, connectionString, [POOL_ON_BY_DEFAULT]: true })
}

/**
 * What database-plugins.js and lazy-schema.js add to Database.prototype, and the fields
 * `_setupPluginSurface` sets.
 * @typedef {typeof pluginMethods & typeof import('./lazy-schema').databaseMethods & {
 *   logger: any, logLevel: string, cronManager: any,
 *   _coordinators: Map<string, any>, _childLoggerLevels: Record<string, string>
 * }} DatabaseMixins
 */
// EventEmitter itself, typed with the members mixed in below.
const DatabaseBase = /** @type {new () => EventEmitter & DatabaseMixins} */ (/** @type {unknown} */ (EventEmitter))

class Database extends DatabaseBase {
  constructor (options = {}) {
    super()
    this.id = randomBytes(8).toString('base64url').slice(0, 7)
    this.version = '1'
    this.s3dbVersion = packageVersion
    this.options = options
    this.verbose = options.verbose === true
    this.parallelism = Number.parseInt(options.parallelism ?? 100, 10) || 100
    this.passphrase = options.passphrase ?? 'secret'
    this.bcryptRounds = options.bcryptRounds ?? 10
    this.versioningEnabled = options.versioningEnabled === true
    this.persistHooks = options.persistHooks === true
    this.strictValidation = options.strictValidation !== false
    this.strictHooks = options.strictHooks === true
    this.disableResourceEvents = options.disableResourceEvents === true
    this.cache = options.cache
    this.pluginList = [...(options.plugins ?? [])]
    this.plugins = {}
    this.pluginRegistry = this.plugins
    this._installedPlugins = new WeakSet()
    this.resources = {}
    this.savedMetadata = null
    /** @type {Record<string, Function[]>} */
    this._hooks = Object.fromEntries(DB_HOOK_EVENTS.map((e) => [e, []]))
    // Logging, the cron manager and global coordinators plugins rely on (lib/database-plugins.js).
    this._setupPluginSurface(options)

    if (options.client) {
      this.client = options.client
      this.connectionString = options.connectionString ?? options.client.connectionString
    } else {
      this.connectionString = options.connectionString ?? connectionStringFromFields(options)
      if (!this.connectionString) throw new ConnectionStringError('Invalid connection string: undefined', { statusCode: 400 })
      const { parallelism: _p, ...clientOptions } = options.clientOptions ?? {}
      const logLevel = options.logLevel ?? options.loggerOptions?.level
      this.client = clientFor(this.connectionString, {
        ...clientOptions,
        parallelism: clientOptions.parallelism ?? this.parallelism,
        verbose: this.verbose,
        logger: this.getChildLogger('S3Client'),
        ...(logLevel !== undefined && { logLevel }),
        ...(options.operationsPool !== undefined && { operationsPool: options.operationsPool }),
        ...(options.executorPool !== undefined && { executorPool: options.executorPool }),
        ...(options.taskExecutor !== undefined && { taskExecutor: options.taskExecutor }),
        ...(options.operationPool !== undefined && { operationPool: options.operationPool }),
        // Kept whole too, so the pool can rank clientOptions above root options (lib/pool/config.js).
        ...(options.clientOptions !== undefined && { clientOptions: options.clientOptions })
      })
    }
    this.bucket = this.client.bucket
    this.keyPrefix = this.client.keyPrefix
  }

  get config () {
    return {
      version: this.version,
      s3dbVersion: this.s3dbVersion,
      bucket: this.bucket,
      keyPrefix: this.keyPrefix,
      parallelism: this.parallelism,
      verbose: this.verbose,
      logLevel: this.logger.level
    }
  }

  isConnected () {
    return !!this.savedMetadata
  }

  // --- hooks ------------------------------------------------------------------------------

  addHook (event, fn) {
    if (!DB_HOOK_EVENTS.includes(event)) throw new DatabaseError(`Unknown hook event: ${event}`, { event, validEvents: DB_HOOK_EVENTS })
    if (typeof fn !== 'function') throw new DatabaseError('Hook must be a function', { event })
    this._hooks[event].push(fn)
  }

  removeHook (event, fn) {
    const list = this._hooks[event]
    if (list) this._hooks[event] = list.filter((h) => h !== fn)
  }

  getHooks (event) {
    return [...(this._hooks[event] ?? [])]
  }

  clearHooks (event) {
    if (this._hooks[event]) this._hooks[event] = []
  }

  async _runHooks (event, context = {}) {
    for (const fn of this._hooks[event] ?? []) {
      try {
        await fn({ database: this, ...context })
      } catch (error) {
        if (this.listenerCount('hookError') > 0) this.emit('hookError', { event, error, context })
        if (this.strictHooks) throw new DatabaseError(`Hook execution failed for event '${event}': ${error.message}`, { event, original: error })
      }
    }
  }

  // --- connection and metadata -------------------------------------------------------------

  async connect () {
    await this._runHooks('beforeConnect', { args: [] })
    this.logger.debug({ databaseId: this.id }, 'connecting to database')
    await this.startPlugins()
    this.savedMetadata = await this._loadMetadata()
    const changes = this.detectDefinitionChanges(this.savedMetadata)
    for (const [name, saved] of Object.entries(this.savedMetadata.resources)) {
      if (!this.resources[name]) this._restoreResource(name, saved)
    }
    if (changes.length) this.emit('db:resource-definitions-changed', { changes, metadata: this.savedMetadata })
    this.logger.info({ databaseId: this.id, resourceCount: Object.keys(this.resources).length, pluginCount: Object.keys(this.pluginRegistry).length }, 'database connected')
    this.emit('db:connected', new Date())
    await this._runHooks('afterConnect', { result: undefined, args: [] })
  }

  /** Reads s3db.json, repairing or replacing a damaged one (the core decides which). */
  async _loadMetadata () {
    /** @type {string | null} */
    let text = null
    try {
      // Own clients: one GET that may fail with NoSuchKey. Injected ones: s3db.js's exists() first.
      if (!isNativeClient(this.client) && !await this.client.exists('s3db.json')) {
        throw new NoSuchKey({ bucket: this.bucket, key: 's3db.json' })
      }
      const res = await this.client.getObject('s3db.json')
      text = (await bodyText(res?.Body)).toString('utf8')
    } catch (err) {
      if (!(err instanceof NoSuchKey)) throw err
    }
    const read = native.s3dbJsonRead(text, this.s3dbVersion)
    const metadata = JSON.parse(read.metadata)
    const { healingLog } = read
    if (read.state === 'ok') return metadata
    if (read.state === 'replaced') {
      const stamp = new Date().toISOString().replace(/[:.]/g, '-')
      const backupKey = `s3db.json.corrupted.${stamp}.backup`
      await this.client.putObject({ key: backupKey, body: text, contentType: 'application/json' })
      this.logger.info({ backupKey }, `created backup of corrupted s3db.json as ${backupKey}`)
    }
    if (read.state === 'healed') this.logger.warn({ healingOperations: healingLog }, 'S3DB self-healing operations')
    await this._putMetadata(metadata)
    if (read.state === 'missing') return metadata
    if (read.state === 'healed') this.logger.info('successfully uploaded healed metadata')
    this.emit('db:metadata-healed', { healingLog, metadata })
    return metadata
  }

  /** Uploads `metadata` as the core writes it, `lastUpdated` now. */
  async _putMetadata (/** @type {Record<string, any>} */ metadata) {
    const { body, lastUpdated } = native.s3dbJsonDocument(JSON.stringify(metadata))
    metadata.lastUpdated = lastUpdated
    await this.client.putObject({ key: 's3db.json', body, contentType: 'application/json' })
    if (this.listenerCount('db:metadata-uploaded') > 0) this.emit('db:metadata-uploaded', metadata)
  }

  blankMetadataStructure () {
    return JSON.parse(native.s3dbJsonBlank(this.s3dbVersion))
  }

  async uploadMetadataFile () {
    await this._runHooks('beforeUploadMetadata', { args: [] })
    if (!this.savedMetadata) this.savedMetadata = this.blankMetadataStructure()
    // 19.x writes the registries of every resource on each upload (plugin attributes may have
    // been added since the resource was saved).
    const saved = this.savedMetadata.resources
    for (const [name, resource] of Object.entries(this.resources)) {
      if (saved?.[name]) saved[name] = JSON.parse(resource._s3dbJsonEntry(JSON.stringify(saved[name])))
    }
    await this._putMetadata(this.savedMetadata)
    await this._runHooks('afterUploadMetadata', { result: undefined, args: [] })
  }

  /** s3db.js flushes a debounced upload (`deferMetadataWrites`); s3db-native uploads s3db.json at once, so nothing is ever pending. */
  async flushMetadata () {}

  /** New or changed in-memory resources against the saved ones (s3db.js also reported every saved resource as deleted). */
  detectDefinitionChanges (metadata) {
    const changes = []
    for (const [name, resource] of Object.entries(this.resources)) {
      const saved = metadata?.resources?.[name]
      const currentHash = resource.getDefinitionHash()
      if (!saved) {
        changes.push({ type: 'new', resourceName: name, currentHash, savedHash: null })
        continue
      }
      const { changed, savedHash, version } = native.s3dbJsonChooseVersion(JSON.stringify(saved), currentHash)
      if (changed) {
        changes.push({ type: 'changed', resourceName: name, currentHash, savedHash, fromVersion: saved.currentVersion, toVersion: version })
      }
    }
    return changes
  }

  /** The hash s3db.json stores for a definition (the core's, without building a resource). */
  generateDefinitionHash (/** @type {Record<string, any>} */ definition, /** @type {string} */ behavior) {
    return this._definitionHash({ ...definition, behavior: behavior ?? definition.behavior, name: definition.name ?? 'hash' })
  }

  getNextVersion (versions = {}) {
    return native.s3dbJsonNextVersion(JSON.stringify(versions ?? {}))
  }

  // --- resources ----------------------------------------------------------------------------

  /**
   * The definition the core takes for a resource config.
   * @param {Record<string, any>} config
   * @param {string} version
   */
  _definition (config, version) {
    return {
      name: config.name,
      attributes: config.attributes,
      behavior: config.behavior,
      timestamps: config.timestamps,
      partitions: config.partitions,
      version,
      idSize: typeof config.idGenerator === 'number' ? config.idGenerator : config.idSize,
      passphrase: config.passphrase ?? this.passphrase,
      bcryptRounds: config.bcryptRounds ?? this.bcryptRounds,
      autoDecrypt: config.autoDecrypt,
      allNestedObjectsOptional: config.allNestedObjectsOptional,
      paranoid: config.paranoid,
      schemaRegistry: config.schemaRegistry,
      pluginAttributes: config.pluginAttributes,
      retiredPluginAttributes: config.retiredPluginAttributes
    }
  }

  /**
   * The core resource of a config.
   * @param {Record<string, any>} config
   * @param {string} version
   */
  _nativeFor (config, version, strict = this.strictValidation) {
    try {
      return this._coreClient().resource(JSON.stringify(this._definition(config, version)), strict)
    } catch (err) {
      throw fromNative(err, { bucket: this.bucket, resourceName: config.name })
    }
  }

  /** The definition hash of a config (the core's rule; malformed configs throw as in `_nativeFor`). */
  _definitionHash (/** @type {Record<string, any>} */ config) {
    try {
      return native.s3dbJsonDefinitionHash(JSON.stringify(this._definition(config, 'v1')))
    } catch (err) {
      throw fromNative(err, { bucket: this.bucket, resourceName: config.name })
    }
  }

  /**
   * The core resource of a resource's definition on this database's core client: how a
   * Resource rebuilds its own after its attributes or partitions change.
   */
  coreResource (config, version, strict = this.strictValidation) {
    return this._nativeFor(config, version, strict)
  }

  /** The core client resources run on: the client's own, or one calling an injected client. */
  _coreClient () {
    if (isNativeClient(this.client)) return this.client.coreClient()
    if (this._foreignCore?.client !== this.client) {
      this._foreignCore = { client: this.client, native: nativeClientOver(this.client) }
    }
    return /** @type {{ native: import('../binding').NativeClient }} */ (this._foreignCore).native
  }

  _resourceConfig (config) {
    return {
      disableEvents: this.disableResourceEvents,
      cache: this.cache,
      ...config,
      passphrase: config.passphrase ?? this.passphrase,
      bcryptRounds: config.bcryptRounds ?? this.bcryptRounds
    }
  }

  /** Restores a saved resource at its saved version (its options as the core reads the entry). */
  _restoreResource (/** @type {string} */ name, /** @type {Record<string, any>} */ saved) {
    const options = JSON.parse(native.s3dbJsonRestoreOptions(JSON.stringify(saved)))
    const hooks = this.persistHooks ? reviveHooks(options.hooks) : undefined
    const config = this._resourceConfig({ name, ...options, hooks })
    try {
      const core = this._nativeFor(config, saved.currentVersion, false)
      const version = saved.currentVersion
      this.resources[name] = new Resource({ database: this, client: this.client, config, native: core, version })
    } catch (error) {
      if (this.listenerCount('error') > 0) this.emit('error', name, error, saved)
    }
  }

  async createResource (rawConfig) {
    await this._runHooks('beforeCreateResource', { config: rawConfig })
    checkResourceConfig(rawConfig, { cache: this.cache, passphrase: this.passphrase })
    const config = this._resourceConfig(rawConfig ?? {})
    const metadata = this.savedMetadata ?? (this.savedMetadata = this.blankMetadataStructure())
    const saved = metadata.resources?.[config.name]
    if (saved?.schemaRegistry && config.schemaRegistry === undefined) config.schemaRegistry = saved.schemaRegistry
    // The version first (from the definition's hash), so the core resource is built once.
    const { version, changed } = native.s3dbJsonChooseVersion(jsonOrNull(saved), this._definitionHash(config))
    const core = this._nativeFor(config, version)
    let resource = this.resources[config.name]
    const existed = !!resource
    if (existed) {
      const oldVersion = resource.version
      resource._applyConfig(config, core)
      resource.version = version
      if (oldVersion !== version) resource._emitEvent('versionUpdated', { oldVersion, newVersion: version })
    } else {
      resource = new Resource({ database: this, client: this.client, config, native: core, version })
      this.resources[config.name] = resource
    }
    if (changed) {
      const facts = JSON.stringify(versionFacts(resource, this.persistHooks))
      const entry = native.s3dbJsonRecordVersion(core, jsonOrNull(saved), version, facts)
      metadata.resources[config.name] = JSON.parse(entry)
      await this.uploadMetadataFile()
    }
    this.emit(existed ? 'db:resource-updated' : 'db:resource-created', config.name)
    if (!existed) emitWithMemorySnapshot(this, 'db:resource:metrics', { resource: config.name })
    await this._runHooks('afterCreateResource', { resource, config })
    return resource
  }

  resource (name) {
    return this.resources[name]
  }

  async getResource (name) {
    const resource = this.resources[name]
    if (!resource) throw new ResourceNotFound({ bucket: this.bucket, resourceName: String(name), id: String(name) })
    return resource
  }

  /** Every resource's export(), as 19.5.10 lists them. */
  async listResources () {
    return Object.values(this.resources).map((resource) => resource.export())
  }

  resourceExists (name) {
    return !!this.resources[name]
  }

  resourceExistsWithSameHash ({ name, attributes, behavior = 'user-managed', partitions = {} }) {
    const resource = this.resources[name]
    if (!resource) return { exists: false, sameHash: false, hash: null }
    // A resource of the definition is built, as 19.5.10 builds one: a malformed one throws.
    const config = { name, attributes, behavior, partitions, timestamps: resource.config.timestamps }
    const hash = this._nativeFor(config, resource.version, false).definitionHash()
    const existingHash = resource.getDefinitionHash()
    return { exists: true, sameHash: hash === existingHash, hash, existingHash }
  }

  async disconnect () {
    await this._runHooks('beforeDisconnect', { args: [] })
    this.logger.debug({ databaseId: this.id }, 'disconnecting from database')
    this.emit('disconnected', new Date())
    for (const plugin of Object.values(this.plugins)) {
      try {
        plugin.removeAllListeners?.()
        await plugin.stop?.()
      } catch {}
    }
    await this._stopPluginSurface()
    for (const resource of Object.values(this.resources)) resource.dispose()
    this.resources = {}
    this.client.removeAllListeners?.()
    this.emit('db:disconnected', new Date())
    await this._runHooks('afterDisconnect', { result: undefined, args: [] })
    this.removeAllListeners()
    this.savedMetadata = null
    this.plugins = {}
    this.pluginRegistry = this.plugins
    this._installedPlugins = new WeakSet()
    this.pluginList = []
  }
}

// Plugin registration and lifecycle (lib/database-plugins.js).
installSafeInspect(Database)
require('./mixins').mixMethods(Database, pluginMethods, require('./lazy-schema').databaseMethods)
// 19.5.10 methods s3db-native lacks throw a TypeError naming them (lib/unsupported-methods.js).
require('./unsupported-methods').addUnsupportedMethods(Database.prototype, 'Database')

class S3db extends Database {}

module.exports = { Database, S3db, DB_HOOK_EVENTS }
