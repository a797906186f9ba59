// @ts-check
'use strict'
// Records cross to the core as JSON and arrive from it as JSON; `_lastModified` becomes a Date again.

const { ValidationError } = require('./errors')

function revive (record) {
  if (record && typeof record._lastModified === 'string') record._lastModified = new Date(record._lastModified)
  return record
}

function reviveAll (records) {
  for (const record of records) revive(record)
  return records
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

module.exports = { revive, reviveAll, documentJson }
