//! `file://path`: objects on the local disk, one file per object holding its metadata and body,
//! so a write is one atomic rename: a crash or two concurrent writers never leave a torn object.
//!
//! Keys map to paths segment by segment. Every byte outside a safe set is percent-encoded and the
//! segments `""`, `.`, `..` get reserved spellings, so no key can leave the root. Object files end
//! in `~` (never produced by the encoding), so `a` and `a/b` can both exist.

use super::listing::build_page;
use super::memory::check_preconditions;
use super::types::*;
use super::ObjectStore;
use crate::error::{ErrorKind, Result, StoreError};
use serde::{Deserialize, Serialize};
use std::fs;
use std::io::{ErrorKind as IoKind, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

const MAGIC: &[u8; 8] = b"S3DBOBJ1";
const OBJECT_SUFFIX: char = '~';
const TEMP_PREFIX: &str = "~tmp.";
/// Most file systems cap a name at 255 bytes.
const MAX_NAME_BYTES: usize = 255;
/// Serialises conditional writes inside this process (striped by key hash).
const LOCK_STRIPES: usize = 64;

pub struct FileStore {
    bucket: String,
    root: PathBuf,
    locks: Arc<Vec<Mutex<()>>>,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Header {
    metadata: Metadata,
    content_type: Option<String>,
    content_encoding: Option<String>,
    etag: String,
    last_modified_ms: u64,
}

impl FileStore {
    pub fn open(base_path: &str, bucket: &str) -> Result<Self> {
        let root =
            Path::new(base_path).join(encode_segment(bucket)?.trim_end_matches(OBJECT_SUFFIX));
        fs::create_dir_all(&root)?;
        Ok(FileStore {
            bucket: bucket.to_string(),
            root,
            locks: Arc::new((0..LOCK_STRIPES).map(|_| Mutex::new(())).collect()),
        })
    }

    fn path_of(&self, key: &str) -> Result<PathBuf> {
        if key.is_empty() {
            return Err(StoreError::invalid("Object keys cannot be empty"));
        }
        let mut path = self.root.clone();
        let segments: Vec<&str> = key.split('/').collect();
        for (i, segment) in segments.iter().enumerate() {
            let encoded = encode_segment(segment)?;
            if i + 1 == segments.len() {
                path.push(encoded);
            } else {
                path.push(encoded.trim_end_matches(OBJECT_SUFFIX));
            }
        }
        Ok(path)
    }

    fn lock_for(&self, key: &str) -> std::sync::MutexGuard<'_, ()> {
        let stripe = key
            .bytes()
            .fold(0usize, |h, b| h.wrapping_mul(31).wrapping_add(b as usize))
            % LOCK_STRIPES;
        self.locks[stripe].lock().unwrap_or_else(|e| e.into_inner())
    }

    fn read_object(&self, key: &str, with_body: bool) -> Result<(ObjectInfo, Vec<u8>)> {
        let path = self.path_of(key)?;
        let raw = match fs::read(&path) {
            Ok(raw) => raw,
            Err(e) if matches!(e.kind(), IoKind::NotFound | IoKind::NotADirectory) => {
                return Err(StoreError::no_such_key(&self.bucket, key))
            }
            Err(e) => return Err(e.into()),
        };
        let (header, body) = parse_object(&raw).ok_or_else(|| {
            StoreError::new(ErrorKind::Io, format!("Corrupt object file for key {key}"))
                .with_location(&self.bucket, key)
        })?;
        let info = ObjectInfo {
            content_length: body.len() as u64,
            metadata: header.metadata,
            content_type: header.content_type,
            content_encoding: header.content_encoding,
            etag: header.etag,
            last_modified: UNIX_EPOCH + Duration::from_millis(header.last_modified_ms),
            version_id: None,
        };
        Ok((info, if with_body { body.to_vec() } else { Vec::new() }))
    }

    fn write_object(&self, key: &str, req: PutRequest) -> Result<PutOutput> {
        let path = self.path_of(key)?;
        let etag = etag_of(&req.body);
        let header = Header {
            metadata: req.metadata.clone(),
            content_type: req.content_type.clone(),
            content_encoding: req.content_encoding.clone(),
            etag: etag.clone(),
            last_modified_ms: SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map(|d| d.as_millis() as u64)
                .unwrap_or(0),
        };
        let header_json = serde_json::to_vec(&header)
            .map_err(|e| StoreError::new(ErrorKind::Io, e.to_string()))?;
        let conditional = req.if_match.is_some() || req.if_none_match.is_some();
        let _guard = conditional.then(|| self.lock_for(key));
        if req.if_match.is_some() {
            let current = match self.read_object(key, false) {
                Ok((info, _)) => Some(info.etag),
                Err(e) if e.is_not_found() => None,
                Err(e) => return Err(e),
            };
            check_preconditions(current.as_deref(), &req, &self.bucket, key)?;
        }
        let temp = write_temp(&path, &header_json, &req.body)?;
        let placed = if req.if_none_match.is_some() {
            // link() refuses to replace an existing file: an atomic create-if-absent.
            let linked = fs::hard_link(&temp, &path);
            let _ = fs::remove_file(&temp);
            match linked {
                Err(e) if e.kind() == IoKind::AlreadyExists => {
                    return check_preconditions(Some(""), &req, &self.bucket, key)
                        .map(|_| PutOutput::default())
                }
                other => other,
            }
        } else {
            fs::rename(&temp, &path).inspect_err(|_| {
                let _ = fs::remove_file(&temp);
            })
        };
        placed?;
        Ok(PutOutput {
            etag,
            version_id: None,
        })
    }

    /// Removes an object; `Ok(false)` when there was none.
    fn remove_object(&self, key: &str) -> Result<bool> {
        let path = self.path_of(key)?;
        match fs::remove_file(&path) {
            Ok(()) => {}
            Err(e) if matches!(e.kind(), IoKind::NotFound | IoKind::NotADirectory) => {
                return Ok(false)
            }
            Err(e) => return Err(e.into()),
        }
        // Prune now-empty directories; a concurrent writer re-creates what it needs.
        let mut dir = path.parent();
        while let Some(d) = dir {
            if d == self.root || fs::remove_dir(d).is_err() {
                break;
            }
            dir = d.parent();
        }
        Ok(true)
    }

    fn list_keys(&self, prefix: &str) -> Result<Vec<ListEntry>> {
        // Walk only the directory the prefix's complete segments name.
        let (dir_part, _) = prefix.rsplit_once('/').unwrap_or(("", prefix));
        let mut start = self.root.clone();
        let mut key_base = String::new();
        if !dir_part.is_empty() {
            for segment in dir_part.split('/') {
                start.push(encode_segment(segment)?.trim_end_matches(OBJECT_SUFFIX));
                key_base.push_str(segment);
                key_base.push('/');
            }
        }
        let mut out = Vec::new();
        walk(&start, &key_base, prefix, &mut out)?;
        out.sort_by(|a, b| a.key.cmp(&b.key));
        Ok(out)
    }
}

fn walk(dir: &Path, key_base: &str, prefix: &str, out: &mut Vec<ListEntry>) -> Result<()> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if matches!(e.kind(), IoKind::NotFound | IoKind::NotADirectory) => return Ok(()),
        Err(e) => return Err(e.into()),
    };
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if name.starts_with(TEMP_PREFIX) {
            continue;
        }
        let is_object = name.ends_with(OBJECT_SUFFIX);
        let Some(segment) = decode_segment(name.trim_end_matches(OBJECT_SUFFIX)) else {
            continue;
        };
        let key = format!("{key_base}{segment}");
        if is_object {
            if !key.starts_with(prefix) {
                continue;
            }
            if let Some(item) = list_entry(&entry.path(), key) {
                out.push(item);
            }
        } else if entry.file_type()?.is_dir() {
            let child_base = format!("{key}/");
            // Descend only where keys can still start with the prefix.
            if child_base.starts_with(prefix) || prefix.starts_with(&child_base) {
                walk(&entry.path(), &child_base, prefix, out)?;
            }
        }
    }
    Ok(())
}

fn list_entry(path: &Path, key: String) -> Option<ListEntry> {
    let raw = fs::read(path).ok()?;
    let (header, body) = parse_object(&raw)?;
    Some(ListEntry {
        key,
        size: body.len() as u64,
        etag: header.etag,
        last_modified: UNIX_EPOCH + Duration::from_millis(header.last_modified_ms),
    })
}

fn write_temp(path: &Path, header: &[u8], body: &[u8]) -> Result<PathBuf> {
    let dir = path
        .parent()
        .ok_or_else(|| StoreError::invalid("Object path has no parent"))?;
    // A concurrent delete may prune the directory between creating it and writing: retry.
    for _ in 0..5 {
        fs::create_dir_all(dir)?;
        let temp = dir.join(format!("{TEMP_PREFIX}{:016x}", fastrand::u64(..)));
        match fs::File::create_new(&temp) {
            Ok(mut file) => {
                let written = file
                    .write_all(MAGIC)
                    .and_then(|_| file.write_all(&(header.len() as u32).to_le_bytes()))
                    .and_then(|_| file.write_all(header))
                    .and_then(|_| file.write_all(body));
                if let Err(e) = written {
                    let _ = fs::remove_file(&temp);
                    return Err(e.into());
                }
                return Ok(temp);
            }
            Err(e) if e.kind() == IoKind::NotFound => continue,
            Err(e) => return Err(e.into()),
        }
    }
    Err(StoreError::new(
        ErrorKind::Io,
        format!("Could not create a file in {}", dir.display()),
    ))
}

fn parse_object(raw: &[u8]) -> Option<(Header, &[u8])> {
    let rest = raw.strip_prefix(MAGIC.as_slice())?;
    let len = u32::from_le_bytes(rest.get(..4)?.try_into().ok()?) as usize;
    let header: Header = serde_json::from_slice(rest.get(4..4 + len)?).ok()?;
    Some((header, rest.get(4 + len..)?))
}

fn is_plain(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'=' | b'.' | b',' | b'+' | b'@')
}

/// One key segment as a file name (always with the object suffix; directories strip it).
fn encode_segment(segment: &str) -> Result<String> {
    let mut out = match segment {
        "" => "%".to_string(),
        "." => "%2E".to_string(),
        ".." => "%2E%2E".to_string(),
        _ => {
            let mut out = String::with_capacity(segment.len());
            for b in segment.bytes() {
                if is_plain(b) {
                    out.push(b as char);
                } else {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
            out
        }
    };
    out.push(OBJECT_SUFFIX);
    if out.len() > MAX_NAME_BYTES {
        return Err(StoreError::invalid(format!(
            "Key segment too long for the file backend ({} bytes encoded, max {MAX_NAME_BYTES})",
            out.len()
        )));
    }
    Ok(out)
}

fn decode_segment(name: &str) -> Option<String> {
    if name == "%" {
        return Some(String::new());
    }
    let bytes = name.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            out.push(
                u8::from_str_radix(std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?, 16).ok()?,
            );
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

impl FileStore {
    async fn blocking<T: Send + 'static>(
        &self,
        job: impl FnOnce(&FileStore) -> Result<T> + Send + 'static,
    ) -> Result<T> {
        let store = FileStore {
            bucket: self.bucket.clone(),
            root: self.root.clone(),
            locks: self.locks.clone(),
        };
        tokio::task::spawn_blocking(move || job(&store))
            .await
            .map_err(|e| StoreError::new(ErrorKind::Io, format!("file backend task failed: {e}")))?
    }
}

#[async_trait::async_trait]
impl ObjectStore for FileStore {
    fn bucket(&self) -> &str {
        &self.bucket
    }

    async fn put(&self, key: &str, req: PutRequest) -> Result<PutOutput> {
        let key = key.to_string();
        self.blocking(move |s| s.write_object(&key, req)).await
    }

    async fn get(&self, key: &str) -> Result<GetOutput> {
        let key = key.to_string();
        self.blocking(move |s| {
            s.read_object(&key, true).map(|(info, body)| GetOutput {
                info,
                body: body.into(),
            })
        })
        .await
    }

    async fn head(&self, key: &str) -> Result<ObjectInfo> {
        let key = key.to_string();
        self.blocking(move |s| s.read_object(&key, false).map(|(info, _)| info))
            .await
    }

    async fn delete(&self, key: &str) -> Result<()> {
        let key = key.to_string();
        self.blocking(move |s| s.remove_object(&key).map(|_| ()))
            .await
    }

    async fn delete_existing(&self, key: &str) -> Result<bool> {
        let key = key.to_string();
        self.blocking(move |s| s.remove_object(&key)).await
    }

    async fn delete_many_existing(
        &self,
        keys: &[String],
    ) -> Result<(DeleteManyOutput, Vec<String>)> {
        let keys = keys.to_vec();
        self.blocking(move |s| {
            let mut out = DeleteManyOutput::default();
            let mut missing = Vec::new();
            for key in keys {
                match s.remove_object(&key) {
                    Ok(existed) => {
                        if !existed {
                            missing.push(key.clone());
                        }
                        out.deleted.push(key)
                    }
                    Err(e) => out.errors.push(DeleteFailure {
                        key,
                        code: e.code,
                        message: e.message,
                    }),
                }
            }
            Ok((out, missing))
        })
        .await
    }

    async fn delete_many(&self, keys: &[String]) -> Result<DeleteManyOutput> {
        let keys = keys.to_vec();
        self.blocking(move |s| {
            let mut out = DeleteManyOutput::default();
            for key in keys {
                match s.remove_object(&key) {
                    Ok(_) => out.deleted.push(key),
                    Err(e) => out.errors.push(DeleteFailure {
                        key,
                        code: e.code,
                        message: e.message,
                    }),
                }
            }
            Ok(out)
        })
        .await
    }

    async fn list(&self, req: &ListRequest) -> Result<ListPage> {
        let req = req.clone();
        self.blocking(move |s| {
            let entries = s.list_keys(&req.prefix)?;
            Ok(build_page(&req, entries.into_iter()))
        })
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_round_trip_and_stay_inside() {
        for s in ["", ".", "..", "a b", "id=ü x+y&z", "~x", "%", "a~"] {
            let encoded = encode_segment(s).unwrap();
            assert!(!encoded.contains('/'));
            assert_ne!(encoded.trim_end_matches(OBJECT_SUFFIX), ".");
            assert_ne!(encoded.trim_end_matches(OBJECT_SUFFIX), "..");
            assert_eq!(
                decode_segment(encoded.trim_end_matches(OBJECT_SUFFIX)).as_deref(),
                Some(s)
            );
        }
    }
}
