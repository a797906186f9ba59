// The fault workload: insert, update, reads (getMany, list, getAll, page, iteration), count
// and deleteMany through a database whose endpoint is the fault proxy, then a clean read-back
// straight from the S3 server. Every operation's report is held against what is stored:
//   lost          an acknowledged write that is not stored (insert, update or its data)
//   duplicated    one document stored under two ids (a retried insert that made a second record)
//   corrupted     a stored record whose data is neither the old nor the new version
//   falseFailure  an operation reported failed whose effect is stored anyway
//   silent        a record stored at read time that a read neither returned nor reported
//                 (no error item, no `error` event, no rejection)
// Records carry their own `seq`, so inserts use generated ids and duplicates can be seen.
import { startFaultProxy } from './proxy.mjs'

const ATTRIBUTES = { seq: 'number|required', name: 'string', v: 'number', payload: 'string' }
const READS = ['getMany', 'list', 'getAll', 'page', 'iterate']

/** Runs `fn` over `items` with at most `limit` calls in flight; results in input order. */
export async function mapLimit (items, limit, fn) {
  const out = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      out[index] = await fn(items[index], index)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return out
}

// s3db.js 19.5.10 emits `error` events from setImmediate: let them land before counting.
const tick = () => new Promise((resolve) => setImmediate(resolve))
const settle = (promise) => promise.then((value) => ({ ok: true, value }), (error) => ({ ok: false, error }))

function chunks (list, size) {
  const out = []
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size))
  return out
}

const payloadOf = (seq) => `p${seq}-`.padEnd(64, String.fromCharCode(97 + (seq % 26)))
const docOf = (seq) => ({ seq, name: `rec-${seq}`, v: 0, payload: payloadOf(seq) })

/** What a stored record of `seq` may hold after an update that reported `updated`. */
function dataIsValid (record, seq, update) {
  if (record.seq !== seq || record.payload !== payloadOf(seq)) return false
  const old = record.v === 0 && record.name === `rec-${seq}`
  const updated = record.v === 1 && record.name === `upd-${seq}`
  if (update === 'ok') return updated
  if (update === 'failed') return old || updated
  return old
}

function bucketUrl (endpoint, bucket, prefix = 'databases/faults') {
  return `http://test:testsecret@${endpoint.replace(/^http:\/\//, '')}/${bucket}/${prefix}`
}

async function createBucket (endpoint, bucket) {
  const res = await fetch(`${endpoint}/${bucket}`, { method: 'PUT' })
  if (!res.ok) throw new Error(`could not create bucket ${bucket}: ${res.status}`)
}

/**
 * One run. `S3db` is the library's class (s3db-native's or s3db.js's); `s3Endpoint` the S3
 * server. Returns the figures of the report (see the header). `readModes`: 'events' reads with
 * an `error` listener on the resource, 'unheard' with none (a failure must then show in the
 * result or reject). `reads`: which of the reads run in each pass (getAll and iterate go
 * through list and getMany). `deadline` (ms since epoch) stops starting new phases.
 */
export async function runFaultWorkload ({
  S3db, s3Endpoint, records = 300, concurrency = 20, rate = 0.05, seed = 1,
  timeoutMs = 1000, retries = 3, retryDelay = 50, readModes = ['events'], reads = READS, deadline = Infinity,
  chunk = 50, onPhase = () => {}, onProxy = () => {}, report = {}
}) {
  const started = Date.now()
  const bucket = `faults-${seed}-${Math.round(rate * 100)}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`
  await createBucket(s3Endpoint, bucket)
  const proxy = await startFaultProxy({ upstream: s3Endpoint, seed, rate: 0, delayMs: Math.round(timeoutMs * 1.5) + 500 })
  onProxy(proxy)
  const pool = { concurrency, retries, retryDelay, timeout: timeoutMs }
  const db = new S3db({ connectionString: bucketUrl(proxy.endpoint, bucket), parallelism: concurrency, executorPool: pool, logLevel: 'silent' })
  const clean = new S3db({ connectionString: bucketUrl(s3Endpoint, bucket), parallelism: concurrency, logLevel: 'silent' })
  const unhandled = []
  const onUnhandled = (reason) => unhandled.push(reason)
  process.on('unhandledRejection', onUnhandled)

  // Filled as the run goes, so a caller that gives up on a slow run can still show it.
  Object.assign(report, {
    rate, records, concurrency, seed, finished: false, phases: [],
    ops: {},
    lost: 0, duplicated: 0, corrupted: 0, unreadable: 0, silent: 0, falseFailures: 0, falseSuccesses: 0,
    examples: []
  })
  const op = (name) => (report.ops[name] ??= { calls: 0, failed: 0, reported: 0, silent: 0, wrong: 0 })
  const example = (text) => { if (report.examples.length < 20) report.examples.push(text) }

  // Listeners stay for the whole run; a phase turns the collection of ids on and off.
  let heard = null
  report.injected = proxy.snapshot()
  const counting = setInterval(() => { report.injected = proxy.snapshot(); report.wallMs = Date.now() - started }, 500)
  counting.unref()
  const onError = (error, item) => {
    const id = typeof item === 'string' ? item : item?.id
    if (heard && id !== undefined) heard.set(id, error)
  }

  const cleanRead = async (res) => {
    const errors = []
    res.on('error', (err, item) => errors.push([typeof item === 'string' ? item : item?.id, err]))
    const listed = await res.list()
    res.removeAllListeners('error')
    return { listed, errors }
  }

  try {
    await db.connect()
    const items = await db.createResource({ name: 'items', attributes: ATTRIBUTES })
    await clean.connect()
    const cleanItems = clean.resources.items ?? await clean.createResource({ name: 'items', attributes: ATTRIBUTES })
    proxy.rate = rate

    const phase = async (name, fn) => {
      if (Date.now() > deadline) return false
      const at = Date.now()
      onPhase(name)
      await fn()
      report.phases.push({ name, ms: Date.now() - at })
      return true
    }

    // seq -> { id, insert: 'ok' | 'failed', update: undefined | 'ok' | 'failed', deleted: ... }
    const truth = new Map()
    await phase('insert', async () => {
      const stats = op('insert')
      await mapLimit(Array.from({ length: records }, (_, i) => i), concurrency, async (seq) => {
        stats.calls++
        const out = await settle(items.insert(docOf(seq)))
        if (out.ok) truth.set(seq, { id: out.value.id, insert: 'ok' })
        else {
          stats.failed++
          truth.set(seq, { insert: 'failed', error: out.error })
        }
      })
    })

    await phase('update', async () => {
      const stats = op('update')
      const acked = [...truth.entries()].filter(([, t]) => t.insert === 'ok')
      await mapLimit(acked, concurrency, async ([seq, t]) => {
        stats.calls++
        const out = await settle(items.update(t.id, { v: 1, name: `upd-${seq}` }))
        t.update = out.ok ? 'ok' : 'failed'
        if (!out.ok) { stats.failed++; t.updateError = out.error }
      })
    })

    // What is stored now, read without faults: the records every read must return or report.
    let stored = new Map()
    const snapshot = async () => {
      const { listed, errors } = await cleanRead(cleanItems)
      if (errors.length) throw new Error(`clean read failed for ${errors.length} records: ${errors[0][1].message}`)
      stored = new Map(listed.map((r) => [r.id, r]))
    }

    const accountRead = (name, { ok, value, error }, expectedIds, noticed) => {
      const stats = op(name)
      stats.calls++
      if (!ok) {
        stats.failed++
        stats.reported += expectedIds.length
        if (!READS.includes(name)) example(`${name} rejected: ${error?.message}`)
        return
      }
      const seen = new Set()
      for (const record of value) {
        if (record && record._error !== undefined) { noticed.set(record.id, record._error); continue }
        if (seen.has(record.id)) { stats.wrong++; example(`${name}: id ${record.id} returned twice`) }
        seen.add(record.id)
        const expected = stored.get(record.id)
        if (!expected) { stats.wrong++; example(`${name}: returned ${record.id}, which is not stored`); continue }
        if (expected.v !== record.v || expected.name !== record.name || expected.seq !== record.seq || expected.payload !== record.payload) {
          stats.wrong++
          example(`${name}: ${record.id} read as ${JSON.stringify({ v: record.v, name: record.name })}, stored ${JSON.stringify({ v: expected.v, name: expected.name })}`)
        }
      }
      for (const id of expectedIds) {
        if (seen.has(id)) continue
        if (noticed.has(id)) { stats.reported++; continue }
        stats.silent++
        report.silent++
        example(`${name}: ${id} missing without notice`)
      }
    }

    const readPass = async (mode) => {
      const suffix = mode === 'events' ? '' : ' (no listener)'
      const listening = mode === 'events'
      if (listening) items.on('error', onError)
      const ids = [...stored.keys()]
      const run = async (name, fn) => reads.includes(name) && phase(name + suffix, async () => {
        heard = new Map()
        const out = await settle(fn())
        await tick()
        const noticed = heard
        heard = null
        if (out.ok && name === 'page') out.value = out.value.flat()
        accountRead(name + suffix, out, ids, noticed)
      })
      if (reads.includes('getMany')) await phase('getMany' + suffix, async () => {
        await mapLimit(chunks(ids, chunk), Math.max(1, Math.floor(concurrency / 5)), async (part) => {
          const noticed = new Map()
          heard = heard ?? new Map()
          const out = await settle(items.getMany(part))
          await tick()
          for (const id of part) if (heard.has(id)) noticed.set(id, heard.get(id))
          accountRead('getMany' + suffix, out, part, noticed)
        })
        heard = null
      })
      await run('list', () => items.list())
      await run('getAll', () => items.getAll())
      await run('page', async () => {
        const pages = []
        for (let offset = 0; ; offset += 100) {
          const page = await items.page({ offset, size: 100, skipCount: true })
          pages.push(page.items)
          if (!page.hasMore) break
        }
        return pages
      })
      await run('iterate', async () => {
        const out = []
        for await (const record of items) out.push(record)
        return out
      })
      if (listening) items.off('error', onError)
    }

    await phase('snapshot', snapshot)
    for (const mode of readModes) await readPass(mode)

    await phase('count', async () => {
      const stats = op('count')
      for (let i = 0; i < 3; i++) {
        stats.calls++
        const out = await settle(items.count())
        if (!out.ok) stats.failed++
        else if (out.value !== stored.size) { stats.wrong++; example(`count ${out.value}, stored ${stored.size}`) }
      }
    })

    const deletion = new Map() // id -> 'ok' | 'failed'
    await phase('deleteMany', async () => {
      const stats = op('deleteMany')
      const doomed = [...stored.keys()].filter((_, i) => i % 3 === 0)
      items.on('error', onError)
      heard = new Map()
      await mapLimit(chunks(doomed, chunk), Math.max(1, Math.floor(concurrency / 5)), async (part) => {
        stats.calls++
        const out = await settle(items.deleteMany(part))
        await tick()
        if (!out.ok) { stats.failed++; for (const id of part) deletion.set(id, 'failed'); return }
        for (const id of part) deletion.set(id, 'ok')
      })
      for (const id of heard.keys()) if (deletion.has(id)) { deletion.set(id, 'failed'); stats.reported++ }
      heard = null
      items.off('error', onError)
    })

    // The clean read-back: every stored object straight from the server, no faults.
    proxy.rate = 0
    await phase('read-back', async () => {
      const { listed, errors } = await cleanRead(cleanItems)
      report.unreadable = errors.length
      for (const [id, err] of errors) example(`unreadable ${id}: ${err.message}`)
      const bySeq = new Map()
      for (const record of listed) {
        if (!bySeq.has(record.seq)) bySeq.set(record.seq, [])
        bySeq.get(record.seq).push(record)
      }
      for (const [seq, found] of bySeq) {
        if (found.length > 1) { report.duplicated += found.length - 1; example(`seq ${seq} stored ${found.length} times`) }
        const t = truth.get(seq)
        if (!t) { report.corrupted++; example(`stored seq ${seq} was never written`); continue }
        for (const record of found) {
          if (!dataIsValid(record, seq, t.update)) {
            report.corrupted++
            example(`seq ${seq} (${record.id}) stored as ${JSON.stringify({ v: record.v, name: record.name })} after update ${t.update ?? 'none'}`)
          }
          if (t.update === 'failed' && record.v === 1) { report.falseFailures++; op('update').falseFailures = (op('update').falseFailures ?? 0) + 1 }
          if (t.id && record.id !== t.id && t.insert === 'ok') example(`seq ${seq} stored under ${record.id}, acknowledged as ${t.id}`)
          if (deletion.get(record.id) === 'ok') { report.falseSuccesses++; example(`${record.id} reported deleted, still stored`) }
        }
      }
      for (const [seq, t] of truth) {
        const found = bySeq.get(seq) ?? []
        if (t.insert === 'failed' && found.length > 0) {
          report.falseFailures++
          op('insert').falseFailures = (op('insert').falseFailures ?? 0) + 1
          if ((op('insert').falseFailures) <= 3) example(`insert of seq ${seq} reported "${t.error?.message}", stored as ${found[0].id}`)
        }
        if (t.insert !== 'ok') continue
        const wasDeleted = deletion.has(t.id)
        if (found.length === 0 && !wasDeleted) { report.lost++; example(`acknowledged insert of seq ${seq} (${t.id}) is not stored`) }
        if (found.length === 0 && deletion.get(t.id) === 'failed') { /* may or may not have happened: both are fine */ }
      }
      for (const [id, state] of deletion) {
        if (state !== 'ok') continue
        const seq = stored.get(id)?.seq
        if (seq !== undefined && !bySeq.has(seq)) op('deleteMany').done = (op('deleteMany').done ?? 0) + 1
      }
      report.storedAtEnd = listed.length
    })
    report.finished = report.phases.some((p) => p.name === 'read-back')
  } finally {
    proxy.rate = 0
    clearInterval(counting)
    report.injected = proxy.snapshot()
    report.unhandledRejections = unhandled.length
    for (const reason of unhandled.slice(0, 3)) example(`unhandled rejection: ${reason?.message ?? reason}`)
    report.wallMs = Date.now() - started
    await Promise.allSettled([db.disconnect(), clean.disconnect()])
    await proxy.close()
    // A late rejection of a disconnected client still counts; give it a turn to surface.
    await new Promise((resolve) => setImmediate(resolve))
    process.off('unhandledRejection', onUnhandled)
  }
  return report
}
