// @ts-check
'use strict'
// Records cross to the core as JSON and arrive from it as JSON: `_lastModified` becomes a Date
// again, and the byte arrays of buffer/bits attributes Buffers (as s3db.js reads them).

const { ValidationError } = require('./errors')

/** @type {string[][]} */
const NO_PATHS = []

/**
 * @param {any} record
 * @param {string[][]} [bytePaths] the buffer/bits attribute paths, split at their dots
 */
function revive (record, bytePaths = NO_PATHS) {
  if (!record) return record
  if (typeof record._lastModified === 'string') record._lastModified = new Date(record._lastModified)
  return buffersAt(record, bytePaths)
}

/**
 * The byte arrays at `bytePaths` of `record` (those present), as Buffers.
 * @param {any} record
 * @param {string[][]} bytePaths
 */
function buffersAt (record, bytePaths) {
  for (const path of bytePaths) bytesToBuffer(record, path)
  return record
}

/**
 * @param {any[]} records
 * @param {string[][]} [bytePaths]
 */
function reviveAll (records, bytePaths = NO_PATHS) {
  for (const record of records) revive(record, bytePaths)
  return records
}

/** The byte array at `path` of `record`, if there is one, as a Buffer. */
function bytesToBuffer (record, path) {
  let parent = record
  for (let i = 0; i < path.length - 1; i++) {
    parent = parent[path[i]]
    if (parent === null || typeof parent !== 'object') return
  }
  const key = path[path.length - 1]
  const value = parent[key]
  if (Array.isArray(value)) parent[key] = Buffer.from(value)
}

/**
 * A document as the JSON the core reads. A value JSON cannot carry at all (a function, a symbol,
 * undefined) is the caller's mistake, reported as a ValidationError rather than a conversion error.
 */
function documentJson (value, what = 'data') {
  const text = JSON.stringify(value)
  if (text === undefined) throw new ValidationError(`${what} must be an object`, { field: what, value: typeof value })
  return text
}

/**
 * The batch methods take arrays: anything else (an iterator, an object, a string, null) is a
 * TypeError, as s3db.js 19.5.10's `.map` over it throws one, never an empty result.
 * @param {any} value
 * @param {string} method
 * @param {string} items
 */
function checkArray (value, method, items) {
  if (Array.isArray(value)) return
  const iterable = typeof value === 'object' && value !== null && (Symbol.iterator in value || Symbol.asyncIterator in value)
  const got = value === null ? 'null' : iterable ? 'an iterable (spread it into an array)' : typeof value
  throw new TypeError(`${method}() expects an array of ${items}, got ${got}`)
}

module.exports = { revive, reviveAll, buffersAt, documentJson, checkArray }
