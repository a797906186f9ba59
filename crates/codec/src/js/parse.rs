//! `JSON.parse` for JSON that JavaScript wrote (`JSON.stringify` in s3db.js or in the JS face):
//! text serde_json refuses but JavaScript reads.
//!
//! - **Lone surrogates.** `JSON.stringify` escapes an unpaired UTF-16 surrogate as `\ud800`
//!   (a string sliced through an emoji has one). A Rust string cannot hold it; it reads as
//!   U+FFFD, which is what s3db.js stores for it too (S3 carries UTF-8).
//! - **Deep nesting.** serde_json stops at 128 levels; JavaScript has no such limit. Up to
//!   [`MAX_DEPTH`] levels are read; deeper text is refused with an error saying so, because
//!   every later step (validation, encoding, dropping the value) recurses on the thread's stack.
//!
//! Valid JSON of ordinary depth takes serde_json's path as is; the repairs run only after it
//! refused the text.

use serde::de::DeserializeOwned;

/// The deepest nesting of objects and arrays read.
pub const MAX_DEPTH: usize = 512;

/// Parses JSON text written by JavaScript.
pub fn from_js_str<T: DeserializeOwned>(text: &str) -> serde_json::Result<T> {
    match serde_json::from_str(text) {
        Err(e) if refused_for_surrogates(&e) || refused_for_depth(&e) => repaired(text, e),
        other => other,
    }
}

/// [`from_js_str`] over bytes; bytes that are not UTF-8 are refused as serde_json refuses them.
pub fn from_js_slice<T: DeserializeOwned>(bytes: &[u8]) -> serde_json::Result<T> {
    match std::str::from_utf8(bytes) {
        Ok(text) => from_js_str(text),
        Err(_) => serde_json::from_slice(bytes),
    }
}

/// What went wrong with `what`'s text, for an error message.
pub fn describe(what: &str, e: &serde_json::Error) -> String {
    let detail = e.to_string();
    if detail.starts_with("nested deeper") {
        format!("{what} is {detail}")
    } else {
        format!("{what} is not valid JSON: {detail}")
    }
}

fn refused_for_surrogates(e: &serde_json::Error) -> bool {
    let text = e.to_string();
    text.contains("surrogate") || text.contains("hex escape") || text.contains("unicode code point")
}

fn refused_for_depth(e: &serde_json::Error) -> bool {
    e.to_string().contains("recursion limit")
}

fn repaired<T: DeserializeOwned>(text: &str, first: serde_json::Error) -> serde_json::Result<T> {
    let fixed = without_lone_surrogates(text);
    let text = fixed.as_deref().unwrap_or(text);
    if nesting_depth(text) > MAX_DEPTH {
        return Err(if refused_for_depth(&first) {
            serde::de::Error::custom(format!("nested deeper than {MAX_DEPTH} levels"))
        } else {
            first
        });
    }
    let mut de = serde_json::Deserializer::from_str(text);
    de.disable_recursion_limit();
    let value = T::deserialize(&mut de)?;
    de.end()?;
    Ok(value)
}

/// The text with each unpaired surrogate escape replaced by `\ufffd`; `None` when it has none.
pub fn without_lone_surrogates(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'\\' {
            i += 1;
            continue;
        }
        let Some(unit) = escape_unit(bytes, i) else {
            i += 2; // any other escape (\\, \", \n ...): skip its character
            continue;
        };
        let paired = match unit {
            0xD800..=0xDBFF => {
                escape_unit(bytes, i + 6).is_some_and(|u| (0xDC00..=0xDFFF).contains(&u))
            }
            0xDC00..=0xDFFF => false,
            _ => true,
        };
        if paired {
            i += if (0xD800..=0xDBFF).contains(&unit) {
                12
            } else {
                6
            };
            continue;
        }
        let out = out.get_or_insert_with(|| String::with_capacity(text.len()));
        out.push_str(&text[copied..i]);
        out.push_str("\\ufffd");
        i += 6;
        copied = i;
    }
    out.map(|mut out| {
        out.push_str(&text[copied..]);
        out
    })
}

/// The UTF-16 unit of a `\uXXXX` escape starting at `at`.
fn escape_unit(bytes: &[u8], at: usize) -> Option<u32> {
    let escape = bytes.get(at..at + 6)?;
    if escape[0] != b'\\' || escape[1] != b'u' {
        return None;
    }
    u32::from_str_radix(std::str::from_utf8(&escape[2..]).ok()?, 16).ok()
}

/// The deepest nesting of `{`/`[` outside strings.
fn nesting_depth(text: &str) -> usize {
    let (mut depth, mut deepest, mut in_string, mut escaped) = (0usize, 0usize, false, false);
    for &b in text.as_bytes() {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' | b'[' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    #[test]
    fn lone_surrogates_read_as_the_replacement_character() {
        let v: Value =
            from_js_str(r#"{"a":"x\ud800y","b":"\udc00","c":"\ud83d\ude00","d":"\\ud800"}"#)
                .unwrap();
        assert_eq!(
            v,
            json!({ "a": "x\u{fffd}y", "b": "\u{fffd}", "c": "😀", "d": "\\ud800" })
        );
        // A leading surrogate followed by another leading one: both are lone.
        let v: Value = from_js_str(r#"["\ud800\ud800"]"#).unwrap();
        assert_eq!(v, json!(["\u{fffd}\u{fffd}"]));
    }

    #[test]
    fn valid_text_is_untouched_and_other_errors_stay() {
        assert_eq!(
            without_lone_surrogates(r#"{"c":"\ud83d\ude00","e":"\\u0041"}"#),
            None
        );
        assert!(from_js_str::<Value>("{\"a\":").is_err());
        assert!(from_js_str::<Value>(r#"{"a":"\u12"}"#).is_err());
    }

    #[test]
    fn nesting_is_read_up_to_the_limit() {
        let nested = |n: usize| format!("{}1{}", "[".repeat(n), "]".repeat(n));
        assert!(
            serde_json::from_str::<Value>(&nested(200)).is_err(),
            "serde_json's own limit"
        );
        let v: Value = from_js_slice(nested(MAX_DEPTH).as_bytes()).unwrap();
        let mut depth = 0;
        let mut cur = &v;
        while let Value::Array(items) = cur {
            depth += 1;
            cur = &items[0];
        }
        assert_eq!(depth, MAX_DEPTH);
        let err = from_js_str::<Value>(&nested(MAX_DEPTH + 1)).unwrap_err();
        assert!(
            err.to_string().contains("nested deeper than 512 levels"),
            "{err}"
        );
        // Brackets inside strings are not nesting.
        assert_eq!(nesting_depth(r#"{"a":"[[[[","b":["\"]"]}"#), 2);
    }
}
