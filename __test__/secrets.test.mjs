// Secrets never show: `util.inspect`/`console.log` of a Database, Resource, Client, connection
// string or error, error messages of failed reads and writes, and logger output hold neither the
// passphrase, the secret key of a connection string, nor a `secret` field's plaintext.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { inspect } from 'node:util'
import { Writable } from 'node:stream'
import s3db from '../index.js'
import { backends } from './helpers/backends.mjs'

const { S3db, S3Client, ConnectionString } = s3db
const PASSPHRASE = 'pp-Zq81-never-show'
const SECRET_KEY = 'sk-Wk55-never-show'
const PLAINTEXT = 'card-4111-never-show'

const SECRETS = [PASSPHRASE, SECRET_KEY, PLAINTEXT]
function assertHidden (text, where) {
  for (const secret of SECRETS) assert.ok(!text.includes(secret), `${where} shows a secret: ${text.slice(Math.max(0, text.indexOf(secret) - 80), text.indexOf(secret) + 40)}`)
}

/** Everything a user could print about an object, as deep as inspect goes. */
const shown = (value) => [inspect(value, { depth: 6, showHidden: false }), inspect(value, { depth: null }), String(value)].join('\n')

function captureLogs () {
  const lines = []
  const stream = new Writable({ write (chunk, _enc, done) { lines.push(chunk.toString()); done() } })
  return { lines, stream }
}

describe('secrets', () => {
  it('inspect of a connection string and an S3 client hides the secret key', () => {
    const text = `http://AKIDEXAMPLE:${SECRET_KEY}@localhost:9/bucket/prefix`
    assertHidden(shown(new ConnectionString(text)), 'ConnectionString')
    assertHidden(shown(new S3Client({ connectionString: text })), 'S3Client')
    assertHidden(shown(new S3db({ connectionString: text, passphrase: PASSPHRASE, logLevel: 'silent' })), 'Database')
  })

  for (const backend of backends) {
    it(`on ${backend.name}: Database, Resource, records' errors and logs hide passphrase and secret fields`, { skip: backend.skip }, async () => {
      const { lines, stream } = captureLogs()
      const db = new S3db({ connectionString: await backend.connectionString(), passphrase: PASSPHRASE, logLevel: 'debug', loggerOptions: { destination: stream, format: 'json' } })
      await db.connect()
      const cards = await db.createResource({ name: 'cards', attributes: { owner: 'string', number: 'secret', pin: 'secret|optional' } })
      const record = await cards.insert({ id: 'c1', owner: 'ann', number: PLAINTEXT })
      assert.equal(record.number, PLAINTEXT, 'the owner of the passphrase reads the plaintext back')
      // What is stored is the ciphertext only.
      const stored = await db.client.headObject(cards.getResourceKey('c1'))
      assertHidden(JSON.stringify(stored.Metadata ?? {}), 'stored metadata')

      assertHidden(shown(db), 'inspect(db)')
      assertHidden(shown(cards), 'inspect(resource)')
      assertHidden(shown(db.client), 'inspect(client)')

      // Errors raised around secret data carry neither the passphrase nor the plaintext.
      const failures = []
      failures.push(await cards.insert({ id: 'c1', owner: 'bob', number: PLAINTEXT }).catch((e) => e))
      failures.push(await cards.update('missing', { number: PLAINTEXT }).catch((e) => e))
      failures.push(await cards.insert({ id: 'c2', owner: 5, number: PLAINTEXT }).catch((e) => e))
      const wrongKey = new S3db({ connectionString: db.connectionString ?? (await backend.connectionString()), passphrase: 'another', logLevel: 'silent', client: db.client })
      await wrongKey.connect()
      failures.push(await wrongKey.resources.cards?.get('c1').then((r) => r, (e) => e))
      for (const failure of failures) {
        if (!failure) continue
        const text = failure instanceof Error ? [failure.message, failure.stack, inspect(failure, { depth: 6 }), JSON.stringify(failure.toJSON?.() ?? {})].join('\n') : JSON.stringify(failure)
        assertHidden(text, `error ${failure?.name}`)
      }
      await wrongKey.disconnect()
      await db.disconnect()
      assert.ok(lines.length > 0, 'debug logging produced output to check')
      assertHidden(lines.join(''), 'logs')
    })
  }
})
