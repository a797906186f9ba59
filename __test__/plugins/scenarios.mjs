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

// The plugins below were added for issue 10; they run after the others.
Object.assign(scenarios, {
  async CostsPlugin ({ db, ref }) {
    const plugin = new ref.CostsPlugin(quiet({ considerFreeTier: false }))
    const users = await usersWith(db, plugin, PLAIN_USERS)
    await users.insert({ id: 'u1', name: 'Ann', score: 1 })
    await users.get('u1')
    const resourcePhase = structuredClone(plugin.costs)
    // What the client itself is asked for (a plugin's own objects go through these).
    await db.client.putObject({ key: 'notes/a.txt', body: 'hello costs', contentType: 'text/plain' })
    await db.client.getObject('notes/a.txt')
    await db.client.headObject('notes/a.txt')
    await db.client.copyObject({ from: 'notes/a.txt', to: 'notes/b.txt' })
    await db.client.listObjects({ prefix: 'notes/' })
    await db.client.deleteObject('notes/a.txt')
    await db.client.deleteObjects(['notes/b.txt'])
    const round = (n) => Math.round(n * 1e12) / 1e12
    const view = (c) => ({
      total: round(c.total),
      requests: { counts: c.requests.counts, events: c.requests.events, total: c.requests.total, subtotal: round(c.requests.subtotal) },
      storage: { totalBytes: c.storage.totalBytes, currentTier: c.storage.currentTier },
      dataTransfer: { inBytes: c.dataTransfer.inBytes, outBytes: c.dataTransfer.outBytes }
    })
    // The client requests alone: what the costs grew by after the resource phase.
    const grown = (now, then) => Object.fromEntries(Object.entries(now).map(([k, v]) => [k, typeof v === 'number' ? round(v - then[k]) : grown(v, then[k])]))
    const total = view(plugin.costs)
    return { resourcePhase: view(resourcePhase), clientPhase: grown(total, view(resourcePhase)), total, client: view(db.client.costs) }
  },

  async TreePlugin ({ db, ref }) {
    const plugin = new ref.TreePlugin(quiet({ resources: ['categories'] }))
    await db.connect()
    const categories = await db.createResource({ name: 'categories', attributes: { name: 'string', lft: 'number|optional', rgt: 'number|optional', depth: 'number|optional', parentId: 'string|optional' } })
    await db.usePlugin(plugin)
    const tree = categories.tree
    const root = await tree.createRoot({ id: 'root', name: 'All' })
    await tree.addChild(root.id, { id: 'books', name: 'Books' })
    await tree.addChild(root.id, { id: 'music', name: 'Music' })
    await tree.addChild('books', { id: 'fiction', name: 'Fiction' })
    await tree.addChild('books', { id: 'poetry', name: 'Poetry' })
    await tree.insertBefore('music', { id: 'films', name: 'Films' })
    await tree.moveSubtree('poetry', 'music')
    const ids = (nodes) => nodes.map((n) => n.id)
    const read = {
      children: ids(await tree.getChildren('root')),
      descendants: ids(await tree.getDescendants('root')),
      ancestors: ids(await tree.getAncestors('poetry')),
      siblings: ids(await tree.getSiblings('books')),
      leaves: ids(await tree.getLeaves('root')),
      depth: await tree.getDepth('poetry'),
      treeDepth: await tree.getTreeDepth(),
      isLeaf: await tree.isLeaf('fiction'),
      isDescendant: await tree.isDescendantOf('poetry', 'music'),
      count: await tree.countDescendants('root'),
      nested: stable(await tree.toNestedArray('root')),
      // Every node read through the resource carries the node namespace.
      nodeChildren: ids(await (await categories.get('music')).tree.children())
    }
    const deleted = await tree.deleteNode('films')
    const deletedSubtree = await tree.deleteSubtree('books')
    const rebuilt = await tree.rebuild()
    const verify = await tree.verify()
    return { read, deleted, deletedSubtree, rebuilt, verify: stable(verify), stats: plugin.getStats(), stored: await storedBy(db) }
  },

  async TreePluginAdjacency ({ db, ref }) {
    const plugin = new ref.TreePlugin(quiet({ resources: 'folders', driver: 'adjacency-list' }))
    await db.connect()
    const folders = await db.createResource({ name: 'folders', attributes: { name: 'string', parentId: 'string|optional' }, partitions: { byParent: { fields: { parentId: 'string' } } } })
    await db.usePlugin(plugin)
    const tree = folders.tree
    await tree.createRoot({ id: 'home', name: 'home' })
    await tree.addChild('home', { id: 'docs', name: 'docs' })
    await tree.addChild('docs', { id: 'cv', name: 'cv' })
    await tree.addChild('home', { id: 'pics', name: 'pics' })
    await tree.moveSubtree('cv', 'pics')
    const ids = (nodes) => nodes.map((n) => n.id).sort()
    const read = {
      roots: ids(await tree.getRoots()),
      children: ids(await tree.getChildren('home')),
      descendants: ids(await tree.getDescendants('home')),
      ancestors: ids(await tree.getAncestors('cv')),
      isDescendant: await tree.isDescendantOf('cv', 'home')
    }
    const deleted = await tree.deleteNode('pics', { promoteChildren: true }).catch((e) => e.name)
    const after = ids(await tree.getChildren('home'))
    return { read, deleted: stable(deleted), after, stored: await storedBy(db) }
  },

  async GraphPlugin ({ db, ref }) {
    const plugin = new ref.GraphPlugin(quiet({ vertices: 'people', edges: 'follows', directed: true, weighted: true, createResources: true }))
    await db.connect()
    await db.usePlugin(plugin)
    const people = db.resources.people
    const follows = db.resources.follows
    for (const id of ['ann', 'bob', 'cid', 'dee']) await people.insert({ id, data: { name: id } })
    await people.graph.connect('ann', 'bob', { label: 'follows', weight: 1 })
    await people.graph.connect('bob', 'cid', { label: 'follows', weight: 2 })
    await people.graph.connect('ann', 'cid', { label: 'blocks', weight: 5 })
    await people.graph.connect('cid', 'dee', { label: 'follows', weight: 1 })
    await follows.graph.create('dee', 'ann', { label: 'follows' })
    const edge = (e) => [e.source, e.target, e.label, e.weight, e._direction ?? null]
    const read = {
      out: (await people.graph.outgoingEdges('ann')).map(edge).sort(),
      in: (await people.graph.incomingEdges('cid')).map(edge).sort(),
      neighbors: (await people.graph.neighbors('ann')).map((n) => n.id).sort(),
      degree: await people.graph.degree('cid'),
      path: stable(await people.graph.shortestPath('ann', 'dee')),
      traverse: (await people.graph.traverse('ann', { maxDepth: 3 })).map((n) => [n.id, n.depth]).sort(),
      connected: await people.graph.isConnected('ann', 'bob'),
      pathExists: await people.graph.pathExists('dee', 'bob'),
      labels: (await follows.graph.labels('blocks')).map(edge).sort(),
      bySource: (await follows.graph.bySource('bob')).map(edge).sort(),
      byTarget: (await follows.graph.byTarget('ann')).map(edge).sort(),
      between: (await follows.graph.between('ann', 'cid')).map(edge).sort()
    }
    const removed = await people.graph.disconnect('ann', 'cid')
    const afterRemove = await people.graph.isConnected('ann', 'cid')
    const noPath = await people.graph.shortestPath('bob', 'nobody').then(() => null, (e) => e.name)
    return { read, removed, afterRemove, noPath, stats: plugin.getStats(), stored: await storedBy(db) }
  },

  async TfStatePlugin ({ db, ref }) {
    const dir = mkdtempSync(join(tmpdir(), 's3db-native-tfstate-'))
    // One instance per resource: 19.5.10 diffs states by resource address, so instances sharing
    // one would be compared in listing (that is, random id) order.
    const state = (serial, instances, extra = []) => ({
      version: 4,
      terraform_version: '1.6.0',
      serial,
      lineage: 'b2c1d7e0-1111-4a2b-9c3d-0123456789ab',
      outputs: { bucket: { value: 'assets', type: 'string' } },
      resources: [
        { mode: 'managed', type: 'aws_s3_bucket', name: 'assets', provider: 'provider["registry.terraform.io/hashicorp/aws"]', instances: [{ schema_version: 0, attributes: { id: 'assets', bucket: 'assets', acl: 'private' } }] },
        { mode: 'managed', type: 'aws_instance', name: 'web', provider: 'provider["registry.terraform.io/hashicorp/aws"]', instances },
        { mode: 'data', type: 'google_project', name: 'main', provider: 'provider["registry.terraform.io/hashicorp/google"]', instances: [{ attributes: { id: 'proj-1' } }] },
        ...extra
      ]
    })
    const v1 = join(dir, 'v1.tfstate')
    const v2 = join(dir, 'v2.tfstate')
    writeFileSync(v1, JSON.stringify(state(1, [{ attributes: { id: 'i-1', instance_type: 't3.micro' } }])))
    const api = { mode: 'managed', type: 'aws_instance', name: 'api', provider: 'provider["registry.terraform.io/hashicorp/aws"]', instances: [{ attributes: { id: 'i-2', instance_type: 't3.small' } }] }
    writeFileSync(v2, JSON.stringify(state(2, [{ attributes: { id: 'i-1', instance_type: 't3.small' } }], [api])))
    // Any logLevel turns its logger to debug: a silent logger of its own keeps it quiet.
    const plugin = new ref.TfStatePlugin({ asyncPartitions: false, logger: ref.createLogger({ name: 'TfStatePlugin', level: 'silent' }) })
    await db.connect()
    await db.usePlugin(plugin)
    const first = await plugin.importState(v1)
    const second = await plugin.importState(v2)
    const again = await plugin.importState(v2)
    const pick = (r) => ({ serial: r.serial, skipped: r.skipped ?? false, reason: r.reason, resourcesExtracted: r.resourcesExtracted, resourcesInserted: r.resourcesInserted, diff: r.diff && stable(r.diff) })
    const sorted = (rows) => stable(rows).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))
    const result = {
      imports: [first, second, again].map(pick),
      byType: sorted(await plugin.getResourcesByType('aws_instance')).map((r) => [r.resourceAddress, r.stateSerial]),
      byProvider: (await plugin.getResourcesByProvider('google')).map((r) => r.resourceAddress),
      statsByProvider: stable(await plugin.getStatsByProvider()),
      statsByType: stable(await plugin.getStatsByType()),
      diff: stable(await plugin.getDiff(v2, 1, 2).catch((e) => e.name)),
      exported: stable(await plugin.exportState({ serial: 2 }).then((e) => ({ ...e, resources: e.resources.sort((a, b) => `${a.type}.${a.name}`.localeCompare(`${b.type}.${b.name}`)) }))),
      stored: await storedBy(db)
    }
    // The state files' paths name the temporary folder.
    return JSON.parse(JSON.stringify(result).replaceAll(dir, '<dir>'))
  },

  async TournamentPlugin ({ db, ref }) {
    const plugin = new ref.TournamentPlugin(quiet({}))
    await db.connect()
    await db.usePlugin(plugin)
    const cup = await plugin.create({ name: 'Cup', organizerId: 'org1', format: 'single-elimination', config: { bestOf: 1 } })
    await plugin.openRegistration(cup.id)
    for (const [i, team] of ['red', 'blue', 'green', 'gold'].entries()) {
      await plugin.register(cup.id, team, { seed: i + 1 })
      await plugin.confirmRegistration(cup.id, team)
    }
    const duplicate = await plugin.register(cup.id, 'red').then(() => null, (e) => e.message)
    await plugin.startTournament(cup.id)
    const matches = async (filters) => (await plugin.getMatches(cup.id, filters)).sort((a, b) => (a.round - b.round) || (a.matchNumber - b.matchNumber))
    const firstRound = await matches({ round: 1 })
    for (const match of firstRound) {
      if (match.participant1Id && match.participant2Id) await plugin.reportResult(match.id, { score1: 2, score2: 1 })
    }
    for (const match of await matches({ status: 'pending' })) {
      if (match.participant1Id && match.participant2Id) await plugin.reportResult(match.id, { score1: 0, score2: 1 })
    }
    const match = (m) => ({ phase: m.phase, round: m.round, n: m.matchNumber, p1: m.participant1Id, p2: m.participant2Id, s: [m.score1, m.score2], winner: m.winnerId, status: m.status })
    const tournament = await plugin.get(cup.id)
    const participants = (await plugin.getParticipants(cup.id)).map((r) => [r.participantId, r.seed, r.status])
    return {
      duplicate,
      participants,
      matches: (await matches()).map(match),
      standings: stable(await plugin.getStandings(cup.id)),
      bracket: stable(await plugin.getBracket(cup.id)),
      tournament: stable({ status: tournament.status, currentRound: tournament.currentRound, participants: tournament.participants }),
      formats: plugin.getAvailableFormats(),
      stats: stable(plugin.getStats()),
      stored: await storedBy(db)
    }
  }
})
