// The backends every client test runs on: memory, file and (when the test script started one)
// a real S3 server (moto). Each call gives a fresh, empty place to work in.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import s3db from '../../index.js'

const { S3Client, MemoryClient, FileSystemClient } = s3db

export const s3Endpoint = process.env.S3DB_TEST_S3_ENDPOINT
if (process.env.S3DB_TEST_REQUIRE_S3 && !s3Endpoint) throw new Error('S3DB_TEST_S3_ENDPOINT must be set when S3DB_TEST_REQUIRE_S3 is')

/** A connection string with the test keys for `path` on the S3 server (http or https). */
export function s3ConnectionString (path) {
  const url = new URL(s3Endpoint)
  return `${url.protocol}//test:testsecret@${url.host}/${path}`
}

export function uniqueName (label) {
  return `${label}-${randomBytes(5).toString('hex')}`
}

// moto accepts unsigned requests, so a plain PUT creates a bucket.
export async function createBucket (endpoint, bucket) {
  const res = await fetch(`${endpoint}/${bucket}`, { method: 'PUT' })
  if (!res.ok) throw new Error(`could not create bucket ${bucket}: ${res.status}`)
}

export const backends = [
  {
    name: 'memory',
    async connectionString () {
      return `memory://${uniqueName('mem')}/databases/app`
    },
    async client (opts = {}) {
      return new MemoryClient({ bucket: uniqueName('mem'), keyPrefix: 'app', ...opts })
    }
  },
  {
    name: 'file',
    async connectionString () {
      return `file://${mkdtempSync(join(tmpdir(), 's3db-native-db-'))}?bucket=b&keyPrefix=databases/app`
    },
    async client (opts = {}) {
      const dir = mkdtempSync(join(tmpdir(), 's3db-native-test-'))
      return new FileSystemClient({ basePath: dir, bucket: 'b', keyPrefix: 'app', ...opts })
    }
  },
  {
    name: 's3 (moto)',
    skip: !s3Endpoint && 'no local S3 server (run the suite with npm test)',
    async connectionString () {
      const bucket = uniqueName('db')
      await createBucket(s3Endpoint, bucket)
      return s3ConnectionString(`${bucket}/databases/app`)
    },
    async client (opts = {}) {
      const bucket = uniqueName('bkt')
      await createBucket(s3Endpoint, bucket)
      return new S3Client({ connectionString: s3ConnectionString(`${bucket}/app`), ...opts })
    }
  }
]
