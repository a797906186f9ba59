//! String-valued rules: `string` (and secret/password), `email`, `url`, `uuid`, `mac`,
//! `luhn`, and the s3db.js `ip4`/`ip6` types.

use super::{issue, Issues};
use crate::js::order::{utf16_len, utf16_prefix};
use crate::schema::rule::Rule;
use crate::schema::shorthand::number_value;
use serde_json::Value;

/// A boolean string format flag: (rule flag, issue type, test).
type FormatCheck = (&'static str, &'static str, fn(&str) -> bool);

fn len_issue(kind: &str, field: &str, expected: f64, len: usize) -> super::ValidationIssue {
    issue(
        kind,
        field,
        Some(number_value(expected)),
        Some(number_value(len as f64)),
    )
}

fn all(s: &str, f: impl Fn(char) -> bool) -> bool {
    !s.is_empty() && s.chars().all(f)
}

fn sanitize(rule: &Rule, s: &mut String) {
    // s3db.js configures strings with `trim: true` by default.
    if rule.params.get("trim") != Some(&Value::Bool(false)) {
        *s = s.trim().to_string();
    }
    if rule.flag("trimLeft") {
        *s = s.trim_start().to_string();
    }
    if rule.flag("trimRight") {
        *s = s.trim_end().to_string();
    }
    if rule.flag("lowercase") || rule.flag("localeLowercase") {
        *s = s.to_lowercase();
    }
    if rule.flag("uppercase") || rule.flag("localeUppercase") {
        *s = s.to_uppercase();
    }
    let pad_char = rule
        .params
        .get("padChar")
        .and_then(Value::as_str)
        .unwrap_or(" ");
    if let Some(n) = rule.num("padStart").map(|n| n as usize) {
        while utf16_len(s) < n && !pad_char.is_empty() {
            s.insert_str(0, pad_char);
        }
        *s = utf16_prefix(s, n).to_string();
    }
    if let Some(n) = rule.num("padEnd").map(|n| n as usize) {
        while utf16_len(s) < n && !pad_char.is_empty() {
            s.push_str(pad_char);
        }
    }
}

pub(crate) fn check_string(rule: &Rule, v: &mut Value, field: &str, issues: &mut Issues) {
    if rule.flag("convert") && !v.is_string() && !v.is_object() && !v.is_array() {
        *v = Value::String(crate::record::values::js_string(v));
    }
    let Value::String(s) = v else {
        issues.push(issue("string", field, None, Some(v.clone())));
        return;
    };
    sanitize(rule, s);
    let s = s.clone();
    let len = utf16_len(&s);
    if rule.params.get("empty") == Some(&Value::Bool(false)) && s.is_empty() {
        issues.push(issue(
            "stringEmpty",
            field,
            None,
            Some(Value::String(s.clone())),
        ));
    }
    if let Some(min) = rule.num("min").filter(|m| (len as f64) < *m) {
        issues.push(len_issue("stringMin", field, min, len));
    }
    if let Some(max) = rule.num("max").filter(|m| (len as f64) > *m) {
        issues.push(len_issue("stringMax", field, max, len));
    }
    if let Some(l) = rule.num("length").filter(|l| (len as f64) != *l) {
        issues.push(len_issue("stringLength", field, l, len));
    }
    if let Some(p) = rule.params.get("pattern").and_then(Value::as_str) {
        let flags = rule
            .params
            .get("patternFlags")
            .and_then(Value::as_str)
            .unwrap_or("");
        let src = if flags.contains('i') {
            format!("(?i){p}")
        } else {
            p.to_string()
        };
        if regex_lite::Regex::new(&src)
            .map(|re| !re.is_match(&s))
            .unwrap_or(true)
        {
            issues.push(issue(
                "stringPattern",
                field,
                Some(Value::String(p.to_string())),
                Some(Value::String(s.clone())),
            ));
        }
    }
    if let Some(c) = rule.params.get("contains").and_then(Value::as_str) {
        if !s.contains(c) {
            issues.push(issue(
                "stringContains",
                field,
                Some(Value::String(c.into())),
                Some(Value::String(s.clone())),
            ));
        }
    }
    if let Some(allowed) = rule.params.get("enum") {
        let ok = match allowed {
            Value::Array(a) => a.iter().any(|x| x.as_str() == Some(s.as_str())),
            Value::String(list) => list.split(',').any(|x| x == s),
            _ => true,
        };
        if !ok {
            issues.push(issue(
                "stringEnum",
                field,
                Some(allowed.clone()),
                Some(Value::String(s.clone())),
            ));
        }
    }
    let checks: [FormatCheck; 7] = [
        ("numeric", "stringNumeric", |s| {
            let t = s.strip_prefix('-').unwrap_or(s);
            let (i, f) = t.split_once('.').unwrap_or((t, "0"));
            all(i, |c| c.is_ascii_digit()) && all(f, |c| c.is_ascii_digit())
        }),
        ("alpha", "stringAlpha", |s| {
            all(s, |c| c.is_ascii_alphabetic())
        }),
        ("alphanum", "stringAlphanum", |s| {
            all(s, |c| c.is_ascii_alphanumeric())
        }),
        ("alphadash", "stringAlphadash", |s| {
            all(s, |c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        }),
        ("hex", "stringHex", |s| all(s, |c| c.is_ascii_hexdigit())),
        ("singleLine", "stringSingleLine", |s| !s.contains('\n')),
        ("base64", "stringBase64", |s| {
            use base64::Engine;
            base64::engine::general_purpose::STANDARD.decode(s).is_ok()
        }),
    ];
    for (flag, kind, ok) in checks {
        if rule.flag(flag) && !ok(&s) {
            issues.push(issue(kind, field, None, Some(Value::String(s.clone()))));
        }
    }
}

pub(crate) fn check_email(rule: &Rule, v: &mut Value, field: &str, issues: &mut Issues) {
    let Value::String(s) = v else {
        issues.push(issue("string", field, None, Some(v.clone())));
        return;
    };
    if s.is_empty() {
        if !rule.flag("empty") {
            issues.push(issue("emailEmpty", field, None, Some(v.clone())));
        }
        return;
    }
    if rule.flag("normalize") {
        *s = s.trim().to_lowercase();
    }
    let len = utf16_len(s);
    if let Some(min) = rule.num("min").filter(|m| (len as f64) < *m) {
        issues.push(len_issue("emailMin", field, min, len));
    }
    if let Some(max) = rule.num("max").filter(|m| (len as f64) > *m) {
        issues.push(len_issue("emailMax", field, max, len));
    }
    // Quick mode: `^\S+@\S+\.\S+$`.
    let ok = s.split_once('@').is_some_and(|(user, domain)| {
        !user.is_empty()
            && !s.chars().any(char::is_whitespace)
            && domain
                .rsplit_once('.')
                .is_some_and(|(a, b)| !a.is_empty() && !b.is_empty())
    });
    if !ok {
        issues.push(issue("email", field, None, Some(v.clone())));
    }
}

pub(crate) fn check_url(rule: &Rule, v: &mut Value, field: &str, issues: &mut Issues) {
    let Value::String(s) = v else {
        issues.push(issue("string", field, None, Some(v.clone())));
        return;
    };
    if s.is_empty() {
        if !rule.flag("empty") {
            issues.push(issue("urlEmpty", field, None, Some(v.clone())));
        }
        return;
    }
    // `^https?:\/\/\S+`
    let rest = s
        .strip_prefix("http://")
        .or_else(|| s.strip_prefix("https://"));
    let ok = rest
        .and_then(|r| r.chars().next())
        .is_some_and(|c| !c.is_whitespace());
    if !ok {
        issues.push(issue("url", field, None, Some(v.clone())));
    }
}

pub(crate) fn check_uuid(v: &mut Value, field: &str, issues: &mut Issues) {
    let Value::String(s) = v else {
        issues.push(issue("string", field, None, Some(v.clone())));
        return;
    };
    let groups: Vec<&str> = s.split('-').collect();
    let shape = [8, 4, 4, 4, 12];
    let ok = groups.len() == 5
        && groups
            .iter()
            .zip(shape)
            .all(|(g, n)| g.len() == n && g.chars().all(|c| c.is_ascii_hexdigit()));
    if !ok {
        issues.push(issue("uuid", field, None, Some(v.clone())));
    }
}

pub(crate) fn check_mac(v: &mut Value, field: &str, issues: &mut Issues) {
    let s = v.as_str().unwrap_or("").to_ascii_lowercase();
    let hex_groups = |sep: char, n: usize, w: usize| {
        let g: Vec<&str> = s.split(sep).collect();
        g.len() == n
            && g.iter()
                .all(|x| x.len() == w && x.chars().all(|c| c.is_ascii_hexdigit()))
    };
    if !(hex_groups(':', 6, 2) || hex_groups('-', 6, 2) || hex_groups('.', 3, 4)) {
        issues.push(issue("mac", field, None, Some(v.clone())));
    }
}

pub(crate) fn check_luhn(v: &mut Value, field: &str, issues: &mut Issues) {
    let s = crate::record::values::js_string(v).replace(['-', ' '], "");
    let digits: Option<Vec<u32>> = s.chars().map(|c| c.to_digit(10)).collect();
    let ok = digits.is_some_and(|d| {
        !d.is_empty()
            && d.iter()
                .rev()
                .enumerate()
                .map(|(i, x)| {
                    if i % 2 == 1 {
                        let y = x * 2;
                        if y > 9 {
                            y - 9
                        } else {
                            y
                        }
                    } else {
                        *x
                    }
                })
                .sum::<u32>()
                % 10
                == 0
    });
    if !ok {
        issues.push(issue("luhn", field, None, Some(v.clone())));
    }
}

pub(crate) fn check_ip(rule: &Rule, v: &mut Value, field: &str, issues: &mut Issues) {
    let Value::String(s) = v else {
        issues.push(issue("string", field, None, Some(v.clone())));
        return;
    };
    *s = s.trim().to_string();
    let ok = if rule.ty == "ip4" {
        s.parse::<std::net::Ipv4Addr>().is_ok()
    } else {
        s.parse::<std::net::Ipv6Addr>().is_ok()
    };
    if !ok {
        issues.push(issue(&rule.ty, field, None, Some(v.clone())));
    }
}
