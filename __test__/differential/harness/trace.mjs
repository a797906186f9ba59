// What one run of a scenario observed, in the order it was observed: the outcome of each step
// (returned value or thrown error), the events each watched emitter sent, what hooks and
// middlewares saw, and the stored objects. `finish()` gives the normalised, comparable trace.
import { setImmediate as tick, setTimeout as sleep } from 'node:timers/promises'
import { Normaliser } from './normalise.mjs'
import { errorShape, toPlain } from './plain.mjs'
import { describeObjects } from './objects.mjs'
import { baseOptions } from './libraries.mjs'

// Every event name either library's Resource or Database emits (19.5.10 names, the 16.x names
// and s3db-native's additions), so an event only one side sends shows up as a difference.
export const RESOURCE_EVENTS = [
  'inserted', 'updated', 'deleted', 'fetched', 'fetched-many', 'inserted-many', 'deleted-many', 'deleted-all',
  'deleted-all-data', 'list', 'listed-ids', 'paginated', 'partition-fetched', 'count', 'content-set', 'content-fetched',
  'content-deleted', 'exceedsLimit', 'truncate', 'overflow', 'error', 'partitionIndexError', 'partitionIndexWarning',
  'hookError', 'versionUpdated', 'orphanedPartitionsRemoved',
  'insert', 'update', 'delete', 'get', 'getMany', 'insertMany', 'deleteMany', 'deleteAll', 'listIds', 'getAll', 'page',
  'query', 'exists', 'content', 'setContent', 'deleteContent', 'getFromPartition', 'progress'
]
export const DATABASE_EVENTS = [
  'db:connected', 'db:disconnected', 'connected', 'disconnected', 'db:metadata-uploaded', 'metadataUploaded',
  'db:resource-created', 'resourceCreated', 's3db.resourceCreated', 'db:resource-updated', 'resourceUpdated',
  'db:resource-definitions-changed', 'resourceDefinitionsChanged', 'db:metadata-healed', 'hookError', 'versionUpdated',
  'db:plugin:uninstalled'
]

// A step that never settles is recorded as such instead of stalling the whole run.
const STEP_TIMEOUT_MS = 20000
class StepTimeout extends Error {
  constructor (label) {
    super(`step ${label} did not settle within ${STEP_TIMEOUT_MS} ms`)
    this.name = 'StepTimeout'
  }
}

export class Trace {
  constructor (lib, backend, { masks = [], fixedIds = [] } = {}) {
    this.lib = lib
    this.mod = lib.mod
    this.backend = backend
    this.normaliser = new Normaliser({ masks, fixedIds })
    this.steps = {}
    this.events = {}
    this.logs = {}
    this.store = {}
    this.dbs = []
    this.eventCount = 0
  }

  /** A Database on `place` (a fresh one unless given), connected, disconnected by finish(). */
  async open (options = {}, place) {
    this.place = place ?? this.place ?? await this.backend.place(this.lib.name)
    if (!this.normaliser.literals.some(([l]) => l === this.place.bucket)) this.normaliser.literals.push([this.place.bucket, '<bucket>'])
    const db = new this.mod.S3db({ ...baseOptions, ...this.backend.options(this.lib), connectionString: this.place.connectionString, ...options })
    this.dbs.push(db)
    return db
  }

  async connect (options = {}, place) {
    const db = await this.open(options, place)
    await db.connect()
    return db
  }

  #claim (table, label) {
    if (Object.prototype.hasOwnProperty.call(table, label)) throw new Error(`scenario bug: label ${label} used twice`)
  }

  /**
   * Runs one operation and records its outcome; returns the value (undefined if it threw).
   * `concurrent`: the operation works on its items in parallel on both libraries, so the order
   * of the events it sends is not part of the contract; they are compared sorted.
   */
  async step (label, fn, { concurrent = false } = {}) {
    this.#claim(this.steps, label)
    this.steps[label] = { pending: true }
    this.current = label
    let timer
    try {
      const value = await Promise.race([fn(), new Promise((resolve, reject) => {
        timer = setTimeout(() => reject(new StepTimeout(label)), STEP_TIMEOUT_MS)
      })])
      this.steps[label] = { value: toPlain(value) }
      await this.settle()
      return value
    } catch (err) {
      this.steps[label] = { error: errorShape(err) }
      await this.settle()
      return undefined
    } finally {
      clearTimeout(timer)
      if (concurrent) this.#sortEventsOf(label)
      this.current = undefined
    }
  }

  #sortEventsOf (label) {
    for (const table of Object.values(this.events)) {
      for (const list of Object.values(table[label] ?? {})) {
        list.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))
      }
    }
  }

  /** Records a value the scenario computed (a read-back, a flag). */
  note (label, value) {
    this.#claim(this.steps, label)
    this.steps[label] = { value: toPlain(value) }
  }

  /** Records what `fn` computes from reads of its own as a step (e.g. a projection of a record). */
  async read (label, fn) {
    return this.step(label, fn)
  }

  /** Appends to a named log (what a hook or middleware received, in call order). */
  log (channel, value) {
    ;(this.logs[channel] ??= []).push(toPlain(value))
  }

  /**
   * Records every event of `names` that `emitter` sends, under the step that was running (so
   * an extra or missing event shows up in that step only), grouped by event name, in order.
   */
  listen (label, emitter, names) {
    const table = (this.events[label] ??= {})
    for (const name of names) {
      emitter.on(name, (...args) => {
        this.eventCount++
        const during = ((table[this.current ?? '<between steps>']) ??= {})
        ;(during[name] ??= []).push(toPlain(args.length === 1 ? args[0] : args))
      })
    }
  }

  /**
   * Lets events emitted after an operation resolved (setImmediate, microtasks) arrive. On a real
   * server an event can also follow a request that was still under way when the operation
   * resolved: there, settling waits until no event has arrived for the backend's `quietMs`.
   */
  async settle () {
    for (let i = 0; i < 3; i++) await tick()
    const quiet = this.backend.quietMs ?? 0
    if (!quiet) return
    for (let waited = 0; waited < 2000; waited += quiet) {
      const seen = this.eventCount
      await sleep(quiet)
      if (seen === this.eventCount) return
    }
  }

  /** Records the stored objects under the database's prefix now. */
  async snapshot (label, db) {
    this.#claim(this.store, label)
    await this.settle()
    this.store[label] = describeObjects(await this.place.dump(db))
  }

  async finish () {
    await this.settle()
    for (const db of this.dbs.reverse()) {
      try { await db.disconnect() } catch {}
    }
    const n = this.normaliser
    const raw = { steps: this.steps, logs: this.logs, events: this.events, store: this.store }
    n.registerIds(raw.steps)
    n.registerIds(raw.logs)
    n.registerIds(raw.events)
    return n.value(raw)
  }
}

/** A scenario: a name and a function of (lib, backend) that returns the normalised trace. */
export function scenario (name, options, body) {
  if (typeof options === 'function') [options, body] = [{}, options]
  return {
    name,
    async run (lib, backend) {
      const t = new Trace(lib, backend, options)
      try {
        await body(t, t.mod)
      } catch (err) {
        // A scenario must not die halfway on one library only: record where it stopped.
        t.steps['<scenario aborted>'] = { error: errorShape(err) }
      }
      return t.finish()
    }
  }
}
