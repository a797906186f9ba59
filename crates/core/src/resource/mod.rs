//! Resources: records of one schema stored as S3 objects, with the s3db.js semantics and the
//! fewest requests (insert = one conditional PUT, update = GET + one conditional PUT, ...).

mod config;
mod listing;
mod metadata;
mod partitions;
mod record;
mod revision;

pub use config::{wrongly_typed, ResourceConfig};
pub use listing::{DeleteManyOutcome, DeleteScope, ListOptions, ListedJson, ListedRecords};
pub use metadata::definition_hash;
pub use partitions::PartitionFailure;
pub use record::{data_of, merge_patch, now_iso, strip_dangerous_keys};

use crate::client::{Client, PutObjectInput};
use crate::error::{ErrorKind, Result, StoreError};
use record::{compose, ObjectFacts};
use s3db_codec::keys::id::{generate_id, validate_id};
use s3db_codec::keys::record_key;
use s3db_codec::record::behavior::{Behavior, EncodedObject};
use s3db_codec::record::EncodeOptions;
use s3db_codec::schema::{Schema, SchemaOptions};
use serde_json::{json, Map, Value};
use std::sync::Arc;

/// How many times an update re-reads and re-merges after another writer changed the record.
pub const UPDATE_ATTEMPTS: u32 = 16;

/// A random pause before re-running a conflicted update, growing with the attempt, so that
/// competing writers spread out instead of colliding again.
pub async fn conflict_backoff(attempt: u32) {
    let cap_ms = (5u64 << attempt.min(6)).min(250);
    tokio::time::sleep(std::time::Duration::from_millis(fastrand::u64(1..=cap_ms))).await;
}

pub struct Resource {
    client: Arc<Client>,
    config: ResourceConfig,
    schema: Schema,
    definition_hash: String,
    /// `record_key(name, "")` (`resource=<name>/data/id=`) and the same joined under the
    /// client's key prefix (`None` if that join fails): `exists` appends the id to them.
    record_stem: (String, Option<String>),
}

/// A write's outcome: the record as a read would return it, plus what the JS layer reports.
#[derive(Debug)]
pub struct WriteOutcome {
    pub record: Value,
    /// `exceedsLimit` payload when a user-managed record spilled into the body.
    pub exceeds_limit: Option<Value>,
    pub partition_failures: Vec<PartitionFailure>,
}

#[derive(Debug)]
pub struct UpdateOutcome {
    pub before: Value,
    pub write: WriteOutcome,
}

/// A record read for an update: its data and the ETag the write must match.
#[derive(Debug, Clone)]
pub struct ReadForUpdate {
    pub record: Value,
    pub etag: String,
    /// Binary content (set with `setContent`) that an update must keep.
    pub content: Option<(bytes::Bytes, String)>,
}

impl Resource {
    pub fn new(client: Arc<Client>, config: ResourceConfig) -> Result<Self> {
        let options = SchemaOptions {
            timestamps: config.timestamps,
            all_nested_objects_optional: config.all_nested_objects_optional,
            passphrase: config.passphrase.clone(),
            auto_decrypt: config.auto_decrypt,
            bcrypt_rounds: config.bcrypt_rounds,
            version: config.version.clone(),
            registry: config.registry.clone(),
            plugin_attributes: config.plugin_attributes.clone(),
            retired_plugin_attributes: config.retired_plugin_attributes.clone(),
            now: now_iso(),
            ..Default::default()
        };
        let schema = Schema::from_json(&config.attributes, options).map_err(|e| {
            StoreError::from(e).with_details(json!({ "resourceName": config.name }))
        })?;
        let definition_hash = schema.record_definition_hash(config.behavior.as_str());
        let stem = record_key(&config.name, "");
        let joined_stem = client.joined_key(&stem).ok();
        Ok(Resource {
            client,
            config,
            schema,
            definition_hash,
            record_stem: (stem, joined_stem),
        })
    }

    pub fn config(&self) -> &ResourceConfig {
        &self.config
    }

    pub fn schema(&self) -> &Schema {
        &self.schema
    }

    /// The hash s3db.json stores for this definition ([`definition_hash`]).
    pub fn definition_hash(&self) -> String {
        definition_hash(&self.config)
    }

    pub fn record_key(&self, id: &str) -> String {
        record_key(&self.config.name, id)
    }

    /// Ids must be non-empty and URL-safe; the error carries s3db.js's `field`/`constraint`.
    pub(crate) fn check_id(&self, id: &str) -> Result<()> {
        validate_id(id).map_err(|e| {
            let unsafe_chars = id.contains(['/', '\\', '=', '%']);
            let mut details =
                json!({ "resourceName": self.config.name, "id": id, "field": "id", "value": id });
            if unsafe_chars {
                details["constraint"] = json!("url-safe");
            }
            StoreError::from(e).with_details(details)
        })
    }

    /// A stored record that cannot be read back: reported for that record alone.
    fn corrupt(&self, err: s3db_codec::CodecError, id: &str) -> StoreError {
        let message = format!(
            "Record '{id}' of resource '{}' is corrupt: {err}",
            self.config.name
        );
        let mut error = StoreError::from(err)
            .with_code("CorruptRecord")
            .with_message(message)
            .with_status(500)
            .with_details(json!({ "resourceName": self.config.name, "id": id }));
        error.kind = ErrorKind::Resource;
        error
    }

    fn not_found(&self, err: StoreError, id: &str) -> StoreError {
        err.with_details(json!({ "resourceName": self.config.name, "id": id }))
    }

    /// Validates in place; failures become `InvalidResourceItem` with the issue list.
    /// As in s3db.js, `attributes` is the document that failed (as validation left it: copying
    /// it up front would cost every valid write), with its secret fields masked.
    pub fn validate(&self, data: &mut Value) -> Result<()> {
        self.schema.validate(data).map_err(|mut issues| {
            self.schema.redact_issues(&mut issues);
            let attempted = self.schema.redacted(data);
            let message = issues.first().map(|i| i.message.clone()).unwrap_or_else(|| "validation failed".into());
            StoreError::new(ErrorKind::InvalidResourceItem, message)
                .with_status(422)
                .with_details(json!({ "resourceName": self.config.name, "validation": issues, "attributes": attempted }))
        })
    }

    /// Validation of a write. A schema that declares `id` itself validates it with the data, as
    /// s3db.js does (on insert only when the caller gave one); the id is never stored as a field.
    fn validate_write(&self, data: &mut Value, id: Option<&str>) -> Result<()> {
        let (Some(id), true) = (id, self.schema.declares_id()) else {
            return self.validate(data);
        };
        if let Value::Object(map) = data {
            map.insert("id".into(), Value::String(id.to_string()));
        }
        let result = self.validate(data);
        if let Value::Object(map) = data {
            map.shift_remove("id");
        }
        result
    }

    fn encode(
        &self,
        data: &Value,
        operation: &str,
        update_id: Option<&str>,
    ) -> Result<EncodedObject> {
        let opts = EncodeOptions {
            operation: Some(operation.into()),
            keep_hashed_passwords: operation != "insert",
            update_id: update_id.map(str::to_string),
        };
        self.schema
            .encode_record(data, self.config.behavior, &opts)
            .map_err(|e| {
                StoreError::from(e).with_details(
                    json!({ "resourceName": self.config.name, "operation": operation }),
                )
            })
    }

    /// The record a read of what was just written would return, without reading it.
    fn as_read(&self, encoded: &EncodedObject, id: &str, etag: &str) -> Result<Value> {
        let body = encoded.body.as_deref().filter(|b| !b.is_empty());
        let decoded = self.schema.decode_record(&encoded.wire_metadata(), body)?;
        let info = crate::store::ObjectInfo {
            metadata: Default::default(),
            content_type: encoded.content_type.clone(),
            content_encoding: None,
            content_length: body.map_or(0, |b| b.len() as u64),
            etag: etag.to_string(),
            last_modified: std::time::SystemTime::now(),
            version_id: None,
        };
        let data = decoded.data.as_object().cloned().unwrap_or_default();
        Ok(compose(
            data,
            id,
            &ObjectFacts {
                info: &info,
                version: &self.config.version,
                definition_hash: &self.definition_hash,
            },
        ))
    }

    fn put_input(&self, id: &str, encoded: &EncodedObject) -> PutObjectInput {
        PutObjectInput {
            key: self.record_key(id),
            metadata: encoded.metadata.clone(),
            body: encoded.body.clone().map(Into::into).unwrap_or_default(),
            content_type: encoded.content_type.clone(),
            ..Default::default()
        }
    }

    fn exceeds_payload(
        &self,
        encoded: &EncodedObject,
        operation: &str,
        id: &str,
        data: &Value,
    ) -> Option<Value> {
        encoded.exceeds_limit.as_ref().map(|e| {
            // s3db.js: an insert reports `data` (id first) and no `id` key; an update both.
            if operation == "insert" {
                let mut with_id = Map::new();
                with_id.insert("id".into(), Value::String(id.to_string()));
                with_id.extend(data.as_object().cloned().unwrap_or_default());
                json!({ "operation": operation, "totalSize": e.total_size, "limit": e.limit, "excess": e.excess, "data": with_id })
            } else {
                json!({ "operation": operation, "id": id, "totalSize": e.total_size, "limit": e.limit, "excess": e.excess, "data": data })
            }
        })
    }

    /// Inserts a new record: validate, encode, one create-if-absent PUT, then its partition
    /// references. An id that exists already fails without touching the stored record.
    pub async fn insert(&self, input: Value) -> Result<WriteOutcome> {
        let Value::Object(mut data) = input else {
            return Err(StoreError::invalid("insert expects an object")
                .with_details(json!({ "resourceName": self.config.name })));
        };
        // As in s3db.js, an empty id is no id: one is generated.
        let id_given = data
            .get("id")
            .is_some_and(|v| !v.is_null() && v.as_str() != Some(""));
        let id = match data.shift_remove("id") {
            Some(Value::String(id)) if !id.is_empty() => id,
            Some(Value::String(_)) | Some(Value::Null) | None => generate_id(self.config.id_size)?,
            Some(other) => other.to_string(),
        };
        self.check_id(&id)?;
        if self.config.timestamps {
            let now = now_iso();
            data.insert("createdAt".into(), Value::String(now.clone()));
            data.insert("updatedAt".into(), Value::String(now));
        }
        let mut value = Value::Object(data);
        strip_dangerous_keys(&mut value);
        self.validate_write(&mut value, id_given.then_some(id.as_str()))
            .map_err(|e| with_given_id(e, id_given.then_some(id.as_str())))?;
        let encoded = self.encode(&value, "insert", None)?;
        let mut put = self.put_input(&id, &encoded);
        put.if_none_match = Some("*".into());
        let written = self.client.put_object(put).await.map_err(|e| {
            if e.kind == ErrorKind::PreconditionFailed {
                let message = format!("Resource with id '{id}' already exists");
                let mut attributes = self.schema.redacted(&value);
                attributes["id"] = Value::String(id.clone());
                StoreError::new(ErrorKind::InvalidResourceItem, message.clone())
                    .with_status(409)
                    .with_details(json!({
                        "resourceName": self.config.name,
                        "id": id,
                        "attributes": attributes,
                        "validation": [{ "message": message, "field": "id" }],
                    }))
            } else {
                e
            }
        })?;
        let data = value.as_object().cloned().unwrap_or_default();
        let refs = self.partition_keys(&data, &id);
        let partition_failures = self.sync_partition_refs(&refs, &Default::default()).await;
        Ok(WriteOutcome {
            record: self.as_read(&encoded, &id, &written.etag)?,
            exceeds_limit: self.exceeds_payload(&encoded, "insert", &id, &value),
            partition_failures,
        })
    }

    /// Reads one record (one GET).
    pub async fn get(&self, id: &str) -> Result<Value> {
        Ok(self.read(id).await?.record)
    }

    async fn read(&self, id: &str) -> Result<ReadForUpdate> {
        self.check_id(id)?;
        let (info, body) = self
            .client
            .get_object(&self.record_key(id))
            .await
            .map_err(|e| self.not_found(e, id))?;
        let body = (!body.is_empty()).then_some(body.as_ref());
        let decoded = self
            .schema
            .decode_logical(&info.metadata, body)
            .map_err(|e| self.corrupt(e, id))?;
        if let Some(problem) = decoded.problems.first() {
            return Err(self.corrupt(problem.clone(), id));
        }
        // A body-only record without a body is legacy data kept in metadata (read from there,
        // as s3db.js does); a body that is not a JSON object is corrupt.
        let body_is_bad = body.is_some_and(|b| {
            !s3db_codec::js::parse::from_js_slice::<Value>(b).is_ok_and(|v| v.is_object())
        });
        if self.config.behavior == Behavior::BodyOnly && body_is_bad {
            return Err(self.corrupt(
                s3db_codec::CodecError::Body("a body-only record needs a JSON object body".into()),
                id,
            ));
        }
        let data = decoded.data.as_object().cloned().unwrap_or_default();
        let record = compose(
            data,
            id,
            &ObjectFacts {
                info: &info.info,
                version: &self.config.version,
                definition_hash: &self.definition_hash,
            },
        );
        let content = match (&info.info.content_type, body) {
            (Some(ct), Some(b))
                if ct != "application/json"
                    && s3db_codec::js::parse::from_js_slice::<Value>(b).is_err() =>
            {
                Some((bytes::Bytes::copy_from_slice(b), ct.clone()))
            }
            _ => None,
        };
        Ok(ReadForUpdate {
            record,
            etag: info.info.etag,
            content,
        })
    }

    /// Whether reads complete in place (see [`Client::answers_in_place`]).
    pub fn answers_in_place(&self) -> bool {
        self.client.answers_in_place()
    }

    pub async fn exists(&self, id: &str) -> Result<bool> {
        self.check_id(id)?;
        // A checked id holds no '/': the full record key is the joined stem with the id appended.
        let full = match &self.record_stem {
            (stem, Some(joined)) => self.client.key_under(joined, stem, id)?,
            (_, None) => self.client.joined_key(&self.record_key(id))?,
        };
        self.client.exists_joined(&full).await
    }

    /// Reads a record and merges a patch into it (the first half of an update, so that
    /// `beforeUpdate` hooks can see the merged object).
    pub async fn prepare_update(
        &self,
        id: &str,
        patch: &Map<String, Value>,
    ) -> Result<(ReadForUpdate, Value)> {
        let current = match self.read(id).await {
            Ok(current) => current,
            Err(e) if e.is_not_found() => {
                return Err(StoreError::new(
                    ErrorKind::Resource,
                    format!("Resource with id '{id}' does not exist"),
                )
                .with_status(404)
                .with_code("NoSuchKey")
                .with_details(json!({
                    "resourceName": self.config.name,
                    "id": id,
                    "suggestion": "Ensure the record exists or create it before attempting an update.",
                })));
            }
            Err(e) => return Err(e),
        };
        let mut merged = data_of(&current.record);
        merge_patch(&mut merged, patch);
        if self.config.timestamps {
            merged.insert("updatedAt".into(), Value::String(now_iso()));
        }
        Ok((current, Value::Object(merged)))
    }

    /// Writes a merged record if the stored one still has `etag` (the second half of an update).
    pub async fn commit_update(
        &self,
        id: &str,
        merged: Value,
        before: &ReadForUpdate,
    ) -> Result<WriteOutcome> {
        let holds_binary = before.record.get("_hasContent") == Some(&Value::Bool(true))
            && before
                .record
                .get("_mimeType")
                .and_then(Value::as_str)
                .is_some_and(|m| m != "application/json");
        if before.content.is_none() && holds_binary {
            // Prepared in another call (hooks ran in between): fetch the content it must keep.
            let fresh = self.read(id).await?;
            if fresh.content.is_some() {
                let before = ReadForUpdate {
                    content: fresh.content,
                    ..before.clone()
                };
                return Box::pin(self.commit_update(id, merged, &before)).await;
            }
        }
        let mut value = Value::Object(data_of(&merged));
        strip_dangerous_keys(&mut value);
        self.validate_write(&mut value, Some(id))
            .map_err(|e| update_refusal(with_given_id(e, Some(id))))?;
        let mut encoded = self.encode(&value, "update", Some(id)).map_err(|e| {
            // s3db.js's update names the record it could not store.
            if e.kind == ErrorKind::MetadataTooLarge {
                e.with_details(json!({ "id": id }))
            } else {
                e
            }
        })?;
        let mut put = match &before.content {
            Some((content, content_type)) => PutObjectInput {
                body: content.clone(),
                content_type: Some(content_type.clone()),
                ..self.put_input(id, &encoded)
            },
            None => {
                self.add_update_body(&mut encoded, &value);
                self.put_input(id, &encoded)
            }
        };
        put.if_match = Some(before.etag.clone());
        let written = self.client.put_object(put).await?;
        let old = self.partition_keys(&data_of(&before.record), id);
        let new = self.partition_keys(value.as_object().unwrap_or(&Map::new()), id);
        let add = new.difference(&old).cloned().collect();
        let remove = old.difference(&new).cloned().collect();
        let partition_failures = self.sync_partition_refs(&add, &remove).await;
        let mut record = self.as_read(&encoded, id, &written.etag)?;
        // s3db.js's update returns a body-overflow record that spilled with its flag.
        if self.config.behavior == Behavior::BodyOverflow && encoded.overflow {
            if let Value::Object(map) = &mut record {
                map.insert("$overflow".into(), Value::String("true".into()));
            }
        }
        Ok(WriteOutcome {
            record,
            exceeds_limit: self.exceeds_payload(&encoded, "update", id, &value),
            partition_failures,
        })
    }

    /// The body an update writes, so that its ETag changes with the record (see `revision`).
    /// A user-managed record held in metadata gets s3db.js 19.5.10's body, its data under
    /// attribute names; other placements get the complete mapped record.
    fn add_update_body(&self, encoded: &mut EncodedObject, data: &Value) {
        let in_metadata = encoded.body.is_none() && encoded.exceeds_limit.is_none();
        if self.config.behavior == Behavior::UserManaged && in_metadata {
            encoded.body = Some(self.schema.data_body(data, &encoded.metadata));
            encoded.content_type = Some("application/json".into());
        } else {
            revision::add_revision_body(encoded);
        }
    }

    /// Read, merge, conditional write; a concurrent change re-runs the merge on fresh data,
    /// so no writer's update is silently lost.
    pub async fn update(&self, id: &str, patch: &Map<String, Value>) -> Result<UpdateOutcome> {
        for attempt in 0..UPDATE_ATTEMPTS {
            if attempt > 0 {
                conflict_backoff(attempt).await;
            }
            let (current, merged) = self.prepare_update(id, patch).await?;
            match self.commit_update(id, merged, &current).await {
                Ok(write) => {
                    return Ok(UpdateOutcome {
                        before: current.record,
                        write,
                    })
                }
                Err(e) if e.kind == ErrorKind::PreconditionFailed => continue,
                Err(e) => return Err(e),
            }
        }
        Err(StoreError::new(ErrorKind::PreconditionFailed, format!("Update of '{id}' kept conflicting with concurrent writers; gave up after {UPDATE_ATTEMPTS} attempts"))
            .with_status(412)
            .with_details(json!({ "resourceName": self.config.name, "id": id })))
    }

    /// Writes a whole record without reading it first (creates it when absent).
    pub async fn replace(&self, id: &str, input: Value) -> Result<WriteOutcome> {
        self.check_id(id)?;
        let mut data = data_of(&input);
        if self.config.timestamps {
            let now = now_iso();
            data.entry("createdAt")
                .or_insert_with(|| Value::String(now.clone()));
            data.insert("updatedAt".into(), Value::String(now));
        }
        let mut value = Value::Object(data);
        strip_dangerous_keys(&mut value);
        self.validate_write(&mut value, Some(id))?;
        // Stored as an insert stores it (s3db.js 19.5.10: no body when the record fits).
        let encoded = self.encode(&value, "replace", None)?;
        let written = self.client.put_object(self.put_input(id, &encoded)).await?;
        let refs = self.partition_keys(value.as_object().unwrap_or(&Map::new()), id);
        let partition_failures = self.sync_partition_refs(&refs, &Default::default()).await;
        Ok(WriteOutcome {
            record: self.as_read(&encoded, id, &written.etag)?,
            // s3db.js encodes a replace as an insert and reports a spill as an insert's.
            exceeds_limit: self.exceeds_payload(&encoded, "insert", id, &value),
            partition_failures,
        })
    }

    /// Deletes a record; a missing one is `NoSuchKey`, as in s3db.js. With `read_first`
    /// (needed for partitions, hooks and events) the record is read before and returned;
    /// otherwise it is one conditional DELETE that tells whether the record existed.
    pub async fn delete(
        &self,
        id: &str,
        read_first: bool,
    ) -> Result<(Option<Value>, Vec<PartitionFailure>)> {
        self.check_id(id)?;
        let key = self.record_key(id);
        // s3db.js reports the NoSuchKey of its read again: the S3 message is that error's.
        let bucket = self.client.config().bucket.clone();
        let missing = |err: StoreError| {
            let message = format!("No such key: {key} [bucket:{bucket}]");
            self.not_found(err.with_message(message), id)
        };
        let before = if read_first || !self.config.partitions.is_empty() {
            match self.get(id).await {
                Ok(record) => Some(record),
                Err(e) if e.is_not_found() => return Err(missing(e)),
                Err(e) => return Err(e),
            }
        } else {
            None
        };
        if before.is_some() {
            self.client.delete_object(&key).await?;
        } else if !self.client.delete_existing(&key).await? {
            let full = crate::client::join_key(self.client.key_prefix(), &key);
            return Err(missing(StoreError::no_such_key(&bucket, &full)));
        }
        let refs = before
            .as_ref()
            .map(|r| self.partition_keys(&data_of(r), id))
            .unwrap_or_default();
        let failures = self.sync_partition_refs(&Default::default(), &refs).await;
        Ok((before, failures))
    }
}

/// A refused insert reports the document as given, id included (s3db.js's `attributes`).
fn with_given_id(mut err: StoreError, id: Option<&str>) -> StoreError {
    if let (Some(id), Some(Value::Object(details))) = (id, err.details.as_mut()) {
        if let Some(Value::Object(attributes)) = details.get_mut("attributes") {
            attributes
                .entry("id")
                .or_insert_with(|| Value::String(id.to_string()));
        }
    }
    err
}

/// s3db.js's update names its refusal after the whole issue list: `validation: [...]`.
fn update_refusal(mut err: StoreError) -> StoreError {
    if err.kind == ErrorKind::InvalidResourceItem {
        if let Some(issues) = err.details.as_ref().and_then(|d| d.get("validation")) {
            err.message = format!("validation: {issues}");
        }
    }
    err
}
