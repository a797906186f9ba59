// @ts-check
'use strict'
// `progress` events of long bulk operations: `{ operation, done, total }`. Only batches longer
// than one page report, only while someone listens, and at most once per page of items, so a
// batch nobody watches runs exactly as before.

const PAGE = 100
// Items per call into the core when progress is reported between calls: about ten reports for
// a mid-sized batch, one per 1,000 items for a big one. Each call waits for its slowest item
// before the next starts, so chunks stay large enough to keep the core's concurrency busy.
const MAX_CHUNK = 1000

function listensToProgress (resource) {
  return !resource.eventsDisabled && resource.listenerCount('progress') > 0
}

/**
 * A reporter for `total` items of `operation`, or null when nobody listens or the batch fits
 * one page. `advance(n)` counts items done; it reports once a page more is done, and at the end.
 */
function progressReporter (resource, operation, total) {
  if (!(total > PAGE) || !listensToProgress(resource)) return null
  let done = 0
  let reported = 0
  return {
    advance (n) {
      done += n
      if (done - reported < PAGE && done < total) return
      reported = done
      resource._emitEvent('progress', { operation, done, total })
    }
  }
}

function chunkSize (total) {
  return Math.min(MAX_CHUNK, Math.max(PAGE, Math.ceil(total / 10)))
}

function chunksOf (items, size) {
  const chunks = []
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size))
  return chunks
}

module.exports = { listensToProgress, progressReporter, chunkSize, chunksOf }
