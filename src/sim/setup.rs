//! Opening a chapter: the people, the policies, and the random world drawn up front.

use std::collections::BTreeSet;

use bevy::prelude::*;

use super::business::Business;
use super::campaign::{CampaignState, Carried};
use super::clock::Clock;
use super::commands::CommandLog;
use super::metrics::Metrics;
use super::model::*;
use super::objectives::ChapterResult;
use super::policies::Policies;
use super::rng::SimRng;
use super::story::{ChapterSeed, Flags, Story};
use super::timeline::{self, Agenda};
use crate::level::{Level, Tuning};

/// The level being played, for the rules that look things up in it (systems, scenes, the
/// model's tuning).
#[derive(Resource, Clone, Debug)]
pub struct CurrentLevel(pub Level);

/// The knobs of the model for the chapter being played.
pub fn tuning(world: &World) -> &Tuning {
    &world.resource::<CurrentLevel>().0.tuning
}

/// Opens `level` in `world` as the first chapter of a campaign would open it.
pub fn start_chapter(world: &mut World, level: &Level, seed: u64) {
    start_chapter_in(world, &CampaignState::default(), level, seed);
}

/// Opens `level` (already prepared from `campaign`) in `world`, replacing whatever chapter
/// was there; the story reads `campaign` for what earlier chapters left.
pub fn start_chapter_in(world: &mut World, campaign: &CampaignState, level: &Level, seed: u64) {
    let old: Vec<Entity> = world
        .query_filtered::<Entity, Or<(With<Ticket>, With<Person>)>>()
        .iter(world)
        .collect();
    for entity in old {
        world.despawn(entity);
    }
    world.remove_resource::<ChapterResult>();
    world.insert_resource(CurrentLevel(level.clone()));
    world.insert_resource(Clock {
        tick: 0,
        end: level.hours(),
    });
    world.insert_resource(Policies {
        unlocked: level.policies.unlocked.iter().copied().collect(),
        enabled: level.policies.enabled.iter().copied().collect(),
        wip_limits: Default::default(),
        batch_size: None,
    });
    world.insert_resource(super::changes::Staging::default());
    world.insert_resource(Business::new(&level.business, level.technical_debt));
    world.insert_resource(super::business::Traffic::new(level));
    world.insert_resource(Board::default());
    world.insert_resource(Incidents::default());
    world.insert_resource(Story::default());
    world.insert_resource(Flags::default());
    world.insert_resource(Carried(campaign.clone()));
    world.insert_resource(ChapterSeed(seed));
    world.insert_resource(CommandLog::default());
    world.insert_resource(Metrics::default());
    world.insert_resource(super::news::News::default());

    let mut roster = Roster::default();
    for (index, member) in level.team.iter().enumerate() {
        let character = level.cast.iter().find(|c| c.id == member.id);
        let person = Person {
            id: PersonId(index as u32),
            key: member.id.clone(),
            name: character.map_or_else(|| member.id.clone(), |c| c.name.clone()),
            role: character.map_or_else(String::new, |c| c.role.clone()),
            skills: member.skills.iter().cloned().collect::<BTreeSet<_>>(),
            hours_per_day: member.hours_per_day,
            constraint: member.constraint,
            queue: Vec::new(),
            last: None,
            on_bridge: None,
            stats: PersonStats::default(),
            fatigue: 0.0,
        };
        roster.0.push(world.spawn(person).id());
    }
    world.insert_resource(roster);

    let mut rng = SimRng::for_chapter(seed, level.chapter);
    let agenda = Agenda::draw(level, &mut rng);
    let overflow = agenda.overflow.clone();
    world.insert_resource(rng);
    world.insert_resource(agenda);
    world.resource_mut::<Metrics>().begin(level.team.len());
    world.remove_resource::<timeline::Stopped>();
    if let Some(why) = &level.policies.why_off {
        let text = format!("Switched off this chapter: {why}");
        super::news::tell(world, super::news::NewsKind::Note, text, None, None);
    }
    match overflow {
        Some(why) => timeline::stop(world, format!("{why}; the level cannot be played")),
        None => timeline::fire_hour(world, 0),
    }
}
