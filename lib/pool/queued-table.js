// @ts-check
'use strict'
// Queued tasks by id. Ids grow by one per submitted task and most tasks leave in about the
// order they came, so an array indexed by `id - base` (a deque) beats a Map: no hashing, no
// rehash on growth. Tasks started at once leave holes that the head skips. If a few old tasks
// stay queued for long (low priority under steady load), they move to a Map so the array does
// not grow with everything submitted after them.

class QueuedTable {
  constructor () {
    this.base = 0
    this.slots = []
    this.head = 0
    this.live = 0
    this.stragglers = new Map()
  }

  get size () { return this.live }

  set (id, task) {
    if (this.slots.length === 0 && this.head === 0) this.base = id
    const index = id - this.base
    if (index < this.slots.length) {
      this.stragglers.set(id, task) // not newer than everything: keep it aside
    } else {
      while (this.slots.length < index) this.slots.push(undefined)
      this.slots.push(task)
    }
    this.live++
    const span = this.slots.length - this.head
    if (span > 4096 && span > 4 * this.live) this._evacuate()
  }

  /** Removes and returns the task, or undefined. */
  take (id) {
    const index = id - this.base
    let task
    if (index < 0 || index >= this.slots.length) {
      task = this.stragglers.get(id)
      if (task !== undefined) this.stragglers.delete(id)
    } else {
      task = this.slots[index]
      if (task !== undefined) {
        this.slots[index] = undefined
        if (index === this.head) this._trim()
      } else {
        task = this.stragglers.get(id)
        if (task !== undefined) this.stragglers.delete(id)
      }
    }
    if (task !== undefined) this.live--
    return task
  }

  takeAll () {
    const all = [...this.stragglers.values()]
    for (let i = this.head; i < this.slots.length; i++) if (this.slots[i] !== undefined) all.push(this.slots[i])
    this.clear()
    return all
  }

  clear () {
    this.slots = []
    this.head = 0
    this.live = 0
    this.stragglers.clear()
  }

  _trim () {
    const slots = this.slots
    let head = this.head
    while (head < slots.length && slots[head] === undefined) head++
    if (head === slots.length) {
      this.base += head
      this.slots = []
      this.head = 0
    } else if (head > 1024 && head * 2 > slots.length) {
      this.slots = slots.slice(head)
      this.base += head
      this.head = 0
    } else {
      this.head = head
    }
  }

  /** Moves the live entries to the Map and starts the array afresh. */
  _evacuate () {
    for (let i = this.head; i < this.slots.length; i++) {
      const task = this.slots[i]
      if (task !== undefined) this.stragglers.set(this.base + i, task)
    }
    this.base += this.slots.length
    this.slots = []
    this.head = 0
  }
}

module.exports = { QueuedTable }
