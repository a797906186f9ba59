// @ts-check
'use strict'
// Partition helpers of s3db.js 19.x's Resource: the reference key of a record and the
// records of one partition. Keys come from the core, so they are the keys writes create.

module.exports = {
  /**
   * `resource=<name>/partition=<p>/<field>=<value>/.../id=<id>`, or null when a field of the
   * partition is null or absent, it has no fields, or there is no id (the core's rule). An unknown partition throws `PartitionError`.
   */
  /** @param {{ partitionName?: string, id?: string, data?: Record<string, any> }} [args] */
  getPartitionKey ({ partitionName, id, data } = {}) {
    const finalId = id || data?.id
    const key = this._askCore('partitionKey', String(partitionName), String(finalId ?? ''), JSON.stringify(data ?? {}))
    if (!finalId || key === null || key === undefined) return null
    return key
  },

  /** The value at a dot path of `data` (`address.city`), undefined when a step is missing. */
  getNestedFieldValue (data, fieldPath) {
    if (!fieldPath.includes('.')) return data?.[fieldPath]
    let current = data
    for (const part of fieldPath.split('.')) {
      if (!current || typeof current !== 'object' || !(part in current)) return undefined
      current = current[part]
    }
    return current
  },

  /**
   * The records of one partition (tagged `_partition`/`_partitionValues`); an unknown
   * partition gives []. Without `limit`, every record (s3db.js stopped at 1,000).
   */
  /** @param {{ partition?: string, partitionValues?: object, limit?: number, offset?: number }} [args] */
  async listPartition ({ partition, partitionValues = {}, limit, offset = 0 } = {}) {
    return this.list({ partition, partitionValues, limit, offset })
  }
}
