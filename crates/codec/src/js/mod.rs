//! JavaScript semantics the storage format inherits from s3db.js.

pub mod collate;
pub mod json;
pub mod number;
pub mod order;
pub mod parse;
