//! Checks on the story's logic: every condition and story placeholder in a level, and across
//! the campaign the flags (each one read must be set by some choice) and the names trust is
//! read for (each must be in some chapter's cast). `check levels` also lists where each flag
//! is set and read.

use std::collections::{BTreeMap, BTreeSet};

use super::LevelError;
use super::locate::{Anchor, field, locate, raw, text};
use super::placeholders::{self, StoryPlaceholder};
use super::schema::*;

/// A condition and the path to where it is written.
pub struct Written<'a> {
    pub path: Vec<Anchor>,
    pub condition: &'a Condition,
    /// Decided as the chapter opens (tickets, timed events): the board is empty then.
    pub at_opening: bool,
}

/// Every condition written in `level` (outermost ones; `Condition::each` opens them).
pub fn conditions(level: &Level) -> Vec<Written<'_>> {
    let mut out = Vec::new();
    let mut push = |path: Vec<Anchor>, condition, at_opening| {
        out.push(Written {
            path,
            condition,
            at_opening,
        })
    };
    for ticket in &level.tickets {
        if let Some(c) = &ticket.only_if {
            push(
                vec![field("tickets"), text(&ticket.id), field("only_if")],
                c,
                true,
            );
        }
    }
    for event in &level.timeline {
        if let Some(c) = &event.only_if {
            push(vec![field("timeline"), field("only_if")], c, true);
        }
    }
    for scene in &level.scenes {
        let at = vec![field("scenes"), text(&scene.id)];
        if let Some(c) = &scene.only_if {
            push(with(&at, field("only_if")), c, false);
        }
        for line in &scene.lines {
            for c in line.conditions() {
                push(with(&at, field("lines")), c, false);
            }
        }
        for choice in &scene.choices {
            if let Some(c) = &choice.only_if {
                push(with(&at, text(&choice.text)), c, false);
            }
        }
    }
    out
}

fn with(path: &[Anchor], anchor: Anchor) -> Vec<Anchor> {
    let mut path = path.to_vec();
    path.push(anchor);
    path
}

/// Texts that may hold story placeholders: lines, options and questions, with paths.
fn texts(level: &Level) -> Vec<(Vec<Anchor>, &str)> {
    let mut out = Vec::new();
    for scene in &level.scenes {
        let at = vec![field("scenes"), text(&scene.id)];
        for line in &scene.lines {
            for (_, words) in line.each() {
                out.push((with(&at, field("lines")), words));
            }
        }
        for choice in &scene.choices {
            out.push((with(&at, field("choices")), choice.text.as_str()));
        }
    }
    for question in &level.questions {
        out.push((vec![field("questions")], question.as_str()));
    }
    out
}

/// What is wrong with the story's logic inside one level, with paths.
pub fn level_problems(level: &Level) -> Vec<(Vec<Anchor>, String)> {
    let mut problems = Vec::new();
    let incidents: BTreeSet<&str> = level
        .timeline
        .iter()
        .filter_map(|e| match &e.event {
            Event::Incident(i) => Some(i.id.as_str()),
            _ => None,
        })
        .collect();
    let tickets: BTreeSet<&str> = level.tickets.iter().map(|t| t.id.as_str()).collect();
    for written in conditions(level) {
        for c in written.condition.each() {
            let problem = match c {
                Condition::IncidentOpen(key) | Condition::TicketDone(key) if written.at_opening => {
                    Some(format!(
                        "`{key}`: this condition is decided as the chapter opens, before anything is on the board"
                    ))
                }
                Condition::IncidentOpen(key) if !incidents.contains(key.as_str()) => {
                    Some(format!("unknown incident `{key}`: not in the timeline"))
                }
                Condition::TicketDone(key) if !tickets.contains(key.as_str()) => {
                    Some(format!("unknown ticket `{key}`: not in the tickets"))
                }
                Condition::Stars(n, _)
                | Condition::Passed(n)
                | Condition::Measured { chapter: n, .. }
                    if *n >= level.chapter =>
                {
                    Some(format!(
                        "chapter {n} is not before chapter {}: its results are not known yet",
                        level.chapter
                    ))
                }
                Condition::Stars(_, stars) if *stars > 3 => Some(format!(
                    "{stars} stars cannot be earned; a chapter gives 0 to 3"
                )),
                Condition::Measured {
                    at_least: Some(low),
                    at_most: Some(high),
                    ..
                } if low > high => Some(format!("at_least {low} is above at_most {high}")),
                _ => None,
            };
            if let Some(p) = problem {
                problems.push((written.path.clone(), p));
            }
        }
    }
    for scene in &level.scenes {
        for choice in &scene.choices {
            if let Some(next) = &choice.then
                && level.scene(next).is_none()
            {
                problems.push((
                    vec![field("scenes"), text(&scene.id), field("then"), text(next)],
                    format!("unknown scene `{next}` after a choice: not in the scenes"),
                ));
            }
        }
    }
    for (path, words) in texts(level) {
        for inside in placeholders::placeholders(words) {
            let problem = match placeholders::story(inside) {
                Some(Err(e)) => Some(e),
                Some(Ok(StoryPlaceholder::Choice {
                    chapter: None,
                    scene,
                })) if level.scene(scene).is_none_or(|s| s.choices.is_empty()) => Some(format!(
                    "`{{{inside}}}`: this chapter has no scene `{scene}` with choices"
                )),
                Some(Ok(
                    StoryPlaceholder::Choice {
                        chapter: Some(n), ..
                    }
                    | StoryPlaceholder::Measured { chapter: n, .. },
                )) if n >= level.chapter => Some(format!(
                    "`{{{inside}}}`: chapter {n} is not before chapter {}",
                    level.chapter
                )),
                _ => None,
            };
            if let Some(p) = problem {
                problems.push((with(&path, raw(&format!("{{{inside}}}"))), p));
            }
        }
    }
    problems
}

/// A level of the campaign as loaded: its file's name, its text and the level.
pub struct Source<'a> {
    pub file: &'a str,
    pub src: &'a str,
    pub level: &'a Level,
}

impl Source<'_> {
    fn error(&self, path: &[Anchor], message: String) -> LevelError {
        let at = locate(self.src, path);
        LevelError {
            file: self.file.to_owned(),
            line: at.line,
            col: at.col,
            message,
        }
    }
}

/// Where each flag is set (by a choice) and read (by a condition), as "file:line:col".
#[derive(Default)]
pub struct FlagUse {
    pub set: BTreeMap<String, Vec<String>>,
    pub read: BTreeMap<String, Vec<String>>,
}

fn flag_of(c: &Condition) -> Option<&str> {
    match c {
        Condition::Flag(f) | Condition::NotFlag(f) => Some(f),
        _ => None,
    }
}

pub fn flag_use(levels: &[Source]) -> FlagUse {
    let mut uses = FlagUse::default();
    for source in levels {
        for scene in &source.level.scenes {
            for choice in &scene.choices {
                for effect in &choice.effects {
                    if let Effect::Flag(flag) = effect {
                        let path = [
                            field("scenes"),
                            text(&scene.id),
                            field("choices"),
                            raw(&format!("Flag(\"{flag}\")")),
                        ];
                        let e = source.error(&path, String::new());
                        let place = format!("{}:{}:{}", e.file, e.line, e.col);
                        uses.set.entry(flag.clone()).or_default().push(place);
                    }
                }
            }
        }
        for written in conditions(source.level) {
            for flag in written.condition.each().into_iter().filter_map(flag_of) {
                let path = with(&written.path, raw(&format!("Flag(\"{flag}\")")));
                let e = source.error(&path, String::new());
                let place = format!("{}:{}:{}", e.file, e.line, e.col);
                uses.read.entry(flag.to_owned()).or_default().push(place);
            }
        }
    }
    uses
}

/// What is wrong with the story across the campaign: flags read that no choice sets, trust
/// read for someone in no cast, earlier chapters and their scenes that do not exist.
pub fn campaign_problems(levels: &[Source]) -> Vec<LevelError> {
    let uses = flag_use(levels);
    let cast: BTreeSet<&str> = levels
        .iter()
        .flat_map(|s| s.level.cast.iter().map(|c| c.id.as_str()))
        .collect();
    let chapter = |n: u32| {
        levels
            .iter()
            .find(|s| s.level.chapter == n)
            .map(|s| s.level)
    };
    let mut errors = Vec::new();
    for source in levels {
        for written in conditions(source.level) {
            for c in written.condition.each() {
                let (anchor, message) = match c {
                    Condition::Flag(f) | Condition::NotFlag(f) if !uses.set.contains_key(f) => (
                        format!("Flag(\"{f}\")"),
                        format!("unknown flag `{f}`: no choice in the campaign sets it"),
                    ),
                    Condition::Trust(who, _) | Condition::TrustBelow(who, _)
                        if !cast.contains(who.as_str()) =>
                    {
                        (
                            format!("\"{who}\""),
                            format!(
                                "unknown person `{who}` in a trust condition: in no chapter's cast"
                            ),
                        )
                    }
                    Condition::Stars(n, _)
                    | Condition::Passed(n)
                    | Condition::Measured { chapter: n, .. }
                        if chapter(*n).is_none() =>
                    {
                        (n.to_string(), format!("chapter {n} is not in the campaign"))
                    }
                    _ => continue,
                };
                errors.push(source.error(&with(&written.path, raw(&anchor)), message));
            }
        }
        for (path, words) in texts(source.level) {
            for inside in placeholders::placeholders(words) {
                let Some(Ok(StoryPlaceholder::Choice {
                    chapter: Some(n),
                    scene,
                })) = placeholders::story(inside)
                else {
                    continue;
                };
                let has = chapter(n)
                    .and_then(|l| l.scene(scene))
                    .is_some_and(|s| !s.choices.is_empty());
                if !has {
                    errors.push(source.error(
                        &with(&path, raw(&format!("{{{inside}}}"))),
                        format!("`{{{inside}}}`: chapter {n} has no scene `{scene}` with choices"),
                    ));
                }
            }
        }
    }
    errors
}

/// `check levels`' listing of the flags, and a warning for each flag nothing reads.
pub fn flag_report(levels: &[Source]) -> (Vec<String>, Vec<String>) {
    let uses = flag_use(levels);
    let mut listing = Vec::new();
    let mut warnings = Vec::new();
    for (flag, set) in &uses.set {
        let read = uses.read.get(flag);
        listing.push(format!(
            "flag `{flag}`: set at {}; read at {}",
            set.join(", "),
            read.map_or("nowhere".to_owned(), |r| r.join(", "))
        ));
        if read.is_none() {
            warnings.push(format!(
                "flag `{flag}` is set at {} but no condition reads it",
                set.join(", ")
            ));
        }
    }
    (listing, warnings)
}
