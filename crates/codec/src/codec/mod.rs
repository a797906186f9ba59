//! Per-type value encodings (storage spec §3.2) and their inverses. Every decoder is total:
//! it returns `None`/an error on malformed input and never panics.

pub mod arrays;
pub mod base62;
pub mod datetime;
pub mod decimal;
pub mod geo;
pub mod ip;
pub mod password;
pub mod pbkdf2;
pub mod secret;
