// Copies whatever a library returned or emitted into plain, comparable data at the moment it is
// seen (libraries may mutate the objects they hand out later). Types that JSON would blur are
// tagged: Buffers and typed arrays as { $bytes }, Dates as { $date }, class instances keep their
// class name under $class, functions become '<function>'.
export function toPlain (value, seen = new WeakSet()) {
  if (value === undefined) return { $undefined: true }
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value
  if (typeof value === 'number') return Number.isNaN(value) ? { $number: 'NaN' } : Number.isFinite(value) ? value : { $number: String(value) }
  if (typeof value === 'bigint') return { $bigint: String(value) }
  if (typeof value === 'function') return '<function>'
  if (typeof value === 'symbol') return { $symbol: String(value.description) }
  if (Buffer.isBuffer(value) || ArrayBuffer.isView(value)) return { $bytes: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') }
  if (value instanceof ArrayBuffer) return { $bytes: Buffer.from(value).toString('base64') }
  if (value instanceof Date) return { $date: Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString() }
  if (value instanceof Error) return errorShape(value, seen)
  if (seen.has(value)) return '<circular>'
  seen.add(value)
  try {
    if (Array.isArray(value)) return value.map((v) => toPlain(v, seen))
    if (value instanceof Map) return { $map: [...value.entries()].map(([k, v]) => [toPlain(k, seen), toPlain(v, seen)]) }
    if (value instanceof Set) return { $set: [...value].map((v) => toPlain(v, seen)) }
    const out = {}
    const proto = Object.getPrototypeOf(value)
    if (proto && proto !== Object.prototype && proto.constructor && proto.constructor.name !== 'Object') {
      // Library objects (Resource, Database, streams) are compared by class name only: their
      // internals are not what an app observes.
      return { $class: proto.constructor.name }
    }
    for (const key of Object.keys(value)) out[key] = toPlain(value[key], seen)
    return out
  } finally {
    seen.delete(value)
  }
}

// What an app can see of a thrown error: its class and the fields it carries. Prose that is
// written for humans (hints, suggestions, documentation links) is recorded by presence only.
const PROSE = new Set(['description', 'suggestion', 'docs', 'hint', 'title'])
const NOISE = new Set(['stack', 'thrownAt', 'timestamp', 'requestId', '$metadata', '$response', '$fault', 'original', 'cause', 'commandInput'])

export function errorShape (err, seen = new WeakSet()) {
  if (err === null || typeof err !== 'object') return { $thrown: toPlain(err, seen) }
  const shape = { $error: err.constructor?.name ?? 'Object', name: toPlain(err.name, seen), message: toPlain(err.message, seen) }
  for (const key of Object.keys(err)) {
    if (NOISE.has(key) || key === 'name' || key === 'message' || err[key] === undefined) continue
    shape[key] = PROSE.has(key) && typeof err[key] === 'string' ? '<text>' : toPlain(err[key], seen)
  }
  for (const key of ['code', 'statusCode']) if (!(key in shape) && err[key] !== undefined) shape[key] = toPlain(err[key], seen)
  return shape
}
