// An update that moves a record to another partition value keeps its reference in every
// partition. After such an update s3db.js 19.5.10 deletes the record's stale references by
// listing `partition=<name>` without a trailing slash: the sweep of byCategory also lists
// byCategoryColor, and deletes the record's new reference there
// (COMPATIBILITY.md "An update that moves a record keeps its partition references").
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { setTimeout as sleep } from 'node:timers/promises'
import { uniqueName } from '../helpers/backends.mjs'
import { baseOptions, libraries } from './harness/libraries.mjs'

const [reference, native] = await libraries()

async function moveAndList (lib) {
  const db = new lib.mod.S3db({ ...baseOptions, connectionString: `memory://${uniqueName('sweep')}/app` })
  await db.connect()
  try {
    const res = await db.createResource({
      name: 'products',
      attributes: { title: 'string', category: 'string', color: 'string' },
      partitions: { byCategory: { fields: { category: 'string' } }, byCategoryColor: { fields: { category: 'string', color: 'string' } } }
    })
    await res.insert({ id: 'p1', title: 'x', category: 'toys', color: 'red' })
    await res.update('p1', { category: 'books' })
    // 19.5.10 moves the references after update resolved (asyncPartitions, its default).
    await sleep(100)
    return {
      byCategory: await res.listIds({ partition: 'byCategory', partitionValues: { category: 'books' } }),
      byCategoryColor: await res.listIds({ partition: 'byCategoryColor', partitionValues: { category: 'books', color: 'red' } })
    }
  } finally {
    await db.disconnect()
  }
}

describe('an update that moves a record between partition values', () => {
  it('s3db-native lists the record in both partitions', async () => {
    assert.deepEqual(await moveAndList(native), { byCategory: ['p1'], byCategoryColor: ['p1'] })
  })

  it('s3db.js 19.5.10 loses it from the partition whose name extends the other', async () => {
    assert.deepEqual(await moveAndList(reference), { byCategory: ['p1'], byCategoryColor: [] })
  })
})
