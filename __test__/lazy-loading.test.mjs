// What loading s3db-native costs: pino is loaded when a logger first writes a line (or is used
// beyond its level), not by the import, and not by a Database that never logs. Each case runs in
// a fresh process, where require.cache shows what was loaded.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))

/** Runs `body` (an async function's body, with `lib` the package): what it printed after RESULT, and the other lines. */
function run (body, env = {}) {
  const source = `
    const lib = require('./index.js')
    const pinoLoaded = () => Object.keys(require.cache).some((k) => /[\\\\/]node_modules[\\\\/]pino[\\\\/]/.test(k))
    ;(async () => { ${body} })().catch((err) => { console.error(err); process.exit(1) })`
  const clean = { ...process.env }
  delete clean.S3DB_LOG_LEVEL
  delete clean.S3DB_LOG_FORMAT
  delete clean.S3DB_LOG_PRETTY
  const child = spawnSync(process.execPath, ['-e', source], { cwd: root, encoding: 'utf8', timeout: 30000, env: { ...clean, ...env } })
  assert.equal(child.status, 0, child.stderr)
  // pino's writes to a pipe may land after console.log's: the result line is the marked one.
  const lines = child.stdout.trim().split('\n').filter(Boolean)
  const marked = lines.find((l) => l.startsWith('RESULT '))
  assert.ok(marked, child.stdout)
  return { result: JSON.parse(marked.slice(7)), lines: lines.filter((l) => l !== marked) }
}

describe('lazy loading', () => {
  it('require, a silent Database, connect, createResource and writes load no pino', () => {
    const { result, lines } = run(`
      const afterImport = pinoLoaded()
      const db = new lib.S3db({ connectionString: 'memory://lazy-silent/db', logLevel: 'silent' })
      await db.connect()
      const users = await db.createResource({ name: 'users', attributes: { name: 'string' } })
      await users.insert({ id: 'u1', name: 'Ann' })
      const level = db.logger.level
      const child = db.getChildLogger('Thing')
      child.info('not written')
      const clientLevel = db.client.logger.level
      await db.disconnect()
      console.log('RESULT ' + JSON.stringify({ afterImport, afterUse: pinoLoaded(), level, clientLevel, enabled: db.logger.isLevelEnabled('fatal') }))
    `)
    assert.deepEqual(result, { afterImport: false, afterUse: false, level: 'silent', clientLevel: 'silent', enabled: false })
    assert.deepEqual(lines, [])
  })

  it('a Database at info loads pino when connect logs, and writes the line as before', () => {
    const { result, lines } = run(`
      const db = new lib.S3db({ connectionString: 'memory://lazy-info/db', loggerOptions: { format: 'json' } })
      const beforeConnect = pinoLoaded()
      await db.connect()
      await db.disconnect()
      console.log('RESULT ' + JSON.stringify({ beforeConnect, afterConnect: pinoLoaded(), pino: typeof db.logger.bindings }))
    `)
    assert.deepEqual(result, { beforeConnect: false, afterConnect: true, pino: 'function' })
    const connected = lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'database connected')
    assert.equal(connected.level, 30)
    assert.equal(connected.name, 'Database')
  })

  it('levels set before pino loads hold after: children follow their parent until given their own', () => {
    const { result, lines } = run(`
      const db = new lib.S3db({ connectionString: 'memory://lazy-levels/db', logLevel: 'warn', loggerOptions: { format: 'json' } })
      const follower = db.getChildLogger('Follower')
      const own = db.getChildLogger('Own')
      own.level = 'warn'
      db.logger.level = 'debug'
      const before = [pinoLoaded(), follower.level, own.level, follower.isLevelEnabled('debug')]
      follower.debug({ n: 1 }, 'follower debug')
      own.debug('own debug (dropped)')
      own.warn('own warn')
      db.logger.level = 'error'
      console.log('RESULT ' + JSON.stringify({ before, after: [pinoLoaded(), follower.level, own.level] }))
    `, { S3DB_LOG_FORMAT: 'json' })
    assert.deepEqual(result, { before: [false, 'debug', 'warn', true], after: [true, 'error', 'warn'] })
    assert.deepEqual(lines.map((l) => JSON.parse(l).msg), ['follower debug', 'own warn'])
  })

  it('S3DB_LOG_LEVEL read when the Database is made applies to a logger built later', () => {
    const { result, lines } = run(`
      const db = new lib.S3db({ connectionString: 'memory://lazy-env/db', logLevel: 'info' })
      delete process.env.S3DB_LOG_LEVEL
      const level = db.logger.level
      db.logger.info('dropped at error')
      db.logger.error('kept')
      console.log('RESULT ' + JSON.stringify({ level, loaded: pinoLoaded() }))
    `, { S3DB_LOG_LEVEL: 'error', S3DB_LOG_FORMAT: 'json' })
    assert.deepEqual(result, { level: 'error', loaded: true })
    assert.deepEqual(lines.map((l) => JSON.parse(l).msg), ['kept'])
  })
})
