// @ts-check
'use strict'
// `console.log(db)` / `util.inspect` of a Database, Resource or Client shows the object with its
// secrets masked: values of secret-named fields (passphrase, secretAccessKey, ...) and the secret
// part of every connection string. The objects themselves are untouched.

const { inspect } = require('node:util')
const { maskUrlCredentials } = require('../logger')

const SECRET_KEY = /pass(word|phrase)|secret|token|credential|authorization|private_?key|api_?key/i
const CENSOR = '[REDACTED]'

function isPlain (value) {
  if (!value || typeof value !== 'object') return false
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null || Array.isArray(value)
}

function masked (value, depth) {
  if (typeof value === 'string') return maskUrlCredentials(value)
  if (!isPlain(value) || depth > 6) return value
  if (Array.isArray(value)) return value.map((v) => masked(v, depth + 1))
  const out = {}
  for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEY.test(k) && v != null && typeof v !== 'object' && typeof v !== 'function' ? CENSOR : masked(v, depth + 1)
  return out
}

const shownClasses = new Map()
function shownClass (name) {
  if (!shownClasses.has(name)) shownClasses.set(name, { [name]: class {} }[name])
  return shownClasses.get(name)
}

/** A copy of `target`'s own fields with secrets masked, under the same class name. */
function maskedView (target, extraHidden = []) {
  const Shown = shownClass(target.constructor?.name ?? 'Object')
  const view = new Shown()
  for (const key of Object.keys(target)) {
    if (key.startsWith('_') || extraHidden.includes(key)) continue
    const value = target[key]
    view[key] = SECRET_KEY.test(key) && value != null && typeof value !== 'object' && typeof value !== 'function' ? CENSOR : masked(value, 0)
  }
  return view
}

/** Installs the masking `util.inspect.custom` on a class's prototype. */
function installSafeInspect (Class, extraHidden = []) {
  Object.defineProperty(Class.prototype, inspect.custom, {
    value (depth, options, inspectFn = inspect) {
      if (depth < 0) return `[${this.constructor.name}]`
      return inspectFn(maskedView(this, extraHidden), { ...options, depth: options.depth === null ? null : depth })
    },
    configurable: true,
    writable: true
  })
}

module.exports = { installSafeInspect, maskedView }
