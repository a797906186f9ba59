//! Deletes that know whether the record existed: `delete` of a missing id is `NoSuchKey`, and
//! `delete_many` names missing ids and removes partition references (memory and file stores).

use s3db_core::client::Client;
use s3db_core::resource::{DeleteScope, ListOptions, Resource, ResourceConfig};
use s3db_core::store::ConnectionConfig;
use s3db_core::ErrorKind;
use serde_json::{json, Value};
use std::sync::Arc;

fn resource(connection: &str, partitions: Value) -> Resource {
    let client = Arc::new(Client::new(ConnectionConfig::parse(connection).unwrap(), 4));
    let definition =
        json!({ "name": "users", "attributes": { "region": "string" }, "partitions": partitions });
    Resource::new(
        client,
        ResourceConfig::from_json(&definition, true).unwrap(),
    )
    .unwrap()
}

fn connections() -> Vec<String> {
    let dir = tempfile::tempdir().unwrap().keep();
    vec![
        format!("memory://deletes-{}/app", fastrand::u32(..)),
        format!("file://{}?bucket=b&keyPrefix=app", dir.display()),
    ]
}

fn in_region(region: &str) -> ListOptions {
    ListOptions {
        partition: Some("byRegion".into()),
        partition_values: json!({ "region": region }).as_object().unwrap().clone(),
        ..Default::default()
    }
}

#[tokio::test]
async fn delete_of_a_missing_id_is_no_such_key() {
    for connection in connections() {
        let users = resource(&connection, json!({}));
        users
            .insert(json!({ "id": "a", "region": "eu" }))
            .await
            .unwrap();
        users.delete("a", false).await.unwrap();
        let err = users.delete("a", false).await.unwrap_err();
        assert_eq!(err.kind, ErrorKind::NoSuchKey, "{connection}");
        assert_eq!(err.details.as_ref().unwrap()["id"], "a");
    }
}

#[tokio::test]
async fn delete_many_names_missing_ids_and_removes_references() {
    for connection in connections() {
        let plain = resource(&connection, json!({}));
        plain
            .insert(json!({ "id": "a", "region": "eu" }))
            .await
            .unwrap();
        let out = plain.delete_many(&["a".into(), "zz".into()]).await.unwrap();
        assert_eq!(out.deleted, vec!["a"], "{connection}");
        assert_eq!(out.missing, vec!["zz"], "{connection}");

        let users = resource(
            &connection,
            json!({ "byRegion": { "fields": { "region": "string" } } }),
        );
        for (id, region) in [("a", "eu"), ("b", "us"), ("c", "eu")] {
            users
                .insert(json!({ "id": id, "region": region }))
                .await
                .unwrap();
        }
        let ids = ["a".to_string(), "b".to_string(), "nope".to_string()];
        let out = users.delete_many(&ids).await.unwrap();
        let mut deleted = out.deleted.clone();
        deleted.sort();
        assert_eq!(deleted, vec!["a", "b"]);
        assert_eq!(out.missing, vec!["nope"]);
        assert!(out.failed.is_empty() && out.partition_failures.is_empty());
        assert_eq!(
            users.list_ids(&in_region("eu")).await.unwrap(),
            vec!["c"],
            "{connection}"
        );
        assert!(users.list_ids(&in_region("us")).await.unwrap().is_empty());
    }
}

fn resource_named(client: &Arc<Client>, name: &str, partitions: Value) -> Resource {
    let definition =
        json!({ "name": name, "attributes": { "region": "string" }, "partitions": partitions });
    Resource::new(
        client.clone(),
        ResourceConfig::from_json(&definition, true).unwrap(),
    )
    .unwrap()
}

#[tokio::test]
async fn scope_keys_are_what_the_deletes_of_a_whole_resource_cover() {
    for connection in connections() {
        let client = Arc::new(Client::new(
            ConnectionConfig::parse(&connection).unwrap(),
            4,
        ));
        let users = resource_named(
            &client,
            "users",
            json!({ "byRegion": { "fields": { "region": "string" } } }),
        );
        // A resource whose name extends the other's is not part of its scope.
        let others = resource_named(&client, "users2", json!({}));
        for id in ["b", "a"] {
            users
                .insert(json!({ "id": id, "region": "eu" }))
                .await
                .unwrap();
        }
        others
            .insert(json!({ "id": "x", "region": "eu" }))
            .await
            .unwrap();

        let records = users.scope_keys(DeleteScope::Records).await.unwrap();
        assert_eq!(
            records,
            ["resource=users/data/id=a", "resource=users/data/id=b"],
            "{connection}"
        );
        let all = users.scope_keys(DeleteScope::AllData).await.unwrap();
        assert_eq!(
            all,
            [
                "resource=users/data/id=a",
                "resource=users/data/id=b",
                "resource=users/partition=byRegion/region=eu/id=a",
                "resource=users/partition=byRegion/region=eu/id=b",
            ],
            "{connection}"
        );

        let report = users.delete_keys(&records).await.unwrap();
        let deleted: usize = report.deleted.iter().map(|b| b.deleted.len()).sum();
        assert_eq!(deleted, 2, "{connection}");
        assert!(report.failed.is_empty());
        assert!(users
            .scope_keys(DeleteScope::Records)
            .await
            .unwrap()
            .is_empty());
        // What is left is what delete_all_data deletes; the other resource keeps its record.
        assert_eq!(users.delete_all_data().await.unwrap(), 2, "{connection}");
        assert!(users
            .scope_keys(DeleteScope::AllData)
            .await
            .unwrap()
            .is_empty());
        assert_eq!(
            others.list_ids(&ListOptions::default()).await.unwrap(),
            ["x"]
        );
    }
}
