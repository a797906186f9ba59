//! `ip4` / `ip6`: base64 of the address bytes. Parsing and printing are strict and total.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use std::net::{Ipv4Addr, Ipv6Addr};

/// Dotted IPv4 -> base64 of 4 bytes. `None` if not a valid dotted quad.
pub fn encode_ipv4(s: &str) -> Option<String> {
    let addr: Ipv4Addr = s.trim().parse().ok()?;
    Some(STANDARD.encode(addr.octets()))
}

/// base64 of 4 bytes -> dotted IPv4.
pub fn decode_ipv4(s: &str) -> Option<String> {
    let bytes = STANDARD.decode(s).ok()?;
    let octets: [u8; 4] = bytes.try_into().ok()?;
    Some(Ipv4Addr::from(octets).to_string())
}

/// IPv6 text (any valid form, incl. embedded IPv4) -> base64 of the 16 bytes.
pub fn encode_ipv6(s: &str) -> Option<String> {
    let addr: Ipv6Addr = s.trim().parse().ok()?;
    Some(STANDARD.encode(addr.octets()))
}

/// base64 of 16 bytes -> compressed IPv6 text (longest run of >= 2 zero groups becomes `::`).
pub fn decode_ipv6(s: &str) -> Option<String> {
    let bytes = STANDARD.decode(s).ok()?;
    let octets: [u8; 16] = bytes.try_into().ok()?;
    let groups: Vec<u16> = octets
        .chunks(2)
        .map(|c| u16::from_be_bytes([c[0], c[1]]))
        .collect();
    Some(compress_groups(&groups))
}

/// Hex groups without leading zeros, the first longest zero run of two or more as `::`.
fn compress_groups(groups: &[u16]) -> String {
    let (mut best_start, mut best_len) = (usize::MAX, 0);
    let mut i = 0;
    while i < groups.len() {
        if groups[i] == 0 {
            let start = i;
            while i < groups.len() && groups[i] == 0 {
                i += 1;
            }
            if i - start > best_len {
                best_start = start;
                best_len = i - start;
            }
        } else {
            i += 1;
        }
    }
    let hex = |g: &[u16]| {
        g.iter()
            .map(|x| format!("{x:x}"))
            .collect::<Vec<_>>()
            .join(":")
    };
    if best_len < 2 {
        return hex(groups);
    }
    format!(
        "{}::{}",
        hex(&groups[..best_start]),
        hex(&groups[best_start + best_len..])
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        assert_eq!(encode_ipv4("192.168.0.1").unwrap(), "wKgAAQ==");
        assert_eq!(decode_ipv4("CgoBAQ==").unwrap(), "10.10.1.1");
        assert_eq!(
            encode_ipv6("2001:db8::1").unwrap(),
            "IAENuAAAAAAAAAAAAAAAAQ=="
        );
        assert_eq!(
            decode_ipv6("/oAAAAAAAAACAPj//iFnzw==").unwrap(),
            "fe80::200:f8ff:fe21:67cf"
        );
        assert_eq!(decode_ipv6("AAAAAAAAAAAAAAAAAAAAAA==").unwrap(), "::");
        assert_eq!(decode_ipv6("AAAAAAAAAAAAAAAAAAAAAQ==").unwrap(), "::1");
        assert_eq!(encode_ipv4("300.1.1.1"), None);
        assert_eq!(decode_ipv4("!!"), None);
    }
}
