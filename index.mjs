// ESM entry: the same objects as the CommonJS entry, as named exports.
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const api = require('./index.js')

export const {
  BaseError, S3dbError, DatabaseError, ValidationError, AuthenticationError, PermissionError,
  EncryptionError, ResourceError, PluginError, ResourceNotFound, NoSuchKey, NotFound, NoSuchBucket,
  MissingMetadata, InvalidResourceItem, UnknownError, ConnectionStringError, CryptoError, SchemaError,
  PartitionError, AnalyticsNotEnabledError, PluginStorageError, PartitionDriverError, BehaviorError,
  StreamError, MetadataLimitError, ErrorMap, mapAwsError, Database, S3db, Resource, Plugin,
  S3Client, Client, MemoryClient, FileSystemClient, ConnectionString, S3_DEFAULT_REGION,
  S3_DEFAULT_ENDPOINT, ObjectBody,
  OperationsPool, TasksPool, TasksRunner, AdaptiveTuning,
  IncrementalConfigError, IncrementalSequence, createIncrementalIdGenerator, parseIncrementalConfig,
  validateIncrementalConfig, formatIncrementalValue, DistributedLock, createLockedFunction,
  DistributedSequence, createSequence,
  Schema, Validator, idGenerator, passwordGenerator, getUrlAlphabet, createCustomGenerator,
  encrypt, decrypt, sha256, md5, metadataEncode, metadataDecode, calculateEncodedSize,
  calculateUTF8Bytes, clearUTF8Memory, calculateAttributeNamesSize, transformValue,
  calculateAttributeSizes, calculateTotalSize, getSizeBreakdown, calculateSystemOverhead,
  calculateEffectiveLimit, tryFn, tryFnSync, streamToString, behaviors, getBehavior, AVAILABLE_BEHAVIORS,
  DEFAULT_BEHAVIOR, encode, decode, encodeDecimal, decodeDecimal, encodeFixedPoint, decodeFixedPoint,
  encodeKey, decodeKey
} = api

export default api.S3db
