// An s3db.js 19.5.10 app's use of Schema, Validator and the root helpers; it must type-check
// unchanged against s3db-native.
import {
  Schema, Validator, idGenerator, passwordGenerator, createCustomGenerator, getUrlAlphabet,
  encrypt, decrypt, sha256, md5, metadataEncode, metadataDecode, calculateEncodedSize,
  calculateTotalSize, calculateAttributeSizes, calculateUTF8Bytes, calculateAttributeNamesSize,
  getSizeBreakdown, calculateEffectiveLimit, calculateSystemOverhead, transformValue, clearUTF8Memory,
  tryFn, tryFnSync, streamToString, NoSuchKey, BaseError, behaviors, getBehavior, AVAILABLE_BEHAVIORS,
  DEFAULT_BEHAVIOR, encode, decode, encodeKey, decodeKey, encodeDecimal, decodeDecimal, encodeFixedPoint,
  decodeFixedPoint
} from '../../index.js'
import type { SchemaRegistry, PluginSchemaRegistry } from '../../index.js'
import { Readable } from 'node:stream'

async function main (): Promise<void> {
  const registry: SchemaRegistry = { nextIndex: 1, mapping: { name: 0 }, burned: [] }
  const plugins: Record<string, PluginSchemaRegistry> = { audit: { mapping: {}, burned: [] } }
  const schema = new Schema({ name: 'users', attributes: { name: 'string', age: 'number' }, schemaRegistry: registry, pluginSchemaRegistry: plugins })
  const mapped = await schema.mapper({ name: 'a', age: 1 })
  const back: Record<string, unknown> = await schema.unmapper(mapped)
  const key: string | undefined = schema.map['name']
  const changed: boolean = schema.needsRegistryPersistence()
  const reg: SchemaRegistry | undefined = schema.getSchemaRegistry()
  const exported = schema.export()
  const again: Schema = Schema.import(exported)
  const valid = await schema.validator({ name: 'x' })
  const hooks = schema.options.hooks?.beforeMap['age']

  const validator = new Validator({ passphrase: 'p', bcryptRounds: 10 })
  const check = validator.compile({ $$async: true, name: 'string' })
  const result = await check({ name: 'n' })

  const id: string = idGenerator()
  const pw: string = passwordGenerator(12)
  const gen: (size?: number) => string = createCustomGenerator('abc', 8)
  const alphabet: string = getUrlAlphabet()
  const cipher: string = await encrypt('secret', 'pass')
  const plain: string = await decrypt(cipher, 'pass')
  const digest: string = await sha256('x')
  const sum: string = await md5(Buffer.from('x'))
  const enc = metadataEncode('São Paulo')
  const encoded: string = enc.encoded
  const dec: unknown = metadataDecode(encoded)
  const size: number = calculateTotalSize(mapped) + calculateUTF8Bytes('é') + calculateAttributeNamesSize(mapped)
  const sizes: Record<string, number> = calculateAttributeSizes(mapped)
  const breakdown = getSizeBreakdown(mapped).breakdown[0]?.percentage
  const limit: number = calculateEffectiveLimit({ s3Limit: 2048, systemConfig: { timestamps: true } }) + calculateSystemOverhead()
  const text: string = transformValue([1, 2]) + calculateEncodedSize('x').encoding
  clearUTF8Memory()
  const [ok, err, data] = await tryFn(async () => 42)
  const [okSync] = tryFnSync(() => 'x')
  const body: string = await streamToString(Readable.from(['a']))
  const json = new NoSuchKey({ bucket: 'b', key: 'k' }).toJSON()
  const str: string = new BaseError({ message: 'm' }).toString()
  const resource = { name: 'r', version: '1', config: { timestamps: true }, emit: (_e: string, _p: unknown) => {} }
  const placed = await behaviors['body-overflow'].handleInsert({ resource, data: { id: 'x' }, mappedData: { _v: '1' } })
  const got = await getBehavior(DEFAULT_BEHAVIOR).handleGet({ resource, metadata: placed.mappedData, body: placed.body })
  const names: string[] = AVAILABLE_BEHAVIORS
  void [got.metadata, names]
  const b62: number = decode(encode(42)) + decodeKey(encodeKey(7)) + decodeDecimal(encodeDecimal(1.5)) + decodeFixedPoint(encodeFixedPoint(0.25, 4), 4)
  void b62
  void [back, key, changed, reg, again, valid, hooks, result, id, pw, gen, alphabet, plain, digest, sum, dec, size, sizes, breakdown, limit, text, ok, err, data, okSync, body, json.name, str]
}
void main
