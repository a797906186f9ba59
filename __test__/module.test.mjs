// Loading and living with the addon: CJS and ESM entries, worker threads, panics that become
// errors, and a process that exits on its own once its work is done.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { createRequire } from 'node:module'
import { spawnSync } from 'node:child_process'
import { Worker } from 'node:worker_threads'
import { fileURLToPath } from 'node:url'
import * as esm from '../index.mjs'
import { s3Endpoint, createBucket, uniqueName } from './helpers/backends.mjs'

const require = createRequire(import.meta.url)
const root = fileURLToPath(new URL('..', import.meta.url))

function runScript (source) {
  const started = process.hrtime.bigint()
  const child = spawnSync(process.execPath, ['-e', source], { cwd: root, encoding: 'utf8', timeout: 20000 })
  return { ...child, ms: Number(process.hrtime.bigint() - started) / 1e6 }
}

describe('module', () => {
  it('offers the same named exports through require and import', () => {
    const cjs = require('../index.js')
    for (const name of ['S3Client', 'Client', 'MemoryClient', 'FileSystemClient', 'ConnectionString', 'NoSuchKey', 'ValidationError', 'mapAwsError', 'ErrorMap']) {
      assert.equal(typeof cjs[name] !== 'undefined', true, name)
      assert.equal(esm[name], cjs[name], name)
    }
    assert.equal(esm.Client, esm.S3Client)
    assert.equal(esm.default, cjs.S3db)
    assert.equal(cjs.default, cjs.S3db)
  })

  it('turns a Rust panic into a JS error instead of crashing', async () => {
    const binding = require('../binding.js')
    assert.throws(() => binding.selfTestPanicSync(), /panic/)
    await assert.rejects(binding.selfTestPanicAsync(), (err) => /deliberate panic/.test(err.message))
    // The process is still healthy afterwards.
    const client = new esm.MemoryClient({ bucket: uniqueName('after-panic') })
    await client.putObject({ key: 'k', body: 'still alive' })
    assert.equal(await (await client.getObject('k')).Body.transformToString(), 'still alive')
  })

  it('exits on its own within 1 s after using the memory backend', () => {
    const run = runScript(`
      const { MemoryClient } = require('./index.js')
      const c = new MemoryClient({ bucket: 'exit-test' })
      c.putObject({ key: 'a', body: 'b' }).then(() => c.getObject('a')).then(() => console.log('done'))
    `)
    assert.equal(run.status, 0, run.stderr)
    assert.equal(run.stdout.trim(), 'done')
    assert.ok(run.ms < 1000, `took ${run.ms} ms`)
  })

  it('exits on its own within 1 s after talking to S3', { skip: !s3Endpoint && 'no local S3 server' }, async () => {
    const bucket = uniqueName('exit')
    await createBucket(s3Endpoint, bucket)
    const run = runScript(`
      const { S3Client } = require('./index.js')
      const c = new S3Client({ connectionString: 'http://k:s@${s3Endpoint.replace('http://', '')}/${bucket}' })
      c.putObject({ key: 'a', body: 'b' }).then(() => c.listObjects()).then((r) => console.log(r.KeyCount))
    `)
    assert.equal(run.status, 0, run.stderr)
    assert.equal(run.stdout.trim(), '1')
    assert.ok(run.ms < 1000, `took ${run.ms} ms`)
  })

  it('works inside worker threads, sharing the process-wide memory storage', async () => {
    const bucket = uniqueName('worker')
    const source = `
      const { parentPort, workerData } = require('node:worker_threads')
      const { MemoryClient } = require(workerData.entry)
      const c = new MemoryClient({ bucket: workerData.bucket })
      c.putObject({ key: 'from-worker-' + workerData.n, body: 'w' }).then(() => parentPort.postMessage('ok'))
    `
    const runs = [1, 2].map((n) => new Promise((resolve, reject) => {
      const worker = new Worker(source, { eval: true, workerData: { entry: require.resolve('../index.js'), bucket, n } })
      worker.once('message', resolve)
      worker.once('error', reject)
    }))
    assert.deepEqual(await Promise.all(runs), ['ok', 'ok'])
    const client = new esm.MemoryClient({ bucket })
    assert.deepEqual((await client.getAllKeys()).sort(), ['from-worker-1', 'from-worker-2'])
  })
})
