// Plain import of the installed package: default and named exports are the CommonJS objects.
import { strict as assert } from 'node:assert'
import { createRequire } from 'node:module'
import S3db, * as named from 's3db-native'

const cjs = createRequire(import.meta.url)('s3db-native')
assert.equal(S3db, cjs.S3db, 'default import is S3db')
for (const name of ['S3db', 'Database', 'Resource', 'S3Client', 'MemoryClient', 'ValidationError', 'ConnectionString']) {
  assert.equal(named[name], cjs[name], `import { ${name} }`)
}
console.log('install-test: import ok')
