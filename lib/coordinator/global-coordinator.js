// @ts-check
'use strict'
// The shared leader election behind `db.getGlobalCoordinator(namespace)`, which the coordinator
// plugins of s3db.js (TTL, Scheduler, S3Queue, EventualConsistency) subscribe to. One service per
// namespace and Database: every heartbeat it registers its workers (itself and each subscribed
// plugin's workerId) under `plugin=coordinator/namespace=<ns>/workers/`, reads the leader state
// and, when the lease is over, elects the first live plugin worker.
//
// The state object changes only by conditional writes (create with If-None-Match, replace with
// If-Match of the ETag read), so per version one writer wins; and a worker counts as leader only
// while the lease it read is running, so two processes never both believe they lead.

const { EventEmitter } = require('node:events')
const { CoordinatorStorage } = require('./coordinator-storage')

let serviceCounter = 0

function isLeaderState (value) {
  return !!value && typeof value === 'object' && typeof value.epoch === 'number' && (value.leaderId === null || typeof value.leaderId === 'string')
}

function normalizeConfig (config = {}) {
  return {
    heartbeatInterval: Math.max(1000, config.heartbeatInterval || 5000),
    heartbeatJitter: Math.max(0, config.heartbeatJitter ?? 1000),
    leaseTimeout: Math.max(5000, config.leaseTimeout || 15000),
    workerTimeout: Math.max(5000, config.workerTimeout || 20000),
    diagnosticsEnabled: Boolean(config.diagnosticsEnabled ?? false),
    circuitBreaker: {
      failureThreshold: config.circuitBreaker?.failureThreshold ?? 5,
      resetTimeout: config.circuitBreaker?.resetTimeout ?? 30000
    }
  }
}

function podName () {
  return process.env.HOSTNAME || process.env.NODE_NAME || 'unknown'
}

class GlobalCoordinatorService extends EventEmitter {
  /** @param {{ namespace?: string, database?: any, config?: Record<string, any> }} [options] */
  constructor ({ namespace, database, config = {} } = {}) {
    super()
    if (!namespace) throw new Error('GlobalCoordinatorService: namespace is required')
    if (!database) throw new Error('GlobalCoordinatorService: database is required')
    this.namespace = namespace
    this.database = database
    this.serviceId = `global-coordinator-${Date.now()}-${++serviceCounter}`
    this.workerId = this._generateWorkerId()
    this.isRunning = false
    this.isLeader = false
    /** @type {string | null} */
    this.currentLeaderId = null
    this.currentEpoch = 0
    this.leaseEnd = 0
    this.config = normalizeConfig(config)
    /** @type {NodeJS.Timeout | null} */
    this.heartbeatTimer = null
    this.subscribedPlugins = new Map()
    // Set by start(); every use is behind isRunning or a storage check, so typed as always set.
    /** @type {CoordinatorStorage} */
    this.storage = /** @type {any} */ (null)
    this.metrics = {
      heartbeatCount: 0,
      electionCount: 0,
      electionDurationMs: 0,
      leaderChanges: 0,
      workerRegistrations: 0,
      workerTimeouts: 0,
      startTime: /** @type {number | null} */ (null),
      lastHeartbeatTime: /** @type {number | null} */ (null),
      circuitBreakerTrips: 0,
      circuitBreakerState: 'closed',
      contentionEvents: 0,
      epochDriftEvents: 0,
      conditionalWriteConflicts: 0
    }
    /** @type {{ failures: number, openedAt: number | null, lastFailureTime: number | null, lastSuccessTime: number | null }} */
    this._breaker = { failures: 0, openedAt: null, lastFailureTime: null, lastSuccessTime: null }
    /** @type {Promise<void> | null} */
    this._heartbeat = null
    this.logger = database.getChildLogger?.(`GlobalCoordinator:${namespace}`) ?? null
  }

  _generateWorkerId () {
    const host = process.env.POD_NAME || process.env.HOSTNAME || this.database.id || this.namespace
    return `gcs-${host}-${++serviceCounter}`
  }

  _debug (fields, msg) {
    if (this.config.diagnosticsEnabled) this.logger?.debug(fields, msg)
  }

  get _prefix () {
    return `namespace=${this.namespace}`
  }

  _stateKey () { return this.storage.getPluginKey(null, this._prefix, 'state.json') }
  _workersPrefix () { return this.storage.getPluginKey(null, this._prefix, 'workers') + '/' }
  _workerKey (id) { return this.storage.getPluginKey(null, this._prefix, 'workers', `worker=${id}.json`) }
  _metadataKey () { return this.storage.getPluginKey(null, this._prefix, 'metadata.json') }

  async start () {
    if (this.isRunning) return
    if (!this.database.client) throw new Error('GlobalCoordinatorService: database client not available')
    this.storage = new CoordinatorStorage(this.database.client, 'coordinator')
    try {
      await this.storage.set(this._metadataKey(), {
        namespace: this.namespace,
        serviceId: this.serviceId,
        createdAt: Date.now(),
        createdBy: this.workerId,
        plugins: [...this.subscribedPlugins.keys()]
      }, { ttl: 3600 })
    } catch (err) {
      this.logger?.warn({ namespace: this.namespace, error: err.message }, 'Failed to initialize metadata')
    }
    this.isRunning = true
    this.metrics.startTime = Date.now()
    this._debug({ namespace: this.namespace }, 'Service started')
    this._scheduleHeartbeat(Math.random() * this.config.heartbeatJitter)
  }

  async stop () {
    if (!this.isRunning) return
    this.isRunning = false
    this.isLeader = false
    this.currentLeaderId = null
    clearTimeout(this.heartbeatTimer ?? undefined)
    this.heartbeatTimer = null
    await this._heartbeat?.catch(() => {})
    const pluginWorkers = [...this.subscribedPlugins.values()].map((p) => p?.workerId).filter(Boolean)
    const ids = new Set([this.workerId, ...pluginWorkers])
    await Promise.all([...ids].map((id) => this.storage.delete(this._workerKey(id)).catch(() => {})))
    this.subscribedPlugins.clear()
    this._debug({ namespace: this.namespace }, 'Service stopped')
  }

  _scheduleHeartbeat (delay = this.config.heartbeatInterval + Math.random() * this.config.heartbeatJitter) {
    if (!this.isRunning) return
    clearTimeout(this.heartbeatTimer ?? undefined)
    this.heartbeatTimer = setTimeout(async () => {
      await this.heartbeat()
      this._scheduleHeartbeat()
    }, delay)
    this.heartbeatTimer.unref?.()
  }

  async subscribePlugin (pluginName, plugin) {
    if (!pluginName || !plugin) throw new Error('GlobalCoordinatorService: pluginName and plugin required')
    this.subscribedPlugins.set(pluginName, plugin)
    this._debug({ namespace: this.namespace, pluginName }, `Plugin subscribed: ${pluginName}`)
    if (this.isRunning) this.heartbeat().catch(() => {})
  }

  unsubscribePlugin (pluginName) {
    this.subscribedPlugins.delete(pluginName)
  }

  /** The leader while its lease runs (as last read), else null. */
  async getLeader () {
    if (!this.isRunning) return null
    return Date.now() < this.leaseEnd ? this.currentLeaderId : null
  }

  async isLeaderCheck (workerId) {
    return !!workerId && (await this.getLeader()) === workerId
  }

  async getEpoch () {
    return this.isRunning ? this.currentEpoch : 0
  }

  async getActiveWorkers () {
    if (!this.storage) return []
    const keys = await this.storage.listFresh(this._workersPrefix(), this.config.workerTimeout)
    const docs = await Promise.all(keys.map((k) => this.storage.get(k).catch(() => null)))
    return docs.filter(Boolean).sort((a, b) => String(a.workerId).localeCompare(String(b.workerId)))
  }

  async _activeWorkerIds () {
    const keys = await this.storage.listFresh(this._workersPrefix(), this.config.workerTimeout)
    return keys.map((k) => k.split('/').pop().replace(/\.json$/, '').replace(/^worker=/, '')).filter(Boolean).sort()
  }

  getMetrics () {
    return { ...this.metrics }
  }

  incrementEpochDriftEvents () {
    this.metrics.epochDriftEvents++
  }

  getCircuitBreakerStatus () {
    const b = this._breaker
    return {
      state: this.metrics.circuitBreakerState,
      failureCount: b.failures,
      failureThreshold: this.config.circuitBreaker.failureThreshold,
      resetTimeout: this.config.circuitBreaker.resetTimeout,
      lastFailureTime: b.lastFailureTime,
      lastSuccessTime: b.lastSuccessTime,
      openedAt: b.openedAt,
      trips: this.metrics.circuitBreakerTrips
    }
  }

  _breakerAllows () {
    if (this.metrics.circuitBreakerState !== 'open') return true
    if (Date.now() - (this._breaker.openedAt ?? 0) < this.config.circuitBreaker.resetTimeout) return false
    this.metrics.circuitBreakerState = 'half-open'
    return true
  }

  _breakerResult (ok) {
    const b = this._breaker
    if (ok) {
      b.failures = 0
      b.lastSuccessTime = Date.now()
      this.metrics.circuitBreakerState = 'closed'
      return
    }
    b.failures++
    b.lastFailureTime = Date.now()
    if (this.metrics.circuitBreakerState === 'half-open' || b.failures >= this.config.circuitBreaker.failureThreshold) {
      if (this.metrics.circuitBreakerState !== 'open') this.metrics.circuitBreakerTrips++
      this.metrics.circuitBreakerState = 'open'
      b.openedAt = Date.now()
      this.emit('circuitBreaker:open', { namespace: this.namespace, failureCount: b.failures })
    }
  }

  /** One heartbeat: register workers, read the state, elect or renew when needed. Never overlaps itself. */
  heartbeat () {
    if (!this.isRunning || !this.storage) return Promise.resolve()
    if (this._heartbeat) return this._heartbeat
    this._heartbeat = this._heartbeatCycle().finally(() => { this._heartbeat = null })
    return this._heartbeat
  }

  async _heartbeatCycle () {
    if (!this._breakerAllows()) return
    const started = Date.now()
    try {
      await this._registerWorkers()
      const { data, version } = await this.storage.getWithVersion(this._stateKey())
      let state = isLeaderState(data) ? data : null
      const now = Date.now()
      const workerIds = await this._activeWorkerIds()
      const pluginWorkers = workerIds.filter((id) => !id.startsWith('gcs-'))
      const candidates = pluginWorkers.length ? pluginWorkers : workerIds
      const leaseOver = !state || !state.leaseEnd || now >= state.leaseEnd
      const coordinatorLeadsOverPlugins = state?.leaderId?.startsWith('gcs-') && pluginWorkers.length > 0
      const mine = this._myWorkerIds()
      // The leader renews its own lease once half of it has run.
      const renew = state && !leaseOver && mine.has(state.leaderId) &&
        state.leaseEnd - now < this.config.leaseTimeout / 2
      if (leaseOver || coordinatorLeadsOverPlugins || renew) {
        const elected = renew ? state.leaderId : (candidates[0] ?? null)
        state = await this._writeState(state, version, elected)
        if (!renew) this.metrics.electionCount++
      }
      this._adopt(state)
      this.metrics.heartbeatCount++
      this.metrics.lastHeartbeatTime = Date.now()
      this.metrics.electionDurationMs = Date.now() - started
      this._breakerResult(true)
      if (Date.now() - started > this.config.heartbeatInterval * 2) {
        this.metrics.contentionEvents++
        this.emit('contention:detected', { namespace: this.namespace, duration: Date.now() - started, expected: this.config.heartbeatInterval, timestamp: Date.now() })
      }
    } catch (err) {
      this._breakerResult(false)
      // A lease that could not be renewed ends here: nobody is leader as far as this process knows.
      if (this.currentLeaderId && Date.now() >= this.leaseEnd) this._adopt(null)
      this.logger?.warn({ namespace: this.namespace, error: err.message }, 'Heartbeat cycle failed')
    }
  }

  _myWorkerIds () {
    return new Set([this.workerId, ...[...this.subscribedPlugins.values()].map((p) => p?.workerId).filter(Boolean)])
  }

  async _registerWorkers () {
    const entries = new Map([[this.workerId, 'coordinator']])
    for (const [name, plugin] of this.subscribedPlugins) {
      if (plugin?.workerId && !entries.has(plugin.workerId)) entries.set(plugin.workerId, name)
    }
    await Promise.all([...entries].map(async ([workerId, pluginName]) => {
      try {
        await this.storage.set(this._workerKey(workerId), {
          workerId,
          pluginName,
          pod: podName(),
          lastHeartbeat: Date.now(),
          startTime: this.metrics.startTime,
          namespace: this.namespace
        }, { ttl: Math.ceil(this.config.workerTimeout / 1000) })
        this.metrics.workerRegistrations++
      } catch (err) {
        this.logger?.warn({ namespace: this.namespace, workerId, error: err.message }, 'Failed to register worker heartbeat')
      }
    }))
  }

  /** Writes the state conditionally against the version read; on a lost race, the winner's state. */
  async _writeState (current, version, leaderId) {
    const now = Date.now()
    const sameLeader = current && current.leaderId === leaderId && current.leaseEnd && now < current.leaseEnd
    const next = {
      leaderId,
      leaderPod: leaderId ? podName() : undefined,
      epoch: sameLeader ? current.epoch : (current?.epoch ?? this.currentEpoch) + 1,
      leaseStart: now,
      leaseEnd: now + this.config.leaseTimeout,
      electedBy: this.workerId,
      electedAt: sameLeader ? current.electedAt : now
    }
    const options = { ttl: Math.ceil(this.config.leaseTimeout / 1000) + 60 }
    const etag = version
      ? await this.storage.setIfVersion(this._stateKey(), next, version, options)
      : await this.storage.setIfNotExists(this._stateKey(), next, options)
    if (etag) return next
    this.metrics.conditionalWriteConflicts++
    this.logger?.debug({ namespace: this.namespace, leaderId }, 'leader state changed by another worker (conditional write lost)')
    const winner = await this.storage.getWithVersion(this._stateKey())
    return isLeaderState(winner.data) ? winner.data : null
  }

  _adopt (state) {
    const previous = this.currentLeaderId
    this.currentLeaderId = state?.leaderId ?? null
    this.currentEpoch = state?.epoch || this.currentEpoch || 1
    this.leaseEnd = state?.leaseEnd ?? 0
    this.isLeader = this.currentLeaderId === this.workerId
    if (previous === this.currentLeaderId) return
    this.metrics.leaderChanges++
    const event = {
      namespace: this.namespace,
      previousLeader: previous,
      newLeader: this.currentLeaderId,
      epoch: this.currentEpoch,
      timestamp: Date.now()
    }
    this._debug(event, `Leader changed: ${previous || 'none'} → ${this.currentLeaderId}`)
    this.emit('leader:changed', event)
    for (const [name, plugin] of this.subscribedPlugins) {
      try {
        plugin.onGlobalLeaderChange?.(event.newLeader === this.workerId, event)
      } catch (err) {
        this.logger?.warn({ namespace: this.namespace, plugin: name, error: err.message }, 'Plugin notification failed')
      }
    }
  }
}

module.exports = { GlobalCoordinatorService, normalizeConfig }
