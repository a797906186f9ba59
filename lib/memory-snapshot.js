// @ts-check
'use strict'
// The process memory figures s3db.js attaches to `db:resource:metrics` and `db:plugin:metrics`:
// whole megabytes and an ISO timestamp.

const BYTES_PER_MB = 1024 * 1024

function megabytes (bytes) {
  return Math.round((bytes || 0) / BYTES_PER_MB)
}

/** `{ timestamp, rssMB, heapUsedMB, heapTotalMB, externalMB, arrayBuffersMB? }`. */
function memorySnapshot () {
  const usage = process.memoryUsage()
  const snapshot = {
    timestamp: new Date().toISOString(),
    rssMB: megabytes(usage.rss),
    heapUsedMB: megabytes(usage.heapUsed),
    heapTotalMB: megabytes(usage.heapTotal),
    externalMB: megabytes(usage.external)
  }
  if (usage.arrayBuffers !== undefined) snapshot.arrayBuffersMB = megabytes(usage.arrayBuffers)
  return snapshot
}

/**
 * Emits `fields` plus a memory snapshot. process.memoryUsage() asks the OS for the resident set
 * size, so the snapshot is taken only when someone listens.
 */
function emitWithMemorySnapshot (emitter, event, fields) {
  if (emitter.listenerCount(event) > 0) emitter.emit(event, { ...fields, ...memorySnapshot() })
}

module.exports = { memorySnapshot, emitWithMemorySnapshot }
