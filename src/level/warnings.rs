//! What `check` warns about: level data that parses and plays but contradicts itself, so a
//! player would be misled (a project the story needs offered for retirement, a value that
//! disagrees with "serves an objective", one skill spelled two ways across a campaign).

use std::collections::BTreeMap;

use super::schema::*;

/// Words in a project's title that say it serves the business's objectives.
const SERVES_AN_OBJECTIVE: &[&str] = &[
    "automat",
    "capacity",
    "stabiliz",
    "pipeline",
    "restock",
    "deploy",
    "version control",
    "cache",
    "bandwidth",
    "holiday volume",
];

/// Skills that are the same skill spelled another way.
const SAME_SKILL: &[(&str, &str)] = &[
    ("qa", "testing"),
    ("db", "database"),
    ("dba", "database"),
    ("net", "network"),
    ("networking", "network"),
    ("ops", "operations"),
    ("dev", "appdev"),
    ("development", "appdev"),
    ("sec", "security"),
    ("deployment", "deploy"),
];

/// Every ticket the level can put on the board, its own and those its choices add.
fn tickets(level: &Level) -> impl Iterator<Item = &TicketDef> {
    let added = level
        .scenes
        .iter()
        .flat_map(|s| &s.choices)
        .flat_map(|c| &c.effects)
        .filter_map(|e| match e {
            Effect::AddTicket(t) => Some(t),
            _ => None,
        });
    level.tickets.iter().chain(added)
}

/// Whether the level itself lets the player see values and retire projects.
pub fn traced(level: &Level) -> bool {
    let unlocks = level
        .scenes
        .iter()
        .flat_map(|s| &s.choices)
        .flat_map(|c| &c.effects)
        .any(|e| {
            matches!(
                e,
                Effect::Unlock(Policy::ObjectiveLinks) | Effect::Enable(Policy::ObjectiveLinks)
            )
        });
    unlocks || level.policies.unlocked.contains(&Policy::ObjectiveLinks)
}

fn is_project(t: &TicketDef) -> bool {
    matches!(t.kind, WorkKind::Business | WorkKind::Internal)
}

/// What is inconsistent in one level. `traced`: the player sees values and may retire
/// projects (the level unlocks it, or an earlier chapter of the campaign did).
pub fn level_warnings(level: &Level, traced: bool) -> Vec<String> {
    let mut out = Vec::new();
    if !traced {
        return out;
    }
    let measured: Vec<&str> = level
        .objectives
        .iter()
        .filter_map(|o| match &o.measure {
            Measure::FinishedAt(id) => Some(id.as_str()),
            _ => None,
        })
        .collect();
    let critical_values: Vec<f64> = tickets(level)
        .filter(|t| t.critical && t.value > 0.0)
        .map(|t| t.value)
        .collect();
    let least_critical = critical_values
        .iter()
        .copied()
        .fold(f64::INFINITY, f64::min);
    for t in tickets(level).filter(|t| is_project(t)) {
        let title = t.title.to_lowercase();
        let named = SERVES_AN_OBJECTIVE.iter().any(|w| title.contains(w));
        if !t.critical && (measured.contains(&t.id.as_str()) || named) {
            out.push(format!(
                "project `{}` serves an objective but is not marked `critical`: the player is offered to retire it",
                t.id
            ));
        }
        if t.critical && t.value <= 0.0 {
            out.push(format!(
                "project `{}` serves an objective but is worth $0 a day",
                t.id
            ));
        }
        if !t.critical && t.value > 0.0 && t.value >= least_critical {
            out.push(format!(
                "project `{}` is worth ${:.0} a day, as much as work that serves an objective, yet serves none",
                t.id, t.value
            ));
        }
    }
    out
}

fn normal(skill: &str) -> String {
    let plain: String = skill
        .to_lowercase()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect();
    SAME_SKILL
        .iter()
        .find(|(other, _)| *other == plain)
        .map_or(plain, |(_, main)| (*main).to_owned())
}

/// What is inconsistent across a campaign's levels: a skill spelled two ways, and the
/// level warnings of chapters that see values only because an earlier chapter unlocked them.
pub fn campaign_warnings<'a>(levels: impl Iterator<Item = &'a Level>) -> Vec<String> {
    let mut spellings: BTreeMap<String, BTreeMap<String, Vec<u32>>> = BTreeMap::new();
    let mut out = Vec::new();
    let mut unlocked_before = false;
    for level in levels {
        if unlocked_before && !traced(level) {
            for warning in level_warnings(level, true) {
                out.push(format!("chapter {}: {warning}", level.chapter));
            }
        }
        unlocked_before |= traced(level);
        for member in &level.team {
            for skill in &member.skills {
                let chapters = spellings
                    .entry(normal(skill))
                    .or_default()
                    .entry(skill.clone())
                    .or_default();
                if !chapters.contains(&level.chapter) {
                    chapters.push(level.chapter);
                }
            }
        }
    }
    let spelled = spellings
        .values()
        .filter(|ways| ways.len() > 1)
        .map(|ways| {
            let listed: Vec<String> = ways
                .iter()
                .map(|(skill, chapters)| {
                    let chapters: Vec<String> = chapters.iter().map(u32::to_string).collect();
                    format!("`{skill}` (chapters {})", chapters.join(", "))
                })
                .collect();
            format!(
                "one skill spelled {} ways: {}",
                ways.len(),
                listed.join(" and ")
            )
        });
    out.extend(spelled);
    out
}
