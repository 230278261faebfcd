//! One integration-test binary (each links Bevy once): the lessons, the levels, commands,
//! and determinism.

mod balance;
mod campaign;
mod classroom;
mod commands;
mod determinism;
mod fair_play;
mod layers;
mod lessons;
mod levels;
mod live_class;
mod mutants;
mod saving;
mod story;
mod support;
mod ui;
