//! `s3db.json`, the database metadata file: named entry points into the core's rules
//! (`s3db_codec::meta::document`, `s3db_core::resource::definition_hash`). Documents cross
//! as JSON text; the I/O, events and logs stay in `lib/database.js`.

use crate::errors::to_napi;
use crate::resource::NativeResource;
use napi_derive::napi;
use s3db_core::codec::meta::document;
use s3db_core::resource::{now_iso, ResourceConfig};
use serde_json::{Map, Value};

use crate::json::parse;

/// A saved entry of `s3db.json` given as JSON, when there is one.
fn parse_saved(saved_entry: Option<String>) -> napi::Result<Option<Value>> {
    saved_entry
        .map(|s| parse(&s, "saved entry"))
        .transpose()
        .map_err(to_napi)
}

fn parse_object(json: &str, what: &str) -> napi::Result<Map<String, Value>> {
    crate::json::parse_object(json, what).map_err(to_napi)
}

/// The stored file as read: what to do next (`state`), the metadata and what was healed.
#[napi(object)]
pub struct S3dbJsonRead {
    /// `missing` (upload a blank file), `ok`, `healed` or `repaired` (upload the healed
    /// metadata), `replaced` (back the text up, then upload the blank metadata).
    pub state: String,
    /// The metadata, as JSON.
    pub metadata: String,
    pub healing_log: Vec<String>,
}

/// Reads the stored text of `s3db.json` (`null`: there is none), repairing and healing it.
#[napi(js_name = "s3dbJsonRead")]
pub fn s3db_json_read(text: Option<String>, s3db_version: String) -> S3dbJsonRead {
    let read = document::read(text.as_deref(), &s3db_version, &now_iso());
    S3dbJsonRead {
        state: read.state.as_str().to_string(),
        metadata: read.metadata.to_string(),
        healing_log: read.healing_log,
    }
}

/// A blank metadata document, as JSON.
#[napi(js_name = "s3dbJsonBlank")]
pub fn s3db_json_blank(s3db_version: String) -> String {
    document::blank(&s3db_version, &now_iso()).to_string()
}

/// The text to upload and the `lastUpdated` it carries.
#[napi(object)]
pub struct S3dbJsonDocument {
    pub body: String,
    pub last_updated: String,
}

/// The text uploaded for `metadata` (JSON): `lastUpdated` now, `JSON.stringify(_, null, 2)`.
#[napi(js_name = "s3dbJsonDocument", catch_unwind)]
pub fn s3db_json_document(metadata: String) -> napi::Result<S3dbJsonDocument> {
    let mut value = parse(&metadata, "metadata").map_err(to_napi)?;
    let now = now_iso();
    Ok(S3dbJsonDocument {
        body: document::document(&mut value, &now),
        last_updated: now,
    })
}

/// `getNextVersion`: the version after every key of `versions` (JSON; any value).
#[napi(js_name = "s3dbJsonNextVersion", catch_unwind)]
pub fn s3db_json_next_version(versions: String) -> napi::Result<String> {
    let value = parse(&versions, "versions").map_err(to_napi)?;
    Ok(document::next_version_of(Some(&value)))
}

/// How a definition stands against its saved resource entry.
#[napi(object)]
pub struct S3dbJsonVersion {
    /// The version its records are written with.
    pub version: String,
    /// New, or its hash differs from the saved current version's: `version` is a new one.
    pub changed: bool,
    pub from_version: Option<String>,
    pub saved_hash: Option<String>,
}

/// The version rule for a definition of hash `hash` over its saved entry (JSON, or none).
#[napi(js_name = "s3dbJsonChooseVersion", catch_unwind)]
pub fn s3db_json_choose_version(
    saved_entry: Option<String>,
    hash: String,
) -> napi::Result<S3dbJsonVersion> {
    let saved = parse_saved(saved_entry)?;
    let choice = document::choose_version(saved.as_ref(), &hash);
    Ok(S3dbJsonVersion {
        version: choice.version,
        changed: choice.changed,
        from_version: choice.from_version,
        saved_hash: choice.saved_hash,
    })
}

/// The hash `s3db.json` stores for a definition (JSON, as `NativeClient.resource` takes it),
/// without building a resource; a malformed definition throws as there.
#[napi(js_name = "s3dbJsonDefinitionHash", catch_unwind)]
pub fn s3db_json_definition_hash(definition: String) -> napi::Result<String> {
    let value = parse(&definition, "resource config").map_err(to_napi)?;
    let config = ResourceConfig::from_json(&value, false).map_err(to_napi)?;
    Ok(s3db_core::resource::definition_hash(&config))
}

/// The `createResource` options of a saved entry's current version (JSON each way).
#[napi(js_name = "s3dbJsonRestoreOptions", catch_unwind)]
pub fn s3db_json_restore_options(saved_entry: String) -> napi::Result<String> {
    let saved = parse(&saved_entry, "saved entry").map_err(to_napi)?;
    Ok(Value::Object(document::restore_options(&saved)).to_string())
}

/// A resource's entry of `s3db.json` after recording its definition as `version`, over the
/// saved entry (JSON, or none). `facts` (JSON): what only the JS layer knows (`cache`,
/// `idSize`, `idGenerator`, `createdBy`, `hooks` or `hookHandlers`).
#[napi(js_name = "s3dbJsonRecordVersion", catch_unwind)]
pub fn s3db_json_record_version(
    resource: &NativeResource,
    saved_entry: Option<String>,
    version: String,
    facts: String,
) -> napi::Result<String> {
    let saved = parse_saved(saved_entry)?;
    let facts = parse_object(&facts, "facts")?;
    Ok(resource
        .inner
        .record_version(saved, &version, &facts, &now_iso())
        .to_string())
}

/// A saved entry (JSON) with a resource's registries, as uploaded.
#[napi(js_name = "s3dbJsonEntry", catch_unwind)]
pub fn s3db_json_entry(resource: &NativeResource, saved_entry: String) -> napi::Result<String> {
    let entry = parse(&saved_entry, "saved entry").map_err(to_napi)?;
    Ok(resource.inner.entry_for_upload(entry).to_string())
}
