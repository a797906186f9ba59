//! Partition reference objects: empty objects whose keys index a record by field values.

use super::Resource;
use crate::client::PutObjectInput;
use crate::error::{Result, StoreError};
use futures::future::join_all;
use s3db_codec::keys::partition::{partition_key, partition_prefix};
use serde_json::{Map, Value};
use std::collections::BTreeSet;

/// A reference that could not be written or removed; the record itself is intact.
#[derive(Debug, Clone)]
pub struct PartitionFailure {
    pub key: String,
    pub error: StoreError,
}

impl Resource {
    /// Every reference key of a record (`data` holds its fields).
    pub fn partition_keys(&self, data: &Map<String, Value>, id: &str) -> BTreeSet<String> {
        let record = Value::Object(data.clone());
        self.config
            .partitions
            .iter()
            .filter_map(|(name, def)| {
                let fields = def.get("fields")?.as_object()?;
                partition_key(&self.config.name, name, fields, &record, id)
            })
            .collect()
    }

    /// The listing prefix (ending in `/`) of a partition for the given values.
    pub fn partition_list_prefix(
        &self,
        partition: &str,
        values: &Map<String, Value>,
    ) -> Result<String> {
        let def = self
            .config
            .partitions
            .get(partition)
            .ok_or_else(|| self.unknown_partition(partition))?;
        let fields = def
            .get("fields")
            .and_then(Value::as_object)
            .ok_or_else(|| self.unknown_partition(partition))?;
        Ok(format!(
            "{}/",
            partition_prefix(&self.config.name, partition, fields, values)
        ))
    }

    pub(super) fn unknown_partition(&self, partition: &str) -> StoreError {
        StoreError::new(
            crate::ErrorKind::Partition,
            format!("Partition '{partition}' not found"),
        )
        .with_status(400)
        .with_details(
            serde_json::json!({ "resourceName": self.config.name, "partitionName": partition }),
        )
    }

    /// Writes the references in `add` and deletes those in `remove`, all at once.
    pub(super) async fn sync_partition_refs(
        &self,
        add: &BTreeSet<String>,
        remove: &BTreeSet<String>,
    ) -> Vec<PartitionFailure> {
        let puts = add.iter().map(|key| async move {
            let input = PutObjectInput {
                key: key.clone(),
                metadata: vec![("_v".into(), self.config.version.clone())],
                ..Default::default()
            };
            failure(key, self.client.put_object(input).await)
        });
        let deletes = remove
            .iter()
            .map(|key| async move { failure(key, self.client.delete_object(key).await) });
        let (put_failures, delete_failures) = futures::join!(join_all(puts), join_all(deletes));
        put_failures
            .into_iter()
            .chain(delete_failures)
            .flatten()
            .collect()
    }
}

/// The failure of one reference write or delete, if it failed.
fn failure<T>(key: &str, result: crate::error::Result<T>) -> Option<PartitionFailure> {
    result.err().map(|error| PartitionFailure {
        key: key.to_string(),
        error,
    })
}
