'use strict'
// Writing many records: insertMany, deleteMany, deleteAll, deleteAllData. Each is one call into
// the core. While someone listens to `progress` and the batch is longer than a page, the work
// is split so progress can be reported between the parts (lib/progress.js); the requests sent
// stay the same.

const { fromErrorRecord, ResourceError } = require('./errors')
const { revive } = require('./records')
const { listensToProgress, progressReporter, chunkSize, chunksOf } = require('./progress')
const { coreCall } = require('./foreign-client')

// The core deletes in requests of 1,000 keys: parts of that size keep the request count.
const DELETE_BATCH = 1000

// Ids the core refuses (empty, or holding `/ \ = %`). A batch with one goes to the core whole,
// which rejects it before deleting anything, as it does without a progress listener.
const UNSAFE_ID = /[/\\=%]/
function hasUnsafeId (ids) {
  return ids.some((id) => typeof id !== 'string' || id === '' || UNSAFE_ID.test(id))
}

function sdkDeleteBatches (report) {
  return report.deleted.map((batch) => ({ Deleted: batch.deleted.map((Key) => ({ Key })), Errors: batch.errors.map(([Key, Code, Message]) => ({ Key, Code, Message })) }))
}

module.exports = {
  /**
   * Inserts many objects; failures are reported (`error` events) and left out. Without hooks,
   * middlewares or a replaced `insert`, the whole batch is one call into the core.
   */
  async insertMany (objects = []) {
    const direct = !this._replaced('insert') && !this.idGenerator &&
      !this._hasHooks('beforeInsert') && !this._hasHooks('afterInsert')
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
    this._emitEvent('inserted-many', inserted.length)
    return inserted
  },

  /** One call into the core, or one per chunk when progress is reported. */
  async _insertBatch (objects, progress = null) {
    if (progress === null) return this._insertChunk(objects)
    const outcomes = []
    for (const chunk of chunksOf(objects, chunkSize(objects.length))) {
      for (const outcome of await this._insertChunk(chunk)) outcomes.push(outcome)
      progress.advance(chunk.length)
    }
    return outcomes
  },

  async _insertChunk (objects) {
    const results = JSON.parse(await this._call('insertMany', JSON.stringify(objects)))
    return results.map((out) => {
      if (out.error) return { error: fromErrorRecord(out.error) }
      this._reportWrite(out)
      const record = revive(out.record)
      this._emitEvent('inserted', record)
      this._emitEvent(`inserted:${record.id}`, record)
      return { record }
    })
  },

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

  async deleteMany (ids = []) {
    await this.executeHooks('beforeDeleteMany', { ids })
    const progress = Array.isArray(ids) && !hasUnsafeId(ids) ? progressReporter(this, 'deleteMany', ids.length) : null
    // The core sends its requests of 1,000 keys at once; so do the parts, each reporting when done.
    const reports = progress === null
      ? [await this._call('deleteMany', ids)]
      : await Promise.all(chunksOf(ids, DELETE_BATCH).map(async (chunk) => {
        const report = await this._call('deleteMany', chunk)
        progress.advance(chunk.length)
        return report
      }))
    const results = reports.flatMap(sdkDeleteBatches)
    for (const id of ids) this._emitEvent('deleted', id)
    this._emitEvent('deleted-many', ids.length)
    await this.executeHooks('afterDeleteMany', { ids, results })
    return results
  },

  async deleteAll () {
    if (this.config.paranoid) throw new ResourceError('deleteAll() is a dangerous operation and requires paranoid: false option.', { resourceName: this.name, operation: 'deleteAll' })
    const deletedCount = await this._deleteAllUnder(`resource=${this.name}/data/`, 'deleteAll', 'deleteAllRecords')
    this._emitEvent('deleted-all', { version: this.version, prefix: `resource=${this.name}/data`, deletedCount })
    return { deletedCount, version: this.version }
  },

  async deleteAllData () {
    if (this.config.paranoid) throw new ResourceError('deleteAllData() is a dangerous operation and requires paranoid: false option.', { resourceName: this.name, operation: 'deleteAllData' })
    const deletedCount = await this._deleteAllUnder(`resource=${this.name}/`, 'deleteAllData', 'deleteAllData')
    this._emitEvent('deleted-all-data', { resource: this.name, prefix: `resource=${this.name}`, deletedCount })
    return { deletedCount, resource: this.name }
  },

  /**
   * Deletes every object under `prefix` with one call to the core's `coreMethod`. With a
   * progress listener, lists the keys first and deletes them 1,000 per request, reporting after
   * each: the requests the core would make, but holding every key. A closing core call deletes
   * what appeared meanwhile or failed, and throws if it still cannot.
   */
  async _deleteAllUnder (prefix, operation, coreMethod) {
    if (!listensToProgress(this)) return this._call(coreMethod)
    const keys = await coreCall(this.database, 'ListObjectsV2Command', 'getAllKeys', prefix)
    const progress = progressReporter(this, operation, keys.length)
    let deleted = 0
    for (const chunk of chunksOf(keys, DELETE_BATCH)) {
      const report = await coreCall(this.database, 'DeleteObjectsCommand', 'deleteObjects', chunk)
      for (const batch of report.deleted) deleted += batch.deleted.length
      if (report.failed.length > 0 || report.deleted.some((batch) => batch.errors.length > 0)) break
      progress?.advance(chunk.length)
    }
    return deleted + await this._call(coreMethod)
  }
}
