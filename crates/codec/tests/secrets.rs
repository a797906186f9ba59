//! `secrets.json`: AES-GCM known answers, one- and two-layer storage, real random values,
//! and bcrypt passwords in every stored form.

mod common;

use common::fixture;
use s3db_codec::codec::{password, secret};

fn hex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

#[test]
fn known_answers_encrypt_byte_for_byte() {
    let v = fixture("secrets.json");
    for case in v["deterministicKnownAnswer"]["vectors"].as_array().unwrap() {
        let pass = case["passphrase"].as_str().unwrap();
        let salt: [u8; 16] = hex(case["saltHex"].as_str().unwrap()).try_into().unwrap();
        let iv: [u8; 12] = hex(case["ivHex"].as_str().unwrap()).try_into().unwrap();
        let key = secret::derive_key(pass, &salt);
        assert_eq!(key.to_vec(), hex(case["derivedKeyHex"].as_str().unwrap()));
        let out =
            secret::encrypt_with(case["plaintext"].as_str().unwrap(), pass, &salt, &iv).unwrap();
        assert_eq!(out, case["ciphertextBase64"].as_str().unwrap());
        assert_eq!(
            secret::decrypt(&out, pass).unwrap(),
            case["plaintext"].as_str().unwrap()
        );
    }
}

#[test]
fn layered_and_random_values_decrypt() {
    let v = fixture("secrets.json");
    for version in ["seed_16_2_0", "v19_5_10"] {
        for case in v["storageLayering"][version].as_array().unwrap() {
            let pass = case["passphrase"].as_str().unwrap();
            let stored = case["storedMetadataValue"].as_str().unwrap();
            assert_eq!(
                secret::decrypt_once(stored, pass).unwrap(),
                case["outerDecryptsTo"].as_str().unwrap()
            );
            assert_eq!(
                secret::decrypt(stored, pass).unwrap(),
                case["plaintext"].as_str().unwrap()
            );
        }
    }
    for (i, case) in v["randomFromVectorRuns"]["values"]
        .as_array()
        .unwrap()
        .iter()
        .enumerate()
    {
        let pass = case["passphrase"].as_str().unwrap();
        let stored = case["storedMetadataValue"].as_str().unwrap();
        assert_eq!(
            secret::decrypt(stored, pass).unwrap(),
            case["expectedPlaintext"].as_str().unwrap(),
            "{case}"
        );
        if i == 0 {
            // Each wrong-passphrase attempt pays a full key derivation: one is enough.
            assert!(secret::decrypt(stored, "wrong passphrase").is_err());
        }
    }
}

#[test]
fn stored_passwords_verify() {
    let v = fixture("secrets.json");
    for (i, case) in v["passwords"].as_array().unwrap().iter().enumerate() {
        let stored = case["storedMetadataValue"].as_str().unwrap();
        assert_eq!(
            password::expand(stored, 10).unwrap(),
            case["expandTo"].as_str().unwrap()
        );
        assert!(
            password::verify(case["plaintext"].as_str().unwrap(), stored, 10),
            "{case}"
        );
        if i == 0 {
            assert!(!password::verify("wrong", stored, 10));
        }
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
    #[test]
    fn pbkdf2_matches_the_reference_crate(pass in proptest::collection::vec(0u8..=255, 0..100), salt in proptest::collection::vec(0u8..=255, 0..40), rounds in 1u32..20) {
        let mut want = [0u8; 32];
        pbkdf2::pbkdf2_hmac::<sha2::Sha256>(&pass, &salt, rounds, &mut want);
        proptest::prop_assert_eq!(s3db_codec::codec::pbkdf2::pbkdf2_hmac_sha256(&pass, &salt, rounds), want);
    }
}
