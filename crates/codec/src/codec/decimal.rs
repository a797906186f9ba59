//! Number text used by `number`, `money`, `crypto`, `decimal`, `embedding` and the integer
//! flag (storage spec §3.2).

use super::base62::{decode_base62, encode_base62};
use crate::js::number::{js_round, parse_js_number, pow10, to_js_string};

/// `number|integer`: base62 of `Math.floor(n)`. `None` for NaN/Infinity.
pub fn encode_integer(n: f64) -> Option<String> {
    encode_base62(n)
}

/// Inverse of [`encode_integer`].
pub fn decode_integer(s: &str) -> Option<f64> {
    decode_base62(s)
}

/// `number` (default): sign, base62 of the integer part of `String(|n|)`, then `.` and the
/// fraction digits of that text. Exponent-form text gives JS's odd results (`1e-7` -> `""`).
pub fn encode_decimal(n: f64) -> Option<String> {
    if !n.is_finite() {
        return None;
    }
    let sign = if n < 0.0 { "-" } else { "" };
    let text = to_js_string(n.abs());
    let (int_part, frac) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text.as_str(), None),
    };
    // Not floored first: JS passes `Number("1e-7")` to base62, which yields "" for 0 < n < 1.
    let int_encoded = encode_base62(parse_js_number(int_part))?;
    Some(match frac {
        Some(f) => format!("{sign}{int_encoded}.{f}"),
        None => format!("{sign}{int_encoded}"),
    })
}

/// Inverse of [`encode_decimal`]: base62 integer part, then `Number(int + '.' + frac)`.
pub fn decode_decimal(s: &str) -> Option<f64> {
    let (neg, body) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let v = match body.split_once('.') {
        Some((int_part, frac)) => {
            if frac.is_empty()
                || !frac
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'-')
            {
                return None;
            }
            let int = decode_base62(int_part)?;
            if int < 0.0 {
                return None;
            }
            let v = parse_js_number(&format!("{}.{frac}", to_js_string(int)));
            if v.is_nan() {
                return None;
            }
            v
        }
        None => {
            let v = decode_base62(body)?;
            if v < 0.0 {
                return None;
            }
            v
        }
    };
    Some(if neg { -v } else { v })
}

/// Signed base62 of an already-rounded integer: `-` + base62(|s|), `0` for zero.
fn signed_base62(s: f64) -> Option<String> {
    if s == 0.0 {
        return Some("0".into());
    }
    let body = encode_base62(s.abs())?;
    Some(if s < 0.0 { format!("-{body}") } else { body })
}

/// `decimal[:P]`: `^` + sign + base62(round(|v|·10^P)).
pub fn encode_fixed_point(v: f64, precision: u32) -> Option<String> {
    if !v.is_finite() {
        return None;
    }
    let s = js_round(v * pow10(precision));
    signed_base62(s).map(|b| format!("^{b}"))
}

/// Inverse of [`encode_fixed_point`].
pub fn decode_fixed_point(s: &str, precision: u32) -> Option<f64> {
    let body = s.strip_prefix('^')?;
    Some(decode_base62(body)? / pow10(precision))
}

/// Embeddings: `^[` + comma-joined signed base62 of `round(x·10^P)` + `]`.
pub fn encode_fixed_point_batch(values: &[f64], precision: u32) -> Option<String> {
    let scale = pow10(precision);
    let mut parts = Vec::with_capacity(values.len());
    for v in values {
        if !v.is_finite() {
            return None;
        }
        parts.push(signed_base62(js_round(v * scale))?);
    }
    Some(format!("^[{}]", parts.join(",")))
}

/// Inverse of [`encode_fixed_point_batch`].
pub fn decode_fixed_point_batch(s: &str, precision: u32) -> Option<Vec<f64>> {
    let inner = s.strip_prefix("^[")?.strip_suffix(']')?;
    if inner.is_empty() {
        return Some(Vec::new());
    }
    let scale = pow10(precision);
    inner
        .split(',')
        .map(|p| {
            if p.is_empty() {
                None
            } else {
                decode_base62(p).map(|n| n / scale)
            }
        })
        .collect()
}

/// `money`/`crypto`: `$` + base62(round(v·10^d)).
pub fn encode_money(v: f64, decimals: u32) -> Option<String> {
    if !v.is_finite() {
        return None;
    }
    encode_base62(js_round(v * pow10(decimals))).map(|b| format!("${b}"))
}

/// Inverse of [`encode_money`].
pub fn decode_money(s: &str, decimals: u32) -> Option<f64> {
    let body = s.strip_prefix('$')?;
    if body.is_empty() {
        return None;
    }
    Some(decode_base62(body)? / pow10(decimals))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_examples() {
        assert_eq!(encode_decimal(30.0).unwrap(), "u");
        assert_eq!(encode_decimal(-1234.5).unwrap(), "-jU.5");
        assert_eq!(encode_decimal(1.5e300).unwrap(), "1.5e+300");
        assert_eq!(encode_decimal(1e-7).unwrap(), "");
        assert_eq!(encode_decimal(-0.0).unwrap(), "0");
        assert_eq!(decode_decimal("1.5e+300"), Some(1.5e300));
        assert_eq!(decode_decimal("-jU.5"), Some(-1234.5));
        assert_eq!(decode_decimal(""), Some(0.0));
        assert_eq!(decode_decimal("x.y.z"), None);
    }

    #[test]
    fn fixed_and_money() {
        assert_eq!(encode_fixed_point(-0.3333, 4).unwrap(), "^-RL");
        assert_eq!(encode_fixed_point(1.005, 2).unwrap(), "^1C");
        assert_eq!(encode_money(19.99, 2).unwrap(), "$wf");
        assert_eq!(encode_money(0.005, 2).unwrap(), "$1");
        assert_eq!(decode_money("$wf", 2), Some(19.99));
        assert_eq!(
            encode_fixed_point_batch(&[0.123456, -0.654321, 0.0, 1.0, -1.0, 4e-7], 6).unwrap(),
            "^[w7e,-2Kdz,0,4c92,-4c92,0]"
        );
    }
}
