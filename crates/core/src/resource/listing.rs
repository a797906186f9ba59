//! Reading many records: ids from LIST pages only, records fetched concurrently (bounded by
//! the client's pool) and returned in key order.

use super::Resource;
use crate::client::DeleteObjectsReport;
use crate::error::{Result, StoreError};
use futures::stream::{self, StreamExt};
use s3db_codec::keys::{id_from_key, records_list_prefix, resource_list_prefix};
use serde_json::{Map, Value};
use std::collections::{HashMap, HashSet};

/// Which records a listing covers.
#[derive(Debug, Clone, Default)]
pub struct ListOptions {
    pub partition: Option<String>,
    pub partition_values: Map<String, Value>,
    /// `None`: every record (s3db.js silently stopped at 1,000).
    pub limit: Option<usize>,
    pub offset: usize,
}

/// Records in key order, and the ids that could not be read.
#[derive(Debug, Default)]
pub struct ListedRecords {
    pub records: Vec<Value>,
    pub errors: Vec<(String, StoreError)>,
}

/// `ListedRecords` as JSON text: each record is serialized as soon as it is read, so a long
/// listing holds the text of its records, never all of them as values at once.
#[derive(Debug, Default)]
pub struct ListedJson {
    /// A JSON array of the records, in key order.
    pub records: String,
    pub errors: Vec<(String, StoreError)>,
}

/// A record read through a partition carries its name and values, as in s3db.js.
fn tag_record(record: &mut Value, opts: &ListOptions) {
    if let (Some(partition), Value::Object(map)) = (&opts.partition, record) {
        map.insert("_partition".into(), Value::String(partition.clone()));
        map.insert(
            "_partitionValues".into(),
            Value::Object(opts.partition_values.clone()),
        );
    }
}

/// The record ids of listed keys (other keys under the prefix are skipped).
fn ids_of(keys: &[String]) -> Vec<String> {
    keys.iter()
        .filter_map(|k| id_from_key(k).map(str::to_string))
        .collect()
}

/// What `delete_many` did, by record id.
#[derive(Debug, Default)]
pub struct DeleteManyOutcome {
    pub deleted: Vec<String>,
    /// Ids with no record (s3db.js: a `NoSuchKey` among the errors).
    pub missing: Vec<String>,
    pub failed: Vec<(String, StoreError)>,
    /// References that could not be deleted; their records are gone.
    pub partition_failures: Vec<super::PartitionFailure>,
}

/// Records fetched at once by a listing; the pool still bounds the requests in flight.
const FETCH_AHEAD: usize = 256;

impl Resource {
    /// The listing prefix of the whole resource or of one partition.
    fn list_prefix(&self, opts: &ListOptions) -> Result<String> {
        match &opts.partition {
            None => Ok(records_list_prefix(&self.config.name)),
            Some(partition) => self.partition_list_prefix(partition, &opts.partition_values),
        }
    }

    /// Ids in key order, from LIST pages only.
    pub async fn list_ids(&self, opts: &ListOptions) -> Result<Vec<String>> {
        let prefix = self.list_prefix(opts)?;
        let amount = opts.limit.unwrap_or(usize::MAX);
        let keys = if opts.offset == 0 && opts.limit.is_none() {
            self.client.get_all_keys(&prefix).await?
        } else {
            self.client
                .get_keys_page(&prefix, opts.offset, amount)
                .await?
        };
        Ok(ids_of(&keys))
    }

    /// One LIST page of ids in key order (at most `max`, capped at 1,000), resumed at
    /// `token`, and the token of the next page: a walk over the listing that holds one page
    /// at a time. `limit` and `offset` do not apply.
    pub async fn list_ids_page(
        &self,
        opts: &ListOptions,
        token: Option<String>,
        max: usize,
    ) -> Result<(Vec<String>, Option<String>)> {
        let prefix = self.list_prefix(opts)?;
        let (keys, next) = self.client.keys_page(&prefix, token, max).await?;
        Ok((ids_of(&keys), next))
    }

    pub async fn count(&self, opts: &ListOptions) -> Result<usize> {
        self.client.count(&self.list_prefix(opts)?).await
    }

    /// Reads records by id; missing or unreadable ones are reported, not fatal.
    pub async fn get_many(&self, ids: &[String]) -> ListedRecords {
        let mut reads = self.reads(ids);
        let mut out = ListedRecords::default();
        while let Some((id, result)) = reads.next().await {
            match result {
                Ok(record) => out.records.push(record),
                Err(e) => out.errors.push((id, e)),
            }
        }
        out
    }

    /// `get_many` as JSON text (see `ListedJson`); records read through a partition are tagged.
    pub async fn get_many_json(&self, ids: &[String]) -> ListedJson {
        self.read_json(ids, None).await
    }

    /// The records of `ids` read concurrently (bounded by `FETCH_AHEAD` and the client's pool),
    /// each with its id, in the order of `ids`.
    fn reads<'a>(
        &'a self,
        ids: &'a [String],
    ) -> impl futures::Stream<Item = (String, Result<Value>)> + 'a {
        stream::iter(ids.iter().cloned())
            .map(move |id| async move {
                let read = self.get(&id).await;
                (id, read)
            })
            .buffered(FETCH_AHEAD)
    }

    async fn read_json(&self, ids: &[String], opts: Option<&ListOptions>) -> ListedJson {
        let mut reads = self.reads(ids);
        let mut out = ListedJson {
            records: String::from("["),
            errors: Vec::new(),
        };
        while let Some((id, read)) = reads.next().await {
            match read {
                Ok(mut record) => {
                    if let Some(opts) = opts {
                        tag_record(&mut record, opts);
                    }
                    if out.records.len() > 1 {
                        out.records.push(',');
                    }
                    out.records.push_str(&record.to_string());
                }
                Err(e) => out.errors.push((id, e)),
            }
        }
        out.records.push(']');
        out
    }

    /// Every record of a listing (or `limit` of them after `offset`) as JSON text (see
    /// `ListedJson`).
    pub async fn list_json(&self, opts: &ListOptions) -> Result<ListedJson> {
        let ids = self.list_ids(opts).await?;
        Ok(self.read_json(&ids, Some(opts)).await)
    }

    /// The records of `offset..offset + limit` as JSON text (see `ListedJson`), plus the count
    /// of the whole listing, from one pass over the LIST pages (a page and a count would
    /// otherwise each walk them).
    pub async fn page_json(&self, opts: &ListOptions) -> Result<(ListedJson, usize)> {
        let prefix = self.list_prefix(opts)?;
        let amount = opts.limit.unwrap_or(usize::MAX);
        // The page's reads start once its keys are listed, while the rest is still counted.
        self.client
            .keys_window_then(&prefix, opts.offset, amount, |keys| async move {
                self.read_json(&ids_of(&keys), Some(opts)).await
            })
            .await
    }

    /// Inserts many documents concurrently (the pool bounds the requests in flight); each
    /// result is in the input's position.
    pub async fn insert_many(&self, documents: Vec<Value>) -> Vec<Result<super::WriteOutcome>> {
        stream::iter(documents)
            .map(|doc| self.insert(doc))
            .buffered(FETCH_AHEAD)
            .collect()
            .await
    }

    /// Deletes records by id with their partition references, in requests of 1,000 keys.
    /// With partitions the records are read first (their values name the references); a
    /// missing id is reported as `NoSuchKey`, as s3db.js's deleteMany counts it among errors.
    pub async fn delete_many(&self, ids: &[String]) -> Result<DeleteManyOutcome> {
        for id in ids {
            self.check_id(id)?;
        }
        let mut outcome = DeleteManyOutcome::default();
        // Every key to delete: the record id it belongs to, and whether it is the record itself.
        let mut owner: HashMap<String, (String, bool)> = HashMap::new();
        let (report, missing_keys) = if self.config.partitions.is_empty() {
            for id in ids {
                owner.insert(self.record_key(id), (id.clone(), true));
            }
            let keys: Vec<String> = ids.iter().map(|id| self.record_key(id)).collect();
            self.client.delete_objects_existing(&keys).await?
        } else {
            let listed = self.get_many(ids).await;
            for (id, error) in listed.errors {
                if error.is_not_found() {
                    outcome.missing.push(id);
                } else {
                    outcome.failed.push((id, error));
                }
            }
            let mut keys = Vec::new();
            for record in &listed.records {
                let Some(id) = record.get("id").and_then(Value::as_str) else {
                    continue;
                };
                owner.insert(self.record_key(id), (id.to_string(), true));
                keys.push(self.record_key(id));
                for reference in self.partition_keys(&super::data_of(record), id) {
                    owner.insert(reference.clone(), (id.to_string(), false));
                    keys.push(reference);
                }
            }
            (self.client.delete_objects(&keys).await?, Vec::new())
        };
        let missing: HashSet<String> = missing_keys.into_iter().collect();
        let record_failed =
            |key: &str, error: StoreError, outcome: &mut DeleteManyOutcome| match owner.get(key) {
                Some((id, true)) => outcome.failed.push((id.clone(), error)),
                _ => outcome.partition_failures.push(super::PartitionFailure {
                    key: key.to_string(),
                    error,
                }),
            };
        for (error, keys) in report.failed {
            for key in keys {
                let relative = crate::client::strip_key_prefix(self.client.key_prefix(), &key);
                record_failed(relative, error.clone(), &mut outcome);
            }
        }
        for batch in report.deleted {
            for failure in batch.errors {
                let relative =
                    crate::client::strip_key_prefix(self.client.key_prefix(), &failure.key)
                        .to_string();
                let error = StoreError::new(crate::ErrorKind::Unknown, failure.message)
                    .with_code(failure.code)
                    .with_location(&self.client.config().bucket, &failure.key);
                record_failed(&relative, error, &mut outcome);
            }
            for key in batch.deleted {
                let relative = crate::client::strip_key_prefix(self.client.key_prefix(), &key);
                if let Some((id, true)) = owner.get(relative) {
                    if missing.contains(relative) {
                        outcome.missing.push(id.clone());
                    } else {
                        outcome.deleted.push(id.clone());
                    }
                }
            }
        }
        Ok(outcome)
    }

    /// The listing prefix of what `scope` covers.
    fn scope_prefix(&self, scope: DeleteScope) -> String {
        match scope {
            DeleteScope::Records => records_list_prefix(&self.config.name),
            DeleteScope::AllData => resource_list_prefix(&self.config.name),
        }
    }

    /// Deletes every object of the resource (records, partitions, history).
    pub async fn delete_all_data(&self) -> Result<usize> {
        self.client
            .delete_all(&self.scope_prefix(DeleteScope::AllData))
            .await
    }

    /// Deletes every record of the current version's data prefix.
    pub async fn delete_all_records(&self) -> Result<usize> {
        self.client
            .delete_all(&self.scope_prefix(DeleteScope::Records))
            .await
    }

    /// The keys (relative to the key prefix) that `delete_all_records` or `delete_all_data`
    /// would delete now, in key order.
    pub async fn scope_keys(&self, scope: DeleteScope) -> Result<Vec<String>> {
        self.client.get_all_keys(&self.scope_prefix(scope)).await
    }

    /// Deletes `keys` (relative to the key prefix) in requests of 1,000: the client's
    /// `delete_objects`, for a deletion of a scope done in parts.
    pub async fn delete_keys(&self, keys: &[String]) -> Result<DeleteObjectsReport> {
        self.client.delete_objects(keys).await
    }
}

/// What a deletion of a whole resource covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeleteScope {
    /// Its records (`resource=<name>/data/`): `deleteAll`.
    Records,
    /// Every object of the resource (`resource=<name>/`): `deleteAllData`.
    AllData,
}

impl Resource {
    /// A record, if its reference exists in the partition for `values`.
    pub async fn get_from_partition(
        &self,
        id: &str,
        partition: &str,
        values: &Map<String, Value>,
    ) -> Result<Value> {
        self.check_id(id)?;
        let fields = self
            .config
            .partitions
            .get(partition)
            .and_then(|d| d.get("fields"))
            .and_then(Value::as_object)
            .ok_or_else(|| self.unknown_partition(partition))?;
        if values.is_empty()
            || fields
                .keys()
                .any(|f| values.get(f).is_none_or(Value::is_null))
        {
            return Err(self.unknown_partition(partition).with_details(serde_json::json!({ "message": "partitionValues must give every field of the partition" })));
        }
        let key = format!("{}id={id}", self.partition_list_prefix(partition, values)?);
        if !self.client.exists(&key).await? {
            return Err(StoreError::new(crate::ErrorKind::Resource, format!("Resource with id '{id}' not found in partition '{partition}'"))
                .with_details(serde_json::json!({ "resourceName": self.config.name, "id": id, "partitionName": partition, "operation": "getFromPartition" })));
        }
        let mut record = self.get(id).await?;
        if let Value::Object(map) = &mut record {
            map.insert("_partition".into(), Value::String(partition.to_string()));
            map.insert("_partitionValues".into(), Value::Object(values.clone()));
        }
        Ok(record)
    }
}
