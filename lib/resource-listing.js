// @ts-check
'use strict'
// Reading many records: list, listIds, count, page, query, getMany, getAll, partitions, and
// streaming iteration. Each call crosses into Rust once (a long getMany once per chunk while
// someone follows its progress); records come back in key order.

const { Readable, Writable } = require('node:stream')
const { fromErrorRecord, PartitionError, ResourceError } = require('./errors')
const { checkKeySegment } = require('./key-segments')
const { revive, reviveAll, checkArray } = require('./records')
const { progressReporter, chunkSize, chunksOf } = require('./progress')

// Ids per LIST page of a streaming iteration (the most one ListObjectsV2 page holds).
const LIST_PAGE = 1000

/**
 * Which records a listing covers, as the list methods take it.
 * @typedef {{ partition?: string | null, partitionValues?: Record<string, any> | null,
 *   limit?: number, offset?: number }} ListingOptions
 */

/** @param {ListingOptions} [options] */
function listOptions ({ partition, partitionValues, limit, offset } = {}) {
  return JSON.stringify({
    partition: partition ?? undefined,
    partitionValues: partitionValues ?? undefined,
    limit: limit ?? undefined,
    offset: offset ?? 0
  })
}

/**
 * listIds and count as 19.5.10 counts: a partition named without values (known or not) is the
 * whole resource. (list and page read the partition's references; an unknown one lists none.)
 * @param {ListingOptions} options
 */
function wholeWithoutValues (options) {
  const { partition, partitionValues } = options
  if (!partition || (partitionValues && Object.keys(partitionValues).length > 0)) return options
  return { ...options, partition: null, partitionValues: null }
}

/** A PartitionError of listIds or count names the operation in its data, as 19.5.10's does. */
const namingOperation = (operation) => (err) => {
  /** @type {Record<string, any> | undefined} */
  const data = err instanceof PartitionError ? err.data : undefined
  if (data && data.operation === undefined) data.operation = operation
  throw err
}

/** Ids that are not strings cannot name a record: each is a failed read, as in s3db.js. */
function splitIds (ids) {
  if (!Array.isArray(ids) || ids.every((id) => typeof id === 'string')) return { ids, invalid: [] }
  const invalid = ids.filter((id) => typeof id !== 'string')
    .map((id) => ({ id, error: { name: 'ValidationError', message: 'Resource id must be a string', statusCode: 400 } }))
  return { ids: ids.filter((id) => typeof id === 'string'), invalid }
}

async function fetchMany (resource, requested) {
  const { ids, invalid } = splitIds(requested)
  const listed = await fetchStrings(resource, ids)
  for (const failure of invalid) listed.errors.push(failure)
  return listed
}

/** One call into the core, or one per chunk when someone follows the progress of a long batch. */
async function fetchStrings (resource, ids) {
  const progress = Array.isArray(ids) ? progressReporter(resource, 'getMany', ids.length) : null
  if (progress === null) return JSON.parse(await resource._call('getMany', ids))
  /** @type {{ records: any[], errors: any[] }} */
  const listed = { records: [], errors: [] }
  for (const chunk of chunksOf(ids, chunkSize(ids.length))) {
    const part = JSON.parse(await resource._call('getMany', chunk))
    for (const record of part.records) listed.records.push(record)
    for (const error of part.errors) listed.errors.push(error)
    progress.advance(chunk.length)
  }
  return listed
}

// The error items this module made (a hook may drop or reorder them).
const errorItems = new WeakSet()

/**
 * A record that could not be read, in the shape s3db.js 19.5.10 gives one in a batch read:
 * `{ id, _error, _decryptionFailed }`; the error itself is kept, not enumerable, as
 * `_errorObject`.
 */
function errorItem (id, error) {
  const message = error?.message ?? String(error)
  const item = { id, _error: message, _decryptionFailed: message.includes('Cipher job failed') || message.includes('OperationError') }
  Object.defineProperty(item, '_errorObject', { value: error, enumerable: false })
  errorItems.add(item)
  return item
}

/** How many of `records` are records (not error items). */
const countRecords = (records) => records.reduce((n, r) => (errorItems.has(r) ? n : n + 1), 0)

/**
 * The failures of a batch read, reported. A record deleted between the listing and its GET
 * (NoSuchKey) is only an `error` event, as in s3db.js. Any other failure is an `error` event
 * when someone listens, and an error item in the result when no one does: a read never comes
 * back short without saying so. `ids` (a getMany) puts each item at its id's place; a
 * listing's items follow its records. Also says how many listed ids the result leaves out.
 */
/**
 * @param {any} resource
 * @param {any[]} records
 * @param {{ id: any, error: any, record?: any }[]} failures
 * @param {any[] | null} [ids]
 */
function reportFailures (resource, records, failures, ids = null) {
  const heard = resource.listenerCount('error') > 0
  const items = new Map()
  for (const { id, error, record } of failures) {
    // 19.5.10 passes the id itself as the event's second argument.
    if (heard) resource.emit('error', error, id)
    else if (record?.name !== 'NoSuchKey') items.set(id, errorItem(id, error))
  }
  return { records: placeItems(records, items, ids), omitted: failures.length - items.size }
}

function placeItems (records, items, ids) {
  if (items.size === 0) return records
  if (ids === null) return [...records, ...items.values()]
  const out = []
  let next = 0
  for (const id of ids) {
    const item = items.get(id)
    if (item !== undefined && (next >= records.length || records[next]?.id !== id)) {
      out.push(item)
      items.delete(id)
    } else if (next < records.length) out.push(records[next++])
  }
  while (next < records.length) out.push(records[next++])
  return [...out, ...items.values()]
}

/** Whether anyone listens to `fetched` or to a `fetched:<id>` (looked up once per batch). */
function listensFetched (resource) {
  if (resource.eventsDisabled) return false
  return resource.eventNames().some((event) => typeof event === 'string' && (event === 'fetched' || event.startsWith('fetched:')))
}

/**
 * `fetched` and `fetched:<id>` for each record a batch read, as 19.5.10's batch reads emit
 * them (they read each record by `get`). Nothing is done when no one listens.
 */
function emitFetched (resource, records) {
  if (!listensFetched(resource)) return
  for (const record of records) {
    if (errorItems.has(record)) continue
    resource._emitEvent('fetched', record)
    resource._emitEvent(`fetched:${record.id}`, record)
  }
}

/** `promise`, marked as handled: a read ahead that fails before anyone awaits it (or that no
 * one awaits, the consumer having stopped) is not an unhandled rejection. */
function handled (promise) {
  promise.catch(() => {})
  return promise
}

/**
 * The pages of records of a listing, for `iterate`: `next()` resolves the next page (`{ records,
 * ids, total }`, `ids` how many ids it read, `total` the listing's size once the page is from
 * the last LIST page, else null) or null at the end. Calls to `next()` follow one another (each
 * after the last resolved). The LIST page after the current one is requested as soon as the
 * current one is in; `stop()` ends the walk: nothing more is requested.
 */
function pageReader (resource, options, size) {
  const list = (token) => handled(resource._call('listIdsPage', options, token, LIST_PAGE))
  /** @type {Promise<any> | null} */
  let listing = list(null)
  let ids = []
  let at = 0
  let last = false
  let listed = 0
  let lists = 0
  let stopped = false
  const reader = {
    /** Whether the listing reports progress (more than one page of records), known once the first LIST page is in. */
    reports: false,
    async next () {
      while (at >= ids.length) {
        if (listing === null || stopped) return null
        const page = await listing
        if (stopped) return null
        const token = page.next ?? null
        listing = token === null ? null : list(token)
        if (lists++ === 0) reader.reports = token !== null || page.ids.length > size
        ids = page.ids
        at = 0
        last = token === null
        listed += ids.length
      }
      const batch = ids.slice(at, at + size)
      at += batch.length
      const total = last ? listed : null
      return { records: await resource.getMany(batch), ids: batch.length, total }
    },
    /** Ends the walk and waits for what is still in flight (its outcome dropped). */
    async stop (ahead) {
      stopped = true
      await Promise.allSettled([ahead, listing])
    }
  }
  return reader
}

const revivedFailures = (errors) =>
  errors.map(({ id, error }) => ({ id, error: fromErrorRecord(error), record: error }))

module.exports = {
  /** @param {ListingOptions} [options] */
  async listIds (options = {}) {
    const ids = await this._call('listIds', listOptions(wholeWithoutValues(options))).catch(namingOperation('listIds'))
    this._emitEvent('listed-ids', ids.length)
    return ids
  },

  /** @param {ListingOptions} [options] */
  async count (options = {}) {
    const { partition = null, partitionValues = {} } = options
    await this.executeHooks('beforeCount', { partition, partitionValues })
    const count = await this._call('count', listOptions(wholeWithoutValues(options))).catch(namingOperation('count'))
    this._emitEvent('count', count)
    await this.executeHooks('afterCount', { count, partition, partitionValues })
    return count
  },

  /**
   * Every record (or `limit` of them after `offset`); no silent cap at 1,000.
   * @param {ListingOptions} [options]
   */
  async list (options = {}) {
    return (await this._listThrough('list', options)).records
  },

  /**
   * `list` through the core's `list` or `page` (the latter also counts the whole listing in
   * the same pass): hooks, error events and the `list` event as s3db.js's list.
   */
  async _listThrough (method, options) {
    const { partition, partitionValues } = options
    await this.executeHooks('beforeList', { partition: partition ?? null, partitionValues: partitionValues ?? {}, limit: options.limit, offset: options.offset ?? 0 })
    let listed
    try {
      listed = JSON.parse(await this._call(method, listOptions(options)))
    } catch (err) {
      // list() answers an unknown partition with [] and a `list` event, no error (19.5.10);
      // page() reports it (as its count did).
      if (err instanceof PartitionError && method === 'list') {
        this._emitEvent('list', { partition, partitionValues: partitionValues ?? {}, count: 0, errors: 0 })
        return { records: [], total: 0 }
      }
      if (this.listenerCount('error') > 0) this.emit('error', err, options)
      throw err
    }
    // 19.5.10: page's count comes first; a listing of the whole resource lists its ids
    // (`listed-ids`), then reads each record (`fetched`).
    if (method === 'page') this._emitEvent('count', listed.total)
    if (!partition) this._emitEvent('listed-ids', listed.records.length + listed.errors.length)
    const failures = revivedFailures(listed.errors)
    const reported = reportFailures(this, reviveAll(listed.records, this._bytePaths), failures)
    emitFetched(this, reported.records)
    const records = await this.executeHooks('afterList', reported.records)
    const count = countRecords(records)
    this._emitEvent('list', partition ? { partition, partitionValues, count, errors: failures.length } : { count, errors: failures.length })
    return { records, total: listed.total, omitted: reported.omitted }
  },

  async getMany (ids = []) {
    checkArray(ids, 'getMany', 'ids')
    await this.executeHooks('beforeGetMany', { ids })
    const listed = await fetchMany(this, ids)
    const failures = revivedFailures(listed.errors)
    const records = reviveAll(listed.records, this._bytePaths)
    const reported = reportFailures(this, records, failures, Array.isArray(ids) ? ids : null)
    emitFetched(this, reported.records)
    const hooked = await this.executeHooks('afterGetMany', reported.records)
    // 19.5.10 counts the ids asked for, read or not.
    this._emitEvent('fetched-many', Array.isArray(ids) ? ids.length : countRecords(hooked))
    return hooked
  },

  /**
   * Every record, as 19.5.10's getAll: the ids are listed (`listed-ids`) and each record read
   * (`fetched`), without the list hooks and without a `list` event.
   */
  async getAll () {
    const listed = JSON.parse(await this._call('list', listOptions()))
    this._emitEvent('listed-ids', listed.records.length + listed.errors.length)
    const { records } = reportFailures(this, reviveAll(listed.records, this._bytePaths), revivedFailures(listed.errors))
    emitFetched(this, records)
    return records
  },

  /**
   * One page and the total, as s3db.js 19: a size of 0 or less means 100, and a failure (an
   * unknown partition, a storage error) rejects instead of returning an empty page. A record
   * the page left out because its read failed (reported by an `error` event) or vanished
   * still counts for `hasMore`: a failed read does not end the pagination early.
   * @param {ListingOptions & { size?: number, skipCount?: boolean }} [options]
   */
  async page ({ offset = 0, size = 100, partition, partitionValues, skipCount = false } = {}) {
    const pageSize = size > 0 ? size : 100
    const where = { partition, partitionValues, limit: pageSize, offset }
    const [items, totalItems, omitted = 0] = await this._pageAndCount(where, skipCount)
    const result = {
      items,
      totalItems,
      page: Math.floor(offset / pageSize),
      pageSize,
      totalPages: totalItems === null ? null : Math.ceil(totalItems / pageSize),
      hasMore: items.length + omitted === pageSize && offset + pageSize < (totalItems || Infinity),
      _debug: {
        requestedSize: size,
        requestedOffset: offset,
        actualItemsReturned: items.length,
        skipCount,
        hasTotalItems: totalItems !== null
      }
    }
    this._emitEvent('paginated', result)
    return result
  },

  /**
   * A page's items, the total and how many listed records the items leave out. Unless `list`
   * or `count` was replaced or count hooks exist, all come from one pass over the listing
   * (the same hooks and events as list + count).
   */
  async _pageAndCount (options, skipCount) {
    if (skipCount) {
      if (this._replaced('list')) return [await this.list(options), null]
      const { records, omitted } = await this._listThrough('list', options)
      return [records, null, omitted]
    }
    // An unknown partition: 19.5.10 counts (the whole resource without values, else it throws)
    // and lists none.
    const unknown = options.partition && !Object.hasOwn(this.config.partitions ?? {}, options.partition)
    if (unknown || this._replaced('list') || this._replaced('count') || this._hasHooks('beforeCount') || this._hasHooks('afterCount')) {
      const { limit, offset, ...where } = options
      // The count first, then the page, as 19.5.10.
      const total = await this.count(where)
      return [await this.list(options), total]
    }
    const { records, total, omitted } = await this._listThrough('page', options)
    return [records, total, omitted]
  },

  /**
   * Records whose top-level fields equal every entry of `filter` (a client-side scan), as
   * 19.5.10: the listing is read by `list` in batches of min(limit, 50) from `offset` (an
   * offset into the listing), with list's hooks and events for each batch; an empty filter is
   * one `list` of `limit` records.
   * @param {Record<string, any>} [filter]
   * @param {ListingOptions} [options]
   */
  async query (filter = {}, { limit = 100, offset = 0, partition, partitionValues } = {}) {
    await this.executeHooks('beforeQuery', { filter, limit, offset, partition: partition ?? null, partitionValues: partitionValues ?? {} })
    const entries = Object.entries(filter ?? {})
    if (entries.length === 0) {
      const { records } = await this._listThrough('list', { partition, partitionValues, limit, offset })
      return this.executeHooks('afterQuery', records)
    }
    const matches = []
    const batchSize = Math.min(limit, 50)
    for (let at = offset; matches.length < limit; at += batchSize) {
      const { records, omitted = 0 } = await this._listThrough('list', { partition, partitionValues, limit: batchSize, offset: at })
      if (records.length === 0 && omitted === 0) break
      for (const record of records) if (entries.every(([k, v]) => record[k] === v)) matches.push(record)
      if (records.length + omitted < batchSize) break
    }
    return this.executeHooks('afterQuery', matches.slice(0, limit))
  },

  /** @param {{ id?: string, partitionName?: string, partitionValues?: Record<string, any> }} [args] */
  async getFromPartition ({ id, partitionName, partitionValues = {} } = {}) {
    checkKeySegment(id, 'id')
    for (const [field, value] of Object.entries(partitionValues ?? {})) {
      if (value !== undefined && value !== null) checkKeySegment(value, `partitionValues.${field}`)
    }
    const fields = this.config.partitions?.[String(partitionName)]?.fields
    if (!fields) throw new PartitionError(`Partition '${partitionName}' not found`, { resourceName: this.name, partitionName, operation: 'getFromPartition' })
    const isGiven = (field) => partitionValues?.[field] !== undefined && partitionValues[field] !== null
    const given = Object.keys(fields).filter(isGiven)
    if (given.length === 0) throw new PartitionError(`No partition values provided for partition '${partitionName}'`, { resourceName: this.name, partitionName, operation: 'getFromPartition' })
    // s3db.js looks for the key the given values name; with a field left out no reference has it.
    if (given.length < Object.keys(fields).length) {
      throw new ResourceError(`Resource with id '${id}' not found in partition '${partitionName}'`, { resourceName: this.name, id, partitionName, operation: 'getFromPartition' })
    }
    const record = revive(JSON.parse(await this._call('getFromPartition', id, partitionName, JSON.stringify(partitionValues))), this._bytePaths)
    // 19.5.10 reads the record by `get` (`fetched`).
    emitFetched(this, [record])
    this._emitEvent('partition-fetched', record)
    this._emitEvent(`partition-fetched:${id}`, record)
    return record
  },

  /**
   * Streams records page by page, walking the LIST pages by continuation token, one page of
   * records ahead: while the consumer handles a page, the next page's records are read, and
   * the next LIST page is requested as soon as the current one is in. So at most two pages of
   * records and two LIST pages of ids (up to 1,000 each) are held, however large the resource.
   * Records of each page are read through getMany (its hooks and events), in key order. When
   * the listing holds more than one page of records, `progress` events `{ operation:
   * 'iterate', done, total }` follow each page as it is handed on; `total` is null until the
   * page handed on is from the last LIST page (with 1,000 ids or fewer it is known from the
   * first). A failed LIST or getMany rejects the iteration where the consumer reaches it;
   * breaking out (or `return()`) starts no further request, waits for the one read ahead and
   * drops its outcome.
   * @param {ListingOptions & { pageSize?: number }} [options]
   */
  async * iterate ({ partition, partitionValues, pageSize = 100 } = {}) {
    const reader = pageReader(this, listOptions({ partition, partitionValues }), pageSize > 0 ? pageSize : 100)
    let done = 0
    /** @type {Promise<any> | null} */
    let ahead = handled(reader.next())
    try {
      for (;;) {
        const page = await ahead
        ahead = null
        if (page === null) return
        done += page.ids
        if (reader.reports) this._emitEvent('progress', { operation: 'iterate', done, total: page.total })
        ahead = handled(reader.next())
        yield * page.records
      }
    } finally {
      await reader.stop(ahead)
    }
  },

  [Symbol.asyncIterator] () {
    return this.iterate()
  },

  /**
   * An object-mode Readable of every record.
   * @param {ListingOptions & { batchSize?: number }} [options]
   */
  readable ({ partition, partitionValues, batchSize = 100 } = {}) {
    return Readable.from(this.iterate({ partition, partitionValues, pageSize: batchSize }), { objectMode: true })
  },

  /**
   * An object-mode Writable that inserts every object written to it.
   * @param {{ concurrency?: number }} [options]
   */
  writable ({ concurrency = 10 } = {}) {
    const resource = this
    const inFlight = new Set()
    return new Writable({
      objectMode: true,
      highWaterMark: concurrency,
      write (doc, _enc, done) {
        const insert = resource.insert(doc)
        inFlight.add(insert)
        insert.then(() => inFlight.delete(insert), () => inFlight.delete(insert))
        if (inFlight.size < concurrency) {
          insert.catch((err) => this.destroy(err))
          done()
        } else {
          insert.then(() => done(), done)
        }
      },
      final (done) {
        Promise.all(inFlight).then(() => done(), done)
      }
    })
  }
}
