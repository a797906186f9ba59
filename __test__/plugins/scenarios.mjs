// One scenario per s3db.js 19.5.10 plugin. Each builds the same app on the Database it is given,
// drives the plugin through its public API and returns what it stored and answered; the matrix
// (plugins.matrix.test.mjs) runs it on s3db.js and on s3db-native and compares the two.
import { mkdtempSync, writeFileSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { storedBy, stable, until, sleep } from './harness.mjs'

function safeJson (text) {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

/** Plugins log through their own pino loggers; the matrix keeps them quiet. */
const quiet = (options) => ({ logLevel: 'silent', ...options })

const PLAIN_USERS = { name: 'users', attributes: { name: 'string', score: 'number|optional' } }
// No timestamps: 19.5.10 then adds byCreatedDate/byUpdatedDate partitions, which s3db-native
// does not yet (a Resource difference, not a plugin one; see the matrix's known differences).
const USERS = { name: 'users', attributes: { name: 'string', email: 'string|optional', status: 'string|optional', score: 'number|optional' } }

async function usersWith (db, plugin, config = USERS) {
  await db.connect()
  const users = await db.createResource(config)
  if (plugin) await db.usePlugin(plugin)
  return users
}

async function crud (users) {
  await users.insert({ id: 'u1', name: 'Ann', email: 'ann@example.com', status: 'active', score: 1 })
  await users.insert({ id: 'u2', name: 'Bob', status: 'idle', score: 2 })
  await users.update('u1', { name: 'Ann Lee', score: 5 })
  await users.delete('u2')
}

export const scenarios = {
  async CachePluginMemory ({ db, ref }) {
    const plugin = new ref.CachePlugin(quiet({ driver: 'memory', ttl: 60000 }))
    const users = await usersWith(db, plugin, PLAIN_USERS)
    await users.insert({ id: 'u1', name: 'Ann', score: 1 })
    const first = await users.get('u1')
    const second = await users.get('u1')
    const count = await users.count()
    await users.count()
    await users.update('u1', { score: 2 })
    const afterUpdate = await users.get('u1')
    const { hits, misses, sets } = plugin.getStats()
    return { reads: stable([first, second, afterUpdate]), count, stats: { hits, misses, sets } }
  },

  async CachePluginS3 ({ db, ref }) {
    const plugin = new ref.CachePlugin(quiet({ driver: 's3', ttl: 60000 }))
    const users = await usersWith(db, plugin, PLAIN_USERS)
    await users.insert({ id: 'u1', name: 'Ann', score: 1 })
    const first = await users.get('u1')
    const second = await users.get('u1')
    const list = await users.list()
    await users.list()
    const { hits, misses, sets } = plugin.getStats()
    return { reads: stable([first, second, list]), stats: { hits, misses, sets }, stored: await storedBy(db, { except: ['users'] }) }
  },

  async AuditPlugin ({ db, ref }) {
    const plugin = new ref.AuditPlugin(quiet({ includeData: true }))
    const users = await usersWith(db, plugin)
    await crud(users)
    await until(async () => (await db.resources.plg_audits.count()) >= 4)
    const history = await plugin.getRecordHistory('users', 'u1')
    return { history: stable(history).length, stored: await storedBy(db, { except: ['users'] }) }
  },

  async MetricsPlugin ({ db, ref }) {
    const plugin = new ref.MetricsPlugin(quiet({
      flushInterval: 0,
      collectPerformance: true,
      collectErrors: true,
      // Its exporter listens on a fixed port (9090) and is never closed, so the test process would not exit.
      prometheus: { enabled: false }
    }))
    const users = await usersWith(db, plugin)
    await crud(users)
    await users.get('nope').catch(() => {})
    await plugin.flushMetrics()
    const stored = await storedBy(db, { except: ['users'] })
    // Performance samples carry timings only; their number is what must agree.
    const performance = stored.resources.plg_metrics_performance?.length
    delete stored.resources.plg_metrics_performance
    return { stored, performance }
  },

  async FullTextPlugin ({ db, ref }) {
    const plugin = new ref.FullTextPlugin(quiet({ fields: ['name', 'email'], minWordLength: 3 }))
    const users = await usersWith(db, plugin)
    await crud(users)
    await users.insert({ id: 'u3', name: 'Annabel Smith' })
    await plugin.saveIndexes()
    const hits = await plugin.searchRecords('users', 'ann')
    return { hits: stable(hits).map((r) => r.id).sort(), stored: await storedBy(db, { except: ['users'] }) }
  },

  async StateMachinePlugin ({ db, ref }) {
    const plugin = new ref.StateMachinePlugin(quiet({
      stateMachines: {
        order: {
          initialState: 'pending',
          states: {
            pending: { on: { PAY: 'paid', CANCEL: 'cancelled' } },
            paid: { on: { SHIP: 'shipped' } },
            shipped: { type: 'final' },
            cancelled: { type: 'final' }
          }
        }
      }
    }))
    await usersWith(db, plugin)
    await plugin.initializeEntity('order', 'o1')
    const paid = await plugin.send('order', 'o1', 'PAY', { by: 'card' })
    await plugin.send('order', 'o1', 'SHIP')
    const invalid = await plugin.send('order', 'o1', 'PAY').then(() => null, (e) => e.name)
    const state = await plugin.getState('order', 'o1')
    const history = await plugin.getTransitionHistory('order', 'o1')
    return {
      paid: stable(paid),
      state,
      invalid,
      valid: await plugin.getValidEvents('order', 'pending'),
      history: stable(history).map(({ from, to, event }) => ({ from, to, event })),
      stored: await storedBy(db, { except: ['users'] })
    }
  },

  async GeoPlugin ({ db, ref }) {
    const plugin = new ref.GeoPlugin(quiet({ resources: { stores: { latField: 'lat', lonField: 'lon', precision: 5 } } }))
    await db.connect()
    // Resource first: 19.5.10 never runs database hooks, so a plugin sets up only the resources
    // that exist when it is installed (see the matrix's database-hooks test).
    const stores = await db.createResource({ name: 'stores', attributes: { name: 'string', lat: 'number', lon: 'number' } })
    await db.usePlugin(plugin)
    await stores.insert({ id: 's1', name: 'Paulista', lat: -23.5614, lon: -46.6559 })
    await stores.insert({ id: 's2', name: 'Pinheiros', lat: -23.5667, lon: -46.6925 })
    await stores.insert({ id: 's3', name: 'Rio', lat: -22.9068, lon: -43.1729 })
    const near = await stores.findNearby({ lat: -23.56, lon: -46.66, radius: 10, limit: 10 })
    const box = await stores.findInBounds({ north: -23.5, south: -23.6, east: -46.6, west: -46.7 })
    return {
      near: near.map((s) => [s.id, Math.round(s._distance * 100) / 100]),
      box: box.map((s) => s.id).sort(),
      stored: await storedBy(db)
    }
  },

  async VectorPlugin ({ db, ref }) {
    const plugin = new ref.VectorPlugin(quiet({ dimensions: 3, distanceMetric: 'cosine' }))
    await db.connect()
    const docs = await db.createResource({ name: 'docs', attributes: { title: 'string', vector: 'embedding:3' } })
    await db.usePlugin(plugin)
    await docs.insert({ id: 'd1', title: 'x axis', vector: [1, 0, 0] })
    await docs.insert({ id: 'd2', title: 'y axis', vector: [0, 1, 0] })
    await docs.insert({ id: 'd3', title: 'mostly x', vector: [0.9, 0.1, 0] })
    const similar = await docs.vectorSearch([1, 0, 0], { limit: 2 })
    return {
      similar: similar.map((r) => [r.record.id, Math.round(r.distance * 1000) / 1000]),
      stored: await storedBy(db)
    }
  },

  async ReplicatorPlugin ({ db, ref, engine, connectionString, Database }) {
    const target = new Database({ connectionString: connectionString.replace('/databases/app', '/databases/replica'), logLevel: 'silent' })
    await target.connect()
    await target.createResource({ name: 'people', attributes: { name: 'string', email: 'string|optional', status: 'string|optional', score: 'number|optional' } })
    const plugin = new ref.ReplicatorPlugin(quiet({ replicators: [{ driver: 's3db', client: target, resources: { users: 'people' } }] }))
    const users = await usersWith(db, plugin)
    await crud(users)
    const people = await until(async () => {
      const list = target.resources.people ? await target.resources.people.list() : []
      return list.length === 1 && list[0].name === 'Ann Lee' ? list : null
    })
    await target.disconnect()
    return { people: stable(people), stored: await storedBy(db, { except: ['users'] }) }
  },

  async ImporterPlugin ({ db, ref }) {
    const dir = mkdtempSync(join(tmpdir(), 's3db-native-import-'))
    const file = join(dir, 'users.json')
    writeFileSync(file, JSON.stringify([{ id: 'i1', name: 'Ida', score: 3 }, { id: 'i2', name: 'Ivo', score: 4 }]))
    await usersWith(db, null)
    const plugin = new ref.ImporterPlugin(quiet({ resource: 'users', format: 'json' }))
    await db.usePlugin(plugin)
    const result = await plugin.import(file)
    return { result: stable({ processed: result.processed, inserted: result.inserted, errors: result.errors }), users: stable(await db.resources.users.list()).sort((a, b) => a.id.localeCompare(b.id)) }
  },

  async BackupPlugin ({ db, ref }) {
    const dir = mkdtempSync(join(tmpdir(), 's3db-native-backup-'))
    const plugin = new ref.BackupPlugin(quiet({ driver: 'filesystem', config: { path: join(dir, '{date}') }, compression: 'none', verification: false }))
    const users = await usersWith(db, plugin)
    await crud(users)
    const backup = await plugin.backup('full')
    await users.insert({ id: 'u9', name: 'Later' })
    await users.delete('u1')
    const restored = await plugin.restore(backup.id)
    // What the backup holds: the archive file written under the dated folder.
    const [day] = readdirSync(dir)
    const [file] = readdirSync(join(dir, day)).filter((f) => f.endsWith('.backup'))
    const archive = JSON.parse(readFileSync(join(dir, day, file), 'utf8'))
    // The manifest is compared whole but for sizes; the gzipped exports by name (their bytes
    // differ with the record fields 19.5.10 adds on read, see the harness).
    const manifest = (f) => JSON.parse(JSON.stringify(safeJson(f.content), (k, v) => (k === 'bytesWritten' ? '<bytes>' : k === 'bucket' ? '<bucket>' : v)))
    const files = archive.files.map((f) => ({ name: f.name, content: f.name.endsWith('.json') ? stable(manifest(f)) : '<gzip>' }))
    return {
      backup: { type: backup.type },
      files: files.sort((a, b) => a.name.localeCompare(b.name)),
      restored: stable(restored?.restored ?? restored),
      users: stable(await users.list()).map((u) => u.id).sort()
    }
  },

  async SchedulerPlugin ({ db, ref }) {
    const ran = []
    const plugin = new ref.SchedulerPlugin(quiet({
      startupJitterMax: 0,
      jobs: { tally: { schedule: '0 0 * * *', action: async (database) => { ran.push(Object.keys(database.resources).length); return { ok: true } }, enabled: true } }
    }))
    await usersWith(db, plugin)
    // The global coordinator elects this (only) worker; then jobs are timed, and run by hand.
    const leader = await until(() => plugin.isCoordinator, { timeout: 5000 })
    // Disabled before the run: 19.5.10 arms a new timer per scheduling and keeps only the last
    // one, so the first (due next midnight) could never be cleared and the process would not exit.
    plugin.disableJob('tally')
    await plugin.runJob('tally')
    const history = await until(async () => {
      const h = await plugin.getJobHistory('tally')
      return h.length ? h : null
    })
    return { leader, ran: ran.length, status: stable(plugin.getJobStatus('tally')), history: stable(history).map(({ status, result }) => ({ status, result })) }
  },

  async TTLPlugin ({ db, ref }) {
    const plugin = new ref.TTLPlugin(quiet({ startupJitterMax: 0, resources: { sessions: { ttl: 1, onExpire: 'hard-delete', field: 'expiresAt' } } }))
    await db.connect()
    const sessions = await db.createResource({ name: 'sessions', attributes: { user: 'string', expiresAt: 'number' } })
    await db.usePlugin(plugin)
    await sessions.insert({ id: 's1', user: 'ann', expiresAt: Date.now() - 60000 })
    await sessions.insert({ id: 's2', user: 'bob', expiresAt: Date.now() + 3600000 })
    const result = await plugin.runCleanup()
    const left = (await sessions.list()).map((s) => s.id).sort()
    return { result: stable(result), left, stats: stable({ totalExpired: plugin.getStats().totalExpired, totalDeleted: plugin.getStats().totalDeleted }), stored: await storedBy(db, { except: ['sessions'] }) }
  },

  async EventualConsistencyPlugin ({ db, ref }) {
    const plugin = new ref.EventualConsistencyPlugin(quiet({ startupJitterMax: 0, resources: { wallets: ['balance'] }, consolidation: { mode: 'sync', auto: false } }))
    await db.connect()
    const wallets = await db.createResource({ name: 'wallets', attributes: { owner: 'string', balance: 'number|default:0' } })
    await db.usePlugin(plugin)
    await wallets.insert({ id: 'w1', owner: 'ann', balance: 0 })
    // 19.5.10 takes the record id from `this.id`: the helpers are called bound to a record view.
    const w1 = Object.create(wallets, { id: { value: 'w1' } })
    await wallets.add.call(w1, 'balance', 100)
    await wallets.sub.call(w1, 'balance', 30)
    await wallets.add.call(w1, 'balance', 5)
    const consolidated = stable(await wallets.consolidate('balance'))
    const value = await wallets.getConsolidatedValue('balance', 'w1')
    const wallet = await wallets.get('w1')
    return { consolidated, value, balance: wallet.balance, stored: await storedBy(db, { except: ['wallets'] }) }
  },

  async S3QueuePlugin ({ db, ref }) {
    const done = []
    const plugin = new ref.S3QueuePlugin(quiet({
      resource: 'emails',
      startupJitterMax: 0,
      autoStart: false,
      pollInterval: 20,
      visibilityTimeout: 5000,
      maxAttempts: 2,
      concurrency: 1,
      onMessage: async (record) => { done.push(record.to); return { sent: record.to } }
    }))
    await db.connect()
    const emails = await db.createResource({ name: 'emails', attributes: { to: 'string', subject: 'string' } })
    await db.usePlugin(plugin)
    await emails.enqueue({ id: 'e1', to: 'a@example.com', subject: 'one' })
    await emails.enqueue({ id: 'e2', to: 'b@example.com', subject: 'two' })
    await emails.startProcessing()
    await until(() => done.length >= 2, { timeout: 8000 })
    await emails.stopProcessing()
    await sleep(50)
    return { done: done.sort(), stats: stable(await emails.queueStats()), stored: await storedBy(db, { except: ['emails'] }) }
  }
}
