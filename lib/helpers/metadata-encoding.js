// @ts-check
'use strict'
// s3db.js's metadata value encoding (`u:` URL-encoded, `b:` base64, `d:` dictionary codes) as the
// codec writes it; the result object names the form the codec chose.

const binding = require('../native')

function formOf (encoded, original) {
  if (encoded === original) return 'none'
  if (encoded.startsWith('d:')) return 'dictionary'
  if (encoded.startsWith('u:')) return 'url'
  return 'base64'
}

function metadataEncode (value) {
  if (value === null) return { encoded: 'null', encoding: 'special' }
  if (value === undefined) return { encoded: 'undefined', encoding: 'special' }
  const text = String(value)
  const encoded = binding.metadataEncodeValue(text)
  const encoding = formOf(encoded, text)
  const out = { encoded, encoding }
  if (encoding === 'dictionary') {
    out.dictionaryType = encoded.startsWith('d:@') ? 'prefix' : 'exact'
    out.savings = text.length - encoded.length
    out.compressionRatio = (encoded.length / text.length).toFixed(3)
  } else if (encoding === 'base64' && /^[dub]:/.test(text)) {
    out.reason = 'force-encoded to prevent decoding ambiguity'
  }
  return out
}

function metadataDecode (value) {
  if (value === 'null') return null
  if (value === 'undefined') return undefined
  if (typeof value !== 'string') return value
  return binding.metadataDecodeValue(value) ?? value
}

// Bytes of a value before and after encoding.
function calculateEncodedSize (value) {
  const original = Buffer.byteLength(value, 'utf8')
  const { encoded, encoding } = metadataEncode(value)
  const size = Buffer.byteLength(encoded, 'utf8')
  return { original, encoded: size, overhead: size - original, ratio: size / original, encoding: encoding === 'none' ? 'ascii' : encoding }
}

module.exports = { metadataEncode, metadataDecode, calculateEncodedSize }
