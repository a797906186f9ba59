// @ts-check
'use strict'
// Which prebuilt platform package this Node process needs, named the napi-rs way
// (`s3db-native-<platform>-<arch>[-<abi>]`), and the one clear error shown when it cannot load.

const { existsSync, readFileSync } = require('node:fs')
const path = require('node:path')
const { name: mainName, version } = require('../package.json')

// The platforms with a prebuilt package, as listed in package.json `optionalDependencies`.
const PREBUILT = [
  'linux-x64-gnu', 'linux-arm64-gnu', 'linux-x64-musl', 'linux-arm64-musl',
  'darwin-x64', 'darwin-arm64', 'win32-x64-msvc'
]

// The libc of the running Node. /usr/bin/ldd names its libc (glibc's script says "GNU C Library",
// musl's is musl's loader), which is cheap to read; only when it says neither is the process
// report asked (glibc reports its runtime version, musl does not): building a report costs
// milliseconds and over 1 MiB of RSS, which every load of the addon would pay.
function linuxLibc () {
  let ldd = ''
  try {
    ldd = readFileSync('/usr/bin/ldd', 'utf8')
  } catch {}
  if (ldd.includes('musl')) return 'musl'
  if (ldd.includes('GNU C Library')) return 'gnu'
  try {
    // The report's declared type is a plain object: only its header's glibc field is read here.
    /** @type {{ header?: { glibcVersionRuntime?: string } }} */
    const report = /** @type {any} */ (process.report && process.report.getReport())
    const header = report && report.header
    if (header && header.glibcVersionRuntime) return 'gnu'
  } catch {}
  return 'musl'
}

/** The napi-rs platform name of this process, e.g. `linux-x64-gnu`, `darwin-arm64`. */
function currentPlatform () {
  const { platform, arch } = process
  if (platform === 'linux') return `linux-${arch}-${linuxLibc()}`
  if (platform === 'win32') return `win32-${arch}-msvc`
  return `${platform}-${arch}`
}

const packageOf = (platform) => `${mainName}-${platform}`

// The installed version of a platform package, or null when it is not installed.
function installedVersion (platform) {
  try {
    return require(`${packageOf(platform)}/package.json`).version
  } catch {
    return null
  }
}

const LIBC_NAME = { gnu: 'glibc', musl: 'musl' }
const SOURCE_BUILD =
  'Build the binary from source with a Rust toolchain (README.md, "Building from source") and point ' +
  'NAPI_RS_NATIVE_LIBRARY_PATH at the .node file it writes.'

// Another libc's package of the same OS and CPU, when that is what is installed instead.
function otherLibcInstalled (platform) {
  const m = /^linux-(\w+)-(gnu|musl)$/.exec(platform)
  if (!m) return null
  const other = `linux-${m[1]}-${m[2] === 'gnu' ? 'musl' : 'gnu'}`
  return installedVersion(other) ? { platform: other, libc: LIBC_NAME[m[2] === 'gnu' ? 'musl' : 'gnu'], own: LIBC_NAME[m[2]] } : null
}

// The first line of a load failure that is not a module-resolution miss: what dlopen said.
function loadFailureOf (err) {
  for (let e = err, depth = 0; e && depth < 50; e = e.cause, depth++) {
    if (e.code !== 'MODULE_NOT_FOUND' && !/^Cannot find (native binding|module)/.test(e.message || '')) return e
  }
  return null
}

/**
 * The error for a binding that did not load: names the platform, the package to install and how,
 * with at most one cause (the loader's own message when a binary was found but did not load).
 */
function bindingLoadError (err) {
  const platform = currentPlatform()
  const pkg = packageOf(platform)
  const failure = loadFailureOf(err)
  const lines = [`${mainName} could not load its native binary for ${platform} (Node.js ${process.version}).`]
  const override = process.env.NAPI_RS_NATIVE_LIBRARY_PATH
  if (override) {
    lines.push(`NAPI_RS_NATIVE_LIBRARY_PATH is set to ${override}, and that file did not load` +
      (failure ? `: ${firstLine(failure)}` : '.'))
  } else if (!PREBUILT.includes(platform)) {
    lines.push(`There is no prebuilt package for ${platform}; prebuilt: ${PREBUILT.join(', ')}.`, SOURCE_BUILD)
  } else if (installedVersion(platform) === null) {
    const other = otherLibcInstalled(platform)
    if (other) {
      lines.push(`${packageOf(other.platform)} is installed, but it is built for ${other.libc} and this system's libc is ${other.own}.`,
        'node_modules was probably installed on another system (a host or a build stage with another libc).')
    } else {
      lines.push(`Its platform package ${pkg} is not installed. npm installs it as an optional dependency of ${mainName};`,
        'it is missing when optional dependencies were omitted (--omit=optional, --no-optional) or when node_modules',
        'was installed on another OS, CPU or libc (copied from a host or another build stage).')
    }
    lines.push(`Fix: npm install ${pkg}@${version} (or delete node_modules and package-lock.json and run npm install on this system).`)
  } else if (failure) {
    lines.push(`${pkg}@${installedVersion(platform)} is installed, but its binary did not load: ${firstLine(failure)}`)
    if (/GLIBC_[0-9.]+' not found/.test(failure.message)) {
      lines.push('This system\'s glibc is older than the one the binary needs; the prebuilt Linux packages need glibc 2.17 or newer.')
    }
    lines.push(`Fix: reinstall it (npm install ${pkg}@${version}). ${SOURCE_BUILD}`)
  } else {
    lines.push(`${pkg} is installed but did not load.`, `Fix: npm install ${pkg}@${version}.`)
  }
  // The loader links every attempt as a cause chain; keep only the failure itself.
  /** @type {(Error & { code?: string }) | undefined} */
  let cause
  if (failure) {
    cause = new Error(failure.message)
    if (failure.code) cause.code = failure.code
  }
  /** @type {Error & { code?: string, platform?: string, packageName?: string }} */
  const error = new Error(lines.join('\n'), cause && { cause })
  error.name = 'NativeBindingError'
  error.code = 'ERR_S3DB_NATIVE_BINDING'
  error.platform = platform
  error.packageName = pkg
  return error
}

// A platform package of another release than this one: its native API may differ from this JS.
function versionMismatchError () {
  if (process.env.NAPI_RS_NATIVE_LIBRARY_PATH) return null
  const platform = currentPlatform()
  if (!PREBUILT.includes(platform)) return null
  // A binary built in this checkout sits beside package.json and is what binding.js loads first.
  if (existsSync(path.join(__dirname, '..', `${mainName}.${platform}.node`))) return null
  const installed = installedVersion(platform)
  if (installed === null || installed === version) return null
  const pkg = packageOf(platform)
  /** @type {Error & { code?: string, platform?: string, packageName?: string }} */
  const error = new Error(`${mainName}@${version} loaded ${pkg}@${installed}; the two must be the same version.\n` +
    `Fix: npm install ${pkg}@${version}.`)
  error.name = 'NativeBindingError'
  error.code = 'ERR_S3DB_NATIVE_BINDING'
  error.platform = platform
  error.packageName = pkg
  return error
}

function firstLine (err) {
  return String(err && err.message).split('\n')[0]
}

module.exports = { PREBUILT, currentPlatform, packageOf, bindingLoadError, versionMismatchError }
