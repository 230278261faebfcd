//! The story so far: the "Previously" card that opens a chapter with what the last one left,
//! and the journal the campaign map opens, every chapter's lines and options taken.

use bevy_egui::egui;

use super::art;
use crate::level::Character;
use crate::sim::story::PlayedScene;

/// What the chapter before this one came to, for the card that opens a chapter.
#[derive(Clone, Debug, PartialEq)]
pub struct Previously {
    pub chapter: u32,
    pub title: String,
    pub stars: u8,
    pub passed: bool,
    /// The options Bill took, in the order he took them.
    pub chose: Vec<String>,
    /// How it went, in one line ("$12,000 lost to outages · 2 Sev 1s").
    pub numbers: Option<String>,
}

/// One chapter of the journal.
pub struct JournalChapter<'a> {
    pub chapter: u32,
    pub title: &'a str,
    pub stars: u8,
    pub scenes: &'a [PlayedScene],
    pub cast: &'a [Character],
}

const GOLD: egui::Color32 = egui::Color32::from_rgb(250, 210, 120);

/// The card over the whole window; true once the player moves on.
pub fn previously(ctx: &egui::Context, heading: &str, card: &Previously) -> bool {
    let mut go_on = false;
    egui::Area::new("previously".into())
        .order(egui::Order::Foreground)
        .fixed_pos(egui::Pos2::ZERO)
        .show(ctx, |ui| {
            let screen = ctx.content_rect();
            ui.set_min_size(screen.size());
            ui.painter()
                .rect_filled(screen, 0.0, egui::Color32::from_rgb(24, 27, 36));
            let width = (screen.width() * 0.7).min(780.0);
            let area = egui::Rect::from_center_size(screen.center(), egui::vec2(width, 380.0));
            ui.scope_builder(egui::UiBuilder::new().max_rect(area), |ui| {
                ui.visuals_mut().override_text_color = Some(egui::Color32::from_gray(235));
                ui.label(egui::RichText::new(heading).font(art::bold(18.0)));
                ui.add_space(10.0);
                ui.label(
                    egui::RichText::new("Previously")
                        .font(art::bold(30.0))
                        .color(GOLD),
                );
                ui.add_space(6.0);
                ui.label(
                    egui::RichText::new(format!(
                        "Chapter {}: {}  {}  {}",
                        card.chapter,
                        card.title,
                        crate::sim::objectives::star_row(card.stars),
                        if card.passed { "passed" } else { "not passed" }
                    ))
                    .size(20.0),
                );
                for chose in &card.chose {
                    ui.label(
                        egui::RichText::new(format!("You chose: {chose}"))
                            .size(18.0)
                            .italics()
                            .color(GOLD),
                    );
                }
                if let Some(numbers) = &card.numbers {
                    ui.label(egui::RichText::new(numbers).size(17.0));
                }
                ui.add_space(16.0);
                let button = egui::Button::new(egui::RichText::new("Continue ▶").size(18.0));
                if ui.add(button).clicked()
                    || ui.input(|i| {
                        i.key_pressed(egui::Key::Space) || i.key_pressed(egui::Key::Enter)
                    })
                {
                    go_on = true;
                }
            });
        });
    go_on
}

/// Every chapter played, newest last: its stars, the options taken and, opened, its lines.
pub fn journal(ui: &mut egui::Ui, chapters: &[JournalChapter], ending: Option<&str>) {
    if let Some(ending) = ending {
        ui.label(
            egui::RichText::new(format!("Ending reached: {ending}"))
                .font(art::bold(18.0))
                .color(GOLD),
        );
        ui.separator();
    }
    if chapters.is_empty() {
        ui.label("Nothing yet: the journal fills in as you play the chapters.");
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt("journal")
        .max_height(ui.available_height().max(200.0))
        .show(ui, |ui| {
            for entry in chapters {
                let title = format!(
                    "{}. {}  {}",
                    entry.chapter,
                    entry.title,
                    crate::sim::objectives::star_row(entry.stars)
                );
                egui::CollapsingHeader::new(egui::RichText::new(title).strong())
                    .id_salt(("journal chapter", entry.chapter))
                    .show(ui, |ui| chapter_lines(ui, entry));
                for chosen in entry.scenes.iter().filter_map(PlayedScene::chosen_text) {
                    ui.label(egui::RichText::new(format!("    You chose: {chosen}")).italics());
                }
            }
        });
}

fn chapter_lines(ui: &mut egui::Ui, entry: &JournalChapter) {
    if entry.scenes.is_empty() {
        ui.weak("No scenes were recorded for this chapter.");
    }
    for scene in entry.scenes {
        for said in &scene.lines {
            let name = super::dialogue::speaker_name(entry.cast, &said.who);
            ui.horizontal_wrapped(|ui| {
                ui.strong(format!("{name}:"));
                ui.label(&said.text);
            });
        }
        if let Some(chosen) = scene.chosen_text() {
            super::dialogue::you_chose(ui, chosen, egui::Color32::from_rgb(200, 150, 40));
        }
        ui.separator();
    }
}
