// The helpers s3db.js 19.5.10 exports from its root, checked against fixed vectors and against
// the reference package (values made by one are read by the other).
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { Readable } from 'node:stream'
import * as api from '../index.mjs'
import cjs from '../index.js'
import { loadReference } from './helpers/reference.mjs'

// Made by s3db.js 19.5.10's encrypt('sk_live_ünïcode 🔑', 'fixture-pass').
const REFERENCE_CIPHERTEXT = 'raM4Gf0oQSKfGH07iFmF2sUBeu8tHPA9EiuE2n3DTgqfT5mat7hKpcFFS3QbIq7dXbaAPscAldF0xyTXYxZ85Xxf'

describe('root exports', () => {
  it('exports every helper from both entries', () => {
    const names = ['Schema', 'Validator', 'idGenerator', 'passwordGenerator', 'getUrlAlphabet', 'createCustomGenerator', 'encrypt', 'decrypt', 'sha256', 'md5', 'metadataEncode', 'metadataDecode', 'calculateEncodedSize', 'calculateUTF8Bytes', 'clearUTF8Memory', 'calculateAttributeNamesSize', 'transformValue', 'calculateAttributeSizes', 'calculateTotalSize', 'getSizeBreakdown', 'calculateSystemOverhead', 'calculateEffectiveLimit', 'tryFn', 'tryFnSync', 'streamToString']
    for (const name of names) {
      assert.equal(typeof api[name], 'function', name)
      assert.equal(cjs[name], api[name], name)
    }
  })
})

describe('encrypt / decrypt', () => {
  it('decrypts what s3db.js encrypted', async () => {
    assert.equal(await api.decrypt(REFERENCE_CIPHERTEXT, 'fixture-pass'), 'sk_live_ünïcode 🔑')
  })

  it('interchanges with the reference both ways', async () => {
    const ref = await loadReference()
    const ours = await api.encrypt('token-123 ✓', 'p@ss')
    assert.equal(await ref.decrypt(ours, 'p@ss'), 'token-123 ✓')
    assert.equal(await api.decrypt(await ref.encrypt('x'.repeat(300), 'p@ss'), 'p@ss'), 'x'.repeat(300))
    assert.notEqual(await api.encrypt('same', 'p'), await api.encrypt('same', 'p'))
  })

  it('rejects a wrong passphrase or garbage with CryptoError, never showing the passphrase', async () => {
    for (const input of [REFERENCE_CIPHERTEXT, 'not base64!', 'AAAA']) {
      const err = await api.decrypt(input, 'wrong-passphrase').then(() => null, (e) => e)
      assert.ok(err instanceof api.CryptoError, input)
      assert.doesNotMatch(JSON.stringify(err.toJSON()) + err.message, /wrong-passphrase/)
    }
  })
})

describe('hashes and ids', () => {
  it('sha256 is hex and md5 is base64, as in s3db.js', async () => {
    assert.equal(await api.sha256('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
    assert.equal(await api.md5('abc'), 'kAFQmDzST7DWlj99KOF/cg==')
  })

  it('ids and passwords have s3db.js lengths and alphabets', () => {
    const ids = new Set(Array.from({ length: 2000 }, () => api.idGenerator()))
    assert.equal(ids.size, 2000)
    for (const id of ids) assert.match(id, /^[A-Za-z0-9_-]{22}$/)
    assert.equal(api.idGenerator(8).length, 8)
    assert.match(api.passwordGenerator(), /^[ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789]{16}$/)
    assert.equal(api.getUrlAlphabet().length, 64)
    assert.match(api.createCustomGenerator('ab', 10)(), /^[ab]{10}$/)
    assert.equal(api.createCustomGenerator('ab', 10)(3).length, 3)
  })
})

describe('metadata encoding and sizes', () => {
  const samples = ['São Paulo', 'active', 'https://www.example.com/x', '日本語テキスト', 'u:abc', null, undefined, 'plain', 'failed', '']

  it('encodes metadata values as the reference does', async () => {
    const ref = await loadReference()
    for (const v of samples) {
      const ours = api.metadataEncode(v)
      const theirs = ref.metadataEncode(v)
      assert.equal(ours.encoded, theirs.encoded, String(v))
      assert.equal(ours.encoding, theirs.encoding === 'none' && theirs.encoded !== String(v) ? 'dictionary' : theirs.encoding, String(v))
      assert.deepEqual(api.metadataDecode(ours.encoded), v === undefined ? undefined : v, String(v))
    }
    assert.equal(api.metadataEncode('https://www.example.com/x').savings, 8)
  })

  it('sizes records as the reference does', async () => {
    const ref = await loadReference()
    const obj = { a: 'é', b: true, c: null, d: [1, 2], e: { x: 1 }, f: 12, g: '🔑' }
    assert.equal(api.calculateTotalSize(obj), ref.calculateTotalSize(obj))
    assert.deepEqual(api.calculateAttributeSizes(obj), ref.calculateAttributeSizes(obj))
    assert.deepEqual(api.getSizeBreakdown(obj), ref.getSizeBreakdown(obj))
    assert.equal(api.calculateEffectiveLimit({ systemConfig: { timestamps: true, id: 'abc' } }), 1974)
    assert.equal(api.calculateUTF8Bytes('a😀é'), ref.calculateUTF8Bytes('a😀é'))
  })
})

describe('tryFn, tryFnSync, streamToString', () => {
  it('returns [ok, err, data] tuples', async () => {
    assert.deepEqual(api.tryFnSync(() => 1), [true, null, 1])
    const [ok, err] = api.tryFnSync(() => { throw new Error('x') })
    assert.equal(ok, false)
    assert.equal(err.message, 'x')
    assert.deepEqual(await api.tryFn(async () => 2), [true, null, 2])
    assert.deepEqual(await api.tryFn(Promise.resolve(3)), [true, null, 3])
    const [ok2, err2] = await api.tryFn(Promise.reject(new Error('r')))
    assert.equal(ok2, false)
    assert.equal(err2.message, 'r')
    assert.deepEqual(api.tryFn(5), [true, null, 5])
    assert.equal(api.tryFn(null)[0], false)
    assert.equal((await api.tryFn(() => Promise.reject('s')))[1].message, 's')
  })

  it('reads streams into text', async () => {
    assert.equal(await api.streamToString(Readable.from([Buffer.from('ab'), 'cé'])), 'abcé')
    await assert.rejects(api.streamToString(undefined), api.StreamError)
  })
})

describe('error classes', () => {
  it('toJSON and toString as s3db.js', () => {
    const err = new api.S3dbError('msg', { bucket: 'b', key: 'k' })
    const json = err.toJSON()
    assert.equal(json.name, 'S3dbError')
    assert.equal(json.bucket, 'b')
    assert.deepEqual(err.toJson(), { ...json, thrownAt: json.thrownAt })
    assert.equal(err.toString(), 'S3dbError | msg')
    assert.equal(JSON.parse(JSON.stringify(err)).message, 'msg')
  })

  it('requires string locations like 19.5.10', () => {
    assert.throws(() => new api.NoSuchBucket({}), api.ValidationError)
    assert.throws(() => new api.NoSuchKey({ bucket: 'b' }), (e) => e instanceof api.ValidationError && e.field === 'key')
    assert.throws(() => new api.NoSuchKey({ bucket: 'b', key: 'k', id: 1 }), /id to be a string when provided/)
    assert.throws(() => new api.NotFound({ key: 'k' }), api.ValidationError)
    assert.throws(() => new api.MissingMetadata({ bucket: 1 }), api.ValidationError)
    assert.throws(() => new api.InvalidResourceItem({ bucket: 'b' }), (e) => e.field === 'resourceName')
    assert.equal(new api.MissingMetadata({ bucket: 'b' }).statusCode, 500)
    assert.equal(new api.NoSuchKey({ bucket: 'b', key: 'k' }).statusCode, 500) // 19.5.10: 404 only from an S3 error
    assert.equal(new api.NoSuchKey({ bucket: 'b', key: 'k', original: { $metadata: { httpStatusCode: 404 } } }).statusCode, 404)
    assert.ok(api.mapAwsError({ name: 'NoSuchKey' }) instanceof api.NoSuchKey)
  })

  it('keeps credentials out of error JSON', () => {
    const err = new api.CryptoError('failed', { passphrase: 'hunter2', commandInput: { secretAccessKey: 'AKIAXXX', Key: 'k' } })
    const text = JSON.stringify(err.toJSON())
    assert.doesNotMatch(text, /hunter2|AKIAXXX/)
    assert.match(text, /"Key":"k"/)
  })
})

describe('behaviors', () => {
  const resource = (events) => ({ name: 'docs', version: '1', config: { timestamps: false }, schema: { map: { text: '0' }, pluginMap: {} }, emit: (e, p) => events.push([e, p]) })
  const small = { _v: '1', 0: 'short' }
  const big = { _v: '1', 0: 'x'.repeat(2500) }

  it('exports the five behaviors, getBehavior and the default', () => {
    assert.deepEqual(api.AVAILABLE_BEHAVIORS, ['user-managed', 'enforce-limits', 'truncate-data', 'body-overflow', 'body-only'])
    assert.equal(api.DEFAULT_BEHAVIOR, 'user-managed')
    assert.equal(api.getBehavior('body-only'), api.behaviors['body-only'])
    assert.throws(() => api.getBehavior('nope'), (e) => e instanceof api.BehaviorError && e.data.availableBehaviors.length === 5)
  })

  it('places inserts as the reference does', async () => {
    const ref = await loadReference()
    for (const name of ['user-managed', 'enforce-limits', 'body-overflow', 'body-only']) {
      for (const mappedData of [small, big]) {
        const ours = []
        const theirs = []
        const a = await api.behaviors[name].handleInsert({ resource: resource(ours), data: { id: 'a1' }, mappedData }).catch((e) => e)
        const b = await ref.behaviors[name].handleInsert({ resource: resource(theirs), data: { id: 'a1' }, mappedData }).catch((e) => e)
        if (b instanceof Error) {
          assert.ok(a instanceof api.MetadataLimitError, name)
          assert.equal(a.data.totalSize, b.data.totalSize)
          assert.equal(a.message, b.message)
          continue
        }
        assert.deepEqual(a.mappedData, b.mappedData, name)
        assert.deepEqual(a.body === '' ? '' : JSON.parse(a.body), b.body === '' ? '' : JSON.parse(b.body), name)
        assert.deepEqual(ours.map(([e, p]) => [e, p.totalSize, p.excess]), theirs.map(([e, p]) => [e, p.totalSize, p.excess]), name)
      }
    }
  })

  it('reads a body under the metadata', async () => {
    const out = await api.behaviors['body-overflow'].handleGet({ metadata: { _v: '1', 0: 'm' }, body: '{"0":"b","1":"only"}' })
    assert.deepEqual(out.metadata, { 0: 'm', 1: 'only', _v: '1' })
  })
})

describe('base62 helpers', () => {
  it('give the texts of the reference', async () => {
    const ref = await loadReference()
    const numbers = [0, 1, 61, 62, -1.5, 3.14159, 1e21, 2 ** 53 + 2, 0.5, -0.25, 1e-7, NaN, Infinity, 123456.789]
    for (const n of numbers) {
      for (const name of ['encode', 'encodeDecimal', 'encodeKey']) assert.equal(api[name](n), ref[name](n), `${name}(${n})`)
      for (const p of [2, 6]) assert.equal(api.encodeFixedPoint(n, p), ref.encodeFixedPoint(n, p), `encodeFixedPoint(${n}, ${p})`)
    }
    for (const s of ['0', 'z', 'Z', '-10', '1.5', '', 'a.b', '!', '^1K', '^-w', '^', '10']) {
      for (const name of ['decode', 'decodeDecimal', 'decodeKey']) assert.deepEqual(api[name](s), ref[name](s), `${name}(${s})`)
      assert.deepEqual(api.decodeFixedPoint(s, 2), ref.decodeFixedPoint(s, 2), `decodeFixedPoint(${s})`)
    }
    assert.equal(api.encode('7'), 'undefined')
    assert.ok(Number.isNaN(api.decode(7)))
  })
})
