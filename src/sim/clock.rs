//! Working hours: the chapter's clock.

use bevy::prelude::*;

use super::model::HOURS_PER_DAY;

#[derive(Resource, Clone, Debug, Default, PartialEq)]
pub struct Clock {
    /// Hours elapsed since the chapter opened; the hour being played is `tick`.
    pub tick: u32,
    /// The hour the chapter closes.
    pub end: u32,
}

impl Clock {
    pub fn now(&self) -> f64 {
        self.tick as f64
    }

    pub fn day(&self) -> u32 {
        self.tick / HOURS_PER_DAY
    }

    pub fn hour_of_day(&self) -> u32 {
        self.tick % HOURS_PER_DAY
    }

    pub fn is_over(&self) -> bool {
        self.tick >= self.end
    }

    /// "Day 2, 11:00" with the working day starting at 9:00; a chapter over at the end of a
    /// day shows that day's 17:00, not the next morning.
    pub fn label(&self) -> String {
        if self.tick > 0 && self.tick == self.end && self.tick.is_multiple_of(HOURS_PER_DAY) {
            return format!("Day {}, {:02}:00", self.day(), 9 + HOURS_PER_DAY);
        }
        format!("Day {}, {:02}:00", self.day() + 1, 9 + self.hour_of_day())
    }
}
