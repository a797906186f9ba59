// @ts-check
'use strict'
// The hook lists s3db.js 19.x shows in `schema.options.hooks` for each stored encoding. Here the
// encodings themselves run in the native codec; these lists only describe them, so that apps
// and tools that inspect a schema's hooks see what they saw with s3db.js.

function actionsFor (encoding, { autoEncrypt, autoDecrypt }) {
  const { type, integer, decimals, precision, bitCount } = encoding
  switch (type) {
    case 'string array': return [['fromArray'], ['toArray']]
    case 'number array': return integer ? [['fromArrayOfNumbers'], ['toArrayOfNumbers']] : [['fromArrayOfDecimals'], ['toArrayOfDecimals']]
    case 'embedding': return [['fromArrayOfEmbeddings'], ['toArrayOfEmbeddings']]
    case 'secret': return [autoEncrypt ? ['encrypt'] : null, autoDecrypt ? ['decrypt'] : null]
    case 'ip4': return [['encodeIPv4'], ['decodeIPv4']]
    case 'ip6': return [['encodeIPv6'], ['decodeIPv6']]
    case 'buffer': return [['encodeBuffer'], ['decodeBuffer']]
    case 'bits': return [['encodeBits', { bitCount }], ['decodeBits', { bitCount }]]
    case 'money': return [['encodeMoney', { decimals }], ['decodeMoney', { decimals }]]
    case 'decimal': return [['encodeDecimalFixed', { precision }], ['decodeDecimalFixed', { precision }]]
    case 'geo:lat': return [['encodeGeoLatitude', { precision }], ['decodeGeoLatitude', { precision }]]
    case 'geo:lon': return [['encodeGeoLongitude', { precision }], ['decodeGeoLongitude', { precision }]]
    case 'geo:point': return [['encodeGeoPointPair', { precision }], ['decodeGeoPointPair', { precision }]]
    case 'number': return integer ? [['toBase62'], ['fromBase62']] : [['toBase62Decimal'], ['fromBase62Decimal']]
    case 'boolean': return [['fromBool'], ['toBool']]
    case 'json': return [['toJSON'], ['fromJSON']]
    default: return [null, null]
  }
}

/** @param {any[]} pair an action and its params, as actionsFor lists them */
function hookEntry ([action, params]) {
  return params && Object.keys(params).length > 0 ? { action, params } : action
}

function addHook (hooks, hook, attribute, entry) {
  const list = hooks[hook][attribute] || (hooks[hook][attribute] = [])
  const same = (e) => JSON.stringify(e) === JSON.stringify(entry)
  if (!list.some(same)) list.push(entry)
}

// Fills `options.hooks` from the codec's encodings; attributes with hooks already given keep them.
function generateAutoHooks (options, encodings) {
  const hooks = options.hooks
  for (const [path, encoding] of Object.entries(encodings)) {
    if (hooks.beforeMap[path] || hooks.afterUnmap[path]) continue
    const [before, after] = actionsFor(encoding, options)
    if (before) addHook(hooks, 'beforeMap', path, hookEntry(before))
    if (after) addHook(hooks, 'afterUnmap', path, hookEntry(after))
  }
}

module.exports = { generateAutoHooks, addHook, hookEntry }
