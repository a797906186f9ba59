// @ts-check
'use strict'
// s3db.js 19.5.10's client emits `cl:response` (command name, response, SDK-style input) for
// every request, the ones its resources make included; CostsPlugin counts them. Here the core
// makes a resource's requests itself, so while someone listens to `cl:response` the core notes
// each request that succeeded, and the notes become events when the call that made them returns
// (before its caller continues). The client's own object methods emit their events themselves.

/** Each noted request as the SDK command 19.5.10 names it, its answer and its input. */
function asEvent ({ command, key, body, contentLength, etag, keyCount }) {
  const $metadata = { httpStatusCode: command === 'DeleteObject' ? 204 : 200 }
  switch (command) {
    case 'PutObject':
      return [{ $metadata, ETag: etag }, { Key: key, Body: body }]
    case 'GetObject':
    case 'HeadObject':
      return [{ $metadata, ContentLength: contentLength, ETag: etag }, { Key: key }]
    case 'CopyObject':
      return [{ $metadata, CopyObjectResult: { ETag: etag } }, { CopySource: key }]
    case 'ListObjectsV2':
      return [{ $metadata, KeyCount: keyCount }, { Prefix: key }]
    default:
      return [{ $metadata }, key === undefined || key === null ? {} : { Key: key }]
  }
}

class CoreReports {
  /**
   * @param {import('node:events').EventEmitter} client the client whose listeners decide
   * @param {{ setRequestReporting (on: boolean): void,
   *   takeRequestReports (): { reports: any[], dropped: number } }} native its core client
   */
  constructor (client, native) {
    this.client = client
    this.native = native
    this.on = false
  }

  /** Before a call into the core: the core notes its requests while someone listens. */
  before () {
    const wanted = this.client.listenerCount('cl:response') > 0
    if (wanted !== this.on) {
      this.on = wanted
      this.native.setRequestReporting(wanted)
    }
  }

  /** After the call: every request noted since becomes a `cl:response`. */
  after () {
    if (!this.on) return
    for (const report of this.native.takeRequestReports().reports) {
      this.client.emit('cl:response', `${report.command}Command`, ...asEvent(report))
    }
  }
}

/** @type {WeakMap<object, CoreReports>} */
const reportsByClient = new WeakMap()

/**
 * Reports the core requests of s3db-native's own client `client` (an EventEmitter).
 * @param {import('node:events').EventEmitter} client
 * @param {ConstructorParameters<typeof CoreReports>[1]} native
 */
function attachCoreReports (client, native) {
  reportsByClient.set(client, new CoreReports(client, native))
}

/**
 * The reports of `client`'s core requests; undefined for a client that is not s3db-native's
 * own (an application's client emits its own events).
 * @param {unknown} client
 */
function reportsOf (client) {
  return typeof client === 'object' && client !== null ? reportsByClient.get(client) : undefined
}

/**
 * Runs `work` (a call into the core) with its requests reported (see `reportsOf`).
 * @template T
 * @param {CoreReports | null | undefined} reports
 * @param {() => Promise<T>} work
 * @returns {Promise<T>}
 */
async function reportingCore (reports, work) {
  if (!reports) return work()
  reports.before()
  try {
    return await work()
  } finally {
    reports.after()
  }
}

module.exports = { attachCoreReports, reportsOf, reportingCore }
