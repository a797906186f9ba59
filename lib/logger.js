// @ts-check
'use strict'
// Logging as s3db.js 19.x does it: a pino logger per Database (`db.logger`), child loggers per
// component (`getChildLogger(name)`), level from `logLevel` / `loggerOptions.level` /
// `S3DB_LOG_LEVEL` (default 'info'), format from `loggerOptions.format` / `S3DB_LOG_FORMAT`.
// Secrets never reach a line: well-known secret fields are censored, and credentials inside
// URLs (`scheme://key:secret@host`) are masked in messages and string fields.

/**
 * @typedef {{ level?: string, name?: string, format?: string, transport?: any, bindings?: object,
 *   destination?: any, redactPaths?: string[] }} LoggerOptions
 */

// pino (and the worker and stream modules it loads) is required when a logger first writes a
// line or is used beyond its level: a Database that never logs does not load it (lazyLogger).
let pinoModule
const pino = (...args) => (pinoModule ??= require('pino'))(...args)

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

/** The pino logger of `createLogger`'s options, built now. */
/** @param {LoggerOptions} options */
function buildLogger ({ level, name, format, transport, bindings = {}, destination, redactPaths = [] }) {
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

// --- lazy loggers ----------------------------------------------------------------------------
// A lazy logger is a Proxy over an empty object that becomes the pino logger: the first use that
// needs pino builds it and copies it into that object (its prototype and own properties), and
// every trap forwards there from then on. Before that, only what needs no pino is answered: the
// level (read and set), isLevelEnabled, a disabled level's method (a no-op, as pino's) and
// child() (a lazy child). Children are built when their parent is (nothing can have changed the
// parent but its level before), then given the level set on them, if any.

const LEVEL_VALUES = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: Infinity }
const LOG_METHODS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal']
const noop = () => {}
// Bindings that pino reads as options (or warns about): such a child is built at once.
const CHILD_OPTION_NAMES = ['serializers', 'formatters', 'customLevels', 'level', 'msgPrefix', 'redact']

// A child follows its parent's level until its own is set, as pino's children do.
const levelOf = (state) => state.ownLevel ?? levelOf(state.parent)
const enabled = (state, method) => LEVEL_VALUES[method] >= LEVEL_VALUES[levelOf(state)]

/** @type {WeakMap<object, any>} proxy -> its state, while it is lazy */
const lazyStates = new WeakMap()

/** Builds the pino logger behind a lazy one (and its lazy children) into its target. */
function materialize (state) {
  if (state.built) return
  if (state.parent) materialize(state.parent)
  if (state.built) return
  const real = state.parent ? state.parent.proxy.child(state.bindings) : buildLogger(state.options)
  // A child given a level keeps it from then on (pino's own level), even one equal to its parent's.
  if (state.ownLevel !== undefined && (state.parent || real.level !== state.ownLevel)) real.level = state.ownLevel
  delete state.target[inspectCustom]
  Object.setPrototypeOf(state.target, Object.getPrototypeOf(real))
  for (const key of Reflect.ownKeys(real)) {
    const descriptor = /** @type {PropertyDescriptor} */ (Object.getOwnPropertyDescriptor(real, key))
    Object.defineProperty(state.target, key, descriptor)
  }
  state.built = true
  lazyStates.delete(state.proxy)
  for (const ref of state.children.splice(0)) {
    const child = ref.deref()
    if (child) materialize(child)
  }
}

/** The lazy logger's isLevelEnabled: pino's answer for the six levels, else pino's own. */
function isLevelEnabled (level) {
  const state = lazyStates.get(this)
  if (state && LOG_METHODS.includes(level)) return enabled(state, level)
  if (state) materialize(state)
  const own = this?.isLevelEnabled
  return own === isLevelEnabled ? false : own.call(this, level)
}

function lazyChild (bindings, options) {
  const state = lazyStates.get(this)
  const plain = bindings && typeof bindings === 'object' && !Array.isArray(bindings) &&
    !CHILD_OPTION_NAMES.some((k) => Object.hasOwn(bindings, k))
  if (!state || options !== undefined || !plain) {
    if (state) materialize(state)
    const own = this?.child
    if (own === lazyChild) throw new TypeError('child() called on an object that is not a logger')
    return own.call(this, bindings, options)
  }
  const child = lazyLogger({ parent: state, bindings: { ...bindings } })
  state.children.push(new WeakRef(lazyStates.get(child)))
  return child
}

/**
 * A lazy logger: the one of `createLogger(options)` (root) or `parent.child(bindings)`.
 * @param {{ options?: LoggerOptions, parent?: any, bindings?: object, level?: string }} spec
 */
function lazyLogger ({ options, parent, bindings, level }) {
  const target = {}
  /** @type {any} */
  const state = { target, options, parent, bindings, ownLevel: level, built: false, children: [], proxy: null }
  const built = () => { materialize(state); return target }
  const proxy = new Proxy(target, {
    get (t, key, receiver) {
      if (!state.built) {
        if (key === 'level') return levelOf(state)
        if (key === 'isLevelEnabled') return isLevelEnabled
        if (key === 'child') return lazyChild
        if (key === 'silent') return noop
        if (typeof key === 'string' && LOG_METHODS.includes(key) && !enabled(state, key)) return noop
        // util.inspect shows a Proxy's target without traps: build it first, then show it.
        if (key === inspectCustom) return inspectLazy
      }
      return Reflect.get(built(), key, receiver)
    },
    set (t, key, value, receiver) {
      if (!state.built && key === 'level' && typeof value === 'string' && Object.hasOwn(LEVEL_VALUES, value)) {
        state.ownLevel = value
        return true
      }
      return Reflect.set(built(), key, value, receiver)
    },
    has: (t, key) => Reflect.has(built(), key),
    ownKeys: () => Reflect.ownKeys(built()),
    getOwnPropertyDescriptor: (t, key) => Reflect.getOwnPropertyDescriptor(built(), key),
    defineProperty: (t, key, desc) => Reflect.defineProperty(built(), key, desc),
    deleteProperty: (t, key) => Reflect.deleteProperty(built(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(built()),
    setPrototypeOf: (t, proto) => Reflect.setPrototypeOf(built(), proto),
    isExtensible: () => Reflect.isExtensible(built()),
    preventExtensions: () => Reflect.preventExtensions(built())
  })
  state.proxy = proxy
  lazyStates.set(proxy, state)
  // util.inspect reads the target directly: until it is built, the target's own inspect hook
  // builds it and lets inspect show it (the hook is gone by then).
  Object.defineProperty(target, inspectCustom, { value: inspectLazy, configurable: true, writable: true })
  return proxy
}

const inspectCustom = Symbol.for('nodejs.util.inspect.custom')
/** Builds the lazy logger being inspected and returns it, so inspect formats the pino logger. */
function inspectLazy () {
  const state = lazyStates.get(this)
  if (state) materialize(state)
  return this
}

/**
 * A pino logger with the s3db.js defaults. `destination` (any writable with `write`) is for tests
 * and apps that route logs themselves; without it, lines go to stdout. Without a destination, a
 * transport or redactPaths (the options pino could reject or act on at once), pino is loaded and
 * the logger built on first use.
 */
/** @param {LoggerOptions} [options] */
function createLogger (options = {}) {
  if (options.transport || options.destination || options.redactPaths) return buildLogger(options)
  return lazyLogger({ options, level: normalizeLevel(options.level) ?? DEFAULT_LEVEL })
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
