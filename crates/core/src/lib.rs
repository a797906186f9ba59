//! s3db-native's core: everything but the napi binding.
//!
//! - [`store`]: the [`store::ObjectStore`] trait and its backends (S3, memory, file) plus
//!   connection-string parsing.
//! - [`client`]: the s3db.js client API (key prefixing, metadata encoding, batch helpers) over a
//!   store, with every request admitted by the client's limiter.
//! - [`error`]: one error type that knows its S3 code, status and whether a retry may help.

// StoreError carries everything the JS error classes report (code, status, request id, key,
// details); errors are the rare path, so a large Err variant is cheaper than boxing them all.
#![allow(clippy::result_large_err)]

pub mod client;
pub mod error;
pub mod error_record;
pub mod resource;
pub mod store;

pub use error::{ErrorKind, StoreError};
/// The storage codec (schemas, metadata encoding, keys), re-exported so the binding reaches
/// every storage rule through the core alone.
pub use s3db_codec as codec;
/// The operations pool every leaf request goes through (re-exported for the binding).
pub use s3db_pool as pool;
