// @ts-check
'use strict'
// Writing many records: insertMany, deleteMany, deleteAll, deleteAllData. Each is one call into
// the core. While someone listens to `progress` and the batch is longer than a page, the work
// is split so progress can be reported between the parts (lib/progress.js); the requests sent
// stay the same.

const { fromErrorRecord, ResourceError, ValidationError, NoSuchKey } = require('./errors')
const { unsafeSegmentError } = require('./key-segments')
const { revive, checkArray } = require('./records')
const { listensToProgress, progressReporter, chunkSize, chunksOf } = require('./progress')
const native = require('./native')

// The core deletes in requests of 1,000 keys: parts of that size keep the request count.
const DELETE_BATCH = 1000

// Records per insertMany call into the core: the answer of one call is one JSON string, and a
// million records' answer is longer than the longest string V8 can hold.
const CORE_BATCH = 10000

/** @typedef {ReturnType<typeof progressReporter>} Progress */

/** The error s3db.js's delete throws for an id it cannot use, or null. */
function invalidIdError (id) {
  if (id === undefined || id === null || String(id).trim() === '') {
    return new ValidationError('Resource id cannot be empty', { field: 'id', statusCode: 400, retriable: false, suggestion: 'Provide the target id when calling delete().' })
  }
  if (typeof id !== 'string') return new ValidationError('Resource id must be a string', { field: 'id', statusCode: 400, retriable: false })
  return unsafeSegmentError(id, 'id')
}

module.exports = {
  /**
   * Inserts many objects; failures are reported (`error` events) and left out. Without hooks,
   * middlewares or a replaced `insert`, the whole batch is one call into the core.
   */
  async insertMany (objects = []) {
    checkArray(objects, 'insertMany', 'objects')
    const hooked = ['beforeInsert', 'afterInsert', 'beforeGet', 'afterGet'].some((event) => this._hasHooks(event))
    const direct = !this._replaced('insert') && !this.idGenerator && !hooked
    const progress = progressReporter(this, 'insertMany', objects.length)
    const outcomes = direct ? await this._insertBatch(objects, progress) : await this._insertEach(objects, progress)
    const inserted = []
    outcomes.forEach((outcome, index) => {
      if (outcome.record) {
        inserted.push(outcome.record)
        return
      }
      if (this.listenerCount('error') > 0) this.emit('error', outcome.error, objects[index])
      if (this.database?.listenerCount('error') > 0) this.database.emit('error', this.name, outcome.error, objects[index])
    })
    // 19.5.10 counts the objects it was given, failed ones included.
    this._emitEvent('inserted-many', objects.length)
    return inserted
  },

  /**
   * One call into the core, or one per chunk when progress is reported.
   * @param {any[]} objects
   * @param {Progress} [progress]
   */
  async _insertBatch (objects, progress = null) {
    if (progress === null && objects.length <= CORE_BATCH) return this._insertChunk(objects)
    const outcomes = []
    const size = progress === null ? CORE_BATCH : Math.min(CORE_BATCH, chunkSize(objects.length))
    for (const chunk of chunksOf(objects, size)) {
      for (const outcome of await this._insertChunk(chunk)) outcomes.push(outcome)
      progress?.advance(chunk.length)
    }
    return outcomes
  },

  async _insertChunk (objects) {
    const results = JSON.parse(await this._call('insertMany', JSON.stringify(objects)))
    return results.map((out) => {
      if (out.error) {
        return { error: fromErrorRecord(out.error, { bucket: this.client.bucket, resourceName: this.name }) }
      }
      this._reportWrite(out, 'insert')
      const record = revive(out.record, this._bytePaths)
      // As `insert`: 19.5.10 reads each record back (`fetched`) before `inserted`.
      this._emitFetched(record)
      this._emitEvent('inserted', record)
      this._emitEvent(`inserted:${record.id}`, record)
      return { record }
    })
  },

  /**
   * @param {any[]} objects
   * @param {Progress} [progress]
   */
  async _insertEach (objects, progress = null) {
    const outcomes = new Array(objects.length)
    let next = 0
    // A window a little wider than the pool keeps it busy without holding every document at once.
    const workers = Array.from({ length: Math.min(objects.length, (this.client.parallelism ?? 10) * 2) }, async () => {
      while (next < objects.length) {
        const index = next++
        try {
          outcomes[index] = { record: await this.insert(objects[index]) }
        } catch (error) {
          outcomes[index] = { error }
        }
        progress?.advance(1)
      }
    })
    await Promise.all(workers)
    return outcomes
  },

  /**
   * Deletes records by id with their partition references; returns s3db.js's
   * `{ deleted, errors }` counts. A missing or unsafe id is an error (an `error` event with the
   * id), not a rejection. When something needs each record (delete hooks, `deleted` listeners,
   * a replaced or wrapped `delete`), every id goes through `this.delete`, as in s3db.js;
   * otherwise the core deletes in requests of 1,000 keys.
   */
  async deleteMany (ids = []) {
    checkArray(ids, 'deleteMany', 'ids')
    await this.executeHooks('beforeDeleteMany', { ids })
    const progress = progressReporter(this, 'deleteMany', ids.length)
    const failures = []
    let deleted
    if (this._deletesOneByOne()) {
      deleted = await this._deleteEach(ids, failures, progress)
    } else {
      const safe = []
      for (const id of ids) {
        const error = invalidIdError(id)
        if (error) failures.push({ id, error })
        else safe.push(id)
      }
      deleted = await this._deleteBatch(safe, failures, progress)
      if (safe.length < ids.length) progress?.advance(ids.length - safe.length)
    }
    for (const { id, error } of failures) {
      if (this.listenerCount('error') > 0) this.emit('error', error, id)
      if (this.database?.listenerCount('error') > 0) this.database.emit('error', this.name, error, id)
    }
    this._emitEvent('deleted-many', ids.length)
    const result = { deleted, errors: failures.length }
    await this.executeHooks('afterDeleteMany', { ids, ...result })
    return result
  },

  /** Whether each deletion must run through `delete` (its hooks, events or a plugin's wrapper). */
  _deletesOneByOne () {
    if (this._replaced('delete') || this._hasHooks('beforeDelete') || this._hasHooks('afterDelete')) return true
    // 19.5.10 reads each record with get(), so its get hooks run too.
    if (this._hasHooks('beforeGet') || this._hasHooks('afterGet')) return true
    if (this.eventsDisabled) return false
    // `fetched` too: 19.5.10 reads each record before deleting it.
    return this.eventNames().some((event) => typeof event === 'string' && (event === 'deleted' || event.startsWith('deleted:') || event === 'fetched' || event.startsWith('fetched:')))
  },

  /**
   * @param {any[]} ids
   * @param {{ id: any, error: any }[]} failures
   * @param {Progress} [progress]
   */
  async _deleteEach (ids, failures, progress = null) {
    let deleted = 0
    let next = 0
    const workers = Array.from({ length: Math.min(ids.length, (this.client.parallelism ?? 10) * 2) }, async () => {
      while (next < ids.length) {
        const id = ids[next++]
        try {
          await this.delete(id)
          deleted++
        } catch (error) {
          failures.push({ id, error })
        }
        progress?.advance(1)
      }
    })
    await Promise.all(workers)
    return deleted
  },

  /**
   * One call into the core, or one per 1,000 ids when progress is reported.
   * @param {string[]} ids
   * @param {{ id: any, error: any }[]} failures
   * @param {Progress} [progress]
   */
  async _deleteBatch (ids, failures, progress = null) {
    const chunks = progress === null ? [ids] : chunksOf(ids, DELETE_BATCH)
    const reports = await Promise.all(chunks.map(async (chunk) => {
      const report = chunk.length === 0 ? null : JSON.parse(await this._call('deleteMany', chunk))
      progress?.advance(chunk.length)
      return report
    }))
    let deleted = 0
    for (const report of reports) {
      if (report === null) continue
      deleted += report.deleted.length
      for (const id of report.missing) failures.push({ id, error: this._missingRecord(id) })
      for (const { id, error } of report.failed) {
        failures.push({ id, error: fromErrorRecord(error, { resourceName: this.name, id }) })
      }
      for (const failure of report.partitionFailures) {
        const { key, error } = failure
        this._emitEvent('partitionIndexError', { operation: 'delete', id: native.idOfKey(key), error: fromErrorRecord(error), message: error.message, key })
      }
    }
    return deleted
  },

  /** The NoSuchKey a read of a missing record throws. */
  _missingRecord (id) {
    const key = native.joinKeyPrefix(this.client.keyPrefix ?? '', this.getResourceKey(id))
    return new NoSuchKey({ bucket: this.client.bucket, key, resourceName: this.name, id, code: 'NoSuchKey', statusCode: 404, retriable: false })
  },

  async deleteAll () {
    if (this.config.paranoid) {
      throw new ResourceError('deleteAll() is a dangerous operation and requires paranoid: false option.', {
        resourceName: this.name, operation: 'deleteAll', paranoid: this.config.paranoid, suggestion: 'Set paranoid: false to allow deleteAll.'
      })
    }
    const deletedCount = await this._deleteAllOf(false, 'deleteAll', 'deleteAllRecords')
    this._emitEvent('deleted-all', { version: this.version, prefix: this._askCore('recordsPrefix'), deletedCount })
    return { deletedCount, version: this.version }
  },

  async deleteAllData () {
    if (this.config.paranoid) {
      throw new ResourceError('deleteAllData() is a dangerous operation and requires paranoid: false option.', {
        resourceName: this.name, operation: 'deleteAllData', paranoid: this.config.paranoid, suggestion: 'Set paranoid: false to allow deleteAllData.'
      })
    }
    const deletedCount = await this._deleteAllOf(true, 'deleteAllData', 'deleteAllData')
    this._emitEvent('deleted-all-data', { resource: this.name, prefix: this._askCore('resourcePrefix'), deletedCount })
    return { deletedCount, resource: this.name }
  },

  /**
   * Deletes the resource's records (`allData` false) or every object of it (true) with one call
   * to the core's `coreMethod`. With a progress listener, lists the keys first and deletes them
   * 1,000 per request, reporting after each: the requests the core would make, but holding
   * every key. A closing core call deletes what appeared meanwhile or failed, and throws if it
   * still cannot.
   * @param {boolean} allData
   * @param {string} operation
   * @param {string} coreMethod
   * @returns {Promise<number>}
   */
  async _deleteAllOf (allData, operation, coreMethod) {
    if (!listensToProgress(this)) return this._call(coreMethod)
    /** @type {string[]} */
    const keys = await this._callCommand('ListObjectsV2Command', 'scopeKeys', allData)
    const progress = progressReporter(this, operation, keys.length)
    let deleted = 0
    for (const chunk of chunksOf(keys, DELETE_BATCH)) {
      /** @type {import('../binding').DeleteObjectsResult} */
      const report = await this._callCommand('DeleteObjectsCommand', 'deleteKeys', chunk)
      for (const batch of report.deleted) deleted += batch.deleted.length
      if (report.failed.length > 0 || report.deleted.some((batch) => batch.errors.length > 0)) break
      progress?.advance(chunk.length)
    }
    return deleted + await this._call(coreMethod)
  }
}
