//! The size floor for the web build: a bare Bevy + bevy_egui app with the game's own
//! features and profile. `scripts/build-web` builds it beside the game and compares the two.

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
        .run();
}

fn hello(mut contexts: EguiContexts) -> Result {
    egui::Window::new("Hello").show(contexts.ctx_mut()?, |ui| ui.label("Hello, world"));
    Ok(())
}
