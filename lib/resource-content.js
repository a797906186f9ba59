'use strict'
// Binary content attached to a record: the object body next to the metadata-held fields.

const { NoSuchKey, ResourceError } = require('./errors')

module.exports = {
  async setContent ({ id, buffer, contentType = 'application/octet-stream' } = {}) {
    const key = this.getResourceKey(id)
    let head
    try {
      head = await this.client.headObject(key)
    } catch (err) {
      if (err instanceof NoSuchKey) throw new ResourceError(`Resource with id '${id}' not found`, { resourceName: this.name, id, statusCode: 404 })
      throw err
    }
    const body = Buffer.isBuffer(buffer) ? buffer : Buffer.from(buffer ?? '')
    await this.client.putObject({ key, metadata: head.Metadata, body, contentType })
    this._emitEvent('content-set', { id, contentType, contentLength: body.length })
    return this.get(id)
  },

  async content (id) {
    try {
      const res = await this.client.getObject(this.getResourceKey(id))
      const buffer = Buffer.from(await res.Body.transformToByteArray())
      this._emitEvent('content-fetched', { id, contentType: res.ContentType, contentLength: buffer.length })
      return { buffer, contentType: res.ContentType ?? null }
    } catch (err) {
      if (err instanceof NoSuchKey) return { buffer: null, contentType: null }
      throw err
    }
  },

  async hasContent (id) {
    try {
      return (await this.client.headObject(this.getResourceKey(id))).ContentLength > 0
    } catch (err) {
      if (err instanceof NoSuchKey) return false
      throw err
    }
  },

  async deleteContent (id) {
    const key = this.getResourceKey(id)
    const head = await this.client.headObject(key)
    const out = await this.client.putObject({ key, metadata: head.Metadata, body: Buffer.alloc(0) })
    this._emitEvent('content-deleted', id)
    return out
  }
}
