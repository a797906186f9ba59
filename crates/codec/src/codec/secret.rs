//! `secret` attributes: AES-256-GCM with a PBKDF2-HMAC-SHA256 key (storage spec §5.1).
//!
//! Stored text is `base64(salt[16] | iv[12] | ciphertext | tag[16])`. Reads peel one or two
//! layers (19.x writes two); writes produce one layer. Deriving a key costs 100,000 HMAC
//! rounds, so derived keys are cached per (passphrase, salt) and writes reuse one random salt
//! per process and passphrase, while every write still gets a fresh random IV.

use crate::error::{CodecError, Result};
use aes_gcm::aead::{Aead, KeyInit};
use aes_gcm::{Aes256Gcm, Nonce};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

pub const PBKDF2_ITERATIONS: u32 = 100_000;
const SALT_LEN: usize = 16;
const IV_LEN: usize = 12;
const TAG_LEN: usize = 16;
const MIN_BLOB: usize = SALT_LEN + IV_LEN + TAG_LEN;
/// Bound on cached keys so a bucket full of distinct salts cannot grow memory without limit.
const KEY_CACHE_CAP: usize = 4096;

type KeyCache = Mutex<HashMap<(String, [u8; SALT_LEN]), [u8; 32]>>;

fn key_cache() -> &'static KeyCache {
    static CACHE: OnceLock<KeyCache> = OnceLock::new();
    CACHE.get_or_init(|| Mutex::new(HashMap::new()))
}

/// PBKDF2-HMAC-SHA256(passphrase, salt, 100k) -> 32-byte key, uncached.
pub fn derive_key_uncached(passphrase: &str, salt: &[u8]) -> [u8; 32] {
    super::pbkdf2::pbkdf2_hmac_sha256(passphrase.as_bytes(), salt, PBKDF2_ITERATIONS)
}

/// The derived key for (passphrase, salt), computed once per process.
pub fn derive_key(passphrase: &str, salt: &[u8; SALT_LEN]) -> [u8; 32] {
    let id = (passphrase.to_string(), *salt);
    if let Ok(cache) = key_cache().lock() {
        if let Some(k) = cache.get(&id) {
            return *k;
        }
    }
    let key = derive_key_uncached(passphrase, salt);
    if let Ok(mut cache) = key_cache().lock() {
        if cache.len() >= KEY_CACHE_CAP {
            cache.clear();
        }
        cache.insert(id, key);
    }
    key
}

fn random_bytes<const N: usize>() -> Result<[u8; N]> {
    let mut b = [0u8; N];
    getrandom::fill(&mut b)
        .map_err(|e| CodecError::Crypto(format!("random source failed: {e}")))?;
    Ok(b)
}

/// The salt this process uses for writes under `passphrase`.
fn write_salt(passphrase: &str) -> Result<[u8; SALT_LEN]> {
    static SALTS: OnceLock<Mutex<HashMap<String, [u8; SALT_LEN]>>> = OnceLock::new();
    let salts = SALTS.get_or_init(|| Mutex::new(HashMap::new()));
    let mut map = salts
        .lock()
        .map_err(|_| CodecError::Crypto("salt table poisoned".into()))?;
    if let Some(s) = map.get(passphrase) {
        return Ok(*s);
    }
    let s = random_bytes::<SALT_LEN>()?;
    map.insert(passphrase.to_string(), s);
    Ok(s)
}

/// Encrypts with an explicit salt and IV (known-answer tests; production uses [`encrypt`]).
pub fn encrypt_with(
    plaintext: &str,
    passphrase: &str,
    salt: &[u8; SALT_LEN],
    iv: &[u8; IV_LEN],
) -> Result<String> {
    let key = derive_key(passphrase, salt);
    let cipher = Aes256Gcm::new_from_slice(&key).map_err(|e| CodecError::Crypto(e.to_string()))?;
    let nonce = Nonce::try_from(&iv[..]).map_err(|_| CodecError::Crypto("bad IV length".into()))?;
    let sealed = cipher
        .encrypt(&nonce, plaintext.as_bytes())
        .map_err(|_| CodecError::Crypto("encryption failed".into()))?;
    let mut blob = Vec::with_capacity(SALT_LEN + IV_LEN + sealed.len());
    blob.extend_from_slice(salt);
    blob.extend_from_slice(iv);
    blob.extend_from_slice(&sealed);
    Ok(STANDARD.encode(blob))
}

/// One encryption layer with the per-process salt and a fresh random IV.
pub fn encrypt(plaintext: &str, passphrase: &str) -> Result<String> {
    let salt = write_salt(passphrase)?;
    let iv = random_bytes::<IV_LEN>()?;
    encrypt_with(plaintext, passphrase, &salt, &iv)
}

/// Whether `s` has the shape of a stored secret (cheap check before paying for PBKDF2).
pub fn looks_encrypted(s: &str) -> bool {
    s.len() >= 60
        && s.len().is_multiple_of(4)
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='))
}

/// Removes one encryption layer.
pub fn decrypt_once(stored: &str, passphrase: &str) -> Result<String> {
    let blob = STANDARD
        .decode(stored.trim())
        .map_err(|_| CodecError::Crypto("secret is not base64".into()))?;
    if blob.len() < MIN_BLOB {
        return Err(CodecError::Crypto("secret is truncated".into()));
    }
    let mut salt = [0u8; SALT_LEN];
    salt.copy_from_slice(&blob[..SALT_LEN]);
    let iv = &blob[SALT_LEN..SALT_LEN + IV_LEN];
    let key = derive_key(passphrase, &salt);
    let cipher = Aes256Gcm::new_from_slice(&key).map_err(|e| CodecError::Crypto(e.to_string()))?;
    let nonce = Nonce::try_from(iv).map_err(|_| CodecError::Crypto("bad IV length".into()))?;
    let plain = cipher
        .decrypt(&nonce, &blob[SALT_LEN + IV_LEN..])
        .map_err(|_| CodecError::Crypto("wrong passphrase or corrupted secret".into()))?;
    String::from_utf8(plain).map_err(|_| CodecError::Crypto("secret plaintext is not UTF-8".into()))
}

/// Decrypts a stored secret, peeling a second layer when the first yields another ciphertext
/// under the same passphrase (19.x double encryption). Never more than two layers.
pub fn decrypt(stored: &str, passphrase: &str) -> Result<String> {
    let first = decrypt_once(stored, passphrase)?;
    if looks_encrypted(&first) {
        if let Ok(second) = decrypt_once(&first, passphrase) {
            return Ok(second);
        }
    }
    Ok(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SALT: [u8; 16] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];
    const IV: [u8; 12] = [16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27];

    #[test]
    fn known_answer() {
        let out = encrypt_with("sk_live_123", "my-pass-phrase", &SALT, &IV).unwrap();
        assert_eq!(
            out,
            "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaG++9pgfV9MTu3YYa7BnRuESj2LaFyXKCC3KqEw=="
        );
        assert_eq!(decrypt(&out, "my-pass-phrase").unwrap(), "sk_live_123");
    }

    #[test]
    fn corrupt_inputs_are_errors() {
        assert!(decrypt("not base64!", "p").is_err());
        assert!(decrypt("AAAA", "p").is_err());
        let out = encrypt_with("x", "my-pass-phrase", &SALT, &IV).unwrap();
        assert!(decrypt(&out, "wrong").is_err());
        assert!(decrypt(&out[..out.len() - 8], "my-pass-phrase").is_err());
    }

    #[test]
    fn random_writes_differ_but_share_salt() {
        let a = encrypt("v", "pp-test").unwrap();
        let b = encrypt("v", "pp-test").unwrap();
        assert_ne!(a, b);
        assert_eq!(
            STANDARD.decode(&a).unwrap()[..16],
            STANDARD.decode(&b).unwrap()[..16]
        );
        assert_eq!(decrypt(&a, "pp-test").unwrap(), "v");
    }
}
