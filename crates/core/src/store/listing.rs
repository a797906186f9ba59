//! ListObjectsV2 semantics for the embedded backends, over keys already in byte order.

use super::types::{effective_max_keys, ListEntry, ListPage, ListRequest};
use base64::Engine;

/// Where a listing resumes: strictly after this key (or after everything under this common prefix).
pub fn resume_after(req: &ListRequest) -> Option<String> {
    let from_token = req.continuation_token.as_deref().and_then(decode_token);
    match (from_token, req.start_after.clone()) {
        (Some(token), _) => Some(token),
        (None, start_after) => start_after,
    }
}

/// Builds one page from entries sorted by key that all sort after `resume_after(req)`.
pub fn build_page(req: &ListRequest, entries: impl Iterator<Item = ListEntry>) -> ListPage {
    let max_keys = effective_max_keys(req.max_keys);
    let after = resume_after(req);
    let delimiter = req.delimiter.as_deref().filter(|d| !d.is_empty());
    let mut page = ListPage::default();
    let mut last_returned: Option<String> = None;
    let mut count = 0usize;

    for entry in entries {
        if !entry.key.starts_with(&req.prefix) {
            if entry.key.as_str() > req.prefix.as_str() {
                break; // sorted: nothing later can match the prefix
            }
            continue;
        }
        if let Some(after) = &after {
            if entry.key.as_str() <= after.as_str()
                || (delimiter.is_some_and(|d| after.ends_with(d))
                    && entry.key.starts_with(after.as_str()))
            {
                continue;
            }
        }
        let grouped = delimiter.and_then(|d| {
            let rest = &entry.key[req.prefix.len()..];
            rest.find(d)
                .map(|at| entry.key[..req.prefix.len() + at + d.len()].to_string())
        });
        if let Some(common) = &grouped {
            if page.common_prefixes.last() == Some(common) {
                continue;
            }
        }
        if count == max_keys {
            page.is_truncated = true;
            page.next_continuation_token = last_returned.as_deref().map(encode_token);
            break;
        }
        count += 1;
        match grouped {
            Some(common) => {
                last_returned = Some(common.clone());
                page.common_prefixes.push(common);
            }
            None => {
                last_returned = Some(entry.key.clone());
                page.contents.push(entry);
            }
        }
    }
    page
}

fn encode_token(key: &str) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(key.as_bytes())
}

fn decode_token(token: &str) -> Option<String> {
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(token)
        .ok()?;
    String::from_utf8(bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::SystemTime;

    fn entries(keys: &[&str]) -> Vec<ListEntry> {
        keys.iter()
            .map(|k| ListEntry {
                key: k.to_string(),
                size: 0,
                etag: String::new(),
                last_modified: SystemTime::UNIX_EPOCH,
            })
            .collect()
    }

    fn list_all(keys: &[&str], mut req: ListRequest) -> (Vec<String>, Vec<String>, usize) {
        let (mut got, mut prefixes, mut pages) = (vec![], vec![], 0);
        loop {
            let page = build_page(&req, entries(keys).into_iter());
            pages += 1;
            got.extend(page.contents.iter().map(|e| e.key.clone()));
            prefixes.extend(page.common_prefixes.clone());
            match page.next_continuation_token {
                Some(t) => req.continuation_token = Some(t),
                None => return (got, prefixes, pages),
            }
        }
    }

    #[test]
    fn pages_through_every_key_once() {
        let keys: Vec<String> = (0..2551).map(|i| format!("p/{i:05}")).collect();
        let refs: Vec<&str> = keys.iter().map(String::as_str).collect();
        let req = ListRequest {
            prefix: "p/".into(),
            max_keys: 250,
            ..Default::default()
        };
        let (got, _, pages) = list_all(&refs, req);
        assert_eq!(got, keys);
        assert_eq!(pages, 11);
    }

    #[test]
    fn groups_by_delimiter_across_pages() {
        let keys = ["a/1", "a/2", "b/1", "c", "d/x/y"];
        let req = ListRequest {
            delimiter: Some("/".into()),
            max_keys: 1,
            ..Default::default()
        };
        let (got, prefixes, _) = list_all(&keys, req);
        assert_eq!(got, vec!["c"]);
        assert_eq!(prefixes, vec!["a/", "b/", "d/"]);
    }

    #[test]
    fn start_after_skips() {
        let keys = ["k1", "k2", "k3"];
        let req = ListRequest {
            start_after: Some("k1".into()),
            ..Default::default()
        };
        assert_eq!(list_all(&keys, req).0, vec!["k2", "k3"]);
    }
}
