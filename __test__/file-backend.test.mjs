// The file backend: atomic objects under concurrent writers, keys that can never leave the
// root, keys that are also prefixes, and data that outlives the process.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, readdirSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import s3db from '../index.js'

const { FileSystemClient, ResourceError } = s3db
const root = fileURLToPath(new URL('..', import.meta.url))

function freshDir () {
  return mkdtempSync(join(tmpdir(), 's3db-native-fs-'))
}

function allFiles (dir) {
  return readdirSync(dir, { recursive: true }).map((f) => resolve(dir, f)).filter((f) => statSync(f).isFile())
}

describe('file backend', () => {
  it('never tears an object under 50 concurrent writers to one key', async () => {
    const client = new FileSystemClient({ basePath: freshDir() })
    for (let round = 0; round < 5; round++) {
      await Promise.all(Array.from({ length: 50 }, (_, i) => client.putObject({ key: 'hot', metadata: { writer: String(i) }, body: `body-of-${i}-`.repeat(200 + i) })))
      const got = await client.getObject('hot')
      const writer = got.Metadata.writer
      assert.equal(await got.Body.transformToString(), `body-of-${writer}-`.repeat(200 + Number(writer)))
    }
  })

  it('lets exactly one of many concurrent create-if-absent writes win', async () => {
    const client = new FileSystemClient({ basePath: freshDir() })
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => client.putObject({ key: 'once', body: String(i), ifNoneMatch: '*' })))
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1)
    for (const r of results.filter((r) => r.status === 'rejected')) assert.ok(r.reason instanceof ResourceError && r.reason.statusCode === 412)
  })

  it('keeps every key inside its directory, however it is spelled', async () => {
    const base = freshDir()
    const client = new FileSystemClient({ basePath: join(base, 'db') })
    const keys = ['../escape', '../../etc/passwd', 'a/../../b', './x', 'dbl//slash', '/abs', 'dots/../..', '~tmp.fake']
    for (const key of keys) await client.putObject({ key, body: key })
    const dbRoot = resolve(base, 'db')
    for (const file of allFiles(base)) assert.ok(file.startsWith(dbRoot + '/'), `${file} escaped`)
    const listed = await client.getAllKeys()
    assert.equal(listed.length, new Set(keys.map((k) => k)).size)
    for (const key of keys) assert.equal(await (await client.getObject(key)).Body.transformToString(), key)
  })

  it('stores a key and a key below it side by side', async () => {
    const client = new FileSystemClient({ basePath: freshDir() })
    await client.putObject({ key: 'a', body: 'parent' })
    await client.putObject({ key: 'a/b', body: 'child' })
    await client.putObject({ key: 'dir/', body: 'trailing' })
    assert.equal(await (await client.getObject('a')).Body.transformToString(), 'parent')
    assert.equal(await (await client.getObject('a/b')).Body.transformToString(), 'child')
    assert.deepEqual(await client.getAllKeys(), ['a', 'a/b', 'dir/'])
    await client.deleteObject('a')
    assert.deepEqual(await client.getAllKeys(), ['a/b', 'dir/'])
  })

  it('keeps data for the next process', async () => {
    const dir = freshDir()
    const client = new FileSystemClient({ basePath: dir, bucket: 'persist', keyPrefix: 'app' })
    await client.putObject({ key: 'saved', metadata: { note: 'olá' }, body: 'kept' })
    const child = spawnSync(process.execPath, ['-e', `
      const { S3Client } = require('./index.js')
      const c = new S3Client({ connectionString: 'file://${dir}?bucket=persist&keyPrefix=app' })
      c.getObject('saved').then(async (r) => console.log(r.Metadata.note, await r.Body.transformToString()))
    `], { cwd: root, encoding: 'utf8' })
    assert.equal(child.status, 0, child.stderr)
    assert.equal(child.stdout.trim(), 'olá kept')
  })
})
