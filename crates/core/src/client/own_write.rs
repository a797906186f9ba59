//! Conditional writes whose answer was lost. A PUT with `If-None-Match: *` or `If-Match` may be
//! applied by the server and its answer lost (the connection reset after the request was
//! sent, or the answer came after the attempt's timeout). The pool then retries it, the retry
//! meets the object the first attempt stored and is refused with 412: the caller would be told
//! that its own write failed. Only after such an attempt of unknown outcome, a 412 (or the
//! pool giving up after retryable failures) is held against the object now stored: an ETag
//! equal to the MD5 of the body sent and the same metadata make it our write, and the PUT
//! succeeds with that ETag. Anything else keeps the failure as it was, except a read-back that
//! never answers: then nobody knows, and its own failure is reported rather than the 412.

use crate::error::{ErrorKind, StoreError};
use crate::store::{etag_of, ObjectInfo, PutRequest};
use std::sync::atomic::{AtomicBool, Ordering};

/// How many times the pool's whole retry budget is spent on the HEAD that reads a write of
/// unknown outcome back before giving up on knowing it.
pub(super) const READ_BACK_ROUNDS: u32 = 3;

/// Whether any attempt of one PUT ended without a definite answer.
#[derive(Debug, Default)]
pub(super) struct Unanswered(AtomicBool);

impl Unanswered {
    /// A watch over one attempt: unless the attempt hands its answer to [`Attempt::watch`],
    /// dropping it (the pool's timeout drops the attempt's future) marks the PUT unanswered.
    pub(super) fn attempt(&self) -> Attempt<'_> {
        Attempt {
            flag: &self.0,
            answered: false,
        }
    }

    pub(super) fn any(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

pub(super) struct Attempt<'a> {
    flag: &'a AtomicBool,
    answered: bool,
}

impl Attempt<'_> {
    /// Passes the attempt's result through; a transport failure or a timeout leaves the
    /// attempt unanswered (the server may have applied the write).
    pub(super) fn watch<T>(mut self, out: Result<T, StoreError>) -> Result<T, StoreError> {
        self.answered = !matches!(&out, Err(e) if outcome_unknown(e));
        out
    }
}

impl Drop for Attempt<'_> {
    fn drop(&mut self) {
        if !self.answered {
            self.flag.store(true, Ordering::Relaxed);
        }
    }
}

/// No answer from the server: the request may or may not have been applied.
pub(super) fn outcome_unknown(error: &StoreError) -> bool {
    matches!(error.kind, ErrorKind::Network | ErrorKind::Timeout)
}

/// A conditional PUT one of whose attempts went unanswered, refused with 412 on a retry or
/// given up after retryable failures: the object decides whether the write is ours.
pub(super) fn may_be_own(sent: &PutRequest, refused: &StoreError, unanswered: &Unanswered) -> bool {
    (sent.if_match.is_some() || sent.if_none_match.is_some())
        && (refused.kind == ErrorKind::PreconditionFailed || refused.is_retryable())
        && unanswered.any()
}

/// The stored object is the one `sent` describes: same body (its MD5 is the ETag of a
/// single-part PUT) and the same user metadata.
pub(super) fn is_own_write(current: &ObjectInfo, sent: &PutRequest) -> bool {
    let unquote = |s: &str| s.trim_matches('"').to_ascii_lowercase();
    unquote(&current.etag) == unquote(&etag_of(&sent.body)) && current.metadata == sent.metadata
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::{Client, PutObjectInput};
    use crate::error::Result;
    use crate::store::*;
    use bytes::Bytes;
    use s3db_pool::{Pool, PoolConfig};
    use std::sync::atomic::AtomicU32;
    use std::sync::Arc;
    use std::time::Duration;

    /// How the fake store answers the PUT attempts it is given, in order; later ones pass.
    #[derive(Clone, Copy, Debug)]
    enum Fault {
        /// Applied, then the connection is reset: a network error.
        ApplyThenReset,
        /// Applied, then the answer takes longer than the pool's timeout.
        ApplyThenStall,
        /// Not applied: the connection is reset before the request reaches the server.
        ResetBefore,
        /// Applied, then the server answers 503 (a definite, if odd, answer).
        ApplyThenSlowDown,
        /// Not applied: 503.
        SlowDown,
    }

    fn slow_down() -> StoreError {
        StoreError::new(ErrorKind::Throttled, "slow down")
            .with_code("SlowDown")
            .with_status(503)
    }

    /// A memory store whose PUT attempts meet the given faults first.
    struct FlakyStore {
        inner: MemoryStore,
        faults: Vec<Fault>,
        puts: AtomicU32,
        heads: AtomicU32,
        /// How many HEADs, from the first, answer 503 instead.
        failing_heads: u32,
    }

    #[async_trait::async_trait]
    impl ObjectStore for FlakyStore {
        fn bucket(&self) -> &str {
            self.inner.bucket()
        }
        async fn put(&self, key: &str, req: PutRequest) -> Result<PutOutput> {
            let n = self.puts.fetch_add(1, Ordering::SeqCst) as usize;
            match self.faults.get(n) {
                None => self.inner.put(key, req).await,
                Some(Fault::ResetBefore) => Err(StoreError::new(
                    ErrorKind::Network,
                    "connection reset before sending",
                )),
                Some(Fault::SlowDown) => Err(slow_down()),
                Some(fault) => {
                    let applied = self.inner.put(key, req).await;
                    match fault {
                        Fault::ApplyThenReset => Err(StoreError::new(
                            ErrorKind::Network,
                            "connection reset by peer",
                        )),
                        Fault::ApplyThenStall => {
                            tokio::time::sleep(Duration::from_secs(5)).await;
                            applied
                        }
                        _ => Err(slow_down()),
                    }
                }
            }
        }
        async fn get(&self, key: &str) -> Result<GetOutput> {
            self.inner.get(key).await
        }
        async fn head(&self, key: &str) -> Result<ObjectInfo> {
            if self.heads.fetch_add(1, Ordering::SeqCst) < self.failing_heads {
                return Err(slow_down());
            }
            self.inner.head(key).await
        }
        async fn delete(&self, key: &str) -> Result<()> {
            self.inner.delete(key).await
        }
        async fn delete_many(&self, keys: &[String]) -> Result<DeleteManyOutput> {
            self.inner.delete_many(keys).await
        }
        async fn list(&self, req: &ListRequest) -> Result<ListPage> {
            self.inner.list(req).await
        }
    }

    struct Fixture {
        client: Client,
        store: Arc<FlakyStore>,
        /// The same bucket without faults, as another writer sees it.
        other: MemoryStore,
    }

    fn fixture(faults: &[Fault]) -> Fixture {
        fixture_with_failing_heads(faults, 0)
    }

    fn fixture_with_failing_heads(faults: &[Fault], failing_heads: u32) -> Fixture {
        let bucket = format!("own-write-{}", fastrand::u64(..));
        let config = ConnectionConfig::parse(&format!("memory://{bucket}/app")).unwrap();
        let store = Arc::new(FlakyStore {
            inner: MemoryStore::open(&bucket),
            faults: faults.to_vec(),
            puts: AtomicU32::new(0),
            heads: AtomicU32::new(0),
            failing_heads,
        });
        let pool = Pool::new(PoolConfig {
            retry_delay: Duration::from_millis(1),
            timeout: Some(Duration::from_millis(200)),
            ..PoolConfig::default()
        });
        let client = Client::with_store(config, store.clone(), RequestLimiter::with_pool(pool));
        Fixture {
            client,
            store,
            other: MemoryStore::open(&bucket),
        }
    }

    fn input(body: &str, version: &str) -> PutObjectInput {
        PutObjectInput {
            key: "resource=items/data/id=a".into(),
            metadata: vec![("name".into(), version.into())],
            body: Bytes::from(body.to_string()),
            ..Default::default()
        }
    }

    fn create(body: &str, version: &str) -> PutObjectInput {
        PutObjectInput {
            if_none_match: Some("*".into()),
            ..input(body, version)
        }
    }

    const KEY: &str = "app/resource=items/data/id=a";

    #[tokio::test]
    async fn a_create_whose_answer_was_lost_succeeds() {
        for fault in [Fault::ApplyThenReset, Fault::ApplyThenStall] {
            let f = fixture(&[fault]);
            let out = f.client.put_object(create("{}", "v0")).await;
            let out = out.unwrap_or_else(|e| panic!("{fault:?}: {e}"));
            assert_eq!(out.etag, etag_of(b"{}"), "{fault:?}");
            assert_eq!(f.store.puts.load(Ordering::SeqCst), 2, "{fault:?}");
            assert_eq!(f.store.heads.load(Ordering::SeqCst), 1, "{fault:?}");
        }
    }

    #[tokio::test]
    async fn a_read_back_that_fails_is_tried_again() {
        // The pool gives 4 attempts (3 retries); 7 failed HEADs span two of its rounds.
        let f = fixture_with_failing_heads(&[Fault::ApplyThenReset], 7);
        let out = f.client.put_object(create("{}", "v0")).await.unwrap();
        assert_eq!(out.etag, etag_of(b"{}"));
        assert_eq!(f.store.heads.load(Ordering::SeqCst), 8);
    }

    #[tokio::test]
    async fn a_read_back_that_never_answers_reports_its_failure_not_the_412() {
        // Stored, but nobody can tell: "already exists" would be a lie, the outcome is unknown.
        let f = fixture_with_failing_heads(&[Fault::ApplyThenStall], u32::MAX);
        let err = f.client.put_object(create("{}", "v0")).await.unwrap_err();
        assert_eq!(err.kind, ErrorKind::Throttled);
        assert_eq!(f.store.heads.load(Ordering::SeqCst), 4 * READ_BACK_ROUNDS);
        assert!(f.other.head(KEY).await.is_ok());
    }

    /// A second client on the fixture's bucket whose PUT attempts meet `faults`.
    fn flaky_client(f: &Fixture, faults: &[Fault]) -> (Client, Arc<FlakyStore>) {
        let store = Arc::new(FlakyStore {
            inner: MemoryStore::open(f.store.bucket()),
            faults: faults.to_vec(),
            puts: AtomicU32::new(0),
            heads: AtomicU32::new(0),
            failing_heads: 0,
        });
        let client = Client::with_store(
            f.client.config().clone(),
            store.clone(),
            f.client.limiter.clone(),
        );
        (client, store)
    }

    #[tokio::test]
    async fn an_update_whose_answer_was_lost_succeeds() {
        for fault in [Fault::ApplyThenReset, Fault::ApplyThenStall] {
            let f = fixture(&[]);
            let first = f.client.put_object(create("old", "v0")).await.unwrap();
            let (client, store) = flaky_client(&f, &[fault]);
            let update = PutObjectInput {
                if_match: Some(first.etag.clone()),
                ..input("new", "v1")
            };
            let out = client.put_object(update).await;
            let out = out.unwrap_or_else(|e| panic!("{fault:?}: {e}"));
            assert_eq!(out.etag, etag_of(b"new"), "{fault:?}");
            assert_eq!(store.heads.load(Ordering::SeqCst), 1, "{fault:?}");
            let stored = f.other.head(KEY).await.unwrap();
            assert_eq!(stored.etag, etag_of(b"new"));
        }
    }

    #[tokio::test]
    async fn a_write_given_up_after_an_unanswered_attempt_is_checked_too() {
        // The first attempt was applied without an answer, every retry met 503: the pool
        // gives up with SlowDown, yet the record is stored, and it is ours.
        let faults = [
            Fault::ApplyThenReset,
            Fault::SlowDown,
            Fault::SlowDown,
            Fault::SlowDown,
        ];
        let f = fixture(&faults);
        let out = f.client.put_object(create("{}", "v0")).await.unwrap();
        assert_eq!(out.etag, etag_of(b"{}"));
        assert_eq!(f.store.puts.load(Ordering::SeqCst), 4);
        // Nothing was applied: the failure stands.
        let faults = [
            Fault::ResetBefore,
            Fault::SlowDown,
            Fault::SlowDown,
            Fault::SlowDown,
        ];
        let f = fixture(&faults);
        let err = f.client.put_object(create("{}", "v0")).await.unwrap_err();
        assert_eq!(err.kind, ErrorKind::Throttled);
        assert_eq!(f.store.heads.load(Ordering::SeqCst), 1);
        assert!(f.other.head(KEY).await.unwrap_err().is_not_found());
        // Definite answers only (503s): no HEAD, the failure stands as the pool gave it.
        let f = fixture(&[Fault::SlowDown; 4]);
        let err = f.client.put_object(create("{}", "v0")).await.unwrap_err();
        assert_eq!(err.kind, ErrorKind::Throttled);
        assert_eq!(f.store.heads.load(Ordering::SeqCst), 0);
    }

    #[tokio::test]
    async fn another_writers_object_keeps_the_412() {
        // Our attempt never reached the server; someone else created the key meanwhile.
        let f = fixture(&[Fault::ResetBefore]);
        let theirs = PutRequest {
            body: Bytes::from_static(b"theirs"),
            metadata: [("name".to_string(), "v0".to_string())].into(),
            ..Default::default()
        };
        f.other.put(KEY, theirs).await.unwrap();
        let err = f.client.put_object(create("ours", "v0")).await.unwrap_err();
        assert_eq!(err.kind, ErrorKind::PreconditionFailed);
        assert_eq!(f.store.heads.load(Ordering::SeqCst), 1);
    }

    #[tokio::test]
    async fn the_same_body_with_other_metadata_keeps_the_412() {
        let f = fixture(&[Fault::ResetBefore]);
        let theirs = PutRequest {
            body: Bytes::from_static(b"{}"),
            metadata: [("name".to_string(), "other".to_string())].into(),
            ..Default::default()
        };
        f.other.put(KEY, theirs).await.unwrap();
        let err = f.client.put_object(create("{}", "v0")).await.unwrap_err();
        assert_eq!(err.kind, ErrorKind::PreconditionFailed);
    }

    #[tokio::test]
    async fn a_412_without_an_unanswered_attempt_is_not_questioned() {
        // A byte-equal object already there, but every attempt of ours was answered: the
        // create-if-absent must fail, whoever wrote it.
        let f = fixture(&[]);
        f.client.put_object(create("{}", "v0")).await.unwrap();
        let err = f.client.put_object(create("{}", "v0")).await.unwrap_err();
        assert_eq!(err.kind, ErrorKind::PreconditionFailed);
        assert_eq!(f.store.heads.load(Ordering::SeqCst), 0);
        // A definite 503 after applying is an answer too: no HEAD, the 412 stands.
        let f = fixture(&[Fault::ApplyThenSlowDown]);
        let err = f.client.put_object(create("{}", "v0")).await.unwrap_err();
        assert_eq!(err.kind, ErrorKind::PreconditionFailed);
        assert_eq!(f.store.heads.load(Ordering::SeqCst), 0);
    }

    #[tokio::test]
    async fn an_update_overtaken_by_another_writer_keeps_the_412() {
        let f = fixture(&[]);
        let first = f.client.put_object(create("old", "v0")).await.unwrap();
        // Our update was lost before reaching the server, and another writer changed the object.
        let (client, flaky) = flaky_client(&f, &[Fault::ResetBefore]);
        let theirs = PutRequest {
            body: Bytes::from_static(b"theirs"),
            metadata: [("name".to_string(), "v1".to_string())].into(),
            ..Default::default()
        };
        f.other.put(KEY, theirs).await.unwrap();
        let update = PutObjectInput {
            if_match: Some(first.etag),
            ..input("new", "v1")
        };
        let err = client.put_object(update).await.unwrap_err();
        assert_eq!(err.kind, ErrorKind::PreconditionFailed);
        assert_eq!(flaky.heads.load(Ordering::SeqCst), 1);
        assert_eq!(f.other.head(KEY).await.unwrap().etag, etag_of(b"theirs"));
    }

    #[test]
    fn the_etag_is_compared_without_quotes_or_case() {
        let sent = PutRequest {
            body: Bytes::from_static(b"x"),
            metadata: [("a".to_string(), "1".to_string())].into(),
            ..Default::default()
        };
        let info = |etag: String, metadata: Metadata| ObjectInfo {
            metadata,
            content_type: None,
            content_encoding: None,
            content_length: 1,
            etag,
            last_modified: std::time::SystemTime::UNIX_EPOCH,
            version_id: None,
        };
        let bare = etag_of(b"x").trim_matches('"').to_ascii_uppercase();
        assert!(is_own_write(&info(bare, sent.metadata.clone()), &sent));
        assert!(!is_own_write(
            &info(etag_of(b"y"), sent.metadata.clone()),
            &sent
        ));
        assert!(!is_own_write(&info(etag_of(b"x"), Metadata::new()), &sent));
    }
}
