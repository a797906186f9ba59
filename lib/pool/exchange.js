// @ts-check
'use strict'
// Batches what JS tells the native scheduler. Submissions and completions are buffered and
// sent in one native call per microtask wave (`exchange`), which answers which tasks start
// now, which wait, and which queued tasks got the freed slots. One call per wave instead of
// two per task: a native call costs about as much as running a trivial task.

const INITIAL = 256

function grow (array, need) {
  const bigger = new Float64Array(Math.max(need, array.length * 2))
  bigger.set(array)
  return bigger
}

class Exchange {
  /**
   * @param native   the NativeOperationsPool
   * @param apply    (tasks, submitted, granted, state) => void, with plain arrays of numbers
   * @param fifo     true: every task is submitted at priority 0 (first in, first out)
   */
  constructor (native, apply, fifo = false) {
    this.native = native
    this.apply = apply
    this.fifo = fifo
    this.tasks = []
    this.priorities = new Float64Array(INITIAL)
    this.done = new Float64Array(INITIAL)
    this.doneCount = 0
    this.out = new Float64Array(INITIAL * 2)
    this.scheduled = false
    this.flushBound = () => this.flush()
  }

  get pending () { return this.tasks.length + this.doneCount }

  submit (task) {
    const n = this.tasks.length
    if (n === this.priorities.length) this.priorities = grow(this.priorities, n + 1)
    this.priorities[n] = this.fifo ? 0 : task.priority
    this.tasks.push(task)
    if (!this.scheduled) this._schedule()
  }

  /** `id` finished; `ok` false for a failure. */
  complete (id, ok) {
    const n = this.doneCount
    if (n === this.done.length) this.done = grow(this.done, n + 1)
    this.done[n] = ok ? id : -id
    this.doneCount = n + 1
    if (!this.scheduled) this._schedule()
  }

  _schedule () {
    this.scheduled = true
    queueMicrotask(this.flushBound)
  }

  /** Sends everything buffered now (also before any read of native state). */
  flush () {
    this.scheduled = false
    const tasks = this.tasks
    const submitted = tasks.length
    const completed = this.doneCount
    if (submitted === 0 && completed === 0) return
    const need = submitted + completed
    if (this.out.length < need) this.out = grow(this.out, need)
    const out = this.out
    this.tasks = []
    this.doneCount = 0
    const r = this.native.exchange(
      this.done.subarray(0, completed),
      this.priorities.subarray(0, submitted),
      out.subarray(0, need)
    )
    const granted = Math.floor(r / 4)
    // Copy the answers out before any task runs: a task may flush again (and reuse `out`).
    const submittedIds = Array.from(out.subarray(0, submitted))
    const grantedIds = Array.from(out.subarray(submitted, submitted + granted))
    this.apply(tasks, submittedIds, grantedIds, r - granted * 4)
  }
}

module.exports = { Exchange, STATE_BUSY: 0, STATE_IDLE: 1, STATE_QUIET: 2 }
