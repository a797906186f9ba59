// Types of the helpers s3db.js 19.5.10 exports from its root (lib/helpers/).
/// <reference types="node" />

export { Schema } from '../schema.js'
export type { SchemaRegistry, PluginSchemaRegistry, SchemaAttributes, SchemaOptions, SchemaHooks, SchemaExport, SchemaConstructorArgs, AttributeMapping, HookEntry } from '../schema.js'
export { Validator } from '../validator.js'
export type { ValidatorOptions } from '../validator.js'

export declare const idGenerator: (size?: number) => string
export declare const passwordGenerator: (size?: number) => string
export declare const getUrlAlphabet: () => string
export declare const createCustomGenerator: (alphabet: string, size: number) => ((size?: number) => string)

export declare function sha256 (message: string): Promise<string>
export declare function encrypt (content: string, passphrase: string): Promise<string>
export declare function decrypt (encryptedBase64: string, passphrase: string): Promise<string>
export declare function md5 (data: string | Buffer): Promise<string>

export type EncodingType = 'none' | 'special' | 'ascii' | 'url' | 'base64' | 'dictionary'
export interface AnalysisResult { type: EncodingType, safe: boolean, reason?: string, stats?: { ascii: number, latin1: number, multibyte: number } }
export interface EncodeResult {
  encoded: string
  encoding: EncodingType
  analysis?: AnalysisResult
  dictionaryType?: 'exact' | 'prefix'
  savings?: number
  compressionRatio?: string
  reason?: string
}
export interface EncodedSizeInfo { original: number, encoded: number, overhead: number, ratio: number, encoding: EncodingType }
export declare function metadataEncode (value: unknown): EncodeResult
export declare function metadataDecode (value: unknown): unknown
export declare function calculateEncodedSize (value: string): EncodedSizeInfo

export interface SizeBreakdownAttribute { attribute: string, size: number, percentage: string }
export interface SizeBreakdown {
  total: number
  valueSizes: Record<string, number>
  namesSize: number
  valueTotal: number
  breakdown: SizeBreakdownAttribute[]
  detailedBreakdown: { values: number, names: number, total: number }
}
export interface SystemOverheadConfig { version?: string, timestamps?: boolean, id?: string }
export interface EffectiveLimitConfig { s3Limit?: number, systemConfig?: SystemOverheadConfig }
export declare function calculateUTF8Bytes (str: unknown): number
export declare function clearUTF8Memory (): void
export declare function calculateAttributeNamesSize (mappedObject: Record<string, unknown>): number
export declare function transformValue (value: unknown): string
export declare function calculateAttributeSizes (mappedObject: Record<string, unknown>): Record<string, number>
export declare function calculateTotalSize (mappedObject: Record<string, unknown>): number
export declare function getSizeBreakdown (mappedObject: Record<string, unknown>): SizeBreakdown
export declare function calculateSystemOverhead (config?: SystemOverheadConfig): number
export declare function calculateEffectiveLimit (config?: EffectiveLimitConfig): number

export type TryResult<T> = [ok: true, err: null, data: T] | [ok: false, err: Error, data: undefined]
export declare function tryFn<T> (fnOrPromise: null | undefined): TryResult<T>
export declare function tryFn<T> (fnOrPromise: () => Promise<T>): Promise<TryResult<Awaited<T>>>
export declare function tryFn<T> (fnOrPromise: Promise<T>): Promise<TryResult<Awaited<T>>>
export declare function tryFn<T> (fnOrPromise: () => T): TryResult<T>
export declare function tryFn<T> (fnOrPromise: T): TryResult<T>
export declare function tryFnSync<T> (fn: () => T): TryResult<T>

export declare function streamToString (stream: NodeJS.ReadableStream | AsyncIterable<unknown>): Promise<string>

export type BehaviorName = 'user-managed' | 'enforce-limits' | 'truncate-data' | 'body-overflow' | 'body-only'
export interface BehaviorResource {
  name: string
  version: string
  config: { timestamps?: boolean }
  schema?: { map?: Record<string, unknown>, pluginMap?: Record<string, unknown> }
  emit (event: string, payload: unknown): void
}
export interface BehaviorHandleInsertParams { resource: BehaviorResource, data: Record<string, unknown>, mappedData: Record<string, string>, originalData?: Record<string, unknown> }
export interface BehaviorHandleUpdateParams { resource: BehaviorResource, id: string, data: Record<string, unknown>, mappedData: Record<string, string>, originalData?: Record<string, unknown> }
export interface BehaviorHandleUpsertParams { resource: BehaviorResource, id: string, data: Record<string, unknown>, mappedData: Record<string, string> }
export interface BehaviorHandleGetParams { resource: BehaviorResource, metadata: Record<string, string>, body: string }
export interface BehaviorResult { mappedData: Record<string, string>, body: string }
export interface BehaviorGetResult { metadata: Record<string, string>, body: string }
export interface BehaviorHandlers {
  handleInsert (params: BehaviorHandleInsertParams): Promise<BehaviorResult>
  handleUpdate (params: BehaviorHandleUpdateParams): Promise<BehaviorResult>
  handleUpsert? (params: BehaviorHandleUpsertParams): Promise<BehaviorResult>
  handleGet (params: BehaviorHandleGetParams): Promise<BehaviorGetResult>
}
export declare const behaviors: Record<BehaviorName, BehaviorHandlers>
export declare function getBehavior (behaviorName: string): BehaviorHandlers
export declare const AVAILABLE_BEHAVIORS: BehaviorName[]
export declare const DEFAULT_BEHAVIOR: BehaviorName

export declare const encode: (n: number) => string
export declare const decode: (s: string) => number
export declare const encodeKey: (n: number) => string
export declare const decodeKey: (s: string) => number
export declare const encodeDecimal: (n: number) => string
export declare const decodeDecimal: (s: string) => number
export declare const encodeFixedPoint: (n: number, precision?: number) => string
export declare const decodeFixedPoint: (s: string, precision?: number) => number
