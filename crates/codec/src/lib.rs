//! The s3db.js storage format as pure functions: nothing here does I/O.
//!
//! `s3db-codec` turns records into the exact S3 objects s3db.js writes (metadata headers,
//! JSON bodies, keys, `s3db.json`) and reads back every object s3db.js 16.x, 19.x and 21.x
//! wrote. The storage spec is the reference; deliberate differences are in `COMPATIBILITY.md (Storage codec)`.
//!
//! # Public API
//!
//! ```
//! use s3db_codec::record::{behavior::Behavior, EncodeOptions};
//! use s3db_codec::schema::{Schema, SchemaOptions};
//! use serde_json::json;
//!
//! // 1. Compile a resource definition (fastest-validator rules + s3db types).
//! let schema = Schema::from_json(
//!     &json!({"name": "string|min:2", "age": "number|integer", "tags": "array|items:string"}),
//!     SchemaOptions { passphrase: "secret".into(), ..Default::default() },
//! )?;
//!
//! // 2. Validate in place: defaults, coercions, unknown nested keys removed.
//! let mut data = json!({"id": "u1", "name": "Ana", "age": "30", "tags": ["a", "b|c"]});
//! schema.validate(&mut data).map_err(|issues| issues[0].message.clone()).unwrap();
//!
//! // 3. Encode with a behavior. `metadata` is logical (before the client layer);
//! //    `wire_metadata()` is what goes into the `x-amz-meta-*` headers.
//! let obj = schema.encode_record(&data, Behavior::UserManaged, &EncodeOptions::default())?;
//! assert_eq!(obj.metadata, [("0".into(), "Ana".into()), ("1".into(), "u".into()),
//!                           ("2".into(), "a|b\\|c".into()), ("_v".into(), "v1".into())]);
//! assert!(obj.body.is_none() && obj.content_type.is_none());
//!
//! // 4. Decode what S3 returns (lower-cased keys, encoded values) plus the body.
//! let back = schema.decode_record(&obj.wire_metadata(), obj.body.as_deref())?;
//! assert_eq!(back.data, json!({"name": "Ana", "age": 30, "tags": ["a", "b|c"]}));
//! # Ok::<(), s3db_codec::CodecError>(())
//! ```
//!
//! Other entry points:
//! - [`keys`]: record, partition-reference and historical keys, id validation/generation.
//! - [`meta::s3db_json::DatabaseMeta`]: `s3db.json` parse/write (byte-exact), versions.
//! - [`schema::Schema::definition_hash`], [`schema::Schema::registry`]: what `s3db.json`
//!   stores per version; [`schema::Schema::record_definition_hash`]: `_definitionHash`.
//! - [`codec`]: the per-type encodings (base62, decimal, fixed point, money, geo, IPs,
//!   arrays, AES-GCM secrets, bcrypt passwords, 21.x datetimes) for direct use.
//! - [`metadata_encoding`]: the client layer (`u:`/`b:`/`d:` values, key cleaning).
//!
//! Every decoder is total: malformed input yields a [`CodecError`] (or, in
//! `decode_record`, the stored text plus an entry in `problems`), never a panic.

pub mod codec;
pub mod error;
pub mod js;
pub mod keys;
pub mod lenient;
pub mod meta;
pub mod metadata_encoding;
pub mod plugin_registry;
pub mod record;
pub mod schema;
pub mod validate;

pub use error::{CodecError, Result};
pub use record::behavior::{Behavior, EncodedObject};
pub use record::decode::DecodedRecord;
pub use record::EncodeOptions;
pub use schema::{Schema, SchemaOptions};
pub use validate::ValidationIssue;
