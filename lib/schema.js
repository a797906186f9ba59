// @ts-check
'use strict'
// s3db.js's `Schema`: attribute -> short-key maps (with the 19.x registries), mapper/unmapper
// and the validator. The storage rules (keys, encodings, validation) run in the native codec;
// this class keeps s3db.js's shape around it.

const { NativeSchema } = require('./native')
const { buffersAt } = require('./records')
const { SchemaError, fromNative } = require('./errors')
const { generateAutoHooks, addHook, hookEntry } = require('./helpers/schema-hooks')

const BASE36_KEY = /^[0-9a-z]+$/
const BYTE_TYPES = new Set(['buffer', 'bits'])

function isPlainObject (v) {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !Buffer.isBuffer(v) && !(v instanceof Uint8Array)
}

function fromPairs (pairs) {
  const out = {}
  for (const [k, v] of pairs) out[k] = v
  return out
}

function invert (map) {
  const out = {}
  for (const [k, v] of Object.entries(map || {})) out[v] = k
  return out
}

function deepMerge (target, source) {
  for (const [k, v] of Object.entries(source || {})) {
    if (isPlainObject(v) && isPlainObject(target[k])) deepMerge(target[k], v)
    else if (isPlainObject(v)) target[k] = deepMerge({}, v)
    else if (v !== undefined) target[k] = v
  }
  return target
}

function clone (v) {
  return v === undefined ? v : JSON.parse(JSON.stringify(v))
}

// Buffers and typed arrays cross to the codec as base64 text (JSON would spell out every byte).
function toNativeJson (value) {
  return JSON.stringify(value, function (key, v) {
    const raw = this[key]
    if (Buffer.isBuffer(raw) || raw instanceof Uint8Array) return Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('base64')
    return v
  })
}

function native (fn) {
  try {
    return fn()
  } catch (err) {
    throw fromNative(err)
  }
}

function getPath (obj, path) {
  let cur = obj
  for (const part of path.split('.')) {
    if (!isPlainObject(cur)) return undefined
    cur = cur[part]
  }
  return cur
}

function setPath (obj, path, value) {
  const parts = path.split('.')
  let cur = obj
  for (const part of parts.slice(0, -1)) {
    if (!isPlainObject(cur[part])) return
    cur = cur[part]
  }
  cur[parts[parts.length - 1]] = value
}

// Plugin attributes: object definitions carrying `__plugin__`, or string definitions named in
// `_pluginAttributeMetadata` (how `addPluginAttribute` records them).
function pluginAttributesOf (attributes, metadata) {
  const found = []
  for (const [name, def] of Object.entries(attributes)) {
    if (isPlainObject(def) && typeof def.__plugin__ === 'string') found.push([name, def.__plugin__])
    else if (typeof def === 'string' && metadata[name] && typeof metadata[name].__plugin__ === 'string') found.push([name, metadata[name].__plugin__])
  }
  return found
}

function validateMapEncoding (map) {
  const invalid = []
  const seen = new Set()
  for (const [attr, key] of Object.entries(map)) {
    const text = String(key)
    if (!BASE36_KEY.test(text)) {
      invalid.push(`${attr}:${text}`)
      continue
    }
    if (seen.has(text)) throw new SchemaError(`Duplicate schema map key detected: ${text}`, { suggestion: 'Recreate the resource with a clean base36 mapping.' })
    seen.add(text)
  }
  if (invalid.length > 0) {
    throw new SchemaError('Schema map contains non-base36 keys.', {
      description: `Invalid map entries: ${invalid.slice(0, 5).join(', ')}${invalid.length > 5 ? '...' : ''}`,
      suggestion: 'Recreate the resource with base36 mapping; legacy maps are not supported.'
    })
  }
}

// A registry seeded from a stored map, so that its keys stay and new paths take fresh indices.
function registryFromMap (map, registry) {
  const out = {
    nextIndex: registry?.nextIndex ?? 0,
    mapping: { ...(registry?.mapping || {}) },
    burned: registry?.burned ? [...registry.burned] : []
  }
  let max = out.nextIndex - 1
  for (const [attr, key] of Object.entries(map)) {
    const index = parseInt(key, 36)
    if (!(attr in out.mapping)) out.mapping[attr] = index
    if (Number.isFinite(index)) max = Math.max(max, index)
  }
  for (const b of out.burned) if (Number.isFinite(b.index)) max = Math.max(max, b.index)
  out.nextIndex = Math.max(out.nextIndex, max + 1)
  return out
}

function registryChanged (before, after) {
  if (!before) return false
  if (before.nextIndex !== after.nextIndex) return true
  if ((before.burned || []).length !== after.burned.length) return true
  const a = Object.entries(before.mapping || {})
  const b = Object.entries(after.mapping)
  return a.length !== b.length || a.some(([k, v]) => after.mapping[k] !== v)
}

class Schema {
  constructor (args = {}) {
    const {
      map, pluginMap, name, attributes, passphrase, bcryptRounds, version = 1, options = {},
      _pluginAttributeMetadata, _pluginAttributes, schemaRegistry, pluginSchemaRegistry
    } = args
    this.name = name
    this.version = version
    this.attributes = attributes || {}
    this.passphrase = passphrase ?? 'secret'
    this.bcryptRounds = bcryptRounds ?? 10
    this.options = deepMerge(this.defaultOptions(), options)
    this.allNestedObjectsOptional = this.options.allNestedObjectsOptional ?? false
    this._pluginAttributeMetadata = _pluginAttributeMetadata || {}
    this._pluginAttributes = _pluginAttributes || {}
    this._registryChanged = false

    const givenMap = map && Object.keys(map).length > 0 ? map : null
    if (givenMap) validateMapEncoding(givenMap)
    const registryIn = givenMap ? registryFromMap(givenMap, schemaRegistry) : schemaRegistry
    const plugins = pluginAttributesOf(this.attributes, this._pluginAttributeMetadata)
    const givenPluginMap = pluginMap && Object.keys(pluginMap).length > 0 ? pluginMap : undefined

    // s3db.js accepts a schema without attributes (everything is undeclared); the codec needs
    // one entry, and a `$$` option is not an attribute.
    const definition = Object.keys(this.attributes).length > 0 ? this.attributes : { $$strict: false }
    this._native = native(() => new NativeSchema(toNativeJson(definition), JSON.stringify({
      passphrase: this.passphrase,
      bcryptRounds: this.bcryptRounds,
      version: String(version),
      allNestedObjectsOptional: this.allNestedObjectsOptional,
      autoDecrypt: this.options.autoDecrypt !== false,
      schemaRegistry: registryIn,
      pluginSchemaRegistry,
      pluginAttributes: plugins,
      pluginMap: givenPluginMap,
      now: new Date().toISOString()
    })))

    this.map = fromPairs(JSON.parse(this._native.mapJson()))
    this.reversedMap = invert(this.map)
    this.pluginMap = fromPairs(JSON.parse(this._native.pluginMapJson()))
    this.reversedPluginMap = invert(this.pluginMap)
    if (registryIn) {
      this._schemaRegistry = JSON.parse(this._native.registryJson())
      if (schemaRegistry && registryChanged(registryIn, this._schemaRegistry)) this._registryChanged = true
      if (!schemaRegistry) this._schemaRegistry = undefined
    }
    if (pluginSchemaRegistry) {
      const { registries, changed } = JSON.parse(this._native.pluginRegistryJson())
      this._pluginSchemaRegistry = registries
      if (changed) this._registryChanged = true
    }
    this._pluginAttributes = {}
    for (const [attr, plugin] of plugins) (this._pluginAttributes[plugin] ||= []).push(attr)

    this._encodings = JSON.parse(this._native.fieldTypesJson())
    // Where unmapper turns the core's byte arrays into Buffers (lib/records.js).
    this._bytePaths = Object.entries(this._encodings).filter(([, e]) => BYTE_TYPES.has(e.type)).map(([path]) => path.split('.'))
    if (this.options.generateAutoHooks) this.generateAutoHooks()
    // fastest-validator's compiled check: resolves true or the list of errors, fixing `data` in place.
    this.validator = async (data) => this._validate(data)
  }

  defaultOptions () {
    return {
      autoEncrypt: true,
      autoDecrypt: true,
      arraySeparator: '|',
      generateAutoHooks: true,
      hooks: { beforeMap: {}, afterMap: {}, beforeUnmap: {}, afterUnmap: {} }
    }
  }

  generateAutoHooks () {
    generateAutoHooks(this.options, this._encodings)
  }

  addHook (hook, attribute, action, params = {}) {
    addHook(this.options.hooks, hook, attribute, hookEntry([action, params]))
  }

  needsRegistryPersistence () {
    return this._registryChanged
  }

  getSchemaRegistry () {
    return this._schemaRegistry
  }

  getPluginSchemaRegistry () {
    return this._pluginSchemaRegistry
  }

  // Freezes the current maps as registries (databases written before registries existed).
  generateInitialRegistry () {
    const schemaRegistry = { nextIndex: 0, mapping: {}, burned: [] }
    let max = -1
    for (const [attr, key] of Object.entries(this.map)) {
      const index = parseInt(key, 36)
      schemaRegistry.mapping[attr] = index
      if (Number.isFinite(index)) max = Math.max(max, index)
    }
    schemaRegistry.nextIndex = max + 1
    const pluginSchemaRegistry = {}
    for (const [plugin, attrs] of Object.entries(this._pluginAttributes)) {
      const mapping = {}
      for (const attr of attrs) if (this.pluginMap[attr]) mapping[attr] = this.pluginMap[attr]
      pluginSchemaRegistry[plugin] = { mapping, burned: [] }
    }
    return { schemaRegistry, pluginSchemaRegistry }
  }

  getAttributeDefinition (key) {
    let def = this.attributes
    for (const part of key.split('.')) {
      if (!def) return undefined
      def = def[part]
    }
    return def
  }

  extractObjectKeys (obj, prefix = '') {
    const keys = []
    for (const [key, value] of Object.entries(obj)) {
      if (key.startsWith('$$')) continue
      const full = prefix ? `${prefix}.${key}` : key
      if (isPlainObject(value)) {
        keys.push(full)
        if (value.$$type === 'object') keys.push(...this.extractObjectKeys(value, full))
      }
    }
    return keys
  }

  async mapper (resourceItem) {
    const pairs = native(() => JSON.parse(this._native.mapper(toNativeJson(resourceItem ?? {}))))
    return fromPairs(pairs)
  }

  async unmapper (mappedResourceItem, mapOverride, pluginMapOverride) {
    const input = { ...mappedResourceItem }
    delete input._v
    if (mapOverride) input._map = JSON.stringify(mapOverride)
    if (pluginMapOverride) input._pluginmap = JSON.stringify(pluginMapOverride)
    const { data } = native(() => JSON.parse(this._native.unmapper(toNativeJson(input))))
    buffersAt(data, this._bytePaths)
    const reversedPlugins = pluginMapOverride ? invert(pluginMapOverride) : this.reversedPluginMap
    const reversed = mapOverride ? invert(mapOverride) : this.reversedMap
    for (const [key, value] of Object.entries(mappedResourceItem || {})) {
      if (key.startsWith('$') || key === 'id') {
        data[key] = value
        continue
      }
      // Numbers and booleans are not stored text: s3db.js's decoders hand them back as given
      // (a boolean attribute still reads 1/0 as true/false).
      const path = reversedPlugins[key] || reversed[key] || key
      if ((typeof value === 'number' || typeof value === 'boolean') && this._encodings[path]?.type !== 'boolean') setPath(data, path, value)
    }
    return data
  }

  async _validate (data) {
    if (!isPlainObject(data)) return [{ type: 'object', message: 'The \'\' must be an Object.', field: undefined, actual: data }]
    const out = native(() => JSON.parse(this._native.validate(toNativeJson(data))))
    const bytes = Object.entries(this._encodings)
      .filter(([, e]) => BYTE_TYPES.has(e.type))
      .map(([p]) => [p, getPath(data, p)])
    for (const key of Object.keys(data)) if (!(key in out.data)) delete data[key]
    Object.assign(data, out.data)
    for (const [path, value] of bytes) if (value !== undefined) setPath(data, path, value)
    return out.isValid ? true : out.errors
  }

  export () {
    return {
      version: this.version,
      name: this.name,
      options: this.options,
      attributes: clone(this.attributes),
      map: this.map,
      pluginMap: this.pluginMap || {},
      _pluginAttributeMetadata: this._pluginAttributeMetadata || {},
      _pluginAttributes: this._pluginAttributes || {}
    }
  }

  static import (data) {
    const parsed = typeof data === 'string' ? JSON.parse(data) : data
    const { map, pluginMap, _pluginAttributeMetadata, name, options, version } = parsed
    let attributes
    try {
      attributes = Schema._importAttributes(parsed.attributes)
    } catch (err) {
      throw new SchemaError('Failed to import schema attributes', { original: err, input: parsed.attributes })
    }
    return new Schema({ map, pluginMap: pluginMap || {}, name, options, version, attributes, _pluginAttributeMetadata })
  }

  // Attributes stored as JSON text (older exports) become objects again.
  static _importAttributes (attrs) {
    if (typeof attrs === 'string') {
      try {
        const parsed = JSON.parse(attrs)
        if (typeof parsed === 'object' && parsed !== null) return Schema._importAttributes(parsed)
      } catch {}
      return attrs
    }
    if (Array.isArray(attrs)) return attrs.map((a) => Schema._importAttributes(a))
    if (isPlainObject(attrs)) {
      const out = {}
      for (const [k, v] of Object.entries(attrs)) out[k] = Schema._importAttributes(v)
      return out
    }
    return attrs
  }

  dispose () {}

  static getValidatorCacheStats () {
    return { size: 0, totalReferences: 0, zeroRefValidators: 0, cacheHits: 0, cacheMisses: 0, hitRate: 0, evictions: 0 }
  }

  static getValidatorCacheMemoryUsage () {
    return { estimatedKB: 0, estimatedMB: 0, validatorCount: 0 }
  }

  static evictUnusedValidators () {
    return 0
  }
}

module.exports = { Schema }
