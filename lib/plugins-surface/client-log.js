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

module.exports = { logCommand }
