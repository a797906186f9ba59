//! Copies and moves (a copy, then a delete of the source).

use super::{encode_metadata, Client};
use crate::error::{ErrorKind, Result, StoreError};
use crate::store::{CopyRequest, Metadata, MetadataDirective, PutOutput};
use futures::future::join_all;

impl Client {
    pub async fn copy_object(
        &self,
        from: &str,
        to: &str,
        directive: MetadataDirective,
        metadata: &[(String, String)],
        content_type: Option<String>,
    ) -> Result<PutOutput> {
        let (from_key, to_key) = (self.full_key(from)?, self.full_key(to)?);
        let metadata = match directive {
            MetadataDirective::Replace => {
                encode_metadata(metadata.iter().map(|(k, v)| (k.as_str(), v.as_str())))?
            }
            MetadataDirective::Copy => Metadata::new(),
        };
        let req = CopyRequest {
            directive,
            metadata,
            content_type,
        };
        self.leaf("CopyObject", Some(&from_key), |s| {
            let (from_key, to_key, req) = (from_key.clone(), to_key.clone(), req.clone());
            async move { s.copy(&from_key, &to_key, req).await }
        })
        .await
    }

    pub async fn move_object(&self, from: &str, to: &str) -> Result<()> {
        self.copy_object(from, to, MetadataDirective::Copy, &[], None)
            .await?;
        self.delete_object(from).await
    }

    /// Moves every object under `prefix_from` to the same relative key under `prefix_to`.
    /// Returns the new keys; any failure fails the whole call after all moves were tried.
    pub async fn move_all_objects(
        &self,
        prefix_from: &str,
        prefix_to: &str,
    ) -> Result<Vec<String>> {
        let keys = self.get_all_keys(prefix_from).await?;
        let moves = keys.iter().map(|key| async move {
            let target = match key.strip_prefix(prefix_from) {
                Some(rest) => format!("{prefix_to}{rest}"),
                None => key.clone(),
            };
            self.move_object(key, &target).await.map(|_| target)
        });
        let results = join_all(moves).await;
        let failures = results.iter().filter(|r| r.is_err()).count();
        if failures > 0 {
            return Err(StoreError::new(
                ErrorKind::Unknown,
                format!(
                    "Some objects could not be moved ({failures} of {})",
                    results.len()
                ),
            ));
        }
        Ok(results.into_iter().flatten().collect())
    }
}
