//! The windowed game: Bevy renders, egui draws every screen.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPlugin, EguiPrimaryContextPass, egui};

use crate::level::LoadedCampaign;

#[derive(Resource)]
struct Campaign(LoadedCampaign);

pub fn run(campaign: LoadedCampaign) {
    App::new()
        .add_plugins(DefaultPlugins.set(WindowPlugin {
            primary_window: Some(Window {
                title: "Parts Unlimited".into(),
                ..default()
            }),
            ..default()
        }))
        .add_plugins(EguiPlugin::default())
        .insert_resource(Campaign(campaign))
        .add_systems(Startup, |mut commands: Commands| {
            commands.spawn(Camera2d);
        })
        .add_systems(EguiPrimaryContextPass, campaign_map)
        .run();
}

fn campaign_map(mut contexts: EguiContexts, campaign: Res<Campaign>) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut root = root_ui(ctx);
    egui::CentralPanel::default().show(&mut root, |ui| {
        ui.heading("Parts Unlimited");
        for part in &campaign.0.parts {
            ui.label(&part.title);
            for level in &part.chapters {
                ui.label(format!("  {}. {} ({})", level.chapter, level.title, level.date));
            }
        }
    });
    Ok(())
}

/// egui 0.36 panels live inside a `Ui`; this one covers the whole window.
fn root_ui(ctx: &egui::Context) -> egui::Ui {
    egui::Ui::new(
        ctx.clone(),
        "root".into(),
        egui::UiBuilder::new()
            .layer_id(egui::LayerId::background())
            .max_rect(ctx.viewport_rect()),
    )
}
