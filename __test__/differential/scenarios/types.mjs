// Every attribute type: each resource stores a couple of records, reads them back (get, list)
// and the stored objects are compared, so both the values an app gets and the bytes in the
// bucket are checked.
import { RESOURCE_EVENTS, scenario } from '../harness/trace.mjs'
import { groups } from './shapes.mjs'

// Ciphertexts and password hashes are random per write; their presence and shape still count.
const RANDOM = [[/\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}/g, '<bcrypt>'], [/^[./A-Za-z0-9]{53}$/, '<bcrypt, compact>']]


const typeScenarios = groups.map(([label, attributes, records]) => scenario(`types/${label}`, { fixedIds: ['r1', 'r2'], masks: RANDOM }, async (t) => {
  const db = await t.connect()
  const res = await db.createResource({ name: label.replace(/-/g, '_'), attributes })
  t.listen('resource', res, RESOURCE_EVENTS)
  for (const record of records) await t.step(`insert.${record.id}`, () => res.insert(record))
  for (const record of records) await t.step(`get.${record.id}`, () => res.get(record.id))
  await t.step('list', async () => (await res.list()).sort((a, b) => a.id.localeCompare(b.id)), { concurrent: true })
  await t.step('update.r1', () => res.update('r1', records[1]))
  await t.step('get.r1.afterUpdate', () => res.get('r1'))
  await t.snapshot('end', db)
}))

export default [
  ...typeScenarios,

  scenario('types/secret', { fixedIds: ['r1'] }, async (t) => {
    const db = await t.connect({ passphrase: 'correct horse battery staple' })
    const res = await db.createResource({ name: 'vault', attributes: { label: 'string', token: 'secret', pin: 'secret|optional' } })
    await t.step('insert.r1', () => res.insert({ id: 'r1', label: 'one', token: 's3cr3t-value', pin: '1234' }))
    await t.step('get.r1', () => res.get('r1'))
    await t.step('update.r1', () => res.update('r1', { pin: '9999' }))
    await t.step('get.r1.afterUpdate', () => res.get('r1'))
    // The ciphertexts are random; what the bucket must never hold is the plaintext.
    const objects = await t.place.dump(db)
    const stored = JSON.stringify(Object.values(objects).map((o) => [o.metadata, o.body.toString('utf8')]))
    t.note('plaintextStored', ['s3cr3t-value', '1234', '9999'].filter((p) => stored.includes(p)))
    t.note('storedKeys', Object.keys(objects).sort())
  }),

  scenario('types/password', { fixedIds: ['r1'], masks: RANDOM }, async (t) => {
    const db = await t.connect()
    const res = await db.createResource({ name: 'logins', attributes: { user: 'string', pass: 'password' } })
    await t.step('insert', () => res.insert({ id: 'r1', user: 'ana', pass: 'hunter22' }))
    const got = await t.step('get', () => res.get('r1'))
    t.note('passIsHashed', typeof got?.pass === 'string' && got.pass !== 'hunter22' && got.pass.length > 20)
    await t.step('update.user', () => res.update('r1', { user: 'ana2' }))
    const after = await res.get('r1')
    t.note('hashKeptOnUnrelatedUpdate', after.pass === got?.pass)
  }),

  scenario('types/coercion', { fixedIds: ['r1', 'r2', 'r3'] }, async (t) => {
    const db = await t.connect()
    const res = await db.createResource({ name: 'coerce', attributes: { n: 'number|optional', b: 'boolean|optional', s: 'string|optional' } })
    await t.step('insert.stringNumber', () => res.insert({ id: 'r1', n: '33' }))
    await t.step('insert.stringBoolean', () => res.insert({ id: 'r2', b: 'true' }))
    await t.step('insert.numberString', () => res.insert({ id: 'r3', s: 42 }))
    for (const id of ['r1', 'r2', 'r3']) await t.step(`get.${id}`, () => res.get(id))
    await t.step('insert.badNumber', () => res.insert({ id: 'r4', n: 'abc' }))
    await t.step('insert.badBoolean', () => res.insert({ id: 'r5', b: 'maybe' }))
    await t.snapshot('end', db)
  }),

  scenario('types/timestamps', { fixedIds: ['r1'] }, async (t) => {
    const db = await t.connect()
    const res = await db.createResource({ name: 'stamped', attributes: { text: 'string', meta: { a: 'string|optional', b: 'number|optional' } }, timestamps: true })
    const inserted = await t.step('insert', () => res.insert({ id: 'r1', text: 'x', meta: { a: 'y', b: 1 } }))
    await new Promise((resolve) => setTimeout(resolve, 5))
    const updated = await t.step('update', () => res.update('r1', { text: 'z' }))
    t.note('createdAtKept', inserted?.createdAt === updated?.createdAt)
    t.note('updatedAtMoved', inserted?.updatedAt < updated?.updatedAt)
    await t.step('get', () => res.get('r1'))
    await t.step('listIds.byCreatedDate', async () => {
      const day = inserted.createdAt.slice(0, 10)
      return res.listIds({ partition: 'byCreatedDate', partitionValues: { createdAt: day } })
    })
    await t.snapshot('end', db)
  })
]
