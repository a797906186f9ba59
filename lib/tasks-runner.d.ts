// Types of TasksRunner (s3db.js 19.5.10's general-purpose runner).
import { EventEmitter } from 'node:events'
import type { AdaptiveTuning, AdaptiveTuningOptions, MonitoringSnapshot, SignatureInsight, TunerLike } from './operations-pool.js'

export interface RunnerOptions {
  /** Default 5. */
  concurrency?: number
  /** Extra attempts after the first. Default 3. */
  retries?: number
  /** Base backoff in ms, doubled per attempt. Default 1000. */
  retryDelay?: number
  /** Per-attempt timeout in ms; 0 disables. Default 30000. */
  timeout?: number
  /** Error names, codes or constructor names worth a retry; [] (default) means every error. */
  retryableErrors?: string[]
  /** Ask for the priority line even without retries. */
  priority?: boolean
  autoTuning?: AdaptiveTuningOptions & { enabled?: boolean; instance?: AdaptiveTuning | TunerLike }
  monitoring?: {
    /** Default false. */
    enabled?: boolean
    collectMetrics?: boolean
    sampleRate?: number
    /** Task records kept for the metrics. Default 512. */
    maxSamples?: number
    rollingWindowMs?: number
    reportInterval?: number
    telemetrySampleRate?: number
    signatureSampleLimit?: number
    signatureAlpha?: number
    signatureMaxEntries?: number
    mode?: 'light' | 'passive' | 'detailed'
    exporter?: (snapshot: MonitoringSnapshot) => void
  }
  features?: {
    /** 'balanced': priorities; 'light': first in, first out (the default without retries); 'bare': no events, stats, retries or timeouts. */
    profile?: 'bare' | 'light' | 'balanced'
    emitEvents?: boolean
    trackProcessedItems?: boolean
    signatureInsights?: boolean
  }
}

export interface RunnerTaskOptions {
  priority?: number
  retries?: number
  timeout?: number
  metadata?: Record<string, unknown>
  signature?: string
}

export interface RunnerProcessOptions<I> extends RunnerTaskOptions {
  onProgress?: (item: I, stats: { processedCount: number; totalCount: number | null; percentage: string | null }) => void
  onItemComplete?: (item: I, result: unknown) => void
  onItemError?: (item: I, error: unknown) => void
  totalCount?: number
}

export interface RunnerProcessResult<T, I = unknown> {
  results: T[]
  errors: Array<{ item: I; error: unknown; index: number }>
}

/** What listeners and `queue` see of a task. */
export interface RunnerTask {
  id: string
  fn: () => unknown
  priority: number
  retries: number
  timeout: number
  metadata: Record<string, unknown>
  attemptCount: number
  createdAt: number
  signature: string
  promise: Promise<unknown>
}

export interface RunnerStats {
  queueSize: number
  activeCount: number
  processedCount: number
  errorCount: number
  retryCount: number
  concurrency: number
  paused: boolean
  stopped: boolean
  rolling: RunnerRollingMetrics | null
}

export interface RunnerRollingMetrics {
  sampleSize: number
  avgQueueWait: number
  avgExecution: number
  avgRetries: number
  errorRate: number
}

export interface RunnerAggregateMetrics {
  count: number
  avgQueueWait: number
  avgExecution: number
  avgTotal: number
  p50Execution: number
  p95Execution: number
  p99Execution: number
  errorRate: number
  avgRetries: number
}

export interface RunnerTaskMetrics {
  id: string
  completedAt: number
  success: boolean
  attemptCount: number
  timings: { queueWait: number; execution: number; total: number; failedAttempts: Array<{ attempt: number; duration: number; errorName: string; errorMessage: string }> }
  performance: Record<string, unknown>
  error: { name: string; message: string } | null
}

export declare class TasksRunner extends EventEmitter {
  constructor(options?: RunnerOptions)
  static readonly notRun: unique symbol
  static readonly failed: unique symbol
  static process<I, T>(items: I[], processor: (item: I, index: number, runner: TasksRunner) => T | PromiseLike<T>, options?: RunnerOptions & RunnerProcessOptions<I>): Promise<RunnerProcessResult<T, I>>
  static withConcurrency(concurrency: number): TasksRunner

  concurrency: number
  retries: number
  retryDelay: number
  timeout: number
  retryableErrors: string[]
  readonly features: { profile: string; emitEvents: boolean; trackProcessedItems: boolean; signatureInsights: boolean }
  readonly lightMode: boolean
  readonly bareMode: boolean
  readonly active: Set<Promise<unknown>>
  readonly queue: RunnerTask[]
  paused: boolean
  stopped: boolean
  processedItems: unknown[] | null
  readonly taskMetrics: Map<string, RunnerTaskMetrics>
  tuner: AdaptiveTuning | TunerLike | null

  enqueue<T>(fn: () => T | PromiseLike<T>, options?: RunnerTaskOptions): Promise<T>
  process<I, T>(items: I[], processor: (item: I, index: number, runner: TasksRunner) => T | PromiseLike<T>, options?: RunnerProcessOptions<I>): Promise<RunnerProcessResult<T, I>>
  processIterable<I, T>(items: Iterable<I> | AsyncIterable<I>, processor: (item: I, index: number, runner: TasksRunner) => T | PromiseLike<T>, options?: RunnerProcessOptions<I>): Promise<RunnerProcessResult<T, I>>
  /** Results in input order; `TasksRunner.failed` / `TasksRunner.notRun` where there is none. */
  processCorresponding<I, T>(items: I[], processor: (item: I, index: number, runner: TasksRunner) => T | PromiseLike<T>, options?: RunnerProcessOptions<I>): Promise<Array<T | typeof TasksRunner.failed | typeof TasksRunner.notRun>>
  processNext(): void
  pause(): Promise<void>
  resume(): void
  /** Cancels queued tasks; running ones finish. */
  stop(): void
  drain(): Promise<void>
  setConcurrency(n: number): void
  getConcurrency(): number
  getStats(): RunnerStats
  getRollingMetrics(): RunnerRollingMetrics | null
  getSignatureInsights(limit?: number): SignatureInsight[]
  getAggregateMetrics(since?: number): RunnerAggregateMetrics | null
  getProgress(): { total: number; completed: number; pending: number; active: number; percentage: string | number }
  reset(): void
  destroy(): void

  on(event: 'taskStart', listener: (task: RunnerTask) => void): this
  on(event: 'taskComplete', listener: (task: RunnerTask, result: unknown) => void): this
  on(event: 'taskError', listener: (task: RunnerTask, error: unknown) => void): this
  on(event: 'taskRetry', listener: (task: RunnerTask, attempt: number) => void): this
  on(event: 'drained' | 'paused' | 'resumed' | 'stopped', listener: () => void): this
  on(event: 'tuner:error', listener: (error: unknown) => void): this
  on(event: string | symbol, listener: (...args: any[]) => void): this
}
