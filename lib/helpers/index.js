// @ts-check
'use strict'
// The s3db.js root exports around schemas, ids, crypto, metadata and sizes, gathered for index.js.

const { Schema } = require('../schema')
const { Validator } = require('../validator')

module.exports = {
  Schema,
  Validator,
  ...require('./ids'),
  ...require('./crypto'),
  ...require('./metadata-encoding'),
  ...require('./sizes'),
  ...require('./try-fn'),
  ...require('./streams'),
  ...require('./behaviors'),
  ...require('./base62')
}
