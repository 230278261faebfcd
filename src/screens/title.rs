//! The title screen: Continue, New campaign, Chapter select, Settings, Quit.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, egui};

use super::{Campaign, Screen, begin_chapter, root_ui};
use crate::save::{SaveGame, SaveNotice, Settings};

#[allow(clippy::too_many_arguments)]
pub(super) fn title_screen(
    mut contexts: EguiContexts,
    campaign: Res<Campaign>,
    mut save: ResMut<SaveGame>,
    notice: Res<SaveNotice>,
    mut settings: ResMut<Settings>,
    mut commands: Commands,
    mut next: ResMut<NextState<Screen>>,
    mut exit: MessageWriter<AppExit>,
    mut form: Local<TitleForm>,
    files: Res<crate::save::SaveFiles>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut root = root_ui(ctx);
    let first = campaign.0.chapters().next().map(|l| l.chapter);
    egui::CentralPanel::default().show(&mut root, |ui| {
        ui.vertical_centered(|ui| {
            ui.add_space(80.0);
            ui.heading(egui::RichText::new("Parts Unlimited").size(40.0));
            ui.label("A game of The Phoenix Project. You are Bill Palmer, VP of IT Operations.");
            ui.add_space(30.0);
            if let Some(message) = &notice.0 {
                ui.colored_label(egui::Color32::from_rgb(230, 120, 80), message);
                ui.add_space(10.0);
            }
            let resume = save.next_chapter.or(first);
            let button = |ui: &mut egui::Ui, text: &str| {
                ui.add_sized([240.0, 36.0], egui::Button::new(text))
                    .clicked()
            };
            let can_continue =
                (!save.chapters.is_empty() || save.in_progress.is_some()) && resume.is_some();
            let continued = ui
                .add_enabled(
                    can_continue,
                    egui::Button::new("Continue").min_size(egui::vec2(240.0, 36.0)),
                )
                .clicked();
            if continued && let Some(chapter) = resume {
                if let Some(left) = save.in_progress.take() {
                    let seed = left.seed;
                    let chapter = left.chapter;
                    commands.insert_resource(super::briefing::Resume(left));
                    begin_chapter(&mut commands, &mut next, chapter, seed);
                } else {
                    let seed = save.seed;
                    begin_chapter(&mut commands, &mut next, chapter, seed);
                }
            }
            if button(ui, "New campaign")
                && let Some(chapter) = first
            {
                let seed = save.seed;
                *save = save.fresh(seed, save.class_code.clone());
                begin_chapter(&mut commands, &mut next, chapter, seed);
            }
            if button(ui, "Chapter select") {
                next.set(Screen::Map);
            }
            if button(ui, "Settings") {
                form.show_settings = true;
            }
            if button(ui, "Quit") {
                exit.write(AppExit::Success);
            }
            ui.add_space(30.0);
            if classroom(ui, &mut save, &mut form)
                && let Err(e) = files.store(&save)
            {
                form.message = Some(e);
            }
        });
    });
    if form.show_settings {
        let mut open = true;
        egui::Window::new("Settings")
            .open(&mut open)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .show(ctx, |ui| {
                settings_panel(ui, &mut settings);
            });
        form.show_settings = open;
    }
    Ok(())
}

/// What the title screen's fields hold between frames.
#[derive(Default)]
pub(super) struct TitleForm {
    show_settings: bool,
    class_code: String,
    message: Option<String>,
}

/// Joining a class and naming yourself for the report. Returns whether the save changed.
fn classroom(ui: &mut egui::Ui, save: &mut SaveGame, form: &mut TitleForm) -> bool {
    let mut changed = false;
    ui.label(egui::RichText::new("Classroom").strong());
    match &save.class_code {
        Some(code) => ui.label(format!(
            "Playing for class {code}: every student gets the same chapters."
        )),
        None => ui.label("Playing solo. Your instructor may give you a class code."),
    };
    // A fixed-width block, so the centred layout centres the form as a whole.
    ui.allocate_ui(egui::vec2(300.0, 0.0), |ui| {
        egui::Grid::new("classroom").num_columns(2).show(ui, |ui| {
            ui.label("Your name");
            changed |= ui
                .add(egui::TextEdit::singleline(&mut save.student).desired_width(200.0))
                .lost_focus();
            ui.end_row();
            ui.label("Class code");
            ui.add(
                egui::TextEdit::singleline(&mut form.class_code)
                    .hint_text("e.g. DEVOPS-7")
                    .desired_width(200.0),
            );
            ui.end_row();
        });
    });
    let joining = ui
        .add_enabled(
            !form.class_code.trim().is_empty(),
            egui::Button::new("Join class (starts a new campaign)"),
        )
        .clicked();
    if joining {
        form.message = Some(match crate::classroom::join(save, &form.class_code) {
            Ok(code) => {
                changed = true;
                form.class_code.clear();
                format!("Joined class {code}.")
            }
            Err(e) => e,
        });
    }
    if let Some(message) = &form.message {
        ui.label(message);
    }
    changed
}

/// The settings, edited in place. Returns whether anything changed.
pub fn settings_panel(ui: &mut egui::Ui, settings: &mut Settings) -> bool {
    let mut changed = false;
    changed |= ui
        .add(egui::Slider::new(&mut settings.ui_scale, 0.75..=2.0).text("UI scale"))
        .changed();
    changed |= ui
        .add(egui::Slider::new(&mut settings.text_size, 0.8..=1.6).text("Text size"))
        .changed();
    ui.horizontal(|ui| {
        ui.label("Default speed");
        for speed in [1, 2, 4] {
            changed |= ui
                .selectable_value(&mut settings.default_speed, speed, format!("{speed}×"))
                .changed();
        }
    });
    changed |= ui
        .checkbox(&mut settings.colour_blind, "Colour-blind-safe palette")
        .changed();
    changed |= ui
        .checkbox(
            &mut settings.projector,
            "Projector: large type, high contrast",
        )
        .changed();
    changed
}
