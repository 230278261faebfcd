//! Scenes and choices: the story's beats, and the consequences the player picks.

use std::collections::BTreeSet;

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use super::board::{self, create_ticket};
use super::business::Business;
use super::clock::Clock;
use super::conditions::Facts;
use super::model::{Origin, TicketState};
use super::policies::Policies;
use super::rng::SimRng;
use super::setup::CurrentLevel;
use crate::level::placeholders::{self, StoryPlaceholder};
use crate::level::{Effect, Line, Number, Place};
use rand::seq::SliceRandom;

#[derive(Resource, Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Story {
    /// Scenes played so far, as the player saw them.
    pub played: Vec<PlayedScene>,
    /// A scene whose choice must be made before the clock moves again.
    pub awaiting_choice: Option<String>,
    /// Scenes with choices that played while another choice was pending, in order.
    pub queued_choices: Vec<String>,
    /// Choices made: scene and index (in the level's order).
    pub choices: Vec<(String, usize)>,
}

/// A scene as it played: its lines after their conditions were decided and placeholders
/// filled, and the options it offered, in the order shown.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct PlayedScene {
    /// The hour it played.
    pub at: f64,
    pub id: String,
    pub place: Place,
    pub lines: Vec<Said>,
    pub choices: Vec<Offered>,
    /// The option taken (its index in the level), once made.
    #[serde(default)]
    pub chosen: Option<usize>,
    /// The campaign ending this scene marks.
    #[serde(default)]
    pub ending: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Said {
    /// A cast id.
    pub who: String,
    pub text: String,
}

/// An option as offered: its index in the level (what `Choose` names) and its words.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Offered {
    pub index: usize,
    pub text: String,
}

impl PlayedScene {
    /// The words of the option taken.
    pub fn chosen_text(&self) -> Option<&str> {
        let index = self.chosen?;
        self.choices
            .iter()
            .find(|o| o.index == index)
            .map(|o| o.text.as_str())
    }
}

impl Story {
    /// The scene waiting for a choice, as it was shown.
    pub fn awaiting(&self) -> Option<&PlayedScene> {
        let id = self.awaiting_choice.as_deref()?;
        self.played
            .iter()
            .rev()
            .find(|s| s.id == id && s.chosen.is_none() && !s.choices.is_empty())
    }
}

/// Flags set by choices; they outlive the chapter, so later chapters can read them.
#[derive(Resource, Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Flags(pub BTreeSet<String>);

/// The seed the chapter was opened with: it orders each scene's options, the same way for
/// everyone in a class.
#[derive(Resource, Clone, Copy, Debug, Default)]
pub struct ChapterSeed(pub u64);

/// Plays scene `id` at hour `at`, if its condition holds now: its lines and options are
/// decided as it plays, so what the player chose a moment ago counts.
pub fn play_scene(world: &mut World, id: &str, at: f64) {
    let level = &world.resource::<CurrentLevel>().0;
    let Some(def) = level.scene(id) else {
        return;
    };
    let facts = Facts::now(world);
    if def.only_if.as_ref().is_some_and(|c| !facts.holds(c)) {
        return;
    }
    let mut lines = Vec::new();
    said(&facts, world, &def.lines, &mut lines);
    let mut choices: Vec<Offered> = def
        .choices
        .iter()
        .enumerate()
        .filter(|(_, c)| c.only_if.as_ref().is_none_or(|c| facts.holds(c)))
        .map(|(index, c)| Offered {
            index,
            text: fill(world, &c.text),
        })
        .collect();
    let seed = world.get_resource::<ChapterSeed>().map_or(0, |s| s.0);
    choices.shuffle(&mut SimRng::for_scene(seed, level.chapter, id));
    let played = PlayedScene {
        at,
        id: id.to_owned(),
        place: def.place.unwrap_or(level.place),
        lines,
        choices,
        chosen: None,
        ending: def.ending.clone(),
    };
    let has_choices = !played.choices.is_empty();
    let mut story = world.resource_mut::<Story>();
    story.played.push(played);
    if has_choices {
        if story.awaiting_choice.is_none() {
            story.awaiting_choice = Some(id.to_owned());
        } else {
            story.queued_choices.push(id.to_owned());
        }
    }
}

/// The lines said, their conditions decided now.
fn said(facts: &Facts, world: &World, lines: &[Line], out: &mut Vec<Said>) {
    for line in lines {
        match line {
            Line::Line(who, text) => out.push(Said {
                who: who.clone(),
                text: fill(world, text),
            }),
            Line::If(condition, lines) => {
                if facts.holds(condition) {
                    said(facts, world, lines, out);
                }
            }
            Line::IfElse(condition, yes, no) => {
                let lines = if facts.holds(condition) { yes } else { no };
                said(facts, world, lines, out);
            }
        }
    }
}

/// `text` with the story's placeholders filled in: `{choice:scene}` (this chapter),
/// `{choice:12:scene}` (an earlier one) and `{chapter:12:revenue_lost}`. Others stay as
/// they are, for the questions' own filling.
pub fn fill(world: &World, text: &str) -> String {
    let facts = Facts::now(world);
    crate::level::placeholders::substitute(text, |inside| match placeholders::story(inside) {
        Some(Ok(p)) => Some(story_value(world, &facts, &p)),
        _ => None,
    })
}

fn story_value(world: &World, facts: &Facts, placeholder: &StoryPlaceholder) -> String {
    match placeholder {
        StoryPlaceholder::Choice {
            chapter: None,
            scene,
        } => {
            let level = &world.resource::<CurrentLevel>().0;
            world
                .resource::<Story>()
                .choices
                .iter()
                .rev()
                .find(|(s, _)| s == scene)
                .and_then(|(s, i)| level.scene(s)?.choices.get(*i))
                .map_or_else(|| "(not decided yet)".to_owned(), |c| c.text.clone())
        }
        StoryPlaceholder::Choice {
            chapter: Some(chapter),
            scene,
        } => facts
            .campaign
            .chosen
            .get(&format!("{chapter}/{scene}"))
            .cloned()
            .unwrap_or_else(|| "(not played)".to_owned()),
        StoryPlaceholder::Measured { chapter, number } => facts
            .measured(*chapter, *number)
            .map_or_else(|| "(not played)".to_owned(), |v| shown(*number, v)),
    }
}

/// A measured number as a line would say it.
fn shown(number: Number, value: f64) -> String {
    match number {
        Number::RevenueLost => super::objectives::dollars(value),
        Number::ConstraintUtilization | Number::UnplannedShare => {
            format!("{:.0}%", value * 100.0)
        }
        Number::Sev1s => format!("{value:.0}"),
        Number::LeadTime | Number::TimeToRestore => format!("{value:.1} hours"),
    }
}

pub fn check_choose(world: &World, scene: &str, choice: usize) -> Result<(), String> {
    let story = world.resource::<Story>();
    if story.awaiting_choice.as_deref() != Some(scene) {
        return Err(format!("scene `{scene}` is not waiting for a choice"));
    }
    let offered = story.awaiting().map_or(&[][..], |s| &s.choices[..]);
    if !offered.iter().any(|o| o.index == choice) {
        let mut indices: Vec<usize> = offered.iter().map(|o| o.index).collect();
        indices.sort_unstable();
        let list: Vec<String> = indices.iter().map(usize::to_string).collect();
        return Err(format!(
            "scene `{scene}` offers choices {}, not {choice}",
            list.join(", ")
        ));
    }
    Ok(())
}

/// Applies the effects of choice `index` in `scene` (already checked), then plays the scene
/// it leads to, if any.
pub fn choose(world: &mut World, scene: &str, index: usize) {
    let (effects, then) = world
        .resource::<CurrentLevel>()
        .0
        .scene(scene)
        .and_then(|s| s.choices.get(index))
        .map(|c| (c.effects.clone(), c.then.clone()))
        .unwrap_or_default();
    {
        let mut story = world.resource_mut::<Story>();
        if let Some(played) = story
            .played
            .iter_mut()
            .rev()
            .find(|s| s.id == scene && s.chosen.is_none() && !s.choices.is_empty())
        {
            played.chosen = Some(index);
        }
        story.awaiting_choice =
            (!story.queued_choices.is_empty()).then(|| story.queued_choices.remove(0));
        story.choices.push((scene.to_owned(), index));
    }
    let now = world.resource::<Clock>().now();
    for effect in effects {
        apply_effect(world, effect, now);
    }
    if let Some(next) = then {
        play_scene(world, &next, now);
    }
}

fn apply_effect(world: &mut World, effect: Effect, now: f64) {
    match effect {
        Effect::Flag(flag) => {
            world
                .get_resource_or_insert_with(Flags::default)
                .0
                .insert(flag);
        }
        Effect::Unlock(policy) => {
            world.resource_mut::<Policies>().unlocked.insert(policy);
        }
        Effect::Enable(policy) => {
            let mut policies = world.resource_mut::<Policies>();
            policies.unlocked.insert(policy);
            policies.enabled.insert(policy);
        }
        Effect::AddTicket(def) => {
            create_ticket(world, &def, Origin::Board, now, None);
        }
        Effect::Cancel(key) => {
            let target = board::all_tickets(world)
                .into_iter()
                .find(|t| t.key == key && t.is_open() && !t.is_started())
                .map(|t| t.id);
            if let Some(id) = target {
                board::withdraw(world, id, TicketState::Dropped);
            }
        }
        Effect::SharePrice(delta) => world.resource_mut::<Business>().share_price_news += delta,
        Effect::AuditFindings(n) => world.resource_mut::<Business>().audit_findings += i64::from(n),
        Effect::TechnicalDebt(change) => {
            let mut business = world.resource_mut::<Business>();
            business.technical_debt = (business.technical_debt + change).max(0.0);
        }
        Effect::Capacity(system, more) => {
            let mut traffic = world.resource_mut::<super::business::Traffic>();
            let capacity = traffic.capacity.entry(system).or_insert(1.0);
            *capacity = (*capacity + more).max(0.1);
        }
        Effect::WipLimits { ready, doing } => {
            let mut policies = world.resource_mut::<Policies>();
            policies.unlocked.insert(crate::level::Policy::WipLimits);
            for (column, limit) in [
                (super::model::Column::Ready, ready),
                (super::model::Column::Doing, doing),
            ] {
                match limit {
                    Some(l) => policies.wip_limits.insert(column, l.max(1)),
                    None => policies.wip_limits.remove(&column),
                };
            }
        }
        Effect::BatchSize(size) => {
            let mut policies = world.resource_mut::<Policies>();
            policies.unlocked.insert(crate::level::Policy::SmallBatches);
            policies.batch_size = Some(size.max(1));
        }
        Effect::Disable(policy) => {
            world.resource_mut::<Policies>().enabled.remove(&policy);
        }
        Effect::Trust(who, change) => {
            *world
                .resource_mut::<Business>()
                .trust
                .entry(who)
                .or_default() += change;
        }
    }
}
