//! The size floor for the web build: a bare Bevy + bevy_egui app with the game's own
//! features and profile. `scripts/build-web` builds it beside the game and compares the two;
//! `scripts/test-web` times its start beside the game's. Without egui's own fonts (the game
//! leaves them out) it brings the one font any app that shows text must: the game's regular.

use bevy::prelude::*;
use bevy_egui::{EguiContext, EguiContexts, EguiPlugin, EguiPrimaryContextPass, egui};

fn main() {
    App::new()
        .add_plugins(DefaultPlugins)
        .add_plugins(EguiPlugin::default())
        .add_systems(Startup, |mut commands: Commands| {
            commands.spawn(Camera2d);
        })
        .add_observer(install_font)
        .add_systems(EguiPrimaryContextPass, hello)
        .add_systems(Last, ready)
        .run();
}

fn install_font(add: On<Add, EguiContext>, mut contexts: Query<&mut EguiContext>) -> Result {
    let mut fonts = egui::FontDefinitions::empty();
    fonts.font_data.insert(
        "regular".to_owned(),
        std::sync::Arc::new(egui::FontData::from_static(include_bytes!(
            "../assets/fonts/AtkinsonHyperlegible-Regular.ttf"
        ))),
    );
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        fonts.families.insert(family, vec!["regular".to_owned()]);
    }
    contexts.get_mut(add.entity)?.get_mut().set_fonts(fonts);
    Ok(())
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
