// The completion path: every native call's promise is settled from one queue per JS thread, many
// per wake-up. Each promise must get its own result or error, a call in flight must keep the
// process alive (and nothing else may), and a worker that ends with calls in flight must not
// take the process down.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { Worker } from 'node:worker_threads'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import s3db from '../index.js'
import { uniqueName } from './helpers/backends.mjs'

const require = createRequire(import.meta.url)
const root = fileURLToPath(new URL('..', import.meta.url))

async function memoryResource (records) {
  const db = new s3db.S3db({ connectionString: `memory://${uniqueName('completions')}/app`, logLevel: 'silent', parallelism: 50 })
  await db.connect()
  const items = await db.createResource({ name: 'items', attributes: { n: 'number|required', name: 'string' } })
  await items.insertMany(Array.from({ length: records }, (_, n) => ({ id: `id-${n}`, n, name: `name-${n}` })))
  return { db, items }
}

describe('completions', () => {
  it('settles each of many concurrent calls with its own result or error', async () => {
    const { db, items } = await memoryResource(300)
    const ids = Array.from({ length: 600 }, (_, i) => (i % 2 === 0 ? `id-${i / 2}` : `missing-${i}`))
    const outcomes = await Promise.allSettled(ids.map((id) => items.get(id)))
    outcomes.forEach((outcome, i) => {
      if (i % 2 === 0) {
        assert.equal(outcome.status, 'fulfilled', ids[i])
        assert.deepEqual([outcome.value.id, outcome.value.n, outcome.value.name], [ids[i], i / 2, `name-${i / 2}`])
      } else {
        assert.equal(outcome.status, 'rejected', ids[i])
        assert.equal(outcome.reason.name, 'NoSuchKey', ids[i])
        assert.equal(outcome.reason.id ?? outcome.reason.key?.split('id=')[1], ids[i])
      }
    })
    // Writes and reads of different kinds interleaved in one burst.
    const burst = await Promise.all([
      ...Array.from({ length: 100 }, (_, n) => items.update(`id-${n}`, { name: `upd-${n}` })),
      ...Array.from({ length: 100 }, (_, n) => items.exists(`id-${n + 100}`)),
      items.count(),
      items.listIds()
    ])
    assert.deepEqual(burst.slice(0, 100).map((r) => r.name), Array.from({ length: 100 }, (_, n) => `upd-${n}`))
    assert.deepEqual(burst.slice(100, 200), Array(100).fill(true))
    assert.equal(burst[200], 300)
    assert.equal(burst[201].length, 300)
    await db.disconnect()
  })

  it('keeps the process alive while a call is in flight, and exits once it settles', () => {
    const dir = mkdtempSync(join(tmpdir(), 's3db-completions-'))
    try {
      // Nothing but the native call is pending after the script's first tick.
      const source = `
        const { S3db } = require('./index.js')
        const db = new S3db({ connectionString: 'file://${dir}/app', logLevel: 'silent' })
        db.connect()
          .then(() => db.createResource({ name: 'items', attributes: { n: 'number' } }))
          .then((items) => items.insertMany(Array.from({ length: 3000 }, (_, n) => ({ n }))))
          .then((out) => console.log('inserted', out.length))
      `
      const run = spawnSync(process.execPath, ['-e', source], { cwd: root, encoding: 'utf8', timeout: 60000 })
      assert.equal(run.status, 0, run.stderr)
      assert.equal(run.stdout.trim(), 'inserted 3000')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('survives a worker that ends while its calls are in flight', async () => {
    const bucket = uniqueName('completions-worker')
    const source = `
      const { parentPort, workerData } = require('node:worker_threads')
      const { S3db } = require(workerData.entry)
      const db = new S3db({ connectionString: 'memory://' + workerData.bucket + '/app', logLevel: 'silent' })
      db.connect()
        .then(() => db.createResource({ name: 'items', attributes: { n: 'number' } }))
        .then((items) => {
          for (let n = 0; n < 500; n++) items.insert({ n }).catch(() => {})
          parentPort.postMessage('started')
          process.exit(0)
        })
    `
    for (let round = 0; round < 3; round++) {
      const worker = new Worker(source, { eval: true, workerData: { entry: require.resolve('../index.js'), bucket } })
      const message = new Promise((resolve) => worker.once('message', resolve))
      const exit = new Promise((resolve, reject) => { worker.once('exit', resolve); worker.once('error', reject) })
      assert.equal(await message, 'started')
      assert.equal(await exit, 0)
    }
    // This thread's calls still settle.
    const { db, items } = await memoryResource(20)
    assert.equal((await Promise.all(Array.from({ length: 20 }, (_, n) => items.get(`id-${n}`)))).length, 20)
    await db.disconnect()
  })
})
