//! egui panels as plain functions over `&mut egui::Ui` and read-only views. They return the
//! player's intent as `PlayerCommand`s; they never touch the simulation.

pub mod art;
pub mod board;
pub mod charts;
pub mod dialogue;
pub mod guide;
pub mod incidents;
pub mod journal;
pub mod menu;
pub mod ops;
pub mod portraits;
pub mod questions;
pub mod status;
pub mod team;
pub mod theme;
pub mod toasts;
pub mod views;

use std::collections::BTreeMap;

use crate::sim::{PersonId, TicketId};

/// What the player has picked on the operations screen, and what the screen shows besides
/// the board (help, the menu, announcements, the guide).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OpsUiState {
    pub card: Option<TicketId>,
    pub person: Option<PersonId>,
    pub show_help: bool,
    pub show_menu: bool,
    /// Cards that just changed flash until this time (egui's clock, in seconds).
    pub flash: BTreeMap<TicketId, f64>,
    pub toasts: toasts::Toasts,
    /// A project the player asked to retire, waiting for them to say they mean it.
    pub retiring: Option<TicketId>,
    pub guide: guide::GuideState,
}

impl OpsUiState {
    pub fn flashing(&self, card: TicketId, now: f64) -> bool {
        self.flash.get(&card).is_some_and(|&until| now < until)
    }
}
