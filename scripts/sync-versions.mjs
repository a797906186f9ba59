#!/usr/bin/env node
// Keeps the platform packages in lock-step with the main package: every npm/<platform>/package.json
// gets the main package.json version. The main package's optionalDependencies pin that same exact
// version; scripts/package.sh writes them from these folders when it packs.
//
//   node scripts/sync-versions.mjs            # copy the main version into npm/*/package.json
//   node scripts/sync-versions.mjs 0.2.0      # set a new version everywhere (package-lock.json too)
//   node scripts/sync-versions.mjs --check    # exit 1 if any package differs (changes nothing)
//
// binding.js embeds the version: run `npm run build` after a change and commit binding.js.
import { readFileSync, writeFileSync, readdirSync, existsSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const arg = process.argv[2]
const check = arg === '--check'
const SEMVER = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'))
// Replace only the version line, so the file keeps its layout and other fields.
function setVersion (file, version) {
  const text = readFileSync(file, 'utf8')
  const next = text.replace(/("version"\s*:\s*")[^"]*(")/, `$1${version}$2`)
  if (next !== text) writeFileSync(file, next)
}

const mainFile = join(root, 'package.json')
if (arg && !check) {
  if (!SEMVER.test(arg)) {
    console.error(`not a version: ${arg}`)
    process.exit(2)
  }
  setVersion(mainFile, arg)
  // The lock file records the root package's version too; npm writes it as 2-space JSON.
  const lockFile = join(root, 'package-lock.json')
  if (existsSync(lockFile)) {
    const lock = readJson(lockFile)
    lock.version = arg
    if (lock.packages && lock.packages['']) lock.packages[''].version = arg
    writeFileSync(lockFile, JSON.stringify(lock, null, 2) + '\n')
  }
}
const main = readJson(mainFile)

const stale = []
for (const dir of readdirSync(join(root, 'npm')).sort()) {
  const file = join(root, 'npm', dir, 'package.json')
  if (!existsSync(file)) continue
  const pkg = readJson(file)
  if (pkg.name !== `${main.name}-${dir}`) {
    console.error(`npm/${dir}/package.json is named ${pkg.name}, expected ${main.name}-${dir}`)
    process.exit(1)
  }
  if (pkg.version === main.version) continue
  stale.push(`${pkg.name} ${pkg.version}`)
  if (!check) setVersion(file, main.version)
}

if (check && stale.length) {
  console.error(`not at ${main.version}: ${stale.join(', ')} (run: npm run sync-versions)`)
  process.exit(1)
}
if (!check && stale.length) console.log(`set ${main.version} on: ${stale.join(', ')}`)
