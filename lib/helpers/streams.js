// @ts-check
'use strict'
// Reads a whole stream (Node readable or anything async-iterable) into UTF-8 text.

const { StreamError } = require('../errors')

async function streamToString (stream) {
  if (!stream) throw new StreamError('Stream is undefined', { operation: 'streamToString', suggestion: 'Ensure a valid stream is passed to streamToString()' })
  if (typeof stream.transformToString === 'function') return stream.transformToString()
  const chunks = []
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk))
  return Buffer.concat(chunks).toString('utf8')
}

module.exports = { streamToString }
