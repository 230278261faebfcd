//! Finds where in a RON file a semantic error lives, so messages carry line and column.
//!
//! RON gives positions only for syntax errors. For a value that parses but makes no sense
//! (an unknown person, say) we walk the source text along a path of anchors: a field
//! name, then the id of the item, then the offending value. Each anchor is searched after
//! the previous one, so `[field("tickets"), text("deploy"), text("dba")]` finds the `"dba"`
//! inside the `deploy` ticket, not an earlier one elsewhere.

/// One step of a path through the source.
#[derive(Clone, Debug)]
pub enum Anchor {
    /// `name:` as a field key.
    Field(String),
    /// A quoted string `"text"`.
    Text(String),
    /// Source text exactly as written.
    Raw(String),
    /// The n-th (from 0) `name:` field after the previous anchor, for the n-th item of a list
    /// whose items carry no id.
    Nth(String, usize),
}

pub fn field(name: &str) -> Anchor {
    Anchor::Field(name.to_owned())
}

pub fn text(value: &str) -> Anchor {
    Anchor::Text(value.to_owned())
}

pub fn raw(value: &str) -> Anchor {
    Anchor::Raw(value.to_owned())
}

pub fn nth(name: &str, n: usize) -> Anchor {
    Anchor::Nth(name.to_owned(), n)
}

/// A 1-based line and column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub col: usize,
}

/// The position of the deepest anchor found along `path` (1:1 when none is).
pub fn locate(src: &str, path: &[Anchor]) -> Position {
    let mut from = 0;
    let mut found = 0;
    for anchor in path {
        match find_anchor(src, from, anchor) {
            Some(at) => {
                found = at;
                from = at + 1;
            }
            None => break,
        }
    }
    position_of(src, found)
}

fn find_anchor(src: &str, from: usize, anchor: &Anchor) -> Option<usize> {
    let rest = src.get(from..)?;
    match anchor {
        Anchor::Raw(s) => rest.find(s.as_str()).map(|i| from + i),
        Anchor::Nth(name, n) => {
            let mut at = from;
            for _ in 0..*n {
                at = find_anchor(src, at, &Anchor::Field(name.clone()))? + 1;
            }
            find_anchor(src, at, &Anchor::Field(name.clone()))
        }
        Anchor::Text(s) => rest.find(&format!("\"{s}\"")).map(|i| from + i),
        Anchor::Field(name) => {
            let mut start = 0;
            while let Some(i) = rest[start..].find(name.as_str()) {
                let at = start + i;
                let before_ok = at == 0
                    || !rest[..at]
                        .chars()
                        .next_back()
                        .is_some_and(|c| c.is_alphanumeric() || c == '_');
                let after = rest[at + name.len()..].trim_start();
                if before_ok && after.starts_with(':') {
                    return Some(from + at);
                }
                start = at + name.len();
            }
            None
        }
    }
}

fn position_of(src: &str, offset: usize) -> Position {
    let before = &src[..offset.min(src.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Position { line, col }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = "Level(\n  tickets: [\n    (id: \"a\", skill: \"db\"),\n    (id: \"b\", skill: \"db\"),\n  ],\n)";

    #[test]
    fn follows_the_path_to_the_second_item() {
        let at = locate(SRC, &[field("tickets"), text("b"), text("db")]);
        assert_eq!(at, Position { line: 4, col: 22 });
    }

    #[test]
    fn stops_at_the_deepest_anchor_found() {
        let at = locate(SRC, &[field("tickets"), text("zzz")]);
        assert_eq!(at, Position { line: 2, col: 3 });
    }

    #[test]
    fn a_field_needs_its_colon() {
        let at = locate("skills_x: 1, skill: 2", &[field("skill")]);
        assert_eq!(at.col, 14);
    }
}
