'use strict'
// The s3db.js error classes (same names, fields and toJSON shape), plus the mapping of native
// and AWS-style errors onto them. Unlike s3db.js, every class carries its intended statusCode
// and keeps its details both as own properties and under `data`.

const NATIVE_MARKER = 'S3DB_NATIVE_ERROR:'
const RESERVED = new Set(['message', 'name', 'stack', 'data'])
// Detail keys whose values never leave an error's JSON (credentials, passphrases, secrets).
const SENSITIVE_KEY = /pass(word|phrase)?|secret|token|credential|authorization|access.?key|private.?key/i

function redact (value, depth = 0) {
  if (depth > 8 || value === null || typeof value !== 'object' || value instanceof Date) return value
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1))
  if (value instanceof Error) return value
  const out = {}
  for (const [k, v] of Object.entries(value)) out[k] = SENSITIVE_KEY.test(k) && typeof v === 'string' ? '[REDACTED]' : redact(v, depth + 1)
  return out
}

class BaseError extends Error {
  constructor ({ message, bucket, key, code, statusCode = 500, requestId, awsMessage, original, commandName, commandInput, metadata, description, suggestion, retriable = false, docs, title, hint, verbose, ...rest } = {}) {
    super(message)
    this.name = new.target.name
    this.bucket = bucket
    this.key = key
    this.thrownAt = new Date()
    this.code = code
    this.statusCode = statusCode
    this.requestId = requestId
    this.awsMessage = awsMessage
    this.original = original
    this.commandName = commandName
    this.commandInput = commandInput
    this.metadata = metadata
    this.description = description
    this.suggestion = suggestion
    this.retriable = retriable
    this.docs = docs
    this.title = title || new.target.name
    this.hint = hint
    this.data = { bucket, key, ...rest, verbose, message, suggestion, retriable, docs, title: this.title, hint }
  }

  // Detail keys that hold credentials or secrets are redacted.
  toJSON () {
    return {
      name: this.name,
      message: this.message,
      code: this.code,
      statusCode: this.statusCode,
      requestId: this.requestId,
      awsMessage: this.awsMessage,
      bucket: this.bucket,
      key: this.key,
      thrownAt: this.thrownAt,
      retriable: this.retriable,
      suggestion: this.suggestion,
      docs: this.docs,
      title: this.title,
      hint: this.hint,
      commandName: this.commandName,
      commandInput: redact(this.commandInput),
      metadata: this.metadata,
      description: this.description,
      data: redact(this.data),
      original: this.original,
      stack: this.stack
    }
  }

  // The name of s3db.js 16.x.
  toJson () {
    return this.toJSON()
  }

  toString () {
    return `${this.name} | ${this.message}`
  }
}

class S3dbError extends BaseError {
  constructor (message, details = {}) {
    const original = details.original
    const fromAws = original
      ? {
          code: original.code || original.Code || original.name,
          statusCode: original.statusCode || original.$metadata?.httpStatusCode,
          requestId: original.requestId || original.$metadata?.requestId,
          awsMessage: original.message,
          metadata: original.$metadata
        }
      : {}
    const merged = { ...details }
    for (const [k, v] of Object.entries(fromAws)) if (merged[k] === undefined && v !== undefined) merged[k] = v
    super({ ...merged, message })
  }
}

// Classes that keep their details as own properties too, with a default status code.
function detailedClass (name, defaultStatus) {
  const cls = class extends S3dbError {
    constructor (message, details = {}) {
      super(message, { statusCode: defaultStatus, ...details })
      for (const [k, v] of Object.entries(details)) if (!RESERVED.has(k) && v !== undefined) this[k] = v
    }
  }
  Object.defineProperty(cls, 'name', { value: name })
  return cls
}

const DatabaseError = detailedClass('DatabaseError', 500)
const ValidationError = detailedClass('ValidationError', 422)
const AuthenticationError = detailedClass('AuthenticationError', 401)
const PermissionError = detailedClass('PermissionError', 403)
const EncryptionError = detailedClass('EncryptionError', 500)
const ResourceError = detailedClass('ResourceError', 400)
const PluginError = detailedClass('PluginError', 500)
const UnknownError = detailedClass('UnknownError', 500)
const ConnectionStringError = detailedClass('ConnectionStringError', 400)
const CryptoError = detailedClass('CryptoError', 500)
const SchemaError = detailedClass('SchemaError', 400)
const PluginStorageError = detailedClass('PluginStorageError', 500)
const BehaviorError = detailedClass('BehaviorError', 400)
const StreamError = detailedClass('StreamError', 500)

class PartitionError extends detailedClass('PartitionError', 400) {
  constructor (message, details = {}) {
    const { resourceName, partitionName, fieldName } = details
    const description = details.description || (resourceName || partitionName || fieldName
      ? `Partition problem${resourceName ? ` in resource '${resourceName}'` : ''}${partitionName ? `, partition '${partitionName}'` : ''}${fieldName ? `, field '${fieldName}'` : ''}. Partition fields must exist in the resource attributes.`
      : undefined)
    super(message, { ...details, description })
  }
}

class PartitionDriverError extends detailedClass('PartitionDriverError', 503) {
  constructor (message, details = {}) {
    super(message, { ...details, retriable: details.queueSize !== undefined && details.queueSize >= details.maxQueueSize })
  }
}

class AnalyticsNotEnabledError extends detailedClass('AnalyticsNotEnabledError', 400) {
  constructor (details = {}) {
    super(details.message || 'Analytics are not enabled for this resource', details)
  }
}

class MetadataLimitError extends detailedClass('MetadataLimitError', 413) {
  constructor (message, { absoluteLimit = 2047, ...details } = {}) {
    super(message, { absoluteLimit, ...details })
  }
}

// s3db.js checks the identifying fields of its not-found classes and throws ValidationError.
function requireStrings (className, fields, optional = []) {
  for (const [k, v] of Object.entries(fields)) {
    if (optional.includes(k) && v === undefined) continue
    if (typeof v !== 'string') {
      throw new ValidationError(`${className} requires ${k} to be a string${optional.includes(k) ? ' when provided' : ''}`, {
        field: k,
        value: v,
        retriable: false,
        suggestion: `Provide ${k} as a string when constructing ${className}.`
      })
    }
  }
}

class ResourceNotFound extends S3dbError {
  constructor ({ bucket, resourceName, id, original, ...rest } = {}) {
    requireStrings('ResourceNotFound', { id, bucket, resourceName })
    super(`Resource not found: ${resourceName}/${id} [bucket:${bucket}]`, { statusCode: 404, ...rest, bucket, resourceName, id, original })
    this.resourceName = resourceName
    this.id = id
  }
}

class NoSuchKey extends S3dbError {
  constructor ({ bucket, key, resourceName, id, original, ...rest } = {}) {
    requireStrings('NoSuchKey', { key, bucket, id }, ['id'])
    super(`No such key: ${key} [bucket:${bucket}]`, { statusCode: 404, ...rest, bucket, key, resourceName, id, original })
    this.resourceName = resourceName
    this.id = id
  }
}

class NotFound extends S3dbError {
  constructor ({ bucket, key, original, ...rest } = {}) {
    requireStrings('NotFound', { key, bucket })
    super(`Not found: ${key} [bucket:${bucket}]`, { statusCode: 404, ...rest, bucket, key, original })
  }
}

class NoSuchBucket extends S3dbError {
  constructor ({ bucket, original, ...rest } = {}) {
    requireStrings('NoSuchBucket', { bucket })
    super(`Bucket does not exists [bucket:${bucket}]`, { statusCode: 404, ...rest, bucket, original })
  }
}

class MissingMetadata extends S3dbError {
  constructor ({ bucket, original, ...rest } = {}) {
    requireStrings('MissingMetadata', { bucket })
    super(`Missing metadata for bucket [bucket:${bucket}]`, { statusCode: 500, ...rest, bucket, original })
  }
}

class InvalidResourceItem extends S3dbError {
  constructor ({ bucket, resourceName, attributes, validation, message, original, ...rest } = {}) {
    requireStrings('InvalidResourceItem', { bucket, resourceName })
    const text = message || `Validation error: This item is not valid. Resource=${resourceName} [bucket:${bucket}].\n${JSON.stringify(validation, null, 2)}`
    super(text, { statusCode: 422, ...rest, bucket, resourceName, attributes, validation, original })
    this.resourceName = resourceName
    this.attributes = attributes
    this.validation = validation
  }
}

const ErrorMap = { NotFound, NoSuchKey, UnknownError, NoSuchBucket, MissingMetadata, InvalidResourceItem }

function statusOf (err) {
  return err.statusCode || err.$metadata?.httpStatusCode || err.$response?.statusCode
}

// s3db.js's mapping of an AWS SDK error (or anything shaped like one) to its classes.
function mapAwsError (err, context = {}) {
  const code = err.code || err.Code || err.name
  const status = statusOf(err)
  const details = { ...context, original: err, metadata: err.$metadata, retriable: false }
  if (code === 'NoSuchKey' || code === 'NotFound') return new NoSuchKey({ ...details, bucket: context.bucket ?? '', key: context.key ?? '' })
  if (code === 'NoSuchBucket') return new NoSuchBucket({ ...details, bucket: context.bucket ?? '' })
  if (code === 'AccessDenied' || code === 'Forbidden' || status === 403) return new PermissionError('Access denied', details)
  if (code === 'PreconditionFailed' || status === 412) return new ResourceError('Precondition failed', { ...details, code: 'PRECONDITION_FAILED', statusCode: 412 })
  if (code === 'ValidationError' || status === 400) return new ValidationError('Validation error', details)
  if (code === 'MissingMetadata') return new MissingMetadata({ ...details, bucket: context.bucket ?? '' })
  const firstStackLine = (err.stack || '').split('\n')[1]?.trim() || ''
  return new UnknownError(`Unknown error: ${err.message} | Code: ${code} | Status: ${status} | Stack: ${firstStackLine}`, details)
}

// A native error carries a JSON record of the core's error; rebuild the right class from it.
function fromNative (err, context = {}) {
  if (!(err instanceof Error) || typeof err.message !== 'string' || !err.message.startsWith(NATIVE_MARKER)) return err
  let record
  try {
    record = JSON.parse(err.message.slice(NATIVE_MARKER.length))
  } catch {
    return new UnknownError(err.message, { ...context })
  }
  return fromErrorRecord(record, context)
}

// The class for a core error record (also carried inside batch results).
function fromErrorRecord (record, context = {}) {
  const original = {
    name: record.code,
    code: record.code,
    message: record.message,
    $metadata: { httpStatusCode: record.statusCode ?? undefined, requestId: record.requestId ?? undefined }
  }
  const details = record.details || {}
  const base = {
    ...context,
    ...details,
    bucket: record.bucket ?? context.bucket,
    key: context.key ?? record.key ?? undefined,
    commandName: context.commandName ?? record.commandName ?? undefined,
    code: record.code,
    statusCode: record.statusCode ?? undefined,
    requestId: record.requestId ?? undefined,
    original,
    metadata: original.$metadata,
    retriable: record.retriable === true
  }
  // The not-found classes require string locations; a record may lack them.
  const located = { ...base, bucket: base.bucket ?? '', key: base.key ?? '', id: typeof base.id === 'string' ? base.id : undefined }
  switch (record.name) {
    case 'NoSuchKey': return new NoSuchKey(located)
    case 'NoSuchBucket': return new NoSuchBucket(located)
    case 'PermissionError': return new PermissionError(`Access denied: ${record.message}`, base)
    case 'PreconditionFailed': return new ResourceError('Precondition failed', { ...base, code: 'PRECONDITION_FAILED', statusCode: 412 })
    case 'ValidationError': return new ValidationError(record.message, { ...base, statusCode: base.statusCode ?? 400 })
    case 'MetadataLimitError': return new MetadataLimitError(record.message, { absoluteLimit: 2048, ...base, statusCode: 413 })
    case 'ConnectionStringError': return new ConnectionStringError(record.message, { ...base, statusCode: 400 })
    case 'InvalidResourceItem': return new InvalidResourceItem({ ...located, resourceName: String(base.resourceName ?? ''), message: record.message, statusCode: base.statusCode ?? 422 })
    case 'ResourceError': return new ResourceError(record.message, base)
    case 'SchemaError': return new SchemaError(record.message, base)
    case 'PartitionError': return new PartitionError(record.message, base)
    case 'BehaviorError': return new BehaviorError(record.message, base)
    case 'CryptoError': return new CryptoError(record.message, base)
    case 'DatabaseError': return new DatabaseError(record.message, base)
    default: return new UnknownError(`Unknown error: ${record.message} | Code: ${record.code} | Status: ${record.statusCode}`, base)
  }
}

module.exports = {
  BaseError,
  S3dbError,
  DatabaseError,
  ValidationError,
  AuthenticationError,
  PermissionError,
  EncryptionError,
  ResourceError,
  PluginError,
  ResourceNotFound,
  NoSuchKey,
  NotFound,
  NoSuchBucket,
  MissingMetadata,
  InvalidResourceItem,
  UnknownError,
  ConnectionStringError,
  CryptoError,
  SchemaError,
  PartitionError,
  AnalyticsNotEnabledError,
  PluginStorageError,
  PartitionDriverError,
  BehaviorError,
  StreamError,
  MetadataLimitError,
  ErrorMap,
  mapAwsError,
  fromNative,
  fromErrorRecord
}
