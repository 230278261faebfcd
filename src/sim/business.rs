//! The numbers the business watches: revenue, the share price, audit findings.

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use super::clock::Clock;
use super::model::{HOURS_PER_DAY, Incidents};
use super::setup::CurrentLevel;
use crate::level::BusinessDef;

#[derive(Resource, Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Business {
    pub revenue_per_day: f64,
    pub opening_share_price: f64,
    pub revenue_earned: f64,
    pub revenue_lost: f64,
    /// Open findings, those earlier chapters left included.
    pub audit_findings: i64,
    /// Of those, the ones earlier chapters left (the objectives leave them out).
    pub carried_findings: i64,
    pub deploys: u32,
    pub failed_changes: u32,
    /// Moves of the share price that the story makes, apart from lost revenue.
    pub share_price_news: f64,
    /// How fragile the systems are: raises the background incident rate.
    pub technical_debt: f64,
    /// Bill's standing with people, moved by choices: carried between chapters.
    pub trust: std::collections::BTreeMap<String, i32>,
}

impl Business {
    pub fn new(def: &BusinessDef, technical_debt: f64) -> Self {
        Self {
            technical_debt,
            revenue_per_day: def.revenue_per_day,
            opening_share_price: def.share_price,
            audit_findings: i64::from(def.audit_findings) + i64::from(def.carried_findings),
            carried_findings: i64::from(def.carried_findings),
            ..Default::default()
        }
    }

    /// The market marks the stock down by the share of revenue lost to outages, times the
    /// level's `share_price_sensitivity`.
    pub fn share_price(&self, tuning: &crate::level::Tuning) -> f64 {
        let expected = self.revenue_earned + self.revenue_lost;
        let lost_share = if expected > 0.0 {
            self.revenue_lost / expected
        } else {
            0.0
        };
        (self.opening_share_price * (1.0 - tuning.share_price_sensitivity * lost_share)
            + self.share_price_news)
            .max(1.0)
    }
}

/// A system under unusual traffic: its load and capacity (1 is an ordinary day), the sales
/// it turns away an hour, and its chance of giving way in an hour. Capacity equal to the
/// load would stop both.
#[derive(Clone, Debug, PartialEq)]
pub struct Strain {
    pub name: String,
    pub load: f64,
    pub capacity: f64,
    pub turned_away_per_hour: f64,
    pub failure_chance: f64,
}

/// The share of a system's traffic turned away when it runs `overload` past capacity.
pub fn turned_away(overload: f64) -> f64 {
    overload / (1.0 + overload)
}

/// Traffic and capacity per system. A system carrying more load than its capacity turns some
/// customers away and fails more often.
#[derive(Resource, Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Traffic {
    pub load: std::collections::BTreeMap<String, f64>,
    pub capacity: std::collections::BTreeMap<String, f64>,
}

impl Traffic {
    pub fn new(level: &crate::level::Level) -> Self {
        Self {
            load: level.systems.iter().map(|s| (s.id.clone(), 1.0)).collect(),
            capacity: level
                .systems
                .iter()
                .map(|s| (s.id.clone(), s.capacity))
                .collect(),
        }
    }

    /// Systems carrying other than an ordinary day's traffic, or bought extra capacity, with
    /// what the strain costs and what capacity would stop it.
    pub fn unusual(&self, level: &crate::level::Level, revenue_per_day: f64) -> Vec<Strain> {
        level
            .systems
            .iter()
            .filter_map(|system| {
                let load = self.load.get(&system.id).copied().unwrap_or(1.0);
                let capacity = self.capacity.get(&system.id).copied().unwrap_or(1.0);
                let unusual = (load - 1.0).abs() > 1e-9 || (capacity - 1.0).abs() > 1e-9;
                let overload = self.overload(&system.id);
                let per_hour = revenue_per_day / f64::from(HOURS_PER_DAY) * system.revenue_share;
                unusual.then(|| Strain {
                    name: system.name.clone(),
                    load,
                    capacity,
                    turned_away_per_hour: per_hour * turned_away(overload),
                    failure_chance: (level.tuning.overload_failure.0 * overload)
                        .min(level.tuning.overload_failure.1),
                })
            })
            .collect()
    }

    /// How far past its capacity a system runs: 0 when within it, 1 at twice its capacity.
    pub fn overload(&self, system: &str) -> f64 {
        let load = self.load.get(system).copied().unwrap_or(1.0);
        let capacity = self.capacity.get(system).copied().unwrap_or(1.0).max(0.01);
        (load / capacity - 1.0).max(0.0)
    }
}

/// Each hour: revenue flows, except the share that a Sev 1 stopped for part or all of it.
pub fn accrue_revenue(
    clock: Res<Clock>,
    level: Res<CurrentLevel>,
    incidents: Res<Incidents>,
    traffic: Res<Traffic>,
    mut business: ResMut<Business>,
) {
    let per_hour = business.revenue_per_day / f64::from(HOURS_PER_DAY);
    let (start, end) = (clock.now(), clock.now() + 1.0);
    // Per system, the longest of its outages this hour; two outages of one system stop its
    // revenue once.
    let mut down: std::collections::BTreeMap<&str, f64> = std::collections::BTreeMap::new();
    for incident in incidents.0.iter().filter(|i| i.sev1) {
        let hours =
            (incident.restored.unwrap_or(end).min(end) - incident.started.max(start)).max(0.0);
        let entry = down.entry(incident.system.as_str()).or_default();
        *entry = entry.max(hours);
    }
    // An overloaded system turns away the traffic beyond its capacity, outage or not.
    let stopped: f64 = level
        .0
        .systems
        .iter()
        .map(|system| {
            let outage = down.get(system.id.as_str()).copied().unwrap_or(0.0);
            let away = turned_away(traffic.overload(&system.id));
            system.revenue_share * (outage + (1.0 - outage) * away)
        })
        .sum::<f64>()
        .min(1.0);
    business.revenue_earned += per_hour * (1.0 - stopped);
    business.revenue_lost += per_hour * stopped;
}
