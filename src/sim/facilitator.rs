//! The facilitator's live events (F7, F8): something happens now, for the room to deal with.
//! They arrive as logged commands, so a replay brings them back at the same hour.

use bevy::prelude::*;

use super::board;
use super::commands::Injection;
use super::setup::{CurrentLevel, tuning};

pub fn check(world: &World, event: Injection) -> Result<(), String> {
    match event {
        Injection::Sev1 if world.resource::<CurrentLevel>().0.systems.is_empty() => {
            Err("this chapter has no systems to take down".into())
        }
        Injection::InterruptForConstraint
            if !board::all_people(world).iter().any(|p| p.constraint) =>
        {
            Err("this chapter has no constraint to interrupt".into())
        }
        _ => Ok(()),
    }
}

pub fn inject(world: &mut World, event: Injection, now: f64) {
    match event {
        Injection::Sev1 => super::incidents::open_live_outage(world),
        Injection::InterruptForConstraint => {
            let Some((id, skill)) = board::all_people(world)
                .into_iter()
                .find(|p| p.constraint)
                .map(|p| (p.id, p.skills.iter().next().cloned().unwrap_or_default()))
            else {
                return;
            };
            let hours = tuning(world).facilitator_interrupt_hours;
            super::interrupts::arrive(world, id, hours, &skill, now);
        }
    }
}
