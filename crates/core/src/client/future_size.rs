//! The size of a request's future, which every await level moves.

/// Every request's future is moved at each await level; opening the store (the S3 SDK's
/// config, ~11 KB) inline in it made each move copy kilobytes on every request.
#[test]
fn a_request_future_does_not_carry_the_store_opening() {
    let config = crate::store::ConnectionConfig::parse("memory://b/db").unwrap();
    let client = super::Client::new(config, 10);
    let open = std::mem::size_of_val(&crate::store::open(&client.config));
    let exists = std::mem::size_of_val(&client.exists_joined("x"));
    assert!(
        open > 4096,
        "the probe is moot: opening is only {open} bytes"
    );
    assert!(
        exists < open / 2,
        "exists_joined is {exists} bytes, opening {open}"
    );
}
