// The main job: s3db-native's object layer on the embedded file backend (./demo-data).
// Writes a few records the way s3db.js stores them (fields in S3 metadata), reads them back,
// lists and pages them, and shows an atomic create-if-absent write refusing a duplicate id.
import { S3Client, ResourceError } from '../index.mjs'

const connectionString = process.argv[2] ?? 'file://./demo-data?bucket=demo&keyPrefix=databases/myapp'
const client = new S3Client({ connectionString })
console.log(`s3db-native demo on ${connectionString}`)

const people = [
  { id: 'ada', name: 'Ada Lovelace', city: 'London', born: 1815 },
  { id: 'jose', name: 'José Saramago', city: 'Azinhaga', born: 1922 },
  { id: 'tokyo', name: '北斎', city: '江戸', born: 1760 }
]

await client.deleteAll({ prefix: 'resource=people/' })
for (const p of people) {
  await client.putObject({ key: `resource=people/data/id=${p.id}`, metadata: { _v: 'v1', ...p }, ifNoneMatch: '*' })
}
console.log(`wrote ${people.length} records; count = ${await client.count({ prefix: 'resource=people/data' })}`)

try {
  await client.putObject({ key: 'resource=people/data/id=ada', metadata: { name: 'impostor' }, ifNoneMatch: '*' })
} catch (err) {
  if (!(err instanceof ResourceError)) throw err
  console.log(`duplicate id refused: ${err.name} ${err.statusCode} ${err.code}`)
}

for (const key of await client.getAllKeys({ prefix: 'resource=people/data' })) {
  const { Metadata } = await client.headObject(key)
  console.log(`  ${key.padEnd(30)} ${Metadata.name} (${Metadata.city}, ${Metadata.born})`)
}
console.log('page 2 of size 2:', await client.getKeysPage({ prefix: 'resource=people/data', offset: 2, amount: 2 }))
