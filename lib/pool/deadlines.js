// @ts-check
'use strict'
// Per-attempt timeouts with one timer for the whole pool instead of one per task.
//
// Attempts with the same timeout start in time order, so their deadlines are in order too: one
// FIFO lane per timeout value, and the earliest deadline is always at the head of some lane.
// Finished attempts are not removed one by one (that would cost a search); they are skipped
// when they reach the head, and a lane is compacted when dead entries outnumber live ones.

const { performance } = require('node:perf_hooks')

class Lane {
  constructor () {
    this.tasks = []
    this.attempts = []
    this.dues = []
    this.head = 0
    // Compact when the lane grows past this; doubles after each compaction (amortized O(1)).
    this.compactAt = 64
  }

  get size () { return this.tasks.length - this.head }
}

class Deadlines {
  /** @param {(task: object, attempt: number) => void} onExpire */
  constructor (onExpire) {
    this.onExpire = onExpire
    this.lanes = new Map()
    this.timer = null
    this.armedFor = Infinity
    this.fire = () => this._fire()
    // Most tasks share one timeout: remember its lane.
    this.lastTimeout = -1
    this.lastLane = undefined
  }

  /** Watches attempt `attempt` of `task` (which has `attempt`, `settled`, `timeout`). */
  add (task, attempt, now = performance.now()) {
    const timeout = task.timeout
    let lane = timeout === this.lastTimeout ? this.lastLane : this.lanes.get(timeout)
    if (lane === undefined) {
      lane = new Lane()
      this.lanes.set(timeout, lane)
    }
    this.lastTimeout = timeout
    this.lastLane = lane
    this._trim(lane)
    const due = now + timeout
    lane.tasks.push(task)
    lane.attempts.push(attempt)
    lane.dues.push(due)
    if (lane.size > lane.compactAt) {
      this._compact(lane)
      lane.compactAt = Math.max(64, 2 * lane.size)
    }
    if (due < this.armedFor) this._arm(due, now)
  }

  /** Forgets everything (nothing runs any more). */
  clear () {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
    this.armedFor = Infinity
    this.lanes.clear()
    this.lastTimeout = -1
    this.lastLane = undefined
  }

  _dead (lane, i) {
    const task = lane.tasks[i]
    return task.settled || task.attempt !== lane.attempts[i] || task.waiting
  }

  _trim (lane) {
    while (lane.head < lane.tasks.length && this._dead(lane, lane.head)) {
      lane.tasks[lane.head] = undefined
      lane.head++
    }
    if (lane.head > 1024 && lane.head * 2 > lane.tasks.length) this._compact(lane)
  }

  _compact (lane) {
    const tasks = []
    const attempts = []
    const dues = []
    for (let i = lane.head; i < lane.tasks.length; i++) {
      if (this._dead(lane, i)) continue
      tasks.push(lane.tasks[i])
      attempts.push(lane.attempts[i])
      dues.push(lane.dues[i])
    }
    lane.tasks = tasks
    lane.attempts = attempts
    lane.dues = dues
    lane.head = 0
  }

  _arm (due, now) {
    if (this.timer !== null) clearTimeout(this.timer)
    this.armedFor = due
    this.timer = setTimeout(this.fire, Math.max(0, Math.ceil(due - now)))
  }

  _fire () {
    this.timer = null
    this.armedFor = Infinity
    const now = performance.now()
    const expired = []
    let next = Infinity
    for (const [timeout, lane] of this.lanes) {
      this._trim(lane)
      while (lane.head < lane.tasks.length && lane.dues[lane.head] <= now + 0.5) {
        const i = lane.head
        if (!this._dead(lane, i)) expired.push(lane.tasks[i], lane.attempts[i])
        lane.tasks[i] = undefined
        lane.head++
        this._trim(lane)
      }
      if (lane.head < lane.tasks.length) {
        next = Math.min(next, lane.dues[lane.head])
      } else {
        this.lanes.delete(timeout)
        if (this.lastLane === lane) this.lastTimeout = -1
      }
    }
    if (next !== Infinity) this._arm(next, now)
    for (let i = 0; i < expired.length; i += 2) this.onExpire(expired[i], expired[i + 1])
  }
}

module.exports = { Deadlines }
