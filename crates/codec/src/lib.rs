//! The s3db.js storage format as pure functions: nothing here does I/O.

pub mod codec;
pub mod error;
pub mod js;
pub mod metadata_encoding;

pub use error::{CodecError, Result};
pub mod keys;
pub mod meta;
pub mod record;
pub mod schema;
pub mod validate;
