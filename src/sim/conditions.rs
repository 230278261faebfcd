//! The conditions the story depends on, decided against what is known at the moment they are
//! read: what earlier chapters left (the campaign) and, during a chapter, what this chapter
//! has done so far (its choices' flags and trust, the board).

use bevy::prelude::*;

use super::business::Business;
use super::campaign::{CampaignState, Carried};
use super::model::Incidents;
use super::story::Flags;
use crate::level::{Condition, Number};

/// What a condition can see.
pub struct Facts<'a> {
    pub campaign: &'a CampaignState,
    /// The chapter being played, if any.
    pub world: Option<&'a World>,
}

impl<'a> Facts<'a> {
    /// During a chapter: the campaign it was opened with, and the chapter so far.
    pub fn now(world: &'a World) -> Self {
        Self {
            campaign: &world.resource::<Carried>().0,
            world: Some(world),
        }
    }

    fn flag(&self, flag: &str) -> bool {
        self.campaign.flags.contains(flag)
            || self
                .world
                .and_then(|w| w.get_resource::<Flags>())
                .is_some_and(|f| f.0.contains(flag))
    }

    fn trust(&self, who: &str) -> i32 {
        let earlier = self.campaign.trust.get(who).copied().unwrap_or(0);
        let now = self
            .world
            .and_then(|w| w.get_resource::<Business>())
            .and_then(|b| b.trust.get(who).copied())
            .unwrap_or(0);
        earlier + now
    }

    fn documented(&self, skill: &str) -> bool {
        self.campaign.learned.values().any(|s| s.contains(skill))
    }

    pub fn measured(&self, chapter: u32, number: Number) -> Option<f64> {
        let n = &self.campaign.results.get(&chapter)?.numbers;
        match number {
            Number::RevenueLost => Some(n.revenue_lost),
            Number::ConstraintUtilization => n.constraint_utilization,
            Number::Sev1s => Some(f64::from(n.sev1s)),
            Number::LeadTime => n.lead_time_hours,
            Number::UnplannedShare => Some(n.unplanned_share),
            Number::TimeToRestore => n.time_to_restore_hours,
        }
    }

    pub fn holds(&self, condition: &Condition) -> bool {
        match condition {
            Condition::Flag(flag) => self.flag(flag),
            Condition::NotFlag(flag) => !self.flag(flag),
            Condition::Trust(who, at_least) => self.trust(who) >= *at_least,
            Condition::TrustBelow(who, at_most) => self.trust(who) <= *at_most,
            Condition::Documented(skill) => self.documented(skill),
            Condition::Undocumented(skill) => !self.documented(skill),
            Condition::Stars(chapter, at_least) => {
                self.campaign.results.get(chapter).map_or(0, |r| r.stars) >= *at_least
            }
            Condition::Passed(chapter) => {
                self.campaign.results.get(chapter).is_some_and(|r| r.passed)
            }
            Condition::Measured {
                chapter,
                number,
                at_least,
                at_most,
            } => self.measured(*chapter, *number).is_some_and(|v| {
                at_least.is_none_or(|low| v >= low) && at_most.is_none_or(|high| v <= high)
            }),
            Condition::IncidentOpen(key) => self.world.is_some_and(|w| {
                w.get_resource::<Incidents>()
                    .is_some_and(|i| i.0.iter().any(|i| &i.key == key && i.resolved.is_none()))
            }),
            Condition::TicketDone(key) => self.world.is_some_and(|w| {
                super::board::all_tickets(w)
                    .into_iter()
                    .any(|t| &t.key == key && t.state == super::model::TicketState::Done)
            }),
            Condition::All(all) => all.iter().all(|c| self.holds(c)),
            Condition::Any(any) => any.iter().any(|c| self.holds(c)),
            Condition::Not(inner) => !self.holds(inner),
        }
    }
}
