//! The storage layout as the JS face needs it: object keys and prefixes, the characters a key
//! segment may not hold, and the fields a read adds to a record. All of it comes from
//! `s3db_codec` (keys, record fields), so lib/ restates none of it.

use crate::completions;
use crate::errors::to_napi;
use crate::resource::NativeResource;
use napi::bindgen_prelude::PromiseRaw;
use napi::Env;
use napi_derive::napi;
use s3db_core::codec::keys::{self, id, sequence};
use s3db_core::resource::DeleteScope;
use s3db_core::StoreError;

/// The fields a read adds to a record (`_etag`, `_lastModified`, ...): 19.5.10's writes
/// return and emit the record as written, without them.
#[napi]
pub fn read_fields() -> Vec<String> {
    s3db_core::codec::record::fields::read_fields()
        .map(str::to_string)
        .collect()
}

/// The characters an id, a resource name or a partition value may not hold (`/ \ = %`).
#[napi]
pub fn unsafe_key_chars() -> String {
    id::UNSAFE_KEY_CHARS.iter().collect()
}

/// The record id a record key or partition reference names (what follows its last `/id=`),
/// or `null` for a key that names none.
#[napi]
pub fn id_of_key(key: String) -> Option<String> {
    keys::reference_id(&key).map(str::to_string)
}

/// A full object key as 19.5.10's errors report it: from its `resource=<name>/` on.
#[napi]
pub fn key_from_resource(key: String, resource_name: String) -> String {
    keys::key_from_resource(&key, &resource_name).to_string()
}

/// `keyPrefix` joined to a key as the client's requests join them (`path.join` rules).
#[napi]
pub fn join_key_prefix(prefix: String, key: String) -> String {
    keys::join_prefix(&prefix, &key)
}

/// The prefix a sequence's keys start with, by owner: `resource=<r>/plugin=<p>/`,
/// `resource=<r>/`, `plugin=<p>/`, else `prefix`; `null` when nothing names an owner.
#[napi]
pub fn sequence_owner_prefix(
    resource_name: Option<String>,
    plugin_slug: Option<String>,
    prefix: Option<String>,
) -> Option<String> {
    sequence::sequence_owner_prefix(
        resource_name.as_deref(),
        plugin_slug.as_deref(),
        prefix.as_deref().unwrap_or(""),
    )
}

fn sequence_part(part: &str) -> napi::Result<sequence::SequencePart> {
    sequence::SequencePart::parse(part).ok_or_else(|| {
        to_napi(StoreError::invalid(format!(
            "A sequence has a 'value' and a 'lock' object, not '{part}'"
        )))
    })
}

/// The key of a sequence's `value` or `lock` object: `<owner>sequence=<name>/<part>`, or
/// `sequences/<name>/<part>` when `owner` is null.
#[napi(catch_unwind)]
pub fn sequence_key(owner: Option<String>, name: String, part: String) -> napi::Result<String> {
    Ok(sequence::sequence_key(
        owner.as_deref(),
        &name,
        sequence_part(&part)?,
    ))
}

/// The key of a resource's incremental-id sequence object: `resource=<r>/sequence=<field>/<part>`.
#[napi(catch_unwind)]
pub fn resource_sequence_key(
    resource_name: String,
    field: String,
    part: String,
) -> napi::Result<String> {
    Ok(sequence::resource_sequence_key(
        &resource_name,
        &field,
        sequence_part(&part)?,
    ))
}

/// The listing prefix of a resource's incremental-id sequences: `resource=<r>/sequence=`.
#[napi]
pub fn resource_sequences_prefix(resource_name: String) -> String {
    sequence::resource_sequences_prefix(&resource_name)
}

/// The prefix of a plugin's objects: `resource=<r>/plugin=<slug>`, or `plugin=<slug>` without
/// a resource.
#[napi]
pub fn plugin_prefix(plugin_slug: String, resource_name: Option<String>) -> String {
    keys::plugin_prefix(resource_name.as_deref(), &plugin_slug)
}

fn scope(all_data: bool) -> DeleteScope {
    if all_data {
        DeleteScope::AllData
    } else {
        DeleteScope::Records
    }
}

#[napi]
impl NativeResource {
    /// `resource=<name>/data/id=<id>`: the key of a record (relative to the key prefix).
    #[napi]
    pub fn record_key(&self, id: String) -> String {
        self.inner.record_key(&id)
    }

    /// `resource=<name>/data`: the prefix of the resource's records (`deleted-all` reports it).
    #[napi]
    pub fn records_prefix(&self) -> String {
        keys::records_prefix(&self.inner.config().name)
    }

    /// `resource=<name>`: the prefix of every object of the resource (`deleted-all-data`).
    #[napi]
    pub fn resource_prefix(&self) -> String {
        keys::resource_prefix(&self.inner.config().name)
    }

    /// The keys `deleteAllRecords` (`allData` false) or `deleteAllData` (true) would delete
    /// now, in key order.
    #[napi]
    pub fn scope_keys<'env>(
        &self,
        env: &'env Env,
        all_data: bool,
    ) -> napi::Result<PromiseRaw<'env, Vec<String>>> {
        let resource = self.inner.clone();
        completions::promise(
            env,
            async move { resource.scope_keys(scope(all_data)).await },
        )
    }

    /// Deletes `keys` in requests of 1,000: the report of the client's `deleteObjects`.
    #[napi]
    pub fn delete_keys<'env>(
        &self,
        env: &'env Env,
        keys: Vec<String>,
    ) -> napi::Result<PromiseRaw<'env, crate::client::DeleteObjectsResult>> {
        let resource = self.inner.clone();
        completions::promise(env, async move {
            let report = resource.delete_keys(&keys).await?;
            Ok(crate::client::delete_report(report))
        })
    }
}
