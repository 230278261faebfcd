//! The size floor for the web build: a bare Bevy + bevy_egui app with the game's own
//! features and profile. `scripts/build-web` builds it beside the game and compares the two;
//! `scripts/test-web` times its start beside the game's.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPlugin, EguiPrimaryContextPass, egui};

fn main() {
    App::new()
        .add_plugins(DefaultPlugins)
        .add_plugins(EguiPlugin::default())
        .add_systems(Startup, |mut commands: Commands| {
            commands.spawn(Camera2d);
        })
        .add_systems(EguiPrimaryContextPass, hello)
        .add_systems(Last, ready)
        .run();
}

/// The line the start-up timing waits for, as the game logs its own.
fn ready(mut frames: Local<u32>) {
    *frames += 1;
    if *frames == 3 {
        info!("web-floor: ready");
    }
}

fn hello(mut contexts: EguiContexts) -> Result {
    egui::Window::new("Hello").show(contexts.ctx_mut()?, |ui| ui.label("Hello, world"));
    Ok(())
}
