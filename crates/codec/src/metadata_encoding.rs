//! Client-layer metadata encoding (storage spec §3.6-3.7): how every user-metadata key is cleaned
//! and every value made ASCII-safe before it becomes an `x-amz-meta-*` header.
//!
//! Two deliberate fixes against s3db.js (both still read back correctly by s3db.js):
//! - `font/woff2` is written verbatim: its dictionary code `f` decodes as `failed` in s3db.js.
//! - a URL prefix is dictionary-coded only when the rest is printable ASCII; s3db.js emits the
//!   raw non-ASCII rest, which real S3 and Node's HTTP stack reject.

use base64::Engine;

const CONTENT_TYPES: &[(&str, char)] = &[
    ("application/json", 'j'),
    ("application/xml", 'X'),
    ("application/ld+json", 'J'),
    ("text/html", 'H'),
    ("text/plain", 'T'),
    ("text/css", 'C'),
    ("text/javascript", 'V'),
    ("text/csv", 'v'),
    ("image/png", 'P'),
    ("image/jpeg", 'I'),
    ("image/gif", 'G'),
    ("image/svg+xml", 'S'),
    ("image/webp", 'W'),
    ("application/pdf", 'Q'),
    ("application/zip", 'z'),
    ("application/octet-stream", 'o'),
    ("application/x-www-form-urlencoded", 'u'),
    ("multipart/form-data", 'F'),
    ("font/woff", 'w'),
    ("font/woff2", 'f'),
];

const STATUSES: &[(&str, char)] = &[
    ("processing", 'p'),
    ("completed", 'c'),
    ("succeeded", 's'),
    ("failed", 'f'),
    ("cancelled", 'x'),
    ("timeout", 't'),
    ("retrying", 'r'),
    ("authorized", 'a'),
    ("captured", 'K'),
    ("refunded", 'R'),
    ("declined", 'd'),
    ("shipped", 'h'),
    ("delivered", 'D'),
    ("returned", 'e'),
    ("in_transit", 'i'),
    ("initialized", 'n'),
    ("terminated", 'm'),
];

/// URL prefixes in the order s3db.js tries them: longest first, ties in table order.
const URL_PREFIXES: &[(&str, char)] = &[
    ("https://api.example.com/", 'A'),
    ("https://s3.amazonaws.com/", 's'),
    ("http://localhost:", 'L'),
    ("http://localhost", 'l'),
    ("https://api.", 'H'),
    ("https://www.", 'W'),
    ("https://s3-", 'S'),
    ("/products/", 'p'),
    ("https://", 'h'),
    ("/api/v1/", '1'),
    ("/api/v2/", '2'),
    ("/api/v3/", '3'),
    ("http://", 't'),
    ("/users/", 'u'),
    ("/api/", 'a'),
    ("/v1/", 'v'),
];

/// A metadata value as s3db.js reads it back: the tokens `null`/`undefined` are not strings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MetaValue {
    Null,
    Undefined,
    Str(String),
}

/// Cleans a metadata key the way s3db.js does before sending it: `[^a-zA-Z0-9-_]` -> `_`, lower-cased.
pub fn clean_key(key: &str) -> String {
    key.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect()
}

/// Encodes one metadata value into the ASCII-safe form s3db.js writes.
pub fn encode_value(s: &str) -> String {
    if s.starts_with("d:") || s.starts_with("u:") || s.starts_with("b:") {
        return format!("b:{}", base64_encode(s));
    }
    if let Some(code) = exact_dictionary_code(s) {
        return format!("d:{code}");
    }
    if let Some(&(prefix, code)) = URL_PREFIXES.iter().find(|(p, _)| s.starts_with(p)) {
        let rest = &s[prefix.len()..];
        // 4 = "d:@" + code; only worth it when shorter, and only when the result stays ASCII.
        if 4 + rest.len() < s.len() && is_printable_ascii(rest) {
            return format!("d:@{code}{rest}");
        }
    }
    if is_printable_ascii(s) {
        return s.to_string();
    }
    let (mut multibyte, mut latin1, mut units) = (0usize, 0usize, 0usize);
    for unit in s.encode_utf16() {
        units += 1;
        if unit < 0x20 || unit == 0x7f || unit > 0xff {
            multibyte += 1;
        } else if unit >= 0x80 {
            latin1 += 1;
        }
    }
    let use_base64 = if multibyte > 0 {
        multibyte * 10 > units * 3
    } else {
        latin1 * 2 > units
    };
    if use_base64 {
        format!("b:{}", base64_encode(s))
    } else {
        format!("u:{}", encode_uri_component(s))
    }
}

/// Encodes a value that is absent or null the way s3db.js stringifies it.
pub fn encode_meta_value(v: &MetaValue) -> String {
    match v {
        MetaValue::Null => "null".into(),
        MetaValue::Undefined => "undefined".into(),
        MetaValue::Str(s) => encode_value(s),
    }
}

/// Decodes one stored metadata value; malformed encodings are kept verbatim, as s3db.js does.
pub fn decode_value(s: &str) -> MetaValue {
    match s {
        "null" => return MetaValue::Null,
        "undefined" => return MetaValue::Undefined,
        _ => {}
    }
    MetaValue::Str(decode_string(s))
}

fn decode_string(s: &str) -> String {
    if let Some(code) = s.strip_prefix("d:") {
        if let Some(decoded) = decode_dictionary(code) {
            return decoded;
        }
    } else if let Some(rest) = s.strip_prefix("u:") {
        if !rest.is_empty() {
            if let Some(decoded) = decode_uri_component(rest) {
                return decoded;
            }
        }
    } else if let Some(rest) = s.strip_prefix("b:") {
        if !rest.is_empty() {
            return String::from_utf8_lossy(&base64_decode_lenient(rest)).into_owned();
        }
    }
    s.to_string()
}

fn exact_dictionary_code(s: &str) -> Option<char> {
    if s == "font/woff2" {
        return None; // its code collides with `failed`; see the module note
    }
    STATUSES
        .iter()
        .chain(CONTENT_TYPES)
        .find(|(word, _)| *word == s)
        .map(|&(_, code)| code)
}

fn decode_dictionary(code: &str) -> Option<String> {
    let mut chars = code.chars();
    let first = chars.next()?;
    if first == '@' {
        let prefix_code = chars.next()?;
        let (prefix, _) = URL_PREFIXES.iter().find(|(_, c)| *c == prefix_code)?;
        return Some(format!("{prefix}{}", chars.as_str()));
    }
    if chars.next().is_some() {
        return None;
    }
    // Statuses win over content types on a shared code, as in s3db.js.
    STATUSES
        .iter()
        .chain(CONTENT_TYPES)
        .find(|(_, c)| *c == first)
        .map(|(word, _)| word.to_string())
}

fn is_printable_ascii(s: &str) -> bool {
    s.bytes().all(|b| (0x20..=0x7e).contains(&b))
}

fn base64_encode(s: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(s.as_bytes())
}

/// Node's `Buffer.from(x, 'base64')` skips characters outside the alphabet and tolerates
/// missing padding; mirror that so values written by s3db.js always read back.
fn base64_decode_lenient(s: &str) -> Vec<u8> {
    let cleaned: String = s
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '/' | '-' | '_'))
        .map(|c| match c {
            '-' => '+',
            '_' => '/',
            c => c,
        })
        .collect();
    // A lone trailing sextet cannot form a byte; Node drops it.
    let usable = if cleaned.len() % 4 == 1 {
        cleaned.len() - 1
    } else {
        cleaned.len()
    };
    base64::engine::general_purpose::STANDARD_NO_PAD
        .decode(&cleaned[..usable])
        .unwrap_or_default()
}

/// JavaScript `encodeURIComponent`.
pub fn encode_uri_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// JavaScript `decodeURIComponent`; `None` where JS would throw a `URIError`.
pub fn decode_uri_component(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            let hex = std::str::from_utf8(hex).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_like_s3db() {
        let cases = [
            ("plain ascii", "plain ascii"),
            ("São Paulo city", "u:S%C3%A3o%20Paulo%20city"),
            ("çãõé", "b:w6fDo8O1w6k="),
            ("aé", "u:a%C3%A9"),
            ("aéé", "b:YcOpw6k="),
            ("🔥🎉", "b:8J+UpfCfjok="),
            ("東京", "b:5p2x5Lqs"),
            ("José ☃ here", "u:Jos%C3%A9%20%E2%98%83%20here"),
            ("line1\nline2", "u:line1%0Aline2"),
            ("a\tb", "b:YQli"),
            ("d:abc", "b:ZDphYmM="),
            ("application/json", "d:j"),
            ("failed", "d:f"),
            ("https://example.com/x", "d:@hexample.com/x"),
            ("https://api.example.com/v1", "d:@Av1"),
            ("http://localhost", "d:@l"),
            ("/api/x", "d:@ax"),
            ("/v1/", "/v1/"),
        ];
        for (input, expected) in cases {
            assert_eq!(encode_value(input), expected, "{input}");
        }
    }

    #[test]
    fn fixes_keep_values_readable() {
        assert_eq!(encode_value("font/woff2"), "font/woff2");
        let url = "https://ünïcode.example/";
        let encoded = encode_value(url);
        assert!(encoded.is_ascii(), "{encoded}");
        assert_eq!(decode_value(&encoded), MetaValue::Str(url.into()));
    }

    #[test]
    fn decodes_like_s3db() {
        assert_eq!(decode_value("null"), MetaValue::Null);
        assert_eq!(decode_value("undefined"), MetaValue::Undefined);
        let s = |v: &str| MetaValue::Str(v.to_string());
        assert_eq!(decode_value("d:f"), s("failed"));
        assert_eq!(decode_value("d:zz"), s("d:zz"));
        assert_eq!(decode_value("d:@1users"), s("/api/v1/users"));
        assert_eq!(decode_value("u:%E0%A4%A"), s("u:%E0%A4%A"));
        assert_eq!(decode_value("b:"), s("b:"));
        assert_eq!(decode_value("u:"), s("u:"));
        assert_eq!(decode_value("b:w6fDo8O1w6k="), s("çãõé"));
        assert_eq!(decode_value("b:w6fDo8O1w6k"), s("çãõé"));
    }

    #[test]
    fn round_trips_arbitrary_text() {
        let samples = [
            "",
            " x ",
            "%%",
            "d:",
            "ÿ",
            "\u{7f}",
            "a\u{0}b",
            "日本語テキスト",
            "null!",
        ];
        for s in samples {
            assert_eq!(
                decode_value(&encode_value(s)),
                MetaValue::Str(s.into()),
                "{s:?}"
            );
        }
    }

    #[test]
    fn cleans_keys() {
        assert_eq!(clean_key("CamelCase"), "camelcase");
        assert_eq!(clean_key("$overflow"), "_overflow");
        assert_eq!(clean_key("nested.deep"), "nested_deep");
    }
}
