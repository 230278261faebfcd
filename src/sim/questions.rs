//! Discussion questions filled in with the player's own numbers: a level writes
//! `{peak_queue:brent}` and the debrief shows "9.0".

use std::collections::BTreeSet;

use super::clock::Clock;
use super::metrics::Summary;

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

fn placeholders(text: &str) -> impl Iterator<Item = &str> {
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

/// The question with every placeholder replaced by the measured value.
pub fn fill(text: &str, summary: &Summary) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        let inside = &rest[open + 1..open + close];
        out.push_str(&value(inside, summary).unwrap_or_else(|| format!("{{{inside}}}")));
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

fn hours(value: Option<f64>) -> String {
    value.map_or("no".to_owned(), |h| format!("{h:.1}"))
}

fn value(inside: &str, s: &Summary) -> Option<String> {
    if let Some((name, key)) = inside.split_once(':') {
        let person = s.people.iter().find(|p| p.key == key)?;
        return Some(match name {
            "peak_queue" => format!("{:.1}", person.peak_queue_hours),
            "peak_queue_when" => Clock {
                tick: person.peak_queue_tick,
                end: 0,
            }
            .label(),
            "utilization" => format!("{:.0}", person.utilization * 100.0),
            "wait" => hours(person.mean_wait),
            _ => return None,
        });
    }
    Some(match inside {
        "lead_time" => hours(s.lead_time),
        "throughput" => format!("{:.1}", s.planned_throughput),
        "unplanned_share" => format!("{:.0}", s.unplanned_share * 100.0),
        "time_to_restore" => hours(s.dora.time_to_restore),
        "revenue_lost" => format!("{:.0}", s.revenue_lost),
        "failed_changes" => s.failed_changes.to_string(),
        "sev1s" => s.sev1s.to_string(),
        "wip" => format!("{:.1}", s.mean_wip),
        "deploys" => format!("{:.1}", s.dora.deploys_per_day),
        "change_fail_rate" => format!("{:.0}", s.dora.change_fail_rate.unwrap_or(0.0) * 100.0),
        _ => return None,
    })
}
