//! The debrief: objectives and stars, the charts, the four keys, and the discussion
//! questions with the player's own numbers. The campaign is saved here.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, egui};

use super::{Campaign, Playing, Screen, begin_chapter, root_ui, theme};
use crate::policy::what_if;
use crate::save::{SaveFiles, SaveGame, Settings};
use crate::sim::board;
use crate::sim::key_numbers::KeyNumbers;
use crate::sim::metrics::Metrics;
use crate::sim::objectives::ChapterResult;
use crate::sim::setup::CurrentLevel;
use crate::sim::story::Story;
use crate::ui::charts::{self, ChartData};

/// Built once when the debrief opens.
#[derive(Resource, Default)]
pub(super) struct Debrief {
    chapter: u32,
    title: String,
    result: Option<ChapterResult>,
    charts: ChartData,
    questions: Vec<String>,
    next_chapter: Option<u32>,
    show_questions: bool,
    save_error: Option<String>,
    /// Where the last hand-in went, or why it failed.
    handed_in: Option<String>,
    /// What the "What if?" window needs to replay the chapter another way.
    replay: Option<Replay>,
    what_if: Option<WhatIfView>,
    /// The discussion screen for the room: which question is up, if it is open.
    discussion: Option<usize>,
}

#[derive(Clone)]
struct Replay {
    /// What the campaign carried into the chapter, and the chapter as it prepared it.
    campaign: crate::sim::campaign::CampaignState,
    level: crate::level::Level,
    seed: u64,
    commands: Vec<crate::sim::PlayerCommand>,
    alternatives: Vec<(String, what_if::Alternative)>,
}

/// The player's run and another, side by side.
struct WhatIfView {
    picked: usize,
    theirs: Option<(ChartData, ChapterResult)>,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Debrief>()
        .add_systems(OnEnter(Screen::Debrief), close_the_books);
}

/// Opens the discussion overlay (used by the screenshot walk-through).
pub(super) fn open_questions(world: &mut World) {
    let mut debrief = world.resource_mut::<Debrief>();
    debrief.show_questions = true;
}

/// Opens "What if?" with the first alternative (used by the screenshot walk-through).
pub(super) fn open_what_if(world: &mut World) {
    let mut debrief = world.resource_mut::<Debrief>();
    debrief.show_questions = false;
    debrief.what_if = Some(WhatIfView {
        picked: 0,
        theirs: None,
    });
}

/// Opens the discussion screen for the room (used by the screenshot walk-through).
pub(super) fn open_discussion(world: &mut World) {
    let mut debrief = world.resource_mut::<Debrief>();
    debrief.what_if = None;
    debrief.discussion = Some(0);
}

fn close_the_books(world: &mut World) {
    let Some(result) = world.get_resource::<ChapterResult>().cloned() else {
        return;
    };
    let level = world.resource::<CurrentLevel>().0.clone();
    let lead_times = board::lead_times(world);
    let charts = ChartData::new(world.resource::<Metrics>(), &result.summary, lead_times);
    let questions: Vec<String> = level
        .questions
        .iter()
        .map(|q| {
            let with_story = crate::sim::story::fill(world, q);
            crate::sim::questions::fill(&with_story, &result.summary)
        })
        .collect();
    let choices = world.resource::<Story>().choices.clone();
    let story_log = world.resource::<Story>().played.clone();
    let next_chapter = {
        let campaign = &world.resource::<Campaign>().0;
        let mut chapters = campaign.chapters().map(|l| l.chapter);
        chapters.find(|&c| c == level.chapter);
        chapters.next()
    };
    info!(
        "chapter {}: over, {} star{}",
        level.chapter,
        result.stars,
        if result.stars == 1 { "" } else { "s" }
    );
    let seed = world
        .get_resource::<Playing>()
        .map_or(world.resource::<SaveGame>().seed, |p| p.seed);
    let commands = world.resource::<crate::sim::CommandLog>().commands();
    let played = crate::save::played::PlayedChapter::new(&level, seed, &result, commands.clone());
    let replay = (!level.narrative_only).then(|| Replay {
        alternatives: what_if::alternatives(&level, &commands),
        campaign: world
            .get_resource::<crate::sim::campaign::Carried>()
            .map(|c| c.0.clone())
            .unwrap_or_default(),
        level: level.clone(),
        seed,
        commands,
    });
    // A chapter opened before the player reached it leaves their own campaign as it was.
    let from_book = world.get_resource::<Playing>().is_some_and(|p| p.from_book);
    let mut campaign_state = world.resource::<SaveGame>().campaign.clone();
    if !from_book {
        campaign_state.carry(world, &level);
    }
    let save_error = {
        let mut save = world.resource_mut::<SaveGame>();
        save.campaign = campaign_state;
        save.record(level.chapter, result.stars, choices);
        save.close_chapter();
        let record = save.chapters.entry(level.chapter).or_default();
        record.questions = questions.clone();
        record.story = story_log;
        record.played = Some(played);
        save.next_chapter = if result.passed() {
            next_chapter.or(Some(level.chapter))
        } else {
            Some(level.chapter)
        };
        let save = save.clone();
        world.resource::<SaveFiles>().store(&save).err()
    };
    world.insert_resource(Debrief {
        chapter: level.chapter,
        title: level.title.clone(),
        result: Some(result),
        charts,
        questions,
        next_chapter,
        show_questions: false,
        save_error,
        handed_in: None,
        replay,
        what_if: None,
        discussion: None,
    });
}

/// Where the player goes from the debrief.
enum Leave {
    Chapter(u32),
    Map,
}

#[allow(clippy::too_many_arguments)]
pub(super) fn debrief_screen(
    mut contexts: EguiContexts,
    mut debrief: ResMut<Debrief>,
    settings: Res<Settings>,
    mut save: ResMut<SaveGame>,
    files: Res<SaveFiles>,
    playing: Option<Res<Playing>>,
    mut commands: Commands,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let theme = theme(&settings);
    let mut root = root_ui(ctx);
    let debrief = &mut *debrief;
    if debrief.result.is_none() {
        return Ok(());
    }
    let mut leave = None;
    egui::Panel::left("outcome")
        .min_size(380.0)
        .show(&mut root, |ui| {
            // The way on stays in sight at the panel's foot; the outcome scrolls above it.
            egui::Panel::bottom("debrief actions").show(ui, |ui| {
                ui.add_space(4.0);
                leave = actions(ui, debrief, &save);
                ui.add_space(4.0);
            });
            egui::ScrollArea::vertical().show(ui, |ui| {
                outcome(ui, debrief, &theme);
            });
        });
    match leave {
        Some(Leave::Chapter(chapter)) => {
            let seed = playing.as_ref().map_or(save.seed, |p| p.seed);
            begin_chapter(&mut commands, &mut next, chapter, seed);
        }
        Some(Leave::Map) => next.set(Screen::Map),
        None => {}
    }
    egui::CentralPanel::default().show(&mut root, |ui| {
        egui::ScrollArea::vertical().show(ui, |ui| {
            ui.columns(2, |columns| {
                charts::cumulative_flow(&mut columns[0], "debrief", &debrief.charts, &theme);
                charts::lead_time_histogram(&mut columns[1], &debrief.charts, &theme);
            });
            ui.columns(2, |columns| {
                charts::busy_idle(&mut columns[0], &debrief.charts, &theme);
                charts::unplanned_share(&mut columns[1], &debrief.charts, &theme);
            });
        });
    });
    if debrief.show_questions {
        questions_window(ctx, debrief, &mut save, &files);
    }
    what_if_window(ctx, debrief, &theme);
    if let Some(at) = debrief.discussion {
        debrief.discussion = crate::ui::questions::discussion_screen(
            ctx,
            debrief.chapter,
            &debrief.title,
            &debrief.questions,
            at,
        );
    }
    Ok(())
}

/// The outcome: stars, each objective, the key numbers and the four keys.
fn outcome(ui: &mut egui::Ui, debrief: &Debrief, theme: &crate::ui::theme::Theme) {
    let Some(result) = &debrief.result else {
        return;
    };
    ui.heading(format!("Chapter {}: {}", debrief.chapter, debrief.title));
    let stars = crate::sim::objectives::star_row(result.stars);
    ui.label(
        egui::RichText::new(stars)
            .size(32.0)
            .color(theme.constraint()),
    );
    ui.label(if result.passed() {
        "Chapter passed."
    } else {
        "Not this time: every objective must be met."
    });
    if let Some(why) = &result.stopped {
        ui.colored_label(
            theme.bad(),
            format!("The chapter was stopped early: {why}."),
        );
    }
    ui.separator();
    for objective in &result.objectives {
        ui.colored_label(
            if objective.met {
                theme.good()
            } else {
                theme.bad()
            },
            format!(
                "{} {}",
                if objective.met { "✔" } else { "✘" },
                objective.describe()
            ),
        );
        ui.small(format!("  needed: {}", objective.needed));
    }
    ui.separator();
    let s = &result.summary;
    egui::Grid::new("key numbers")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            charts::key_number_rows(ui, &KeyNumbers::of(s));
        });
    ui.separator();
    charts::dora(ui, &s.dora);
    ui.separator();
    if let Some(error) = &debrief.save_error {
        ui.colored_label(theme.bad(), error);
    }
}

/// The debrief's buttons (and their keys). Returns where the player chose to go.
fn actions(ui: &mut egui::Ui, debrief: &mut Debrief, save: &SaveGame) -> Option<Leave> {
    let passed = debrief.result.as_ref().is_some_and(ChapterResult::passed);
    let mut leave = None;
    ui.horizontal_wrapped(|ui| {
        if ui.button("Discussion questions").clicked() {
            debrief.show_questions = true;
        }
        if let Some(chapter) = debrief.next_chapter
            && passed
            && ui.button("Next chapter ▶").clicked()
        {
            leave = Some(Leave::Chapter(chapter));
        }
        if ui.button("Play again").clicked() {
            leave = Some(Leave::Chapter(debrief.chapter));
        }
        if ui.button("Campaign map").clicked() {
            leave = Some(Leave::Map);
        }
    });
    // Each also has a key, for the keyboard and for the browser test.
    let key = |ui: &egui::Ui, key: egui::Key| {
        !ui.ctx().egui_wants_keyboard_input() && ui.input(|i| i.key_pressed(key))
    };
    ui.horizontal_wrapped(|ui| {
        if debrief.replay.is_some()
            && (ui.button("What if? (W)").clicked() || key(ui, egui::Key::W))
        {
            debrief.what_if = Some(WhatIfView {
                picked: 0,
                theirs: None,
            });
        }
        if ui.button("Discuss with the room (D)").clicked() || key(ui, egui::Key::D) {
            debrief.discussion = Some(0);
        }
        if ui.button("Hand in report (H)").clicked() || key(ui, egui::Key::H) {
            debrief.handed_in = Some(crate::classroom::hand_in(save).unwrap_or_else(|e| e));
        }
    });
    if let Some(message) = &debrief.handed_in {
        ui.label(message);
    }
    leave
}

/// The discussion questions with the player's answers, kept as soon as it closes.
fn questions_window(
    ctx: &egui::Context,
    debrief: &mut Debrief,
    save: &mut SaveGame,
    files: &SaveFiles,
) {
    let mut open = true;
    egui::Window::new("Discussion")
        .open(&mut open)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .default_width(620.0)
        .show(ctx, |ui| {
            let record = save.chapters.entry(debrief.chapter).or_default();
            crate::ui::questions::questions(
                ui,
                debrief.chapter,
                &debrief.questions,
                &mut record.answers,
            );
        });
    if !open {
        debrief.show_questions = false;
        if let Err(e) = files.store(save) {
            debrief.save_error = Some(e);
        }
    }
}

/// The chapter replayed another way beside the player's own run.
fn what_if_window(ctx: &egui::Context, debrief: &mut Debrief, theme: &crate::ui::theme::Theme) {
    let (Some(view), Some(replay), Some(ours)) =
        (&mut debrief.what_if, &debrief.replay, &debrief.result)
    else {
        return;
    };
    let mut open = true;
    egui::Window::new("What if?")
        .open(&mut open)
        .default_width(1000.0)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .show(ctx, |ui| {
            ui.label("The same chapter on the same seed, played another way:");
            let mut picked = view.picked;
            egui::ComboBox::from_id_salt("alternative")
                .width(460.0)
                .selected_text(&replay.alternatives[picked].0)
                .show_ui(ui, |ui| {
                    for (i, (label, _)) in replay.alternatives.iter().enumerate() {
                        ui.selectable_value(&mut picked, i, label);
                    }
                });
            if picked != view.picked || view.theirs.is_none() {
                view.picked = picked;
                let played = what_if::play_alternative(
                    &replay.campaign,
                    &replay.level,
                    replay.seed,
                    &replay.commands,
                    &replay.alternatives[picked].1,
                );
                let charts =
                    ChartData::new(&played.metrics, &played.result.summary, played.lead_times);
                view.theirs = Some((charts, played.result));
            }
            let Some((their_charts, theirs)) = &view.theirs else {
                return;
            };
            ui.columns(2, |columns| {
                columns[0].heading("You");
                charts::key_numbers(&mut columns[0], ours);
                charts::cumulative_flow(&mut columns[0], "yours", &debrief.charts, theme);
                columns[1].heading(&replay.alternatives[view.picked].0);
                charts::key_numbers(&mut columns[1], theirs);
                charts::cumulative_flow(&mut columns[1], "theirs", their_charts, theme);
            });
        });
    if !open {
        debrief.what_if = None;
    }
}
