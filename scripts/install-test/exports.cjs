// Plain require() of the installed package: named and default exports, and where the binary came from.
const assert = require('node:assert/strict')
const path = require('node:path')
const api = require('s3db-native')
const platform = process.argv[2]

for (const name of ['S3db', 'Database', 'Resource', 'S3Client', 'MemoryClient', 'ValidationError', 'OperationsPool']) {
  assert.equal(typeof api[name], 'function', `require('s3db-native').${name}`)
}
assert.equal(api.default, api.S3db, 'require().default is S3db')
// The platform package is a real install in this app, not something found in a parent folder.
const pkgDir = path.dirname(require.resolve(`s3db-native-${platform}/package.json`))
assert.equal(pkgDir, path.join(process.cwd(), 'node_modules', `s3db-native-${platform}`))
console.log(`install-test: require ok (binary from node_modules/s3db-native-${platform})`)
