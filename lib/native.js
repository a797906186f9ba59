// @ts-check
'use strict'
// Loads the native addon through the loader `napi build` generates (binding.js), and turns its
// failure into one error that names this platform's package and how to install it.
const { bindingLoadError, versionMismatchError } = require('./platform-package')

/** @type {import('../binding')} */
let binding
try {
  binding = require('../binding.js')
} catch (err) {
  throw bindingLoadError(err)
}
const mismatch = versionMismatchError()
if (mismatch) throw mismatch

module.exports = binding
