//! One integration-test binary (each links Bevy once): the lessons, the levels, commands,
//! and determinism.

mod balance;
mod campaign;
mod classroom;
mod commands;
mod determinism;
mod layers;
mod lessons;
mod levels;
mod mutants;
mod saving;
mod support;
mod ui;
