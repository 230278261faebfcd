//! Parts Unlimited: a game of the story in *The Phoenix Project*.
//!
//! `sim` is the simulation (no rendering), `level` the RON levels, `policy` the scripted
//! players, `cli` the command-line runner, and `game` the windowed game.

pub mod cli;
mod game;
pub mod level;
pub mod policy;
pub mod sim;
