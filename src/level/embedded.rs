//! The built-in levels, compiled into the binary so the game needs no files beside it
//! (and runs in the browser). Paths are relative to `levels/`.

const FILES: &[(&str, &str)] = &[
    ("campaign.ron", include_str!("../../levels/campaign.ron")),
    (
        "part1/01-payroll.ron",
        include_str!("../../levels/part1/01-payroll.ron"),
    ),
    (
        "part1/02-san.ron",
        include_str!("../../levels/part1/02-san.ron"),
    ),
    (
        "part1/03-tokenization.ron",
        include_str!("../../levels/part1/03-tokenization.ron"),
    ),
];

pub fn file(name: &str) -> Option<&'static str> {
    FILES.iter().find(|(n, _)| *n == name).map(|(_, src)| *src)
}

/// The names of every built-in file.
pub fn names() -> impl Iterator<Item = &'static str> {
    FILES.iter().map(|(n, _)| *n)
}
