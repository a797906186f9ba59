// @ts-check
'use strict'
// Resource hooks and middlewares with s3db.js semantics: hooks run in order, each awaited, and
// a hook's return value replaces the data (a hook returning undefined leaves it unchanged).

const { ResourceError } = require('./errors')

const HOOK_EVENTS = ['Insert', 'Update', 'Delete', 'Get', 'List', 'Query', 'Exists', 'Count', 'Patch', 'Replace', 'GetMany', 'DeleteMany']
  .flatMap((op) => [`before${op}`, `after${op}`])

const MIDDLEWARE_METHODS = ['get', 'list', 'listIds', 'getAll', 'count', 'page', 'insert', 'update', 'delete', 'deleteMany', 'exists', 'getMany', 'content', 'hasContent', 'query', 'getFromPartition', 'setContent', 'deleteContent', 'replace']

// 19.5.10 lists the events in two orders: its config validator's (HOOK_EVENTS, in the error
// message) and its hook store's (patch and replace before exists), which `resource.hooks` shows.
const HOOK_STORE_ORDER = ['Insert', 'Update', 'Delete', 'Get', 'List', 'Query', 'Patch', 'Replace', 'Exists', 'Count',
  'GetMany', 'DeleteMany'].flatMap((op) => [`before${op}`, `after${op}`])

function emptyHooks () {
  return Object.fromEntries(HOOK_STORE_ORDER.map((event) => [event, []]))
}

const hookMethods = {
  addHook (event, fn) {
    if (!this.hooks[event] || typeof fn !== 'function') return // s3db.js ignores unknown events
    this.hooks[event].push(fn.bind(this))
  },

  async executeHooks (event, data) {
    const hooks = this.hooks[event]
    if (!hooks || hooks.length === 0) return data
    for (const hook of hooks) {
      const result = await hook(data)
      if (result !== undefined) data = result
    }
    return data
  },

  _hasHooks (event) {
    return (this.hooks[event]?.length ?? 0) > 0
  },

  /** Whether a plugin or the app replaced `method` on this instance (fast paths then step aside). */
  _replaced (method) {
    return Object.prototype.hasOwnProperty.call(this, method)
  },

  useMiddleware (method, fn) {
    if (!MIDDLEWARE_METHODS.includes(method)) throw new ResourceError(`No such method for middleware: ${method}`, { resourceName: this.name, method })
    if (typeof fn !== 'function') throw new ResourceError('Middleware must be a function', { resourceName: this.name, method })
    if (!this._middlewares.has(method)) {
      const chain = []
      this._middlewares.set(method, chain)
      const inner = this[method].bind(this)
      this[method] = async (...args) => {
        const ctx = { resource: this, args, method }
        let reached = -1
        const run = async (index) => {
          if (index <= reached) throw new ResourceError('next() called multiple times', { resourceName: this.name, method })
          reached = index
          if (index === chain.length) return inner(...ctx.args)
          return chain[index](ctx, () => run(index + 1))
        }
        return run(0)
      }
    }
    this._middlewares.get(method).push(fn)
  }
}

module.exports = { HOOK_EVENTS, MIDDLEWARE_METHODS, emptyHooks, hookMethods }
