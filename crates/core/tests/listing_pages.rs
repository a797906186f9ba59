//! `list_ids_page`: a listing walked one LIST page at a time by continuation token gives the
//! ids of `list_ids`, once each and in key order, with no page larger than 1,000 ids.

use s3db_core::client::Client;
use s3db_core::resource::{ListOptions, Resource, ResourceConfig};
use s3db_core::store::ConnectionConfig;
use serde_json::json;
use std::sync::Arc;

fn resource() -> Resource {
    let connection = format!("memory://listing-pages-{}/app", fastrand::u32(..));
    let client = Arc::new(Client::new(
        ConnectionConfig::parse(&connection).unwrap(),
        8,
    ));
    let definition = json!({ "name": "items", "attributes": { "n": "number" } });
    Resource::new(
        client,
        ResourceConfig::from_json(&definition, true).unwrap(),
    )
    .unwrap()
}

async fn walk(res: &Resource, max: usize) -> (Vec<String>, Vec<usize>) {
    let (mut ids, mut sizes, mut token) = (Vec::new(), Vec::new(), None);
    loop {
        let (page, next) = res
            .list_ids_page(&ListOptions::default(), token, max)
            .await
            .unwrap();
        sizes.push(page.len());
        ids.extend(page);
        match next {
            Some(next) => token = Some(next),
            None => return (ids, sizes),
        }
    }
}

#[tokio::test]
async fn pages_by_token_cover_the_listing_once_in_key_order() {
    let res = resource();
    let docs = (0..1205)
        .map(|i| json!({ "id": format!("r-{i:05}"), "n": i }))
        .collect();
    for outcome in res.insert_many(docs).await {
        outcome.unwrap();
    }
    let all = res.list_ids(&ListOptions::default()).await.unwrap();
    assert_eq!(all.len(), 1205);
    let (ids, sizes) = walk(&res, 500).await;
    assert_eq!(ids, all);
    assert_eq!(sizes, vec![500, 500, 205]);
    // A page never holds more than one LIST page.
    let (ids, sizes) = walk(&res, 5000).await;
    assert_eq!(ids, all);
    assert_eq!(sizes, vec![1000, 205]);
}

#[tokio::test]
async fn an_unknown_partition_is_refused() {
    let res = resource();
    let opts = ListOptions {
        partition: Some("nope".into()),
        ..Default::default()
    };
    assert!(res.list_ids_page(&opts, None, 100).await.is_err());
}
