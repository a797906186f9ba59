// @ts-check
'use strict'
// Task ids as apps see them: strings, unique across pools and processes (s3db.js 19.5.10 gives
// each task a random 22-character id). The scheduler counts tasks with small integers; the
// string is that number after a random 12-character prefix per pool, built only when shown.

const { randomBytes } = require('node:crypto')

const ALPHABET = 'useandom-26T198340PX75pxJACKVERYMINDBUSHWOLF_GQZbfghjklqvwyzrict'
const PREFIX_LENGTH = 12

function newPrefix () {
  const bytes = randomBytes(PREFIX_LENGTH)
  let out = ''
  for (let i = 0; i < PREFIX_LENGTH; i++) out += ALPHABET[bytes[i] & 63]
  return out
}

class TaskIds {
  constructor () {
    this.prefix = newPrefix()
  }

  /** The string id of scheduler id `n`. */
  format (n) {
    return this.prefix + n.toString(36)
  }

  /** The scheduler id of a string id of this pool (numbers pass through), else -1. */
  parse (id) {
    if (typeof id === 'number') return Number.isInteger(id) && id > 0 ? id : -1
    if (typeof id !== 'string' || id.length <= PREFIX_LENGTH || !id.startsWith(this.prefix)) return -1
    const n = parseInt(id.slice(PREFIX_LENGTH), 36)
    return Number.isSafeInteger(n) && n > 0 ? n : -1
  }
}

module.exports = { TaskIds }
