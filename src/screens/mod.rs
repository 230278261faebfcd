//! The game's screens as Bevy states: title → campaign map → briefing → operations →
//! debrief (with the discussion questions) → the next chapter.

#[cfg(not(target_arch = "wasm32"))]
pub mod autoplay;
mod briefing;
mod debrief;
mod demo;
mod map;
mod operations;
mod progress;
mod title;

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::level::LoadedCampaign;
use crate::save::Settings;

#[derive(Resource)]
pub struct Campaign(pub LoadedCampaign);

/// The chapter being played.
#[derive(Resource, Clone, Copy, Debug)]
pub struct Playing {
    pub chapter: u32,
    pub seed: u64,
}

#[derive(States, Default, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Screen {
    #[default]
    Title,
    Map,
    Briefing,
    Operations,
    Debrief,
}

/// What the command line asked of the windowed game.
#[derive(Resource, Clone, Debug, Default)]
pub struct Start {
    /// Walk every screen, write a picture of each, and quit.
    pub screenshots: Option<std::path::PathBuf>,
    /// Large type and high contrast for a room, whatever the saved settings say.
    pub projector: bool,
}

/// The order of each egui pass: the theme follows the settings, then the screen is drawn.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub enum UiSet {
    Theme,
    Screen,
}

pub(super) fn plugin(app: &mut App) {
    app.init_state::<Screen>()
        .init_resource::<Start>()
        .configure_sets(
            EguiPrimaryContextPass,
            (UiSet::Theme, UiSet::Screen).chain(),
        )
        .add_systems(Startup, (spawn_camera, projector_from_start))
        .add_systems(EguiPrimaryContextPass, apply_settings.in_set(UiSet::Theme))
        // Each screen is drawn while it is the one shown.
        .add_systems(
            EguiPrimaryContextPass,
            (
                title::title_screen.run_if(in_state(Screen::Title)),
                map::campaign_map.run_if(in_state(Screen::Map)),
                briefing::briefing_screen.run_if(in_state(Screen::Briefing)),
                operations::operations_ui.run_if(in_state(Screen::Operations)),
                debrief::debrief_screen.run_if(in_state(Screen::Debrief)),
            )
                .in_set(UiSet::Screen),
        )
        .add_systems(Last, announce_ready)
        .add_plugins((
            progress::plugin,
            briefing::plugin,
            operations::plugin,
            debrief::plugin,
            demo::plugin,
        ));
}

fn spawn_camera(mut commands: Commands) {
    commands.spawn(Camera2d);
}

fn projector_from_start(start: Res<Start>, mut settings: ResMut<Settings>) {
    if start.projector {
        settings.projector = true;
    }
}

/// Once the first screen has been drawn: says so in the log (the browser test waits for
/// this line) and takes the page's loading indicator down.
fn announce_ready(mut frames: Local<u32>) {
    *frames += 1;
    if *frames == 3 {
        info!("{}", crate::platform::READY_LINE);
        crate::platform::page_ready();
    }
}

/// Text size, scale and contrast follow the settings whenever they change.
fn apply_settings(
    mut contexts: EguiContexts,
    settings: Res<Settings>,
    mut applied: Local<Option<Settings>>,
) -> Result {
    if applied.as_ref() != Some(&*settings) {
        let ctx = contexts.ctx_mut()?;
        ctx.set_zoom_factor(settings.ui_scale);
        crate::ui::theme::apply(ctx, settings.text_size, settings.projector);
        *applied = Some(settings.clone());
    }
    Ok(())
}

pub fn theme(settings: &Settings) -> crate::ui::theme::Theme {
    crate::ui::theme::Theme {
        colour_blind: settings.colour_blind,
        projector: settings.projector,
    }
}

/// egui 0.36 panels live inside a `Ui`; this one covers the whole window.
pub fn root_ui(ctx: &egui::Context) -> egui::Ui {
    egui::Ui::new(
        ctx.clone(),
        "root".into(),
        egui::UiBuilder::new()
            .layer_id(egui::LayerId::background())
            .max_rect(ctx.viewport_rect()),
    )
}

/// Starts `chapter` at the briefing.
pub fn begin_chapter(
    commands: &mut Commands,
    next: &mut NextState<Screen>,
    chapter: u32,
    seed: u64,
) {
    commands.insert_resource(Playing { chapter, seed });
    next.set(Screen::Briefing);
}
