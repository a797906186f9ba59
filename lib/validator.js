// @ts-check
'use strict'
// s3db.js's `Validator`: fastest-validator configured the s3db.js way (strings trimmed, numbers
// and booleans converted, unknown keys removed inside objects), here compiled by the native
// codec. `compile(schema)` gives the async check fastest-validator gives: it fixes `data` in
// place and resolves `true` or the list of errors (`{ type, message, field, expected, actual }`).

const { Schema } = require('./schema')

class Validator {
  /**
   * @param {{ options?: object, passphrase?: string, bcryptRounds?: number, autoEncrypt?: boolean,
   *   autoHash?: boolean }} [config]
   */
  constructor ({ options, passphrase, bcryptRounds = 10, autoEncrypt = true, autoHash = true } = {}) {
    this.opts = { ...(options || {}) }
    this.passphrase = passphrase
    this.bcryptRounds = bcryptRounds
    this.autoEncrypt = autoEncrypt
    this.autoHash = autoHash
  }

  compile (schema) {
    /** @type {Record<string, any>} */
    const attributes = {}
    for (const [k, v] of Object.entries(schema || {})) if (!k.startsWith('$$')) attributes[k] = v
    const compiled = new Schema({
      name: 'validator',
      attributes,
      passphrase: this.passphrase,
      bcryptRounds: this.bcryptRounds,
      options: { generateAutoHooks: false, allNestedObjectsOptional: false }
    })
    return (data) => compiled.validator(data)
  }

  validate (data, schema) {
    return this.compile(schema)(data)
  }
}

const ValidatorManager = Validator

module.exports = { Validator, ValidatorManager }
