//! The campaign map and the debrief.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, egui};

use super::{Campaign, Playing, Screen, root_ui};
use crate::sim::objectives::ChapterResult;
use crate::sim::setup::CurrentLevel;

pub fn campaign_map(
    mut contexts: EguiContexts,
    campaign: Res<Campaign>,
    mut commands: Commands,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut root = root_ui(ctx);
    egui::CentralPanel::default().show(&mut root, |ui| {
        ui.heading("Parts Unlimited");
        ui.label("You are Bill Palmer, newly VP of IT Operations. Pick a chapter.");
        ui.separator();
        for part in &campaign.0.parts {
            ui.strong(&part.title);
            if part.chapters.is_empty() {
                ui.weak("  (coming later)");
            }
            for level in &part.chapters {
                let label = format!(
                    "Chapter {}: {} ({})",
                    level.chapter, level.title, level.date
                );
                if ui.button(label).clicked() {
                    commands.insert_resource(Playing {
                        chapter: level.chapter,
                        seed: 1,
                    });
                    next.set(Screen::Operations);
                }
            }
        }
    });
    Ok(())
}

pub fn debrief(
    mut contexts: EguiContexts,
    result: Option<Res<ChapterResult>>,
    level: Option<Res<CurrentLevel>>,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut root = root_ui(ctx);
    egui::CentralPanel::default().show(&mut root, |ui| {
        let (Some(result), Some(level)) = (result, level) else {
            return;
        };
        ui.heading(format!(
            "Chapter {} debrief: {}",
            level.0.chapter, level.0.title
        ));
        ui.label(format!("Stars: {}", "★".repeat(result.stars as usize)));
        for objective in &result.objectives {
            ui.label(format!(
                "{} {} (measured {:.1}, {} star{})",
                if objective.met { "✔" } else { "✘" },
                objective.text,
                objective.value,
                objective.stars,
                if objective.stars == 1 { "" } else { "s" }
            ));
        }
        ui.separator();
        let s = &result.summary;
        let hours = |v: Option<f64>| v.map_or("-".to_owned(), |h| format!("{h:.1} h"));
        ui.label(format!(
            "Lead time {}   Throughput {:.1} planned/day   Unplanned share {:.0}%",
            hours(s.lead_time),
            s.planned_throughput,
            s.unplanned_share * 100.0
        ));
        if let Some(brent) = s.constraint() {
            ui.label(format!(
                "{}'s utilization {:.0}%, queue peaked at {:.1} h",
                brent.name,
                brent.utilization * 100.0,
                brent.peak_queue_hours
            ));
        }
        ui.label(format!(
            "Deploys/day {:.1}   Change fail rate {}   Time to restore {}",
            s.dora.deploys_per_day,
            s.dora
                .change_fail_rate
                .map_or("-".into(), |r| format!("{:.0}%", r * 100.0)),
            hours(s.dora.time_to_restore)
        ));
        ui.separator();
        ui.strong("Discussion");
        for (i, q) in level.0.questions.iter().enumerate() {
            let filled = crate::sim::questions::fill(q, &result.summary);
            ui.label(format!("{}. {filled}", i + 1));
        }
        ui.separator();
        if ui.button("Back to the campaign").clicked() {
            next.set(Screen::Map);
        }
    });
    Ok(())
}
