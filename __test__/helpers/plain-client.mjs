// A client object written the way s3db.js apps and tests write their own: a Map of objects
// behind the s3db.js client API (putObject with conditions, getObject, headObject, exists,
// deleteObject, listObjects), with AWS-SDK-shaped answers and errors. Nothing of s3db-native.
import { EventEmitter } from 'node:events'
import { createHash } from 'node:crypto'
import { Readable } from 'node:stream'

function awsError (name, status) {
  const error = new Error(name)
  error.name = name
  error.$metadata = { httpStatusCode: status }
  return error
}

export class PlainClient extends EventEmitter {
  /** `bodyStyle`: how getObject hands out bodies: 'bytes' (transformToByteArray), 'string' (transformToString) or 'stream' (a Readable). */
  constructor ({ bucket = 'plain', keyPrefix = '', bodyStyle = 'bytes' } = {}) {
    super()
    this.bucket = bucket
    this.keyPrefix = keyPrefix
    this.bodyStyle = bodyStyle
    this.objects = new Map()
    this.calls = []
    this.failures = new Map()
    this.config = { bucket, keyPrefix, region: 'us-east-1', endpoint: 'plain://local' }
  }

  /** Makes every call on `key` throw `error`. */
  fail (key, error) { this.failures.set(key, error) }

  _track (method, key) {
    this.calls.push(`${method} ${key}`)
    if (this.failures.has(key)) throw this.failures.get(key)
  }

  _body (buffer) {
    if (this.bodyStyle === 'stream') return Readable.from([buffer])
    if (this.bodyStyle === 'string') return { transformToString: async () => buffer.toString('utf8') }
    return { transformToByteArray: async () => new Uint8Array(buffer) }
  }

  async putObject ({ key, metadata = {}, contentType, body, contentEncoding, ifMatch, ifNoneMatch }) {
    this._track('putObject', key)
    const current = this.objects.get(key)
    if ((ifNoneMatch === '*' && current) || (ifMatch && (!current || current.ETag !== ifMatch))) throw awsError('PreconditionFailed', 412)
    const buffer = body == null ? Buffer.alloc(0) : Buffer.from(body)
    const ETag = `"${createHash('md5').update(buffer).digest('hex')}"`
    this.objects.set(key, { buffer, Metadata: { ...metadata }, ContentType: contentType, ContentEncoding: contentEncoding, ETag, LastModified: new Date() })
    return { ETag }
  }

  async getObject (key) {
    this._track('getObject', key)
    const o = this.objects.get(key)
    if (!o) throw awsError('NoSuchKey', 404)
    const { buffer, ...head } = o
    return { ...head, ContentLength: buffer.length, Body: this._body(buffer) }
  }

  async headObject (key) {
    this._track('headObject', key)
    const o = this.objects.get(key)
    if (!o) throw awsError('NotFound', 404)
    const { buffer, ...head } = o
    return { ...head, ContentLength: buffer.length }
  }

  async exists (key) {
    this._track('exists', key)
    return this.objects.has(key)
  }

  async deleteObject (key) {
    this._track('deleteObject', key)
    this.objects.delete(key)
    return {}
  }

  async listObjects ({ prefix = '', maxKeys = 1000, continuationToken } = {}) {
    this._track('listObjects', prefix)
    const after = continuationToken ? Buffer.from(continuationToken, 'base64').toString() : ''
    const keys = [...this.objects.keys()].filter((k) => k.startsWith(prefix) && k > after).sort()
    const page = keys.slice(0, maxKeys)
    const truncated = keys.length > maxKeys
    return {
      Contents: page.map((Key) => ({ Key, Size: this.objects.get(Key).buffer.length, ETag: this.objects.get(Key).ETag, LastModified: this.objects.get(Key).LastModified })),
      IsTruncated: truncated,
      NextContinuationToken: truncated ? Buffer.from(page[page.length - 1]).toString('base64') : undefined
    }
  }
}
