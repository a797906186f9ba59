// Where a scenario runs: a fresh, empty database location per run, on memory:// or on the
// local S3 server (moto) that `npm test` starts. The same connection string works for both
// libraries; `dump` reads back what a run left there.
import { createBucket, s3Endpoint, uniqueName } from '../../helpers/backends.mjs'
import { readRaw, readThroughClient } from './objects.mjs'

export const PREFIX = 'databases/app'

export const backends = [
  {
    name: 'memory',
    skip: false,
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
    // The moto run takes over ten minutes (s3db.js 19.5.10 spends several requests per
    // operation), too long for every CI run: it runs when S3DB_DIFF_MOTO=1 is also set.
    skip: (!s3Endpoint && 'no local S3 server: S3DB_TEST_S3_ENDPOINT is not set (npm test sets it)') ||
      (!process.env.S3DB_DIFF_MOTO && 'set S3DB_DIFF_MOTO=1 to run the differential tests on the S3 server too'),
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
