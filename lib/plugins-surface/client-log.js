// @ts-check
'use strict'
// The lines s3db.js 19.x's S3Client logs per request: `[S3Client.<op>] complete` at debug, a
// `[PERF] ... SLOW` warning past its thresholds (50 ms for a get, 100 ms for a listing), and the
// failures. The level check comes first, so a disabled level costs one comparison.

const SLOW_MS = { GetObjectCommand: 50, ListObjectsV2Command: 100 }

function opName (commandName) {
  const base = commandName.replace(/Command$/, '').replace(/V2$/, '')
  return base.charAt(0).toLowerCase() + base.slice(1)
}

function logCommand (client, commandName, context, totalMs, error) {
  const logger = client.logger
  const slowAfter = SLOW_MS[commandName]
  const slow = !error && slowAfter !== undefined && totalMs > slowAfter
  if (!(slow || error) && !logger.isLevelEnabled('debug')) return
  const where = context.key !== undefined ? { key: String(context.key).substring(0, 60) } : { prefix: String(context.prefix ?? '').substring(0, 60) }
  const op = opName(commandName)
  if (error) {
    // A missing key is an answer, not a failure: debug, as s3db.js logs a failed get.
    const level = commandName === 'ListObjectsV2Command' ? 'warn' : 'debug'
    logger[level]({ totalMs, ...where, err: error.name }, `[S3Client.${op}] ERROR`)
  } else if (slow) {
    logger.warn({ totalMs, ...where }, `[PERF] S3Client.${op} SLOW`)
  } else {
    logger.debug({ totalMs, ...where }, `[S3Client.${op}] complete`)
  }
}

// s3db.js 19.x's S3Client warns about any request that spends over 100 ms in its pool
// (`_executeOperation`). Requests the core makes for resources never pass through a JS client
// method, so the native pool sends notices of its own for them (`OperationsPool.logNoticesTo`).
const SLOW_REQUEST_MS = 100

/** What to ask the native pool for: slow-request notices if warn is on, retries if debug is. */
function noticeLevels (logger) {
  return {
    slowMs: logger.isLevelEnabled('warn') ? SLOW_REQUEST_MS : null,
    retries: logger.isLevelEnabled('debug')
  }
}

/** One notice of the native pool (`pool:taskSlow` or `pool:taskRetry`) as a log line. */
function logPoolNotice (logger, pool, name, task, attempt) {
  const op = task.metadata?.operation || 'unknown'
  const key = String(task.metadata?.key || '?').substring(0, 50)
  if (name === 'pool:taskSlow') {
    const stats = pool.getStats()
    const totalMs = Math.round(task.timings.total ?? 0)
    logger.warn({ op, totalMs, key, queueSize: stats.queueSize || 0, active: stats.activeCount || 0 }, '[PERF] S3Client._executeOperation SLOW')
  } else if (name === 'pool:taskRetry') {
    const failed = task.timings.failedAttempts?.at(-1)
    logger.debug({ op, key, attempt, err: failed?.error }, `[S3Client] retrying ${op} (attempt ${attempt + 1})`)
  }
}

module.exports = { logCommand, noticeLevels, logPoolNotice }
