// Compiled by `npm run typecheck`: an ES module app under `--module nodenext`. The default import is
// the S3db class itself (constructable and usable as a type), and named imports work beside it.
import S3db, { Database, S3db as NamedS3db, ValidationError } from 's3db-native'
import type { ResourceConfig } from 's3db-native'

const db: S3db = new S3db({ connectionString: 'memory://esm-app/db' })
const same: NamedS3db = db
const asDatabase: Database = same
const config: ResourceConfig = { name: 'users', attributes: { name: 'string' } }
void asDatabase
void config
void ValidationError
