// The engines compared by the pool benchmark. Each runs `n` trivial async tasks with at most
// `c` running at once, all enqueued up front (the usual way these libraries are used), and
// resolves when every task has settled. `load` (not timed) imports the library first.
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

const task = (i) => async () => i

let OperationsPool, pLimit, PQueue, TasksPool

export async function load (name) {
  if (name === 'native' || name in memoryScenarios) ({ OperationsPool } = require('../../index.js'))
  if (name === 'p-limit') pLimit = (await import('p-limit')).default
  if (name === 'p-queue') PQueue = (await import('p-queue')).default
  if (name === 'original TasksPool') ({ TasksPool } = await import(new URL('../node_modules/s3db.js/dist/tasks/tasks-pool.class.js', import.meta.url)))
}

export const engines = {
  /** s3db-native's OperationsPool with default options (priorities, retries, timeouts on). */
  async native (n, c) {
    const pool = new OperationsPool({ concurrency: c })
    const jobs = new Array(n)
    for (let i = 0; i < n; i++) jobs[i] = pool.enqueue(task(i))
    await Promise.all(jobs)
  },

  async 'p-limit' (n, c) {
    const limit = pLimit(c)
    const jobs = new Array(n)
    for (let i = 0; i < n; i++) jobs[i] = limit(task(i))
    await Promise.all(jobs)
  },

  async 'p-queue' (n, c) {
    const queue = new PQueue({ concurrency: c })
    const jobs = new Array(n)
    for (let i = 0; i < n; i++) jobs[i] = queue.add(task(i))
    await Promise.all(jobs)
  },

  /** The original's pool (s3db.js 19.5.10), its class module alone, default options. */
  async 'original TasksPool' (n, c) {
    const pool = new TasksPool({ concurrency: c })
    const jobs = new Array(n)
    for (let i = 0; i < n; i++) jobs[i] = pool.enqueue(task(i))
    await Promise.all(jobs)
    pool.stop?.()
  },

  /** No limit at all: the floor any limiter is measured against. */
  async 'Promise.all' (n) {
    const jobs = new Array(n)
    for (let i = 0; i < n; i++) jobs[i] = task(i)()
    await Promise.all(jobs)
  },
}

const HELD = 8 * 1024

/** Memory scenarios: 100k (or n) tasks that each hold an 8 KB buffer until they run. */
export const memoryScenarios = {
  /** Every task (and its buffer) created before the first one runs. */
  async eager (n, c) {
    const pool = new OperationsPool({ concurrency: c })
    const jobs = new Array(n)
    for (let i = 0; i < n; i++) {
      const data = Buffer.alloc(HELD, i & 255)
      jobs[i] = pool.enqueue(async () => data[0])
    }
    await Promise.all(jobs)
  },

  /** The same work from a generator: items (and buffers) made only as slots free. */
  async lazy (n, c) {
    const pool = new OperationsPool({ concurrency: c })
    function * items () {
      for (let i = 0; i < n; i++) yield Buffer.alloc(HELD, i & 255)
    }
    const { errors } = await pool.map(items(), async (data) => data[0])
    if (errors.length) throw errors[0].error
  },

  /** A lazy source of small tasks, to show memory stays flat in n. */
  async 'lazy small' (n, c) {
    const pool = new OperationsPool({ concurrency: c })
    function * items () { for (let i = 0; i < n; i++) yield i }
    const { errors } = await pool.map(items(), async (i) => i)
    if (errors.length) throw errors[0].error
  },
}
