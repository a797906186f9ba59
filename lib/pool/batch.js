// @ts-check
'use strict'
// Batches and lazy sources over a pool. `map` pulls the next item only when one of its tasks
// settles, so a source of a million items keeps only `concurrency` of them in memory.

let batchCounter = 0

function newBatchId () {
  batchCounter = (batchCounter + 1) % Number.MAX_SAFE_INTEGER
  return `batch-${Date.now().toString(36)}-${batchCounter.toString(36)}`
}

/**
 * Runs every function as a task. Never rejects: `results[i]` is the value or null (input
 * order), `errors` lists `{ error, index }` in completion order. Callback exceptions turn the
 * item into a failure.
 */
function addBatch (pool, fns, options = {}) {
  if (fns === null || typeof fns !== 'object' || typeof fns[Symbol.iterator] !== 'function') {
    return Promise.reject(new TypeError('addBatch expects an array of functions'))
  }
  const list = Array.isArray(fns) ? fns : [...fns]
  const o = options || {}
  const batchId = newBatchId()
  const results = new Array(list.length).fill(null)
  const errors = []
  if (list.length === 0) return Promise.resolve({ results, errors, batchId })
  const { onItemComplete, onItemError } = o
  return new Promise((resolve) => {
    let pending = list.length
    const done = () => { if (--pending === 0) resolve({ results, errors, batchId }) }
    const fail = (error, index) => {
      results[index] = null
      errors.push({ error, index })
      if (typeof onItemError === 'function') {
        try { onItemError(error, index) } catch { /* the item already failed */ }
      }
      done()
    }
    for (let index = 0; index < list.length; index++) {
      const fn = list[index]
      if (typeof fn !== 'function') {
        fail(new TypeError(`addBatch item ${index} is not a function`), index)
        continue
      }
      const metadata = { ...(o.metadata || {}), batchId, index }
      const taskOptions = { priority: o.priority, retries: o.retries, timeout: o.timeout, metadata }
      pool._enqueueWith(fn, taskOptions, (value) => {
        results[index] = value
        if (typeof onItemComplete === 'function') {
          try {
            onItemComplete(value, index)
          } catch (err) {
            return fail(err, index)
          }
        }
        done()
      }, (err) => fail(err, index))
    }
  })
}

/**
 * `fn(item, index, context)` for every item of an array, iterable or async iterable, with at
 * most `concurrency` (default: the pool's) items taken from the source and not yet settled.
 * Resolves `{ results, errors }` like addBatch (`errors` entries also carry `item`).
 */
function map (pool, source, fn, options = {}) {
  if (typeof fn !== 'function') return Promise.reject(new TypeError('map expects a function'))
  const iterator = openSource(source)
  if (iterator === null) return Promise.reject(new TypeError('map expects an iterable or async iterable'))
  const o = options || {}
  const limit = Math.max(1, Math.floor(Number(o.concurrency) || pool.concurrency))
  const taskOptions = { priority: o.priority, retries: o.retries, timeout: o.timeout, metadata: o.metadata }
  const results = []
  const errors = []
  const { onItemComplete, onItemError } = o

  return new Promise((resolve, reject) => {
    let inFlight = 0
    let exhausted = false
    let pulling = false
    let index = 0

    const finishIfDone = () => {
      if (exhausted && inFlight === 0) resolve({ results, errors })
    }
    const settleItem = () => {
      inFlight--
      if (exhausted) finishIfDone()
      else pull()
    }
    const submit = (item) => {
      const i = index++
      inFlight++
      results.push(null)
      pool._enqueueWith((context) => fn(item, i, context), taskOptions, (value) => {
        results[i] = value
        if (typeof onItemComplete === 'function') {
          try { onItemComplete(value, i) } catch (err) { errors.push({ error: err, index: i, item }) }
        }
        settleItem()
      }, (error) => {
        errors.push({ error, index: i, item })
        if (typeof onItemError === 'function') {
          try { onItemError(error, i, item) } catch { /* already failed */ }
        }
        settleItem()
      })
    }
    const end = (err) => {
      exhausted = true
      if (err !== undefined) {
        if (typeof iterator.return === 'function') {
          try { iterator.return() } catch { /* closing a broken source */ }
        }
        return reject(err)
      }
      finishIfDone()
    }
    const pullSync = () => {
      while (!exhausted && inFlight < limit && !pool.stopped) {
        let step
        try { step = iterator.next() } catch (err) { return end(err) }
        if (step.done) return end()
        submit(step.value)
      }
      if (pool.stopped && !exhausted) end()
    }
    const pullAsync = async () => {
      pulling = true
      try {
        while (!exhausted && inFlight < limit && !pool.stopped) {
          let step
          try { step = await iterator.next() } catch (err) { return end(err) }
          if (step.done) return end()
          submit(step.value)
        }
        if (pool.stopped && !exhausted) end()
      } finally {
        pulling = false
      }
    }
    const pull = iterator.async
      ? () => { if (!pulling) pullAsync() }
      : pullSync
    pull()
  })
}

function openSource (source) {
  if (source === null || source === undefined) return null
  if (typeof source[Symbol.asyncIterator] === 'function') {
    const it = source[Symbol.asyncIterator]()
    return { next: () => it.next(), return: it.return && (() => it.return()), async: true }
  }
  if (typeof source[Symbol.iterator] === 'function') {
    const it = source[Symbol.iterator]()
    return { next: () => it.next(), return: it.return && (() => it.return()), async: false }
  }
  return null
}

/**
 * TasksPool.process shape (s3db.js 19.5.10): `processor(item, index, pool)`; `results` holds the
 * values of the items that succeeded, in completion order; `errors` `{ item, error, index }`.
 */
async function processItems (pool, items, processor, options = {}) {
  const o = options || {}
  const results = []
  const { errors } = await map(pool, items, (item, index) => processor(item, index, pool), {
    ...o,
    onItemComplete: (value, i) => {
      results.push(value)
      if (o.onSuccess) o.onSuccess(Array.isArray(items) ? items[i] : value, value)
    },
    onItemError: o.onError ? (error, i, item) => o.onError(item, error) : undefined,
  })
  return { results, errors }
}

/** OperationsPool.map as a one-off (static): the values of the items that succeeded, in input
 * order, and `{ error, item, index }` per failure (s3db.js 19.5.10's TasksPool.map). */
async function mapOnce (pool, items, fn, options) {
  const { results, errors } = await map(pool, items, fn, options)
  const failed = new Set(errors.map((e) => e.index))
  return { results: results.filter((_, i) => !failed.has(i)), errors }
}

module.exports = { addBatch, map, mapOnce, processItems }
