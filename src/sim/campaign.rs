//! What one chapter leaves to the next: flags from choices, what Brent has written down and
//! who learned it, technical debt, audit findings, Bill's standing with people, and the
//! policies unlocked so far. A level is prepared from the campaign state before it opens.

use std::collections::{BTreeMap, BTreeSet};

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use super::board;
use super::business::Business;
use super::conditions::Facts;
use super::key_numbers::KeyNumbers;
use super::policies::Policies;
use super::story::{Flags, Story};
use crate::level::{Condition, Level, Policy};

#[derive(Resource, Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CampaignState {
    pub flags: BTreeSet<String>,
    /// Skills people have learned from the constraint's write-ups, by person.
    pub learned: BTreeMap<String, BTreeSet<String>>,
    /// Debt added (or paid down) by earlier choices, on top of each level's own.
    pub technical_debt: f64,
    /// Audit findings earlier chapters added beyond what their story set (control failures
    /// follow the player; findings a chapter closes were that chapter's own story).
    pub audit_findings: i64,
    pub trust: BTreeMap<String, i32>,
    pub unlocked: BTreeSet<Policy>,
    /// Policies the player had switched on when the last chapter ended: they stay on where
    /// the next chapter offers them, unless it switches them off (and says why).
    #[serde(default)]
    pub enabled: BTreeSet<Policy>,
    pub chapters_played: u32,
    /// How each chapter played so far came out, for the story to answer it.
    #[serde(default)]
    pub results: BTreeMap<u32, ChapterOutcome>,
    /// The text of every option taken, by "chapter/scene".
    #[serde(default)]
    pub chosen: BTreeMap<String, String>,
}

/// How a chapter came out: its stars, and the numbers the class compares.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ChapterOutcome {
    pub stars: u8,
    pub passed: bool,
    pub numbers: KeyNumbers,
}

/// The campaign the chapter being played was opened with.
#[derive(Resource, Clone, Debug, Default, PartialEq)]
pub struct Carried(pub CampaignState);

impl CampaignState {
    /// Whether `condition` holds for the campaign so far (before a chapter opens).
    pub fn holds(&self, condition: &Condition) -> bool {
        Facts {
            campaign: self,
            world: None,
        }
        .holds(condition)
    }

    /// The level as this campaign plays it: conditional tickets and events kept or dropped,
    /// learned skills given back, debt, findings and unlocked policies carried in.
    pub fn prepare(&self, level: &Level) -> Level {
        let mut level = level.clone();
        let keep = |condition: &Option<Condition>| condition.as_ref().is_none_or(|c| self.holds(c));
        level.tickets.retain(|t| keep(&t.only_if));
        level.timeline.retain(|e| keep(&e.only_if));
        for member in &mut level.team {
            if let Some(skills) = self.learned.get(&member.id) {
                for skill in skills {
                    if !member.skills.contains(skill) {
                        member.skills.push(skill.clone());
                    }
                }
            }
        }
        level.technical_debt = (level.technical_debt + self.technical_debt).max(0.0);
        level.business.carried_findings = self.audit_findings.max(0) as u32;
        for policy in &self.unlocked {
            if !level.policies.unlocked.contains(policy) {
                level.policies.unlocked.push(*policy);
            }
        }
        for policy in &self.enabled {
            let offered = level.policies.unlocked.contains(policy);
            let kept_off = level.policies.switched_off.contains(policy);
            if offered && !kept_off && !level.policies.enabled.contains(policy) {
                level.policies.enabled.push(*policy);
            }
        }
        level
    }

    /// Takes in what the chapter just played (`prepared` is the level as it was opened).
    pub fn carry(&mut self, world: &World, prepared: &Level) {
        if let Some(flags) = world.get_resource::<Flags>() {
            self.flags.extend(flags.0.iter().cloned());
        }
        for person in board::all_people(world) {
            let Some(member) = prepared.team.iter().find(|m| m.id == person.key) else {
                continue;
            };
            let new: BTreeSet<String> = person
                .skills
                .iter()
                .filter(|s| !member.skills.contains(s))
                .cloned()
                .collect();
            if !new.is_empty() {
                self.learned
                    .entry(person.key.clone())
                    .or_default()
                    .extend(new);
            }
        }
        let business = world.resource::<Business>();
        self.technical_debt += business.technical_debt - prepared.technical_debt;
        let opened = i64::from(prepared.business.audit_findings)
            + i64::from(prepared.business.carried_findings);
        self.audit_findings += (business.audit_findings - opened).max(0);
        for (who, change) in &business.trust {
            *self.trust.entry(who.clone()).or_default() += change;
        }
        // What a choice unlocked carries on; what the level itself offered does not (each
        // level lists its own), so a tool Bill sees at the plant in chapter 7 is not on the
        // IT board until the story brings it there.
        self.unlocked.extend(
            world
                .resource::<Policies>()
                .unlocked
                .iter()
                .filter(|p| !prepared.policies.unlocked.contains(p))
                .copied(),
        );
        // What this chapter offered is as the player left it; the rest stays as it was.
        let policies = world.resource::<Policies>();
        self.enabled.retain(|p| !policies.unlocked.contains(p));
        self.enabled
            .extend(policies.enabled.iter().filter(|p| p.is_switch()).copied());
        if let Some(result) = world.get_resource::<super::objectives::ChapterResult>() {
            self.results.insert(
                prepared.chapter,
                ChapterOutcome {
                    stars: result.stars,
                    passed: result.passed(),
                    numbers: KeyNumbers::of(&result.summary),
                },
            );
        }
        for (scene, index) in &world.resource::<Story>().choices {
            let text = prepared
                .scene(scene)
                .and_then(|s| s.choices.get(*index))
                .map_or_else(String::new, |c| c.text.clone());
            self.chosen
                .insert(format!("{}/{scene}", prepared.chapter), text);
        }
        self.chapters_played += 1;
    }
}
