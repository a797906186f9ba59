// @ts-check
'use strict'
// `ConnectionString`: the parsed form of a connection string, computed by the native core so the
// JS view and the backend can never disagree.

const native = require('./native')
const { fromNative } = require('./errors')

const S3_DEFAULT_REGION = 'us-east-1'
const S3_DEFAULT_ENDPOINT = 'https://s3.us-east-1.amazonaws.com'

class ConnectionString {
  constructor (connectionString) {
    let parsed
    try {
      parsed = native.parseConnectionString(String(connectionString))
    } catch (err) {
      throw fromNative(err)
    }
    // Every query parameter is also a flat string property, as in s3db.js.
    for (const [name, value] of parsed.params) this[name] = value
    this.bucket = parsed.bucket
    this.region = parsed.region
    this.accessKeyId = parsed.accessKeyId ?? undefined
    this.secretAccessKey = parsed.secretAccessKey ?? undefined
    this.sessionToken = parsed.sessionToken ?? undefined
    this.endpoint = parsed.endpoint
    this.forcePathStyle = parsed.forcePathStyle
    this.keyPrefix = parsed.keyPrefix
    this.clientOptions = parsed.clientOptions
    if (parsed.backend === 'memory') this.clientType = 'memory'
    if (parsed.backend === 'file') {
      this.clientType = 'filesystem'
      this.basePath = parsed.basePath
    }
    Object.defineProperty(this, 'backend', { value: parsed.backend, enumerable: false })
  }
}

require('./plugins-surface/safe-inspect').installSafeInspect(ConnectionString)

module.exports = { ConnectionString, S3_DEFAULT_REGION, S3_DEFAULT_ENDPOINT }
