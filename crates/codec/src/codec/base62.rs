//! Base62 (`0-9a-zA-Z`) and base36 (`0-9a-z`) integer text, with the IEEE-754 double arithmetic
//! s3db.js uses (`n % 62`, `Math.floor(n / 62)`), so values above 2^53 encode identically.

const BASE62: &[u8; 62] = b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/// Base62 of a JS number. `None` for NaN/Infinity (JS returns the string `undefined`).
/// Fractions are floored; `0 < n < 1` yields `""`, as in JS.
pub fn encode_base62(n: f64) -> Option<String> {
    encode_radix(n, 62)
}

/// Base36 of a short-key index (19.x attribute keys).
pub fn encode_base36(n: usize) -> String {
    encode_radix(n as f64, 36).unwrap_or_default()
}

fn encode_radix(n: f64, radix: u32) -> Option<String> {
    if !n.is_finite() {
        return None;
    }
    if n == 0.0 {
        return Some("0".into());
    }
    if n < 0.0 {
        return encode_radix(-n.floor(), radix).map(|s| format!("-{s}"));
    }
    let r = radix as f64;
    let mut n = n.floor();
    let mut digits = Vec::new();
    while n > 0.0 {
        let d = (n % r) as usize;
        digits.push(BASE62[d]);
        n = (n / r).floor();
    }
    digits.reverse();
    Some(String::from_utf8(digits).unwrap_or_default())
}

fn digit_value(c: u8) -> Option<u32> {
    match c {
        b'0'..=b'9' => Some((c - b'0') as u32),
        b'a'..=b'z' => Some((c - b'a') as u32 + 10),
        b'A'..=b'Z' => Some((c - b'A') as u32 + 36),
        _ => None,
    }
}

/// Inverse of [`encode_base62`]: `""` is 0, a leading `-` negates, `None` on an unknown digit.
pub fn decode_base62(s: &str) -> Option<f64> {
    let (neg, body) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let mut n = 0f64;
    for c in body.bytes() {
        n = n * 62.0 + digit_value(c)? as f64;
    }
    Some(if neg { -n } else { n })
}

/// Inverse of [`encode_base36`] for short keys; `None` if not base36.
pub fn decode_base36(s: &str) -> Option<usize> {
    if s.is_empty() || s.len() > 12 {
        return None;
    }
    let mut n: usize = 0;
    for c in s.bytes() {
        let d = digit_value(c).filter(|d| *d < 36)?;
        n = n.checked_mul(36)?.checked_add(d as usize)?;
    }
    Some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_values() {
        assert_eq!(encode_base62(0.0).unwrap(), "0");
        assert_eq!(encode_base62(61.0).unwrap(), "Z");
        assert_eq!(encode_base62(-3.7).unwrap(), "-4");
        assert_eq!(encode_base62(0.5).unwrap(), "");
        assert_eq!(encode_base62(1e21).unwrap(), "jdt8BLTpPG02");
        assert_eq!(encode_base62(f64::NAN), None);
        assert_eq!(decode_base62("jdt8BLTpPG02"), Some(1e21));
        assert_eq!(decode_base62("a_b"), None);
        assert_eq!(encode_base36(1295), "zz");
        assert_eq!(decode_base36("zz"), Some(1295));
        assert_eq!(decode_base36("A"), None);
    }
}
