//! An approximation of `String.prototype.localeCompare` (ICU root collation), used to order the
//! field segments of partition keys. Exact for ASCII: punctuation and symbols sort before
//! digits, digits before letters, letters compare case-insensitively first and lower-case
//! before upper-case on a tie. Other characters sort after ASCII letters by code point.

use std::cmp::Ordering;

/// ASCII punctuation and symbols in ICU root order (all before digits).
const SYMBOL_ORDER: &str = "\t\n\u{b}\u{c}\r _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$";

fn primary(c: char) -> u32 {
    if let Some(i) = SYMBOL_ORDER.find(c) {
        return i as u32;
    }
    if c.is_ascii_digit() {
        return 100 + (c as u32 - '0' as u32);
    }
    if c.is_ascii_alphabetic() {
        return 200 + (c.to_ascii_lowercase() as u32 - 'a' as u32);
    }
    if (c as u32) < 0x80 {
        // Remaining ASCII controls: ignorable in ICU; keep them first and stable.
        return 0;
    }
    1000 + c as u32
}

fn tertiary(c: char) -> u32 {
    u32::from(c.is_ascii_uppercase())
}

/// `a.localeCompare(b)` for the strings that appear as attribute paths.
pub fn locale_compare(a: &str, b: &str) -> Ordering {
    let pa = a.chars().map(primary);
    let pb = b.chars().map(primary);
    pa.cmp(pb)
        .then_with(|| a.chars().map(tertiary).cmp(b.chars().map(tertiary)))
        .then_with(|| a.cmp(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spec_example_order() {
        let mut v = vec!["zone", "x10", "Beta", "alpha"];
        v.sort_by(|a, b| locale_compare(a, b));
        assert_eq!(v, ["alpha", "Beta", "x10", "zone"]);
    }

    #[test]
    fn case_and_punctuation() {
        assert_eq!(locale_compare("a", "A"), Ordering::Less);
        assert_eq!(locale_compare("A", "b"), Ordering::Less);
        assert_eq!(locale_compare("a_b", "a1"), Ordering::Less);
        assert_eq!(locale_compare("a.b", "ab"), Ordering::Less);
        assert_eq!(locale_compare("9", "a"), Ordering::Less);
    }
}
