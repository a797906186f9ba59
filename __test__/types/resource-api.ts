// Compiles against index.d.ts: incremental ids, sequences, lazy schemas, partition helpers and
// an injected client object (checked by `npm run typecheck`, never run).
import { S3db, MemoryClient, parseIncrementalConfig, createSequence, DistributedLock, type ClientLike, type SequenceInfo, type UnreadRecord } from '../../index.js'

async function resourceApi (client: ClientLike): Promise<void> {
  const db = new S3db({ client })
  await db.connect()
  const orders = await db.createResource({ name: 'orders', attributes: { item: 'string' }, idGenerator: 'incremental:ORD-0001', lazySchema: true })
  const fast = await db.createResource({ name: 'fast', attributes: { item: 'string' }, idGenerator: { type: 'incremental', mode: 'fast', batchSize: 50 } })
  const next: number | null = await orders.getSequenceValue()
  const reset: boolean = await orders.resetSequence('id', 100)
  const listed: SequenceInfo[] | null = await orders.listSequences()
  const batch = await fast.reserveIdBatch(10)
  const remaining = fast.getBatchStatus()?.remaining
  fast.releaseBatch()
  const compiled: boolean = orders.isSchemaCompiled()
  orders.prewarmSchema()
  const { warmed } = db.prewarmResources(['orders'])
  const key: string | null = orders.getPartitionKey({ partitionName: 'byItem', id: '1', data: { item: 'x' } })
  const inPartition = await orders.listPartition({ partition: 'byItem', partitionValues: { item: 'x' } })
  const level: string = new MemoryClient({ logLevel: 'debug' }).logLevel
  const config = parseIncrementalConfig('incremental:fast:5000')
  const seq = createSequence({ get: async () => null, set: async () => ({}), delete: async () => {} }, { resourceName: 'orders' })
  const lock = new DistributedLock(seq.storage)
  const value: number = await seq.next('n')
  const items = await orders.getMany(['a', 'b'])
  const unread: UnreadRecord[] = items.filter((item) => '_error' in item) as unknown as UnreadRecord[]
  void [unread[0]?._error, unread[0]?._decryptionFailed]
  void [next, reset, listed, batch?.end, remaining, compiled, warmed, key, inPartition[0]?._partition, level, config.mode, lock, value]
}

void resourceApi
