// @ts-check
'use strict'
// The s3db.js 19.5.10 error classes: same names, constructors, defaults (statusCode, suggestion,
// description, retriable), own properties, `data` and toJSON shape, and the mapping of native and
// AWS-style errors onto them.
//
// 19.5.10's S3dbError takes code, statusCode, requestId, awsMessage and metadata from
// `details.original` only; a status code given in the details survives only in the classes that
// copy their merged details onto the instance (DatabaseError, ValidationError,
// AuthenticationError, PermissionError, EncryptionError, ResourceError, PluginError). Every
// other class without an `original` reports 500, as 19.5.10 does.

/** @typedef {{ [detail: string]: any }} Details  What an error class takes beside its message. */

const NATIVE_MARKER = 'S3DB_NATIVE_ERROR:'
// Detail keys whose values never leave an error's JSON (credentials, passphrases, secrets).
const SENSITIVE_KEY = /pass(word|phrase)?|secret|token|credential|authorization|access.?key|private.?key/i
const DOCS = 'https://github.com/forattini-dev/s3db.js/blob/main/docs'

function redact (value, depth = 0) {
  if (depth > 8 || value === null || typeof value !== 'object' || value instanceof Date) return value
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1))
  if (value instanceof Error) return value
  const out = {}
  for (const [k, v] of Object.entries(value)) out[k] = SENSITIVE_KEY.test(k) && typeof v === 'string' ? '[REDACTED]' : redact(v, depth + 1)
  return out
}

class BaseError extends Error {
  // Declared as in 19.5.10, so own properties come in the same order (name after them).
  bucket
  key
  thrownAt
  code
  statusCode
  requestId
  awsMessage
  original
  commandName
  commandInput
  metadata
  description
  suggestion
  retriable
  docs
  title
  hint
  data
  /** @param {Details} [context] */
  constructor (context = {}) {
    const {
      verbose, bucket, key, message = 'Unknown error', code, statusCode, requestId, awsMessage, original,
      commandName, commandInput, metadata, description, suggestion, retriable, docs, title, hint, ...rest
    } = context
    super(verbose ? `${message}\n\nVerbose:\n\n${JSON.stringify(rest, null, 2)}` : message)
    if (typeof Error.captureStackTrace === 'function') Error.captureStackTrace(this, this.constructor)
    this.name = this.constructor.name
    this.bucket = bucket
    this.key = key
    this.thrownAt = new Date()
    this.code = code
    this.statusCode = statusCode ?? 500
    this.requestId = requestId
    this.awsMessage = awsMessage
    this.original = original
    this.commandName = commandName
    this.commandInput = commandInput
    this.metadata = metadata
    this.description = description
    this.suggestion = suggestion
    this.retriable = retriable ?? false
    this.docs = docs
    this.title = title || this.constructor.name
    this.hint = hint
    this.data = {
      bucket, key, ...rest, verbose, message,
      suggestion: this.suggestion, retriable: this.retriable, docs: this.docs, title: this.title, hint: this.hint
    }
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
  /** @param {string} message @param {Details} [details] */
  constructor (message, details = {}) {
    const original = details.original
    /** @type {Details} */
    const aws = {}
    if (original && typeof original === 'object') {
      aws.code = original.code || original.Code || original.name
      aws.statusCode = original.statusCode || original.$metadata?.httpStatusCode
      aws.requestId = original.requestId || original.$metadata?.requestId
      aws.awsMessage = original.message
      aws.metadata = original.$metadata ? { ...original.$metadata } : undefined
    }
    const { code, statusCode, requestId, awsMessage, metadata } = aws
    super({ message, ...details, code, statusCode, requestId, awsMessage, original, metadata })
  }
}

// The defaults a class puts under its details: statusCode, retriable, suggestion and, for some,
// a description (given details win).
/**
 * A class's default statusCode and retriable, unless the details give them.
 * @param {Details} details @param {number} statusCode @param {boolean} [retriable]
 */
function statusOf (details, statusCode, retriable = false) {
  return { statusCode: details.statusCode ?? statusCode, retriable: details.retriable ?? retriable }
}

/** @param {Details} details @param {number} statusCode @param {string} [suggestion] @param {string} [description] */
function withDefaults (details, statusCode, suggestion, description) {
  /** @type {Details} */
  const defaults = statusOf(details, statusCode)
  if (suggestion !== undefined) defaults.suggestion = details.suggestion ?? suggestion
  if (description !== undefined) defaults.description = details.description || description
  return { ...defaults, ...details }
}

class DatabaseError extends S3dbError {
  /** @param {string} message @param {Details} [details] */
  constructor (message, details = {}) {
    const merged = withDefaults(details, 500, 'Check database configuration and ensure the operation parameters are valid.')
    super(message, merged)
    Object.assign(this, merged)
  }
}

class ValidationError extends S3dbError {
  field
  value
  constraint

  /** @param {string} message @param {Details} [details] */

  constructor (message, details = {}) {
    const merged = withDefaults(details, 422, 'Review validation errors and adjust the request payload before retrying.')
    super(message, merged)
    this.field = details.field
    this.value = details.value
    this.constraint = details.constraint
    Object.assign(this, merged)
  }
}

class AuthenticationError extends S3dbError {
  /** @param {string} message @param {Details} [details] */
  constructor (message, details = {}) {
    const merged = withDefaults(details, 401, 'Provide valid authentication credentials and try again.')
    super(message, merged)
    Object.assign(this, merged)
  }
}

class PermissionError extends S3dbError {
  /** @param {string} message @param {Details} [details] */
  constructor (message, details = {}) {
    const merged = withDefaults(details, 403, 'Verify IAM permissions, bucket policies, and credentials before retrying.')
    super(message, merged)
    Object.assign(this, merged)
  }
}

class EncryptionError extends S3dbError {
  /** @param {string} message @param {Details} [details] */
  constructor (message, details = {}) {
    const merged = withDefaults(details, 500, 'Check encryption keys and inputs. This error generally requires code/config changes before retrying.')
    super(message, merged)
    Object.assign(this, merged)
  }
}

class ResourceError extends S3dbError {
  /** @param {string} message @param {Details} [details] */
  constructor (message, details = {}) {
    const merged = withDefaults(details, 400, 'Review the resource configuration and request payload before retrying.', 'Resource operation failed. Check resource configuration, attributes, and operation context.')
    super(message, merged)
    Object.assign(this, merged)
  }
}

class UnknownError extends S3dbError {}

class ConnectionStringError extends S3dbError {
  /** @param {string} message @param {Details} [details] */
  constructor (message, details = {}) {
    super(message, withDefaults(details, 400, 'Fix the connection string and retry the operation.', 'Invalid connection string format. Check the connection string syntax and credentials.'))
  }
}

class CryptoError extends S3dbError {
  /** @param {string} message @param {Details} [details] */
  constructor (message, details = {}) {
    super(message, withDefaults(details, 500, 'Validate crypto inputs and environment setup before retrying.', 'Cryptography operation failed. Check if the crypto library is available and input is valid.'))
  }
}

class SchemaError extends S3dbError {
  /** @param {string} message @param {Details} [details] */
  constructor (message, details = {}) {
    super(message, withDefaults(details, 400, 'Update the schema or adjust the data to match the schema definition.', 'Schema validation failed. Check schema definition and input data format.'))
  }
}

// The identifying fields of the not-found and item classes must be strings (ValidationError).
function requireString (className, field, value, what, optional = false) {
  if (optional && value === undefined) return
  if (typeof value === 'string') return
  throw new ValidationError(`${className} requires ${field} to be a string${optional ? ' when provided' : ''}`, {
    field,
    value,
    retriable: false,
    suggestion: `Provide ${what} as a string when ${optional ? `including it in ${className}` : `constructing ${className}`}.`
  })
}

/** @param {Details} rest @param {number} statusCode @param {string} suggestion */
const located = (rest, statusCode, suggestion) =>
  ({ ...statusOf(rest, statusCode), suggestion: rest.suggestion ?? suggestion, ...rest })

class ResourceNotFound extends S3dbError {
  resourceName
  id

  /** @param {Details} details */

  constructor (details) {
    const { bucket, resourceName, id, original, ...rest } = details
    requireString('ResourceNotFound', 'id', id, 'the resource id')
    requireString('ResourceNotFound', 'bucket', bucket, 'the bucket name')
    requireString('ResourceNotFound', 'resourceName', resourceName, 'the resource name')
    super(`Resource not found: ${resourceName}/${id} [bucket:${bucket}]`, { bucket, resourceName, id, original, ...located(rest, 404, 'Confirm the resource ID and ensure it exists before retrying.') })
    this.resourceName = resourceName
    this.id = id
  }
}

class NoSuchBucket extends S3dbError {
  /** @param {Details} details */
  constructor (details) {
    const { bucket, original, ...rest } = details
    requireString('NoSuchBucket', 'bucket', bucket, 'the bucket name')
    super(`Bucket does not exists [bucket:${bucket}]`, { bucket, original, ...located(rest, 404, 'Verify the bucket name and AWS region. Create the bucket if it is missing.') })
  }
}

class NoSuchKey extends S3dbError {
  resourceName
  id

  /** @param {Details} details */

  constructor (details) {
    const { bucket, key, resourceName, id, original, ...rest } = details
    requireString('NoSuchKey', 'key', key, 'the object key')
    requireString('NoSuchKey', 'bucket', bucket, 'the bucket name')
    requireString('NoSuchKey', 'id', id, 'the resource id', true)
    super(`No such key: ${key} [bucket:${bucket}]`, { bucket, key, resourceName, id, original, ...located(rest, 404, 'Check if the object key is correct and that the object was uploaded.') })
    this.resourceName = resourceName
    this.id = id
  }
}

class NotFound extends S3dbError {
  resourceName
  id

  /** @param {Details} details */

  constructor (details) {
    const { bucket, key, resourceName, id, original, ...rest } = details
    requireString('NotFound', 'key', key, 'the object key')
    requireString('NotFound', 'bucket', bucket, 'the bucket name')
    super(`Not found: ${key} [bucket:${bucket}]`, { bucket, key, resourceName, id, original, ...located(rest, 404, 'Confirm the key and bucket. Upload the object if it is missing.') })
    this.resourceName = resourceName
    this.id = id
  }
}

class MissingMetadata extends S3dbError {
  /** @param {Details} details */
  constructor (details) {
    const { bucket, original, ...rest } = details
    requireString('MissingMetadata', 'bucket', bucket, 'the bucket name')
    super(`Missing metadata for bucket [bucket:${bucket}]`, { bucket, original, ...located(rest, 500, 'Re-upload metadata or run db.uploadMetadataFile() to regenerate it.') })
  }
}

class InvalidResourceItem extends S3dbError {
  /** @param {Details} details */
  constructor (details) {
    const { bucket, resourceName, attributes, validation, message, original, ...rest } = details
    requireString('InvalidResourceItem', 'bucket', bucket, 'the bucket name')
    requireString('InvalidResourceItem', 'resourceName', resourceName, 'the resource name')
    const text = message || `Validation error: This item is not valid. Resource=${resourceName} [bucket:${bucket}].\n${JSON.stringify(validation, null, 2)}`
    super(text, { bucket, resourceName, attributes, validation, original, ...located(rest, 422, 'Fix validation errors on the provided attributes before retrying the request.') })
    // Also own properties (19.5.10 has them under `data` only): extra fields callers may read.
    this.resourceName = resourceName
    this.attributes = attributes
    this.validation = validation
  }
}

const lines = (...parts) => parts.join('\n').trim()

class PartitionError extends S3dbError {
  /** @param {string} message @param {Details} [details] */
  constructor (message, details = {}) {
    let description = details.description
    if (!description && details.resourceName && details.partitionName && details.fieldName) {
      const { resourceName, partitionName, fieldName, availableFields = [] } = details
      description = lines(
        'Partition Field Validation Error', '',
        `Resource: ${resourceName}`, `Partition: ${partitionName}`, `Missing Field: ${fieldName}`, '',
        'Available fields in schema:', availableFields.map((f) => `  • ${f}`).join('\n') || '  (no fields defined)', '',
        'Possible causes:',
        '1. Field was removed from schema but partition still references it',
        '2. Typo in partition field name',
        "3. Nested field path is incorrect (use dot notation like 'utm.source')", '',
        'Solution:',
        details.strictValidation === false
          ? '  • Update partition definition to use existing fields'
          : '  • Add missing field to schema, OR\n  • Update partition definition to use existing fields, OR\n  • Use strictValidation: false to skip this check during testing',
        '', `Docs: ${DOCS}/README.md#partitions`)
    }
    super(message, { ...details, ...statusOf(details, 400), description })
  }
}

class PluginError extends S3dbError {
  pluginName
  operation

  /** @param {string} message @param {Details} [details] */

  constructor (message, details = {}) {
    const { pluginName = 'Unknown', operation = 'unknown', ...rest } = details
    const description = details.description || lines(
      'Plugin Error', '', `Plugin: ${pluginName}`, `Operation: ${operation}`, '',
      'Possible causes:', '1. Plugin not properly initialized', '2. Plugin configuration is invalid',
      '3. Plugin dependencies not met', '4. Plugin method called before installation', '',
      'Solution:', 'Ensure plugin is added to database and connect() is called before usage.', '',
      `Docs: ${DOCS}/plugins/README.md`)
    const merged = { ...rest, pluginName, operation, ...statusOf(rest, 500), description }
    super(message, merged)
    this.pluginName = pluginName
    this.operation = operation
    Object.assign(this, merged)
  }
}

class PluginStorageError extends S3dbError {
  /** @param {string} message @param {Details} [details] */
  constructor (message, details = {}) {
    const { pluginSlug = 'unknown', key = '', operation = 'unknown', ...rest } = details
    const description = details.description || lines(
      'Plugin Storage Error', '', `Plugin: ${pluginSlug}`, `Key: ${key}`, `Operation: ${operation}`, '',
      'Possible causes:', '1. Storage not initialized (plugin not installed)', '2. Invalid key format',
      '3. S3 operation failed', '4. Permissions issue', '',
      'Solution:', 'Ensure plugin has access to storage and key is valid.', '',
      `Docs: ${DOCS}/plugins/README.md#plugin-storage`)
    super(message, { ...rest, pluginSlug, key, operation, ...statusOf(rest, 500), description })
  }
}

class PartitionDriverError extends S3dbError {
  /** @param {string} message @param {Details} [details] */
  constructor (message, details = {}) {
    const { driver = 'unknown', operation = 'unknown', queueSize, maxQueueSize, ...rest } = details
    const measured = queueSize !== undefined && maxQueueSize !== undefined
    let description = details.description
    if (!description && measured) {
      description = lines(
        'Partition Driver Error', '', `Driver: ${driver}`, `Operation: ${operation}`, `Queue Status: ${queueSize}/${maxQueueSize}`, '',
        'Possible causes:', '1. Queue is full (backpressure)', '2. Driver not properly configured',
        '3. SQS permissions issue (if using SQS driver)', '',
        'Solution:', queueSize >= maxQueueSize ? 'Wait for queue to drain or increase maxQueueSize' : 'Check driver configuration and permissions')
    } else if (!description) {
      description = lines('Partition Driver Error', '', `Driver: ${driver}`, `Operation: ${operation}`, '', 'Check driver configuration and permissions.')
    }
    const status = statusOf(rest, 503, measured && queueSize >= maxQueueSize)
    super(message, { ...rest, driver, operation, queueSize, maxQueueSize, ...status, description })
  }
}

class BehaviorError extends S3dbError {
  /** @param {string} message @param {Details} [details] */
  constructor (message, details = {}) {
    const { behavior = 'unknown', availableBehaviors = [], ...rest } = details
    const description = details.description || lines(
      'Behavior Error', '', `Requested: ${behavior}`,
      `Available: ${availableBehaviors.join(', ') || 'body-overflow, body-only, truncate-data, enforce-limits, user-managed'}`, '',
      'Possible causes:', '1. Behavior name misspelled', '2. Custom behavior not registered', '',
      'Solution:', 'Use one of the available behaviors or register custom behavior.', '',
      `Docs: ${DOCS}/README.md#behaviors`)
    super(message, { ...rest, behavior, availableBehaviors, ...statusOf(rest, 400), description })
  }
}

class StreamError extends S3dbError {
  /** @param {string} message @param {Details} [details] */
  constructor (message, details = {}) {
    const { operation = 'unknown', resource, ...rest } = details
    const description = details.description || lines(
      'Stream Error', '', `Operation: ${operation}`, resource ? `Resource: ${resource}` : '', '',
      'Possible causes:', '1. Stream not properly initialized', '2. Resource not available', '3. Network error during streaming', '',
      'Solution:', 'Check stream configuration and resource availability.', '',
      `Docs: ${DOCS}/README.md#streaming`)
    super(message, { ...rest, operation, resource, ...statusOf(rest, 500), description })
  }
}

class MetadataLimitError extends S3dbError {
  /** @param {string} message @param {Details} [details] */
  constructor (message, details = {}) {
    const { totalSize, effectiveLimit, absoluteLimit = 2047, excess, resourceName, operation, ...rest } = details
    let description = details.description
    if (!description && totalSize && effectiveLimit) {
      description = lines(
        'S3 Metadata Size Limit Exceeded', '',
        `Current Size: ${totalSize} bytes`, `Effective Limit: ${effectiveLimit} bytes`, `Absolute Limit: ${absoluteLimit} bytes`,
        excess ? `Excess: ${excess} bytes` : '', resourceName ? `Resource: ${resourceName}` : '', operation ? `Operation: ${operation}` : '', '',
        'S3 has a hard limit of 2KB (2047 bytes) for object metadata.', '',
        'Solutions:', "1. Use 'body-overflow' behavior to store excess in body", "2. Use 'body-only' behavior to store everything in body",
        '3. Reduce number of fields', '4. Use shorter field values', '5. Enable advanced metadata encoding', '',
        'Example:', '  await db.createResource({', `    name: '${resourceName || 'myResource'}',`,
        "    behavior: 'body-overflow',  // Automatically handles overflow", '    attributes: { ... }', '  });', '',
        `Docs: ${DOCS}/README.md#metadata-size-limits`)
    }
    const sizes = { totalSize, effectiveLimit, absoluteLimit, excess }
    super(message, { ...rest, ...sizes, resourceName, operation, ...statusOf(rest, 413), description })
  }
}

class AnalyticsNotEnabledError extends S3dbError {
  /** @param {Details} [details] */
  constructor (details = {}) {
    const { pluginName = 'EventualConsistency', resourceName = 'unknown', field = 'unknown', configuredResources = [], registeredResources = [], pluginInitialized = false, ...rest } = details
    const created = configuredResources.map((r) => registeredResources.includes(r) ? `    ✓ ${r}` : `    ✗ ${r} (missing)`).join('\n')
    const description = lines(
      'Analytics Not Enabled', '', `Plugin: ${pluginName}`, `Resource: ${resourceName}`, `Field: ${field}`, '',
      'Diagnostics:', `  • Plugin initialized: ${pluginInitialized ? '✓ Yes' : '✗ No'}`,
      `  • Analytics resources created: ${registeredResources.length}/${configuredResources.length}`, created, '',
      'Possible causes:',
      '1. Resource not created yet - Analytics resources are created when db.createResource() is called',
      '2. Resource created before plugin initialization - Plugin must be initialized before resources',
      '3. Field not configured in analytics.resources config', '',
      'Correct initialization order:', '  1. Create database: const db = new Database({ ... })',
      '  2. Install plugins: await db.connect() (triggers plugin.install())',
      `  3. Create resources: await db.createResource({ name: '${resourceName}', ... })`,
      '  4. Analytics resources are auto-created by plugin', '',
      `Docs: ${DOCS}/plugins/eventual-consistency.md`)
    super(`Analytics not enabled for ${resourceName}.${field}`, { ...rest, pluginName, resourceName, field, configuredResources, registeredResources, pluginInitialized, ...statusOf(rest, 400), description })
  }
}

const ErrorMap = { NotFound, NoSuchKey, UnknownError, NoSuchBucket, MissingMetadata, InvalidResourceItem }

const AWS_DESCRIPTIONS = {
  NoSuchKey: 'The specified key does not exist in the bucket. Check if the key exists and if your credentials have permission to access it.',
  NoSuchBucket: 'The specified bucket does not exist. Check if the bucket name is correct and if your credentials have permission to access it.',
  PermissionError: 'Access denied. Check your AWS credentials, IAM permissions, and bucket policy.',
  ValidationError: 'Validation error. Check the request parameters and payload format.',
  MissingMetadata: 'Object metadata is missing or invalid. Check if the object was uploaded correctly.'
}

// 19.5.10's mapping of an AWS SDK error (or anything shaped like one) to its classes. Two
// additions (COMPATIBILITY.md): a 403 given only in `$metadata` is a PermissionError, and a 412
// is ResourceError PRECONDITION_FAILED (status 412) as in s3db.js 21.
/** @param {any} err an AWS SDK error, or one shaped like it @param {Details} [context] */
function mapAwsError (err, context = {}) {
  const code = err.code || err.Code || err.name
  const metadata = err.$metadata ? { ...err.$metadata } : undefined
  const { commandName, commandInput } = context
  const httpStatus = err.statusCode || err.$metadata?.httpStatusCode
  const common = { original: err, metadata, commandName, commandInput, retriable: false }
  if (code === 'NoSuchKey' || code === 'NotFound') {
    return new NoSuchKey({ bucket: context.bucket ?? '', key: context.key ?? '', resourceName: context.resourceName, id: context.id, ...common, description: AWS_DESCRIPTIONS.NoSuchKey })
  }
  if (code === 'NoSuchBucket') return new NoSuchBucket({ bucket: context.bucket ?? '', ...common, description: AWS_DESCRIPTIONS.NoSuchBucket })
  if (code === 'AccessDenied' || httpStatus === 403 || code === 'Forbidden') {
    return new PermissionError('Access denied', { ...context, ...common, description: AWS_DESCRIPTIONS.PermissionError })
  }
  if (code === 'PreconditionFailed' || httpStatus === 412) {
    return new ResourceError('Precondition failed', { ...context, ...common, code: 'PRECONDITION_FAILED', statusCode: 412 })
  }
  if (code === 'ValidationError' || err.statusCode === 400) {
    return new ValidationError('Validation error', { ...context, ...common, description: AWS_DESCRIPTIONS.ValidationError })
  }
  if (code === 'MissingMetadata') return new MissingMetadata({ bucket: context.bucket ?? '', ...common, description: AWS_DESCRIPTIONS.MissingMetadata })
  const text = err.message || String(err)
  const message = [
    `Unknown error: ${text}`,
    err.code && `Code: ${err.code}`,
    err.statusCode && `Status: ${err.statusCode}`,
    err.stack && `Stack: ${String(err.stack).split('\n')[0]}`
  ].filter(Boolean).join(' | ')
  return new UnknownError(message, {
    ...context,
    ...common,
    description: `Check the error details and AWS documentation. Original error: ${text}`,
    retriable: context.retriable ?? false
  })
}

/**
 * A native error carries a JSON record of the core's error; rebuild the right class from it.
 * Anything else is returned as it is.
 * @param {any} err @param {Details} [context]
 */
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

// The key as 19.5.10 reports it: relative to the client's key prefix (the core's key layout).
function relativeKey (key, resourceName) {
  if (typeof key !== 'string' || typeof resourceName !== 'string') return key
  return require('./native').keyFromResource(key, resourceName)
}

const without = (obj, keys) => Object.fromEntries(Object.entries(obj).filter(([k]) => !keys.includes(k)))

// Records of errors that S3 (or the store standing in for it) answered: built as 19.5.10's
// mapAwsError builds them from the SDK's error, here an AWS-shaped copy of the record.
const FROM_STORE = new Set(['NoSuchKey', 'NoSuchBucket', 'PermissionError', 'PreconditionFailed', 'NetworkingError', 'TimeoutError', 'SlowDown', 'ServiceUnavailable', 'UnknownError'])

// The in-memory store's not-found message (19.5.10's memory client's, which it does not wrap).
const IN_MEMORY_NOT_FOUND = /^Object not found: /

// The record kinds mapAwsError must see whatever the S3 code was.
const STORE_KINDS = { NoSuchKey: 'NoSuchKey', NoSuchBucket: 'NoSuchBucket', PreconditionFailed: 'PreconditionFailed' }

const URL_SAFE_SUGGESTION = 'IDs and partition values must be URL-friendly (no /, \\, =, or %). Use alphanumeric characters, hyphens, or underscores.'

/**
 * The class for a core error record (also carried inside batch results).
 * @param {Details} record `{ name, message, code?, statusCode?, details?, ... }` @param {Details} [context]
 */
function fromErrorRecord (record, context = {}) {
  const details = record.details || {}
  if (FROM_STORE.has(record.name) || !LIBRARY[record.name]) {
    const original = {
      name: record.code,
      code: record.code,
      message: record.message,
      $metadata: { httpStatusCode: record.statusCode ?? undefined, requestId: record.requestId ?? undefined }
    }
    const resourceName = context.resourceName ?? details.resourceName
    const ctx = {
      ...context,
      ...details,
      bucket: context.bucket ?? record.bucket ?? undefined,
      key: context.key ?? relativeKey(record.key ?? undefined, resourceName),
      commandName: context.commandName ?? record.commandName ?? undefined,
      id: typeof details.id === 'string' ? details.id : context.id
    }
    if (record.name === 'PermissionError') {
      // The S3 code of the refusal (SignatureDoesNotMatch, ...) stays the error's code.
      return new PermissionError('Access denied', { ...ctx, original, metadata: { ...original.$metadata }, description: AWS_DESCRIPTIONS.PermissionError, retriable: false })
    }
    const kind = STORE_KINDS[record.name]
    if (kind === 'NoSuchKey' && !context.commandName && ctx.resourceName !== undefined && !IN_MEMORY_NOT_FOUND.test(record.message)) {
      // A resource's read over S3: 19.5.10's client has already made the SDK error a NoSuchKey,
      // which the resource maps again, so the S3 message is that NoSuchKey's own message.
      original.message = `No such key: ${ctx.key ?? ''} [bucket:${ctx.bucket ?? ''}]`
    }
    const aws = kind ? { ...original, name: kind, code: kind } : original
    return mapAwsError(aws, { ...ctx, retriable: record.retriable === true })
  }
  return LIBRARY[record.name](record, details, context)
}

// Errors 19.5.10 raises itself (no S3 answer behind them): no `original`, so no code, awsMessage
// or metadata, and the details its raising site gives. A client-level call (one with a
// commandName) keeps where it happened.
function libraryContext (context) {
  return context.commandName ? { bucket: context.bucket, key: context.key, commandName: context.commandName } : {}
}

/** The record's status code, when it has one, to override a class's default. */
const givenStatus = (record) => record.statusCode ? { statusCode: record.statusCode } : {}

const LIBRARY = {
  InvalidResourceItem: (record, d, context) => new InvalidResourceItem({
    bucket: String(context.bucket ?? record.bucket ?? ''),
    resourceName: String(d.resourceName ?? context.resourceName ?? ''),
    attributes: d.attributes,
    // A validator issue (one with a `type`) always has `actual`; JSON drops it when undefined.
    validation: Array.isArray(d.validation) ? d.validation.map((i) => i && typeof i === 'object' && 'type' in i && !('actual' in i) ? { ...i, actual: undefined } : i) : d.validation,
    message: record.message
  }),
  ValidationError: (record, d, context) => {
    // An id check names the field, value and constraint only (19.5.10's key-segment rule).
    const details = d.field === 'id' ? without(d, ['resourceName', 'id']) : d
    const suggestion = details.constraint === 'url-safe' ? URL_SAFE_SUGGESTION : undefined
    const advice = suggestion && !details.suggestion ? { suggestion } : {}
    const statusCode = record.statusCode ?? 400
    return new ValidationError(record.message, { ...libraryContext(context), ...details, statusCode, ...advice })
  },
  ResourceError: (record, d, context) => {
    const code = record.code && record.code !== 'ResourceError' && record.code !== 'NoSuchKey' ? { code: record.code } : {}
    return new ResourceError(record.message, { ...libraryContext(context), ...d, ...code, ...givenStatus(record) })
  },
  DatabaseError: (record, d, context) =>
    new DatabaseError(record.message, { ...libraryContext(context), ...d, ...givenStatus(record) }),
  MetadataLimitError: (record, d, context) => {
    const error = new MetadataLimitError(record.message, { ...libraryContext(context), ...d })
    // The client's own refusal (19.5.10 sends such metadata): 413, as COMPATIBILITY.md says.
    if (context.commandName) error.statusCode = 413
    return error
  },
  ConnectionStringError: (record, d, context) =>
    new ConnectionStringError(record.message, { ...libraryContext(context), ...d }),
  SchemaError: (record, d, context) => {
    // An unknown type: 19.5.10 lets its validator compiler's plain Error through.
    const unknownType = /^Invalid attribute definition for '.*?': (Invalid '.*' type in validator schema\.)$/s.exec(record.message)
    if (unknownType) return new Error(unknownType[1])
    return new SchemaError(record.message, { ...libraryContext(context), ...d })
  },
  PartitionError: (record, d, context) => new PartitionError(record.message, { ...libraryContext(context), ...d }),
  BehaviorError: (record, d, context) => new BehaviorError(record.message, { ...libraryContext(context), ...d }),
  CryptoError: (record, d, context) => new CryptoError(record.message, { ...libraryContext(context), ...d })
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
