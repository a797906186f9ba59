// The s3db.js error classes: hierarchy, fields, toJson, and the mapping of AWS-style errors.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import s3db from '../index.js'

const E = s3db

describe('error classes', () => {
  const classes = ['DatabaseError', 'ValidationError', 'AuthenticationError', 'PermissionError', 'EncryptionError', 'ResourceError', 'PluginError', 'UnknownError', 'ConnectionStringError', 'CryptoError', 'SchemaError', 'PartitionError', 'PluginStorageError', 'PartitionDriverError', 'BehaviorError', 'StreamError', 'MetadataLimitError']
  const expectedStatus = { DatabaseError: 500, ValidationError: 422, AuthenticationError: 401, PermissionError: 403, ResourceError: 400, ConnectionStringError: 400, SchemaError: 400, PartitionError: 400, PartitionDriverError: 503, MetadataLimitError: 413 }

  it('has the whole class set, all S3dbError subclasses with name, statusCode, data', () => {
    for (const name of classes) {
      const err = new E[name]('boom', { bucket: 'b', key: 'k', field: 'f' })
      assert.ok(err instanceof E[name], name)
      assert.ok(err instanceof E.S3dbError && err instanceof E.BaseError && err instanceof Error, name)
      assert.equal(err.name, name)
      assert.equal(err.message, 'boom')
      if (expectedStatus[name]) assert.equal(err.statusCode, expectedStatus[name], name)
      assert.equal(err.data.bucket, 'b')
      assert.equal(err.data.field, 'f')
      assert.equal(err.field, 'f')
      assert.ok(err.thrownAt instanceof Date)
      assert.equal(err.toString(), `${name} | boom`)
    }
  })

  it('builds the messages of the special constructors', () => {
    assert.equal(new E.NoSuchKey({ bucket: 'b', key: 'k', id: '1', resourceName: 'users' }).message, 'No such key: k [bucket:b]')
    assert.equal(new E.NoSuchKey({ bucket: 'b', key: 'k' }).statusCode, 404)
    assert.equal(new E.NotFound({ bucket: 'b', key: 'k' }).message, 'Not found: k [bucket:b]')
    assert.equal(new E.NoSuchBucket({ bucket: 'b' }).message, 'Bucket does not exists [bucket:b]')
    assert.equal(new E.MissingMetadata({ bucket: 'b' }).message, 'Missing metadata for bucket [bucket:b]')
    const rnf = new E.ResourceNotFound({ bucket: 'b', resourceName: 'users', id: 'x' })
    assert.equal(rnf.message, 'Resource not found: users/x [bucket:b]')
    assert.throws(() => new E.ResourceNotFound({ bucket: 'b', resourceName: 1, id: 'x' }), E.ValidationError)
    const validation = [{ type: 'required', field: 'name', message: "The 'name' field is required." }]
    const invalid = new E.InvalidResourceItem({ bucket: 'b', resourceName: 'users', attributes: {}, validation })
    assert.match(invalid.message, /^Validation error: This item is not valid\. Resource=users \[bucket:b\]\.\n/)
    assert.deepEqual(invalid.data.validation, validation)
    assert.equal(invalid.statusCode, 422)
    const limit = new E.MetadataLimitError('too big', { totalSize: 3000, effectiveLimit: 2000 })
    assert.equal(limit.absoluteLimit, 2047)
    assert.equal(limit.data.totalSize, 3000)
    assert.equal(new E.PartitionDriverError('q', { queueSize: 10, maxQueueSize: 10 }).retriable, true)
  })

  it('serialises with toJson()', () => {
    const json = new E.ValidationError('bad', { bucket: 'b' }).toJson()
    assert.equal(Object.keys(json).length, 21)
    for (const key of ['name', 'message', 'code', 'statusCode', 'requestId', 'awsMessage', 'bucket', 'key', 'thrownAt', 'retriable', 'suggestion', 'docs', 'title', 'hint', 'commandName', 'commandInput', 'metadata', 'description', 'data', 'original', 'stack']) assert.ok(key in json, key)
  })

  it('copies AWS fields from details.original', () => {
    const original = Object.assign(new Error('nope'), { name: 'AccessDenied', $metadata: { httpStatusCode: 403, requestId: 'req-1' } })
    const err = new E.S3dbError('wrapped', { original })
    assert.equal(err.code, 'AccessDenied')
    assert.equal(err.statusCode, 403)
    assert.equal(err.requestId, 'req-1')
    assert.equal(err.awsMessage, 'nope')
  })

  it('maps AWS errors like mapAwsError', () => {
    const aws = (name, status) => Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status } })
    const ctx = { bucket: 'b', key: 'k', commandName: 'GetObjectCommand' }
    assert.ok(E.mapAwsError(aws('NoSuchKey', 404), ctx) instanceof E.NoSuchKey)
    assert.ok(E.mapAwsError(aws('NotFound', 404), ctx) instanceof E.NoSuchKey)
    assert.ok(E.mapAwsError(aws('NoSuchBucket', 404), ctx) instanceof E.NoSuchBucket)
    assert.ok(E.mapAwsError(aws('AccessDenied', 403), ctx) instanceof E.PermissionError)
    assert.ok(E.mapAwsError(aws('Whatever', 403), ctx) instanceof E.PermissionError)
    const pre = E.mapAwsError(aws('PreconditionFailed', 412), ctx)
    assert.ok(pre instanceof E.ResourceError)
    assert.equal(pre.code, 'PRECONDITION_FAILED')
    assert.ok(E.mapAwsError(aws('InvalidArgument', 400), ctx) instanceof E.ValidationError)
    const unknown = E.mapAwsError(aws('InternalError', 500), ctx)
    assert.ok(unknown instanceof E.UnknownError)
    assert.match(unknown.message, /^Unknown error: InternalError \| Code: InternalError \| Status: 500/)
    assert.equal(unknown.commandName, 'GetObjectCommand')
    assert.deepEqual(Object.keys(E.ErrorMap).sort(), ['InvalidResourceItem', 'MissingMetadata', 'NoSuchBucket', 'NoSuchKey', 'NotFound', 'UnknownError'])
  })
})
