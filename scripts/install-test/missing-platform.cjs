// An install without the platform package (optional dependencies omitted): one clear error that
// names the platform and the package to install, without a chain of "Cannot find module" causes.
const assert = require('node:assert/strict')
const platform = process.argv[2]
try {
  require('s3db-native')
  assert.fail('require should throw without the platform package')
} catch (err) {
  assert.equal(err.code, 'ERR_S3DB_NATIVE_BINDING')
  assert.equal(err.packageName, `s3db-native-${platform}`)
  assert.match(err.message, new RegExp(`npm install s3db-native-${platform}@`))
  assert.equal(err.cause, undefined)
  console.log(`install-test: without the platform package: ${err.message.split('\n')[0]}`)
}
