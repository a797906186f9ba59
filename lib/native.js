'use strict'
// Loads the native addon through the loader `napi build` generates.
module.exports = require('../binding.js')
