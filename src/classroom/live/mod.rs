//! A live class, the game's side: find the class server (the page's own in the browser,
//! `--server URL` on the desktop), take a seat, deliver each chapter's record as it changes,
//! and pick up the facilitator's calls. One request at a time; whatever did not get through
//! is sent again when the server answers, after a reload too (the seat is in the save).

mod client;
pub mod protocol;

use bevy::prelude::*;

pub use client::{LiveClass, LiveStatus, record_for};
use protocol::Call;

/// The class server to look for, if any.
#[derive(Resource, Clone, Debug, Default)]
pub struct LiveServer(pub Option<String>);

/// Where the player is, as the instructor's dashboard shows it (set by the screens).
#[derive(Resource, Clone, Debug, Default, PartialEq, Eq)]
pub struct LiveWhere {
    pub chapter: Option<u32>,
    pub screen: &'static str,
}

/// Where the answers from the class server are taken in: the screens act on the calls
/// after it, in the same frame (a call may be the only thing that woke the window).
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub struct LiveSet;

/// Public (not `pub(super)` as elsewhere) so the tests can drive a seated game headless.
pub fn plugin(app: &mut App) {
    app.init_resource::<LiveServer>()
        .init_resource::<LiveClass>()
        .init_resource::<LiveWhere>()
        .add_systems(Startup, client::look_for_the_class)
        .add_systems(Update, client::drive.in_set(LiveSet));
}

impl LiveClass {
    /// The calls that came in since the screens last looked (Sev 1s, interrupts, resumes).
    pub fn take_calls(&mut self) -> Vec<Call> {
        std::mem::take(&mut self.calls)
    }

    /// The calls waiting for the screens.
    pub fn pending_calls(&self) -> &[Call] {
        &self.calls
    }

    /// The class's code, from the server or the seat kept in the save.
    pub fn code_or(&self, save: &crate::save::SaveGame) -> String {
        if self.code.is_empty() {
            save.live
                .as_ref()
                .map(|s| s.code.clone())
                .unwrap_or_default()
        } else {
            self.code.clone()
        }
    }
}
