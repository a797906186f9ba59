'use strict'
// Records arrive from the core as JSON; `_lastModified` becomes a Date again.

function revive (record) {
  if (record && typeof record._lastModified === 'string') record._lastModified = new Date(record._lastModified)
  return record
}

function reviveAll (records) {
  for (const record of records) revive(record)
  return records
}

module.exports = { revive, reviveAll }
