// The reference implementation: s3db.js 19.5.10 as published, installed by
// scripts/ensure-reference.sh into __test__/differential/reference/node_modules. Suites that
// compare s3db-native with the original load it (and its plugins) through this module only.
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

export const REFERENCE_VERSION = '19.5.10'

const here = dirname(fileURLToPath(import.meta.url))
/** Root of the installed s3db.js package. */
export const referenceRoot = join(here, '..', 'differential', 'reference', 'node_modules', 's3db.js')

let loading

function missing () {
  return new Error(`s3db.js ${REFERENCE_VERSION} is not installed: run scripts/ensure-reference.sh (npm test does)`)
}

/** The ES module namespace of s3db.js 19.5.10 (`S3db`, `Database`, error classes, plugins...). */
export function loadReference () {
  if (!loading) {
    loading = (async () => {
      if (!existsSync(join(referenceRoot, 'package.json'))) throw missing()
      const { default: pkg } = await import(pathToFileURL(join(referenceRoot, 'package.json')).href, { with: { type: 'json' } })
      if (pkg.version !== REFERENCE_VERSION) throw new Error(`reference is s3db.js ${pkg.version}, expected ${REFERENCE_VERSION}: run scripts/ensure-reference.sh`)
      return import(pathToFileURL(join(referenceRoot, 'dist', 's3db.es.js')).href)
    })()
  }
  return loading
}

/**
 * A file of the reference package by its path inside it, e.g. `dist/plugins/audit.plugin.js`
 * (for what the main entry does not export).
 */
export async function importReference (subpath) {
  const file = join(referenceRoot, subpath)
  if (!existsSync(file)) throw existsSync(referenceRoot) ? new Error(`s3db.js ${REFERENCE_VERSION} has no ${subpath}`) : missing()
  return import(pathToFileURL(file).href)
}

/**
 * A plugin class of the reference by its exported name (`AuditPlugin`, `CachePlugin`, ...).
 * The main entry exports every built-in plugin; the lazily loaded ones are reached through
 * their `load*` functions (`loadReferencePlugin('ReplicatorPlugin')` calls `loadReplicatorPlugin()`).
 */
export async function loadReferencePlugin (name) {
  const ref = await loadReference()
  if (typeof ref[name] === 'function') return ref[name]
  const loader = ref[`load${name}`] ?? ref[`load${name.replace(/Plugin$/, '')}Plugin`]
  if (typeof loader === 'function') {
    const loaded = await loader()
    const cls = typeof loaded === 'function' ? loaded : loaded?.[name] ?? loaded?.default
    if (typeof cls === 'function') return cls
  }
  throw new Error(`s3db.js ${REFERENCE_VERSION} exports no plugin named ${name}`)
}
