//! The campaign map: the three parts, each chapter's stars, every chapter open.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, egui};

use super::{Campaign, Screen, begin_chapter, root_ui};
use crate::save::SaveGame;

/// Which chapter's answers are open for review from the map.
#[derive(Default)]
pub(super) struct Reviewing(Option<u32>);

#[allow(clippy::too_many_arguments)]
pub(super) fn campaign_map(
    mut contexts: EguiContexts,
    campaign: Res<Campaign>,
    mut save: ResMut<SaveGame>,
    mut commands: Commands,
    mut next: ResMut<NextState<Screen>>,
    mut reviewing: Local<Reviewing>,
    mut handed_in: Local<Option<String>>,
    mut journal_open: Local<bool>,
    files: Res<crate::save::SaveFiles>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut root = root_ui(ctx);
    egui::CentralPanel::default().show(&mut root, |ui| {
        ui.horizontal(|ui| {
            if ui.button("◀ Title").clicked() {
                next.set(Screen::Title);
            }
            ui.heading("The campaign");
            if let Some(code) = &save.class_code {
                ui.label(format!("· class {code}"));
            }
            if ui.button("Hand in report").clicked() {
                *handed_in = Some(crate::classroom::hand_in(&save).unwrap_or_else(|e| e));
            }
            ui.toggle_value(&mut journal_open, "Journal: the story so far");
        });
        if let Some(ending) = save.ending() {
            ui.label(
                egui::RichText::new(format!("Ending reached: {ending}"))
                    .strong()
                    .color(egui::Color32::from_rgb(200, 150, 40)),
            );
        }
        if let Some(message) = &*handed_in {
            ui.label(message);
        }
        ui.separator();
        ui.label("Every chapter is open. One you have not reached yet starts as if the chapters before it had gone the book's way; your own campaign is left as it is.");
        let mut previous: Option<u32> = None;
        egui::ScrollArea::vertical().show(ui, |ui| {
            ui.columns(campaign.0.parts.len().max(1), |columns| {
                for (ui, part) in columns.iter_mut().zip(&campaign.0.parts) {
                    ui.strong(&part.title);
                    for level in &part.chapters {
                        let reached = save.is_unlocked(level.chapter, previous);
                        let stars = crate::sim::objectives::star_row(
                            save.stars(level.chapter).unwrap_or(0),
                        );
                        ui.horizontal_wrapped(|ui| {
                            let label = format!("{}. {}", level.chapter, level.title);
                            let button = ui
                                .add(egui::Button::new(label).wrap())
                                .on_hover_text(if reached {
                                    format!("{}: play it", level.date)
                                } else {
                                    format!(
                                        "{}: not reached yet; it starts as the book's choices leave the campaign",
                                        level.date
                                    )
                                });
                            if button.clicked() {
                                let seed = save.seed;
                                begin_chapter(&mut commands, &mut next, level.chapter, seed);
                                if !reached {
                                    commands.insert_resource(super::Playing {
                                        chapter: level.chapter,
                                        seed,
                                        from_book: true,
                                    });
                                }
                            }
                            if reached {
                                ui.label(stars);
                            } else {
                                ui.weak("not reached");
                            }
                            if save.chapters.contains_key(&level.chapter)
                                && ui.small_button("Questions").clicked()
                            {
                                reviewing.0 = Some(level.chapter);
                            }
                        });
                        previous = Some(level.chapter);
                    }
                }
            });
        });
    });
    if *journal_open {
        journal_window(ctx, &campaign.0, &save, &mut journal_open);
    }
    if let Some(chapter) = reviewing.0
        && let Some(level) = campaign.0.chapter(chapter)
    {
        let mut open = true;
        egui::Window::new("Discussion")
            .open(&mut open)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .show(ctx, |ui| {
                let record = save.chapters.entry(chapter).or_default();
                let questions = if record.questions.is_empty() {
                    level.questions.clone()
                } else {
                    record.questions.clone()
                };
                crate::ui::questions::questions(ui, chapter, &questions, &mut record.answers);
            });
        if !open {
            reviewing.0 = None;
            // Answers written here belong in the save (and so in the report) at once.
            if let Err(e) = files.store(&save) {
                *handed_in = Some(e);
            }
        }
    }
    Ok(())
}

/// The journal: every chapter the player has played, with its lines and choices.
fn journal_window(
    ctx: &egui::Context,
    campaign: &crate::level::LoadedCampaign,
    save: &SaveGame,
    open: &mut bool,
) {
    let chapters: Vec<crate::ui::journal::JournalChapter> = save
        .chapters
        .iter()
        .filter(|(_, record)| record.played.is_some() || !record.story.is_empty())
        .filter_map(|(&chapter, record)| {
            let level = campaign.chapter(chapter)?;
            Some(crate::ui::journal::JournalChapter {
                chapter,
                title: &level.title,
                stars: record.best_stars,
                scenes: &record.story,
                cast: &level.cast,
            })
        })
        .collect();
    let size = ctx.content_rect().size();
    egui::Window::new("Journal: the story so far")
        .open(open)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .default_size([size.x * 0.7, size.y * 0.75])
        .show(ctx, |ui| {
            crate::ui::journal::journal(ui, &chapters, save.ending());
        });
}
