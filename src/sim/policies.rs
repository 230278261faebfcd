//! The rules the player has unlocked and switched on, and the commands that change them:
//! switching a policy, capping a column, and what a project freeze holds back.

use std::collections::{BTreeMap, BTreeSet};

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use super::model::{Column, Origin, Ticket};
use crate::level::{Policy, WorkKind};

#[derive(Resource, Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Policies {
    pub unlocked: BTreeSet<Policy>,
    pub enabled: BTreeSet<Policy>,
    pub wip_limits: BTreeMap<Column, u32>,
    /// The deployment batch size the player chose (the level's until then).
    pub batch_size: Option<u32>,
}

impl Policies {
    pub fn on(&self, policy: Policy) -> bool {
        self.enabled.contains(&policy)
    }

    pub fn wip_limit(&self, column: Column) -> Option<u32> {
        if self.unlocked.contains(&Policy::WipLimits) {
            self.wip_limits.get(&column).copied()
        } else {
            None
        }
    }
}

/// Projects a freeze stops: planned project work that is not critical.
pub fn is_freezable(ticket: &Ticket) -> bool {
    matches!(ticket.kind, WorkKind::Business | WorkKind::Internal)
        && !ticket.critical
        && ticket.origin == Origin::Board
}

/// Refuses a command that needs a policy the story has not brought in yet.
pub fn unlocked(world: &World, policy: Policy) -> Result<(), String> {
    if world.resource::<Policies>().unlocked.contains(&policy) {
        Ok(())
    } else {
        Err(format!(
            "the {} is not available yet in the story",
            policy.label()
        ))
    }
}

pub fn check_switch(world: &World, policy: Policy, on: bool) -> Result<(), String> {
    unlocked(world, policy)?;
    if !policy.is_switch() {
        return Err(format!("the {} is used, not switched", policy.label()));
    }
    if world.resource::<Policies>().on(policy) == on {
        return Err(format!(
            "the {} is already {}",
            policy.label(),
            if on { "on" } else { "off" }
        ));
    }
    Ok(())
}

pub fn switch(world: &mut World, policy: Policy, on: bool) {
    let mut policies = world.resource_mut::<Policies>();
    if on {
        policies.enabled.insert(policy);
    } else {
        policies.enabled.remove(&policy);
    }
}

pub fn check_wip_limit(world: &World, column: Column, limit: Option<u32>) -> Result<(), String> {
    unlocked(world, Policy::WipLimits)?;
    if !matches!(column, Column::Ready | Column::Doing) {
        return Err("only Ready and Doing take a WIP limit".into());
    }
    if limit == Some(0) {
        return Err("a WIP limit of 0 would stop all work".into());
    }
    Ok(())
}

pub fn set_wip_limit(world: &mut World, column: Column, limit: Option<u32>) {
    let mut policies = world.resource_mut::<Policies>();
    match limit {
        Some(l) => policies.wip_limits.insert(column, l),
        None => policies.wip_limits.remove(&column),
    };
}
