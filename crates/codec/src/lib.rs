//! The s3db.js storage format as pure functions: nothing here does I/O.

pub mod metadata_encoding;
