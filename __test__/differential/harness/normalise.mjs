// Removes what legitimately differs between two runs of the same scenario: generated ids,
// ETags, clock readings, durations, random ciphertexts. Everything else is compared as is.
const ISO_TIME = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})\b/g
const GENERATED_ID = /^[A-Za-z0-9_-]{16,36}$/
// Field names whose values are clock readings, durations or per-request noise in every version.
const VOLATILE_KEYS = new Set(['ETag', 'etag', '_etag', 'LastModified', 'lastModified', '_lastModified', 'VersionId', 'requestId',
  'timestamp', 'duration', 'durationMs', 'elapsed', 'elapsedMs', 'took', 'startedAt', 'completedAt', 'createdAtMs'])
// Only readings of the clock are noise: times a scenario chose itself (fixed dates far from now)
// are data and stay.
const NEAR_NOW_MS = 2 * 864e5
function nearNow (ms) {
  return Math.abs(ms - Date.now()) <= NEAR_NOW_MS
}

function todayStrings () {
  const now = Date.now()
  return [now - 864e5, now, now + 864e5].map((t) => new Date(t).toISOString().slice(0, 10))
}

export class Normaliser {
  /**
   * @param {object} opts
   * @param {Array<[RegExp, string]>} [opts.masks] text replaced wherever it occurs (random ciphertexts, hashes)
   * @param {string[]} [opts.fixedIds] ids the scenario chose itself (never renamed)
   */
  constructor ({ masks = [], fixedIds = [] } = {}) {
    this.masks = masks
    this.literals = []
    this.fixed = new Set(fixedIds)
    this.ids = new Map()
    this.days = todayStrings()
  }

  /** Generated ids are named by order of first appearance: <id#1>, <id#2>... */
  registerIds (value, key) {
    if (typeof value === 'string') {
      if ((key === 'id' || key === '_id') && GENERATED_ID.test(value) && !this.fixed.has(value) && !this.ids.has(value)) this.ids.set(value, `<id#${this.ids.size + 1}>`)
      return
    }
    if (value === null || typeof value !== 'object') return
    if (Array.isArray(value)) for (const v of value) this.registerIds(v)
    else for (const k of Object.keys(value)) this.registerIds(value[k], k)
  }

  text (s) {
    let out = s
    for (const [id, name] of this.ids) if (out.includes(id)) out = out.split(id).join(name)
    for (const [literal, name] of this.literals) if (out.includes(literal)) out = out.split(literal).join(name)
    for (const [pattern, replacement] of this.masks) out = out.replace(pattern, replacement)
    out = out.replace(ISO_TIME, (t) => nearNow(Date.parse(t)) ? '<time>' : t)
    for (const day of this.days) if (out.includes(day)) out = out.split(day).join('<date>')
    return out
  }

  value (v, key) {
    if (key !== undefined && VOLATILE_KEYS.has(key) && v !== null && v !== undefined && typeof v !== 'object') return `<${key}>`
    if (typeof v === 'string') return this.text(v)
    if (typeof v === 'number') return Number.isInteger(v) && nearNow(v) ? '<epoch-ms>' : v
    if (v === null || typeof v !== 'object') return v
    if (Array.isArray(v)) return v.map((x) => this.value(x))
    if (v.$date !== undefined && Object.keys(v).length === 1) return { $date: this.text(v.$date) }
    const out = {}
    for (const k of Object.keys(v)) out[this.text(k)] = this.value(v[k], k)
    return out
  }
}
