// @ts-check
'use strict'
// `db.cronManager`: the job scheduler s3db.js plugins get from the Database (Plugin.scheduleCron,
// scheduleInterval, the coordinator's work loop). Intervals are plain unref'd timers (a job never
// overlaps itself); cron expressions use node-cron, which s3db.js lists as a peer dependency of the
// plugins that need it, loaded from the app when first used.

class CronManager {
  /** @param {{ logger?: any, disabled?: boolean }} [options] */
  constructor ({ logger, disabled } = {}) {
    this.logger = logger ?? null
    this.disabled = typeof disabled === 'boolean' ? disabled : process.env.S3DB_DISABLE_CRON === 'true'
    this.jobs = new Map()
    this._destroyed = false
  }

  _add (name, task, expression, fn, options) {
    if (this.jobs.has(name)) {
      if (!options.replace) throw new Error(`[CronManager] Job '${name}' already exists`)
      this.stop(name)
    }
    this.jobs.set(name, { task, expression, fn, options, createdAt: Date.now() })
    this.logger?.debug({ name, expression }, `Scheduled job '${name}': ${expression}`)
    return task
  }

  _stub (name, fn) {
    return { start () {}, stop () {}, destroy () {}, run: async () => fn?.(), name }
  }

  async scheduleInterval (ms, fn, name, options = {}) {
    if (this._destroyed) return null
    if (this.disabled) return this._stub(name, fn)
    const interval = Math.max(10, Math.floor(ms))
    let timer = null
    let running = false
    const run = async () => {
      if (running) return
      running = true
      try {
        await fn?.()
      } catch (error) {
        this.logger?.warn({ name, error: error?.message ?? String(error) }, `Interval job '${name}' failed`)
      } finally {
        running = false
      }
    }
    const task = {
      start () {
        if (timer) return
        timer = setInterval(run, interval)
        timer.unref?.()
      },
      stop () {
        clearInterval(timer)
        timer = null
      },
      destroy () { this.stop() },
      run
    }
    if (options.scheduled !== false) task.start()
    return this._add(name, task, `every ${interval}ms`, fn, options)
  }

  /** @param {{ replace?: boolean, scheduled?: boolean, timezone?: string } & Record<string, any>} [options] */
  async schedule (expression, fn, name, options = {}) {
    if (this._destroyed) return null
    if (this.disabled) return this._stub(name, fn)
    let cron
    try {
      cron = require('node-cron')
    } catch (error) {
      throw new Error(`Cron expressions need the node-cron package (npm install node-cron): ${error.message}`)
    }
    const { replace = false, ...cronOptions } = options
    // node-cron 4 has no `scheduled` option (its schedule() always starts the task): passed as
    // 19.5.10 passes it, so `scheduled: false` starts the job there and here alike.
    /** @type {Record<string, unknown>} */
    const scheduleOptions = { scheduled: cronOptions.scheduled !== false, timezone: cronOptions.timezone }
    const task = cron.schedule(expression, fn, scheduleOptions)
    if (cronOptions.scheduled !== false) task?.start?.()
    return this._add(name, task, expression, fn, { ...cronOptions, replace })
  }

  stop (name) {
    const entry = this.jobs.get(name)
    if (!entry) return false
    try {
      entry.task?.stop?.()
      entry.task?.destroy?.()
    } catch (error) {
      this.logger?.error({ name, error: error.message }, `Error stopping job '${name}'`)
    }
    this.jobs.delete(name)
    return true
  }

  getStats () {
    return {
      totalJobs: this.jobs.size,
      isDestroyed: this._destroyed,
      jobs: [...this.jobs].map(([name, e]) => ({
        name, expression: e.expression, createdAt: e.createdAt, uptime: Date.now() - e.createdAt
      }))
    }
  }

  isDestroyed () {
    return this._destroyed
  }

  async shutdown () {
    for (const name of [...this.jobs.keys()]) this.stop(name)
    this._destroyed = true
  }
}

module.exports = { CronManager }
