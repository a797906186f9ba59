// @ts-check
'use strict'
// The two waiting lines of TasksRunner: first-in first-out (the 'light' and 'bare' profiles),
// or highest priority first with arrival order between equals (a binary heap).

class FifoQueue {
  constructor () {
    this.items = []
    this.head = 0
  }

  get length () { return this.items.length - this.head }

  enqueue (task) { this.items.push(task) }

  dequeue () {
    if (this.head === this.items.length) return null
    const task = this.items[this.head]
    this.items[this.head++] = undefined
    if (this.head === this.items.length) {
      this.items = []
      this.head = 0
    } else if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head)
      this.head = 0
    }
    return task
  }

  /** Empties the line, handing each waiting task to `each` first. */
  flush (each) {
    const waiting = this.toArray()
    this.items = []
    this.head = 0
    if (typeof each === 'function') for (const task of waiting) each(task)
  }

  toArray () { return this.items.slice(this.head) }
}

class PriorityQueue {
  constructor () {
    this.heap = [] // { task, priority, order }
    this.counter = 0
  }

  get length () { return this.heap.length }

  enqueue (task) {
    const heap = this.heap
    heap.push({ task, priority: task.priority || 0, order: this.counter++ })
    let i = heap.length - 1
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (!before(heap[i], heap[parent])) break
      swap(heap, i, parent)
      i = parent
    }
  }

  dequeue () {
    const heap = this.heap
    if (heap.length === 0) return null
    const top = heap[0]
    const last = heap.pop()
    if (heap.length > 0) {
      heap[0] = last
      let i = 0
      for (;;) {
        const left = 2 * i + 1
        const right = left + 1
        let best = i
        if (left < heap.length && before(heap[left], heap[best])) best = left
        if (right < heap.length && before(heap[right], heap[best])) best = right
        if (best === i) break
        swap(heap, i, best)
        i = best
      }
    }
    return top.task
  }

  flush (each) {
    const waiting = this.toArray()
    this.heap = []
    if (typeof each === 'function') for (const task of waiting) each(task)
  }

  /** Waiting tasks in heap order (not sorted). */
  toArray () { return this.heap.map((node) => node.task) }
}

function before (a, b) {
  return a.priority === b.priority ? a.order < b.order : a.priority > b.priority
}

function swap (heap, i, j) {
  const t = heap[i]
  heap[i] = heap[j]
  heap[j] = t
}

module.exports = { FifoQueue, PriorityQueue }
