// Types of lib/schema.js: s3db.js 19.5.10's Schema class.

export type AttributeValue = string | number | boolean | null | undefined | Record<string, unknown> | unknown[]
export interface SchemaAttributes { [key: string]: AttributeValue | SchemaAttributes }
export interface AttributeMapping { [key: string]: string }
export interface PluginAttributeMetadata { [key: string]: { __plugin__: string, [key: string]: unknown } }
export interface PluginAttributes { [pluginName: string]: string[] }
export interface HookEntry { action: string, params: Record<string, unknown> }
export interface SchemaHooks {
  beforeMap: Record<string, (string | HookEntry)[]>
  afterMap: Record<string, (string | HookEntry)[]>
  beforeUnmap: Record<string, (string | HookEntry)[]>
  afterUnmap: Record<string, (string | HookEntry)[]>
}
export interface SchemaOptions {
  autoEncrypt?: boolean
  autoDecrypt?: boolean
  arraySeparator?: string
  generateAutoHooks?: boolean
  allNestedObjectsOptional?: boolean
  hooks?: SchemaHooks
}
/** Persistent attribute -> index registry (`schemaRegistry` in s3db.json). */
export interface SchemaRegistry {
  nextIndex: number
  mapping: Record<string, number>
  burned: Array<{ index: number, attribute: string, burnedAt: string, reason?: string }>
}
/** Persistent plugin attribute -> key registry (`pluginSchemaRegistry` in s3db.json). */
export interface PluginSchemaRegistry {
  mapping: Record<string, string>
  burned: Array<{ key: string, attribute: string, burnedAt: string, reason?: string }>
}
export interface SchemaConstructorArgs {
  map?: AttributeMapping
  pluginMap?: AttributeMapping
  name: string
  attributes?: SchemaAttributes
  passphrase?: string
  bcryptRounds?: number
  version?: number
  options?: SchemaOptions
  _pluginAttributeMetadata?: PluginAttributeMetadata
  _pluginAttributes?: PluginAttributes
  schemaRegistry?: SchemaRegistry
  pluginSchemaRegistry?: Record<string, PluginSchemaRegistry>
}
export interface SchemaExport {
  version: number
  name: string
  options: SchemaOptions
  attributes: SchemaAttributes
  map: AttributeMapping
  pluginMap: AttributeMapping
  _pluginAttributeMetadata: PluginAttributeMetadata
  _pluginAttributes: PluginAttributes
}
export type ValidatorFunction = (data: Record<string, unknown>) => Promise<true | Record<string, unknown>[]> | true | Record<string, unknown>[]
export interface ValidatorCacheStats {
  size: number
  totalReferences: number
  zeroRefValidators: number
  cacheHits: number
  cacheMisses: number
  hitRate: number
  evictions: number
}
export interface ValidatorCacheMemoryUsage { estimatedKB: number, estimatedMB: number, validatorCount: number }

export class Schema {
  name: string
  version: number
  attributes: SchemaAttributes
  passphrase: string
  bcryptRounds: number
  options: SchemaOptions
  allNestedObjectsOptional: boolean
  _pluginAttributeMetadata: PluginAttributeMetadata
  _pluginAttributes: PluginAttributes
  validator: ValidatorFunction
  map: AttributeMapping
  reversedMap: AttributeMapping
  pluginMap: AttributeMapping
  reversedPluginMap: AttributeMapping
  _schemaRegistry?: SchemaRegistry
  _pluginSchemaRegistry?: Record<string, PluginSchemaRegistry>
  _registryChanged: boolean
  constructor (args: SchemaConstructorArgs)
  defaultOptions (): SchemaOptions
  generateInitialRegistry (): { schemaRegistry: SchemaRegistry, pluginSchemaRegistry: Record<string, PluginSchemaRegistry> }
  needsRegistryPersistence (): boolean
  getSchemaRegistry (): SchemaRegistry | undefined
  getPluginSchemaRegistry (): Record<string, PluginSchemaRegistry> | undefined
  addHook (hook: keyof SchemaHooks, attribute: string, action: string, params?: Record<string, unknown>): void
  extractObjectKeys (obj: Record<string, unknown>, prefix?: string): string[]
  generateAutoHooks (): void
  static import (data: string | SchemaExport): Schema
  static _importAttributes (attrs: unknown): unknown
  export (): SchemaExport
  mapper (resourceItem: Record<string, unknown>): Promise<Record<string, unknown>>
  unmapper (mappedResourceItem: Record<string, unknown>, mapOverride?: AttributeMapping, pluginMapOverride?: AttributeMapping): Promise<Record<string, unknown>>
  getAttributeDefinition (key: string): unknown
  dispose (): void
  static getValidatorCacheStats (): ValidatorCacheStats
  static getValidatorCacheMemoryUsage (): ValidatorCacheMemoryUsage
  static evictUnusedValidators (maxAgeMs?: number): number
}
