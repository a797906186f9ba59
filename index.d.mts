// ESM typings: what `import ... from 's3db-native'` sees. index.d.ts describes the CommonJS entry,
// where the default export is a property; under `--module nodenext` an ESM importer of it would get
// the whole module as the default. index.mjs exports S3db itself as the default, and so does this.
export * from './index.js'
import { S3db } from './index.js'
export default S3db
