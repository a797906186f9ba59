// @ts-check
'use strict'
// `resource.schema`: the part of s3db.js's Schema object that plugins read (VectorPlugin reads
// `schema.attributes`, replicators `schema._pluginAttributes`, CachePlugin `schema.partitions`).
// A read-only view built from the resource's definition; the compiled schema lives in the core.

// One compiled `Schema` per definition (a changed definition builds another), for mapper/unmapper.
function compiledSchema (resource, attributes, pluginAttributes) {
  return resource._perDefinition(() => {
    const { Schema } = require('../schema')
    const { registry, pluginMap } = resource._keyMaps()
    const all = { ...attributes }
    if (resource.config?.timestamps) {
      all.createdAt ??= 'string|optional'
      all.updatedAt ??= 'string|optional'
    }
    return new Schema({
      name: resource.name,
      attributes: all,
      passphrase: resource.passphrase,
      bcryptRounds: resource.bcryptRounds,
      // The number s3db.js gives its Schema ('v2' -> 2, anything unparsable -> 1): export() shows it.
      version: parseInt(String(resource.version ?? 'v1').replace(/v/i, ''), 10) || 1,
      schemaRegistry: registry,
      _pluginAttributeMetadata: Object.fromEntries(
        pluginAttributes.map(({ name, plugin }) => [name, { __plugin__: plugin }])
      ),
      pluginMap,
      options: {
        allNestedObjectsOptional: resource.config?.allNestedObjectsOptional !== false,
        autoEncrypt: resource.config?.autoEncrypt !== false,
        autoDecrypt: resource.config?.autoDecrypt !== false
      }
    })
  })
}

/** What s3db.js's `schema.export()` returns for this resource (Resource#export builds on it). */
function schemaExport (resource) {
  const pluginAttributes = resource.$schema?.pluginAttributes ?? []
  const attributes = { ...(resource.attributes ?? {}) }
  for (const { name, definition } of pluginAttributes) attributes[name] = definition
  return compiledSchema(resource, attributes, pluginAttributes).export()
}

function schemaView (resource) {
  const pluginAttributes = resource.$schema?.pluginAttributes ?? []
  const attributes = { ...(resource.attributes ?? {}) }
  const byPlugin = {}
  for (const { name, definition, plugin } of pluginAttributes) {
    attributes[name] = definition
    ;(byPlugin[plugin] ??= []).push(name)
  }
  // The short metadata keys (`{ path: key }`, base36 of the registry index) and plugin keys.
  const maps = resource._keyMaps()
  const map = Object.fromEntries(
    Object.entries(maps.registry.mapping).map(([path, index]) => [path, /** @type {number} */ (index).toString(36)])
  )
  const pluginMap = maps.pluginMap
  const invert = (m) => Object.fromEntries(Object.entries(m).map(([k, v]) => [v, k]))
  return {
    name: resource.name,
    version: resource.version,
    attributes,
    map,
    reversedMap: invert(map),
    pluginMap,
    reversedPluginMap: invert(pluginMap),
    _pluginAttributes: byPlugin,
    partitions: resource.config?.partitions ?? {},
    timestamps: resource.config?.timestamps === true,
    options: { timestamps: resource.config?.timestamps === true, partitions: resource.config?.partitions ?? {} },
    // The record <-> stored-metadata mapping of this resource, as s3db.js's schema does it.
    mapper: (item) => compiledSchema(resource, attributes, pluginAttributes).mapper(item),
    unmapper: (mapped, mapOverride, pluginMapOverride) =>
      compiledSchema(resource, attributes, pluginAttributes).unmapper(mapped, mapOverride, pluginMapOverride)
  }
}

/** Defines the `schema` getter on the Resource prototype (unless an own one exists). */
function installSchemaView (Resource) {
  if (Object.getOwnPropertyDescriptor(Resource.prototype, 'schema')) return
  Object.defineProperty(Resource.prototype, 'schema', {
    get () { return schemaView(this) },
    configurable: true
  })
  // `resource.validator` (s3db.js's ResourceValidator): `validate(data, options)` resolves to
  // `{ isValid, errors, data }`, the resource's own validation.
  if (!Object.getOwnPropertyDescriptor(Resource.prototype, 'validator')) {
    Object.defineProperty(Resource.prototype, 'validator', {
      get () {
        const resource = this
        return { attributes: resource.attributes, validate: async (data, options) => resource.validate(data, options) }
      },
      configurable: true
    })
  }
}

module.exports = { installSchemaView, schemaView, schemaExport }
