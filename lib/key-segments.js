// @ts-check
'use strict'
// Values that become part of an S3 key (ids, resource and partition names, partition values)
// must not hold `/ \ = %`: they would change the key's structure. The characters are the
// core's (crates/codec/src/keys/id.rs); the errors are s3db.js's.

const { ValidationError } = require('./errors')
const native = require('./native')

/** `\u{..}`: each character as itself inside a character class, whichever it is. */
const escaped = (c) => `\\u{${Number(c.codePointAt(0)).toString(16)}}`
const UNSAFE_KEY_CHARS = new RegExp(`[${[...native.unsafeKeyChars()].map(escaped).join('')}]`, 'u')

function isSafeKeySegment (value) {
  return !UNSAFE_KEY_CHARS.test(String(value))
}

/** The ValidationError s3db.js throws for an unsafe segment, or null when it is safe. */
function unsafeSegmentError (value, context) {
  const text = String(value)
  const found = text.match(UNSAFE_KEY_CHARS)
  if (!found) return null
  return new ValidationError(`Invalid ${context}: contains unsafe character '${found[0]}'`, {
    field: context,
    value: text,
    constraint: 'url-safe',
    statusCode: 400,
    retriable: false,
    suggestion: 'IDs and partition values must be URL-friendly (no /, \\, =, or %). Use alphanumeric characters, hyphens, or underscores.'
  })
}

function checkKeySegment (value, context) {
  const error = unsafeSegmentError(value, context)
  if (error) throw error
}

module.exports = { isSafeKeySegment, unsafeSegmentError, checkKeySegment }
