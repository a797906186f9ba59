// @ts-check
'use strict'
// Logging as s3db.js 19.x does it: a pino logger per Database (`db.logger`), child loggers per
// component (`getChildLogger(name)`), level from `logLevel` / `loggerOptions.level` /
// `S3DB_LOG_LEVEL` (default 'info'), format from `loggerOptions.format` / `S3DB_LOG_FORMAT`.
// Secrets never reach a line: well-known secret fields are censored, and credentials inside
// URLs (`scheme://key:secret@host`) are masked in messages and string fields.

const pino = require('pino')

const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']
const DEFAULT_LEVEL = 'info'

// Fields censored wherever they sit in a log object (top level and one level down).
const SECRET_FIELDS = [
  'password', 'passwd', 'passphrase', 'secret', 'token', 'authorization', 'apiKey', 'api_key',
  'accessKey', 'accessKeyId', 'secretKey', 'secretAccessKey', 'secret_access_key', 'sessionToken',
  'connectionString', 'connection_string', 'privateKey', 'private_key', 'credentials', 'clientSecret',
  'encryptionKey', 'refreshToken', 'cookie'
]
const REDACT_PATHS = SECRET_FIELDS.flatMap((f) => [f, `*.${f}`])
const CENSOR = '[REDACTED]'

const URL_CREDENTIALS = /([a-z][a-z0-9+.-]*:\/\/)([^\s/@:]*):([^\s/@]*)@/gi

/** `s3://KEY:SECRET@bucket` -> `s3://KEY:[REDACTED]@bucket`; any other text unchanged. */
function maskUrlCredentials (text) {
  if (typeof text !== 'string' || !text.includes('@')) return text
  return text.replace(URL_CREDENTIALS, (_, scheme, user) => `${scheme}${user}:${CENSOR}@`)
}

function maskStrings (value, depth = 0) {
  if (typeof value === 'string') return maskUrlCredentials(value)
  if (!value || typeof value !== 'object' || depth > 2 || Array.isArray(value) || value instanceof Error) return value
  let out = value
  for (const [k, v] of Object.entries(value)) {
    const masked = maskStrings(v, depth + 1)
    if (masked !== v) {
      if (out === value) out = { ...value }
      out[k] = masked
    }
  }
  return out
}

function serializeError (err) {
  if (!err || typeof err !== 'object') return err
  if (typeof err.toJSON === 'function') return maskStrings(err.toJSON())
  return { ...err, type: err.name, message: maskUrlCredentials(err.message), stack: maskUrlCredentials(err.stack) }
}

function normalizeLevel (level) {
  if (level === undefined || level === null || level === '') return undefined
  const text = String(level).toLowerCase()
  return LOG_LEVELS.includes(text) ? text : undefined
}

/** pretty is the default format, as in s3db.js, when pino-pretty is installed (s3db.js installs it); else JSON lines. */
let prettyStream
function prettyDestination () {
  if (prettyStream !== undefined) return prettyStream
  try {
    // @ts-ignore: pino-pretty is optional (the app's, when installed) and not a dependency here
    prettyStream = require('pino-pretty')({ colorize: true, translateTime: 'HH:MM:ss.l', ignore: 'pid,hostname', sync: true })
  } catch {
    prettyStream = null
  }
  return prettyStream
}

/**
 * A pino logger with the s3db.js defaults. `destination` (any writable with `write`) is for tests
 * and apps that route logs themselves; without it, lines go to stdout.
 */
/**
 * @param {{ level?: string, name?: string, format?: string, transport?: any, bindings?: object,
 *   destination?: any, redactPaths?: string[] }} [options]
 */
function createLogger ({ level, name, format, transport, bindings = {}, destination, redactPaths = [] } = {}) {
  const config = {
    level: normalizeLevel(level) ?? DEFAULT_LEVEL,
    redact: { paths: [...REDACT_PATHS, ...redactPaths], censor: CENSOR },
    serializers: { err: serializeError, error: serializeError },
    hooks: {
      // Only runs for enabled levels, so masking costs nothing when logging is off.
      logMethod (args, method) {
        method.apply(this, args.map((a) => maskStrings(a)))
      }
    }
  }
  if (transport) config.transport = transport
  let stream = destination
  if (!stream && !transport && format !== 'json') stream = prettyDestination() ?? undefined
  let logger = stream ? pino({ ...config, name }, stream) : pino({ ...config, name })
  const base = name ? { ...bindings, name } : bindings
  if (Object.keys(base).length > 0) logger = logger.child(base)
  return logger
}

/** Level and format from the environment override the ones given in code, as in s3db.js. */
/**
 * @param {Record<string, any>} [options]
 * @returns {Record<string, any>}
 */
function loggerOptionsFromEnv (options = {}) {
  const out = { ...options }
  const envLevel = normalizeLevel(process.env.S3DB_LOG_LEVEL)
  if (envLevel) out.level = envLevel
  const envFormat = process.env.S3DB_LOG_FORMAT?.toLowerCase()
  if (envFormat === 'json' || envFormat === 'pretty') out.format = envFormat
  else if (process.env.S3DB_LOG_PRETTY === 'false') out.format = 'json'
  else if (process.env.S3DB_LOG_PRETTY === 'true') out.format = 'pretty'
  return out
}

/** The logger of a Database built from its options (`logger`, `logLevel`, `loggerOptions`). */
/** @param {Record<string, any>} [options] */
function databaseLogger (options = {}) {
  if (options.logger) {
    if (normalizeLevel(options.logLevel)) options.logger.level = normalizeLevel(options.logLevel)
    return options.logger
  }
  const loggerOptions = { ...(options.loggerOptions ?? {}) }
  if (options.logLevel) loggerOptions.level = options.logLevel
  return createLogger({ name: 'Database', ...loggerOptionsFromEnv(loggerOptions) })
}

module.exports = {
  LOG_LEVELS, DEFAULT_LEVEL, createLogger, loggerOptionsFromEnv, databaseLogger, maskUrlCredentials, normalizeLevel
}
