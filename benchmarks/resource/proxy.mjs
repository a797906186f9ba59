// Counting reverse proxy: forwards every request unchanged (the Host header too, so SigV4 still
// verifies upstream) and counts requests by S3 operation. Used only in the counting pass, so its
// own CPU and latency never enter the timed figures. A benchmark process marks the end of each
// phase with `GET /__bench__/mark?phase=NAME` (answered here, never forwarded), which snapshots
// the running counts; differences between snapshots are the requests of each phase.
import http from 'node:http'

/** Names the S3 operation of a path-style request (enough for the calls a database makes). */
export function classify (req) {
  const [path, query = ''] = req.url.split('?')
  const hasKey = path.split('/').filter(Boolean).length > 1
  switch (req.method) {
    case 'GET': return hasKey ? 'GetObject' : (/(^|&)list-type=2/.test(query) ? 'ListObjectsV2' : 'ListObjects')
    case 'HEAD': return hasKey ? 'HeadObject' : 'HeadBucket'
    case 'PUT': return hasKey ? (req.headers['x-amz-copy-source'] ? 'CopyObject' : 'PutObject') : 'CreateBucket'
    case 'DELETE': return hasKey ? 'DeleteObject' : 'DeleteBucket'
    case 'POST': return /(^|&)delete(=|&|$)/.test(query) ? 'DeleteObjects' : 'Post'
    default: return req.method
  }
}

/** Starts the proxy on a free 127.0.0.1 port; resolves { url, marks(), reset(), close() }. */
export function startCountingProxy (upstream) {
  const target = new URL(upstream)
  const agent = new http.Agent({ keepAlive: true, maxSockets: 512 })
  let counts = {}
  let marks = []
  const server = http.createServer((req, res) => {
    if (req.url.startsWith('/__bench__/mark')) {
      marks.push({ phase: new URL(req.url, 'http://x').searchParams.get('phase'), counts: { ...counts } })
      req.resume()
      res.end('ok')
      return
    }
    const op = classify(req)
    counts[op] = (counts[op] || 0) + 1
    const up = http.request({
      host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers, agent
    }, (upRes) => {
      res.writeHead(upRes.statusCode, upRes.statusMessage, upRes.rawHeaders)
      upRes.pipe(res)
    })
    up.on('error', (err) => {
      counts.proxyErrors = (counts.proxyErrors || 0) + 1
      if (!res.headersSent) res.writeHead(502)
      res.end(String(err.message))
    })
    req.pipe(up)
  })
  server.keepAliveTimeout = 30_000
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({
        url: `http://127.0.0.1:${server.address().port}`,
        marks: () => marks,
        reset: () => { counts = {}; marks = [] },
        close: () => new Promise((done) => { server.closeAllConnections(); server.close(() => { agent.destroy(); done() }) })
      })
    })
  })
}
