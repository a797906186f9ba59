// Starts and stops the local S3 servers through the project's scripts (each records its PID and
// stops exactly that process). Every start gets a fresh state dir, so no run sees old objects.
import { spawnSync } from 'node:child_process'
import { mkdirSync, rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { S3Client, CreateBucketCommand } from '@aws-sdk/client-s3'

const repo = fileURLToPath(new URL('../../', import.meta.url))
const scripts = {
  moto: ['scripts/moto.sh'],
  's3s-fs': ['benchmarks/s3s-fs.sh']
}
// s3s-fs checks SigV4 against these; moto accepts anything.
export const credentials = { accessKeyId: 'test', secretAccessKey: 'testsecret' }

const running = new Map()

export function startServer (name, stateDir) {
  rmSync(stateDir, { recursive: true, force: true })
  mkdirSync(stateDir, { recursive: true })
  const r = spawnSync('bash', [...scripts[name], 'start', stateDir], { cwd: repo, encoding: 'utf8', timeout: 900_000 })
  if (r.status !== 0) throw new Error(`${name} did not start: ${(r.stderr || '').trim().split('\n').slice(-5).join(' / ')}`)
  const endpoint = r.stdout.trim().split('\n').pop()
  running.set(name, stateDir)
  return endpoint
}

export function stopServer (name) {
  const stateDir = running.get(name)
  if (!stateDir) return
  spawnSync('bash', [...scripts[name], 'stop', stateDir], { cwd: repo, encoding: 'utf8', timeout: 30_000 })
  running.delete(name)
}

export function stopAll () {
  for (const name of [...running.keys()]) stopServer(name)
}

export async function createBucket (endpoint, bucket) {
  const s3 = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials })
  try {
    await s3.send(new CreateBucketCommand({ Bucket: bucket }))
  } finally {
    s3.destroy()
  }
}
