// A fault-injecting HTTP proxy for an S3 server. Every request is read whole, then a seeded
// PRNG decides whether it meets a fault, and which:
//   slowDown       503 SlowDown with an S3 XML error body (not forwarded)
//   internalError  500 InternalError with an S3 XML error body (not forwarded)
//   resetBefore    the connection is reset before the request is forwarded (nothing happened)
//   resetAfter     the request is forwarded and applied, then the connection is reset instead
//                  of answering (it happened; the client cannot know)
//   delay          the request is forwarded and applied, the answer is held for `delayMs`
//                  (longer than the client's timeout) and then written, if anyone still listens
// The proxy counts what it injected per kind. Node built-ins only.
import http from 'node:http'

export const FAULT_KINDS = Object.freeze(['slowDown', 'internalError', 'resetBefore', 'resetAfter', 'delay'])

/** mulberry32: a small, fast PRNG whose sequence is fixed by its 32-bit seed. */
export function seededRandom (seed) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function s3ErrorBody (code, message, resource) {
  return '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<Error><Code>${code}</Code><Message>${message}</Message><Resource>${resource}</Resource>` +
    `<RequestId>fault-${Date.now().toString(36)}</RequestId></Error>`
}

const ERROR_ANSWERS = {
  slowDown: [503, 'SlowDown', 'Please reduce your request rate.'],
  internalError: [500, 'InternalError', 'We encountered an internal error. Please try again.']
}

// Hop-by-hop headers are the proxy's own business on each side.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'proxy-connection', 'upgrade', 'te', 'trailer'])

function readAll (stream) {
  return new Promise((resolve, reject) => {
    const chunks = []
    stream.on('data', (c) => chunks.push(c))
    stream.on('end', () => resolve(Buffer.concat(chunks)))
    stream.on('error', reject)
  })
}

/**
 * Starts the proxy on 127.0.0.1 (a free port unless `port` is given) in front of `upstream`
 * (`http://host:port`). `rate` is the chance that a request meets a fault, among `kinds`
 * (equally likely). Returns `{ endpoint, rate, only, counts, requests, forwarded, snapshot(),
 * close() }`; `rate` may be changed while running (0 lets everything through), and `only`, when
 * set to a function of the request, limits the faults to the requests it accepts.
 */
export async function startFaultProxy ({ upstream, seed = 1, rate = 0.05, kinds = FAULT_KINDS, delayMs = 2000, port = 0 } = {}) {
  const target = new URL(upstream)
  for (const kind of kinds) if (!FAULT_KINDS.includes(kind)) throw new Error(`unknown fault kind: ${kind}`)
  const random = seededRandom(seed)
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 })
  const timers = new Set()
  const proxy = {
    endpoint: '',
    rate,
    only: null,
    requests: 0,
    forwarded: 0,
    upstreamErrors: 0,
    counts: Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])),
    /** The counts so far, and their sum. */
    snapshot () {
      const injected = Object.values(this.counts).reduce((a, b) => a + b, 0)
      return { requests: this.requests, forwarded: this.forwarded, upstreamErrors: this.upstreamErrors, injected, ...this.counts }
    },
    async close () {
      for (const t of timers) clearTimeout(t)
      timers.clear()
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
      agent.destroy()
    }
  }

  // Two draws per request whatever the outcome, so one seed gives one sequence of decisions.
  function decide (req) {
    const hit = random()
    const pick = random()
    if (hit >= proxy.rate || kinds.length === 0) return null
    if (proxy.only && !proxy.only(req)) return null
    return kinds[Math.floor(pick * kinds.length)]
  }

  function forward (req, body) {
    return new Promise((resolve, reject) => {
      const headers = {}
      for (const [name, value] of Object.entries(req.headers)) if (!HOP_BY_HOP.has(name)) headers[name] = value
      headers['content-length'] = String(body.length)
      const out = http.request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers, agent }, (res) => {
        readAll(res).then((payload) => resolve({ status: res.statusCode, headers: res.headers, payload }), reject)
      })
      out.on('error', reject)
      out.end(body)
    })
  }

  function answer (req, res, { status, headers, payload }) {
    if (res.destroyed || res.socket?.destroyed) return
    const out = {}
    for (const [name, value] of Object.entries(headers)) if (!HOP_BY_HOP.has(name)) out[name] = value
    // A HEAD answer keeps the object's length; every other answer carries its whole body.
    if (req.method !== 'HEAD' && status !== 204 && status !== 304) out['content-length'] = String(payload.length)
    res.writeHead(status, out)
    res.end(req.method === 'HEAD' ? undefined : payload)
  }

  function reset (req) {
    const socket = req.socket
    if (socket.destroyed) return
    if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy()
    else socket.destroy()
  }

  async function handle (req, res) {
    const body = await readAll(req)
    proxy.requests++
    const fault = decide(req)
    if (fault) proxy.counts[fault]++
    if (fault === 'slowDown' || fault === 'internalError') {
      const [status, code, message] = ERROR_ANSWERS[fault]
      const xml = s3ErrorBody(code, message, req.url.split('?')[0])
      res.writeHead(status, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(xml), 'x-amz-request-id': 'fault' })
      res.end(req.method === 'HEAD' ? undefined : xml)
      return
    }
    if (fault === 'resetBefore') return reset(req)
    let upstreamAnswer
    try {
      upstreamAnswer = await forward(req, body)
      proxy.forwarded++
    } catch {
      // The server itself failed: the client sees a reset, as it would from the real thing.
      proxy.upstreamErrors++
      return reset(req)
    }
    if (fault === 'resetAfter') return reset(req)
    if (fault === 'delay') {
      const timer = setTimeout(() => {
        timers.delete(timer)
        answer(req, res, upstreamAnswer)
      }, delayMs)
      timers.add(timer)
      return
    }
    answer(req, res, upstreamAnswer)
  }

  const server = http.createServer({ keepAlive: true }, (req, res) => {
    handle(req, res).catch(() => reset(req))
  })
  // Clients that gave up (timeouts) leave sockets the proxy may still write to.
  server.on('clientError', (_err, socket) => socket.destroy())
  server.keepAliveTimeout = 30000
  server.headersTimeout = 0
  server.requestTimeout = 0
  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', resolve)
  })
  proxy.endpoint = `http://127.0.0.1:${server.address().port}`
  return proxy
}
