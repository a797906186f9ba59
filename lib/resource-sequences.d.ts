// Types of incremental ids, sequences and distributed locks (lib/resource-sequences.js,
// lib/distributed-lock.js, lib/distributed-sequence.js).

export type IncrementalMode = 'standard' | 'fast'

export interface IncrementalConfig {
  type: 'incremental'
  start: number
  increment: number
  mode: IncrementalMode
  batchSize: number
  prefix: string
  padding: number
}

/** `'incremental'`, `'incremental:1000'`, `'incremental:fast'`, `'incremental:fast:5000'`, `'incremental:ORD-0001'`, or an object. */
export type IncrementalIdGeneratorConfig = 'incremental' | `incremental:${string}` | ({ type: 'incremental' } & Partial<Omit<IncrementalConfig, 'type'>>)

export interface IncrementalValidationError { field: string, message: string, value: unknown }
export interface IncrementalValidationResult { valid: boolean, errors: IncrementalValidationError[] }

export interface BatchInfo { start: number, end: number, current: number, reservedAt: number }
export interface BatchStatus extends BatchInfo { remaining: number }

/** The stored sequence object (`resource=<name>/sequence=<field>/value`). */
export interface SequenceInfo {
  value: number
  name: string
  createdAt: number
  updatedAt?: number
  resetAt?: number
  [key: string]: unknown
}

/** What a sequence needs of a client: any object with the s3db.js client API. */
export interface SequenceClient {
  getObject (key: string): Promise<any>
  putObject (params: { key: string, body: string, contentType: string, ifMatch?: string, ifNoneMatch?: string }): Promise<any>
  deleteObject (key: string): Promise<unknown>
  listObjects (params: { prefix: string }): Promise<any>
}

export class IncrementalConfigError extends Error {
  constructor (message: string, field: string, value: unknown)
  field: string
  value: unknown
}

export function parseIncrementalConfig (config: string | Partial<IncrementalConfig>, options?: { validate?: boolean }): IncrementalConfig
export function validateIncrementalConfig (config: Partial<IncrementalConfig>, options?: { throwOnError?: boolean }): IncrementalValidationResult
export function formatIncrementalValue (value: number, options?: { prefix?: string, padding?: number }): string

export class IncrementalSequence {
  constructor (options: { client: SequenceClient, resourceName: string, config: IncrementalConfig })
  client: SequenceClient
  resourceName: string
  config: IncrementalConfig
  localBatches: Map<string, BatchInfo>
  next (fieldName?: string): Promise<string>
  nextValue (fieldName?: string): Promise<string>
  nextValueFast (fieldName?: string): Promise<string>
  reserveBatch (fieldName?: string, count?: number): Promise<BatchInfo>
  getValue (fieldName?: string): Promise<number | null>
  reset (fieldName: string, value: number): Promise<boolean>
  list (): Promise<SequenceInfo[]>
  getBatchStatus (fieldName?: string): BatchStatus | null
  releaseBatch (fieldName?: string): void
}

export interface IncrementalIdGenerator {
  (): Promise<string>
  _sequence: IncrementalSequence
  _config: IncrementalConfig
}

export function createIncrementalIdGenerator (options: { client: SequenceClient, resourceName: string, config: string | Partial<IncrementalConfig> }): IncrementalIdGenerator

export interface LockStorage {
  get (key: string): Promise<any>
  set (key: string, data: any, options?: { ttl?: number, behavior?: string, ifNoneMatch?: string }): Promise<any>
  delete (key: string): Promise<unknown>
}

export interface LockOptions { ttl?: number, timeout?: number, retryDelay?: number, maxRetryDelay?: number, workerId?: string }
export interface LockHandle { name: string, key: string, token: string, workerId: string, expiresAt: number, etag: string | null }
export interface LockInfo { workerId: string, token: string, acquiredAt: number, _expiresAt: number }

export class DistributedLock {
  constructor (storage: LockStorage, options?: { keyGenerator?: (name: string) => string, defaults?: LockOptions })
  storage: LockStorage
  keyGenerator: (name: string) => string
  defaults: Required<LockOptions>
  acquire (lockName: string, options?: LockOptions): Promise<LockHandle | null>
  release (lock: LockHandle | string, token?: string): Promise<void>
  withLock<T> (lockName: string, options: LockOptions, callback: (lock: LockHandle) => Promise<T>): Promise<T | null>
  isLocked (lockName: string): Promise<boolean>
  getLockInfo (lockName: string): Promise<LockInfo | null>
}

export function createLockedFunction<T> (lock: DistributedLock, lockName: string, options?: LockOptions): (callback: (lock: LockHandle) => Promise<T>) => Promise<T | null>

export interface SequenceDefaults { initialValue?: number, increment?: number, lockTimeout?: number, lockTTL?: number }

export class DistributedSequence {
  constructor (storage: LockStorage, options?: { valueKeyGenerator?: (name: string) => string, lockKeyGenerator?: (name: string) => string, defaults?: SequenceDefaults })
  storage: LockStorage
  lock: DistributedLock
  defaults: Required<SequenceDefaults>
  next (name: string, options?: SequenceDefaults & { metadata?: Record<string, unknown> }): Promise<number>
  get (name: string): Promise<number | null>
  getData (name: string): Promise<SequenceInfo | null>
  reset (name: string, value: number, options?: { lockTimeout?: number, lockTTL?: number, metadata?: Record<string, unknown> }): Promise<boolean>
  set (name: string, value: number, options?: { lockTimeout?: number, lockTTL?: number, metadata?: Record<string, unknown> }): Promise<boolean>
  delete (name: string): Promise<void>
  exists (name: string): Promise<boolean>
  increment (name: string, options?: SequenceDefaults & { metadata?: Record<string, unknown> }): Promise<number>
}

export function createSequence (storage: LockStorage, options?: { prefix?: string, resourceName?: string, pluginSlug?: string, valueKeyGenerator?: (name: string) => string, lockKeyGenerator?: (name: string) => string, defaults?: SequenceDefaults }): DistributedSequence
