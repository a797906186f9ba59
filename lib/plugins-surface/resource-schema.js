'use strict'
// `resource.schema`: the part of s3db.js's Schema object that plugins read (VectorPlugin reads
// `schema.attributes`, replicators `schema._pluginAttributes`, CachePlugin `schema.partitions`).
// A read-only view built from the resource's definition; the compiled schema lives in the core.

function schemaView (resource) {
  const pluginAttributes = resource.$schema?.pluginAttributes ?? []
  const attributes = { ...(resource.attributes ?? {}) }
  const byPlugin = {}
  for (const { name, definition, plugin } of pluginAttributes) {
    attributes[name] = definition
    ;(byPlugin[plugin] ??= []).push(name)
  }
  // The short metadata keys (`{ path: key }`, base36 of the registry index) and plugin keys.
  const native = resource._native
  const map = native ? Object.fromEntries(Object.entries(JSON.parse(native.registryJson()).mapping).map(([path, index]) => [path, index.toString(36)])) : {}
  const pluginMap = native ? Object.fromEntries(JSON.parse(native.pluginMapJson())) : {}
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
    options: { timestamps: resource.config?.timestamps === true, partitions: resource.config?.partitions ?? {} }
  }
}

/** Defines the `schema` getter on the Resource prototype (unless an own one exists). */
function installSchemaView (Resource) {
  if (Object.getOwnPropertyDescriptor(Resource.prototype, 'schema')) return
  Object.defineProperty(Resource.prototype, 'schema', {
    get () { return schemaView(this) },
    configurable: true
  })
}

module.exports = { installSchemaView, schemaView }
