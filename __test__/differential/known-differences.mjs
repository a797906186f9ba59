// Every difference the differential tests currently observe between s3db.js 19.5.10 and
// s3db-native, each with its reason: a COMPATIBILITY.md entry (a deliberate fix) or
// "not yet fixed" with the issue that tracks it.
//
// Two kinds of entry:
//   { scenario, path, backends?, reason }   one exact trace path of one scenario
//   { field, reference, native, reason }    a field that differs the same way on every record
//                                           (matches only those exact two values)
// The tests fail on a difference listed nowhere, on a path entry whose path no longer differs,
// and on a field entry that matched nothing in a whole run. Regenerate the skeleton with
// `node __test__/differential/report.mjs --known`.
import { ABSENT } from './harness/diff.mjs'

const VERSION_FIELDS = 'COMPATIBILITY.md "_v is reported as stored": _originalVersion/_versionMapped are not added to records'
const UPDATE_LEAKS = 'COMPATIBILITY.md storage codec 14 "Updates are encoded like inserts": s3db.js leaks read-side fields into the object on update'

export const known = [
  { field: '_originalVersion', reference: '1', native: ABSENT, reason: VERSION_FIELDS },
  { field: '_versionMapped', reference: true, native: ABSENT, reason: VERSION_FIELDS }
]
