// The s3db.js error classes: every class and mapAwsError build, field for field, what s3db.js
// 19.5.10 builds from the same arguments (statusCode, code, suggestion, description, own
// properties, data, toJSON), plus toJson and the documented differences.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import s3db from '../index.js'
import { loadReference } from './helpers/reference.mjs'

const E = s3db
const R = await loadReference()

// What an app can see of an error, without the fields that differ on every construction.
function seen (err) {
  const plain = (v) => v === undefined ? '<undefined>' : JSON.parse(JSON.stringify(v, (k, x) => x === undefined ? '<undefined>' : x))
  const own = {}
  for (const k of Object.keys(err).sort()) if (k !== 'thrownAt' && k !== 'stack') own[k] = plain(err[k])
  const json = err.toJSON()
  return {
    class: err.constructor.name,
    proto: Object.getPrototypeOf(Object.getPrototypeOf(err)).constructor.name,
    name: err.name,
    message: err.message,
    own,
    order: Object.keys(err),
    toJSON: Object.keys(json),
    toString: err.toString()
  }
}

// InvalidResourceItem also keeps resourceName/attributes/validation as own properties.
const EXTRA_OWN = { InvalidResourceItem: ['resourceName', 'attributes', 'validation'] }

function same (native, reference, label) {
  const a = seen(native)
  const b = seen(reference)
  for (const k of EXTRA_OWN[a.class] ?? []) {
    if (!(k in b.own)) delete a.own[k]
    if (!b.order.includes(k)) a.order = a.order.filter((x) => x !== k)
  }
  assert.deepEqual(a, b, label)
}

const awsLike = (name, extra = {}) => Object.assign(new Error(`${name} happened`), { name, $metadata: { httpStatusCode: 503, requestId: 'req-9' }, ...extra })

const DETAILS = [
  {},
  { bucket: 'b', key: 'k', field: 'f', value: 3, constraint: 'c' },
  { statusCode: 418, retriable: true, suggestion: 'do this', description: 'it broke', code: 'MINE', docs: 'd', title: 'T', hint: 'h' },
  { statusCode: undefined, suggestion: undefined },
  { original: awsLike('SlowDown', { code: 'SlowDown', statusCode: 503 }), resourceName: 'users', id: 'u1' },
  { verbose: true, operation: 'insert', extra: { nested: [1, 2] } },
  { message: 'overridden by details' },
  { resourceName: 'users', partitionName: 'byX', fieldName: 'x', availableFields: ['a', 'b'], strictValidation: false },
  { resourceName: 'users', partitionName: 'byX', fieldName: 'x' },
  { pluginName: 'Audit', operation: 'install', pluginSlug: 'audit', key: 'plugin=audit/k' },
  { driver: 'sqs', queueSize: 10, maxQueueSize: 10 },
  { driver: 'sqs', queueSize: 1, maxQueueSize: 10 },
  { behavior: 'nope', availableBehaviors: ['body-only'] },
  { resource: 'users' },
  { totalSize: 3000, effectiveLimit: 2000, excess: 1000, resourceName: 'docs', operation: 'update' },
  { totalSize: 3000, effectiveLimit: 2000, absoluteLimit: 2048 }
]

const MESSAGE_CLASSES = ['S3dbError', 'DatabaseError', 'ValidationError', 'AuthenticationError', 'PermissionError', 'EncryptionError', 'ResourceError', 'PluginError', 'UnknownError', 'ConnectionStringError', 'CryptoError', 'SchemaError', 'PartitionError', 'PluginStorageError', 'PartitionDriverError', 'BehaviorError', 'StreamError', 'MetadataLimitError']

describe('error classes as in s3db.js 19.5.10', () => {
  it('every (message, details) class builds the same error from the same details', () => {
    for (const name of MESSAGE_CLASSES) {
      for (const details of DETAILS) {
        const n = new E[name]('boom', { ...details })
        const r = new R[name]('boom', { ...details })
        assert.ok(n instanceof E[name] && n instanceof E.S3dbError && n instanceof E.BaseError && n instanceof Error, name)
        same(n, r, `${name} ${JSON.stringify(details)}`)
      }
    }
  })

  it('BaseError and the located classes build the same errors, and refuse non-string locations the same way', () => {
    const cases = [
      ['BaseError', { message: 'base', bucket: 'b', statusCode: 404, extra: 1 }],
      ['BaseError', {}],
      ['ResourceNotFound', { bucket: 'b', resourceName: 'users', id: 'x' }],
      ['ResourceNotFound', { bucket: 'b', resourceName: 'users', id: 'x', statusCode: 404, suggestion: 's' }],
      ['NoSuchKey', { bucket: 'b', key: 'k' }],
      ['NoSuchKey', { bucket: 'b', key: 'k', id: '1', resourceName: 'users', original: awsLike('NoSuchKey', { $metadata: { httpStatusCode: 404 } }) }],
      ['NotFound', { bucket: 'b', key: 'k', description: 'gone' }],
      ['NoSuchBucket', { bucket: 'b', retriable: true }],
      ['MissingMetadata', { bucket: 'b' }],
      ['InvalidResourceItem', { bucket: 'b', resourceName: 'users', attributes: { a: 1 }, validation: [{ type: 'required', field: 'name', message: "The 'name' field is required." }] }],
      ['InvalidResourceItem', { bucket: 'b', resourceName: 'users', attributes: {}, validation: [], message: 'Resource with id \'a\' already exists', statusCode: 409 }],
      ['AnalyticsNotEnabledError', {}],
      ['AnalyticsNotEnabledError', { resourceName: 'wallets', field: 'balance', configuredResources: ['wallets', 'users'], registeredResources: ['wallets'], pluginInitialized: true }]
    ]
    for (const [name, details] of cases) same(new E[name]({ ...details }), new R[name]({ ...details }), `${name} ${JSON.stringify(details)}`)
    const bad = [
      ['ResourceNotFound', { bucket: 'b', resourceName: 1, id: 'x' }],
      ['ResourceNotFound', { bucket: 2, resourceName: 'u', id: 'x' }],
      ['ResourceNotFound', { bucket: 'b', resourceName: 'u' }],
      ['NoSuchKey', { bucket: 'b' }],
      ['NoSuchKey', { bucket: 'b', key: 'k', id: 5 }],
      ['NotFound', { key: 'k' }],
      ['NoSuchBucket', {}],
      ['MissingMetadata', {}],
      ['InvalidResourceItem', { bucket: 'b' }]
    ]
    for (const [name, details] of bad) {
      let n, r
      try { new E[name](details) } catch (err) { n = err }
      try { new R[name](details) } catch (err) { r = err }
      assert.ok(n instanceof E.ValidationError && r instanceof R.ValidationError, name)
      same(n, r, `${name} refusing ${JSON.stringify(details)}`)
    }
  })

  it('mapAwsError maps as 19.5.10 does', () => {
    const ctx = { bucket: 'b', key: 'k', resourceName: 'users', id: 'u1', operation: 'get', commandName: 'GetObjectCommand', commandInput: { Key: 'k' } }
    const errors = [
      awsLike('NoSuchKey'),
      awsLike('NotFound'),
      awsLike('NoSuchBucket'),
      awsLike('AccessDenied'),
      awsLike('Whatever', { statusCode: 403 }),
      awsLike('ValidationError'),
      awsLike('InvalidArgument', { statusCode: 400 }),
      awsLike('MissingMetadata'),
      awsLike('InternalError', { code: 'InternalError', statusCode: 500 }),
      awsLike('SlowDown'),
      { message: 'plain object', name: 'Odd' }
    ]
    for (const err of errors) {
      for (const context of [ctx, {}, { retriable: true }]) same(E.mapAwsError(err, context), R.mapAwsError(err, context), `${err.name} ${JSON.stringify(context)}`)
    }
    assert.deepEqual(Object.keys(E.ErrorMap).sort(), Object.keys(R.ErrorMap).sort())
  })

  it('serialises with toJSON and toJson', () => {
    const json = new E.ValidationError('bad', { bucket: 'b' }).toJson()
    assert.deepEqual(Object.keys(json), Object.keys(new R.ValidationError('bad', { bucket: 'b' }).toJSON()))
    assert.equal(json.statusCode, 422)
    assert.equal(json.suggestion, 'Review validation errors and adjust the request payload before retrying.')
  })

  // COMPATIBILITY.md "Errors": credentials never leave an error's JSON.
  it('redacts credential-named details in toJSON', () => {
    const err = new E.CryptoError('Key derivation failed', { passphrase: 'hunter2', commandInput: { secretAccessKey: 'S' } })
    const json = err.toJSON()
    assert.equal(json.data.passphrase, '[REDACTED]')
    assert.equal(json.commandInput.secretAccessKey, '[REDACTED]')
    assert.equal(err.data.passphrase, 'hunter2')
  })

  // COMPATIBILITY.md "Client": two mappings 19.5.10 lacks.
  it('maps a 403 given only in $metadata to PermissionError and a 412 to ResourceError PRECONDITION_FAILED', () => {
    const refused = E.mapAwsError(Object.assign(new Error('sig'), { name: 'SignatureDoesNotMatch', $metadata: { httpStatusCode: 403 } }), { bucket: 'b' })
    assert.ok(refused instanceof E.PermissionError)
    assert.equal(refused.code, 'SignatureDoesNotMatch')
    assert.equal(refused.statusCode, 403)
    assert.ok(R.mapAwsError(Object.assign(new Error('sig'), { name: 'SignatureDoesNotMatch', $metadata: { httpStatusCode: 403 } }), { bucket: 'b' }) instanceof R.UnknownError)
    const pre = E.mapAwsError(Object.assign(new Error('pre'), { name: 'PreconditionFailed', $metadata: { httpStatusCode: 412 } }), { bucket: 'b' })
    assert.ok(pre instanceof E.ResourceError)
    assert.equal(pre.code, 'PRECONDITION_FAILED')
    assert.equal(pre.statusCode, 412)
  })
})

// Bad resource definitions: the two places where s3db-native does not copy 19.5.10.
describe('createResource refusals', () => {
  const open = async (lib) => {
    const db = new lib.Database({ connectionString: `memory://defs-${Math.random().toString(36).slice(2)}/app`, logLevel: 'silent' })
    await db.connect()
    return db
  }

  // COMPATIBILITY.md "Validation" 22.
  it('the enum: shorthand works (19.5.10 throws a TypeError)', async () => {
    const ref = await open(R)
    await assert.rejects(ref.createResource({ name: 'en', attributes: { kind: 'string|enum:a,b' } }), TypeError)
    const db = await open(E)
    const res = await db.createResource({ name: 'en', attributes: { kind: 'string|enum:a,b' } })
    assert.equal((await res.insert({ id: 'x', kind: 'b' })).kind, 'b')
    await assert.rejects(res.insert({ id: 'y', kind: 'c' }), E.InvalidResourceItem)
    await db.disconnect()
  })

  // COMPATIBILITY.md "Database and Resource": unknown behavior.
  it('an unknown behavior fails at createResource (19.5.10: at the first write)', async () => {
    const ref = await open(R)
    const refRes = await ref.createResource({ name: 'bb', behavior: 'nope', attributes: { a: 'string' } })
    await assert.rejects(refRes.insert({ a: 'x' }), (err) => err instanceof R.BehaviorError && err.message === 'Unknown behavior: nope')
    const db = await open(E)
    await assert.rejects(db.createResource({ name: 'bb', behavior: 'nope', attributes: { a: 'string' } }), (err) => err instanceof E.BehaviorError && err.message === 'Unknown behavior: nope')
    assert.deepEqual(Object.keys(db.resources), [])
    await db.disconnect()
  })

  it('an unknown attribute type is the plain Error of 19.5.10, with its message', async () => {
    const attempt = async (lib) => {
      const db = await open(lib)
      try {
        await db.createResource({ name: 'ut', attributes: { a: 'frobnicate' } })
      } catch (err) {
        return { class: err.constructor.name, name: err.name, message: err.message }
      }
      return 'created'
    }
    assert.deepEqual(await attempt(E), await attempt(R))
  })
})
