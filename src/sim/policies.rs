//! The rules the player has unlocked and switched on.

use std::collections::{BTreeMap, BTreeSet};

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use super::model::Column;
use crate::level::Policy;

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
