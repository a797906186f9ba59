// @ts-check
'use strict'
// s3db.js's `[ok, err, data]` result tuples for sync and async work.

function asError (e) {
  return e instanceof Error ? e : new Error(String(e))
}

function settle (promise) {
  return Promise.resolve(promise).then((data) => [true, null, data], (e) => [false, asError(e), undefined])
}

// A function, a promise or a plain value; a function returning a thenable yields a promise.
function tryFn (fnOrPromise) {
  if (fnOrPromise == null) return [false, new Error('fnOrPromise cannot be null or undefined'), undefined]
  if (typeof fnOrPromise === 'function') {
    try {
      const result = fnOrPromise()
      if (result != null && typeof result.then === 'function') return settle(result)
      return [true, null, result]
    } catch (e) {
      return [false, asError(e), undefined]
    }
  }
  if (typeof fnOrPromise.then === 'function') return settle(fnOrPromise)
  return [true, null, fnOrPromise]
}

function tryFnSync (fn) {
  try {
    return [true, null, fn()]
  } catch (e) {
    return [false, asError(e), undefined]
  }
}

module.exports = { tryFn, tryFnSync }
