// Where a scenario runs: a fresh, empty database location per run, on memory:// or on the
// local S3 server (moto) that `npm test` starts. The same connection string works for both
// libraries; `dump` reads back what a run left there.
import { createBucket, s3Endpoint, uniqueName } from '../../helpers/backends.mjs'
import { readRaw, readThroughClient } from './objects.mjs'

export const PREFIX = 'databases/app'

/**
 * s3db.js 19.5.10 on the S3 server, with two of its own options:
 * - its default HTTP handler (recker 1.0.56) fails every response without a body (DeleteObject's
 *   204) with a NetworkError, after the object is gone, retries it, and after five such failures
 *   in a row opens a circuit breaker that fails every request for 30 s; the AWS SDK's own
 *   handler (`useReckerHandler: false`) does not (COMPATIBILITY.md, Client: deletes on S3);
 * - it retries every failed request, a 404 included, three times after 1, 2 and 4 s: each
 *   missing key a scenario reads costs 7 s. The same retries at 1 ms leave the requests and their
 *   outcomes as they are (s3db-native does not retry a 4xx: COMPATIBILITY.md, Client).
 */
export function referenceOnS3 () {
  return { clientOptions: { httpClientOptions: { useReckerHandler: false } }, executorPool: { retryDelay: 1 } }
}

export const backends = [
  {
    name: 'memory',
    skip: false,
    options: () => ({}),
    async place (label) {
      const bucket = uniqueName(`diff-${label}`).toLowerCase()
      return {
        bucket,
        connectionString: `memory://${bucket}/${PREFIX}`,
        // Each library has its own in-process store: read it through that library's client.
        dump: (db) => readThroughClient(db.client)
      }
    }
  },
  {
    name: 'moto',
    // Every scenario (a bucket per run) and both cross-read directions (one bucket for both
    // libraries): about two minutes for both libraries (s3db.js 19.5.10 makes several requests
    // per operation). npm test starts moto and sets S3DB_TEST_S3_ENDPOINT; S3DB_DIFF_MOTO=0
    // leaves the S3 run out.
    skip: (!s3Endpoint && 'no local S3 server: S3DB_TEST_S3_ENDPOINT is not set (npm test sets it)') ||
      (process.env.S3DB_DIFF_MOTO === '0' && 'S3DB_DIFF_MOTO=0: the differential tests run on memory only'),
    // Two options for s3db.js 19.5.10 only, so that what is compared is its logic on a real
    // server (referenceOnS3 says why each is there); s3db-native runs as an app would run it.
    options: (lib) => (lib.name === 'reference' ? referenceOnS3() : {}),
    quietMs: 25,
    async place (label) {
      const bucket = uniqueName(`diff-${label}`).toLowerCase().replace(/[^a-z0-9-]/g, '-').slice(0, 60)
      await createBucket(s3Endpoint, bucket)
      return {
        bucket,
        connectionString: `http://test:testsecret@${s3Endpoint.replace(/^http:\/\//, '')}/${bucket}/${PREFIX}`,
        dump: () => readRaw(s3Endpoint, bucket, PREFIX)
      }
    }
  }
]
