// db.getGlobalCoordinator(): the leader election the coordinator plugins of s3db.js share. Several
// Databases on one bucket (separate processes in production) elect one leader through
// conditional writes of the state object; the layout is s3db.js 19.x's.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import s3db from '../../index.js'
import { backends as clientBackends, uniqueName } from '../helpers/backends.mjs'

const { Database } = s3db

const places = clientBackends.filter((b) => b.name !== 'file')

for (const place of places) {
  test(`one leader among Databases racing on one bucket (${place.name})`, { skip: place.skip, timeout: 30000 }, async () => {
    const connectionString = place.name === 'memory' ? `memory://${uniqueName('gc')}/app` : await place.connectionString()
    const dbs = [0, 1, 2].map(() => new Database({ connectionString, logLevel: 'silent' }))
    for (const db of dbs) await db.connect()
    const services = []
    for (const [i, db] of dbs.entries()) {
      const service = await db.getGlobalCoordinator('default', { autoStart: true, config: { heartbeatInterval: 60000, heartbeatJitter: 0 } })
      assert.equal(await db.getGlobalCoordinator('default'), service, 'one service per namespace')
      await service.subscribePlugin(`plugin-${i}`, { workerId: `worker-${'cab'[i]}` })
      services.push(service)
    }
    // Heartbeats of all three at once, a few rounds: every write of the state is conditional.
    for (let round = 0; round < 3; round++) await Promise.all(services.map((s) => s.heartbeat()))
    // One leader, a plugin worker. Which one depends on timing: autoStart's first heartbeat may
    // elect before the other Databases have subscribed, and a running lease is kept (no re-election).
    const leaders = await Promise.all(services.map((s) => s.getLeader()))
    assert.equal(new Set(leaders).size, 1, `all agree on one leader: ${leaders}`)
    const [leader] = leaders
    assert.ok(['worker-a', 'worker-b', 'worker-c'].includes(leader), `a plugin worker leads: ${leader}`)
    const epochs = new Set(await Promise.all(services.map((s) => s.getEpoch())))
    assert.equal(epochs.size, 1)
    const keys = await dbs[0].client.getAllKeys({ prefix: 'plugin=coordinator/' })
    assert.ok(keys.includes('plugin=coordinator/namespace=default/state.json'))
    assert.ok(keys.includes('plugin=coordinator/namespace=default/workers/worker=worker-a.json'))
    const state = JSON.parse(await (await dbs[0].client.getObject('plugin=coordinator/namespace=default/state.json')).Body.transformToString())
    assert.equal(state.leaderId, leader)
    assert.ok(state.leaseEnd > Date.now())
    for (const db of dbs) await db.disconnect()
  })
}

test('a lost conditional write adopts the winner instead of claiming the lead', async () => {
  const connectionString = `memory://${uniqueName('gc')}/app`
  const db = new Database({ connectionString, logLevel: 'silent' })
  await db.connect()
  // Another process holds the lead, for another worker, with a running lease.
  await db.client.putObject({ key: 'plugin=coordinator/namespace=race/state.json', body: JSON.stringify({ leaderId: 'worker-other', epoch: 7, leaseStart: Date.now(), leaseEnd: Date.now() + 60000 }), ifNoneMatch: '*' })
  const service = await db.getGlobalCoordinator('race', { autoStart: true, config: { heartbeatInterval: 60000, heartbeatJitter: 0 } })
  await service.subscribePlugin('p', { workerId: 'worker-z' })
  await service.heartbeat()
  assert.equal(await service.getLeader(), 'worker-other')
  assert.equal(await service.getEpoch(), 7)
  await db.disconnect()
})

test('getGlobalCoordinator needs a namespace', async () => {
  const db = new Database({ connectionString: `memory://${uniqueName('gc')}/app`, logLevel: 'silent' })
  await assert.rejects(() => db.getGlobalCoordinator(''), /namespace is required/)
})
