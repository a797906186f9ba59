// An app written against s3db.js's documented API (README quick start, resources guide),
// with only the import changed. `npm run typecheck` compiles it unchanged.
import S3db, { Database, NoSuchKey, InvalidResourceItem, Plugin } from 's3db-native'

interface User { name: string, email: string, age: number, isActive: boolean }

async function main (): Promise<void> {
  const s3db = new S3db({ connectionString: 's3://ACCESS_KEY:SECRET_KEY@BUCKET_NAME/databases/myapp' })
  await s3db.connect()
  const users = await s3db.createResource<User>({
    name: 'users',
    attributes: { name: 'string|min:2|max:100', email: 'email|unique', age: 'number|integer|positive', isActive: 'boolean' },
    timestamps: true,
    partitions: { byActive: { fields: { isActive: 'boolean' } } },
    hooks: { beforeInsert: [async (data) => data] }
  })
  const user = await users.insert({ name: 'John Doe', email: 'john@example.com', age: 30, isActive: true })
  const found = await users.get(user.id)
  console.log(found.name, found._lastModified.toISOString())
  await users.update(user.id, { age: 31 })
  const all = await users.list()
  console.log(all.length, await users.count(), await users.listIds({ limit: 10 }))
  const page = await users.page({ offset: 0, size: 10 })
  console.log(page.totalItems, page.items.map((u) => u.email))
  users.on('inserted', (record) => console.log(record.id))
  s3db.on('db:resource:metrics', ({ resource, heapUsedMB, arrayBuffersMB }) => console.log(resource, heapUsedMB, arrayBuffersMB ?? 0))
  s3db.on('db:plugin:metrics', ({ stage, plugin, rssMB, timestamp }) => console.log(stage === 'install', plugin, rssMB, timestamp))
  users.addHook('afterUpdate', (record) => record)
  users.useMiddleware('get', async (ctx, next) => next())
  try {
    await users.get('missing')
  } catch (err) {
    if (err instanceof NoSuchKey) console.log('missing')
    if (err instanceof InvalidResourceItem) console.log(err.validation)
  }
  for await (const record of users) console.log(record.id)
  const db: Database = s3db
  console.log(db.resources.users?.name, db.config.bucket)

  class MyPlugin extends Plugin {
    async onInstall (): Promise<void> {
      this.addHook(users, 'afterInsert', (record) => record)
    }
  }
  await db.usePlugin(new MyPlugin())
  await s3db.disconnect()
}

void main
