// The raw Node SDK loop: the fewest S3 requests that do each operation, with no database layer.
// The record lives in user metadata (as s3db stores it); reads parse it back.
//   insert = PutObject; get = GetObject; update = GetObject + PutObject (a partial update must read);
//   list = ListObjectsV2 pages + GetObject per record; count = ListObjectsV2 pages;
//   page = ListObjectsV2 pages (they give the total too) + GetObject per record of the page;
//   exists = HeadObject; delete = DeleteObject. (No stream phase: it would be the list loop.)
// Usage: node engine-raw.mjs --endpoint=http://127.0.0.1:PORT --bucket=B --n=2000 --c=10
import http from 'node:http'
import { randomBytes } from 'node:crypto'
import {
  S3Client, HeadBucketCommand, HeadObjectCommand, PutObjectCommand, GetObjectCommand, DeleteObjectCommand, ListObjectsV2Command
} from '@aws-sdk/client-s3'
import { record, change, pageSize, pagePlan, countCalls, runBounded, markPhase, phaseRunner, peakRssMiB, rssMiB, options } from './workload.mjs'

const opts = options(process.argv.slice(2))
const n = Number(opts.n)
const c = Number(opts.c)
const bucket = opts.bucket
const prefix = 'resource=bench/data/'
const out = (obj) => process.stdout.write(JSON.stringify(obj) + '\n')

const toMetadata = (doc) => Object.fromEntries(Object.entries(doc).map(([k, v]) => [k.toLowerCase(), typeof v === 'string' ? v : JSON.stringify(v)]))
const fromMetadata = (meta) => ({
  name: meta.name,
  email: meta.email,
  age: Number(meta.age),
  score: Number(meta.score),
  active: meta.active === 'true',
  level: Number(meta.level),
  bio: meta.bio,
  joinedAt: meta.joinedat,
  tags: JSON.parse(meta.tags),
  profile: JSON.parse(meta.profile)
})

const t1 = performance.now()
const s3 = new S3Client({
  endpoint: opts.endpoint,
  region: 'us-east-1',
  forcePathStyle: true,
  credentials: { accessKeyId: 'test', secretAccessKey: 'testsecret' },
  // Checksums only where S3 requires them: the least client work for the same requests.
  requestChecksumCalculation: 'WHEN_REQUIRED',
  responseChecksumValidation: 'WHEN_REQUIRED',
  requestHandler: { httpAgent: new http.Agent({ keepAlive: true, maxSockets: Math.max(c, 50) }) }
})
await s3.send(new HeadBucketCommand({ Bucket: bucket }))
const connectMs = performance.now() - t1
const rssAfterConnect = rssMiB()
await markPhase('setup')

// An empty Uint8Array, not '': with '' the SDK warns about a stream of unknown length on every PUT.
const empty = new Uint8Array(0)
async function put (id, doc) {
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: prefix + id, Body: empty, Metadata: toMetadata(doc) }))
}
async function read (key) {
  const res = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }))
  await res.Body.transformToByteArray()
  return fromMetadata(res.Metadata)
}
async function listKeys () {
  const keys = []
  let token
  do {
    const res = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }))
    for (const o of res.Contents ?? []) keys.push(o.Key)
    token = res.IsTruncated ? res.NextContinuationToken : undefined
  } while (token)
  return keys
}

function semaphore (limit) {
  let active = 0
  const waiting = []
  return async (fn) => {
    if (active < limit) active++
    else await new Promise((resolve) => waiting.push(resolve)) // the slot is handed over
    try {
      return await fn()
    } finally {
      const next = waiting.shift()
      if (next) next()
      else active--
    }
  }
}

const ids = Array.from({ length: n }, () => randomBytes(16).toString('base64url').slice(0, 22))
const { phase, results: phases } = phaseRunner(opts.phases, { insertMany: false })

await phase('insert', n, () => runBounded(n, c, (i) => put(ids[i], record(i))))

await phase('get', n, () => runBounded(n, c, async (i) => {
  if ((await read(prefix + ids[i])).age !== record(i).age) throw new Error(`get ${i}: wrong record`)
}))

await phase('exists', n, () => runBounded(n, c, (i) => s3.send(new HeadObjectCommand({ Bucket: bucket, Key: prefix + ids[i] }))))

await phase('update', n, () => runBounded(n, c, async (i) => {
  const doc = await read(prefix + ids[i])
  await put(ids[i], { ...doc, ...change(i) })
}))

await phase('list', n, async () => {
  const keys = await listKeys()
  const r = await runBounded(keys.length, c, (i) => read(keys[i]))
  if (keys.length !== n) { r.errors++; r.firstError ??= new Error(`list returned ${keys.length} of ${n}`) }
  return { ...r, records: keys.length }
})

const counts = countCalls(opts)
await phase('count', counts, () => runBounded(counts, c, async () => {
  let total = 0
  let token
  do {
    const res = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }))
    total += res.KeyCount ?? 0
    token = res.IsTruncated ? res.NextContinuationToken : undefined
  } while (token)
  if (total !== n) throw new Error(`count returned ${total} of ${n}`)
}))

// Pages one after another, as the database engines run them; c reads in flight within a page.
const plan = pagePlan(n, opts.pages)
const slots = semaphore(c)
let paged = 0
await phase('page', plan.pages.length, async () => {
  const r = await runBounded(plan.pages.length, 1, async (j) => {
    const p = plan.pages[j]
    const keys = (await listKeys()).slice(p * pageSize, (p + 1) * pageSize)
    const items = new Array(keys.length)
    await Promise.all(keys.map((key, i) => slots(async () => { items[i] = await read(key) })))
    paged += items.length
  })
  if (paged !== plan.records) { r.errors++; r.firstError ??= new Error(`pages returned ${paged} of ${plan.records} records`) }
  return { ...r, records: paged }
})

await phase('delete', n, () => runBounded(n, c, (i) => s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: prefix + ids[i] }))))

s3.destroy()
out({ result: { connectMs: Math.round(connectMs * 10) / 10, rssAfterConnectMiB: rssAfterConnect, peakRssMiB: peakRssMiB(), phases } })
