//! Validation with fastest-validator semantics and messages, as s3db.js configures it:
//! every field required unless optional, `default` applied, numbers converted from strings,
//! strings trimmed, unknown keys removed inside declared objects and kept at the root.

mod collections;
mod messages;
mod scalars;
mod text;

pub use messages::{issue, ValidationIssue};

use crate::schema::rule::Rule;
use crate::schema::Schema;
use serde_json::{Map, Value};

/// Issues collected during one validation run.
pub(crate) type Issues = Vec<ValidationIssue>;

const MAX_DEPTH: usize = 64;

impl Schema {
    /// Validates `data` in place (defaults, coercions, removals) with the resource's rules.
    /// `id` is not an attribute and is left alone.
    pub fn validate(&self, data: &mut Value) -> Result<(), Vec<ValidationIssue>> {
        let mut issues = Vec::new();
        match data {
            Value::Object(obj) => collections::check_props(&self.root, obj, "", &mut issues, 0),
            other => issues.push(issue("object", "", None, Some(other.clone()))),
        }
        if issues.is_empty() {
            Ok(())
        } else {
            Err(issues)
        }
    }
}

/// The required/default/optional wrapper fastest-validator puts around every rule.
pub(crate) fn check_slot(
    rule: &Rule,
    slot: &mut Option<Value>,
    field: &str,
    issues: &mut Issues,
    depth: usize,
) {
    let missing = matches!(slot, None | Some(Value::Null));
    if missing {
        if let Some(d) = &rule.default {
            *slot = Some(d.clone());
        } else if rule.optional || rule.ty == "forbidden" || (rule.nullable && slot.is_some()) {
            return;
        } else {
            issues.push(issue("required", field, None, slot.clone()));
            return;
        }
    }
    if let Some(v) = slot.as_mut() {
        check_value(rule, v, field, issues, depth);
    }
}

/// Runs the type rule on a present value.
pub(crate) fn check_value(
    rule: &Rule,
    v: &mut Value,
    field: &str,
    issues: &mut Issues,
    depth: usize,
) {
    if depth > MAX_DEPTH {
        issues.push(issue("object", field, None, None));
        return;
    }
    match rule.ty.as_str() {
        "string" | "password" | "secret" | "dateonly" => text::check_string(rule, v, field, issues),
        "datetime" => scalars::check_datetime(v, field, issues),
        "buffer" | "bits" => scalars::check_bytes(rule, v, field, issues),
        "email" => text::check_email(rule, v, field, issues),
        "url" => text::check_url(rule, v, field, issues),
        "uuid" => text::check_uuid(v, field, issues),
        "mac" => text::check_mac(v, field, issues),
        "luhn" => text::check_luhn(v, field, issues),
        "ip4" | "ip6" => text::check_ip(rule, v, field, issues),
        "number" | "secretNumber" | "money" | "crypto" | "decimal" | "geo" => {
            scalars::check_number(rule, v, field, issues)
        }
        "boolean" | "bool" => scalars::check_boolean(rule, v, field, issues),
        "date" => scalars::check_date(rule, v, field, issues),
        "enum" => scalars::check_enum(rule, v, field, issues),
        "equal" => scalars::check_equal(rule, v, field, issues),
        "forbidden" => scalars::check_forbidden(v, field, issues),
        "array" | "embedding" => collections::check_array(rule, v, field, issues, depth),
        "object" => collections::check_object(rule, v, field, issues, depth),
        "multi" => check_multi(rule, v, field, issues, depth),
        // any, json, secretAny, buffer, bits and the function-based types accept any value.
        _ => {}
    }
}

fn check_multi(rule: &Rule, v: &mut Value, field: &str, issues: &mut Issues, depth: usize) {
    let mut all = Vec::new();
    for alt in &rule.alternatives {
        let mut candidate = v.clone();
        let mut found = Vec::new();
        check_value(alt, &mut candidate, field, &mut found, depth + 1);
        if found.is_empty() {
            *v = candidate;
            return;
        }
        all.extend(found);
    }
    issues.extend(all);
}

/// Validates one property of an object in place.
pub(crate) fn check_property(
    rule: &Rule,
    obj: &mut Map<String, Value>,
    key: &str,
    field: &str,
    issues: &mut Issues,
    depth: usize,
) {
    let mut slot = obj.get(key).cloned();
    let was_present = obj.contains_key(key);
    check_slot(rule, &mut slot, field, issues, depth);
    match slot {
        Some(v) => {
            obj.insert(key.to_string(), v);
        }
        None if was_present => {
            obj.shift_remove(key);
        }
        None => {}
    }
}
