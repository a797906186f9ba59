// Compiled by `npm run typecheck` (tsc --noEmit): code written against the s3db.js client API
// must type-check unchanged against s3db-native's typings, and so must s3db-native's additions.
import { S3Client, MemoryClient, FileSystemClient, ConnectionString, NoSuchKey, S3dbError, mapAwsError } from 's3db-native'
import type { Resource, BulkProgress } from 's3db-native'

async function usage (): Promise<void> {
  const client = new S3Client({ connectionString: 'http://key:secret@localhost:9000/bucket/prefix', parallelism: 20 })
  await client.putObject({ key: 'a', metadata: { n: 1, s: 'x' }, body: 'hello', contentType: 'text/plain', ifNoneMatch: '*' })
  const got = await client.getObject('a')
  const text: string = await got.Body.transformToString()
  const bytes: Uint8Array = await got.Body.transformToByteArray()
  const meta: string | null | undefined = got.Metadata.n
  const exists: boolean = await client.exists('a')
  const page = await client.listObjects({ prefix: 'x/', maxKeys: 10 })
  const keys: string[] = page.Contents.map((o) => o.Key)
  const total: number = await client.count({ prefix: 'x/' })
  const deleted: number = await client.deleteAll({ prefix: 'x/' })
  client.on('cl:PutObject', (res, params) => { void res; void params.key })

  const memory = new MemoryClient({ bucket: 'b', keyPrefix: 'p' })
  MemoryClient.clearBucketStorage('b')
  const snap = await memory.snapshot()
  await memory.restore(snap)
  const files = new FileSystemClient({ basePath: './data' })
  const cs = new ConnectionString('s3://k:s@bucket/prefix?region=eu-west-1')
  const region: string = cs.region

  try {
    await client.getObject('missing')
  } catch (err) {
    if (err instanceof NoSuchKey) console.log(err.statusCode, err.toJson().name)
    if (err instanceof S3dbError) console.log(err.data)
  }
  const mapped = mapAwsError(Object.assign(new Error('x'), { name: 'NoSuchKey' }), { bucket: 'b' })
  void [text, bytes, meta, exists, keys, total, deleted, files, region, mapped]
}

void usage

/** `progress` of long bulk operations, which s3db.js does not have. */
function followProgress (resource: Resource<{ n: number }>): void {
  resource.on('progress', ({ operation, done, total }) => {
    if (operation === 'insertMany') console.log(`${done}/${total}`)
  })
  const last: BulkProgress = { operation: 'deleteAll', done: 1, total: 1 }
  void last
}

void followProgress
