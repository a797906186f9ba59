// @ts-check
'use strict'
// Binary content attached to a record: the object body next to the metadata-held fields.
// setContent / deleteContent rewrite the object with the metadata they read, so the write is
// conditional on that read (If-Match on its ETag): a record changed in between (an update, a
// concurrent setContent) makes the write fail with 412, and the read-modify-write starts over,
// with the same attempts and backoff as an update.

const { NoSuchKey, ResourceError } = require('./errors')
const { checkKeySegment } = require('./key-segments')

function isConflict (err) {
  return err instanceof ResourceError && err.statusCode === 412
}

/** HEAD, then PUT `body` with the metadata read, if the object still has the ETag read. */
async function rewriteBody (resource, key, put) {
  for (let attempt = 1; ; attempt++) {
    const head = await resource.client.headObject(key)
    try {
      return await resource.client.putObject({ ...put, key, metadata: head.Metadata, ifMatch: head.ETag })
    } catch (err) {
      if (!isConflict(err) || !await resource._conflictBackoff(attempt)) throw err
    }
  }
}

module.exports = {
  /** @param {{ id?: string, buffer?: any, contentType?: string }} [args] */
  async setContent ({ id, buffer, contentType = 'application/octet-stream' } = {}) {
    // s3db.js reads the record first: an id it cannot read is "not found".
    const notFound = () => new ResourceError(`Resource with id '${id}' not found`, { resourceName: this.name, id, operation: 'setContent' })
    if (typeof id !== 'string' || id.length === 0) throw notFound()
    try {
      checkKeySegment(id, 'id')
    } catch {
      throw notFound()
    }
    const body = Buffer.isBuffer(buffer) ? buffer : Buffer.from(buffer ?? '')
    try {
      await rewriteBody(this, this.getResourceKey(id), { body, contentType })
    } catch (err) {
      if (err instanceof NoSuchKey) throw notFound()
      throw err
    }
    this._emitEvent('content-set', { id, contentType, contentLength: body.length })
    return this.get(id)
  },

  async content (id) {
    checkKeySegment(id, 'id')
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
    checkKeySegment(id, 'id')
    try {
      return (await this.client.headObject(this.getResourceKey(id))).ContentLength > 0
    } catch (err) {
      if (err instanceof NoSuchKey) return false
      throw err
    }
  },

  /** Resolves to undefined, as in s3db.js 19.5.10 (not the PUT's output). */
  async deleteContent (id) {
    checkKeySegment(id, 'id')
    await rewriteBody(this, this.getResourceKey(id), { body: Buffer.alloc(0) })
    this._emitEvent('content-deleted', id)
  }
}
