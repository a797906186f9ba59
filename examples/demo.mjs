// The main job: the s3db.js README quick start, unchanged but for the import, on the embedded
// file backend (./demo-data). Run it twice: the second run finds the first run's users.
import { S3db } from '../index.mjs'

const connectionString = process.argv[2] ?? 'file://./demo-data?bucket=demo&keyPrefix=databases/myapp'
const s3db = new S3db({ connectionString })
await s3db.connect()
console.log(`connected to ${connectionString}`)

const users = await s3db.createResource({
  name: 'users',
  attributes: {
    name: 'string|min:2|max:100',
    email: 'email|unique',
    age: 'number|integer|positive',
    isActive: 'boolean'
  },
  timestamps: true
})

const user = await users.insert({ name: 'John Doe', email: 'john@example.com', age: 30, isActive: true, createdAt: new Date() })
console.log('inserted', user.id)

const foundUser = await users.get(user.id)
console.log(`found ${foundUser.name}, age ${foundUser.age}`)

await users.update(user.id, { age: 31 })
console.log('updated age to', (await users.get(user.id)).age)

const allUsers = await users.list()
console.log(`${allUsers.length} user(s) stored; page 1:`, (await users.page({ size: 3 })).items.map((u) => `${u.name} (${u.age})`))

try {
  await users.insert({ name: 'X', email: 'not-an-email', age: -1, isActive: 'maybe' })
} catch (err) {
  console.log(`${err.name}: ${err.data.validation.map((v) => v.message).join(' | ')}`)
}

await s3db.disconnect()
