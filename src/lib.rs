//! Parts Unlimited: a game of the story in *The Phoenix Project*.
//!
//! `sim` is the simulation (no rendering), `level` the RON levels, `policy` the scripted
//! players, `cli` the command-line runner, `screens` and `ui` the windowed game, `save` its saves and
//! settings.

pub mod classroom;
pub mod cli;
pub mod level;
pub mod platform;
pub mod policy;
pub mod save;
mod screens;
pub mod sim;
pub mod ui;
