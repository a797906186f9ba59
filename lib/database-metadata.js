// @ts-check
'use strict'
// What only JS knows of a resource for its `s3db.json` version entry: its hook functions
// (described, or persisted as source with `persistHooks` and revived on connect), its id
// generator and the options it keeps as given. The s3db.json rules themselves (reading and
// healing the file, versions, entries, hashes, the uploaded text) are the core's
// (src/s3db_json.rs, crates/codec/src/meta/document.rs).

/**
 * @typedef {Record<string, unknown[]>} HookLists
 * @typedef {{ name: string | null, length: number | null, type: string }} HandlerFacts
 */

/** Each hook handler as the summary 19.x stores describes it, per event, in event order. */
function hookHandlers (/** @type {HookLists | undefined} */ hooks) {
  /** @type {Record<string, HandlerFacts[]>} */
  const out = {}
  for (const [event, fns] of Object.entries(hooks ?? {})) {
    out[event] = (fns ?? []).map((fn) => typeof fn === 'function'
      ? { name: fn.name || null, length: fn.length ?? null, type: 'function' }
      : { name: null, length: null, type: typeof fn })
  }
  return out
}

/** `persistHooks`: each hook's source, revived by `reviveHooks` on the next connect. */
function serializeHooks (/** @type {HookLists | undefined} */ hooks) {
  /** @type {Record<string, { __s3db_serialized_function: true, code: string, name: string }[]>} */
  const out = {}
  for (const [event, fns] of Object.entries(hooks ?? {})) {
    if (!fns.length) continue
    out[event] = fns.map((fn) => ({
      __s3db_serialized_function: true,
      code: String(fn),
      name: /** @type {Function} */ (fn).name
    }))
  }
  return out
}

/** Rebuilds persisted hooks. This runs code stored in the bucket: only with `persistHooks`. */
function reviveHooks (/** @type {Record<string, any> | undefined} */ hooks) {
  /** @type {Record<string, Function[]>} */
  const out = {}
  for (const [event, fns] of Object.entries(hooks ?? {})) {
    if (!Array.isArray(fns)) continue
    const revived = []
    for (const entry of fns) {
      if (!entry?.__s3db_serialized_function || typeof entry.code !== 'string') continue
      try {
        const source = entry.code.trim()
        const isFunction = /^(async\s+)?function\b|^(async\s*)?\(|^(async\s+)?[\w$]+\s*=>/.test(source)
        const code = isFunction ? entry.code : `function ${entry.code}`
        revived.push(new Function(`return (${code})`)())
      } catch {}
    }
    if (revived.length) out[event] = revived
  }
  return out
}

/** `idGenerator` as 19.x records it: the kind of generator, not its size. */
function idGeneratorKind (/** @type {{ idGeneratorType?: string, idGenerator?: unknown }} */ resource) {
  // An incremental resource's generator is a function too: its kind decides first.
  if (resource.idGeneratorType === 'incremental') return 'incremental'
  return typeof resource.idGenerator === 'function' ? 'custom' : 'default'
}

/**
 * The facts of a resource the core's version entry takes from JS (`s3dbJsonRecordVersion`):
 * options kept as given, the id generator's kind, and the hooks (persisted sources, or each
 * handler described for the summary).
 * @param {any} resource a Resource
 * @param {boolean} persistHooks
 */
function versionFacts (resource, persistHooks) {
  const hooks = resource.$schema.hooks
  return {
    cache: resource.config.cache ?? false,
    idSize: resource.idSize,
    idGenerator: idGeneratorKind(resource),
    createdBy: resource.config.createdBy,
    ...(persistHooks ? { hooks: serializeHooks(hooks) } : { hookHandlers: hookHandlers(resource.hooks ?? hooks) })
  }
}

module.exports = { versionFacts, reviveHooks }
