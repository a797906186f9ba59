//! Listing under a prefix: raw pages, counts, every key, and offset-based pages. Each page is
//! one leaf request; nothing here holds a pool slot while waiting for another.

use super::{list_prefix, strip_key_prefix, Client, DELETE_BATCH};
use crate::error::Result;
use crate::store::{ListEntry, ListPage, ListRequest};

impl Client {
    pub(super) async fn list_raw(
        &self,
        full_prefix: &str,
        max_keys: usize,
        token: Option<String>,
    ) -> Result<ListPage> {
        let req = ListRequest {
            prefix: full_prefix.to_string(),
            max_keys,
            continuation_token: token,
            ..Default::default()
        };
        self.leaf_reported("ListObjectsV2", None, Some(&req.prefix), None, |s| {
            let req = req.clone();
            async move { s.list(&req).await }
        })
        .await
    }

    /// One ListObjectsV2 page; keys include the key prefix, as in s3db.js.
    pub async fn list_objects(
        &self,
        prefix: &str,
        max_keys: usize,
        token: Option<String>,
        delimiter: Option<String>,
        start_after: Option<String>,
    ) -> Result<ListPage> {
        let req = ListRequest {
            prefix: list_prefix(&self.config.key_prefix, prefix),
            max_keys,
            continuation_token: token,
            delimiter,
            start_after,
        };
        self.leaf_reported("ListObjectsV2", None, Some(&req.prefix), None, |s| {
            let req = req.clone();
            async move { s.list(&req).await }
        })
        .await
    }

    /// Walks every page under `prefix`, handing each page's keys (relative) to `visit`.
    async fn for_each_page(
        &self,
        prefix: &str,
        mut visit: impl FnMut(Vec<ListEntry>) -> bool,
    ) -> Result<()> {
        let full_prefix = list_prefix(&self.config.key_prefix, prefix);
        let mut token = None;
        loop {
            let page = self.list_raw(&full_prefix, DELETE_BATCH, token).await?;
            if !visit(page.contents) {
                return Ok(());
            }
            match page.next_continuation_token {
                Some(next) if page.is_truncated => token = Some(next),
                _ => return Ok(()),
            }
        }
    }

    /// One LIST page of up to `max_keys` keys (relative) under `prefix`, resumed at `token`,
    /// and the token of the next page (`None` once the listing is done).
    pub async fn keys_page(
        &self,
        prefix: &str,
        token: Option<String>,
        max_keys: usize,
    ) -> Result<(Vec<String>, Option<String>)> {
        let full_prefix = list_prefix(&self.config.key_prefix, prefix);
        let page = self
            .list_raw(&full_prefix, max_keys.clamp(1, DELETE_BATCH), token)
            .await?;
        let keys = page
            .contents
            .iter()
            .map(|e| strip_key_prefix(&self.config.key_prefix, &e.key).to_string())
            .collect();
        let next = page.next_continuation_token.filter(|_| page.is_truncated);
        Ok((keys, next))
    }

    pub async fn count(&self, prefix: &str) -> Result<usize> {
        Ok(self.keys_window(prefix, 0, 0).await?.1)
    }

    /// One pass over every page: the keys at positions `offset..offset + amount` (relative)
    /// and the total number of keys, so a page and its count cost one listing, not two.
    pub async fn keys_window(
        &self,
        prefix: &str,
        offset: usize,
        amount: usize,
    ) -> Result<(Vec<String>, usize)> {
        let mut keys = Vec::new();
        let mut total = 0;
        let key_prefix = self.config.key_prefix.clone();
        let end = offset.saturating_add(amount);
        self.for_each_page(prefix, |entries| {
            for entry in entries {
                if (offset..end).contains(&total) {
                    keys.push(strip_key_prefix(&key_prefix, &entry.key).to_string());
                }
                total += 1;
            }
            true
        })
        .await?;
        Ok((keys, total))
    }

    /// `keys_window`, with the window handed to `fetch` as soon as the LIST pages that hold
    /// it are in: the window's reads overlap the rest of the walk, which only counts. The
    /// requests are those of `keys_window` followed by `fetch`; a failed LIST fails the whole.
    pub async fn keys_window_then<T, Fut>(
        &self,
        prefix: &str,
        offset: usize,
        amount: usize,
        fetch: impl FnOnce(Vec<String>) -> Fut,
    ) -> Result<(T, usize)>
    where
        Fut: std::future::Future<Output = T>,
    {
        let full_prefix = list_prefix(&self.config.key_prefix, prefix);
        let key_prefix = &self.config.key_prefix;
        let end = offset.saturating_add(amount);
        let (mut keys, mut total, mut token) = (Vec::new(), 0, None);
        // Pages up to the end of the window (or of the listing).
        let more = loop {
            let page = self
                .list_raw(&full_prefix, DELETE_BATCH, token.take())
                .await?;
            for entry in page.contents {
                if (offset..end).contains(&total) {
                    keys.push(strip_key_prefix(key_prefix, &entry.key).to_string());
                }
                total += 1;
            }
            match page.next_continuation_token {
                Some(next) if page.is_truncated => token = Some(next),
                _ => break false,
            }
            if total >= end {
                break true;
            }
        };
        if !more {
            return Ok((fetch(keys).await, total));
        }
        let count_rest = async {
            let mut total = total;
            let mut token = token;
            loop {
                let page = self.list_raw(&full_prefix, DELETE_BATCH, token).await?;
                total += page.contents.len();
                match page.next_continuation_token {
                    Some(next) if page.is_truncated => token = Some(next),
                    _ => return Ok::<_, crate::error::StoreError>(total),
                }
            }
        };
        let (fetched, total) = futures::join!(fetch(keys), count_rest);
        Ok((fetched, total?))
    }

    pub async fn get_all_keys(&self, prefix: &str) -> Result<Vec<String>> {
        Ok(self.keys_window(prefix, 0, usize::MAX).await?.0)
    }

    /// The continuation token that resumes a listing right after the first `offset` keys.
    pub async fn get_continuation_token_after_offset(
        &self,
        prefix: &str,
        offset: usize,
    ) -> Result<Option<String>> {
        if offset == 0 {
            return Ok(None);
        }
        let full_prefix = list_prefix(&self.config.key_prefix, prefix);
        let (mut skipped, mut token) = (0, None);
        while skipped < offset {
            let page = self
                .list_raw(&full_prefix, (offset - skipped).min(DELETE_BATCH), token)
                .await?;
            skipped += page.contents.len();
            match page.next_continuation_token {
                Some(next) if page.is_truncated => token = Some(next),
                _ => return Ok(None),
            }
        }
        Ok(token)
    }

    /// Up to `amount` keys (relative) starting after the first `offset`.
    pub async fn get_keys_page(
        &self,
        prefix: &str,
        offset: usize,
        amount: usize,
    ) -> Result<Vec<String>> {
        let full_prefix = list_prefix(&self.config.key_prefix, prefix);
        let mut token = if offset > 0 {
            match self
                .get_continuation_token_after_offset(prefix, offset)
                .await?
            {
                Some(token) => Some(token),
                None => return Ok(vec![]),
            }
        } else {
            None
        };
        let mut keys = Vec::new();
        while keys.len() < amount {
            let page = self
                .list_raw(&full_prefix, (amount - keys.len()).min(DELETE_BATCH), token)
                .await?;
            keys.extend(
                page.contents
                    .iter()
                    .map(|e| strip_key_prefix(&self.config.key_prefix, &e.key).to_string()),
            );
            match page.next_continuation_token {
                Some(next) if page.is_truncated => token = Some(next),
                _ => break,
            }
        }
        Ok(keys)
    }
}
