// Runs one plugin scenario on s3db.js 19.5.10 and on s3db-native and reduces what the plugin
// stored (its resources' records, its plugin= objects) and returned to a comparable form: values
// that differ between any two runs (generated ids, clocks, ETags) are replaced by placeholders.
import { existsSync } from 'node:fs'
import s3db from '../../index.js'
import { loadReference, referenceRoot } from '../helpers/reference.mjs'
import { createBucket, s3ConnectionString, s3Endpoint, uniqueName } from '../helpers/backends.mjs'

export const referenceInstalled = existsSync(referenceRoot)

export async function engines () {
  const ref = await loadReference()
  return [
    { name: 's3db.js', Database: ref.S3db, ref },
    { name: 's3db-native', Database: s3db.Database, ref }
  ]
}

export const backends = {
  memory: { skip: false, connectionString: async () => `memory://${uniqueName('plg')}/databases/app` },
  moto: {
    skip: !s3Endpoint && 'no local S3 server (run the suite with npm test)',
    async connectionString () {
      const bucket = uniqueName('plg')
      await createBucket(s3Endpoint, bucket)
      return s3ConnectionString(`${bucket}/databases/app`)
    }
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/
const GENERATED_ID = /^[A-Za-z0-9_-]{20,26}$/
/** A generated id has a digit or both letter cases (a word-like value of that length does not). */
const looksGenerated = (value) => (/\d/.test(value) || (/[a-z]/.test(value) && /[A-Z]/.test(value))) && /[A-Za-z]/.test(value)

/** Generated and clock-dependent values -> placeholders; everything else as it is. */
export function stable (value, key = '') {
  if (Array.isArray(value)) return value.map((v) => stable(v))
  if (value && typeof value === 'object') {
    if (value instanceof Date) return '<date>'
    const out = {}
    for (const k of Object.keys(value).sort()) {
      if (/^_(etag|lastModified|versionId|contentLength|mimeType|hasContent|definitionHash|v)$/.test(k) || k === '$before' || k === '$after') continue
      out[k] = stable(value[k], k)
    }
    return out
  }
  if (typeof value === 'string') {
    if (value.includes('[bucket:')) value = value.replace(/\[bucket:[^\]]+\]/g, '[bucket:<b>]')
    if (ISO_DATE.test(value)) return value.length <= 10 ? '<day>' : '<date>'
    // A nanoid has no digit about once in 40 ids: mixed case or a digit tells it from a word.
    if (GENERATED_ID.test(value) && looksGenerated(value)) return '<id>'
    if (/^\d{12,}$/.test(value)) return '<ms>'
    // Ids built on a generated one (TournamentPlugin's `<tournament id>:R1M1` matches).
    if (/^[A-Za-z0-9_-]{20,26}:[A-Za-z0-9]+$/.test(value) && looksGenerated(value.split(':')[0])) return value.replace(/^[^:]+/, '<id>')
    if (/^[a-z_]+-\d{12,}-[a-z0-9]+$/i.test(value)) return '<id>'
    if (/^worker-\d{12,}-\d+-[a-z0-9]+$/.test(value)) return '<worker>'
    return value
  }
  if (typeof value === 'number' && (value > 1e12 || /(duration|Duration|Ms|ms|Time|took|elapsed)$/.test(key))) return '<ms>'
  return value
}

function stableKey (key) {
  return key
    .replace(/=[A-Za-z0-9_-]{20,26}(?=[/.]|$)/g, '=<id>')
    .replace(/(?<=[/-])[A-Za-z0-9_-]{22}(?=[/.]|-\d{10,}|$)/g, '<id>')
    .replace(/\d{10,}/g, '<ms>')
    .replace(/\d{4}-\d{2}-\d{2}(T[\dhms:-]+)?/g, '<date>')
    .replace(/worker=[^/]+/g, 'worker=<w>')
}

/** The records of every resource but `except`, and the plugin= keys, in stable form. */
export async function storedBy (db, { except = [] } = {}) {
  const resources = {}
  for (const name of Object.keys(db.resources).sort()) {
    if (except.includes(name)) continue
    const records = await db.resources[name].list()
    // Ordered by content (as the core-difference folding sees it), so both engines list alike.
    const order = (r) => JSON.stringify(withoutCoreReadDifferences(r))
    resources[name] = stable(records).sort((a, b) => order(a).localeCompare(order(b)))
  }
  const keys = (await db.client.getAllKeys({ prefix: '' })).filter((k) => k.includes('plugin=')).map(stableKey).sort()
  return { resources, keys: [...new Set(keys)] }
}

/** Connects a Database of `engine` with `plugins`, runs `scenario`, always disconnects. */
export async function runScenario (engine, connectionString, scenario) {
  const db = new engine.Database({ connectionString, logLevel: 'silent' })
  try {
    return await scenario({ db, ref: engine.ref, engine: engine.name })
  } finally {
    await db.disconnect().catch(() => {})
  }
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** Polls `check` until it is truthy (or the time is up); returns its last value. */
export async function until (check, { timeout = 3000, every = 20 } = {}) {
  const end = Date.now() + timeout
  let value
  while (!(value = await check()) && Date.now() < end) await sleep(every)
  return value
}

/**
 * Two reads of s3db.js 19.5.10 that s3db-native does not reproduce yet, outside the plugins: a
 * string attribute holding JSON comes back parsed, and records carry `_originalVersion` and
 * `_versionMapped` (and see CORE_ONLY_FIELDS). The matrix compares with these folded away (what each plugin does), and once
 * more as they are (listed as known differences until the read path matches).
 */
// metadata_updatedat: 19.5.10's update() injects `metadata.updatedAt` (stored flattened) into
// every record it updates; s3db-native does not, on purpose (COMPATIBILITY.md).
const CORE_ONLY_FIELDS = new Set(['_originalVersion', '_versionMapped', 'metadata_updatedat'])

export function withoutCoreReadDifferences (value) {
  if (Array.isArray(value)) return value.map(withoutCoreReadDifferences)
  if (value && typeof value === 'object') {
    const out = {}
    for (const [k, v] of Object.entries(value)) {
      if (CORE_ONLY_FIELDS.has(k)) continue
      // The same injection where `metadata` is an object attribute (stored as JSON, not flattened).
      if (k === 'metadata' && v && typeof v === 'object' && !Array.isArray(v) && 'updatedAt' in v) {
        const { updatedAt, ...rest } = v
        out[k] = withoutCoreReadDifferences(rest)
      } else out[k] = withoutCoreReadDifferences(v)
    }
    return out
  }
  if (typeof value === 'string' && /^[[{]/.test(value)) {
    try {
      return withoutCoreReadDifferences(stable(JSON.parse(value)))
    } catch {}
  }
  return value
}
