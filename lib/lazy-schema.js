// @ts-check
'use strict'
// Lazy schemas (`lazySchema: true`, s3db.js 19.3+). The core needs the compiled schema when the
// resource is created (its definition hash and key registry go into s3db.json), so the native
// schema exists from the start; what stays pending is the resource's schema state as s3db.js
// reports it: `_pendingSchemaConfig` is kept and `isSchemaCompiled()` is false until the first
// operation that uses the schema (any call into the core, or validate) or `prewarmSchema()`.

const resourceMethods = {
  /** Sets the initial state from the resource config (called by the constructor). */
  _initSchemaState (config) {
    this._lazySchema = config.lazySchema === true
    this._schemaCompiled = !this._lazySchema
    this._pendingSchemaConfig = this._lazySchema
      ? { attributes: config.attributes, passphrase: config.passphrase, bcryptRounds: config.bcryptRounds, version: Number.parseInt(String(this.version ?? 'v1').replace(/v/i, ''), 10) || 1, allNestedObjectsOptional: config.allNestedObjectsOptional !== false, autoDecrypt: config.autoDecrypt !== false, strictValidation: config.strictValidation !== false }
      : null
  },

  _ensureSchemaCompiled () {
    if (this._schemaCompiled !== false) return
    this._schemaCompiled = true
    this._pendingSchemaConfig = null
  },

  prewarmSchema () {
    this._ensureSchemaCompiled()
  },

  isSchemaCompiled () {
    return this._schemaCompiled !== false
  }
}

/** `db.prewarmResources(names?)`: compiles the named (default: all) lazy resources now. */
function prewarmResources (resourceNames) {
  const warmed = []
  const skipped = []
  const alreadyCompiled = []
  const resources = resourceNames
    ? resourceNames.map((name) => this.resources[name]).filter(Boolean)
    : Object.values(this.resources)
  for (const resource of resources) {
    if (resource.isSchemaCompiled()) {
      alreadyCompiled.push(resource.name)
      continue
    }
    try {
      resource.prewarmSchema()
      warmed.push(resource.name)
    } catch {
      skipped.push(resource.name)
    }
  }
  return { warmed, skipped, alreadyCompiled }
}

module.exports = { resourceMethods, databaseMethods: { prewarmResources } }
