// The addon in worker_threads: worker pools load it in one worker after another (each env
// registers the module again and tears it down on terminate), or in several at once. Each run is
// a child process, so a crash shows as its exit status instead of killing the test runner.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const script = fileURLToPath(new URL('./helpers/robustness-workers.cjs', import.meta.url))

function runWorkers (...args) {
  const child = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', timeout: 60_000 })
  const detail = `signal=${child.signal} stderr=${child.stderr}`
  assert.equal(child.status, 0, `exit status ${child.status} (${detail})`)
  assert.match(child.stdout, /workers ok/)
}

describe('worker threads', () => {
  it('survives 20 sequential workers that load the package and are terminated', () => {
    runWorkers('sequential', '20', 'package')
  })

  it('survives 5 sequential workers that load the bare .node file', () => {
    runWorkers('sequential', '5', 'bare')
  })

  it('survives 4 concurrent workers, then a fifth after all are gone', () => {
    runWorkers('concurrent', '4', 'package')
  })

  it('survives workers terminated with writes in flight', () => {
    runWorkers('busy', '5', 'package')
  })
})
