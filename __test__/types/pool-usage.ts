// Compiled by `npm run typecheck`: code written against s3db.js 19.5.10's TasksPool, TasksRunner
// and S3Client pool surface type-checks against s3db-native.
import { TasksPool, TasksRunner, S3Client, MemoryClient } from 's3db-native'
import type { MonitoringSnapshot, SignatureInsight, TaskSnapshot } from 's3db-native'

async function poolUsage (): Promise<void> {
  const snapshots: MonitoringSnapshot[] = []
  const pool = new TasksPool({
    concurrency: 'auto',
    retries: 2,
    retryableErrors: [],
    features: { profile: 'light', emitEvents: true },
    monitoring: { enabled: true, collectMetrics: true, exporter: (s) => snapshots.push(s), reportInterval: 0 },
    autoTuning: { enabled: true, instance: { getConcurrency: () => 4, recordTaskMetrics: () => {}, stop: () => {} } },
  })
  const c: number | 'auto' = pool.concurrency
  const effective: number = pool.effectiveConcurrency
  pool.on('pool:taskStarted', (task: TaskSnapshot) => { const id: string = task.id; const sig: string = task.signature; void [id, sig] })
  const value: number = await pool.enqueue(async (ctx) => ctx.id.length, { signature: 'len', metadata: { item: 'x' } })
  const insights: SignatureInsight[] = pool.getSignatureInsights()
  const metric = pool.getTaskMetrics('some-id')
  const size: number = pool.taskMetrics.size
  await pool.drain()
  pool.stop()
  await pool.destroy()

  const runner = new TasksRunner({ concurrency: 3, retries: 1, features: { trackProcessedItems: false } })
  const one: string = await runner.enqueue(async () => 'x', { priority: 5 })
  const { results, errors } = await runner.process([1, 2], async (n: number) => n * 2, { onProgress: (item, s) => void s.percentage })
  const ordered = await runner.processCorresponding([1, 2], async (n: number) => n)
  const failed: boolean = ordered[0] === TasksRunner.failed
  const once = await TasksRunner.process([1], async (n: number) => n, { concurrency: 2 })
  runner.on('taskStart', (task) => void task.signature)
  runner.destroy()

  const client = new S3Client({ connectionString: 's3://k:s@bucket', taskExecutor: { enabled: true, concurrency: 10 } })
  const enabled: boolean = client.taskExecutorConfig.enabled
  const stats = client.getQueueStats()
  await client.taskExecutor?.enqueue(async () => 1)
  const manager: TasksRunner = new MemoryClient({ taskExecutor: runner }).taskManager
  void [c, effective, value, insights, metric, size, one, results, errors, failed, once, enabled, stats, manager]
}

void poolUsage
