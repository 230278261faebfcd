//! The built-in levels, compiled into the binary so the game needs no files beside it
//! (and runs in the browser). Paths are relative to `levels/`; a test checks that every
//! `.ron` file there is listed.

macro_rules! embed {
    ($($name:literal,)*) => {
        &[$(($name, include_str!(concat!("../../levels/", $name)))),*]
    };
}

const FILES: &[(&str, &str)] = embed![
    "campaign.ron",
    "part1/01-payroll.ron",
    "part1/02-san.ron",
    "part1/03-tokenization.ron",
    "part1/04-phoenix-date.ron",
    "part1/05-audit.ron",
    "part1/06-index-cards.ron",
    "part1/07-mrp8.ron",
    "part1/08-risk-tiers.ron",
    "part1/09-sev1.ron",
    "part1/10-shield.ron",
    "part1/11-carried-over.ron",
    "part1/12-launch.ron",
    "part1/13-fallback.ron",
    "part1/14-drinks.ron",
    "part1/15-fourth-kind.ron",
    "part1/16-invoicing.ron",
    "part2/17-all-hands.ron",
    "part2/18-freeze.ron",
    "part2/20-needs-brent.ron",
    "part2/21-audit-closes.ron",
    "part2/22-kanban.ron",
    "part2/23-handoffs.ron",
    "part2/24-saloon.ron",
    "part2/25-dicks-objectives.ron",
    "part2/27-five-proposals.ron",
    "part2/28-around-the-freeze.ron",
    "part2/29-batch-size.ron",
    "part3/30-pipeline.ron",
    "part3/32-unicorn.ron",
    "part3/33-cloud.ron",
    "part3/34-black-friday.ron",
    "part3/35-cycles.ron",
];

pub fn file(name: &str) -> Option<&'static str> {
    FILES.iter().find(|(n, _)| *n == name).map(|(_, src)| *src)
}

/// The names of every built-in file.
pub fn names() -> impl Iterator<Item = &'static str> {
    FILES.iter().map(|(n, _)| *n)
}
