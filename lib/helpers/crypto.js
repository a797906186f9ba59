// @ts-check
'use strict'
// s3db.js's crypto helpers. `encrypt`/`decrypt` are the codec's secret encoding (AES-256-GCM,
// PBKDF2-SHA256 with 100,000 rounds, base64 of salt|iv|ciphertext), run off the JS thread, so
// values interchange with s3db.js both ways. Errors never carry the passphrase.

const { createHash } = require('node:crypto')
const binding = require('../native')
const { CryptoError, fromNative } = require('../errors')

async function encrypt (content, passphrase) {
  if (typeof passphrase !== 'string') throw new CryptoError('Encryption failed', { description: 'passphrase must be a string' })
  try {
    return await binding.secretEncrypt(String(content), passphrase)
  } catch (err) {
    throw new CryptoError('Encryption failed', { original: fromNative(err) })
  }
}

async function decrypt (encryptedBase64, passphrase) {
  if (typeof passphrase !== 'string') throw new CryptoError('Decryption failed', { description: 'passphrase must be a string' })
  try {
    return await binding.secretDecrypt(String(encryptedBase64), passphrase)
  } catch (err) {
    throw new CryptoError('Decryption failed', { original: fromNative(err), encryptedBase64 })
  }
}

// Hex SHA-256 of the UTF-8 text.
async function sha256 (message) {
  return createHash('sha256').update(String(message), 'utf8').digest('hex')
}

// Base64 MD5 (the Content-MD5 form).
async function md5 (data) {
  try {
    return createHash('md5').update(data).digest('base64')
  } catch (err) {
    throw new CryptoError('MD5 hashing failed', { original: err })
  }
}

module.exports = { encrypt, decrypt, sha256, md5 }
