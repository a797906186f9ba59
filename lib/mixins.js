// @ts-check
'use strict'
// The one way a class takes methods from the files that share its work (resource-listing.js,
// database-plugins.js, pool/client-pool.js, ...): as non-enumerable prototype methods, like the
// class's own, and never over a method the class has (its own or inherited).

/**
 * @param {Function} Class
 * @param {...object} sources objects of methods
 */
function mixMethods (Class, ...sources) {
  for (const source of sources) {
    // Symbol keys too (Symbol.asyncIterator of the listing methods).
    for (const name of Reflect.ownKeys(source)) {
      if (name in Class.prototype) continue
      const descriptor = /** @type {PropertyDescriptor} */ (Object.getOwnPropertyDescriptor(source, name))
      Object.defineProperty(Class.prototype, name, { ...descriptor, enumerable: false })
    }
  }
}

module.exports = { mixMethods }
