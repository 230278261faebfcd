//! The placeholders a discussion question may hold, such as `{peak_queue:brent}`: their names,
//! what each shows, and the check that a level names only real ones. The simulation fills
//! them in (`sim::questions::fill`) with the player's own numbers.

use std::collections::BTreeSet;

/// Placeholders that take no argument, and what they show.
pub const CHAPTER_PLACEHOLDERS: &[(&str, &str)] = &[
    ("lead_time", "mean hours from release to done"),
    ("throughput", "planned tickets finished a day"),
    (
        "unplanned_share",
        "percent of hours spent on unplanned work",
    ),
    ("time_to_restore", "mean hours to restore a Sev 1"),
    ("revenue_lost", "dollars lost to outages"),
    ("failed_changes", "changes that failed"),
    ("sev1s", "Sev 1 outages"),
    ("wip", "mean tickets in process"),
    ("deploys", "deployments a day"),
    ("change_fail_rate", "percent of deployments that failed"),
];

/// Placeholders that name a team member after a colon, as in `{utilization:brent}`.
pub const PERSON_PLACEHOLDERS: &[(&str, &str)] = &[
    (
        "peak_queue",
        "the most hours of work ever waiting in their queue",
    ),
    (
        "peak_queue_when",
        "when their queue peaked, as \"Day 2, 11:00\"",
    ),
    ("utilization", "percent of their hours spent busy"),
    ("wait", "mean hours work waited in their queue"),
];

/// What stands between each `{` and the next `}`.
pub fn placeholders(text: &str) -> impl Iterator<Item = &str> {
    text.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(inside, _)| inside))
}

/// What is wrong with a question's placeholders, given the team's ids.
pub fn check(text: &str, team: &BTreeSet<String>) -> Vec<String> {
    let mut problems = Vec::new();
    for inside in placeholders(text) {
        match inside.split_once(':') {
            Some((name, person)) => {
                if !PERSON_PLACEHOLDERS.iter().any(|(n, _)| *n == name) {
                    problems.push(format!("unknown placeholder `{{{inside}}}` in a question"));
                } else if !team.contains(person) {
                    problems.push(format!(
                        "unknown person `{person}` in `{{{inside}}}`: not on the team"
                    ));
                }
            }
            None => {
                if !CHAPTER_PLACEHOLDERS.iter().any(|(n, _)| *n == inside) {
                    problems.push(format!("unknown placeholder `{{{inside}}}` in a question"));
                }
            }
        }
    }
    problems
}
