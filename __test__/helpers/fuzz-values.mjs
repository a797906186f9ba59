// Seeded generators of hostile input for the fuzz suite: text with control characters, path
// tricks and astral code points; values of every JS type (cyclic, deep, huge, BigInt, Symbol,
// functions); resource definitions that are mostly wrong in one way.

// The fault proxy's seeded PRNG, so one seed names one sequence in every suite.
export { seededRandom } from '../faults/proxy.mjs'

export const pick = (rnd, list) => list[Math.floor(rnd() * list.length)]

const PIECES = ['a', 'Z', '0', '9', '-', '_', '.', '..', '/', '\\', '%', '%00', '%2F', '%2e%2e', '\u0000', '\n', '\r', '\t', ' ',
  '=', '&', '?', '#', '@', ':', '[', ']', '"', "'", '<', '>', '~', '*', '+', 'é', 'ß', '中', '🙂', '\u200b', '\ud800', '\uffff',
  'id=', 'resource=', 'data', 'partition=', '../', '/..', 'C:\\', '$', '{', '}', 'null', 'undefined', '__proto__', 'constructor']
const ASCII = 'abcdefghijklmnopqrstuvwxyz0123456789-_'

/** Text of up to `max` pieces; `ascii` keeps to a safe header alphabet; `path` favours path tricks. */
export function randomText (rnd, max, { ascii = false, path = false } = {}) {
  const length = Math.floor(rnd() * max)
  let out = ''
  for (let i = 0; i < length; i++) {
    if (ascii) out += ASCII[Math.floor(rnd() * ASCII.length)]
    else if (path && rnd() < 0.3) out += pick(rnd, ['../', '/', '..', '%2F', '\\', '\u0000'])
    else out += pick(rnd, PIECES)
  }
  return out
}

function hugeString (rnd) {
  return pick(rnd, ['x', 'é', '🙂']).repeat(20_000 + Math.floor(rnd() * 60_000))
}

function deepObject (depth) {
  let value = { leaf: true }
  for (let i = 0; i < depth; i++) value = { next: value }
  return value
}

/**
 * A value of any type. `plain` keeps to JSON values; `document` makes an object most of the time
 * and mixes in the hostile ones (cyclic, deep, huge, BigInt, Symbol, functions).
 */
export function randomValue (rnd, depth, { plain = false, document = false } = {}) {
  const roll = rnd()
  if (document && depth > 0 && roll < 0.75) {
    const out = {}
    for (let i = Math.floor(rnd() * 6); i > 0; i--) {
      const key = rnd() < 0.6 ? pick(rnd, ['name', 'n', 'ok', 'tags', 'meta', 'secretish', 'id', 'extra']) : randomText(rnd, 6)
      out[key] = randomValue(rnd, depth - 1, { plain })
    }
    if (!plain && rnd() < 0.03) out.self = out
    if (!plain && rnd() < 0.02) out.deep = deepObject(200 + Math.floor(rnd() * 2000))
    return out
  }
  const kinds = plain
    ? ['string', 'number', 'bool', 'null', 'array', 'object']
    : ['string', 'number', 'bool', 'null', 'undefined', 'array', 'object', 'bigint', 'symbol', 'function', 'date', 'nan', 'infinity', 'buffer', 'huge', 'map', 'negzero']
  switch (pick(rnd, kinds)) {
    case 'string': return randomText(rnd, 20)
    case 'number': return pick(rnd, [0, 1, -1, 33, 1e21, 2 ** 53 + 1, -1e-7, 3.14159, Number.MAX_VALUE])
    case 'bool': return rnd() < 0.5
    case 'null': return null
    case 'undefined': return undefined
    case 'array': return depth > 0 ? Array.from({ length: Math.floor(rnd() * 4) }, () => randomValue(rnd, depth - 1, { plain })) : []
    case 'object': return depth > 0 ? randomValue(rnd, depth - 1, { plain, document: true }) : {}
    case 'bigint': return 12345678901234567890n
    case 'symbol': return Symbol('s')
    case 'function': return () => 1
    case 'date': return rnd() < 0.5 ? new Date(0) : new Date('invalid')
    case 'nan': return NaN
    case 'infinity': return -Infinity
    case 'buffer': return Buffer.from([0, 255, 1])
    case 'huge': return rnd() < 0.2 ? hugeString(rnd) : randomText(rnd, 300)
    case 'map': return new Map([[1, 2]])
    case 'negzero': return -0
  }
}

const TYPES = ['string', 'number', 'boolean', 'secret', 'array|items:string', 'object', 'json', 'date', 'ip4', 'ip6', 'embedding:8',
  'string|required', 'number|min:0|max:10', 'string|maxlength:3', 'nonsense', '', 'string|', '|', 'number|min:x']
const BEHAVIORS = ['user-managed', 'enforce-limits', 'truncate-data', 'body-overflow', 'body-only', 'nope', undefined]

/** A resource definition: a valid core most of the time, with one or two hostile parts. */
export function randomDefinition (rnd, index) {
  const attributes = {}
  for (let i = 1 + Math.floor(rnd() * 5); i > 0; i--) {
    const name = rnd() < 0.8 ? pick(rnd, ['name', 'n', 'ok', 'tags', 'meta', 'region', 'when']) : randomText(rnd, 5)
    attributes[name] = rnd() < 0.85 ? pick(rnd, TYPES) : randomValue(rnd, 2)
  }
  const def = { name: rnd() < 0.8 ? `r${index}` : randomText(rnd, 12), attributes: rnd() < 0.9 ? attributes : randomValue(rnd, 1) }
  if (rnd() < 0.3) def.behavior = pick(rnd, BEHAVIORS)
  if (rnd() < 0.3) def.timestamps = pick(rnd, [true, false, 'yes', 1])
  if (rnd() < 0.3) def.partitions = rnd() < 0.7 ? { byName: { fields: { [pick(rnd, ['name', 'region', 'missing'])]: pick(rnd, ['string', 'string|maxlength:2', 'number']) } } } : randomValue(rnd, 2)
  if (rnd() < 0.1) def.paranoid = randomValue(rnd, 0)
  if (rnd() < 0.1) def.idGenerator = pick(rnd, ['incremental', 'uuid', 5, 'incremental:abc', () => 'x', null])
  if (rnd() < 0.1) def.hooks = { beforeInsert: [pick(rnd, [() => {}, 'not-a-function', null])] }
  if (rnd() < 0.05) return pick(rnd, [null, undefined, 'resource', 5, []])
  return def
}
