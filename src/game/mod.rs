//! The windowed game: Bevy renders, egui draws every screen. Screens read the simulation and
//! send `PlayerCommand`s; they never change simulation state themselves.

mod operations;
mod screens;

use bevy::prelude::*;
use bevy_egui::{EguiPlugin, EguiPrimaryContextPass, egui};

use crate::level::LoadedCampaign;

#[derive(Resource)]
pub struct Campaign(pub LoadedCampaign);

/// The chapter being played and how it was opened.
#[derive(Resource, Clone, Copy, Debug)]
pub struct Playing {
    pub chapter: u32,
    pub seed: u64,
}

#[derive(States, Default, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Screen {
    #[default]
    Map,
    Operations,
    Debrief,
}

pub fn run(campaign: LoadedCampaign) {
    let mut app = App::new();
    app.add_plugins(DefaultPlugins.set(WindowPlugin {
        primary_window: Some(Window {
            title: "Parts Unlimited".into(),
            resolution: (1280, 760).into(),
            ..default()
        }),
        ..default()
    }))
    .add_plugins(EguiPlugin::default())
    .init_state::<Screen>()
    .insert_resource(Campaign(campaign))
    .add_systems(Startup, |mut commands: Commands| {
        commands.spawn(Camera2d);
    });
    crate::sim::plugin(&mut app);
    operations::plugin(&mut app);
    app.add_systems(
        EguiPrimaryContextPass,
        (
            screens::campaign_map.run_if(in_state(Screen::Map)),
            screens::debrief.run_if(in_state(Screen::Debrief)),
        ),
    );
    app.run();
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
