// @ts-check
'use strict'
// Database plugins: registration, install and start, uninstall. At connect every pending plugin
// is installed before any is started, as in s3db.js, and each install and start is followed by
// a `db:plugin:metrics` event (only built when someone listens).

const { DatabaseError } = require('./errors')
const { emitWithMemorySnapshot } = require('./memory-snapshot')
const { databaseLogger, normalizeLevel } = require('./logger')
const { CronManager } = require('./plugins-surface/cron-manager')
const { GlobalCoordinatorService } = require('./coordinator/global-coordinator')

/**
 * What usePlugin() accepts: an object (a Plugin instance or any object) with install(database).
 * s3db.js 19.5.10 fails the same calls with a TypeError when it reaches them (`plugin.install is
 * not a function`); here they fail at once, connected or not.
 */
function checkPlugin (plugin) {
  if (plugin === null || (typeof plugin !== 'object' && typeof plugin !== 'function')) {
    throw new TypeError(`usePlugin() needs a plugin object with an install(database) method, got ${plugin === null ? 'null' : typeof plugin}`)
  }
  if (typeof plugin.install !== 'function') {
    const label = typeof plugin.name === 'string' ? ` '${plugin.name}'` : ''
    throw new TypeError(`plugin.install is not a function: the plugin${label} given to usePlugin() has no install(database) method (extend Plugin or define install)`)
  }
}

module.exports = {
  /** `logger`, `logLevel`, `cronManager` and the coordinator registry, as s3db.js 19.x sets them up. */
  _setupPluginSurface (options) {
    this.logger = databaseLogger(options)
    this.logLevel = options.logLevel || options.loggerOptions?.level || 'info'
    this._childLoggerLevels = { ...(options.loggerOptions?.childLevels ?? {}) }
    this.cronManager = options.cronManager ?? new CronManager({ logger: this.getChildLogger('CronManager') })
    this._coordinators = new Map()
  },

  getChildLogger (name, bindings = {}) {
    const child = this.logger.child({ name, ...bindings })
    const level = normalizeLevel(this._childLoggerLevels[name])
    if (level) child.level = level
    return child
  },

  /** Level of the child loggers named `name` created from now on. */
  setChildLevel (name, level) {
    this._childLoggerLevels[name] = level
  },

  /** The shared leader election for `namespace` (one per Database), started at once with `autoStart` when connected. */
  async getGlobalCoordinator (namespace, options = {}) {
    if (!namespace) throw new Error('Database.getGlobalCoordinator: namespace is required')
    let service = this._coordinators.get(namespace)
    if (service) return service
    const config = options.config ?? {}
    try {
      service = new GlobalCoordinatorService({
        namespace,
        database: this,
        config: { ...config, diagnosticsEnabled: config.diagnosticsEnabled ?? ['debug', 'trace'].includes(this.logger.level) }
      })
      if (options.autoStart && this.isConnected()) await service.start()
    } catch (err) {
      throw new DatabaseError('Failed to initialize global coordinator service', { operation: 'getGlobalCoordinator', namespace, cause: err?.message })
    }
    this._coordinators.set(namespace, service)
    return service
  },

  /** Stops every coordinator and cron job (at disconnect). */
  async _stopPluginSurface () {
    for (const service of this._coordinators.values()) await service.stop().catch(() => {})
    this._coordinators.clear()
    for (const name of [...this.cronManager.jobs?.keys?.() ?? []]) this.cronManager.stop(name)
  },

  _pluginName (plugin, name) {
    return name ?? (plugin.constructor?.name ?? 'plugin').replace(/Plugin$/, '').toLowerCase()
  },

  /** The name given to usePlugin() before connect, else the one derived from the class. */
  _pendingPluginName (plugin) {
    return Object.keys(this.plugins).find((name) => this.plugins[name] === plugin) ?? this._pluginName(plugin)
  },

  _registerPlugin (plugin, name) {
    plugin.setInstanceName?.(name)
    plugin.instanceName = plugin.instanceName ?? name
    this.plugins[name] = plugin
  },

  async _installPlugin (plugin, name) {
    this._registerPlugin(plugin, name)
    await plugin.install(this)
    this._installedPlugins.add(plugin)
    await plugin.start?.()
  },

  /** Installs, then starts, the plugins of `plugins` and usePlugin() not installed yet. */
  async startPlugins () {
    const pending = []
    for (const entry of this.pluginList) {
      let plugin
      try {
        plugin = typeof entry === 'function' ? new entry(this) : entry
      } catch (error) {
        throw new DatabaseError(`Failed to instantiate plugin: ${error.message}`, { original: error })
      }
      if (!this._installedPlugins.has(plugin)) pending.push({ plugin, name: this._pendingPluginName(plugin) })
    }
    for (const { plugin, name } of pending) {
      this._registerPlugin(plugin, name)
      try {
        await plugin.install(this)
      } catch (error) {
        throw new DatabaseError(`Failed to install plugin '${name}': ${error.message}`, { original: error, pluginName: name })
      }
      this._installedPlugins.add(plugin)
      emitWithMemorySnapshot(this, 'db:plugin:metrics', { stage: 'install', plugin: name })
    }
    for (const { plugin, name } of pending) {
      try {
        await plugin.start?.()
      } catch (error) {
        throw new DatabaseError(`Failed to start plugin '${name}': ${error.message}`, { original: error, pluginName: name })
      }
      emitWithMemorySnapshot(this, 'db:plugin:metrics', { stage: 'start', plugin: name })
    }
  },

  /** Registers a plugin; it is installed now if connected, otherwise at connect(). */
  async usePlugin (plugin, name) {
    checkPlugin(plugin)
    const pluginName = this._pluginName(plugin, name)
    // s3db.js hands its managers and a child logger to plugins added with usePlugin().
    if (!plugin.cronManager) plugin.cronManager = this.cronManager
    if (!plugin.logger) plugin.logger = this.getChildLogger(`Plugin:${pluginName}`, { plugin: pluginName })
    if (this.isConnected()) {
      await this._installPlugin(plugin, pluginName)
    } else {
      this._registerPlugin(plugin, pluginName)
      this.pluginList.push(plugin)
    }
    return plugin
  },

  async uninstallPlugin (name, options = {}) {
    const plugin = this.plugins[name]
    if (!plugin) throw new DatabaseError(`Plugin '${name}' not found`, { pluginName: name })
    await plugin.stop?.()
    await plugin.uninstall?.(options)
    delete this.plugins[name]
    this._installedPlugins.delete(plugin)
    this.pluginList = this.pluginList.filter((p) => p !== plugin)
    this.emit('db:plugin:uninstalled', { name, plugin })
  }
}
