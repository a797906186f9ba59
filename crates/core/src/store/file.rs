//! `file://path`: objects on the local disk, one file per object holding its metadata and body,
//! so a write is one atomic rename: a crash or two concurrent writers never leave a torn object.
//!
//! Keys map to paths segment by segment. Every byte outside a safe set is percent-encoded and the
//! segments `""`, `.`, `..` get reserved spellings, so no key can leave the root. Object files end
//! in `~` (never produced by the encoding), so `a` and `a/b` can both exist. Names that start with
//! `~` (never produced by the encoding either) are the store's own: temp files and lock files.
//!
//! Several processes may share a directory. Every write and delete holds a lock file of the key's
//! stripe (`flock`), so a conditional write's compare and rename is atomic across processes, not
//! only inside one. Temp files carry their writer's pid; those a crashed writer left behind are
//! removed when the store is first opened in a process.

use super::listing::build_page;
use super::memory::check_preconditions;
use super::types::*;
use super::ObjectStore;
use crate::error::{ErrorKind, Result, StoreError};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::fs;
use std::io::{ErrorKind as IoKind, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock, Mutex, MutexGuard};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

const MAGIC: &[u8; 8] = b"S3DBOBJ1";
const OBJECT_SUFFIX: char = '~';
const TEMP_PREFIX: &str = "~tmp.";
/// Most file systems cap a name at 255 bytes.
const MAX_NAME_BYTES: usize = 255;
/// Writes and deletes are serialised per stripe of keys (by key hash): inside this process by a
/// mutex, across processes by the stripe's lock file in [`LOCK_DIR`].
const LOCK_STRIPES: usize = 64;
/// Lock files, one per stripe, at the root of the bucket; never removed.
const LOCK_DIR: &str = "~locks";
/// A temp file this old is a leftover whoever wrote it: a write takes milliseconds.
const STALE_TEMP_AGE: Duration = Duration::from_secs(15 * 60);
/// A temp file of a writer that is not running any more is a leftover once it is this old. The
/// wait covers a directory shared with another host, where a pid names some other process.
const DEAD_WRITER_TEMP_AGE: Duration = Duration::from_secs(5);

/// Roots whose leftover temp files this process has already removed.
static SWEPT_ROOTS: LazyLock<Mutex<HashSet<PathBuf>>> = LazyLock::new(Default::default);

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
        let first_open = SWEPT_ROOTS
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(fs::canonicalize(&root).unwrap_or_else(|_| root.clone()));
        if first_open {
            // One walk of the tree (directory listings only), once per root and process.
            sweep_temp_files(&root, SystemTime::now());
        }
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

    /// Holds the key's stripe: its mutex, then its lock file (in that order, everywhere).
    fn lock_for(&self, key: &str) -> Result<StripeLock<'_>> {
        let stripe = key
            .bytes()
            .fold(0usize, |h, b| h.wrapping_mul(31).wrapping_add(b as usize))
            % LOCK_STRIPES;
        let mutex = self.locks[stripe].lock().unwrap_or_else(|e| e.into_inner());
        let dir = self.root.join(LOCK_DIR);
        let path = dir.join(format!("{stripe:02}"));
        let file = match lock_file(&path) {
            Err(e) if e.kind() == IoKind::NotFound => {
                fs::create_dir_all(&dir)?;
                lock_file(&path)
            }
            other => other,
        }
        .map_err(|e| {
            StoreError::new(
                ErrorKind::Io,
                format!("Could not lock {}: {e}", path.display()),
            )
        })?;
        Ok(StripeLock {
            _file: file,
            _mutex: mutex,
        })
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
        // The body goes to disk before the lock is taken; only the check and the rename hold it.
        let temp = write_temp(&path, &header_json, &req.body)?;
        let placed = self.place(key, &path, &temp, &req);
        if placed.is_err() {
            let _ = fs::remove_file(&temp);
        }
        placed?;
        Ok(PutOutput {
            etag,
            version_id: None,
        })
    }

    /// Moves a written temp file to the object's path, checking the request's preconditions
    /// under the key's lock. The caller removes the temp file when this fails.
    fn place(&self, key: &str, path: &Path, temp: &Path, req: &PutRequest) -> Result<()> {
        let _lock = self.lock_for(key)?;
        if req.if_match.is_some() {
            let current = match self.read_object(key, false) {
                Ok((info, _)) => Some(info.etag),
                Err(e) if e.is_not_found() => None,
                Err(e) => return Err(e),
            };
            check_preconditions(current.as_deref(), req, &self.bucket, key)?;
        }
        if req.if_none_match.is_some() {
            // link() refuses to replace an existing file: an atomic create-if-absent.
            let linked = fs::hard_link(temp, path);
            let _ = fs::remove_file(temp);
            return match linked {
                Err(e) if e.kind() == IoKind::AlreadyExists => {
                    check_preconditions(Some(""), req, &self.bucket, key)
                }
                other => other.map_err(Into::into),
            };
        }
        fs::rename(temp, path)?;
        Ok(())
    }

    /// Removes an object; `Ok(false)` when there was none.
    fn remove_object(&self, key: &str) -> Result<bool> {
        let path = self.path_of(key)?;
        let lock = self.lock_for(key)?;
        match fs::remove_file(&path) {
            Ok(()) => {}
            Err(e) if matches!(e.kind(), IoKind::NotFound | IoKind::NotADirectory) => {
                return Ok(false)
            }
            Err(e) => return Err(e.into()),
        }
        drop(lock);
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
        // Temp files and lock files: never records.
        if name.starts_with('~') {
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
        let temp = dir.join(format!(
            "{TEMP_PREFIX}{}.{:016x}",
            std::process::id(),
            fastrand::u64(..)
        ));
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

/// Held while a key's object is replaced or removed.
struct StripeLock<'a> {
    // Field order is drop order: the file lock goes first, then the mutex.
    _file: fs::File,
    _mutex: MutexGuard<'a, ()>,
}

/// Opens (creating) a lock file and waits for its exclusive lock, which lasts until the file is
/// closed, also when the process dies.
#[cfg(unix)]
fn lock_file(path: &Path) -> std::io::Result<fs::File> {
    use std::os::fd::AsRawFd;
    let file = fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)?;
    loop {
        // SAFETY: flock on a descriptor this function owns; no memory is passed.
        if unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX) } == 0 {
            return Ok(file);
        }
        let err = std::io::Error::last_os_error();
        if err.kind() != IoKind::Interrupted {
            return Err(err);
        }
    }
}

/// Windows: a file opened with no sharing is exclusive until it is closed.
#[cfg(windows)]
fn lock_file(path: &Path) -> std::io::Result<fs::File> {
    use std::os::windows::fs::OpenOptionsExt;
    const ERROR_SHARING_VIOLATION: i32 = 32;
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    loop {
        match fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .share_mode(0)
            .open(path)
        {
            Err(e)
                if e.raw_os_error() == Some(ERROR_SHARING_VIOLATION)
                    && std::time::Instant::now() < deadline =>
            {
                std::thread::sleep(Duration::from_millis(1))
            }
            other => return other,
        }
    }
}

/// Elsewhere only the in-process lock applies.
#[cfg(not(any(unix, windows)))]
fn lock_file(path: &Path) -> std::io::Result<fs::File> {
    fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
}

/// The pid in a temp file's name (`~tmp.<pid>.<random>`); `None` for other spellings.
fn temp_writer(name: &str) -> Option<u32> {
    let (pid, random) = name.strip_prefix(TEMP_PREFIX)?.split_once('.')?;
    (!random.is_empty()).then_some(())?;
    pid.parse().ok()
}

/// Whether a process with this pid runs on this host (`true` when that cannot be told).
fn process_alive(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    #[cfg(unix)]
    {
        let Ok(pid) = libc::pid_t::try_from(pid) else {
            return true;
        };
        // SAFETY: signal 0 only checks that the process exists; nothing is sent.
        if unsafe { libc::kill(pid, 0) } == 0 {
            return true;
        }
        std::io::Error::last_os_error().raw_os_error() != Some(libc::ESRCH)
    }
    #[cfg(not(unix))]
    {
        true
    }
}

/// Whether a temp file is a leftover: very old, or old enough and its writer is gone.
fn temp_is_stale(name: &str, modified: SystemTime, now: SystemTime) -> bool {
    let age = now.duration_since(modified).unwrap_or_default();
    age >= STALE_TEMP_AGE
        || (age >= DEAD_WRITER_TEMP_AGE && temp_writer(name).is_some_and(|pid| !process_alive(pid)))
}

/// Removes the leftover temp files under `dir` (a writer killed between writing its temp file
/// and renaming it). Best effort: whatever cannot be read or removed stays.
fn sweep_temp_files(dir: &Path, now: SystemTime) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let Ok(file_type) = entry.file_type() else {
            continue;
        };
        if file_type.is_dir() {
            if name != LOCK_DIR {
                sweep_temp_files(&entry.path(), now);
            }
        } else if name.starts_with(TEMP_PREFIX) {
            let modified = entry.metadata().and_then(|m| m.modified());
            if modified.is_ok_and(|m| temp_is_stale(name, m, now)) {
                let _ = fs::remove_file(entry.path());
            }
        }
    }
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

/// Inverse of [`encode_segment`] (without the suffix): `%` alone is the empty segment, and the
/// rest is `decodeURIComponent` (None for a name this backend did not write).
fn decode_segment(name: &str) -> Option<String> {
    if name == "%" {
        return Some(String::new());
    }
    s3db_codec::metadata_encoding::decode_uri_component(name)
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
    fn temp_names_carry_the_writer_and_leftovers_are_told_apart() {
        let now = SystemTime::now();
        let ago = |secs| now - Duration::from_secs(secs);
        let own = format!("{TEMP_PREFIX}{}.00ff", std::process::id());
        assert_eq!(temp_writer(&own), Some(std::process::id()));
        assert_eq!(temp_writer("~tmp.0123456789abcdef"), None);
        assert_eq!(temp_writer("~tmp.12."), None);
        // A running writer's file stays until it is very old; an unknown writer's too.
        assert!(!temp_is_stale(&own, ago(60), now));
        assert!(temp_is_stale(&own, ago(16 * 60), now));
        assert!(!temp_is_stale("~tmp.0123456789abcdef", ago(60), now));
        assert!(temp_is_stale("~tmp.0123456789abcdef", ago(16 * 60), now));
        // A dead writer's file goes once it is a few seconds old (pid_max is below 2^22 on
        // Linux, so this pid names no process).
        #[cfg(unix)]
        {
            let dead = format!("{TEMP_PREFIX}{}.00ff", 1u32 << 30);
            assert!(!temp_is_stale(&dead, ago(1), now));
            assert!(temp_is_stale(&dead, ago(6), now));
        }
    }

    #[test]
    fn opening_removes_leftover_temp_files_only() {
        let dir = tempfile::tempdir().unwrap();
        let store = FileStore::open(dir.path().to_str().unwrap(), "b").unwrap();
        store.write_object("a/k", PutRequest::default()).unwrap();
        let sub = store
            .path_of("a/k")
            .unwrap()
            .parent()
            .unwrap()
            .to_path_buf();
        let old = SystemTime::now() - Duration::from_secs(20 * 60);
        let leftover = sub.join("~tmp.0123456789abcdef");
        let fresh = sub.join(format!("{TEMP_PREFIX}{}.1", std::process::id()));
        for path in [&leftover, &fresh] {
            fs::write(path, b"partial").unwrap();
        }
        fs::File::options()
            .write(true)
            .open(&leftover)
            .unwrap()
            .set_modified(old)
            .unwrap();
        sweep_temp_files(&store.root, SystemTime::now());
        assert!(!leftover.exists());
        assert!(fresh.exists());
        assert!(store.read_object("a/k", true).is_ok());
        let keys: Vec<String> = store
            .list_keys("")
            .unwrap()
            .into_iter()
            .map(|e| e.key)
            .collect();
        assert_eq!(keys, vec!["a/k".to_string()]);
    }

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
