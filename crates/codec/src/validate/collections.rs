//! `object`, `array` and `embedding` rules.

use super::{check_property, check_slot, issue, Issues};
use crate::schema::rule::{Rule, Strictness};
use crate::schema::shorthand::number_value;
use serde_json::{Map, Value};

/// Declared properties, then the strictness rule for undeclared ones.
pub(crate) fn check_props(
    rule: &Rule,
    obj: &mut Map<String, Value>,
    field: &str,
    issues: &mut Issues,
    depth: usize,
) {
    let props = rule.props.as_deref().unwrap_or(&[]);
    for (key, prop) in props {
        let path = if field.is_empty() {
            key.clone()
        } else {
            format!("{field}.{key}")
        };
        check_property(prop, obj, key, &path, issues, depth + 1);
    }
    if rule.props.is_none() {
        return;
    }
    let unknown: Vec<String> = obj
        .keys()
        .filter(|k| !props.iter().any(|(p, _)| p == *k))
        .cloned()
        .collect();
    if unknown.is_empty() {
        return;
    }
    match rule.strict {
        Strictness::Keep => {}
        Strictness::Remove => {
            for k in unknown {
                obj.shift_remove(&k);
            }
        }
        Strictness::Reject => issues.push(issue(
            "objectStrict",
            field,
            None,
            Some(Value::String(unknown.join(", "))),
        )),
    }
}

pub(crate) fn check_object(
    rule: &Rule,
    v: &mut Value,
    field: &str,
    issues: &mut Issues,
    depth: usize,
) {
    let Value::Object(obj) = v else {
        issues.push(issue("object", field, None, Some(v.clone())));
        return;
    };
    check_props(rule, obj, field, issues, depth);
    let n = obj.len() as f64;
    if let Some(min) = rule.num("minProps").filter(|m| n < *m) {
        issues.push(issue(
            "objectMinProps",
            field,
            Some(number_value(min)),
            Some(number_value(n)),
        ));
    }
    if let Some(max) = rule.num("maxProps").filter(|m| n > *m) {
        issues.push(issue(
            "objectMaxProps",
            field,
            Some(number_value(max)),
            Some(number_value(n)),
        ));
    }
}

/// `embedding:N` validates as `array|items:number|length:N|empty:false`.
fn embedding_rule(rule: &Rule) -> Rule {
    let mut r = rule.clone();
    r.ty = "array".into();
    r.params.insert("empty".into(), Value::Bool(false));
    if let Some(n) = rule.arg.as_deref().and_then(|a| a.parse::<u64>().ok()) {
        r.params.insert("length".into(), Value::from(n));
    }
    if r.items.is_none() {
        let mut item = rule.clone();
        item.ty = "number".into();
        item.params.clear();
        item.optional = false;
        item.default = None;
        r.items = Some(Box::new(item));
    }
    r
}

pub(crate) fn check_array(
    rule: &Rule,
    v: &mut Value,
    field: &str,
    issues: &mut Issues,
    depth: usize,
) {
    if rule.ty == "embedding" {
        return check_array(&embedding_rule(rule), v, field, issues, depth);
    }
    let Value::Array(items) = v else {
        issues.push(issue("array", field, None, Some(v.clone())));
        return;
    };
    let len = items.len() as f64;
    let actual = Some(number_value(len));
    if rule.params.get("empty") == Some(&Value::Bool(false)) && items.is_empty() {
        issues.push(issue(
            "arrayEmpty",
            field,
            None,
            Some(Value::Array(items.clone())),
        ));
    }
    if let Some(min) = rule.num("min").filter(|m| len < *m) {
        issues.push(issue(
            "arrayMin",
            field,
            Some(number_value(min)),
            actual.clone(),
        ));
    }
    if let Some(max) = rule.num("max").filter(|m| len > *m) {
        issues.push(issue(
            "arrayMax",
            field,
            Some(number_value(max)),
            actual.clone(),
        ));
    }
    if let Some(l) = rule.num("length").filter(|l| len != *l) {
        issues.push(issue("arrayLength", field, Some(number_value(l)), actual));
    }
    if let Some(c) = rule.params.get("contains") {
        if !items.contains(c) {
            issues.push(issue(
                "arrayContains",
                field,
                Some(Value::String(crate::js::json::stringify(c))),
                None,
            ));
        }
    }
    if rule.flag("unique") {
        let dupes: Vec<Value> = items
            .iter()
            .enumerate()
            .filter(|(i, x)| items[..*i].contains(x))
            .map(|(_, x)| x.clone())
            .collect();
        if !dupes.is_empty() {
            issues.push(issue(
                "arrayUnique",
                field,
                Some(Value::Array(dupes)),
                Some(Value::Array(items.clone())),
            ));
        }
    }
    if let Some(Value::Array(allowed)) = rule.params.get("enum") {
        let expected = allowed
            .iter()
            .map(crate::record::values::js_string)
            .collect::<Vec<_>>()
            .join(", ");
        for item in items.iter().filter(|i| !allowed.contains(i)) {
            issues.push(issue(
                "arrayEnum",
                field,
                Some(Value::String(expected.clone())),
                Some(item.clone()),
            ));
        }
    }
    if let Some(item_rule) = &rule.items {
        for (i, item) in items.iter_mut().enumerate() {
            let mut slot = Some(std::mem::take(item));
            check_slot(
                item_rule,
                &mut slot,
                &format!("{field}[{i}]"),
                issues,
                depth + 1,
            );
            *item = slot.unwrap_or(Value::Null);
        }
    }
}
