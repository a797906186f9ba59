// Types of OperationsPool / TasksPool and AdaptiveTuning (api §4).
import { EventEmitter } from 'node:events'

export interface RetryStrategy {
  jitter?: boolean
  minDelay?: number
  maxDelay?: number
  clampDelay?: number
  pressureClampThreshold?: number
  pressureSkipThreshold?: number
  latencyTarget?: number
}

export interface QueueOptions {
  agingMs?: number
  maxAgingBoost?: number
  latencyTarget?: number
}

export interface MonitoringSnapshot {
  timestamp: number
  /** 'task' (throttled by `reportInterval`) or 'drain'. */
  stage: string
  profile: string
  queueSize: number
  activeCount: number
  processed: number
  errors: number
  retries: number
  throughput: number
  signatureInsights: SignatureInsight[]
}

export interface SignatureInsight {
  signature: string
  count: number
  avgQueueWait: number
  avgExecution: number
  successRate: number
}

export interface MonitoringOptions {
  /** Default true. */
  enabled?: boolean
  /** Per-task records for getTaskMetrics / getAggregateMetrics / taskMetrics. Default false. */
  collectMetrics?: boolean
  sampleRate?: number
  /** 'detailed' collects metrics; 'full' also samples the heap around each task. */
  mode?: 'light' | 'passive' | 'detailed' | 'balanced' | 'full'
  sampleInterval?: number
  rollingWindowMs?: number
  /** Minimum ms between two 'task' snapshots given to `exporter`. Default 1000. */
  reportInterval?: number
  /** Called with a snapshot after tasks finish (throttled) and on drain. */
  exporter?: (snapshot: MonitoringSnapshot) => void
  signatureSampleLimit?: number
  signatureAlpha?: number
  signatureMaxEntries?: number
}

export interface PoolFeatures {
  /** 'balanced': priorities; 'light': first in, first out (the default without retries); 'bare': no events, retries, timeouts or monitoring. */
  profile?: 'bare' | 'light' | 'balanced'
  emitEvents?: boolean
  signatureInsights?: boolean
}

/** Any object that can drive the concurrency (an AdaptiveTuning, or the app's own). */
export interface TunerLike {
  getConcurrency(): number
  recordTaskMetrics?(sample: { latency: number; queueWait: number; success: boolean; retries: number; heapDelta: number }): void
  stop?(): void
  targetLatency?: number
}

export interface AdaptiveTuningOptions {
  minConcurrency?: number
  maxConcurrency?: number
  targetLatency?: number
  targetMemoryPercent?: number
  adjustmentInterval?: number
}

export interface OperationsPoolOptions {
  /** A number >= 1 or 'auto' (adaptive). Default 10; anything else becomes 10. */
  concurrency?: number | 'auto'
  /** Extra attempts after the first. Default 3. */
  retries?: number
  /** Base backoff in ms. Default 1000. */
  retryDelay?: number
  /** Per-attempt timeout in ms; 0 disables. Default 30000. */
  timeout?: number
  /** Error names, codes or constructor names worth a retry of a task; [] means every error. (The client's own S3 requests retry only retryable failures, never another 4xx.) */
  retryableErrors?: string[]
  retryStrategy?: RetryStrategy
  queue?: QueueOptions
  monitoring?: MonitoringOptions
  features?: PoolFeatures
  autoTuning?: AdaptiveTuningOptions & { enabled?: boolean; instance?: AdaptiveTuning | TunerLike }
  autotune?: AdaptiveTuningOptions & { enabled?: boolean }
}

export interface TaskOptions {
  priority?: number
  retries?: number
  timeout?: number
  metadata?: Record<string, unknown>
  /** Groups the task in getSignatureInsights(); default `fnName[:lengthHint]:p<priority>`. */
  signature?: string
}

export interface TaskContext {
  readonly id: string
  readonly attempt: number
  readonly retries: number
  readonly metadata: Record<string, unknown>
  /** Aborted on timeout and on stop(). */
  readonly signal: AbortSignal
  /** Enqueues a child task; this task gives its slot to its children meanwhile. */
  enqueue<T>(fn: (context: TaskContext) => T | PromiseLike<T>, options?: TaskOptions): Promise<T>
}

export interface TaskTimings {
  queueWait: number
  execution: number | null
  retryDelays: number[]
  retryDelayTotal: number
  total: number | null
  failedAttempts: Array<{ attempt: number; duration?: number; error: string }>
  overhead: number
}

/** Plain snapshot given to event listeners. */
export interface TaskSnapshot {
  id: string
  signature: string
  priority: number
  retries: number
  timeout: number
  metadata: Record<string, unknown>
  attemptCount: number
  createdAt: number
  startedAt: number | null
  completedAt: number | null
  timings: TaskTimings
  performance: { heapUsedBefore: number; heapUsedAfter: number; heapDelta: number }
}

export interface PoolStats {
  queueSize: number
  activeCount: number
  submittedCount: number
  processedCount: number
  errorCount: number
  retryCount: number
  concurrency: number | 'auto'
  effectiveConcurrency: number
  paused: boolean
  stopped: boolean
  rolling: {
    samples: { sampleSize: number; avgQueueWait: number; avgExecution: number; avgRetries: number; errorRate: number } | null
    throughput: { windowMs: number; throughputPerSec: number; successRate: number } | null
  }
}

export interface AggregateMetrics {
  count: number
  avgQueueWait: number
  avgExecution: number
  avgTotal: number
  p50Execution: number
  p95Execution: number
  p99Execution: number
  avgHeapDelta: number
  errorRate: number
  avgRetries: number
  autoTuning: TuningMetrics | null
}

export interface TuningMetrics {
  current: number
  avgLatency: number
  avgMemory: number
  avgThroughput: number
  history: Array<{ timestamp: number; old: number; new: number; reason: string }>
}

export interface BatchOptions extends TaskOptions {
  onItemComplete?: (result: unknown, index: number) => void
  onItemError?: (error: unknown, index: number) => void
}

export interface MapOptions extends TaskOptions {
  /** Items taken from the source and not yet settled. Default: the pool's concurrency. */
  concurrency?: number
  onItemComplete?: (result: unknown, index: number) => void
  onItemError?: (error: unknown, index: number, item: unknown) => void
}

export interface BatchResult<T> {
  results: Array<T | null>
  errors: Array<{ error: unknown; index: number }>
  batchId: string
}

export interface MapResult<T, I> {
  results: Array<T | null>
  errors: Array<{ error: unknown; index: number; item: I }>
}

export declare class AdaptiveTuning {
  constructor(options?: AdaptiveTuningOptions)
  readonly currentConcurrency: number
  minConcurrency: number
  maxConcurrency: number
  targetLatency: number
  targetMemoryPercent: number
  adjustmentInterval: number
  suggestInitial(): number
  recordTaskMetrics(sample: { latency?: number; queueWait?: number; success?: boolean; retries?: number; heapDelta?: number }): void
  adjust(): number | null
  getConcurrency(): number
  getMetrics(): TuningMetrics
  stop(): void
}

export type TaskMetrics = Omit<TaskSnapshot, 'priority' | 'retries' | 'timeout' | 'signature'> & { success: boolean }

export declare class OperationsPool extends EventEmitter {
  constructor(options?: OperationsPoolOptions)
  /** 'auto' when configured so (the tuner's number is `effectiveConcurrency`). */
  readonly concurrency: number | 'auto'
  readonly effectiveConcurrency: number
  readonly features: Required<PoolFeatures>
  readonly lightMode: boolean
  readonly bareMode: boolean
  /** The last 1000 finished tasks by id (with `monitoring.collectMetrics`). */
  readonly taskMetrics: Map<string, TaskMetrics>
  readonly paused: boolean
  readonly stopped: boolean
  readonly stats: PoolStats
  retries: number
  retryDelay: number
  timeout: number
  retryableErrors: string[]
  retryStrategy: Required<RetryStrategy>
  queue: Required<QueueOptions>
  monitoring: MonitoringOptions
  tuner: AdaptiveTuning | TunerLike | null
  autoConcurrency: boolean

  enqueue<T>(fn: (context: TaskContext) => T | PromiseLike<T>, options?: TaskOptions): Promise<T>
  addBatch<T>(fns: Array<(context: TaskContext) => T | PromiseLike<T>>, options?: BatchOptions): Promise<BatchResult<T>>
  /** Pulls items only as tasks settle: memory stays flat for any source length. */
  map<I, T>(source: Iterable<I> | AsyncIterable<I>, fn: (item: I, index: number, context: TaskContext) => T | PromiseLike<T>, options?: MapOptions): Promise<MapResult<T, I>>
  /** `results`: values of the items that succeeded, in completion order (s3db.js 19.5.10). */
  process<I, T>(items: Iterable<I> | AsyncIterable<I>, processor: (item: I, index: number, pool: OperationsPool) => T | PromiseLike<T>, options?: TaskOptions & { onSuccess?: (item: I, result: T) => void; onError?: (item: I, error: unknown) => void }): Promise<{ results: T[]; errors: MapResult<T, I>['errors'] }>
  pause(): Promise<void>
  resume(): void
  stop(): void
  drain(): Promise<void>
  /** Stops, waits for running tasks, removes listeners. */
  destroy(): Promise<void>
  setConcurrency(n: number | 'auto'): void
  getConcurrency(): number | 'auto'
  setTuner(tuner: AdaptiveTuning | TunerLike | null): void
  processNext(): void
  getStats(): PoolStats
  getTaskMetrics(taskId: string): TaskMetrics | undefined
  /** The slowest task signatures first. */
  getSignatureInsights(limit?: number): SignatureInsight[]
  getRollingMetrics(): PoolStats['rolling']
  getAggregateMetrics(since?: number): AggregateMetrics | null

  on(event: 'pool:taskStarted', listener: (task: TaskSnapshot) => void): this
  on(event: 'pool:taskCompleted', listener: (task: TaskSnapshot, result: unknown) => void): this
  on(event: 'pool:taskError', listener: (task: TaskSnapshot, error: unknown) => void): this
  on(event: 'pool:taskRetry', listener: (task: TaskSnapshot, attempt: number) => void): this
  on(event: 'pool:taskMetrics', listener: (metrics: { taskId: string; timings: TaskTimings; performance: TaskSnapshot['performance']; metadata: Record<string, unknown> }) => void): this
  on(event: 'pool:drained' | 'pool:paused' | 'pool:resumed' | 'pool:stopped', listener: () => void): this
  on(event: 'tuner:error', listener: (error: unknown) => void): this
  on(event: string | symbol, listener: (...args: any[]) => void): this

  /** One-off pool; `results`: values of the items that succeeded, in input order. */
  static map<I, T>(items: Iterable<I> | AsyncIterable<I>, fn: (item: I, index: number) => T | PromiseLike<T>, options?: MapOptions & { concurrency?: number }): Promise<{ results: T[]; errors: MapResult<T, I>['errors'] }>
}

export { OperationsPool as TasksPool }
