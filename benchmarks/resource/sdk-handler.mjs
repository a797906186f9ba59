// The AWS SDK's own HTTP handler for the original's delete phase (see engine-db.mjs), with every
// response body read at once: the original leaves some bodies unread, and the SDK handler then
// holds their sockets until its pool times out.
import http from 'node:http'
import { Readable } from 'node:stream'
import { NodeHttpHandler } from '@smithy/node-http-handler'

export class DrainingHttpHandler {
  constructor (maxSockets) {
    this.inner = new NodeHttpHandler({ httpAgent: new http.Agent({ keepAlive: true, maxSockets }) })
    this.metadata = this.inner.metadata
  }

  async handle (request, options) {
    const out = await this.inner.handle(request, options)
    const body = out.response.body
    if (body && typeof body[Symbol.asyncIterator] === 'function') {
      const chunks = []
      for await (const chunk of body) chunks.push(chunk)
      out.response.body = Readable.from([Buffer.concat(chunks)])
    }
    return out
  }

  updateHttpClientConfig (key, value) { this.inner.updateHttpClientConfig(key, value) }
  httpHandlerConfigs () { return this.inner.httpHandlerConfigs() }
  destroy () { this.inner.destroy() }
}
