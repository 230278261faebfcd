//! The placeholders a discussion question may hold, such as `{peak_queue:brent}`: their names,
//! what each shows, and the check that a level names only real ones. The simulation fills
//! them in (`sim::questions::fill`) with the player's own numbers.

use std::collections::BTreeSet;

use super::schema::Number;

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

/// A placeholder about the story so far, in a line or a question.
#[derive(Clone, Debug, PartialEq)]
pub enum StoryPlaceholder<'a> {
    /// `{choice:scene}` (this chapter) or `{choice:12:scene}`: the words of the option taken.
    Choice {
        chapter: Option<u32>,
        scene: &'a str,
    },
    /// `{chapter:12:revenue_lost}`: a number chapter 12 measured.
    Measured { chapter: u32, number: Number },
}

/// Reads a story placeholder: `None` if `inside` is not one, an error if it is malformed.
pub fn story(inside: &str) -> Option<Result<StoryPlaceholder<'_>, String>> {
    let (kind, rest) = inside.split_once(':')?;
    let chapter = |n: &str| {
        n.parse::<u32>()
            .map_err(|_| format!("`{{{inside}}}`: `{n}` is not a chapter number"))
    };
    Some(match kind {
        "choice" => match rest.split_once(':') {
            None => Ok(StoryPlaceholder::Choice {
                chapter: None,
                scene: rest,
            }),
            Some((n, scene)) => chapter(n).map(|n| StoryPlaceholder::Choice {
                chapter: Some(n),
                scene,
            }),
        },
        "chapter" => {
            let Some((n, name)) = rest.split_once(':') else {
                return Some(Err(format!(
                    "`{{{inside}}}`: write `{{chapter:12:revenue_lost}}`"
                )));
            };
            let number = Number::named(name).ok_or_else(|| {
                let names: Vec<&str> = Number::ALL.iter().map(|n| n.name()).collect();
                format!(
                    "`{{{inside}}}`: unknown number `{name}`; one of {}",
                    names.join(", ")
                )
            });
            chapter(n).and_then(|chapter| {
                number.map(|number| StoryPlaceholder::Measured { chapter, number })
            })
        }
        _ => return None,
    })
}

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
        if let Some(story) = story(inside) {
            if let Err(e) = story {
                problems.push(e);
            }
            continue;
        }
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

/// `text` with each `{…}` replaced by what `value` makes of its inside; a placeholder it does
/// not know (`None`) stays as written, for a later filling or for the reader to see.
pub fn substitute(text: &str, mut value: impl FnMut(&str) -> Option<String>) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        let inside = &rest[open + 1..open + close];
        match value(inside) {
            Some(filled) => out.push_str(&filled),
            None => out.push_str(&rest[open..=open + close]),
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}
