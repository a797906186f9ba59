//! `Resource::exists` looks up the record's key by appending the id to a stem joined under the
//! key prefix once; the key it asks for must be the one the record is stored under, whatever
//! the key prefix (one the join normalizes included).

use s3db_core::client::Client;
use s3db_core::resource::{Resource, ResourceConfig};
use s3db_core::store::ConnectionConfig;
use s3db_core::ErrorKind;
use serde_json::json;
use std::sync::Arc;

fn resource(connection: &str) -> (Arc<Client>, Resource) {
    let client = Arc::new(Client::new(ConnectionConfig::parse(connection).unwrap(), 4));
    let definition = json!({ "name": "users", "attributes": { "name": "string" } });
    let resource = Resource::new(
        client.clone(),
        ResourceConfig::from_json(&definition, true).unwrap(),
    )
    .unwrap();
    (client, resource)
}

fn connections() -> Vec<String> {
    let dir = tempfile::tempdir().unwrap().keep();
    let bucket = fastrand::u32(..);
    vec![
        format!("memory://exists-{bucket}"),
        format!("memory://exists-{bucket}/app"),
        // Key prefixes the join normalizes ('..', '.', doubled slashes).
        format!("file://{}?bucket=b&keyPrefix=a/../b/./c", dir.display()),
        format!("file://{}?bucket=b&keyPrefix=x//y/..", dir.display()),
    ]
}

#[tokio::test]
async fn exists_finds_the_stored_key_under_any_key_prefix() {
    for connection in connections() {
        let (client, users) = resource(&connection);
        users
            .insert(json!({ "id": "a.b-c_1", "name": "Ann" }))
            .await
            .unwrap();
        assert!(users.exists("a.b-c_1").await.unwrap(), "{connection}");
        // The key exists asked for is the one a HEAD of the record key finds.
        client
            .head_object(&users.record_key("a.b-c_1"))
            .await
            .unwrap();
        assert!(!users.exists("a.b-c_").await.unwrap(), "{connection}");
        assert!(!users.exists("a.b-c_12").await.unwrap(), "{connection}");
        assert!(!users.exists("..").await.unwrap(), "{connection}");
        users.delete("a.b-c_1", false).await.unwrap();
        assert!(!users.exists("a.b-c_1").await.unwrap(), "{connection}");
    }
}

#[tokio::test]
async fn exists_refuses_unsafe_and_too_long_ids() {
    let (_, users) = resource(&format!("memory://exists-{}/app", fastrand::u32(..)));
    for id in ["a/b", "a=b", "a%b", "a\\b", ""] {
        let err = users.exists(id).await.unwrap_err();
        assert_eq!(err.kind, ErrorKind::InvalidInput, "{id}: {err}");
    }
    // Longer than S3's 1,024-byte key limit once under the prefix: refused as before.
    let long = "x".repeat(1024);
    let err = users.exists(&long).await.unwrap_err();
    assert!(err.message.contains("S3 allows at most 1024"), "{err}");
}
