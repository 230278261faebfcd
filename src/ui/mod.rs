//! egui panels as plain functions over `&mut egui::Ui` and read-only views. They return the
//! player's intent as `PlayerCommand`s; they never touch the simulation.

pub mod board;
pub mod charts;
pub mod dialogue;
pub mod incidents;
pub mod portraits;
pub mod questions;
pub mod status;
pub mod team;
pub mod theme;
pub mod views;

use crate::sim::{PersonId, TicketId};

/// What the player has picked on the operations screen.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OpsUiState {
    pub card: Option<TicketId>,
    pub person: Option<PersonId>,
    pub show_help: bool,
}
