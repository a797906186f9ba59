//! Encode + decode of a typical 10-field record (user-managed, metadata only).

use criterion::{criterion_group, criterion_main, Criterion};
use s3db_codec::record::behavior::Behavior;
use s3db_codec::record::EncodeOptions;
use s3db_codec::schema::{Schema, SchemaOptions};
use serde_json::json;
use std::hint::black_box;

fn ten_field_schema() -> Schema {
    Schema::from_json(
        &json!({
            "name": "string|min:2", "email": "email", "age": "number|integer", "score": "number",
            "active": "boolean", "tags": "array|items:string", "price": "money", "ip": "ip4",
            "meta": "json", "address": {"city": "string", "country": "string|optional"}
        }),
        SchemaOptions::default(),
    )
    .expect("schema")
}

fn record() -> serde_json::Value {
    json!({
        "id": "abc123", "name": "Ana Souza", "email": "ana@example.com", "age": 34, "score": 87.25,
        "active": true, "tags": ["admin", "beta|tester"], "price": 19.99, "ip": "10.0.0.1",
        "meta": {"plan": "pro", "seats": 5}, "address": {"city": "São Paulo", "country": "BR"}
    })
}

fn bench(c: &mut Criterion) {
    let schema = ten_field_schema();
    let data = record();
    let opts = EncodeOptions::default();
    c.bench_function("encode+decode 10-field record", |b| {
        b.iter(|| {
            let enc = schema
                .encode_record(black_box(&data), Behavior::UserManaged, &opts)
                .expect("encode");
            let wire = enc.wire_metadata();
            let dec = schema
                .decode_record(black_box(&wire), enc.body.as_deref())
                .expect("decode");
            black_box(dec)
        })
    });
    let enc = schema
        .encode_record(&data, Behavior::UserManaged, &opts)
        .expect("encode");
    let wire = enc.wire_metadata();
    c.bench_function("encode 10-field record", |b| {
        b.iter(|| {
            black_box(
                schema
                    .encode_record(black_box(&data), Behavior::UserManaged, &opts)
                    .expect("encode"),
            )
        })
    });
    c.bench_function("decode 10-field record", |b| {
        b.iter(|| {
            black_box(
                schema
                    .decode_record(black_box(&wire), None)
                    .expect("decode"),
            )
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
