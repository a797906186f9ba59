// A seeded fuzz loop through the public API: connection strings, resource definitions, ids,
// documents (deep, cyclic, huge, BigInt, Symbol, functions) and garbage objects written into the
// bucket by someone else. Every case must settle within its deadline (no hang), every rejection
// must be an Error of one of the library's classes (or the TypeError/RangeError a JS value itself
// raises, such as serialising a BigInt), the process must not crash, and no file:// key may land
// outside its root. The seed is fixed so a failure replays; S3DB_FUZZ_SEED/S3DB_FUZZ_CASES widen it.
import { describe, it, after } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, mkdirSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import s3db from '../index.js'
import { seededRandom, pick, randomText, randomValue, randomDefinition } from './helpers/fuzz-values.mjs'

const { S3db, ConnectionString } = s3db
const SEED = Number(process.env.S3DB_FUZZ_SEED ?? 20261203)
const CASES = Number(process.env.S3DB_FUZZ_CASES ?? 600)
const CASE_DEADLINE_MS = 10_000

// The library's error classes, plus what JS values raise on their own.
const LIBRARY_ERRORS = new Set(Object.keys(s3db).filter((k) => typeof s3db[k] === 'function' && s3db[k].prototype instanceof Error).map((k) => s3db[k].name))
const VALUE_ERRORS = new Set(['TypeError', 'RangeError'])
// s3db.js 19.5.10's own rejection of an unknown attribute type is its validator's plain Error.
const ORIGINAL_PLAIN_ERROR = /^Invalid '.*' type in validator schema\.$/s

class Tally {
  constructor () { this.cases = 0; this.resolved = 0; this.rejected = new Map(); this.bad = [] }
  async run (label, fn) {
    this.cases++
    let timer
    const deadline = new Promise((resolve) => { timer = setTimeout(() => resolve('hang'), CASE_DEADLINE_MS) })
    let outcome
    try {
      outcome = await Promise.race([Promise.resolve().then(fn).then(() => 'ok'), deadline])
    } catch (err) {
      outcome = err
    } finally {
      clearTimeout(timer)
    }
    if (outcome === 'ok') { this.resolved++; return }
    if (outcome === 'hang') { this.bad.push(`${label}: no answer within ${CASE_DEADLINE_MS} ms`); return }
    const name = outcome?.name
    this.rejected.set(name, (this.rejected.get(name) ?? 0) + 1)
    if (!(outcome instanceof Error)) this.bad.push(`${label}: rejected with a non-Error ${String(outcome)}`)
    else if (!LIBRARY_ERRORS.has(name) && !VALUE_ERRORS.has(name) && !(name === 'Error' && ORIGINAL_PLAIN_ERROR.test(outcome.message))) this.bad.push(`${label}: ${name}: ${outcome.message}`)
    else if (/panicked|RUST_BACKTRACE|S3DB_NATIVE_ERROR/.test(outcome.message)) this.bad.push(`${label}: internal detail leaked: ${outcome.message}`)
  }
  summary () {
    const rejected = [...this.rejected].map(([name, n]) => `${name} ${n}`).join(', ')
    return `${this.cases} cases: ${this.resolved} resolved, rejected: ${rejected || 'none'}, bad: ${this.bad.length}`
  }

  assertClean () {
    assert.deepEqual(this.bad.slice(0, 10), [], `${this.bad.length} bad outcomes of ${this.cases} cases`)
  }
}

const roots = []
after(() => { for (const dir of roots) rmSync(dir, { recursive: true, force: true }) })

/** A file:// database whose root sits alone inside a fence directory: anything else there escaped. */
function fencedFileDb () {
  const fence = mkdtempSync(join(tmpdir(), 's3db-native-fuzz-'))
  roots.push(fence)
  const root = join(fence, 'root')
  mkdirSync(root)
  const db = new S3db({ connectionString: `file://${root}?bucket=b&keyPrefix=databases/fuzz`, logLevel: 'silent' })
  return { db, fence, root }
}

function filesOutside (fence, root) {
  return readdirSync(fence, { recursive: true })
    .map((f) => resolve(fence, f))
    .filter((f) => relative(root, f).startsWith('..'))
}

describe(`fuzz (seed ${SEED}, ${CASES} cases per target)`, () => {
  it('connection strings parse or throw ConnectionStringError, and connect or reject cleanly', async (t) => {
    const rnd = seededRandom(SEED)
    const tally = new Tally()
    const schemes = ['memory://', 'file://', 'http://', 'https://', 's3://', 'ftp://', '', 'memory:/', 'http://a%00b:p@']
    for (let i = 0; i < CASES * 2; i++) {
      const scheme = pick(rnd, schemes)
      const text = scheme + randomText(rnd, 60)
      await tally.run(`ConnectionString(${JSON.stringify(text)})`, () => new ConnectionString(text))
      // Only in-process backends are connected: a random host would be a network wait, not a bug.
      if (scheme.startsWith('memory')) {
        await tally.run(`connect ${JSON.stringify(text)}`, async () => {
          const db = new S3db({ connectionString: text, logLevel: 'silent' })
          try { await db.connect() } finally { await db.disconnect().catch(() => {}) }
        })
      } else {
        await tally.run(`new S3db ${JSON.stringify(text)}`, () => new S3db({ connectionString: text, logLevel: 'silent' }))
      }
    }
    t.diagnostic(tally.summary())
    tally.assertClean()
  })

  it('resource definitions create or reject with a library error', async (t) => {
    const rnd = seededRandom(SEED + 1)
    const tally = new Tally()
    const db = new S3db({ connectionString: 'memory://fuzz-defs/databases/x', logLevel: 'silent' })
    await db.connect()
    let valid = 0
    for (let i = 0; i < CASES; i++) {
      const def = randomDefinition(rnd, i)
      let created = null
      await tally.run(`createResource #${i}`, async () => { created = await db.createResource(def) })
      if (created) {
        valid++
        await tally.run(`insert into definition #${i}`, () => created.insert(randomValue(rnd, 2, { plain: true }) ?? {}))
      }
    }
    await db.disconnect()
    t.diagnostic(tally.summary())
    tally.assertClean()
    assert.ok(valid > CASES / 10, `only ${valid} of ${CASES} definitions were accepted: the generator is too hostile to reach inserts`)
  })

  it('ids and documents never crash, hang or escape a file:// root', async (t) => {
    const rnd = seededRandom(SEED + 2)
    const tally = new Tally()
    const { db, fence, root } = fencedFileDb()
    const mem = new S3db({ connectionString: 'memory://fuzz-docs/databases/x', logLevel: 'silent' })
    await Promise.all([db.connect(), mem.connect()])
    const attributes = { name: 'string|optional', n: 'number|optional', ok: 'boolean|optional', tags: 'array|items:string|optional', meta: { a: 'string|optional', b: 'number|optional' }, secretish: 'secret|optional' }
    const resources = [
      await db.createResource({ name: 'docs', attributes, behavior: 'body-overflow' }),
      await mem.createResource({ name: 'docs', attributes, behavior: 'body-overflow', timestamps: true }),
      await mem.createResource({ name: 'loose', attributes: { name: 'string|optional' }, behavior: 'enforce-limits' })
    ]
    for (let i = 0; i < CASES; i++) {
      const res = pick(rnd, resources)
      const id = rnd() < 0.7 ? randomText(rnd, 40, { path: true }) : randomValue(rnd, 1)
      const doc = randomValue(rnd, 4, { document: true })
      const op = pick(rnd, ['insert', 'get', 'exists', 'delete', 'update', 'upsert', 'getMany', 'insertWithId'])
      await tally.run(`${res.name}.${op}(${String(typeof id === 'string' ? JSON.stringify(id) : typeof id)})`, async () => {
        switch (op) {
          case 'insert': return res.insert(doc)
          case 'insertWithId': return res.insert(doc && typeof doc === 'object' && !Array.isArray(doc) ? { ...doc, id } : { id })
          case 'get': return res.get(id)
          case 'exists': return res.exists(id)
          case 'delete': return res.delete(id)
          case 'update': return res.update(id, doc)
          case 'upsert': return res.upsert(doc && typeof doc === 'object' && !Array.isArray(doc) ? { ...doc, id } : { id })
          case 'getMany': return res.getMany([id, randomText(rnd, 10)])
        }
      })
    }
    await tally.run('list after fuzz', () => resources[0].list())
    await Promise.all([db.disconnect(), mem.disconnect()])
    t.diagnostic(tally.summary())
    tally.assertClean()
    assert.deepEqual(filesOutside(fence, root), [], 'no file outside the root')
  })

  it('garbage objects written by someone else read back or fail with a library error', async (t) => {
    const rnd = seededRandom(SEED + 3)
    const tally = new Tally()
    const db = new S3db({ connectionString: 'memory://fuzz-garbage/databases/x', logLevel: 'silent' })
    await db.connect()
    const res = await db.createResource({ name: 'items', attributes: { name: 'string|optional', n: 'number|optional', meta: { a: 'string|optional' }, s: 'secret|optional' }, behavior: 'body-overflow', timestamps: true })
    const ids = []
    for (let i = 0; i < CASES; i++) {
      const id = `g${i}`
      ids.push(id)
      const metadata = {}
      for (let k = Math.floor(rnd() * 6); k > 0; k--) metadata[pick(rnd, ['_v', '0', '1', '2', '3', '_map', 'x', randomText(rnd, 4, { ascii: true })])] = randomText(rnd, 30, { ascii: true })
      const body = rnd() < 0.5 ? '' : rnd() < 0.5 ? randomText(rnd, 200) : JSON.stringify(randomValue(rnd, 3, { plain: true }))
      await db.client.putObject({ key: `resource=items/data/id=${id}`, metadata, body, contentType: pick(rnd, ['application/json', 'text/plain', undefined]) })
      await tally.run(`get garbage ${id}`, () => res.get(id))
    }
    await tally.run('list over garbage', () => res.list())
    await tally.run('getMany over garbage', () => res.getMany(ids))
    await tally.run('count over garbage', () => res.count())
    await tally.run('page over garbage', () => res.page({ size: 50 }))
    await db.disconnect()
    t.diagnostic(tally.summary())
    tally.assertClean()
  })
})
