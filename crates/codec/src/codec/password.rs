//! `password` attributes: bcrypt, stored compact (storage spec §5.3).
//!
//! seed/19.x store the 53 characters after `$2b$NN$` (cost implied by `bcryptRounds`);
//! 21.x stores `$<base62 cost>$<53 chars>`. Both are read; the 53-char form is written.

use super::base62::{decode_base62, encode_base62};
use crate::error::{CodecError, Result};

pub const DEFAULT_ROUNDS: u32 = 10;
const COMPACT_LEN: usize = 53;

fn is_bcrypt_alphabet(s: &str) -> bool {
    s.bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'/')
}

/// Hashes `plain` with bcrypt at `rounds` and returns the 53-char compact form.
pub fn hash_compact(plain: &str, rounds: u32) -> Result<String> {
    let full =
        bcrypt::hash(plain, rounds).map_err(|e| CodecError::Crypto(format!("bcrypt: {e}")))?;
    compact(&full).ok_or_else(|| CodecError::Crypto("bcrypt produced an unexpected hash".into()))
}

/// `$2b$10$<53>` -> `<53>`.
pub fn compact(full: &str) -> Option<String> {
    let rest = full.strip_prefix('$')?;
    let mut parts = rest.splitn(3, '$');
    let (_version, _cost, body) = (parts.next()?, parts.next()?, parts.next()?);
    (body.len() == COMPACT_LEN && is_bcrypt_alphabet(body)).then(|| body.to_string())
}

/// Any stored form -> full `$2b$NN$...` hash. `default_rounds` is used when the cost is implied.
pub fn expand(stored: &str, default_rounds: u32) -> Option<String> {
    if stored.len() == COMPACT_LEN && is_bcrypt_alphabet(stored) {
        return Some(format!("$2b${default_rounds:02}${stored}"));
    }
    let rest = stored.strip_prefix('$')?;
    let (head, body) = rest.split_once('$')?;
    if body.len() == COMPACT_LEN && is_bcrypt_alphabet(body) {
        // 21.x: `$<base62 cost>$body`.
        let cost = decode_base62(head)?;
        if !(4.0..=31.0).contains(&cost) {
            return None;
        }
        return Some(format!("$2b${:02}${body}", cost as u32));
    }
    // Already a full hash (`$2a$`, `$2b$`, `$2y$`).
    compact(stored).map(|_| stored.to_string())
}

/// The 21.x compact form, for callers that need to write it.
pub fn compact_v21(full: &str) -> Option<String> {
    let rest = full.strip_prefix('$')?;
    let mut parts = rest.splitn(3, '$');
    let (_v, cost, body) = (parts.next()?, parts.next()?, parts.next()?);
    let cost: u32 = cost.parse().ok()?;
    Some(format!("${}${body}", encode_base62(cost as f64)?))
}

/// Checks a plaintext against any stored form. Malformed hashes verify as false.
pub fn verify(plain: &str, stored: &str, default_rounds: u32) -> bool {
    match expand(stored, default_rounds) {
        Some(full) => bcrypt::verify(plain, &full).unwrap_or(false),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        let s = "lY08KiU5PcWNqoEPI543OeQX/OLmcVgg8SeMKCRm0YVd/xAEFDWEu";
        assert_eq!(expand(s, 10).unwrap(), format!("$2b$10${s}"));
        assert_eq!(
            expand(
                "$c$3VwXpEBNnZjiVynaNK0MDeMM8CCTU0nGbZ/DlJr4WsnRCSYOBRlmW",
                10
            )
            .unwrap(),
            "$2b$12$3VwXpEBNnZjiVynaNK0MDeMM8CCTU0nGbZ/DlJr4WsnRCSYOBRlmW"
        );
        assert_eq!(
            compact_v21("$2b$12$3VwXpEBNnZjiVynaNK0MDeMM8CCTU0nGbZ/DlJr4WsnRCSYOBRlmW").unwrap(),
            "$c$3VwXpEBNnZjiVynaNK0MDeMM8CCTU0nGbZ/DlJr4WsnRCSYOBRlmW"
        );
        assert_eq!(expand("garbage", 10), None);
        assert!(!verify("x", "garbage", 10));
    }

    #[test]
    fn hash_and_verify() {
        let h = hash_compact("correct horse", 4).unwrap();
        assert_eq!(h.len(), 53);
        assert!(verify("correct horse", &h, 4));
        assert!(!verify("wrong", &h, 4));
    }
}
