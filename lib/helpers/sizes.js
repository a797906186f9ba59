// @ts-check
'use strict'
// s3db.js's metadata size calculator: what a mapped record costs against S3's 2 KB of user
// metadata (UTF-8 bytes of every key plus every value as the calculator prints it).

const S3_METADATA_LIMIT = 2048

function calculateUTF8Bytes (str) {
  return Buffer.byteLength(typeof str === 'string' ? str : String(str), 'utf8')
}

// Kept for API compatibility: s3db.js memoises byte counts; Buffer.byteLength needs no cache.
function clearUTF8Memory () {}

function calculateAttributeNamesSize (mappedObject) {
  let total = 0
  for (const key of Object.keys(mappedObject)) total += calculateUTF8Bytes(key)
  return total
}

// The text the calculator counts for a value: '' for null/undefined, '1'/'0' for booleans,
// arrays joined with '|', objects as JSON.
function transformValue (value) {
  if (value === null || value === undefined) return ''
  if (typeof value === 'boolean') return value ? '1' : '0'
  if (typeof value === 'number' || typeof value === 'string') return String(value)
  if (Array.isArray(value)) return value.length === 0 ? '[]' : value.map((item) => String(item)).join('|')
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

function calculateAttributeSizes (mappedObject) {
  const sizes = {}
  for (const [key, value] of Object.entries(mappedObject)) sizes[key] = calculateUTF8Bytes(transformValue(value))
  return sizes
}

function calculateTotalSize (mappedObject) {
  const values = Object.values(calculateAttributeSizes(mappedObject)).reduce((a, b) => a + b, 0)
  return values + calculateAttributeNamesSize(mappedObject)
}

function getSizeBreakdown (mappedObject) {
  const valueSizes = calculateAttributeSizes(mappedObject)
  const namesSize = calculateAttributeNamesSize(mappedObject)
  const valueTotal = Object.values(valueSizes).reduce((a, b) => a + b, 0)
  const total = valueTotal + namesSize
  const breakdown = Object.entries(valueSizes)
    .sort(([, a], [, b]) => b - a)
    .map(([attribute, size]) => ({ attribute, size, percentage: ((size / total) * 100).toFixed(2) + '%' }))
  return {
    total, valueSizes, namesSize, valueTotal, breakdown,
    detailedBreakdown: { values: valueTotal, names: namesSize, total }
  }
}

// Bytes s3db.js reserves for its own fields (`_v`, timestamps, the id).
function calculateSystemOverhead ({ version = '1', timestamps = false, id = '' } = {}) {
  const fields = { _v: String(version) }
  if (timestamps) {
    fields.createdAt = '2024-01-01T00:00:00.000Z'
    fields.updatedAt = '2024-01-01T00:00:00.000Z'
  }
  if (id) fields.id = id
  return calculateTotalSize(fields)
}

function calculateEffectiveLimit ({ s3Limit = S3_METADATA_LIMIT, systemConfig = {} } = {}) {
  return s3Limit - calculateSystemOverhead(systemConfig)
}

module.exports = {
  calculateUTF8Bytes,
  clearUTF8Memory,
  calculateAttributeNamesSize,
  transformValue,
  calculateAttributeSizes,
  calculateTotalSize,
  getSizeBreakdown,
  calculateSystemOverhead,
  calculateEffectiveLimit
}
