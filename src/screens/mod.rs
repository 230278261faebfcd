//! The game's screens as Bevy states: title → campaign map → briefing → operations →
//! debrief (with the discussion questions) → the next chapter.

mod briefing;
mod debrief;
mod demo;
mod map;
mod operations;
mod title;

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPlugin, EguiPrimaryContextPass, egui};

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

/// How the game was started.
#[derive(Clone, Debug, Default)]
pub struct StartOptions {
    /// Walk every screen, write a picture of each, and quit.
    pub screenshots: Option<std::path::PathBuf>,
    /// A class code to join before the title screen.
    pub class: Option<String>,
    /// Large type and high contrast for a room, whatever the saved settings say.
    pub projector: bool,
}

/// Opens the game window.
pub fn run(campaign: LoadedCampaign, options: StartOptions) {
    let mut app = App::new();
    app.add_plugins(DefaultPlugins.set(WindowPlugin {
        primary_window: Some(Window {
            title: "Parts Unlimited".into(),
            resolution: (1280, 760).into(),
            // In the browser: draw into the page's canvas and follow its size.
            canvas: Some("#game".into()),
            fit_canvas_to_parent: true,
            ..default()
        }),
        ..default()
    }))
    .add_plugins(EguiPlugin::default())
    .init_state::<Screen>()
    .insert_resource(Campaign(campaign))
    .add_systems(Startup, |mut commands: Commands| {
        commands.spawn(Camera2d);
    })
    .add_systems(
        EguiPrimaryContextPass,
        apply_settings.before(title::title_screen),
    )
    .add_systems(Last, announce_ready);
    crate::save::plugin(&mut app);
    crate::classroom::plugin(&mut app);
    app.insert_resource(crate::classroom::ClassFromStart(options.class));
    if options.projector {
        app.add_systems(Startup, |mut settings: ResMut<Settings>| {
            settings.projector = true;
        });
    }
    crate::sim::plugin(&mut app);
    title::plugin(&mut app);
    map::plugin(&mut app);
    briefing::plugin(&mut app);
    operations::plugin(&mut app);
    debrief::plugin(&mut app);
    if let Some(dir) = options.screenshots {
        demo::plugin(&mut app, dir);
    }
    app.run();
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
