//! Database-level metadata files.

pub mod s3db_json;
