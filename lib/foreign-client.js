// @ts-check
'use strict'
// An application's own client object (`new Database({ client })`, any object with the s3db.js
// client API: putObject, getObject, headObject, deleteObject, listObjects). Resources of such a
// database run in the core like any other, over a store whose requests call back into that
// object (src/js_store.rs). s3db-native's own clients never come here.

const native = require('./native')
// bodyText is internal to the module: its public types (resource-sequences.d.ts) leave it out.
/** @type {{ bodyText: (body: unknown) => Promise<string> }} */
const { bodyText } = /** @type {any} */ (require('./resource-sequences'))

/** True for s3db-native's own clients, which the core talks to directly. */
function isNativeClient (client) {
  return !!client && typeof client.coreClient === 'function'
}

async function bodyBytes (body) {
  if (body == null) return Buffer.alloc(0)
  if (Buffer.isBuffer(body)) return body
  if (body instanceof Uint8Array) return Buffer.from(body)
  if (typeof body === 'string') return Buffer.from(body)
  if (typeof body.transformToByteArray === 'function') return Buffer.from(await body.transformToByteArray())
  if (typeof body.transformToString === 'function') return Buffer.from(await body.transformToString())
  if (typeof body[Symbol.asyncIterator] === 'function') {
    const chunks = []
    for await (const chunk of body) chunks.push(Buffer.from(chunk))
    return Buffer.concat(chunks)
  }
  return Buffer.from(await bodyText(body))
}

const millis = (t) => (t instanceof Date ? t.getTime() : (typeof t === 'number' ? t : (t ? Date.parse(t) || 0 : 0)))

function headOf (res) {
  return {
    metadata: res?.Metadata ?? {},
    contentType: res?.ContentType,
    contentEncoding: res?.ContentEncoding,
    contentLength: typeof res?.ContentLength === 'number' ? res.ContentLength : undefined,
    etag: res?.ETag,
    lastModified: millis(res?.LastModified),
    versionId: res?.VersionId
  }
}

/** What the core needs of an error: its name/code and HTTP status decide its class. */
function describe (err) {
  const original = err?.original ?? err
  return {
    name: err?.name,
    code: err?.code ?? err?.Code ?? original?.code ?? original?.Code,
    statusCode: err?.statusCode ?? err?.$metadata?.httpStatusCode ??
      original?.statusCode ?? original?.$metadata?.httpStatusCode,
    message: String(err?.message ?? err)
  }
}

const operations = {
  async put (client, { key, body, metadata, contentType, contentEncoding, ifMatch, ifNoneMatch }) {
    const params = { key, body: Buffer.from(body, 'base64'), metadata, contentType }
    if (contentEncoding != null) params.contentEncoding = contentEncoding
    if (ifMatch != null) params.ifMatch = ifMatch
    if (ifNoneMatch != null) params.ifNoneMatch = ifNoneMatch
    const res = await client.putObject(params)
    return { etag: res?.ETag, versionId: res?.VersionId }
  },
  async get (client, { key }) {
    const res = await client.getObject(key)
    return { ...headOf(res), body: (await bodyBytes(res?.Body)).toString('base64') }
  },
  async head (client, { key }) {
    return headOf(await client.headObject(key))
  },
  async delete (client, { key }) {
    await client.deleteObject(key)
    return null
  },
  // One deleteObject per key: the shapes of deleteObjects differ between clients.
  async deleteMany (client, { keys }) {
    const outcomes = await Promise.allSettled(keys.map((key) => client.deleteObject(key)))
    const deleted = []
    const errors = []
    outcomes.forEach((o, i) => {
      if (o.status === 'fulfilled') deleted.push(keys[i])
      else errors.push({ key: keys[i], code: describe(o.reason).code ?? describe(o.reason).name ?? 'UnknownError', message: describe(o.reason).message })
    })
    return { deleted, errors }
  },
  async list (client, { prefix, maxKeys, continuationToken, startAfter, delimiter }) {
    const params = { prefix, maxKeys }
    if (continuationToken != null) params.continuationToken = continuationToken
    if (startAfter != null) params.startAfter = startAfter
    if (delimiter != null) params.delimiter = delimiter
    const res = await client.listObjects(params)
    return {
      contents: (res?.Contents ?? []).map((o) => ({ key: o.Key, size: o.Size ?? 0, etag: o.ETag ?? '', lastModified: millis(o.LastModified) })),
      commonPrefixes: (res?.CommonPrefixes ?? []).map((p) => p.Prefix),
      isTruncated: !!res?.IsTruncated,
      nextContinuationToken: res?.NextContinuationToken ?? undefined
    }
  }
}

/** The core client of a foreign client object: every request is a call of one of its methods. */
function nativeClientOver (client) {
  // The core calls it with one argument, the pair [operation, arguments as JSON].
  const dispatch = async ([op, argsJson]) => {
    try {
      return JSON.stringify({ ok: await operations[op](client, JSON.parse(argsJson)) })
    } catch (err) {
      return JSON.stringify({ error: describe(err) })
    }
  }
  return native.NativeClient.overJs(String(client.bucket ?? client.config?.bucket ?? 's3db'), dispatch)
}

module.exports = { isNativeClient, nativeClientOver, bodyText: bodyBytes, describe }
