// Logging as in s3db.js 19.5.10 (pino, db.logger, child loggers, levels from options and
// S3DB_LOG_LEVEL) and no secret in any log line or util.inspect output.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { inspect } from 'node:util'
import { Writable } from 'node:stream'
import pino from 'pino'
import s3db from '../../index.js'
import { uniqueName } from '../helpers/backends.mjs'

const { Database } = s3db

/** A pino logger writing JSON lines into an array. */
function capture (level = 'debug') {
  const lines = []
  const stream = new Writable({ write (chunk, _enc, done) { lines.push(...String(chunk).trim().split('\n').map((l) => JSON.parse(l))); done() } })
  return { lines, logger: pino({ level }, stream) }
}

const memory = () => `memory://${uniqueName('log')}/app`

test('db.logger is pino at level info by default; logLevel and loggerOptions.level set it', () => {
  const saved = process.env.S3DB_LOG_LEVEL
  delete process.env.S3DB_LOG_LEVEL
  try {
    const db = new Database({ connectionString: memory() })
    assert.equal(db.logger.level, 'info')
    assert.equal(typeof db.logger.child, 'function')
    assert.equal(db.config.logLevel, 'info')
    assert.equal(new Database({ connectionString: memory(), logLevel: 'debug' }).logger.level, 'debug')
    assert.equal(new Database({ connectionString: memory(), loggerOptions: { level: 'warn' } }).logger.level, 'warn')
  } finally {
    if (saved !== undefined) process.env.S3DB_LOG_LEVEL = saved
  }
})

test('S3DB_LOG_LEVEL overrides the level given in code', () => {
  const saved = process.env.S3DB_LOG_LEVEL
  process.env.S3DB_LOG_LEVEL = 'error'
  try {
    assert.equal(new Database({ connectionString: memory(), logLevel: 'debug' }).logger.level, 'error')
  } finally {
    if (saved === undefined) delete process.env.S3DB_LOG_LEVEL
    else process.env.S3DB_LOG_LEVEL = saved
  }
})

test('an app logger is used as given (logLevel applied to it); connect logs as s3db.js does', async () => {
  const { lines, logger } = capture('info')
  const db = new Database({ connectionString: memory(), logger, logLevel: 'debug' })
  assert.equal(db.logger, logger)
  assert.equal(logger.level, 'debug')
  await db.connect()
  await db.createResource({ name: 'users', attributes: { name: 'string' } })
  await db.disconnect()
  const messages = lines.map((l) => l.msg)
  assert.ok(messages.includes('connecting to database'))
  const connected = lines.find((l) => l.msg === 'database connected')
  assert.equal(connected.level, 30)
  assert.equal(connected.databaseId, db.id)
  assert.equal(connected.resourceCount, 0)
  assert.ok(messages.includes('disconnecting from database'))
  // Requests log through the S3Client child, as `[S3Client.<op>] complete` at debug.
  assert.ok(lines.some((l) => l.name === 'S3Client' && /^\[S3Client\.getObject\] (complete|ERROR)$/.test(l.msg)))
})

test('getChildLogger(name) binds the name; setChildLevel applies to children created after it', () => {
  const { lines, logger } = capture('info')
  const db = new Database({ connectionString: memory(), logger })
  db.setChildLevel('Plugin:audit', 'debug')
  const child = db.getChildLogger('Plugin:audit', { plugin: 'audit' })
  assert.equal(child.level, 'debug')
  child.debug('hello')
  assert.deepEqual({ name: lines[0].name, plugin: lines[0].plugin, msg: lines[0].msg }, { name: 'Plugin:audit', plugin: 'audit', msg: 'hello' })
  assert.equal(db.getChildLogger('Other').level, 'info')
})

test('plugins added with usePlugin get a child logger and the cron manager', async () => {
  const db = new Database({ connectionString: memory(), logLevel: 'silent' })
  await db.connect()
  const plugin = { async install () {}, async start () {} }
  await db.usePlugin(plugin, 'probe')
  assert.equal(typeof plugin.logger.info, 'function')
  assert.equal(plugin.cronManager, db.cronManager)
  let runs = 0
  await db.cronManager.scheduleInterval(10, () => { runs++ }, 'probe-job')
  await new Promise((resolve) => setTimeout(resolve, 60))
  assert.ok(runs >= 2)
  await db.disconnect()
  assert.equal(db.cronManager.getStats().totalJobs, 0, 'disconnect stops the jobs')
})

test('no secret in util.inspect / console.log of a Database, its Client or a Resource', async () => {
  const secret = 'wJalrXUtnFEMI-K7MDENG-bPxRfiCY'
  const passphrase = 'correct-horse-battery-staple'
  const db = new Database({ connectionString: `http://AKIDEXAMPLE:${secret}@127.0.0.1:9/bucket/app`, passphrase, logLevel: 'silent' })
  const users = await db.createResource({ name: 'users', attributes: { name: 'string', password: 'secret' } }).catch(() => null)
  for (const target of [db, db.client, db.client.config, users].filter(Boolean)) {
    const text = inspect(target, { depth: 8 })
    assert.ok(!text.includes(secret), `secret key shown by inspect of ${target.constructor.name}`)
    assert.ok(!text.includes(passphrase), `passphrase shown by inspect of ${target.constructor.name}`)
    assert.match(text, /\[REDACTED\]/)
  }
  // The objects themselves keep their values.
  assert.equal(db.passphrase, passphrase)
  assert.equal(db.client.config.secretAccessKey, secret)
})

test('no secret in a log line: secret fields censored, URL credentials masked', async () => {
  const lines = []
  const destination = new Writable({ write (chunk, _enc, done) { lines.push(String(chunk)); done() } })
  const db = new Database({ connectionString: memory(), loggerOptions: { level: 'debug', destination } })
  db.logger.info({ passphrase: 'p4ss-word', nested: { secretAccessKey: 'k3y-value' } }, 'configured')
  db.logger.warn('retrying s3://AKID:s3cr3t-value@bucket/prefix after a timeout')
  db.logger.error({ err: new Error('failed for http://user:pw-value@host/b') }, 'request failed')
  await db.connect()
  await db.disconnect()
  const text = lines.join('')
  for (const secret of ['p4ss-word', 'k3y-value', 's3cr3t-value', 'pw-value']) assert.ok(!text.includes(secret), `${secret} logged`)
  assert.match(text, /s3:\/\/AKID:\[REDACTED\]@bucket/)
  assert.match(text, /database connected/)
})
