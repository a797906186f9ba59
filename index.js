'use strict'
// s3db-native: a drop-in for s3db.js with a Rust core. This file only gathers the public API.

const errors = require('./lib/errors')
const { S3Client, Client, MemoryClient, FileSystemClient } = require('./lib/client')
const { ConnectionString, S3_DEFAULT_REGION, S3_DEFAULT_ENDPOINT } = require('./lib/connection-string')
const { ObjectBody } = require('./lib/body')
const { Database, S3db } = require('./lib/database')
const { Resource } = require('./lib/resource')
const { Plugin } = require('./lib/plugin')
const { OperationsPool, TasksPool, AdaptiveTuning } = require('./lib/operations-pool')
const { TasksRunner } = require('./lib/tasks-runner')
const sequences = require('./lib/resource-sequences')
const { DistributedLock, createLockedFunction } = require('./lib/distributed-lock')
const { DistributedSequence, createSequence } = require('./lib/distributed-sequence')

const helpers = require('./lib/helpers')
const { fromNative, fromErrorRecord, ...publicErrors } = errors

module.exports = {
  ...publicErrors,
  ...helpers,
  Database,
  S3db,
  Resource,
  Plugin,
  S3Client,
  Client,
  MemoryClient,
  FileSystemClient,
  ConnectionString,
  S3_DEFAULT_REGION,
  S3_DEFAULT_ENDPOINT,
  ObjectBody,
  OperationsPool,
  TasksPool,
  TasksRunner,
  AdaptiveTuning,
  IncrementalConfigError: sequences.IncrementalConfigError,
  IncrementalSequence: sequences.IncrementalSequence,
  createIncrementalIdGenerator: sequences.createIncrementalIdGenerator,
  parseIncrementalConfig: sequences.parseIncrementalConfig,
  validateIncrementalConfig: sequences.validateIncrementalConfig,
  formatIncrementalValue: sequences.formatIncrementalValue,
  DistributedLock,
  createLockedFunction,
  DistributedSequence,
  createSequence
}
module.exports.default = S3db
// As s3db.js's CommonJS build: transpiled `import S3db from 's3db-native'` (TypeScript, bundlers)
// takes `.default` only from a module that says it is an ES module.
Object.defineProperty(module.exports, '__esModule', { value: true })
