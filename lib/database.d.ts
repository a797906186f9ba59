// Types of Database, Resource and Plugin (the s3db.js API they implement).
/// <reference types="node" />

import { EventEmitter } from 'node:events'
import { Readable, Writable } from 'node:stream'
import type { S3Client, ClientOptions, ValidationIssue } from '../index.js'
import type { OperationsPoolOptions } from './operations-pool.js'
import type { IncrementalIdGeneratorConfig, IncrementalIdGenerator, SequenceInfo, BatchInfo, BatchStatus } from './resource-sequences.js'
import type { Logger as PinoLogger } from 'pino'

export type Behavior = 'user-managed' | 'enforce-limits' | 'truncate-data' | 'body-overflow' | 'body-only'

/** An attribute: a fastest-validator string (`'string|min:2'`), a rule object, or a nested schema. */
export type AttributeDefinition = string | { type?: string, optional?: boolean, [rule: string]: unknown } | { [field: string]: AttributeDefinition }

export interface PartitionDefinition {
  fields: Record<string, string>
}

export type HookEvent =
  | 'beforeInsert' | 'afterInsert' | 'beforeUpdate' | 'afterUpdate' | 'beforeDelete' | 'afterDelete'
  | 'beforeGet' | 'afterGet' | 'beforeList' | 'afterList' | 'beforeQuery' | 'afterQuery'
  | 'beforePatch' | 'afterPatch' | 'beforeReplace' | 'afterReplace' | 'beforeExists' | 'afterExists'
  | 'beforeCount' | 'afterCount' | 'beforeGetMany' | 'afterGetMany' | 'beforeDeleteMany' | 'afterDeleteMany'

/** A hook's return value replaces the data; returning nothing leaves it unchanged. */
export type Hook = (this: Resource, data: any) => unknown

export type MiddlewareMethod = 'get' | 'list' | 'listIds' | 'getAll' | 'count' | 'page' | 'insert' | 'update' | 'delete' | 'deleteMany' | 'exists' | 'getMany' | 'content' | 'hasContent' | 'query' | 'getFromPartition' | 'setContent' | 'deleteContent' | 'replace'
export interface MiddlewareContext { resource: Resource, args: any[], method: MiddlewareMethod }
export type Middleware = (ctx: MiddlewareContext, next: () => Promise<any>) => Promise<any>

export interface ResourceConfig {
  name: string
  attributes: Record<string, AttributeDefinition>
  behavior?: Behavior
  timestamps?: boolean
  /** `{ byStatus: { fields: { status: 'string' } } }` or the shorthand `['status']`. */
  partitions?: Record<string, PartitionDefinition> | string[]
  paranoid?: boolean
  asyncPartitions?: boolean
  strictPartitions?: boolean
  hooks?: Partial<Record<HookEvent, Hook[]>>
  events?: Record<string, ((...args: any[]) => void) | Array<(...args: any[]) => void>>
  asyncEvents?: boolean
  disableEvents?: boolean
  /** A function, an id length, or sequential ids kept in the bucket (`'incremental'`, `'incremental:ORD-0001'`, `{ type: 'incremental', ... }`). */
  idGenerator?: ((data: Record<string, unknown>) => string | Promise<string>) | number | IncrementalIdGeneratorConfig
  idSize?: number
  /** s3db.js 19.3+: the schema counts as compiled only from its first use (or `prewarmSchema()`). */
  lazySchema?: boolean
  passphrase?: string
  bcryptRounds?: number
  autoDecrypt?: boolean
  allNestedObjectsOptional?: boolean
  strictValidation?: boolean
  version?: string
  cache?: unknown
  middlewares?: Middleware[] | Partial<Record<MiddlewareMethod | '*', Middleware | Middleware[]>>
  createdBy?: string
  [option: string]: unknown
}

/** A stored record: its fields, `id` and the system fields reads add. */
/**
 * What a batch read (`getMany`, `list`, `getAll`, `page`, iteration) puts in place of a record
 * it could not read when the resource has no `error` listener (19.5.10's shape). With a
 * listener the failure is an `error` event instead. Test for it with `'_error' in item`.
 */
/** What `resource.export()` and `db.listResources()` give, as in s3db.js 19.5.10. */
export interface ResourceExport {
  version: number
  name: string
  options: Record<string, unknown>
  attributes: Record<string, unknown>
  /** The resource's `map` option (undefined unless given), as 19.5.10 sets it. */
  map?: Record<string, string>
  pluginMap: Record<string, string>
  _pluginAttributeMetadata: Record<string, unknown>
  _pluginAttributes: Record<string, string[]>
  behavior: string
  timestamps: boolean
  partitions: Record<string, PartitionDefinition>
  paranoid: boolean
  allNestedObjectsOptional: boolean
  autoDecrypt: boolean
  cache: boolean
  hooks: Record<string, Array<(...args: any[]) => unknown>>
}

export interface UnreadRecord {
  id: string
  _error: string
  _decryptionFailed: boolean
}

export type ResourceRecord<T = Record<string, any>> = T & {
  id: string
  _contentLength: number
  _lastModified: Date
  _hasContent: boolean
  _mimeType: string
  _etag: string
  _v: string
  _definitionHash: string
  _versionId?: string
  _partition?: string
  _partitionValues?: Record<string, unknown>
}

export interface ListOptions {
  partition?: string
  partitionValues?: Record<string, unknown>
  /** Without a limit, every record is returned. */
  limit?: number
  offset?: number
}

export interface PageResult<T = Record<string, any>> {
  items: Array<ResourceRecord<T>>
  totalItems: number | null
  page: number
  pageSize: number
  totalPages: number | null
  hasMore: boolean
  _debug: { requestedSize: number, requestedOffset: number, actualItemsReturned: number, skipCount: boolean, hasTotalItems: boolean, error?: string }
}

export interface ValidationResult { isValid: boolean, errors: ValidationIssue[], data: Record<string, unknown> }

/**
 * `progress` of a long bulk operation (an s3db-native addition; s3db.js has no such event).
 * Emitted only while someone listens, for batches longer than 100 items, at most once per 100
 * items and once at the end (`done === total`).
 */
export interface BulkProgress {
  operation: 'insertMany' | 'getMany' | 'deleteMany' | 'deleteAll' | 'deleteAllData' | 'iterate'
  /** Items handled so far, failed ones included: records, or objects for deleteAll/deleteAllData. */
  done: number
  total: number
}

/** Resource events and their listener arguments; others (`inserted:<id>`, ...) are untyped. */
export interface ResourceEvents<T = Record<string, any>> {
  inserted: [record: ResourceRecord<T>]
  updated: [record: ResourceRecord<T> & { $before: ResourceRecord<T>, $after: ResourceRecord<T> }]
  /** The deleted record (only `{ id }` for a missing one, before `delete` rejects). */
  deleted: [deleted: Partial<ResourceRecord<T>> & { id: string, $before: Partial<ResourceRecord<T>> | null, $after: null }]
  fetched: [record: ResourceRecord<T>]
  'inserted-many': [count: number]
  'deleted-many': [count: number]
  'fetched-many': [count: number]
  'listed-ids': [count: number]
  count: [count: number]
  list: [info: { count: number, errors: number, partition?: string, partitionValues?: Record<string, unknown> }]
  paginated: [page: PageResult<T>]
  'deleted-all': [info: { version: string, prefix: string, deletedCount: number }]
  'deleted-all-data': [info: { resource: string, prefix: string, deletedCount: number }]
  progress: [progress: BulkProgress]
  error: [error: Error, item: unknown]
}

export class Resource<T extends Record<string, any> = Record<string, any>> extends EventEmitter {
  name: string
  version: string
  behavior: Behavior
  attributes: Record<string, AttributeDefinition>
  client: S3Client
  database: Database
  hooks: Record<HookEvent, Hook[]>
  idSize: number
  idGenerator: ((data: Record<string, unknown>) => string | Promise<string>) | IncrementalIdGenerator | null
  idGeneratorType: 'custom' | 'incremental' | 'nanoid'
  passphrase: string
  bcryptRounds: number
  config: { cache: unknown, hooks: Record<string, Hook[]>, paranoid: boolean, timestamps: boolean, partitions: Record<string, PartitionDefinition>, autoDecrypt: boolean, allNestedObjectsOptional: boolean, asyncEvents: boolean, asyncPartitions: boolean, strictPartitions: boolean, createdBy: string }
  $schema: Readonly<ResourceConfig>

  insert (data: Partial<T> & { id?: string }): Promise<ResourceRecord<T>>
  insertMany (objects: Array<Partial<T> & { id?: string }>): Promise<Array<ResourceRecord<T>>>
  get (id: string): Promise<ResourceRecord<T>>
  getOrNull (id: string): Promise<ResourceRecord<T> | null>
  getOrThrow (id: string): Promise<ResourceRecord<T>>
  exists (id: string): Promise<boolean>
  update (id: string, data: Partial<T> & Record<string, unknown>): Promise<ResourceRecord<T>>
  patch (id: string, fields: Partial<T> & Record<string, unknown>, options?: { partition?: string, partitionValues?: Record<string, unknown> }): Promise<ResourceRecord<T>>
  replace (id: string, fullData: Partial<T>, options?: Record<string, unknown>): Promise<ResourceRecord<T>>
  upsert (data: Partial<T> & { id: string }): Promise<ResourceRecord<T>>
  updateConditional (id: string, data: Partial<T>, options: { ifMatch: string }): Promise<{ success: boolean, data?: ResourceRecord<T>, etag?: string, error?: string, validationErrors?: ValidationIssue[] }>
  delete (id: string): Promise<{ $metadata: { httpStatusCode?: number } }>
  /** s3db.js 19's counts: records deleted, and ids that failed (missing or unsafe; each also an `error` event). */
  deleteMany (ids: string[]): Promise<{ deleted: number, errors: number }>
  deleteAll (): Promise<{ deletedCount: number, version: string }>
  deleteAllData (): Promise<{ deletedCount: number, resource: string }>
  /** Every record; one that could not be read is an `error` event or an {@link UnreadRecord}. */
  list (options?: ListOptions): Promise<Array<ResourceRecord<T>>>
  listIds (options?: ListOptions): Promise<string[]>
  count (options?: { partition?: string, partitionValues?: Record<string, unknown> }): Promise<number>
  page (options?: { offset?: number, size?: number, partition?: string, partitionValues?: Record<string, unknown>, skipCount?: boolean }): Promise<PageResult<T>>
  query (filter?: Partial<T>, options?: ListOptions): Promise<Array<ResourceRecord<T>>>
  /** In id order; an unreadable record is an `error` event or an {@link UnreadRecord} at its place. */
  getMany (ids: string[]): Promise<Array<ResourceRecord<T>>>
  getAll (): Promise<Array<ResourceRecord<T>>>
  getFromPartition (params: { id: string, partitionName: string, partitionValues: Record<string, unknown> }): Promise<ResourceRecord<T>>
  iterate (options?: { partition?: string, partitionValues?: Record<string, unknown>, pageSize?: number }): AsyncGenerator<ResourceRecord<T>>
  [Symbol.asyncIterator] (): AsyncGenerator<ResourceRecord<T>>
  readable (options?: { partition?: string, partitionValues?: Record<string, unknown>, batchSize?: number }): Readable
  writable (options?: { concurrency?: number }): Writable
  setContent (params: { id: string, buffer: Buffer | string, contentType?: string }): Promise<ResourceRecord<T>>
  content (id: string): Promise<{ buffer: Buffer | null, contentType: string | null }>
  hasContent (id: string): Promise<boolean>
  deleteContent (id: string): Promise<unknown>
  validate (data: Record<string, unknown>, options?: { throwOnError?: boolean, includeId?: boolean, mutateOriginal?: boolean }): ValidationResult
  addHook (event: HookEvent, fn: Hook): void
  executeHooks<D> (event: HookEvent, data: D): Promise<D>
  useMiddleware (method: MiddlewareMethod, fn: Middleware): void
  getResourceKey (id: string): string
  updateAttributes (attributes: Record<string, AttributeDefinition>): { oldAttributes: Record<string, AttributeDefinition>, newAttributes: Record<string, AttributeDefinition> }
  addPluginAttribute (name: string, definition: AttributeDefinition, pluginName: string): void
  removePluginAttribute (name: string, pluginName?: string): boolean
  findOrphanedPartitions (): Record<string, string[]>
  validatePartitions (): true
  removeOrphanedPartitions (options?: { dryRun?: boolean }): Record<string, string[]>
  getDefinitionHash (): string
  /** Incremental ids (null, or false for `resetSequence`, on resources without a sequence). */
  getSequenceValue (fieldName?: string): Promise<number | null>
  resetSequence (fieldName: string, value: number): Promise<boolean>
  listSequences (): Promise<SequenceInfo[] | null>
  reserveIdBatch (count?: number): Promise<BatchInfo | null>
  getBatchStatus (fieldName?: string): BatchStatus | null
  releaseBatch (fieldName?: string): void
  hasAsyncIdGenerator (): boolean
  isSchemaCompiled (): boolean
  prewarmSchema (): void
  /** The reference key of `data` in a partition, or null when a field (or the id) is missing; an unknown partition throws `PartitionError`. */
  getPartitionKey (params: { partitionName: string, id?: string, data: Record<string, unknown> }): string | null
  getNestedFieldValue (data: Record<string, unknown>, fieldPath: string): unknown
  listPartition (params: { partition: string, partitionValues?: Record<string, unknown>, limit?: number, offset?: number }): Promise<Array<ResourceRecord<T> & { _partition: string, _partitionValues: Record<string, unknown> }>>
  export (): ResourceExport
  /** The definition as s3db.js's Schema shows it to plugins (attributes with plugin attributes, partitions). */
  readonly schema: ResourceSchemaView
  dispose (): void
  on<E extends keyof ResourceEvents<T>> (event: E, listener: (...args: ResourceEvents<T>[E]) => void): this
  on (event: string | symbol, listener: (...args: any[]) => void): this
  once<E extends keyof ResourceEvents<T>> (event: E, listener: (...args: ResourceEvents<T>[E]) => void): this
  once (event: string | symbol, listener: (...args: any[]) => void): this
}

// --- logging and the plugin surface (s3db.js 19.x) -------------------------------------------

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent'
export type LogFormat = 'json' | 'pretty'
/** A pino logger: `db.logger`, `db.getChildLogger(name)`, what plugins receive. */
export type Logger = PinoLogger

export interface LoggerOptions {
  /** Default 'info'; `S3DB_LOG_LEVEL` overrides it. */
  level?: LogLevel
  /** Default 'pretty' when pino-pretty is installed, else JSON lines; `S3DB_LOG_FORMAT` overrides it. */
  format?: LogFormat
  /** Levels of named child loggers (`getChildLogger(name)`). */
  childLevels?: Record<string, LogLevel>
  /** A pino transport, as in pino's options. */
  transport?: Record<string, unknown>
  /** Where the lines go instead of stdout (any stream with `write`). */
  destination?: { write (line: string): unknown }
  bindings?: Record<string, unknown>
  /** More fields to censor, as pino redact paths. */
  redactPaths?: string[]
}

export interface ResourceSchemaView {
  name: string
  version: string
  attributes: Record<string, AttributeDefinition>
  /** Plugin name -> the attributes it added. */
  _pluginAttributes: Record<string, string[]>
  partitions: Record<string, PartitionDefinition>
  timestamps: boolean
  options: { timestamps: boolean, partitions: Record<string, PartitionDefinition> }
}

/** Options every s3db.js plugin takes. */
export interface PluginConfig {
  slug?: string
  namespace?: string
  instanceId?: string
  logLevel?: LogLevel
  logger?: Logger
  storage?: { driver?: 's3' | 'filesystem', config?: Record<string, unknown> }
  [option: string]: unknown
}

export type HookHandler = (...args: any[]) => unknown
export type WrapperFunction = (result: any, args: any[], methodName: string) => unknown
export type MiddlewareFunction = (next: (...args: any[]) => Promise<any>, ...args: any[]) => Promise<any>

export interface ScheduledTask { start?(): void, stop?(): void, destroy?(): void, run?(): Promise<unknown> }

/** `db.cronManager`: the job scheduler plugins use (intervals as timers; cron expressions need node-cron). */
export interface CronManager {
  disabled: boolean
  schedule (expression: string, fn: () => unknown, name: string, options?: { replace?: boolean, scheduled?: boolean, timezone?: string }): Promise<ScheduledTask | null>
  scheduleInterval (ms: number, fn: () => unknown, name: string, options?: { replace?: boolean, scheduled?: boolean }): Promise<ScheduledTask | null>
  stop (name: string): boolean
  getStats (): { totalJobs: number, isDestroyed: boolean, jobs: Array<{ name: string, expression: string, createdAt: number, uptime: number }> }
  shutdown (): Promise<void>
}

export interface LeaderChangeEvent { namespace: string, previousLeader: string | null, newLeader: string | null, epoch: number, timestamp: number }

export interface GlobalCoordinatorConfig {
  /** ms, at least 1000 (default 5000). */
  heartbeatInterval?: number
  heartbeatJitter?: number
  /** ms a leader's lease runs, at least 5000 (default 15000). */
  leaseTimeout?: number
  /** ms a worker counts as alive after its last heartbeat, at least 5000 (default 20000). */
  workerTimeout?: number
  diagnosticsEnabled?: boolean
  circuitBreaker?: { failureThreshold?: number, resetTimeout?: number }
}

/** `db.getGlobalCoordinator(namespace)`: the leader election shared by the coordinator plugins. */
export interface GlobalCoordinatorService extends EventEmitter {
  namespace: string
  workerId: string
  isRunning: boolean
  isLeader: boolean
  currentLeaderId: string | null
  currentEpoch: number
  start (): Promise<void>
  stop (): Promise<void>
  /** One heartbeat now: register workers, read the state, elect or renew when due. */
  heartbeat (): Promise<void>
  subscribePlugin (pluginName: string, plugin: { workerId?: string, onGlobalLeaderChange?(isLeader: boolean, event: LeaderChangeEvent): void }): Promise<void>
  unsubscribePlugin (pluginName: string): void
  /** The leader while its lease runs, else null. */
  getLeader (): Promise<string | null>
  isLeaderCheck (workerId: string): Promise<boolean>
  getEpoch (): Promise<number>
  getActiveWorkers (): Promise<Array<{ workerId: string, pluginName: string, pod: string, lastHeartbeat: number, startTime: number | null, namespace: string }>>
  getMetrics (): Record<string, number | string | null>
  incrementEpochDriftEvents (): void
  on (event: 'leader:changed', listener: (event: LeaderChangeEvent) => void): this
  on (event: string | symbol, listener: (...args: any[]) => void): this
}

export interface DatabaseOptions {
  logLevel?: LogLevel
  /** An app's pino logger, used as is (`logLevel` is applied to it). */
  logger?: Logger
  loggerOptions?: LoggerOptions
  cronManager?: CronManager
  connectionString?: string
  bucket?: string
  region?: string
  accessKeyId?: string
  secretAccessKey?: string
  sessionToken?: string
  endpoint?: string
  forcePathStyle?: boolean
  /** One of s3db-native's clients, or any object with the s3db.js client API (requests then go through it). */
  client?: S3Client | ClientLike
  clientOptions?: Partial<ClientOptions> & { operationsPool?: OperationsPoolOptions | false }
  parallelism?: number | string
  operationsPool?: OperationsPoolOptions | false
  executorPool?: OperationsPoolOptions | false
  taskExecutor?: OperationsPoolOptions | false
  verbose?: boolean
  plugins?: Array<PluginLike | (new (db: Database) => PluginLike)>
  cache?: unknown
  passphrase?: string
  bcryptRounds?: number
  versioningEnabled?: boolean
  persistHooks?: boolean
  strictValidation?: boolean
  strictHooks?: boolean
  disableResourceEvents?: boolean
  [option: string]: unknown
}

/** What a Database needs of an injected client object. */
export interface ClientLike {
  bucket?: string
  keyPrefix?: string
  connectionString?: string
  putObject (params: { key: string, body?: unknown, metadata?: Record<string, string>, contentType?: string, contentEncoding?: string, ifMatch?: string, ifNoneMatch?: string }): Promise<any>
  getObject (key: string): Promise<any>
  headObject (key: string): Promise<any>
  exists (key: string): Promise<boolean>
  deleteObject (key: string): Promise<unknown>
  listObjects (params: { prefix?: string, maxKeys?: number, continuationToken?: string, delimiter?: string, startAfter?: string }): Promise<any>
  [member: string]: any
}

export type DatabaseHookEvent = 'beforeConnect' | 'afterConnect' | 'beforeCreateResource' | 'afterCreateResource' | 'beforeUploadMetadata' | 'afterUploadMetadata' | 'beforeDisconnect' | 'afterDisconnect' | 'resourceCreated' | 'resourceUpdated'

export interface DefinitionChange { type: 'new' | 'changed' | 'deleted', resourceName: string, currentHash: string | null, savedHash: string | null, fromVersion?: string, toVersion?: string }

export interface PluginLike {
  install?(db: Database): unknown
  start?(): unknown
  stop?(): unknown
  uninstall?(options?: Record<string, unknown>): unknown
  setInstanceName?(name: string): void
  removeAllListeners?(): unknown
  [member: string]: any
}

/** Process memory in whole megabytes, as s3db.js reports it with its metrics events. */
export interface ProcessMemorySnapshot {
  /** ISO 8601. */
  timestamp: string
  rssMB: number
  heapUsedMB: number
  heapTotalMB: number
  externalMB: number
  arrayBuffersMB?: number
}

export interface ResourceMetrics extends ProcessMemorySnapshot { resource: string }
export interface PluginMetrics extends ProcessMemorySnapshot { stage: 'install' | 'start', plugin: string }

/** Database events and their listener arguments. */
export interface DatabaseEvents {
  'db:connected': [connectedAt: Date]
  'db:resource-definitions-changed': [info: { changes: DefinitionChange[], metadata: Record<string, any> }]
  'db:metadata-uploaded': [metadata: Record<string, any>]
  'db:metadata-healed': [info: { healingLog: string[], metadata: Record<string, any> }]
  'db:resource-created': [resourceName: string]
  'db:resource-updated': [resourceName: string]
  /** Right after `db:resource-created` (not after `db:resource-updated`). */
  'db:resource:metrics': [metrics: ResourceMetrics]
  /** During connect(): after each plugin's install, then after each plugin's start. */
  'db:plugin:metrics': [metrics: PluginMetrics]
  'db:plugin:uninstalled': [info: { name: string, plugin: PluginLike }]
  'plugin-attribute-added': [info: { resource: string, attribute: string, plugin: string, definition: AttributeDefinition }]
  'plugin-attribute-removed': [info: { resource: string, attribute: string, plugin?: string }]
  disconnected: [disconnectedAt: Date]
  'db:disconnected': [disconnectedAt: Date]
  hookError: [info: { event: DatabaseHookEvent, error: unknown, context: Record<string, unknown> }]
  /** An item a bulk write could not store, or a saved resource that could not be restored. */
  error: [resourceName: string, error: Error, item: unknown]
}

export class Database extends EventEmitter {
  constructor (options: DatabaseOptions)
  id: string
  version: string
  s3dbVersion: string
  options: DatabaseOptions
  client: S3Client
  bucket: string
  keyPrefix: string
  connectionString: string
  resources: Record<string, Resource>
  savedMetadata: Record<string, any> | null
  plugins: Record<string, PluginLike>
  pluginRegistry: Record<string, PluginLike>
  pluginList: PluginLike[]
  parallelism: number
  passphrase: string
  bcryptRounds: number
  verbose: boolean
  readonly config: { version: string, s3dbVersion: string, bucket: string, keyPrefix: string, parallelism: number, verbose: boolean, logLevel: string }
  logger: Logger
  logLevel: string
  cronManager: CronManager
  /** A child of `db.logger` bound to `name` (level from `setChildLevel` / `loggerOptions.childLevels`). */
  getChildLogger (name: string, bindings?: Record<string, unknown>): Logger
  setChildLevel (name: string, level: LogLevel): void
  getGlobalCoordinator (namespace: string, options?: { autoStart?: boolean, config?: GlobalCoordinatorConfig }): Promise<GlobalCoordinatorService>
  connect (): Promise<void>
  disconnect (): Promise<void>
  isConnected (): boolean
  createResource<T extends Record<string, any> = Record<string, any>> (config: ResourceConfig): Promise<Resource<T>>
  resource (name: string): Resource | undefined
  getResource (name: string): Promise<Resource>
  listResources (): Promise<ResourceExport[]>
  resourceExists (name: string): boolean
  resourceExistsWithSameHash (params: { name: string, attributes: Record<string, AttributeDefinition>, behavior?: Behavior, partitions?: Record<string, PartitionDefinition> }): { exists: boolean, sameHash: boolean, hash: string | null, existingHash?: string }
  uploadMetadataFile (): Promise<void>
  flushMetadata (): Promise<void>
  blankMetadataStructure (): Record<string, any>
  detectDefinitionChanges (savedMetadata: Record<string, any>): DefinitionChange[]
  generateDefinitionHash (definition: { attributes: Record<string, AttributeDefinition>, partitions?: Record<string, PartitionDefinition>, timestamps?: boolean }, behavior?: Behavior): string
  getNextVersion (versions?: Record<string, unknown>): string
  /** Compiles the named (default: every) lazy resource now. */
  prewarmResources (resourceNames?: string[]): { warmed: string[], skipped: string[], alreadyCompiled: string[] }
  usePlugin<P extends PluginLike> (plugin: P, name?: string): Promise<P>
  uninstallPlugin (name: string, options?: { purgeData?: boolean }): Promise<void>
  startPlugins (): Promise<void>
  addHook (event: DatabaseHookEvent, fn: (context: { database: Database, [key: string]: unknown }) => unknown): void
  removeHook (event: DatabaseHookEvent, fn: (...args: any[]) => unknown): void
  getHooks (event: DatabaseHookEvent): Array<(...args: any[]) => unknown>
  clearHooks (event: DatabaseHookEvent): void
  on<E extends keyof DatabaseEvents> (event: E, listener: (...args: DatabaseEvents[E]) => void): this
  on (event: string | symbol, listener: (...args: any[]) => void): this
  once<E extends keyof DatabaseEvents> (event: E, listener: (...args: DatabaseEvents[E]) => void): this
  once (event: string | symbol, listener: (...args: any[]) => void): this
}

export class S3db extends Database {}

export class Plugin extends EventEmitter implements PluginLike {
  constructor (options?: Record<string, unknown>)
  name: string
  options: Record<string, unknown>
  slug: string
  namespace: string | null
  instanceName: string | null
  database: Database | null
  hooks: Map<string, Hook[]>
  setInstanceName (name: string): void
  install (database: Database): Promise<void>
  start (): Promise<void>
  stop (): Promise<void>
  uninstall (options?: Record<string, unknown>): Promise<void>
  onInstall (): Promise<void>
  onStart (): Promise<void>
  onStop (): Promise<void>
  onUninstall (options?: Record<string, unknown>): Promise<void>
  addHook (resource: Resource, event: HookEvent, fn: Hook): void
  removeHook (resource: Resource, event: HookEvent, fn: Hook): void
  wrapResourceMethod (resource: Resource, method: string, wrapper: (result: any, args: any[], method: string) => unknown): void
  addMiddleware (resource: Resource, method: string, middleware: (next: (...args: any[]) => Promise<any>, ...args: any[]) => Promise<any>): void
  getNestedFieldValue (data: Record<string, unknown>, path: string): unknown
  getPartitionValues (data: Record<string, unknown>, resource: Resource): Record<string, Record<string, unknown>>
}
