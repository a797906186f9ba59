'use strict'
// `s3db.json`: reading (with repair of damaged files), the blank structure, and the
// per-resource version history keyed by definition hash, in the layout s3db.js reads.

const BLANK_VERSION = '1'

function blankMetadata (s3dbVersion) {
  return { version: BLANK_VERSION, s3dbVersion, lastUpdated: new Date().toISOString(), resources: {} }
}

/** The repairs s3db.js tries on a file that is not valid JSON, in order. */
function repairJson (text) {
  const attempts = [
    (t) => t.replace(/,(\s*[}\]])/g, '$1'),
    (t) => t.replace(/([{,]\s*)([A-Za-z_$][\w$]*)(\s*:)/g, '$1"$2"$3'),
    (t) => {
      let out = t
      const opens = (out.match(/{/g) || []).length - (out.match(/}/g) || []).length
      const arrays = (out.match(/\[/g) || []).length - (out.match(/]/g) || []).length
      out += ']'.repeat(Math.max(0, arrays)) + '}'.repeat(Math.max(0, opens))
      return out
    }
  ]
  let text2 = text
  for (const fix of attempts) {
    text2 = fix(text2)
    try { return JSON.parse(text2) } catch {}
  }
  return null
}

/** Fixes structural problems; returns the list of what was healed. */
function healMetadata (meta, s3dbVersion) {
  const log = []
  if (typeof meta.version !== 'string') { meta.version = BLANK_VERSION; log.push('Added missing or invalid version field') }
  if (typeof meta.s3dbVersion !== 'string') { meta.s3dbVersion = s3dbVersion; log.push('Added missing s3dbVersion field') }
  if (!meta.resources || typeof meta.resources !== 'object' || Array.isArray(meta.resources)) { meta.resources = {}; log.push('Fixed invalid resources field') }
  if (typeof meta.lastUpdated !== 'string') { meta.lastUpdated = new Date().toISOString(); log.push('Added missing lastUpdated field') }
  for (const [name, res] of Object.entries(meta.resources)) {
    if (!res || typeof res !== 'object' || !res.versions || typeof res.versions !== 'object') {
      delete meta.resources[name]
      log.push(`Removed invalid resource '${name}'`)
      continue
    }
    const versions = Object.keys(res.versions).filter((v) => res.versions[v] && typeof res.versions[v] === 'object' && res.versions[v].attributes)
    if (versions.length === 0) {
      delete meta.resources[name]
      log.push(`Removed resource '${name}' with no valid versions`)
      continue
    }
    if (!res.currentVersion || !res.versions[res.currentVersion]) {
      res.currentVersion = versions.includes('v1') ? 'v1' : versions[0]
      log.push(`Fixed currentVersion of '${name}'`)
    }
    if (!res.partitions || typeof res.partitions !== 'object') { res.partitions = {}; log.push(`Added partitions to '${name}'`) }
  }
  return log
}

function nextVersion (versions) {
  const numbers = Object.keys(versions ?? {}).map((v) => Number.parseInt(v.replace(/^v/, ''), 10)).filter(Number.isFinite)
  return `v${(numbers.length ? Math.max(...numbers) : 0) + 1}`
}

/**
 * The hook summary 19.x stores: per event (in hook-event order) the live, bound handlers. A
 * resource with partitions also lists s3db.js's own partition-reference handlers (unnamed, one
 * argument) first under `afterInsert` and `afterDelete`, so the summary reads the same.
 */
function hookSummary (hooks, partitioned) {
  const summary = {}
  for (const [event, fns] of Object.entries(hooks ?? {})) {
    const handlers = (fns ?? []).map((fn) => typeof fn === 'function'
      ? { name: fn.name || null, length: fn.length ?? null, type: 'function' }
      : { name: null, length: null, type: typeof fn })
    if (partitioned && (event === 'afterInsert' || event === 'afterDelete')) handlers.unshift({ name: null, length: 1, type: 'function' })
    if (handlers.length) summary[event] = { count: handlers.length, handlers }
  }
  return summary
}

/** `persistHooks`: each hook's source, revived by `reviveHooks` on the next connect. */
function serializeHooks (hooks) {
  const out = {}
  for (const [event, fns] of Object.entries(hooks ?? {})) {
    if (fns.length) out[event] = fns.map((fn) => ({ __s3db_serialized_function: true, code: fn.toString(), name: fn.name }))
  }
  return out
}

/** Rebuilds persisted hooks. This runs code stored in the bucket: only with `persistHooks`. */
function reviveHooks (hooks) {
  const out = {}
  for (const [event, fns] of Object.entries(hooks ?? {})) {
    if (!Array.isArray(fns)) continue
    const revived = []
    for (const entry of fns) {
      if (!entry?.__s3db_serialized_function || typeof entry.code !== 'string') continue
      try {
        const code = /^(async\s+)?function\b|^(async\s*)?\(|^(async\s+)?[\w$]+\s*=>/.test(entry.code.trim()) ? entry.code : `function ${entry.code}`
        revived.push(new Function(`return (${code})`)()) // eslint-disable-line no-new-func
      } catch {}
    }
    if (revived.length) out[event] = revived
  }
  return out
}

/** Attributes as 19.x stores them: with `timestamps`, `createdAt`/`updatedAt` are part of them. */
function storedAttributes (attributes, timestamps) {
  if (!timestamps) return attributes
  const out = { ...attributes }
  if (!out.createdAt) out.createdAt = 'string|optional'
  if (!out.updatedAt) out.updatedAt = 'string|optional'
  return out
}

/** `idGenerator` as 19.x records it: the kind of generator, not its size. */
function idGeneratorKind (resource) {
  // An incremental resource's generator is a function too: its kind decides first.
  if (resource.idGeneratorType === 'incremental') return 'incremental'
  return typeof resource.idGenerator === 'function' ? 'custom' : 'default'
}

/**
 * The version entry s3db.js 19.x stores for a resource definition. The attributes include the
 * timestamp attributes: a 19.x reader builds its key map from them, and without them it burns
 * the registry indices of `createdAt`/`updatedAt` and reads those values as stray fields.
 */
function versionEntry (resource, hash, persistHooks = false) {
  const config = resource.$schema
  const partitioned = Object.keys(resource.config.partitions ?? {}).length > 0
  return {
    hash,
    attributes: storedAttributes(config.attributes, resource.config.timestamps),
    behavior: resource.behavior,
    timestamps: resource.config.timestamps,
    partitions: resource.config.partitions,
    paranoid: resource.config.paranoid,
    allNestedObjectsOptional: resource.config.allNestedObjectsOptional,
    autoDecrypt: resource.config.autoDecrypt,
    cache: resource.config.cache ?? false,
    hooks: persistHooks ? serializeHooks(config.hooks) : hookSummary(resource.hooks ?? config.hooks, partitioned),
    idSize: resource.idSize,
    idGenerator: idGeneratorKind(resource),
    createdAt: new Date().toISOString()
  }
}

/**
 * 19.x's `pluginSchemaRegistry`: per plugin, the metadata key of each of its attributes
 * (`{ [plugin]: { mapping: { attribute: key }, burned: [] } }`, `{}` without plugin attributes).
 * Saved entries are kept: plugins of other processes may own them.
 */
function pluginRegistry (resource, saved) {
  const registry = saved && typeof saved === 'object' && !Array.isArray(saved) ? structuredClone(saved) : {}
  const keys = new Map(JSON.parse(resource._native.pluginMapJson()))
  for (const { name, plugin } of resource.$schema.pluginAttributes ?? []) {
    if (!keys.has(name)) continue
    const entry = registry[plugin] ?? (registry[plugin] = {})
    entry.mapping = { ...entry.mapping, [name]: keys.get(name) }
    entry.burned = Array.isArray(entry.burned) ? entry.burned : []
  }
  return registry
}

module.exports = { blankMetadata, repairJson, healMetadata, nextVersion, versionEntry, reviveHooks, pluginRegistry }
