// The file backend shared by several processes: conditional writes are atomic across them (no
// acknowledged update is lost), and temp files a killed writer left behind are removed when the
// store is next opened, never listed as records.
import { after, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync, utimesSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, basename, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import s3db from '../index.js'

const { Database } = s3db
const root = fileURLToPath(new URL('..', import.meta.url))
const writer = fileURLToPath(new URL('./helpers/robustness-file-writer.cjs', import.meta.url))

const made = []
const freshDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 's3db-native-robust-'))
  made.push(dir)
  return dir
}
after(() => { for (const dir of made) rmSync(dir, { recursive: true, force: true }) })

// A writer may rename its temp file away between the listing and the stat: such a file is gone.
function filesUnder (dir) {
  return readdirSync(dir, { recursive: true }).map((f) => join(dir, f))
    .filter((f) => statSync(f, { throwIfNoEntry: false })?.isFile() === true)
}
const tempFiles = (dir) => filesUnder(dir).filter((f) => basename(f).startsWith('~tmp.'))

function runChild (args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    child.stdout.on('data', (d) => { out += d })
    child.stderr.on('data', (d) => { err += d })
    child.on('error', reject)
    child.on('close', (code, signal) => resolve({ code, signal, out, err }))
  })
}

async function counters (dir) {
  const db = new Database({ connectionString: `file://${dir}`, logLevel: 'silent' })
  await db.connect()
  return db.createResource({ name: 'counters', attributes: { count: 'number' } })
}

// Opens the store in a new process (as after a restart) and reads the given ids back.
function reopen (dir, ids) {
  const child = spawnSync(process.execPath, ['-e', `
    const { Database } = require('./index.js')
    ;(async () => {
      const db = new Database({ connectionString: ${JSON.stringify(`file://${dir}`)}, logLevel: 'silent' })
      await db.connect()
      const res = await db.createResource({ name: 'counters', attributes: { count: 'number' } })
      const got = []
      for (const id of ${JSON.stringify(ids)}) got.push((await res.get(id)).count)
      console.log(JSON.stringify({ got, listed: (await res.listIds()).sort() }))
    })().catch((e) => { console.error(e); process.exit(2) })
  `], { cwd: root, encoding: 'utf8' })
  assert.equal(child.status, 0, child.stderr)
  return JSON.parse(child.stdout.trim().split('\n').pop())
}

/** Starts a process writing big objects to the file store and kills it with SIGKILL while a
 * temp file is seen (or after ~1 s of not seeing one). */
async function killWriterMidWrite (dir) {
  const child = spawn(process.execPath, ['-e', `
    const { S3Client } = require('./index.js')
    const c = new S3Client({ connectionString: ${JSON.stringify(`file://${dir}`)} })
    const body = 'x'.repeat(4 << 20)
    let started = 0
    let done = 0
    const loop = async () => { for (;;) { await c.putObject({ key: 'big/' + (started++ % 64), body }); if (++done === 8) console.log('writing') } }
    for (let i = 0; i < 16; i++) loop()
  `], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] })
  const closed = new Promise((resolve) => child.once('close', resolve))
  try {
    await Promise.race([
      new Promise((resolve) => child.stdout.once('data', resolve)),
      closed.then(() => { throw new Error('the writer exited early') })
    ])
    for (let attempt = 0; attempt < 200 && tempFiles(dir).length === 0; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
  } finally {
    child.kill('SIGKILL')
    await closed
  }
}

describe('file backend across processes', () => {
  it('loses no acknowledged conditional update when 4 processes update one record', async () => {
    const dir = freshDir()
    const res = await counters(dir)
    await res.insert({ id: 'shared', count: 0 })
    const perProcess = 60
    const runs = await Promise.all(Array.from({ length: 4 }, () => runChild([writer, dir, String(perProcess)])))
    let acknowledged = 0
    for (const run of runs) {
      assert.equal(run.code, 0, run.err)
      acknowledged += JSON.parse(run.out.trim()).acknowledged
    }
    assert.equal(acknowledged, 4 * perProcess)
    assert.equal((await res.get('shared')).count, acknowledged)
  })

  it('removes the temp files of dead writers on open and never lists them', async () => {
    const dir = freshDir()
    const res = await counters(dir)
    await res.insert({ id: 'a', count: 1 })
    await res.insert({ id: 'b', count: 2 })
    const recordDir = dirname(filesUnder(dir).find((f) => f.includes('id=a')))
    // A pid that has exited: a child that ran and is gone.
    const deadPid = spawnSync(process.execPath, ['-e', '0']).pid
    const past = (seconds) => (Date.now() - seconds * 1000) / 1000
    const dead = join(recordDir, `~tmp.${deadPid}.00000000deadbeef`)
    const unknownOld = join(recordDir, '~tmp.0123456789abcdef')
    const live = join(recordDir, `~tmp.${process.pid}.00000000cafecafe`)
    for (const f of [dead, unknownOld, live]) writeFileSync(f, 'S3DBOBJ1 partial')
    utimesSync(dead, past(30), past(30))
    utimesSync(unknownOld, past(20 * 60), past(20 * 60))
    assert.deepEqual((await res.listIds()).sort(), ['a', 'b'])

    const { got, listed } = reopen(dir, ['a', 'b'])
    assert.deepEqual(got, [1, 2])
    assert.deepEqual(listed, ['a', 'b'])
    assert.equal(existsSync(dead), false, 'temp file of a dead writer left behind')
    assert.equal(existsSync(unknownOld), false, 'old temp file left behind')
    assert.equal(existsSync(live), true, 'temp file of a running writer removed')
  })

  it('cleans up after a writer killed with SIGKILL in the middle of its writes', async () => {
    const dir = freshDir()
    const res = await counters(dir)
    await res.insert({ id: 'kept', count: 7 })
    // Big concurrent writes, so the kill lands while temp files exist. The kill can still
    // land between two writes (a loaded machine renames a file away between the poll and the
    // signal): then the writer is started again, a few times at most.
    let leftovers = []
    for (let run = 0; run < 5 && leftovers.length === 0; run++) {
      await killWriterMidWrite(dir)
      leftovers = tempFiles(dir)
    }
    assert.ok(leftovers.length > 0, 'the kill left no temp file to clean up; nothing was tested')
    // As if the restart came a little later: past the wait for a dead writer's files.
    for (const f of leftovers) utimesSync(f, (Date.now() - 10_000) / 1000, (Date.now() - 10_000) / 1000)

    const { got, listed } = reopen(dir, ['kept'])
    assert.deepEqual(got, [7])
    assert.deepEqual(listed, ['kept'])
    assert.deepEqual(tempFiles(dir), [])
  })
})
