// Child process for the worker-thread robustness test: loads the addon in worker threads, one
// after another or side by side, each doing a small memory:// insert/get before it is terminated
// (`busy`: terminated while its inserts are still in flight). Exits 0 when every worker answered.
// Usage: node robustness-workers.cjs <sequential|concurrent|busy> <count> <package|bare>
'use strict'
const { Worker } = require('node:worker_threads')
const { join } = require('node:path')
const { readdirSync } = require('node:fs')

const [mode = 'sequential', countArg = '5', load = 'package'] = process.argv.slice(2)
const count = Number(countArg)
const root = join(__dirname, '..', '..')
const bare = readdirSync(root).find((f) => f.endsWith('.node'))

const body = (index) => `
  const { parentPort } = require('node:worker_threads')
  ;(async () => {
    ${load === 'bare' ? `require(${JSON.stringify(join(root, bare || 'missing.node'))})` : ''}
    const { Database } = require(${JSON.stringify(root)})
    const db = new Database({ connectionString: 'memory://workers-${process.pid}/w${index}', logLevel: 'silent' })
    await db.connect()
    const res = await db.createResource({ name: 'items', attributes: { name: 'string' } })
    await res.insert({ id: 'x${index}', name: 'worker ${index}' })
    const got = await res.get('x${index}')
    parentPort.postMessage(got.name)
    if (${mode === 'busy'}) {
      for (let i = 0; ; i++) await Promise.all(Array.from({ length: 10 }, (_, j) => res.insert({ name: 'n' + i + '-' + j })))
    }
    // Stay alive until terminated, like a pooled worker.
    setInterval(() => {}, 1000)
  })().catch((err) => { parentPort.postMessage('error: ' + (err && err.stack || err)) })
`

function run (index) {
  const worker = new Worker(body(index), { eval: true })
  return new Promise((resolve, reject) => {
    worker.once('error', reject)
    worker.once('message', async (msg) => {
      if (msg !== `worker ${index}`) return reject(new Error(`worker ${index}: ${msg}`))
      if (mode === 'busy') await new Promise((resolve) => setTimeout(resolve, 20 + 15 * index))
      await worker.terminate()
      resolve()
    })
  })
}

;(async () => {
  if (mode === 'concurrent') {
    await Promise.all(Array.from({ length: count }, (_, i) => run(i)))
    // And once more after both are gone.
    await run(count)
  } else {
    for (let i = 0; i < count; i++) await run(i)
  }
  console.log('workers ok')
})().catch((err) => { console.error(err); process.exit(2) })
