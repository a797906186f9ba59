// Child process for the cross-process file-backend test: `updates` read-modify-write increments
// of one record's counter through updateConditional, retrying on an ETag mismatch. Prints the
// number of increments that were acknowledged.
// Usage: node robustness-file-writer.cjs <dir> <updates>
'use strict'
const { join } = require('node:path')
const { Database } = require(join(__dirname, '..', '..'))

const [dir, updatesArg] = process.argv.slice(2)
const updates = Number(updatesArg)

;(async () => {
  const db = new Database({ connectionString: `file://${dir}`, logLevel: 'silent' })
  await db.connect()
  const res = await db.createResource({ name: 'counters', attributes: { count: 'number' } })
  let acknowledged = 0
  let conflicts = 0
  while (acknowledged < updates) {
    const current = await res.get('shared')
    const result = await res.updateConditional('shared', { count: current.count + 1 }, { ifMatch: current._etag })
    if (result.success) acknowledged++
    else conflicts++
  }
  console.log(JSON.stringify({ acknowledged, conflicts }))
})().catch((err) => { console.error(err); process.exit(2) })
