// Type definitions for s3db-native: the s3db.js public API, backed by a Rust core.
/// <reference types="node" />

import { EventEmitter } from 'node:events'
import { Readable } from 'node:stream'
import type { OperationsPool, PoolStats, AggregateMetrics } from './lib/operations-pool.js'
import type { TasksRunner } from './lib/tasks-runner.js'

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

export interface ErrorDetails {
  bucket?: string
  key?: string
  code?: string
  statusCode?: number
  requestId?: string
  awsMessage?: string
  original?: unknown
  commandName?: string
  commandInput?: unknown
  metadata?: Record<string, unknown>
  description?: string
  suggestion?: string
  retriable?: boolean
  docs?: string
  title?: string
  hint?: string
  verbose?: boolean
  [detail: string]: unknown
}
/** The s3db.js 19.x name of the details every error class takes. */
export type S3dbErrorDetails = ErrorDetails

export interface ErrorJson {
  name: string
  message: string
  code?: string
  statusCode?: number
  requestId?: string
  awsMessage?: string
  bucket?: string
  key?: string
  thrownAt: Date
  retriable: boolean
  suggestion?: string
  docs?: string
  title?: string
  hint?: string
  commandName?: string
  commandInput?: unknown
  metadata?: Record<string, unknown>
  description?: string
  data: Record<string, unknown>
  original?: unknown
  stack?: string
}

export class BaseError extends Error {
  constructor (details?: ErrorDetails & { message?: string })
  bucket?: string
  key?: string
  thrownAt: Date
  code?: string
  statusCode?: number
  requestId?: string
  awsMessage?: string
  original?: unknown
  commandName?: string
  commandInput?: unknown
  metadata?: Record<string, unknown>
  description?: string
  suggestion?: string
  retriable: boolean
  docs?: string
  title?: string
  hint?: string
  data: Record<string, unknown>
  toJSON (): ErrorJson
  /** s3db.js 16.x name of toJSON. */
  toJson (): ErrorJson
  toString (): string
}

export class S3dbError extends BaseError {
  constructor (message: string, details?: ErrorDetails)
}
export class DatabaseError extends S3dbError {}
export class ValidationError extends S3dbError {}
export class AuthenticationError extends S3dbError {}
export class PermissionError extends S3dbError {}
export class EncryptionError extends S3dbError {}
export class ResourceError extends S3dbError {}
export class PluginError extends S3dbError {}
export class UnknownError extends S3dbError {}
export class ConnectionStringError extends S3dbError {}
export class CryptoError extends S3dbError {}
export class SchemaError extends S3dbError {}
export class PartitionError extends S3dbError {}
export class PluginStorageError extends S3dbError {}
export class PartitionDriverError extends S3dbError {}
export class BehaviorError extends S3dbError {}
export class StreamError extends S3dbError {}
export class AnalyticsNotEnabledError extends S3dbError {
  constructor (details?: ErrorDetails)
}
export interface MetadataLimitDetails extends ErrorDetails {
  totalSize?: number
  effectiveLimit?: number
  absoluteLimit?: number
  excess?: number
  resourceName?: string
  operation?: string
}
export class MetadataLimitError extends S3dbError {
  constructor (message: string, details?: MetadataLimitDetails)
  absoluteLimit: number
}
export class ResourceNotFound extends S3dbError {
  constructor (details: { bucket: string, resourceName: string, id: string, original?: unknown } & ErrorDetails)
  resourceName: string
  id: string
}
export class NoSuchKey extends S3dbError {
  constructor (details: { bucket?: string, key?: string, resourceName?: string, id?: string, original?: unknown } & ErrorDetails)
  resourceName?: string
  id?: string
}
export class NotFound extends S3dbError {
  constructor (details: { bucket?: string, key?: string, original?: unknown } & ErrorDetails)
}
export class NoSuchBucket extends S3dbError {
  constructor (details: { bucket?: string, original?: unknown } & ErrorDetails)
}
export class MissingMetadata extends S3dbError {
  constructor (details: { bucket?: string, original?: unknown } & ErrorDetails)
}
export interface ValidationIssue {
  type: string
  field: string
  message: string
  expected?: unknown
  actual?: unknown
}
export class InvalidResourceItem extends S3dbError {
  constructor (details: { bucket?: string, resourceName?: string, attributes?: Record<string, unknown>, validation?: ValidationIssue[], message?: string, original?: unknown })
  resourceName?: string
  attributes?: Record<string, unknown>
  validation?: ValidationIssue[]
}

export const ErrorMap: {
  NotFound: typeof NotFound
  NoSuchKey: typeof NoSuchKey
  UnknownError: typeof UnknownError
  NoSuchBucket: typeof NoSuchBucket
  MissingMetadata: typeof MissingMetadata
  InvalidResourceItem: typeof InvalidResourceItem
}

/** Maps an AWS SDK-shaped error to the s3db.js class for it. */
export function mapAwsError (err: Error & { code?: string, Code?: string, $metadata?: { httpStatusCode?: number } }, context?: ErrorDetails): S3dbError

// ---------------------------------------------------------------------------------------------
// Connection strings
// ---------------------------------------------------------------------------------------------

export const S3_DEFAULT_REGION: string
export const S3_DEFAULT_ENDPOINT: string

export class ConnectionString {
  constructor (connectionString: string)
  bucket: string
  region: string
  accessKeyId?: string
  secretAccessKey?: string
  sessionToken?: string
  endpoint: string
  forcePathStyle: boolean
  keyPrefix: string
  /** Query parameters nested on `.`, with `true`/`false`/numbers coerced. */
  clientOptions: Record<string, unknown>
  /** The directory of a `file://` connection string. */
  basePath?: string
  clientType?: 'memory' | 'filesystem'
  /** Every query parameter is also a flat string property. */
  [param: string]: unknown
}

// ---------------------------------------------------------------------------------------------
// Clients
// ---------------------------------------------------------------------------------------------

/** The body of a fetched object: a Node stream with the AWS SDK v3 helpers. */
export class ObjectBody extends Readable {
  constructor (buffer: Buffer)
  transformToByteArray (): Promise<Uint8Array>
  transformToString (encoding?: BufferEncoding | 'utf-8'): Promise<string>
  transformToWebStream (): ReadableStream
}

export interface ResponseMetadata {
  $metadata: { httpStatusCode?: number, requestId?: string }
}

/** Decoded user metadata; the stored tokens `null`/`undefined` come back as those values. */
export type ObjectMetadata = Record<string, string | null | undefined>

export interface HeadObjectOutput extends ResponseMetadata {
  Metadata: ObjectMetadata
  ContentType: string
  ContentEncoding?: string
  ContentLength: number
  ETag: string
  LastModified: Date
  VersionId?: string
}

export interface GetObjectOutput extends HeadObjectOutput {
  Body: ObjectBody
}

export interface PutObjectOutput extends ResponseMetadata {
  ETag: string
  VersionId?: string
}

export interface CopyObjectOutput extends ResponseMetadata {
  CopyObjectResult: { ETag: string }
  VersionId?: string
}

export interface PutObjectParams {
  key: string
  /** Values are stored as `String(value)`, encoded ASCII-safe like s3db.js does. */
  metadata?: Record<string, unknown>
  contentType?: string
  body?: string | Buffer | Uint8Array | ArrayBuffer | object
  contentEncoding?: string
  contentLength?: number
  /** Write only if the object's current ETag matches. */
  ifMatch?: string
  /** `'*'`: write only if the key does not exist yet. */
  ifNoneMatch?: string
}

export interface CopyObjectParams {
  from: string
  to: string
  metadata?: Record<string, unknown>
  metadataDirective?: 'COPY' | 'REPLACE'
  contentType?: string
}

export interface ListObjectsParams {
  prefix?: string
  maxKeys?: number
  continuationToken?: string
  delimiter?: string
  startAfter?: string
}

export interface ListedObject {
  Key: string
  Size: number
  ETag: string
  LastModified: Date
  StorageClass: string
}

export interface ListObjectsOutput extends ResponseMetadata {
  Name: string
  Prefix: string
  MaxKeys: number
  Delimiter?: string
  ContinuationToken?: string
  /** Keys include the client's key prefix, as in s3db.js. */
  Contents: ListedObject[]
  CommonPrefixes: Array<{ Prefix: string }>
  IsTruncated: boolean
  NextContinuationToken?: string
  KeyCount: number
}

export interface DeleteObjectsOutput {
  deleted: Array<ResponseMetadata & { Deleted: Array<{ Key: string }>, Errors: Array<{ Key: string, Code: string, Message: string }> }>
  notFound: Array<{ message: string, raw: string[] }>
}

export interface ClientOptions {
  connectionString?: string
  /** Concurrent S3 requests of this client (default 100). */
  parallelism?: number | string
  verbose?: boolean
  id?: string
  httpClientOptions?: Record<string, unknown>
  logLevel?: string
  [option: string]: unknown
}

export interface ClientEvents {
  'cl:PutObject': [response: PutObjectOutput | Error, params: PutObjectParams]
  'cl:GetObject': [response: GetObjectOutput, params: { key: string }]
  'cl:HeadObject': [response: HeadObjectOutput, params: { key: string }]
  'cl:DeleteObject': [response: ResponseMetadata, params: { key: string }]
  'cl:CopyObject': [response: CopyObjectOutput, params: { from: string, to: string, metadataDirective?: string }]
  'cl:DeleteObjects': [report: DeleteObjectsOutput, keys: string[]]
  'cl:DeleteAll': [info: { prefix: string, batch: number, total: number }]
  'cl:DeleteAllComplete': [info: { prefix: string, totalDeleted: number }]
  'cl:ListObjects': [response: ListObjectsOutput, params: ListObjectsParams]
  'cl:Count': [count: number, params: { prefix: string }]
  'cl:GetAllKeys': [keys: string[], params: { prefix: string }]
  'cl:GetContinuationTokenAfterOffset': [token: string | null, params: { prefix?: string, offset?: number }]
  'cl:GetKeysPage': [keys: string[], params: { prefix?: string, offset?: number, amount?: number }]
  'cl:MoveAllObjects': [result: { results: string[], errors: Error[] }, params: { prefixFrom: string, prefixTo: string }]
}

export class S3Client extends EventEmitter {
  constructor (options: ClientOptions)
  readonly config: ConnectionString
  readonly bucket: string
  readonly keyPrefix: string
  id: string
  verbose: boolean
  /** As given (`logLevel` option), default `'info'`. */
  logLevel: string
  parallelism: number
  connectionString: string
  httpClientOptions: Record<string, unknown>
  putObject (params: PutObjectParams): Promise<PutObjectOutput>
  getObject (key: string): Promise<GetObjectOutput>
  headObject (key: string): Promise<HeadObjectOutput>
  copyObject (params: CopyObjectParams): Promise<CopyObjectOutput>
  exists (key: string): Promise<boolean>
  deleteObject (key: string): Promise<ResponseMetadata>
  /** Deletes in requests of 1,000 keys. */
  deleteObjects (keys: string[]): Promise<DeleteObjectsOutput>
  /** Deletes everything under `prefix`; resolves to the number deleted. */
  deleteAll (params?: { prefix?: string }): Promise<number>
  moveObject (params: { from: string, to: string }): Promise<true>
  /** Resolves to the new keys. */
  moveAllObjects (params: { prefixFrom: string, prefixTo: string }): Promise<string[]>
  listObjects (params?: ListObjectsParams): Promise<ListObjectsOutput>
  count (params?: { prefix?: string }): Promise<number>
  /** Keys relative to the key prefix. */
  getAllKeys (params?: { prefix?: string }): Promise<string[]>
  getContinuationTokenAfterOffset (params?: { prefix?: string, offset?: number }): Promise<string | null>
  getKeysPage (params?: { prefix?: string, offset?: number, amount?: number }): Promise<string[]>
  /** The client's pool (null: none; a plain S3Client has one only when configured). */
  readonly operationsPool: OperationsPool | null
  /** The same pool under its s3db.js 19.5.10 name. */
  readonly taskExecutor: OperationsPool | null
  readonly taskExecutorConfig: { enabled: false } | { enabled: true, concurrency: number | 'auto', retries: number, retryDelay: number, timeout: number, retryableErrors: string[], autotune: Record<string, unknown> | null, monitoring: Record<string, unknown> }
  /** null without a pool. */
  getQueueStats (): PoolStats | null
  getAggregateMetrics (since?: number): AggregateMetrics | null
  pausePool (): Promise<void> | null
  resumePool (): void | null
  drainPool (): Promise<void> | null
  stopPool (): void | null
  on<E extends keyof ClientEvents> (event: E, listener: (...args: ClientEvents[E]) => void): this
  on (event: string | symbol, listener: (...args: any[]) => void): this
}

export { S3Client as Client }

export interface MemoryClientOptions extends Omit<ClientOptions, 'connectionString'> {
  bucket?: string
  keyPrefix?: string
  connectionString?: string
}

export interface MemorySnapshot {
  timestamp: string
  bucket: string
  keyPrefix: string
  objects: Record<string, { body: string, metadata: ObjectMetadata, contentType: string, contentEncoding?: string }>
}

export class MemoryClient extends S3Client {
  constructor (options?: MemoryClientOptions)
  static clearBucketStorage (bucket: string): void
  static clearAllStorage (): void
  clear (): void
  getStats (): { bucket: string, objectCount: number, totalSize: number, totalSizeFormatted: string }
  snapshot (): Promise<MemorySnapshot>
  restore (snapshot: MemorySnapshot): Promise<void>
  /** The TasksRunner given as `taskExecutor`, else one of its own (concurrency: the `concurrency` option or 5). */
  readonly taskManager: TasksRunner
}

export interface FileSystemClientOptions extends MemoryClientOptions {
  basePath?: string
}

export class FileSystemClient extends S3Client {
  constructor (options?: FileSystemClientOptions)
  basePath: string
  readonly taskManager: TasksRunner
}

// ---------------------------------------------------------------------------------------------
// OperationsPool (see lib/operations-pool.js)
// ---------------------------------------------------------------------------------------------
export { OperationsPool, TasksPool, AdaptiveTuning } from './lib/operations-pool.js'
export { TasksRunner } from './lib/tasks-runner.js'
export type {
  RunnerOptions, RunnerTaskOptions, RunnerProcessOptions, RunnerProcessResult, RunnerTask, RunnerStats,
  RunnerRollingMetrics, RunnerAggregateMetrics, RunnerTaskMetrics
} from './lib/tasks-runner.js'
export type {
  OperationsPoolOptions, TaskOptions, TaskContext, TaskSnapshot, TaskTimings, PoolStats, AggregateMetrics,
  TaskMetrics, PoolFeatures, TunerLike, MonitoringSnapshot, SignatureInsight,
  TuningMetrics, AdaptiveTuningOptions, RetryStrategy, QueueOptions, MonitoringOptions, BatchOptions,
  BatchResult, MapOptions, MapResult
} from './lib/operations-pool.js'

// ---------------------------------------------------------------------------------------------
// Database, Resource, Plugin (see lib/database.d.ts)
// ---------------------------------------------------------------------------------------------
export { Database, S3db, Resource, Plugin } from './lib/database.js'
export type {
  Behavior, AttributeDefinition, PartitionDefinition, HookEvent, Hook, MiddlewareMethod, MiddlewareContext, Middleware,
  ResourceConfig, ResourceRecord, UnreadRecord, ListOptions, PageResult, ValidationResult, DatabaseOptions, DatabaseHookEvent,
  DefinitionChange, PluginLike, BulkProgress, ResourceEvents, DatabaseEvents, ProcessMemorySnapshot, ResourceMetrics,
  PluginMetrics, LogLevel, LogFormat, Logger, LoggerOptions, PluginConfig, HookHandler, WrapperFunction, MiddlewareFunction,
  CronManager, ScheduledTask, GlobalCoordinatorService, GlobalCoordinatorConfig, LeaderChangeEvent, ResourceSchemaView,
  ResourceExport
} from './lib/database.js'
export type { ClientLike } from './lib/database.js'

// Incremental ids, sequences and locks (see lib/resource-sequences.d.ts)
export {
  IncrementalConfigError, IncrementalSequence, createIncrementalIdGenerator, parseIncrementalConfig,
  validateIncrementalConfig, formatIncrementalValue, DistributedLock, createLockedFunction,
  DistributedSequence, createSequence
} from './lib/resource-sequences.js'
export type {
  IncrementalMode, IncrementalConfig, IncrementalIdGeneratorConfig, IncrementalValidationError,
  IncrementalValidationResult, BatchInfo, BatchStatus, SequenceInfo, SequenceClient, IncrementalIdGenerator,
  LockStorage, LockOptions, LockHandle, LockInfo, SequenceDefaults
} from './lib/resource-sequences.js'
// Schema, Validator and the helpers of the s3db.js root (see lib/helpers/index.d.ts)
export * from './lib/helpers/index.js'

import { S3db as DefaultExport } from './lib/database.js'
export default DefaultExport
