// The loader's one clear error: a copy of the package without its binary (as an install without the
// platform package leaves it) is required in a child process, for each way loading can fail.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, mkdirSync, writeFileSync, symlinkSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createRequire } from 'node:module'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
const { PREBUILT, currentPlatform } = require('../lib/platform-package.js')
const { name, version, napi } = require('../package.json')
const platform = currentPlatform()

// The package as npm would unpack it without its platform package: JS only.
function packageCopy (t) {
  const dir = mkdtempSync(join(tmpdir(), 's3db-native-loader-'))
  t.after(() => rmSync(dir, { recursive: true, force: true }))
  const pkg = join(dir, 'node_modules', name)
  mkdirSync(pkg, { recursive: true })
  for (const f of ['index.js', 'index.mjs', 'binding.js', 'package.json', 'lib']) cpSync(join(root, f), join(pkg, f), { recursive: true })
  return dir
}

function fakePlatformPackage (dir, target, { pkgVersion = version, binary } = {}) {
  const pkg = join(dir, 'node_modules', `${name}-${target}`)
  mkdirSync(pkg, { recursive: true })
  const main = `${name}.${target}.node`
  writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: `${name}-${target}`, version: pkgVersion, main }))
  if (binary) binary(join(pkg, main))
}

// The copy finds the package's runtime dependencies in the checkout's node_modules.
const runtimeDeps = { NAPI_RS_NATIVE_LIBRARY_PATH: '', NODE_PATH: join(root, 'node_modules') }

function requireIn (dir, { preload, env } = {}) {
  const args = [...(preload ? ['--require', preload] : []), '-e', `require('${name}')`]
  const r = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8', env: { ...process.env, ...runtimeDeps, ...env } })
  assert.notEqual(r.status, 0, 'require should fail')
  assert.match(r.stderr, /NativeBindingError/)
  assert.doesNotMatch(r.stderr, /Cannot find module/, 'no chain of module-resolution misses')
  return r.stderr
}

test('a missing platform package names it and how to install it', (t) => {
  const out = requireIn(packageCopy(t))
  assert.match(out, new RegExp(`native binary for ${platform}`))
  assert.match(out, new RegExp(`platform package ${name}-${platform} is not installed`))
  assert.match(out, new RegExp(`Fix: npm install ${name}-${platform}@${version.replace(/\./g, '\\.')}`))
  assert.match(out, /code: 'ERR_S3DB_NATIVE_BINDING'/)
  assert.doesNotMatch(out, /\[cause\]/)
})

test('the package of the other libc says which libc it is for', { skip: !platform.startsWith('linux-') }, (t) => {
  const dir = packageCopy(t)
  const [, arch, libc] = platform.split('-')
  const other = libc === 'gnu' ? 'musl' : 'gnu'
  fakePlatformPackage(dir, `linux-${arch}-${other}`)
  const out = requireIn(dir)
  assert.match(out, new RegExp(`${name}-linux-${arch}-${other} is installed, but it is built for ${other === 'gnu' ? 'glibc' : 'musl'}`))
  assert.match(out, new RegExp(`npm install ${name}-${platform}@`))
})

test('an unsupported platform lists the prebuilt ones and the source build', (t) => {
  const dir = packageCopy(t)
  const preload = join(dir, 'as-freebsd.cjs')
  writeFileSync(preload, "Object.defineProperty(process, 'platform', { value: 'freebsd' })\n")
  const out = requireIn(dir, { preload })
  assert.match(out, new RegExp(`native binary for freebsd-${process.arch}`))
  assert.match(out, new RegExp(`There is no prebuilt package for freebsd-${process.arch}; prebuilt: ${PREBUILT.join(', ')}`))
  assert.match(out, /Building from source/)
  assert.match(out, /NAPI_RS_NATIVE_LIBRARY_PATH/)
})

test('an installed binary that does not load gives the loader\'s reason as the one cause', (t) => {
  const dir = packageCopy(t)
  fakePlatformPackage(dir, platform, { binary: (file) => writeFileSync(file, 'not a shared object') })
  const out = requireIn(dir)
  assert.match(out, new RegExp(`${name}-${platform}@${version.replace(/\./g, '\\.')} is installed, but its binary did not load: `))
  assert.equal(out.match(/\[cause\]/g)?.length, 1)
})

const builtBinary = join(root, `${name}.${platform}.node`)
test('a platform package of another version is refused', { skip: !existsSync(builtBinary) && 'no build in the checkout' }, (t) => {
  const dir = packageCopy(t)
  fakePlatformPackage(dir, platform, { pkgVersion: '999.0.0', binary: (file) => symlinkSync(builtBinary, file) })
  const out = requireIn(dir)
  assert.match(out, new RegExp(`loaded ${name}-${platform}@999\\.0\\.0; the two must be the same version`))
})

test('the installed platform package of this version loads', { skip: !existsSync(builtBinary) && 'no build in the checkout' }, (t) => {
  const dir = packageCopy(t)
  fakePlatformPackage(dir, platform, { binary: (file) => symlinkSync(builtBinary, file) })
  const r = spawnSync(process.execPath, ['-e', `const { S3db } = require('${name}'); new S3db({ connectionString: 'memory://loader/test' })`],
    { cwd: dir, encoding: 'utf8', env: { ...process.env, ...runtimeDeps } })
  assert.equal(r.status, 0, r.stderr)
})

test('the prebuilt list, the npm/ folders and the napi targets name the same platforms', () => {
  const folders = readdirSync(join(root, 'npm')).filter((d) => existsSync(join(root, 'npm', d, 'package.json')))
  assert.deepEqual([...folders].sort(), [...PREBUILT].sort())
  assert.equal(napi.targets.length, PREBUILT.length)
  for (const d of folders) {
    const pkg = JSON.parse(readFileSync(join(root, 'npm', d, 'package.json'), 'utf8'))
    assert.equal(pkg.name, `${name}-${d}`)
    assert.equal(pkg.version, version, `${pkg.name} is in lock-step`)
    assert.deepEqual(pkg.files, [`${name}.${d}.node`])
    const [os, cpu, abi] = d.split('-')
    assert.deepEqual(pkg.os, [os])
    assert.deepEqual(pkg.cpu, [cpu])
    if (os === 'linux') assert.deepEqual(pkg.libc, [abi === 'gnu' ? 'glibc' : 'musl'])
  }
})
