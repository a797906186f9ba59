'use strict'
// Database plugins: registration, install and start, uninstall. At connect every pending plugin
// is installed before any is started, as in s3db.js, and each install and start is followed by
// a `db:plugin:metrics` event (only built when someone listens).

const { DatabaseError } = require('./errors')
const { emitWithMemorySnapshot } = require('./memory-snapshot')

module.exports = {
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
    await plugin.install?.(this)
    this._installedPlugins.add(plugin)
    await plugin.start?.()
  },

  /** Installs, then starts, the plugins of `plugins` and usePlugin() not installed yet. */
  async startPlugins () {
    const pending = []
    for (const entry of this.pluginList) {
      let plugin
      try {
        plugin = typeof entry === 'function' ? new entry(this) : entry // eslint-disable-line new-cap
      } catch (error) {
        throw new DatabaseError(`Failed to instantiate plugin: ${error.message}`, { original: error })
      }
      if (!this._installedPlugins.has(plugin)) pending.push({ plugin, name: this._pendingPluginName(plugin) })
    }
    for (const { plugin, name } of pending) {
      this._registerPlugin(plugin, name)
      try {
        await plugin.install?.(this)
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
    const pluginName = this._pluginName(plugin, name)
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
