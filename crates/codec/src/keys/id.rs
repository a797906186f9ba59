//! Record ids: validation (19.x rules) and generation (nanoid URL alphabet).

use crate::error::{CodecError, Result};

/// nanoid's URL alphabet, in nanoid's order.
pub const URL_ALPHABET: &[u8; 64] =
    b"useandom-26T198340PX75pxJACKVERYMINDBUSHWOLF_GQZbfghjklqvwyzrict";

/// Default id length.
pub const DEFAULT_ID_SIZE: usize = 22;

/// Characters 19.x refuses in ids and other key segments (resource names, partition values):
/// they would change the key's path or partition syntax.
pub const UNSAFE_KEY_CHARS: &[char] = &['/', '\\', '=', '%'];

/// [`UNSAFE_KEY_CHARS`] as a byte table, built from it at compile time: the scan below runs on
/// every id of every call. All of them are ASCII (a non-ASCII entry fails the build here), so a
/// byte scan finds the same first one.
const UNSAFE_BYTES: [bool; 128] = {
    let mut table = [false; 128];
    let mut i = 0;
    while i < UNSAFE_KEY_CHARS.len() {
        table[UNSAFE_KEY_CHARS[i] as usize] = true;
        i += 1;
    }
    table
};

/// The first character of `segment` that [`UNSAFE_KEY_CHARS`] refuses, if any.
pub fn first_unsafe_char(segment: &str) -> Option<char> {
    segment
        .bytes()
        .find(|&b| b.is_ascii() && UNSAFE_BYTES[b as usize])
        .map(char::from)
}

/// Rejects empty ids and ids containing `/ \ = %`.
pub fn validate_id(id: &str) -> Result<()> {
    if id.is_empty() {
        return Err(CodecError::InvalidId("Resource id cannot be empty".into()));
    }
    if let Some(c) = first_unsafe_char(id) {
        return Err(CodecError::InvalidId(format!(
            "Invalid id: contains unsafe character '{c}'"
        )));
    }
    Ok(())
}

/// A random id of `size` characters from [`URL_ALPHABET`] (64 symbols, so masking a random
/// byte to 6 bits is unbiased).
pub fn generate_id(size: usize) -> Result<String> {
    let mut bytes = vec![0u8; size];
    getrandom::fill(&mut bytes)
        .map_err(|e| CodecError::Crypto(format!("random source failed: {e}")))?;
    Ok(bytes
        .iter()
        .map(|b| URL_ALPHABET[(b & 63) as usize] as char)
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        assert!(validate_id("abc-123_X").is_ok());
        assert_eq!(
            validate_id("a/b").unwrap_err().to_string(),
            "Invalid id: contains unsafe character '/'"
        );
        assert!(validate_id("").is_err());
        assert!(validate_id("a%b").is_err());
        let id = generate_id(DEFAULT_ID_SIZE).unwrap();
        assert_eq!(id.len(), 22);
        assert!(id.bytes().all(|b| URL_ALPHABET.contains(&b)));
        assert_eq!(generate_id(8).unwrap().len(), 8);
    }

    #[test]
    fn unsafe_chars() {
        assert_eq!(first_unsafe_char("a-b_c.d"), None);
        assert_eq!(first_unsafe_char("a=b/c"), Some('='));
        assert_eq!(first_unsafe_char("a\\b"), Some('\\'));
        assert_eq!(first_unsafe_char("50%"), Some('%'));
        assert_eq!(first_unsafe_char(""), None);
        assert_eq!(UNSAFE_KEY_CHARS.iter().collect::<String>(), "/\\=%");
        // The byte scan and the published list name the same characters, and only those.
        for c in (0u8..=127).map(char::from).chain(['é', '€']) {
            let found = first_unsafe_char(&format!("ok{c}")) == Some(c);
            assert_eq!(found, UNSAFE_KEY_CHARS.contains(&c), "{c:?}");
        }
    }
}
