//! Scenes and choices: the story's beats, and the consequences the player picks.

use std::collections::BTreeSet;

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use super::board::{self, create_ticket};
use super::business::Business;
use super::clock::Clock;
use super::model::{Origin, TicketState};
use super::policies::Policies;
use super::setup::CurrentLevel;
use crate::level::Effect;

#[derive(Resource, Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Story {
    /// Scenes played so far, with the hour they played.
    pub played: Vec<(f64, String)>,
    /// A scene whose choice must be made before the clock moves again.
    pub awaiting_choice: Option<String>,
    /// Scenes with choices that played while another choice was pending, in order.
    pub queued_choices: Vec<String>,
    /// Choices made: scene and index.
    pub choices: Vec<(String, usize)>,
}

/// Flags set by choices; they outlive the chapter, so later chapters can read them.
#[derive(Resource, Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Flags(pub BTreeSet<String>);

pub fn play_scene(world: &mut World, id: &str, at: f64) {
    let has_choices = world
        .resource::<CurrentLevel>()
        .0
        .scene(id)
        .is_some_and(|s| !s.choices.is_empty());
    let mut story = world.resource_mut::<Story>();
    story.played.push((at, id.to_owned()));
    if has_choices {
        if story.awaiting_choice.is_none() {
            story.awaiting_choice = Some(id.to_owned());
        } else {
            story.queued_choices.push(id.to_owned());
        }
    }
}

pub fn check_choose(world: &World, scene: &str, choice: usize) -> Result<(), String> {
    let story = world.resource::<Story>();
    if story.awaiting_choice.as_deref() != Some(scene) {
        return Err(format!("scene `{scene}` is not waiting for a choice"));
    }
    let count = world
        .resource::<CurrentLevel>()
        .0
        .scene(scene)
        .map_or(0, |s| s.choices.len());
    if choice >= count {
        return Err(format!("scene `{scene}` has {count} choices"));
    }
    Ok(())
}

/// Applies the effects of choice `index` in `scene` (already checked).
pub fn choose(world: &mut World, scene: &str, index: usize) {
    let effects = world
        .resource::<CurrentLevel>()
        .0
        .scene(scene)
        .and_then(|s| s.choices.get(index))
        .map(|c| c.effects.clone())
        .unwrap_or_default();
    {
        let mut story = world.resource_mut::<Story>();
        story.awaiting_choice =
            (!story.queued_choices.is_empty()).then(|| story.queued_choices.remove(0));
        story.choices.push((scene.to_owned(), index));
    }
    let now = world.resource::<Clock>().now();
    for effect in effects {
        apply_effect(world, effect, now);
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
        Effect::Trust(who, change) => {
            *world
                .resource_mut::<Business>()
                .trust
                .entry(who)
                .or_default() += change;
        }
    }
}
