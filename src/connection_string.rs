//! `ConnectionString` parsing, exposed so the JS class reports exactly what the core will use.

use crate::errors::to_napi;
use napi_derive::napi;
use s3db_core::store::{BackendKind, ConnectionConfig};

#[napi(object)]
pub struct ParsedConnectionString {
    /// `s3`, `memory` or `file`.
    pub backend: String,
    pub bucket: String,
    pub key_prefix: String,
    pub region: String,
    pub endpoint: String,
    pub force_path_style: bool,
    pub access_key_id: Option<String>,
    pub secret_access_key: Option<String>,
    pub session_token: Option<String>,
    pub base_path: Option<String>,
    pub params: Vec<Vec<String>>,
    pub client_options: serde_json::Value,
}

#[napi(catch_unwind)]
pub fn parse_connection_string(input: String) -> napi::Result<ParsedConnectionString> {
    let c = ConnectionConfig::parse(&input).map_err(to_napi)?;
    Ok(ParsedConnectionString {
        backend: match c.kind {
            BackendKind::S3 => "s3",
            BackendKind::Memory => "memory",
            BackendKind::File => "file",
        }
        .into(),
        bucket: c.bucket,
        key_prefix: c.key_prefix,
        region: c.region,
        endpoint: c.endpoint_label,
        force_path_style: c.force_path_style,
        access_key_id: c.access_key_id,
        secret_access_key: c.secret_access_key,
        session_token: c.session_token,
        base_path: c.base_path,
        params: c.params.into_iter().map(|(k, v)| vec![k, v]).collect(),
        client_options: c.client_options,
    })
}
