//! `geo:lat`, `geo:lon`, `geo:point`: `~` + base62 of the offset fixed-point coordinate.

use super::base62::{decode_base62, encode_base62};
use crate::js::number::{js_round, pow10};

fn encode_offset(v: f64, offset: f64, precision: u32) -> Option<String> {
    if !v.is_finite() {
        return None;
    }
    encode_base62(js_round((v + offset) * pow10(precision))).map(|b| format!("~{b}"))
}

fn decode_offset(s: &str, offset: f64, precision: u32) -> Option<f64> {
    let body = s.strip_prefix('~')?;
    if body.is_empty() || body.starts_with('-') {
        return None;
    }
    Some(decode_base62(body)? / pow10(precision) - offset)
}

pub fn encode_lat(v: f64, precision: u32) -> Option<String> {
    encode_offset(v, 90.0, precision)
}

pub fn decode_lat(s: &str, precision: u32) -> Option<f64> {
    decode_offset(s, 90.0, precision)
}

pub fn encode_lon(v: f64, precision: u32) -> Option<String> {
    encode_offset(v, 180.0, precision)
}

pub fn decode_lon(s: &str, precision: u32) -> Option<f64> {
    decode_offset(s, 180.0, precision)
}

/// Latitude encoding immediately followed by longitude encoding.
pub fn encode_point(lat: f64, lon: f64, precision: u32) -> Option<String> {
    Some(format!(
        "{}{}",
        encode_lat(lat, precision)?,
        encode_lon(lon, precision)?
    ))
}

/// Inverse of [`encode_point`]: `(latitude, longitude)`.
pub fn decode_point(s: &str, precision: u32) -> Option<(f64, f64)> {
    let rest = s.strip_prefix('~')?;
    let (lat, lon) = rest.split_once('~')?;
    Some((
        decode_lat(&format!("~{lat}"), precision)?,
        decode_lon(&format!("~{lon}"), precision)?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn examples() {
        assert_eq!(encode_lat(-23.55052, 6).unwrap(), "~4uOxO");
        assert_eq!(encode_lon(-46.633308, 6).unwrap(), "~91ALG");
        assert_eq!(encode_point(40.7128, -74.006, 6).unwrap(), "~8QsmY~7aJSE");
        assert_eq!(decode_lat("~4uOxO", 6).unwrap(), -23.550520000000006);
        assert_eq!(decode_point("~0~f6ww", 4).unwrap(), (-90.0, 180.0));
    }
}
