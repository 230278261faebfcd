//! Class codes: a short code the instructor gives out. It names the class and fixes the
//! campaign's seed, so every student plays the same chapters.

/// A class code, tidied: letters and digits upper-cased, anything else between them one dash.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClassCode(String);

/// Codes are short so they can be read out and typed.
pub const MAX_LEN: usize = 24;

impl ClassCode {
    /// `" devops 7b "` → `DEVOPS-7B`. `None` when no letter or digit is left.
    pub fn parse(text: &str) -> Option<Self> {
        let mut code = String::new();
        let mut gap = false;
        for c in text.chars() {
            if c.is_ascii_alphanumeric() {
                if gap && !code.is_empty() {
                    code.push('-');
                }
                gap = false;
                code.push(c.to_ascii_uppercase());
            } else {
                gap = true;
            }
        }
        (!code.is_empty() && code.len() <= MAX_LEN).then_some(Self(code))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The campaign seed: a 64-bit FNV-1a hash of the tidied code, so it is the same on
    /// every machine and every build.
    pub fn seed(&self) -> u64 {
        fnv1a(self.0.as_bytes())
    }
}

impl std::fmt::Display for ClassCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// 64-bit FNV-1a: small, stable and well known; enough to spot a changed byte.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_tidied_the_same_way_everywhere() {
        let a = ClassCode::parse(" devops 7b ").unwrap();
        let b = ClassCode::parse("DEVOPS-7B").unwrap();
        assert_eq!(a, b);
        assert_eq!(a.as_str(), "DEVOPS-7B");
        assert_eq!(a.seed(), b.seed());
        assert_ne!(a.seed(), ClassCode::parse("DEVOPS-7C").unwrap().seed());
        assert_eq!(ClassCode::parse("  -- "), None);
        assert_eq!(ClassCode::parse(&"X".repeat(MAX_LEN + 1)), None);
    }

    #[test]
    fn the_hash_is_the_published_fnv1a() {
        // Reference values of 64-bit FNV-1a.
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
