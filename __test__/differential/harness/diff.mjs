// Deep difference of two plain traces: one entry per leaf that differs, with a readable path
// (`steps.get.value.profile.city`, `store["resource=users/data/id=a"].metadata._v`).
export const ABSENT = '<absent>'

function segment (key) {
  return /^[A-Za-z_$][\w$-]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`
}

export function joinPath (parent, key) {
  if (typeof key === 'number') return `${parent}[${key}]`
  const seg = segment(key)
  return parent === '' ? (seg.startsWith('.') ? seg.slice(1) : seg) : parent + seg
}

function isObject (v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v)
}

export function deepDiff (a, b, path = '', out = []) {
  if (Object.is(a, b)) return out
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.max(a.length, b.length)
    for (let i = 0; i < n; i++) deepDiff(i < a.length ? a[i] : ABSENT, i < b.length ? b[i] : ABSENT, joinPath(path, i), out)
    return out
  }
  if (isObject(a) && isObject(b)) {
    // An error is compared on the fields the original sets: extra fields cannot break an app.
    const keys = new Set(a.$error !== undefined && b.$error !== undefined ? Object.keys(a) : [...Object.keys(a), ...Object.keys(b)])
    for (const k of [...keys].sort()) deepDiff(k in a ? a[k] : ABSENT, k in b ? b[k] : ABSENT, joinPath(path, k), out)
    return out
  }
  out.push({ path, reference: a, native: b })
  return out
}

export function preview (value, max = 160) {
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value)
  if (text === undefined) return String(value)
  return text.length > max ? `${text.slice(0, max)}…` : text
}
