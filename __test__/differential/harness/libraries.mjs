// The two libraries under comparison, each as { name, mod } where `mod` exposes the s3db.js
// public API (S3db, Database, error classes, ...).
import native from '../../../index.js'
import { loadReference } from '../../helpers/reference.mjs'

export async function libraries () {
  return [{ name: 'reference', mod: await loadReference() }, { name: 'native', mod: native }]
}

/** Options every Database of the harness gets: quiet logs, nothing else. */
export const baseOptions = { logLevel: 'silent' }
