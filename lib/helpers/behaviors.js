// @ts-check
'use strict'
// s3db.js's `behaviors`: what goes to metadata and what to the body for an already mapped
// record. Placement runs in the codec (the same code that stores every resource), so these
// handlers give what s3db-native writes; reading merges the body under the metadata.

const binding = require('../native')
const { BehaviorError, fromNative } = require('../errors')

const NAMES = ['user-managed', 'enforce-limits', 'truncate-data', 'body-overflow', 'body-only']

function place (name, operation, { resource, id, mappedData }) {
  const options = {
    operation,
    version: resource?.version !== undefined ? String(resource.version) : '1',
    timestamps: resource?.config?.timestamps === true,
    id: typeof id === 'string' ? id : undefined,
    map: resource?.schema?.map,
    pluginMap: resource?.schema?.pluginMap
  }
  try {
    return JSON.parse(binding.behaviorApply(name, JSON.stringify(mappedData ?? {}), JSON.stringify(options)))
  } catch (err) {
    const mapped = fromNative(err)
    if (mapped.name === 'MetadataLimitError' && resource?.name) mapped.resourceName = resource.name
    throw mapped
  }
}

function handler (name, operation) {
  return async (params) => {
    const id = operation === 'insert' ? params.data?.id : params.id
    const out = place(name, operation, { ...params, id })
    if (out.exceedsLimit && typeof params.resource?.emit === 'function') {
      params.resource.emit('exceedsLimit', {
        operation,
        ...(operation === 'insert' ? {} : { id }),
        totalSize: out.exceedsLimit.totalSize,
        limit: out.exceedsLimit.limit,
        excess: out.exceedsLimit.excess,
        data: params.originalData || params.data
      })
    }
    return { mappedData: out.metadata, body: out.body }
  }
}

// A body that is a JSON object holds the fields that did not fit; metadata wins on a clash.
async function handleGet ({ metadata, body }) {
  if (typeof body === 'string' && body.trim() !== '') {
    try {
      const fromBody = JSON.parse(body)
      if (fromBody && typeof fromBody === 'object' && !Array.isArray(fromBody)) return { metadata: { ...fromBody, ...metadata }, body }
    } catch {}
  }
  return { metadata, body }
}

const behaviors = {}
for (const name of NAMES) {
  behaviors[name] = Object.freeze({
    handleInsert: handler(name, 'insert'),
    handleUpdate: handler(name, 'update'),
    handleUpsert: handler(name, 'upsert'),
    handleGet
  })
}
Object.freeze(behaviors)

function getBehavior (behaviorName) {
  const behavior = behaviors[behaviorName]
  if (!behavior) {
    throw new BehaviorError(`Unknown behavior: ${behaviorName}`, { behavior: behaviorName, availableBehaviors: Object.keys(behaviors), operation: 'getBehavior' })
  }
  return behavior
}

const AVAILABLE_BEHAVIORS = Object.keys(behaviors)
const DEFAULT_BEHAVIOR = 'user-managed'

module.exports = { behaviors, getBehavior, AVAILABLE_BEHAVIORS, DEFAULT_BEHAVIOR }
