// @ts-check
'use strict'
// `Plugin`: the base class of s3db.js plugins. Concrete plugins are out of scope; this is the
// contract they rely on (lifecycle, hooks, method wrapping, middlewares).

const { EventEmitter } = require('node:events')
const { PluginError } = require('./errors')

function slugOf (name) {
  return name.replace(/Plugin$/, '').replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase() || 'plugin'
}

class Plugin extends EventEmitter {
  constructor (options = {}) {
    super()
    this.name = this.constructor.name
    this.options = options
    this.slug = options.slug ?? slugOf(this.name)
    this.namespace = options.namespace ?? null
    this.instanceName = null
    this.database = null
    this.hooks = new Map()
  }

  setInstanceName (name) {
    this.instanceName = name
  }

  async install (database) {
    this.database = database
    // beforeInstall / afterInstall are optional hooks of subclasses: the base class has neither.
    const hooks = /** @type {any} */ (this)
    await hooks.beforeInstall?.()
    await this.onInstall()
    await hooks.afterInstall?.()
    this.emit('plugin.installed', { plugin: this.name })
  }

  async start () {
    await this.onStart()
    this.emit('plugin.started', { plugin: this.name })
  }

  async stop () {
    await this.onStop()
    this.emit('plugin.stopped', { plugin: this.name })
    this.removeAllListeners()
  }

  async uninstall (options = {}) {
    // A subclass's onUninstall takes the options; the base class's takes none.
    await /** @type {any} */ (this).onUninstall(options)
  }

  async onInstall () {}
  async onStart () {}
  async onStop () {}
  async onUninstall () {}

  addHook (resource, event, fn) {
    resource.addHook(event, fn)
    const key = `${resource.name}.${event}`
    if (!this.hooks.has(key)) this.hooks.set(key, [])
    this.hooks.get(key).push(fn)
  }

  removeHook (resource, event, fn) {
    const list = resource.hooks[event]
    if (!list) return
    const index = list.findIndex((h) => h === fn || h.name === `bound ${fn.name}`)
    if (index >= 0) list.splice(index, 1)
  }

  /** Replaces `resource[method]` so `wrapper(result, args, method)` sees every result. */
  /**
   * As in s3db.js: wrappers in `resource._pluginWrappers`, run in the order added, the original
   * kept as `_wrapped_<method>`.
   */
  wrapResourceMethod (resource, method, wrapper) {
    if (!resource._pluginWrappers) resource._pluginWrappers = new Map()
    if (!resource._pluginWrappers.has(method)) resource._pluginWrappers.set(method, [])
    resource._pluginWrappers.get(method).push(wrapper)
    const key = `_wrapped_${method}`
    if (resource[key]) return
    resource[key] = resource[method]
    resource[method] = async function (...args) {
      let result = await resource[key].call(this, ...args)
      for (const fn of resource._pluginWrappers.get(method)) result = await fn.call(this, result, args, method)
      return result
    }
  }

  /**
   * `middleware(next, ...args)` runs around `resource[method]`; middlewares of one method form
   * one chain that runs in the order they were added (the first added sees the call first).
   */
  addMiddleware (resource, method, middleware) {
    if (typeof resource[method] !== 'function') {
      throw new PluginError(`Cannot add middleware to "${method}"`, { pluginName: this.name, operation: 'addMiddleware', statusCode: 400, retriable: false, suggestion: 'Ensure the resource exposes the method before registering middleware.', resourceName: resource.name || 'unknown', methodName: method })
    }
    if (!resource._pluginMiddlewares) resource._pluginMiddlewares = {}
    if (!resource._pluginMiddlewares[method]) {
      const chain = []
      resource._pluginMiddlewares[method] = chain
      const original = resource[method].bind(resource)
      resource[method] = async function (...args) {
        let index = -1
        let current = args // a middleware that calls next() without arguments passes the last ones on
        const next = async (...nextArgs) => {
          index++
          if (nextArgs.length) current = nextArgs
          if (index < chain.length) return chain[index].call(this, next, ...current)
          return original(...current)
        }
        return next(...args)
      }
    }
    resource._pluginMiddlewares[method].push(middleware)
  }

  getNestedFieldValue (data, path) {
    return path.split('.').reduce((node, part) => (node == null ? undefined : node[part]), data)
  }

  getPartitionValues (data, resource) {
    const out = {}
    for (const [name, def] of Object.entries(resource.config.partitions ?? {})) {
      out[name] = {}
      for (const field of Object.keys(def.fields ?? {})) out[name][field] = this.getNestedFieldValue(data, field)
    }
    return out
  }
}

module.exports = { Plugin }
