//! Database-level metadata files.

pub mod document;
pub mod s3db_json;
