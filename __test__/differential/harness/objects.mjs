// The stored objects of a database, read back as an app's S3 tooling would see them: key,
// metadata, content type and body. `describeObjects` turns them into comparable data.
import { setTimeout as sleep } from 'node:timers/promises'

async function bodyBytes (body) {
  if (body == null) return Buffer.alloc(0)
  if (Buffer.isBuffer(body)) return body
  if (typeof body === 'string') return Buffer.from(body)
  if (typeof body.transformToByteArray === 'function') return Buffer.from(await body.transformToByteArray())
  if (typeof body[Symbol.asyncIterator] === 'function') {
    const chunks = []
    for await (const chunk of body) chunks.push(Buffer.from(chunk))
    return Buffer.concat(chunks)
  }
  throw new Error(`unreadable object body: ${Object.prototype.toString.call(body)}`)
}

/** Every object under the database's key prefix through the library's own client (memory). */
export async function readThroughClient (client) {
  const out = {}
  for (const key of [...await client.getAllKeys({})].sort()) {
    const res = await client.getObject(key)
    out[key] = { metadata: { ...(res.Metadata ?? {}) }, contentType: res.ContentType, body: await bodyBytes(res.Body) }
  }
  return out
}

/** Writes objects read by readThroughClient (or readRaw) into another library's client. */
export async function writeThroughClient (client, objects) {
  for (const [key, o] of Object.entries(objects)) {
    await client.putObject({ key, metadata: o.metadata, contentType: o.contentType, body: o.body })
  }
}

function xmlText (s) {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#x?[0-9a-fA-F]+;/g, (e) =>
    String.fromCodePoint(e[2] === 'x' ? parseInt(e.slice(3, -1), 16) : parseInt(e.slice(2, -1), 10))).replace(/&amp;/g, '&')
}

function objectUrl (endpoint, bucket, key) {
  return `${endpoint}/${bucket}/${key.split('/').map(encodeURIComponent).join('/')}`
}

// moto checks no signature, but it answers an anonymous GET of a private object (every object a
// library writes) with 403: a request that carries an Authorization header, any, is the owner's.
const OWNER = { authorization: 'AWS test:unsigned' }

async function listKeys (endpoint, bucket, prefix) {
  const keys = []
  let token
  do {
    const url = new URL(`${endpoint}/${bucket}`)
    url.searchParams.set('list-type', '2')
    url.searchParams.set('prefix', `${prefix}/`)
    if (token) url.searchParams.set('continuation-token', token)
    const res = await fetch(url, { headers: OWNER })
    if (!res.ok) throw new Error(`listing ${bucket} failed: ${res.status}`)
    const xml = await res.text()
    for (const m of xml.matchAll(/<Key>([\s\S]*?)<\/Key>/g)) keys.push(xmlText(m[1]))
    token = /<IsTruncated>true<\/IsTruncated>/.test(xml) ? xmlText(/<NextContinuationToken>([\s\S]*?)<\/NextContinuationToken>/.exec(xml)[1]) : undefined
  } while (token)
  return keys.sort()
}

const gone = Symbol('gone')

async function readObject (endpoint, bucket, key) {
  const res = await fetch(objectUrl(endpoint, bucket, key), { headers: OWNER })
  if (res.status === 404) return gone
  if (!res.ok) throw new Error(`reading ${key} failed: ${res.status}`)
  const metadata = {}
  for (const [name, value] of res.headers) if (name.startsWith('x-amz-meta-')) metadata[name.slice('x-amz-meta-'.length)] = value
  return { metadata, contentType: res.headers.get('content-type') ?? undefined, body: Buffer.from(await res.arrayBuffer()) }
}

/**
 * Every object under `prefix` straight from the S3 server (moto checks no signatures), so
 * neither library's client stands between the bytes and the comparison. Keys are relative to
 * `prefix`; metadata is exactly what the server holds. A library may still be writing or
 * deleting in the background when an operation has resolved (s3db.js 19.5.10 removes a moved
 * record's old partition references after update() returns): the dump is taken once the key
 * list stays the same across the read of every object.
 */
export async function readRaw (endpoint, bucket, prefix) {
  let keys = await listKeys(endpoint, bucket, prefix)
  for (let round = 0; round < 20; round++) {
    const out = {}
    let changed = false
    for (const key of keys) {
      const o = await readObject(endpoint, bucket, key)
      if (o === gone) { changed = true; break }
      out[key.slice(prefix.length + 1)] = o
    }
    const again = await listKeys(endpoint, bucket, prefix)
    if (!changed && again.join('\n') === keys.join('\n')) return out
    keys = again
    await sleep(50)
  }
  throw new Error(`the objects under ${prefix} in ${bucket} kept changing`)
}

function describeBody (bytes) {
  if (bytes.length === 0) return ''
  const text = bytes.toString('utf8')
  if (Buffer.from(text, 'utf8').equals(bytes)) {
    try {
      return { json: JSON.parse(text) }
    } catch {
      return { text }
    }
  }
  return { base64: bytes.toString('base64') }
}

/** Comparable form: metadata keys sorted, bodies as parsed JSON, text or base64. */
export function describeObjects (objects) {
  const out = {}
  for (const key of Object.keys(objects).sort()) {
    const o = objects[key]
    const metadata = {}
    for (const k of Object.keys(o.metadata).sort()) metadata[k] = o.metadata[k]
    out[key] = { metadata, contentType: o.contentType ?? null, body: describeBody(o.body) }
  }
  return out
}
