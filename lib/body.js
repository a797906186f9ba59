// @ts-check
'use strict'
// The `Body` of getObject: a Node Readable over the fetched bytes with the AWS SDK v3 helpers
// (`transformToByteArray`, `transformToString`, `transformToWebStream`) that s3db.js code uses.

const { Readable } = require('node:stream')

class ObjectBody extends Readable {
  constructor (buffer) {
    super()
    this._buffer = buffer
    this._sent = false
  }

  _read () {
    if (!this._sent) {
      this._sent = true
      if (this._buffer.length > 0) this.push(this._buffer)
    }
    this.push(null)
  }

  async transformToByteArray () {
    return new Uint8Array(this._buffer.buffer, this._buffer.byteOffset, this._buffer.length)
  }

  async transformToString (encoding = 'utf-8') {
    return this._buffer.toString(encoding === 'utf-8' ? 'utf8' : encoding)
  }

  transformToWebStream () {
    return Readable.toWeb(this)
  }
}

module.exports = { ObjectBody }
