// Types of lib/validator.js: s3db.js 19.5.10's Validator (fastest-validator semantics).

export interface ValidatorOptions {
  options?: Record<string, unknown>
  passphrase?: string
  bcryptRounds?: number
  autoEncrypt?: boolean
  autoHash?: boolean
}
export interface ValidationErrorItem {
  type: string
  message?: string
  field?: string
  expected?: unknown
  actual?: unknown
  [key: string]: unknown
}
export type CheckFunction = (data: any) => Promise<true | ValidationErrorItem[]>

export class Validator {
  passphrase?: string
  bcryptRounds: number
  autoEncrypt: boolean
  autoHash: boolean
  constructor (options?: ValidatorOptions)
  compile (schema: Record<string, unknown>): CheckFunction
  validate (data: any, schema: Record<string, unknown>): Promise<true | ValidationErrorItem[]>
}
export declare const ValidatorManager: typeof Validator
