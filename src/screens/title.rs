//! The title screen: Continue, New campaign, Chapter select, Settings, Quit.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, egui};

use super::{Campaign, Screen, begin_chapter, root_ui};
use crate::classroom::live::{LiveClass, LiveStatus};
use crate::save::{SaveGame, SaveNotice};

#[allow(clippy::too_many_arguments)]
pub(super) fn title_screen(
    mut contexts: EguiContexts,
    campaign: Res<Campaign>,
    mut save: ResMut<SaveGame>,
    notice: Res<SaveNotice>,
    mut menu: ResMut<super::Menu>,
    mut commands: Commands,
    mut next: ResMut<NextState<Screen>>,
    mut exit: MessageWriter<AppExit>,
    mut form: Local<TitleForm>,
    files: Res<crate::save::SaveFiles>,
    mut live: ResMut<crate::classroom::live::LiveClass>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut root = root_ui(ctx);
    let first = campaign.0.chapters().next().map(|l| l.chapter);
    egui::CentralPanel::default().show(&mut root, |ui| {
        egui::ScrollArea::vertical().show(ui, |ui| {
            ui.vertical_centered(|ui| {
                ui.add_space(40.0);
                ui.heading(egui::RichText::new("Parts Unlimited").size(40.0));
                ui.label(
                    "A game of The Phoenix Project. You are Bill Palmer, VP of IT Operations.",
                );
                ui.add_space(20.0);
                if let Some(message) = &notice.0 {
                    ui.colored_label(egui::Color32::from_rgb(230, 120, 80), message);
                    ui.add_space(10.0);
                }
                live_class(ui, &mut live, &mut save);
                let button = |ui: &mut egui::Ui, text: &str, enabled: bool| {
                    ui.add_enabled(
                        enabled,
                        egui::Button::new(text).min_size(egui::vec2(240.0, 36.0)),
                    )
                    .clicked()
                };
                let resume = save.continue_with(first);
                if button(ui, "Continue", resume.is_some())
                    && let Some(chapter) = resume
                {
                    match save.in_progress.take() {
                        Some(left) => {
                            let (chapter, seed) = (left.chapter, left.seed);
                            commands.insert_resource(super::briefing::Resume(left));
                            begin_chapter(&mut commands, &mut next, chapter, seed);
                        }
                        None => begin_chapter(&mut commands, &mut next, chapter, save.seed),
                    }
                }
                if button(ui, "New campaign", first.is_some()) {
                    if save.has_progress() {
                        form.confirm = Some(Confirm::NewCampaign);
                    } else if let Some(chapter) = first {
                        new_campaign(&mut save, &mut commands, &mut next, chapter);
                    }
                }
                if button(ui, "Chapter select", true) {
                    next.set(Screen::Map);
                }
                if button(ui, "Settings (Esc)", true) {
                    menu.open = true;
                }
                if button(ui, "Quit", true) {
                    exit.write(AppExit::Success);
                }
                ui.add_space(24.0);
                // A live class has joined by itself: no code to type.
                if live.status == LiveStatus::Off
                    && classroom(ui, &mut save, &mut form)
                    && let Err(e) = files.store(&save)
                {
                    form.message = Some(e);
                }
            });
        });
    });
    if let Some(confirm) = form.confirm
        && let Some(sure) = confirm_modal(ctx, confirm, save.chapters.len())
    {
        form.confirm = None;
        match (sure, confirm) {
            (false, _) => {}
            (true, Confirm::NewCampaign) => {
                if let Some(chapter) = first {
                    new_campaign(&mut save, &mut commands, &mut next, chapter);
                }
            }
            (true, Confirm::JoinClass) => {
                join(&mut save, &mut form);
                if let Err(e) = files.store(&save) {
                    form.message = Some(e);
                }
            }
        }
    }
    Ok(())
}

/// A live class on this server: join it by name, then see that play reaches the instructor.
fn live_class(ui: &mut egui::Ui, live: &mut LiveClass, save: &mut SaveGame) {
    let warn = egui::Color32::from_rgb(230, 120, 80);
    match live.status.clone() {
        LiveStatus::Off => return,
        LiveStatus::Looking => {
            ui.label("Looking for your class on this server…");
        }
        LiveStatus::NameNeeded { code, why } => {
            ui.label(
                egui::RichText::new(format!("Class {code} is live here"))
                    .strong()
                    .size(22.0),
            );
            ui.label("Type your name and join: each chapter you play reaches your instructor.");
            let mut join = false;
            ui.allocate_ui(egui::vec2(300.0, 0.0), |ui| {
                ui.horizontal(|ui| {
                    ui.label("Your name");
                    let field = ui.add(
                        egui::TextEdit::singleline(&mut save.student)
                            .hint_text("as your instructor knows you")
                            .desired_width(200.0),
                    );
                    join = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                });
            });
            let named = !save.student.trim().is_empty();
            join |= ui
                .add_enabled(
                    named,
                    egui::Button::new("Join the class").min_size(egui::vec2(240.0, 36.0)),
                )
                .clicked();
            if join && named {
                live.join(&save.student);
            }
            if let Some(why) = why {
                ui.colored_label(warn, why);
            }
        }
        LiveStatus::Joining => {
            ui.label("Joining the class…");
        }
        LiveStatus::Seated => {
            let name = save.live.as_ref().map_or("", |s| s.name.as_str());
            let waiting = match live.waiting {
                0 => String::new(),
                n => format!(" ({n} waiting to be sent)"),
            };
            ui.label(
                egui::RichText::new(format!(
                    "Live class {}, as {name}: your chapters reach your instructor as you play{waiting}.",
                    live.code_or(save)
                ))
                .strong(),
            );
        }
        LiveStatus::Unreachable(why) => {
            ui.colored_label(
                warn,
                format!("The class server does not answer ({why}); trying again. Your play is kept and sent when it does."),
            );
        }
    }
    ui.add_space(12.0);
}

/// "This replaces your campaign": asks before stars and answers are lost. Returns the
/// answer once given.
fn confirm_modal(ctx: &egui::Context, confirm: Confirm, chapters: usize) -> Option<bool> {
    let what = match confirm {
        Confirm::NewCampaign => "Start a new campaign?",
        Confirm::JoinClass => "Join the class?",
    };
    let mut answer = None;
    egui::Modal::new(egui::Id::new("confirm")).show(ctx, |ui| {
        ui.heading(what);
        ui.label(format!(
            "This replaces your campaign: the stars and answers of {chapters} chapter{} and any chapter in progress.",
            if chapters == 1 { "" } else { "s" }
        ));
        ui.horizontal(|ui| {
            if ui.button("Keep my campaign").clicked() {
                answer = Some(false);
            }
            if ui.button("Start over").clicked() {
                answer = Some(true);
            }
        });
    });
    answer
}

fn new_campaign(
    save: &mut SaveGame,
    commands: &mut Commands,
    next: &mut NextState<Screen>,
    chapter: u32,
) {
    let seed = save.seed;
    *save = save.fresh(seed, save.class_code.clone());
    begin_chapter(commands, next, chapter, seed);
}

/// A question that must be answered before a campaign is replaced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Confirm {
    NewCampaign,
    JoinClass,
}

/// What the title screen's fields hold between frames.
#[derive(Default)]
pub(super) struct TitleForm {
    class_code: String,
    message: Option<String>,
    confirm: Option<Confirm>,
}

fn join(save: &mut SaveGame, form: &mut TitleForm) {
    form.message = Some(match crate::classroom::join(save, &form.class_code) {
        Ok(code) => {
            form.class_code.clear();
            format!("Joined class {code}.")
        }
        Err(e) => e,
    });
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
        if save.has_progress() && crate::classroom::ClassCode::parse(&form.class_code).is_some() {
            form.confirm = Some(Confirm::JoinClass);
        } else {
            join(save, form);
            changed = true;
        }
    }
    if let Some(message) = &form.message {
        ui.label(message);
    }
    changed
}
