// Both directions on one bucket: one library writes every attribute shape, the other reads it
// back. On the S3 server both open the same bucket; on memory:// (one store per library) every
// object (key, metadata, body, content type) is copied from the writer's client into the
// reader's first. Records are compared on their data (system fields starting with `_` are the
// reader's own and are compared by the scenarios).
import { groups, layouts } from '../scenarios/shapes.mjs'
import { baseOptions } from './libraries.mjs'
import { readThroughClient, writeThroughClient } from './objects.mjs'
import { Normaliser } from './normalise.mjs'
import { toPlain } from './plain.mjs'
import { deepDiff } from './diff.mjs'

export const PASSPHRASE = 'cross-read passphrase'

export const crossScenarioNames = ['cross/reference-writes-native-reads', 'cross/native-writes-reference-reads']

export const definitions = [
  ...groups.map(([label, attributes, records]) => ({ name: label.replace(/-/g, '_'), config: { attributes }, records })),
  ...layouts.map(([label, config, records]) => ({ name: label.replace(/-/g, '_'), config, records }))
]

function data (record) {
  if (!record || typeof record !== 'object') return record
  return Object.fromEntries(Object.entries(record).filter(([k]) => !k.startsWith('_')))
}

async function createAll (db) {
  const out = {}
  for (const d of definitions) out[d.name] = await db.createResource({ name: d.name, ...d.config })
  return out
}

/** What `db` reads of every record: get, list and the partition listings. */
async function readAll (db, resources) {
  const out = {}
  for (const d of definitions) {
    const res = resources[d.name]
    const reads = {}
    for (const r of d.records) {
      try { reads[`get.${r.id}`] = toPlain(data(await res.get(r.id))) } catch (err) { reads[`get.${r.id}`] = { error: err.name } }
    }
    try { reads.list = toPlain((await res.list()).map(data).sort((a, b) => a.id.localeCompare(b.id))) } catch (err) { reads.list = { error: err.name } }
    for (const p of Object.keys(d.config.partitions ?? {})) {
      const fields = Object.keys(d.config.partitions[p].fields)
      const values = Object.fromEntries(fields.map((f) => [f, f.split('.').reduce((o, k) => o?.[k], d.records[0])]))
      try { reads[`listIds.${p}`] = (await res.listIds({ partition: p, partitionValues: values })).sort() } catch (err) { reads[`listIds.${p}`] = { error: err.name } }
    }
    out[d.name] = reads
  }
  return out
}

async function writeAll (db) {
  const resources = await createAll(db)
  // A record the writer refuses is simply not there for either reader (the type scenarios
  // compare what each library accepts).
  const attempt = (fn) => fn().catch(() => undefined)
  for (const d of definitions) {
    for (const r of d.records) await attempt(() => resources[d.name].insert(r))
    // One update per resource, so what an update writes is read across too.
    const [first, second] = d.records
    if (second) {
      const { id, ...rest } = second
      await attempt(() => resources[d.name].update(first.id, rest))
    }
  }
  return resources
}

/**
 * Writes with `writer`, reads with both libraries, and returns the differences between what
 * s3db.js 19.5.10 reads and what s3db-native reads of the same objects (normalised).
 */
export async function crossRead (writer, reader, backend) {
  const place = await backend.place(`cross-${writer.name}`)
  const dbs = []
  const open = async (lib, where) => {
    const db = new lib.mod.S3db({ ...baseOptions, ...backend.options(lib), passphrase: PASSPHRASE, connectionString: where.connectionString })
    dbs.push(db)
    return db
  }
  try {
    const wdb = await open(writer, place)
    await wdb.connect()
    const written = await writeAll(wdb)
    const own = await readAll(wdb, written)
    let readerPlace = place
    if (backend.name === 'memory') {
      readerPlace = await backend.place(`cross-${reader.name}`)
      const rdb0 = await open(reader, readerPlace)
      await writeThroughClient(rdb0.client, await readThroughClient(wdb.client))
    }
    const rdb = await open(reader, readerPlace)
    await rdb.connect()
    // The reader opens the resources as an app does on start-up: createResource with the same definitions.
    const other = await readAll(rdb, await createAll(rdb))
    const n = new Normaliser({ fixedIds: ['r1', 'r2'] })
    const reference = n.value(writer.name === 'reference' ? own : other)
    const native = n.value(writer.name === 'reference' ? other : own)
    return deepDiff(reference, native)
  } finally {
    for (const db of dbs.reverse()) { try { await db.disconnect() } catch {} }
  }
}
