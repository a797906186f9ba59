// @ts-check
'use strict'
// Random ids as s3db.js makes them: 22 characters of the URL-safe alphabet for record ids, 16 of
// an alphabet without look-alike characters for passwords. Rejection-free masking over a pool
// of random bytes, so every character is equally likely.

const { randomFillSync } = require('node:crypto')

const URL_ALPHABET = 'useandom-26T198340PX75pxJACKVERYMINDBUSHWOLF_GQZbfghjklqvwyzrict'
const PASSWORD_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789'
const POOL_MULTIPLIER = 128

let pool
let poolOffset = 0

function randomBytes (n) {
  if (!pool || pool.length < n) {
    pool = Buffer.allocUnsafe(n * POOL_MULTIPLIER)
    randomFillSync(pool)
    poolOffset = 0
  } else if (poolOffset + n > pool.length) {
    randomFillSync(pool)
    poolOffset = 0
  }
  poolOffset += n
  return pool.subarray(poolOffset - n, poolOffset)
}

// A generator of `size` characters from `alphabet` (bytes outside the mask's range are skipped).
function createCustomGenerator (alphabet, size = 21) {
  if (typeof alphabet !== 'string' || alphabet.length === 0 || alphabet.length > 256) throw new TypeError('alphabet must be a string of 1 to 256 characters')
  const mask = (2 << (31 - Math.clz32((alphabet.length - 1) | 1))) - 1
  const step = Math.ceil((1.6 * mask * size) / alphabet.length)
  return (length = size) => {
    if (!length) return ''
    let id = ''
    for (;;) {
      const bytes = randomBytes(step)
      for (let i = step; i--;) {
        id += alphabet[bytes[i] & mask] || ''
        if (id.length >= length) return id
      }
    }
  }
}

const idGeneratorImpl = createCustomGenerator(URL_ALPHABET, 22)
const passwordGeneratorImpl = createCustomGenerator(PASSWORD_ALPHABET, 16)

const idGenerator = (size) => idGeneratorImpl(size)
const passwordGenerator = (size) => passwordGeneratorImpl(size)
const getUrlAlphabet = () => URL_ALPHABET

module.exports = { idGenerator, passwordGenerator, getUrlAlphabet, createCustomGenerator }
