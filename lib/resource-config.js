// @ts-check
'use strict'
// The checks s3db.js 19 runs on a resource definition before creating it, with its messages:
// every problem is listed in one ResourceError (`validation` holds the list).

const { ResourceError } = require('./errors')
const { HOOK_EVENTS } = require('./hooks')
const { isSafeKeySegment } = require('./key-segments')

const URL_FRIENDLY = 'must be URL-friendly (no /, \\, =, or %)'
const BOOLEAN_OPTIONS = ['cache', 'autoDecrypt', 'timestamps', 'paranoid', 'allNestedObjectsOptional']
const isPlainObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value)

function nameProblems (name) {
  if (!name) return ["Resource 'name' is required"]
  if (typeof name !== 'string') return ["Resource 'name' must be a string"]
  if (name.trim() === '') return ["Resource 'name' cannot be empty"]
  if (!isSafeKeySegment(name)) return [`Resource 'name' ${URL_FRIENDLY}. Got: '${name}'`]
  return []
}

function attributeProblems (attributes) {
  if (!attributes) return ["Resource 'attributes' are required"]
  if (!isPlainObject(attributes)) return ["Resource 'attributes' must be an object"]
  if (Object.keys(attributes).length === 0) return ["Resource 'attributes' cannot be empty"]
  return []
}

function idGeneratorProblems ({ idGenerator, idSize }) {
  const problems = []
  if (idGenerator !== undefined) {
    const incremental = (typeof idGenerator === 'string' && (idGenerator === 'incremental' || idGenerator.startsWith('incremental:'))) ||
      (isPlainObject(idGenerator) && idGenerator.type === 'incremental')
    if (typeof idGenerator !== 'function' && typeof idGenerator !== 'number' && !incremental) {
      problems.push("Resource 'idGenerator' must be a function, number (size), 'incremental' string, or incremental config object")
    } else if (typeof idGenerator === 'number' && idGenerator <= 0) {
      problems.push("Resource 'idGenerator' size must be greater than 0")
    }
  }
  if (idSize !== undefined) {
    if (!Number.isInteger(idSize)) problems.push("Resource 'idSize' must be an integer")
    else if (idSize <= 0) problems.push("Resource 'idSize' must be greater than 0")
  }
  return problems
}

// Array partitions (`['region']`) are shorthands the core expands and checks itself; a falsy
// value is no partitions (19.5.10 reads `partitions || {}` before checking).
function partitionProblems (partitions) {
  if (!partitions || Array.isArray(partitions)) return []
  if (!isPlainObject(partitions)) return ["Resource 'partitions' must be an object"]
  const problems = []
  for (const [name, def] of Object.entries(partitions)) {
    if (!isSafeKeySegment(name)) problems.push(`Partition name '${name}' ${URL_FRIENDLY}`)
    else if (!isPlainObject(def)) problems.push(`Partition '${name}' must be an object`)
    else if (!def.fields) problems.push(`Partition '${name}' must have a 'fields' property`)
    else if (!isPlainObject(def.fields)) problems.push(`Partition '${name}.fields' must be an object`)
    else {
      for (const [field, rule] of Object.entries(def.fields)) {
        if (!isSafeKeySegment(field)) problems.push(`Partition field '${field}' ${URL_FRIENDLY}`)
        else if (typeof rule !== 'string') problems.push(`Partition '${name}.fields.${field}' must be a string`)
      }
    }
  }
  return problems
}

function hookProblems (hooks) {
  if (hooks === undefined) return []
  if (!isPlainObject(hooks)) return ["Resource 'hooks' must be an object"]
  const problems = []
  for (const [event, fns] of Object.entries(hooks)) {
    if (!HOOK_EVENTS.includes(event)) problems.push(`Invalid hook event '${event}'. Valid events: ${HOOK_EVENTS.join(', ')}`)
    else if (!Array.isArray(fns)) problems.push(`Resource 'hooks.${event}' must be an array`)
  }
  return problems
}

function eventProblems (events) {
  if (events === undefined) return []
  if (!isPlainObject(events)) return ["Resource 'events' must be an object"]
  const problems = []
  for (const [event, listeners] of Object.entries(events)) {
    if (Array.isArray(listeners)) {
      listeners.forEach((fn, i) => { if (typeof fn !== 'function') problems.push(`Resource 'events.${event}[${i}]' must be a function`) })
    } else if (typeof listeners !== 'function') {
      problems.push(`Resource 'events.${event}' must be a function or array of functions`)
    }
  }
  return problems
}

/** Every problem of a definition, in s3db.js's order and words. */
function resourceConfigProblems (config) {
  const problems = [...nameProblems(config.name), ...attributeProblems(config.attributes)]
  for (const option of ['version', 'behavior', 'passphrase']) {
    if (config[option] !== undefined && typeof config[option] !== 'string') problems.push(`Resource '${option}' must be a string`)
  }
  if (config.observers !== undefined && !Array.isArray(config.observers)) problems.push("Resource 'observers' must be an array")
  for (const option of BOOLEAN_OPTIONS) {
    if (config[option] !== undefined && typeof config[option] !== 'boolean') problems.push(`Resource '${option}' must be a boolean`)
  }
  problems.push(
    ...idGeneratorProblems(config),
    ...partitionProblems(config.partitions),
    ...hookProblems(config.hooks),
    ...eventProblems(config.events)
  )
  return problems
}

/**
 * Throws s3db.js's ResourceError listing every problem of the definition. `inherited`: the
 * Database's values of the options a resource takes from it when it leaves them undefined
 * (19.5.10 checks the definition with them filled in, so a Database's `cache: 'yes'` is refused).
 * @param {Record<string, any> | undefined} config
 * @param {Record<string, unknown>} [inherited]
 */
function checkResourceConfig (config, inherited = {}) {
  const filled = { ...config }
  for (const [option, value] of Object.entries(inherited)) if (filled[option] === undefined) filled[option] = value
  const problems = resourceConfigProblems(filled)
  if (problems.length === 0) return
  const name = config?.name || '[unnamed]'
  throw new ResourceError(`Invalid Resource ${name} configuration:\n${problems.map((p) => `  • ${p}`).join('\n')}`, { resourceName: config?.name, validation: problems })
}

module.exports = { checkResourceConfig, resourceConfigProblems }
