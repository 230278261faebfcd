//! The chapter's outside world: scripted events and random arrivals, all drawn when the
//! chapter opens, so the player's choices never change what the world throws at them.

use bevy::prelude::*;

use super::board::{self, create_ticket};
use super::business::Business;
use super::clock::Clock;
use super::incidents::{self, IncidentSpec};
use super::interrupts;
use super::model::*;
use super::policies::Policies;
use super::rng::SimRng;
use super::story;
use crate::level::bounds::MOST_PLANNED;
use crate::level::{Event, Level, TicketDef, Variability};

pub enum Happening {
    Ticket {
        def: TicketDef,
        fate: f64,
    },
    Interrupt {
        to: String,
        hours: f64,
        skill: String,
    },
    Event(Event),
}

pub struct Planned {
    pub at: f64,
    pub what: Happening,
}

#[derive(Resource, Default)]
pub struct Agenda {
    items: Vec<Planned>,
    next: usize,
    /// Draws per hour for background incidents (whether one strikes, and which system) and for
    /// overload (whether the most overloaded system gives way).
    pub incident_rolls: Vec<(f64, f64, f64)>,
    /// Why the chapter could not be drawn in full, if it could not.
    pub overflow: Option<String>,
}

/// Why the simulation stopped a chapter early: a level that would have run without end.
#[derive(Resource, Clone, Debug, PartialEq)]
pub struct Stopped(pub String);

/// Ends the chapter now, saying why.
pub fn stop(world: &mut World, why: String) {
    bevy::log::warn!("chapter stopped: {why}");
    let mut clock = world.resource_mut::<Clock>();
    clock.end = clock.tick;
    world.insert_resource(Stopped(why));
}

impl Agenda {
    /// Draws every arrival of the chapter from the chapter's generator.
    pub fn draw(level: &Level, rng: &mut SimRng) -> Self {
        let end = f64::from(level.hours());
        let mut items = Vec::new();
        let mut overflow = None;
        for def in &level.tickets {
            items.push(Planned {
                at: f64::from(def.arrives),
                what: Happening::Ticket {
                    def: def.clone(),
                    fate: rng.unit(),
                },
            });
        }
        for stream in &level.arrivals {
            let until = stream.until.map_or(end, f64::from).min(end);
            let mean_gap = f64::from(HOURS_PER_DAY) / stream.per_day;
            let mut at = f64::from(stream.from);
            let mut number = 0;
            loop {
                at += rng.exponential(mean_gap);
                if at >= until || at.is_nan() {
                    break;
                }
                if items.len() >= MOST_PLANNED {
                    overflow.get_or_insert(format!(
                        "the arrivals of `{}` would bring more than {MOST_PLANNED} tickets",
                        stream.ticket.id
                    ));
                    break;
                }
                number += 1;
                let mut def = stream.ticket.clone();
                def.id = format!("{}-{number}", stream.ticket.id);
                def.title = format!("{} #{number}", stream.ticket.title);
                for step in &mut def.route {
                    step.hours *= vary(stream.variability, rng);
                }
                def.due = stream.due_in.map(|d| at.ceil() as u32 + d);
                items.push(Planned {
                    at,
                    what: Happening::Ticket {
                        def,
                        fate: rng.unit(),
                    },
                });
            }
        }
        for stream in &level.interrupts {
            let mean_gap = f64::from(HOURS_PER_DAY) / stream.per_day;
            let mut at = 0.0;
            loop {
                at += rng.exponential(mean_gap);
                if at >= end || at.is_nan() {
                    break;
                }
                if items.len() >= MOST_PLANNED {
                    overflow.get_or_insert(format!(
                        "the interrupts for `{}` would bring more than {MOST_PLANNED} requests",
                        stream.to
                    ));
                    break;
                }
                items.push(Planned {
                    at,
                    what: Happening::Interrupt {
                        to: stream.to.clone(),
                        hours: stream.hours * vary(Variability::Spread, rng),
                        skill: stream.skill.clone(),
                    },
                });
            }
        }
        for event in &level.timeline {
            items.push(Planned {
                at: f64::from(event.at),
                what: Happening::Event(event.event.clone()),
            });
        }
        items.sort_by(|a, b| a.at.total_cmp(&b.at));
        let incident_rolls = (0..level.hours())
            .map(|_| (rng.unit(), rng.unit(), rng.unit()))
            .collect();
        Self {
            items,
            next: 0,
            incident_rolls,
            overflow,
        }
    }

    fn take_due(&mut self, hour: u32) -> Vec<(f64, Happening)> {
        let limit = f64::from(hour) + 1.0;
        let mut due = Vec::new();
        while let Some(item) = self.items.get_mut(self.next) {
            if item.at >= limit {
                break;
            }
            let what = std::mem::replace(&mut item.what, Happening::Event(Event::AuditFindings(0)));
            due.push((item.at, what));
            self.next += 1;
        }
        due
    }
}

fn vary(variability: Variability, rng: &mut SimRng) -> f64 {
    match variability {
        Variability::Fixed => 1.0,
        Variability::Spread => 0.5 + rng.unit(),
        Variability::Exponential => rng.exponential(1.0).max(0.01),
    }
}

/// Brings in everything due during `hour`: events at its start, arrivals within it.
pub fn fire_hour(world: &mut World, hour: u32) {
    let due = world.resource_mut::<Agenda>().take_due(hour);
    for (at, happening) in due {
        match happening {
            Happening::Ticket { def, fate } => {
                create_ticket(world, &def, Origin::Board, at, Some(fate));
            }
            Happening::Interrupt { to, hours, skill } => {
                if let Some(person) = board::person_by_key(world, &to) {
                    interrupts::arrive(world, person, hours, &skill, at);
                }
            }
            Happening::Event(event) => fire_event(world, event, at),
        }
    }
}

fn fire_event(world: &mut World, event: Event, at: f64) {
    match event {
        Event::Incident(def) => {
            let cause = def.cause.as_deref().and_then(|key| {
                board::all_tickets(world)
                    .into_iter()
                    .find(|t| t.key == key)
                    .map(|t| t.id)
            });
            incidents::open(
                world,
                IncidentSpec {
                    key: def.id,
                    title: def.title,
                    system: def.system,
                    sev1: def.sev1,
                    cause,
                    diagnose_hours: def.diagnose_hours,
                    fix_hours: def.fix_hours,
                },
                at,
            );
        }
        Event::Interrupt { to, hours, skill } => {
            if let Some(person) = board::person_by_key(world, &to) {
                interrupts::arrive(world, person, hours, &skill, at);
            }
        }
        Event::Unlock(policy) => {
            world.resource_mut::<Policies>().unlocked.insert(policy);
        }
        Event::Scene(id) => story::play_scene(world, &id, at),
        Event::AuditFindings(n) => world.resource_mut::<Business>().audit_findings += n as i64,
        Event::Load { system, load } => {
            world
                .resource_mut::<super::business::Traffic>()
                .load
                .insert(system, load);
        }
    }
}

/// The last step of every tick: the clock moves on and the next hour's arrivals come in.
pub fn advance_clock(world: &mut World) {
    let tick = {
        let mut clock = world.resource_mut::<Clock>();
        clock.tick += 1;
        clock.tick
    };
    if world.resource::<Board>().0.len() > 2 * MOST_PLANNED {
        stop(
            world,
            format!("more than {} tickets came onto the board", 2 * MOST_PLANNED),
        );
        return;
    }
    let end = world.resource::<Clock>().end;
    if tick + 1 == end {
        let text = "One working hour left in the chapter".to_owned();
        super::news::tell(world, super::news::NewsKind::HourLeft, text, None, None);
    }
    if tick < end {
        fire_hour(world, tick);
    }
}

pub fn check_advance(world: &World, hours: u32) -> Result<(), String> {
    if hours == 0 {
        return Err("advance by at least one hour".into());
    }
    if let Some(scene) = &world.resource::<story::Story>().awaiting_choice {
        return Err(format!("scene `{scene}` is waiting for a choice"));
    }
    Ok(())
}

/// Runs the clock hour by hour; stops early at the chapter's end or at a choice to make.
pub fn run_hours(world: &mut World, hours: u32) {
    for _ in 0..hours {
        if world.resource::<Clock>().is_over()
            || world.resource::<story::Story>().awaiting_choice.is_some()
        {
            break;
        }
        world.run_schedule(super::SimTick);
    }
}
