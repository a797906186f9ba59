// @ts-check
'use strict'
// Methods s3db.js 19.5.10's Database and Resource have and s3db-native does not provide (most
// are internals of 19.x's own implementation: listing helpers, partition-reference upkeep,
// version mapping). Each is a prototype method that throws a TypeError naming it, so a plugin
// written against 19.5.10 that calls one is told why instead of getting "x is not a function".
// Prototype methods cost nothing on any other call. Names that 19.x code feature-detects
// (`resource.applyPartitionRule ? ... : ...`, `typeof x.destroy === 'function'`) stay absent,
// so such checks still take their fallback.

const DATABASE_METHODS = [
  'setConcurrency', 'handleError', 'getListenerStats', 'getTotalListenerCount', 'isDestroyed',
  'removeSignalHandlers',
]

const RESOURCE_METHODS = [
  'configureIdGenerator', 'getIdGeneratorType', 'applyConfiguration', 'setupPartitionHooks',
  'fieldExistsInAttributes', 'calculateContentLength', 'listMain', 'buildPartitionPrefix',
  'extractIdsFromKeys', 'processListResults', 'processPartitionResults',
  'extractPartitionValuesFromKey', 'handleResourceError', 'handleListError',
  'extractVersionFromKey', 'getSchemaForVersion', 'createPartitionReferences',
  'deletePartitionReferences', 'handlePartitionReferenceUpdates', 'handlePartitionReferenceUpdate',
  'updatePartitionReferences', 'createHistoricalVersion', 'applyVersionMapping',
  'composeFullObjectFromWrite', 'executeGuard', 'applyDefaults', 'emitSync', 'setAsyncMode',
]

const UNSUPPORTED = Symbol.for('s3db-native.unsupportedMethod')

function unsupportedMethod (className, name) {
  const method = function () {
    /** @type {TypeError & { code?: string, method?: string }} */
    const error = new TypeError(`${className}.${name}() is part of s3db.js 19.5.10 but s3db-native does not provide it (see COMPATIBILITY.md)`)
    error.code = 'ERR_S3DB_NATIVE_UNSUPPORTED'
    error.method = `${className}.${name}`
    throw error
  }
  Object.defineProperty(method, 'name', { value: name })
  method[UNSUPPORTED] = true
  return method
}

/** Adds the throwing stand-ins to `proto` for the names it does not have (non-enumerable). */
function addUnsupportedMethods (proto, className) {
  const names = className === 'Database' ? DATABASE_METHODS : RESOURCE_METHODS
  for (const name of names) {
    if (name in proto) continue
    Object.defineProperty(proto, name, {
      value: unsupportedMethod(className, name), writable: true, configurable: true, enumerable: false
    })
  }
}

/** Is `fn` one of these stand-ins? */
function isUnsupportedMethod (fn) {
  return typeof fn === 'function' && fn[UNSUPPORTED] === true
}

module.exports = { addUnsupportedMethods, isUnsupportedMethod, DATABASE_METHODS, RESOURCE_METHODS }
