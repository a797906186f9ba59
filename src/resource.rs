//! `NativeResource`: one resource's operations. Records cross as one JSON string each way
//! (cheaper than building napi objects field by field for nested documents).

use crate::completions;
use crate::errors::to_napi;
use napi::bindgen_prelude::PromiseRaw;
use napi::Env;
use napi_derive::napi;
use s3db_core::resource::{ListOptions, ListedJson, ReadForUpdate, Resource, WriteOutcome};
use s3db_core::StoreError;
use serde::Deserialize;
use serde_json::{json, Map, Value};
use std::sync::Arc;

#[napi]
pub struct NativeResource {
    pub(crate) inner: Arc<Resource>,
}

/// One LIST page of ids and the token that resumes the listing after it.
#[napi(object)]
pub struct IdsPage {
    pub ids: Vec<String>,
    pub next: Option<String>,
}

use crate::json::{parse, parse_object};

/// The same record a thrown error carries (`StoreError::record`), for batch items.
fn error_json(err: &StoreError) -> Value {
    err.record_json()
}

fn write_json(out: WriteOutcome) -> Value {
    json!({
        "record": out.record,
        "exceedsLimit": out.exceeds_limit,
        "partitionFailures": out.partition_failures.iter().map(|f| json!({ "key": f.key, "error": error_json(&f.error) })).collect::<Vec<_>>(),
    })
}

/// `{ records, errors[, total] }` as `lib/resource-listing.js` reads it, around the records'
/// JSON as the core wrote it.
fn listed_text(listed: ListedJson, total: Option<usize>) -> String {
    let errors: Vec<Value> = listed
        .errors
        .iter()
        .map(|(id, e)| json!({ "id": id, "error": error_json(e) }))
        .collect();
    let errors = Value::Array(errors).to_string();
    let mut out = String::with_capacity(listed.records.len() + errors.len() + 40);
    out.push_str("{\"records\":");
    out.push_str(&listed.records);
    out.push_str(",\"errors\":");
    out.push_str(&errors);
    if let Some(total) = total {
        out.push_str(&format!(",\"total\":{total}"));
    }
    out.push('}');
    out
}

/// The options of a listing as `lib/resource-listing.js` sends them; absent or `null` means
/// none. A wrongly typed option is refused, never skipped.
#[derive(Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
struct ListOptionsInput {
    #[serde(deserialize_with = "js_name")]
    partition: Option<String>,
    partition_values: Option<Map<String, Value>>,
    #[serde(deserialize_with = "js_count")]
    limit: Option<f64>,
    #[serde(deserialize_with = "js_count")]
    offset: Option<f64>,
}

/// A count as JS arithmetic reads it: a number, or a string holding one (19.5.10 pages with
/// `limit - keys.length`, so `limit: '10'` lists ten).
fn js_count<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Count {
        Number(f64),
        Text(String),
    }
    match Option::<Count>::deserialize(d)? {
        None => Ok(None),
        Some(Count::Number(n)) => Ok(Some(n)),
        Some(Count::Text(text)) => match text.trim() {
            "" => Ok(Some(0.0)),
            t => t.parse().map(Some).map_err(serde::de::Error::custom),
        },
    }
}

/// A partition name as 19.5.10 reads one: a falsy value (`''`, `0`, `false`) names none, and
/// a number or `true` names the partition of its string form (usually none: PartitionError).
fn js_name<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Name {
        Text(String),
        Number(f64),
        Flag(bool),
    }
    Ok(match Option::<Name>::deserialize(d)? {
        None | Some(Name::Flag(false)) => None,
        Some(Name::Text(text)) => (!text.is_empty()).then_some(text),
        Some(Name::Number(n)) => (n != 0.0).then(|| n.to_string()),
        Some(Name::Flag(true)) => Some("true".to_string()),
    })
}

/// A non-negative whole count (a fraction rounds down); a negative one is none.
fn whole(n: f64) -> Option<usize> {
    (n >= 0.0).then_some(n as usize)
}

/// A limit as 19.5.10 reads one (`amount: limit || 1000`, without its cap): 0 or NaN is no
/// limit, a negative one lists nothing.
fn list_limit(n: f64) -> Option<usize> {
    if n == 0.0 || n.is_nan() {
        None
    } else {
        Some(whole(n).unwrap_or(0))
    }
}

fn list_options(json: &str) -> Result<ListOptions, StoreError> {
    // Straight from the text; only a refusal parses it again, to name the option.
    let options =
        s3db_core::codec::js::parse::from_js_str::<ListOptionsInput>(json).map_err(|err| {
            let given = match parse_object(json, "list options") {
                Ok(given) => given,
                Err(e) => return e,
            };
            let wrong = s3db_core::resource::wrongly_typed::<ListOptionsInput>(&given);
            let Some((option, _)) = wrong.first() else {
                return StoreError::invalid(format!("Invalid list options: {err}"));
            };
            let expected = match *option {
                "partition" => "a string",
                "partitionValues" => "an object",
                _ => "a number",
            };
            StoreError::invalid(format!("List option '{option}' must be {expected}"))
                .with_details(json!({ "field": option, "value": given[*option] }))
        })?;
    Ok(ListOptions {
        partition: options.partition,
        partition_values: options.partition_values.unwrap_or_default(),
        limit: options.limit.and_then(list_limit),
        offset: options.offset.and_then(whole).unwrap_or(0),
    })
}

#[napi]
impl NativeResource {
    /// The hash `s3db.json` stores for this definition.
    #[napi]
    pub fn definition_hash(&self) -> String {
        self.inner.definition_hash()
    }

    /// The partitions as normalised by the core (shorthands and timestamp partitions expanded), as JSON.
    #[napi]
    pub fn partitions_json(&self) -> String {
        Value::Object(self.inner.config().partitions.clone()).to_string()
    }

    /// The 19.x `schemaRegistry` this schema uses (extended with any new attribute paths).
    #[napi]
    pub fn registry_json(&self) -> String {
        serde_json::to_string(&self.inner.schema().registry()).unwrap_or_else(|_| "null".into())
    }

    /// The paths of the buffer and bits attributes, whose values the core reads back as byte
    /// arrays (the JS face makes them Buffers, as s3db.js reads them).
    #[napi]
    pub fn byte_paths(&self) -> Vec<String> {
        self.inner.schema().byte_paths()
    }

    /// The keys of plugin attributes as `[[attribute, key], ...]` (for `pluginSchemaRegistry`).
    #[napi]
    pub fn plugin_map_json(&self) -> String {
        serde_json::to_string(self.inner.schema().plugin_map()).unwrap_or_else(|_| "[]".into())
    }

    /// The reference key of `data` in one partition (the key a write of it creates), or `null`
    /// when one of the partition's fields is null or absent or it has none; an unknown partition throws
    /// `PartitionError`.
    #[napi(catch_unwind)]
    pub fn partition_key(
        &self,
        partition: String,
        id: String,
        data: String,
    ) -> napi::Result<Option<String>> {
        let record = parse(&data, "data").map_err(to_napi)?;
        let config = self.inner.config();
        let fields = config
            .partitions
            .get(&partition)
            .and_then(|def| def.get("fields"))
            .and_then(Value::as_object)
            .ok_or_else(|| {
                to_napi(
                    StoreError::new(
                        s3db_core::ErrorKind::Partition,
                        format!("Partition '{partition}' not found"),
                    )
                    .with_details(json!({ "resourceName": config.name, "partitionName": partition, "operation": "getPartitionKey" })),
                )
            })?;
        if fields.is_empty() {
            return Ok(None); // a partition without fields has no segments: s3db.js gives no key
        }
        Ok(s3db_core::codec::keys::partition::partition_key(
            &config.name,
            &partition,
            fields,
            &record,
            &id,
        ))
    }

    /// Validates a document; `{ isValid, errors, data }` as JSON.
    #[napi(catch_unwind)]
    pub fn validate(&self, data: String) -> napi::Result<String> {
        let mut value = parse(&data, "data").map_err(to_napi)?;
        let result = match self.inner.validate(&mut value) {
            Ok(()) => json!({ "isValid": true, "errors": [], "data": value }),
            Err(e) => {
                json!({ "isValid": false, "errors": e.details.as_ref().and_then(|d| d.get("validation")).cloned().unwrap_or(json!([])), "data": value })
            }
        };
        Ok(result.to_string())
    }

    #[napi]
    pub fn insert<'env>(
        &self,
        env: &'env Env,
        data: String,
    ) -> napi::Result<PromiseRaw<'env, String>> {
        let resource = self.inner.clone();
        completions::promise(env, async move {
            Ok(write_json(resource.insert(parse(&data, "data")?).await?).to_string())
        })
    }

    /// `[{ record, ... } | { error }]` in input order: one crossing for the whole batch.
    #[napi]
    pub fn insert_many<'env>(
        &self,
        env: &'env Env,
        documents: String,
    ) -> napi::Result<PromiseRaw<'env, String>> {
        let resource = self.inner.clone();
        completions::promise(env, async move {
            let Value::Array(documents) = parse(&documents, "documents")? else {
                return Err(StoreError::invalid("insertMany expects an array"));
            };
            let results: Vec<Value> = resource
                .insert_many(documents)
                .await
                .into_iter()
                .map(|r| match r {
                    Ok(out) => write_json(out),
                    Err(e) => json!({ "error": error_json(&e) }),
                })
                .collect();
            Ok(Value::Array(results).to_string())
        })
    }

    #[napi]
    pub fn get<'env>(&self, env: &'env Env, id: String) -> napi::Result<PromiseRaw<'env, String>> {
        let resource = self.inner.clone();
        completions::promise(env, async move { Ok(resource.get(&id).await?.to_string()) })
    }

    /// `exists` answered on this thread when the store is in-process and the pool has a free
    /// slot; `null` means "ask `exists`".
    #[napi]
    pub fn exists_in_place(&self, id: String) -> napi::Result<Option<bool>> {
        if !self.inner.answers_in_place() {
            return Ok(None);
        }
        crate::errors::answer_in_place(self.inner.exists(&id))
    }

    #[napi]
    pub fn exists<'env>(&self, env: &'env Env, id: String) -> napi::Result<PromiseRaw<'env, bool>> {
        let resource = self.inner.clone();
        completions::promise(env, async move { resource.exists(&id).await })
    }

    /// Update in one call: `{ before, record, exceedsLimit, partitionFailures }`.
    #[napi]
    pub fn update<'env>(
        &self,
        env: &'env Env,
        id: String,
        patch: String,
    ) -> napi::Result<PromiseRaw<'env, String>> {
        let resource = self.inner.clone();
        completions::promise(env, async move {
            let out = resource
                .update(&id, &parse_object(&patch, "update data")?)
                .await?;
            let mut result = write_json(out.write);
            result["before"] = out.before;
            Ok(result.to_string())
        })
    }

    /// First half of an update with `beforeUpdate` hooks: `{ before, etag, merged }`.
    #[napi]
    pub fn prepare_update<'env>(
        &self,
        env: &'env Env,
        id: String,
        patch: String,
    ) -> napi::Result<PromiseRaw<'env, String>> {
        let resource = self.inner.clone();
        completions::promise(env, async move {
            let (current, merged) = resource
                .prepare_update(&id, &parse_object(&patch, "update data")?)
                .await?;
            Ok(
                json!({ "before": current.record, "etag": current.etag, "merged": merged })
                    .to_string(),
            )
        })
    }

    /// Waits before a conflicted update is re-run (`attempt` from 1); false once retries are spent.
    #[napi]
    pub fn conflict_backoff<'env>(
        &self,
        env: &'env Env,
        attempt: u32,
    ) -> napi::Result<PromiseRaw<'env, bool>> {
        completions::promise(env, async move {
            if attempt >= s3db_core::resource::UPDATE_ATTEMPTS {
                return Ok(false);
            }
            s3db_core::resource::conflict_backoff(attempt).await;
            Ok(true)
        })
    }

    /// Second half: writes `merged` only if the record still has `etag`.
    #[napi]
    pub fn commit_update<'env>(
        &self,
        env: &'env Env,
        id: String,
        merged: String,
        before: String,
        etag: String,
    ) -> napi::Result<PromiseRaw<'env, String>> {
        let resource = self.inner.clone();
        completions::promise(env, async move {
            let before = ReadForUpdate {
                record: parse(&before, "before")?,
                etag,
                content: None,
            };
            Ok(write_json(
                resource
                    .commit_update(&id, parse(&merged, "data")?, &before)
                    .await?,
            )
            .to_string())
        })
    }

    #[napi]
    pub fn replace<'env>(
        &self,
        env: &'env Env,
        id: String,
        data: String,
    ) -> napi::Result<PromiseRaw<'env, String>> {
        let resource = self.inner.clone();
        completions::promise(env, async move {
            Ok(write_json(resource.replace(&id, parse(&data, "data")?).await?).to_string())
        })
    }

    /// `{ before, partitionFailures }`; `before` is null unless read first.
    #[napi]
    pub fn delete<'env>(
        &self,
        env: &'env Env,
        id: String,
        read_first: bool,
    ) -> napi::Result<PromiseRaw<'env, String>> {
        let resource = self.inner.clone();
        completions::promise(env, async move {
            let (before, failures) = resource.delete(&id, read_first).await?;
            Ok(json!({ "before": before, "partitionFailures": failures.iter().map(|f| json!({ "key": f.key, "error": error_json(&f.error) })).collect::<Vec<_>>() }).to_string())
        })
    }

    /// `{ deleted: [id], missing: [id], failed: [{ id, error }], partitionFailures }`.
    #[napi]
    pub fn delete_many<'env>(
        &self,
        env: &'env Env,
        ids: Vec<String>,
    ) -> napi::Result<PromiseRaw<'env, String>> {
        let resource = self.inner.clone();
        completions::promise(env, async move {
            let out = resource.delete_many(&ids).await?;
            Ok(json!({
                "deleted": out.deleted,
                "missing": out.missing,
                "failed": out.failed.iter().map(|(id, e)| json!({ "id": id, "error": error_json(e) })).collect::<Vec<_>>(),
                "partitionFailures": out.partition_failures.iter().map(|f| json!({ "key": f.key, "error": error_json(&f.error) })).collect::<Vec<_>>(),
            })
            .to_string())
        })
    }

    #[napi]
    pub fn delete_all_data<'env>(&self, env: &'env Env) -> napi::Result<PromiseRaw<'env, u32>> {
        let resource = self.inner.clone();
        completions::promise(
            env,
            async move { Ok(resource.delete_all_data().await? as u32) },
        )
    }

    #[napi]
    pub fn delete_all_records<'env>(&self, env: &'env Env) -> napi::Result<PromiseRaw<'env, u32>> {
        let resource = self.inner.clone();
        completions::promise(env, async move {
            Ok(resource.delete_all_records().await? as u32)
        })
    }

    #[napi]
    pub fn list_ids<'env>(
        &self,
        env: &'env Env,
        options: String,
    ) -> napi::Result<PromiseRaw<'env, Vec<String>>> {
        let resource = self.inner.clone();
        completions::promise(env, async move {
            resource.list_ids(&list_options(&options)?).await
        })
    }

    /// One LIST page of ids (`max` up to 1,000) from `token` (none: the first page), and the
    /// token of the next page (none once the listing is done).
    #[napi]
    pub fn list_ids_page<'env>(
        &self,
        env: &'env Env,
        options: String,
        token: Option<String>,
        max: u32,
    ) -> napi::Result<PromiseRaw<'env, IdsPage>> {
        let resource = self.inner.clone();
        completions::promise(env, async move {
            let (ids, next) = resource
                .list_ids_page(&list_options(&options)?, token, max as usize)
                .await?;
            Ok(IdsPage { ids, next })
        })
    }

    #[napi]
    pub fn count<'env>(
        &self,
        env: &'env Env,
        options: String,
    ) -> napi::Result<PromiseRaw<'env, u32>> {
        let resource = self.inner.clone();
        completions::promise(env, async move {
            Ok(resource.count(&list_options(&options)?).await? as u32)
        })
    }

    /// `{ records, errors: [{ id, error }] }`.
    #[napi]
    pub fn list<'env>(
        &self,
        env: &'env Env,
        options: String,
    ) -> napi::Result<PromiseRaw<'env, String>> {
        let resource = self.inner.clone();
        completions::promise(env, async move {
            Ok(listed_text(
                resource.list_json(&list_options(&options)?).await?,
                None,
            ))
        })
    }

    /// `{ records, errors, total }`: one page and the count of the whole listing.
    #[napi]
    pub fn page<'env>(
        &self,
        env: &'env Env,
        options: String,
    ) -> napi::Result<PromiseRaw<'env, String>> {
        let resource = self.inner.clone();
        completions::promise(env, async move {
            let (listed, total) = resource.page_json(&list_options(&options)?).await?;
            Ok(listed_text(listed, Some(total)))
        })
    }

    #[napi]
    pub fn get_many<'env>(
        &self,
        env: &'env Env,
        ids: Vec<String>,
    ) -> napi::Result<PromiseRaw<'env, String>> {
        let resource = self.inner.clone();
        completions::promise(env, async move {
            Ok(listed_text(resource.get_many_json(&ids).await, None))
        })
    }

    /// The record if its reference exists in the partition for `values`.
    #[napi]
    pub fn get_from_partition<'env>(
        &self,
        env: &'env Env,
        id: String,
        partition: String,
        values: String,
    ) -> napi::Result<PromiseRaw<'env, String>> {
        let resource = self.inner.clone();
        completions::promise(env, async move {
            Ok(resource
                .get_from_partition(&id, &partition, &parse_object(&values, "partitionValues")?)
                .await?
                .to_string())
        })
    }
}
