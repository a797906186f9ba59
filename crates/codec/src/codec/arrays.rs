//! Pipe-joined arrays: `array|items:string` (with `\` escapes) and number arrays.

use super::decimal::{decode_decimal, decode_integer, encode_decimal, encode_integer};

/// Escapes `\` and `|` inside each item, then joins with `|`. `[]` -> `""`.
pub fn join_strings<S: AsRef<str>>(items: &[S]) -> String {
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push('|');
        }
        for c in item.as_ref().chars() {
            if c == '\\' || c == '|' {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

/// Splits on unescaped `|`; a backslash takes the next character literally. `""` -> `[]`.
/// A trailing lone backslash is kept, as s3db.js does.
pub fn split_strings(s: &str) -> Vec<String> {
    if s.is_empty() {
        return Vec::new();
    }
    let mut items = Vec::new();
    let mut cur = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(n) => cur.push(n),
                None => cur.push('\\'),
            },
            '|' => items.push(std::mem::take(&mut cur)),
            c => cur.push(c),
        }
    }
    items.push(cur);
    items
}

/// Number array: decimal (or integer) base62 per item, joined with `|`.
pub fn join_numbers(items: &[f64], integer: bool) -> Option<String> {
    let parts: Option<Vec<String>> = items
        .iter()
        .map(|n| {
            if integer {
                encode_integer(*n)
            } else {
                encode_decimal(*n)
            }
        })
        .collect();
    Some(parts?.join("|"))
}

/// Inverse of [`join_numbers`]; `None` if any item is not a number.
pub fn split_numbers(s: &str, integer: bool) -> Option<Vec<f64>> {
    if s.is_empty() {
        return Some(Vec::new());
    }
    s.split('|')
        .map(|p| {
            if integer {
                decode_integer(p)
            } else {
                decode_decimal(p)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn string_arrays() {
        assert_eq!(join_strings(&["a|b", "c\\d", ""]), "a\\|b|c\\\\d|");
        assert_eq!(split_strings("a\\|b|c\\\\d|"), ["a|b", "c\\d", ""]);
        assert_eq!(split_strings("|"), ["", ""]);
        assert_eq!(split_strings("trailing\\"), ["trailing\\"]);
        assert!(split_strings("").is_empty());
    }

    #[test]
    fn number_arrays() {
        assert_eq!(
            join_numbers(&[0.0, 1.0, 61.0, 62.0, 100000.0, -7.0], true).unwrap(),
            "0|1|Z|10|q0U|-7"
        );
        assert_eq!(join_numbers(&[1.9, -1.1], true).unwrap(), "1|-2");
        assert_eq!(
            split_numbers("0|1|10|-5|2.5|-0.125", false).unwrap(),
            [0.0, 1.0, 62.0, -5.0, 2.5, -0.125]
        );
    }
}
