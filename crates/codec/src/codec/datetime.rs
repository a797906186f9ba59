//! 21.x `datetime` attributes: base62 of epoch milliseconds (`v2CBSoR`), read back as ISO
//! text (`2025-11-15T12:34:56.789Z`), the form `Date.prototype.toISOString` prints.

use super::base62::{decode_base62, encode_base62};

/// Days from 1970-01-01 to a proleptic Gregorian date.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Inverse of [`days_from_civil`].
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// `new Date(ms).toISOString()` for years 0-9999.
pub fn iso_from_millis(ms: i64) -> Option<String> {
    let days = ms.div_euclid(86_400_000);
    let rem = ms.rem_euclid(86_400_000);
    let (y, m, d) = civil_from_days(days);
    if !(0..=9999).contains(&y) {
        return None;
    }
    let (h, mi, s, milli) = (
        rem / 3_600_000,
        rem / 60_000 % 60,
        rem / 1000 % 60,
        rem % 1000,
    );
    Some(format!(
        "{y:04}-{m:02}-{d:02}T{h:02}:{mi:02}:{s:02}.{milli:03}Z"
    ))
}

/// Epoch milliseconds of an ISO UTC timestamp (`YYYY-MM-DD[THH:MM[:SS[.sss]]Z]`).
pub fn millis_from_iso(s: &str) -> Option<i64> {
    let num = |r: std::ops::Range<usize>| -> Option<i64> {
        let t = s.get(r)?;
        t.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| t.parse().ok())
            .flatten()
    };
    let b = s.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let mut ms = days_from_civil(y, m, d) * 86_400_000;
    if b.len() == 10 {
        return Some(ms);
    }
    let time = s.get(11..)?.strip_suffix('Z')?;
    if b[10] != b'T' || time.len() < 5 || time.as_bytes()[2] != b':' {
        return None;
    }
    ms += num(11..13)? * 3_600_000 + num(14..16)? * 60_000;
    if time.len() >= 8 {
        ms += num(17..19)? * 1000;
    }
    if time.len() > 9 {
        let frac = time.get(9..)?;
        if time.as_bytes()[8] != b'.' || !frac.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        let digits = &frac[..frac.len().min(3)];
        let scale = 10i64.pow(3 - digits.len() as u32);
        ms += digits.parse::<i64>().ok()? * scale;
    }
    Some(ms)
}

/// ISO text -> base62 milliseconds.
pub fn encode_datetime(iso: &str) -> Option<String> {
    encode_base62(millis_from_iso(iso)? as f64)
}

/// base62 milliseconds (or ISO text, which 19.x wrote) -> ISO text.
pub fn decode_datetime(s: &str) -> Option<String> {
    if millis_from_iso(s).is_some() {
        return Some(s.to_string());
    }
    let ms = decode_base62(s)?;
    if !ms.is_finite() || ms.abs() > 8.64e15 {
        return None;
    }
    iso_from_millis(ms as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn v21_timestamps() {
        assert_eq!(
            encode_datetime("2025-11-15T12:34:56.789Z").unwrap(),
            "v2CBSoR"
        );
        assert_eq!(
            decode_datetime("v2CBSoR").unwrap(),
            "2025-11-15T12:34:56.789Z"
        );
        assert_eq!(iso_from_millis(0).unwrap(), "1970-01-01T00:00:00.000Z");
        assert_eq!(millis_from_iso("1969-12-31T23:59:59.999Z"), Some(-1));
        assert_eq!(decode_datetime("!!"), None);
    }
}
