// @ts-check
'use strict'
// s3db.js's base62 helpers (`encode`, `decode`, `encodeDecimal`, `encodeFixedPoint`, ... and the
// base36 attribute keys), computed by the codec that writes these texts.

const binding = require('../native')

const isNumber = (n) => typeof n === 'number' && Number.isFinite(n)
const orUndefined = (text) => text ?? 'undefined'
const orNaN = (n) => n ?? NaN

const encode = (n) => (isNumber(n) ? orUndefined(binding.numberEncode('base62', n)) : 'undefined')
const decode = (s) => (typeof s === 'string' ? orNaN(binding.numberDecode('base62', s)) : NaN)
const encodeDecimal = (n) => (isNumber(n) ? orUndefined(binding.numberEncode('decimal', n)) : 'undefined')
const decodeDecimal = (s) => (typeof s === 'string' ? orNaN(binding.numberDecode('decimal', s)) : NaN)
const encodeFixedPoint = (n, precision = 6) => (isNumber(n) ? orUndefined(binding.numberEncode('fixed', n, precision)) : 'undefined')
const decodeFixedPoint = (s, precision = 6) => (typeof s === 'string' && s.startsWith('^') ? orNaN(binding.numberDecode('fixed', s, precision)) : NaN)

const KEY_ALPHABET = /^[0-9a-z]*$/

// Attribute keys: base36 of the registry index (`0`-`9`, `a`-`z`).
function encodeKey (n) {
  if (!isNumber(n)) return 'undefined'
  if (n === 0) return '0'
  if (n < 0) return '-' + encodeKey(-Math.floor(n))
  // Digit by digit in double arithmetic, as s3db.js does (toString(36) differs above 2^53).
  let rest = Math.floor(n)
  let text = ''
  while (rest) {
    text = (rest % 36).toString(36) + text
    rest = Math.floor(rest / 36)
  }
  return text
}

function decodeKey (s) {
  if (typeof s !== 'string') return NaN
  const negative = s.startsWith('-')
  const digits = negative ? s.slice(1) : s
  if (!KEY_ALPHABET.test(digits)) return NaN
  let n = 0
  for (const c of digits) n = n * 36 + parseInt(c, 36)
  return negative ? -n : n
}

module.exports = {
  encode, decode, encodeDecimal, decodeDecimal, encodeFixedPoint, decodeFixedPoint, encodeKey, decodeKey
}
