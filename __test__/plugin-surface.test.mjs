// What a plugin gets when it does something s3db-native cannot do: usePlugin() of an object
// without install() rejects naming install (as s3db.js 19.5.10's TypeError does), and a call to
// a 19.5.10 Database/Resource method s3db-native does not provide fails naming that method.
import { describe, it, before, after } from 'node:test'
import assert from 'node:assert/strict'
import s3db from '../index.js'
import { uniqueName } from './helpers/backends.mjs'
import { loadReference } from './helpers/reference.mjs'

const { Database, Plugin, DatabaseError } = s3db

function memoryDb () {
  return new Database({ connectionString: `memory://${uniqueName('plugin-surface')}/app`, logLevel: 'error' })
}

describe('usePlugin() arguments', () => {
  let db
  before(async () => {
    db = memoryDb()
    await db.connect()
  })
  after(() => db.disconnect())

  it('rejects a plugin without install, mentioning install, connected or not', async () => {
    await assert.rejects(db.usePlugin({ name: 'invalid' }), (err) => {
      assert.ok(err instanceof TypeError, err.stack)
      assert.match(err.message, /install/)
      return true
    })
    assert.equal(db.plugins.invalid, undefined, 'nothing registered')
    const idle = memoryDb()
    await assert.rejects(idle.usePlugin({ name: 'invalid' }), /install/)
    assert.equal(idle.pluginList.length, 0)
  })

  it('rejects null, undefined and non-objects with a TypeError', async () => {
    for (const bad of [null, undefined, 'not-a-plugin', 42]) {
      await assert.rejects(db.usePlugin(bad), TypeError)
    }
  })

  it('a plugin of the plugins option without install fails connect() as in 19.5.10', async () => {
    const broken = new Database({ connectionString: `memory://${uniqueName('plugin-surface')}/app`, logLevel: 'error', plugins: [{ name: 'broken' }] })
    await assert.rejects(broken.connect(), (err) => {
      assert.ok(err instanceof DatabaseError, err.stack)
      assert.match(err.message, /^Failed to install plugin '.*': plugin\.install is not a function/)
      return true
    })
    await broken.disconnect().catch(() => {})
  })

  it('still installs objects with install() and Plugin subclasses', async () => {
    let installed = null
    await db.usePlugin({ install (database) { installed = database } }, 'plain')
    assert.equal(installed, db)
    class TinyPlugin extends Plugin {}
    const tiny = await db.usePlugin(new TinyPlugin())
    assert.equal(tiny.database, db)
  })
})

describe('19.5.10 methods s3db-native does not provide', () => {
  let db
  let resource
  before(async () => {
    db = memoryDb()
    await db.connect()
    resource = await db.createResource({ name: 'items', attributes: { name: 'string' } })
  })
  after(() => db.disconnect())

  const unsupported = (owner, method) => (err) => {
    assert.ok(err instanceof TypeError, err.stack)
    assert.equal(err.message, `${owner}.${method}() is part of s3db.js 19.5.10 but s3db-native does not provide it (see COMPATIBILITY.md)`)
    assert.equal(err.code, 'ERR_S3DB_NATIVE_UNSUPPORTED')
    return true
  }

  it('a plugin calling one gets an error naming it', async () => {
    class HistoryPlugin extends Plugin {
      async onInstall () {
        this.database.resources.items.createHistoricalVersion('id', {})
      }
    }
    await assert.rejects(db.usePlugin(new HistoryPlugin(), 'history'), unsupported('Resource', 'createHistoricalVersion'))
    assert.throws(() => db.getListenerStats(), unsupported('Database', 'getListenerStats'))
    await assert.rejects(async () => resource.executeGuard('insert', {}), unsupported('Resource', 'executeGuard'))
  })

  it('a wrapped one fails the same way when called', async () => {
    class WrapPlugin extends Plugin {
      async onInstall () {
        this.wrapResourceMethod(this.database.resources.items, 'applyDefaults', async (result) => result)
      }
    }
    await db.usePlugin(new WrapPlugin(), 'wrap')
    await assert.rejects(resource.applyDefaults({}), unsupported('Resource', 'applyDefaults'))
  })

  it('names 19.x code feature-detects stay absent, and methods s3db-native has are untouched', async () => {
    assert.equal(resource.applyPartitionRule, undefined)
    assert.equal(typeof resource.destroy, 'undefined')
    assert.ok(!Object.keys(Object.getPrototypeOf(resource)).includes('emitSync'), 'not enumerable')
    const record = await resource.insert({ id: 'a', name: 'x' })
    assert.equal((await resource.get(record.id)).name, 'x')
  })

  it('every stand-in is a method 19.5.10 has and s3db-native lacks', async (t) => {
    let ref
    try {
      ref = await loadReference()
    } catch (err) {
      t.skip(err.message)
      return
    }
    const other = new ref.Database({ connectionString: `memory://${uniqueName('plugin-surface-ref')}/app`, logLevel: 'error' })
    await other.connect()
    try {
      const theirs = await other.createResource({ name: 'items', attributes: { name: 'string' } })
      const { DATABASE_METHODS, RESOURCE_METHODS } = await import('../lib/unsupported-methods.js').then((m) => m.default ?? m)
      for (const [names, mine, original] of [[DATABASE_METHODS, db, other], [RESOURCE_METHODS, resource, theirs]]) {
        for (const name of names) {
          assert.equal(typeof original[name], 'function', `19.5.10 has ${name}`)
          await assert.rejects(async () => mine[name](), { code: 'ERR_S3DB_NATIVE_UNSUPPORTED' }, name)
        }
      }
    } finally {
      await other.disconnect()
    }
  })
})
