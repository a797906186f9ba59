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
  return {
    name: resource.name,
    version: resource.version,
    attributes,
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
