//! PBKDF2-HMAC-SHA256 for one 32-byte block, written over the raw SHA-256 compression so that
//! each of the 100,000 iterations costs exactly two compressions (HMAC's keyed inner and
//! outer states are computed once). Checked against the known-answer keys of the storage spec.

use sha2::block_api::compress256;
use sha2::{Digest, Sha256};

const IV: [u32; 8] = [
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
];

/// HMAC key block: the passphrase, or its SHA-256 when longer than a block, zero-padded.
fn key_block(passphrase: &[u8]) -> [u8; 64] {
    let mut block = [0u8; 64];
    if passphrase.len() > 64 {
        block[..32].copy_from_slice(&Sha256::digest(passphrase));
    } else {
        block[..passphrase.len()].copy_from_slice(passphrase);
    }
    block
}

fn xor_block(key: &[u8; 64], pad: u8) -> [u8; 64] {
    let mut b = *key;
    b.iter_mut().for_each(|x| *x ^= pad);
    b
}

/// State after absorbing one 64-byte block.
fn keyed_state(block: &[u8; 64]) -> [u32; 8] {
    let mut s = IV;
    compress256(&mut s, &[*block]);
    s
}

/// SHA-256 of (the 64 bytes behind `state`) ‖ `msg` for a 32-byte `msg`: a single block.
fn finish32(state: &[u32; 8], msg: &[u8; 32]) -> [u8; 32] {
    let mut block = [0u8; 64];
    block[..32].copy_from_slice(msg);
    block[32] = 0x80;
    block[56..].copy_from_slice(&((64u64 + 32) * 8).to_be_bytes());
    let mut s = *state;
    compress256(&mut s, &[block]);
    let mut out = [0u8; 32];
    for (chunk, word) in out.chunks_exact_mut(4).zip(s) {
        chunk.copy_from_slice(&word.to_be_bytes());
    }
    out
}

/// The first 32 bytes of PBKDF2-HMAC-SHA256(passphrase, salt, iterations).
pub fn pbkdf2_hmac_sha256(passphrase: &[u8], salt: &[u8], iterations: u32) -> [u8; 32] {
    let key = key_block(passphrase);
    let ipad = xor_block(&key, 0x36);
    let inner = keyed_state(&ipad);
    let outer = keyed_state(&xor_block(&key, 0x5c));
    let first_inner: [u8; 32] = Sha256::new()
        .chain_update(ipad)
        .chain_update(salt)
        .chain_update(1u32.to_be_bytes())
        .finalize()
        .into();
    let mut u = finish32(&outer, &first_inner);
    let mut t = u;
    for _ in 1..iterations {
        u = finish32(&outer, &finish32(&inner, &u));
        t.iter_mut().zip(u).for_each(|(a, b)| *a ^= b);
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc7914_vector() {
        // RFC 7914 §11: PBKDF2-HMAC-SHA256("passwd", "salt", 1), first 32 bytes.
        let k = pbkdf2_hmac_sha256(b"passwd", b"salt", 1);
        let hex: String = k.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(
            hex,
            "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
        );
    }

    #[test]
    fn long_passphrases_are_hashed_first() {
        let long = [7u8; 100];
        assert_eq!(
            pbkdf2_hmac_sha256(&long, b"s", 3),
            pbkdf2_hmac_sha256(&Sha256::digest(long), b"s", 3)
        );
    }
}
