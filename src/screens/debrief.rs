//! The debrief: objectives and stars, the charts, the four keys, and the discussion
//! questions with the player's own numbers. The campaign is saved here.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::{Campaign, Playing, Screen, begin_chapter, root_ui, theme};
use crate::save::{SaveGame, SavePath, Settings, store};
use crate::sim::board;
use crate::sim::metrics::Metrics;
use crate::sim::objectives::ChapterResult;
use crate::sim::setup::CurrentLevel;
use crate::sim::story::Story;
use crate::ui::charts::{self, ChartData};

/// Built once when the debrief opens.
#[derive(Resource, Default)]
struct Debrief {
    chapter: u32,
    title: String,
    result: Option<ChapterResult>,
    charts: ChartData,
    questions: Vec<String>,
    next_chapter: Option<u32>,
    show_questions: bool,
    save_error: Option<String>,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Debrief>()
        .add_systems(OnEnter(Screen::Debrief), close_the_books)
        .add_systems(
            EguiPrimaryContextPass,
            debrief_screen.run_if(in_state(Screen::Debrief)),
        );
}

/// Opens the discussion overlay (used by the screenshot walk-through).
pub(super) fn open_questions(world: &mut World) {
    let mut debrief = world.resource_mut::<Debrief>();
    debrief.show_questions = true;
}

fn close_the_books(world: &mut World) {
    let Some(result) = world.get_resource::<ChapterResult>().cloned() else {
        return;
    };
    let level = world.resource::<CurrentLevel>().0.clone();
    let lead_times = board::all_tickets(world)
        .iter()
        .filter_map(|t| t.lead_time())
        .collect();
    let charts = ChartData::new(world.resource::<Metrics>(), &result.summary, lead_times);
    let questions: Vec<String> = level
        .questions
        .iter()
        .map(|q| crate::sim::questions::fill(q, &result.summary))
        .collect();
    let choices = world.resource::<Story>().choices.clone();
    let next_chapter = {
        let campaign = &world.resource::<Campaign>().0;
        let mut chapters = campaign.chapters().map(|l| l.chapter);
        chapters.find(|&c| c == level.chapter);
        chapters.next()
    };
    let mut campaign_state = world.resource::<SaveGame>().campaign.clone();
    campaign_state.carry(world, &level);
    let save_error = {
        let mut save = world.resource_mut::<SaveGame>();
        save.campaign = campaign_state;
        save.record(level.chapter, result.stars, choices);
        save.in_progress = None;
        save.chapters.entry(level.chapter).or_default().questions = questions.clone();
        save.next_chapter = if result.passed() {
            next_chapter.or(Some(level.chapter))
        } else {
            Some(level.chapter)
        };
        let save = save.clone();
        store(&save, &world.resource::<SavePath>().0).err()
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
    });
}

#[allow(clippy::too_many_arguments)]
fn debrief_screen(
    mut contexts: EguiContexts,
    mut debrief: ResMut<Debrief>,
    settings: Res<Settings>,
    mut save: ResMut<SaveGame>,
    path: Res<SavePath>,
    playing: Option<Res<Playing>>,
    mut commands: Commands,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let theme = theme(&settings);
    let mut root = root_ui(ctx);
    let debrief = &mut *debrief;
    let Some(result) = &debrief.result else {
        return Ok(());
    };
    egui::Panel::left("outcome")
        .min_size(380.0)
        .show(&mut root, |ui| {
            ui.heading(format!("Chapter {}: {}", debrief.chapter, debrief.title));
            let stars = format!(
                "{}{}",
                "★".repeat(result.stars as usize),
                "☆".repeat(3 - result.stars as usize)
            );
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
            }
            ui.separator();
            let s = &result.summary;
            let hours = |v: Option<f64>| v.map_or("-".to_owned(), |h| format!("{h:.1} h"));
            ui.label(format!(
                "Lead time {}, wait per step {}",
                hours(s.lead_time),
                hours(s.step_wait)
            ));
            ui.label(format!(
                "Throughput {:.1} planned tickets a day",
                s.planned_throughput
            ));
            ui.label(format!(
                "Unplanned work {:.0}% of hours",
                s.unplanned_share * 100.0
            ));
            if let Some(brent) = s.constraint() {
                ui.label(format!(
                    "{} was busy {:.0}% of the time",
                    brent.name,
                    brent.utilization * 100.0
                ));
            }
            ui.label(format!(
                "Revenue lost ${:.0}; share price ${:.2}",
                s.revenue_lost, s.share_price
            ));
            ui.separator();
            charts::dora(ui, &s.dora);
            ui.separator();
            if let Some(error) = &debrief.save_error {
                ui.colored_label(theme.bad(), error);
            }
            ui.horizontal_wrapped(|ui| {
                if ui.button("Discussion questions").clicked() {
                    debrief.show_questions = true;
                }
                if let Some(chapter) = debrief.next_chapter
                    && result.passed()
                    && ui.button("Next chapter ▶").clicked()
                {
                    let seed = playing.as_ref().map_or(save.seed, |p| p.seed);
                    begin_chapter(&mut commands, &mut next, chapter, seed);
                }
                if ui.button("Play again").clicked() {
                    let seed = playing.as_ref().map_or(save.seed, |p| p.seed);
                    begin_chapter(&mut commands, &mut next, debrief.chapter, seed);
                }
                if ui.button("Campaign map").clicked() {
                    next.set(Screen::Map);
                }
            });
        });
    egui::CentralPanel::default().show(&mut root, |ui| {
        egui::ScrollArea::vertical().show(ui, |ui| {
            ui.columns(2, |columns| {
                charts::cumulative_flow(&mut columns[0], &debrief.charts, &theme);
                charts::lead_time_histogram(&mut columns[1], &debrief.charts, &theme);
            });
            ui.columns(2, |columns| {
                charts::busy_idle(&mut columns[0], &debrief.charts, &theme);
                charts::unplanned_share(&mut columns[1], &debrief.charts, &theme);
            });
        });
    });
    if debrief.show_questions {
        let mut open = true;
        let mut changed = false;
        egui::Window::new("Discussion")
            .open(&mut open)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .default_width(620.0)
            .show(ctx, |ui| {
                let record = save.chapters.entry(debrief.chapter).or_default();
                changed = crate::ui::questions::questions(
                    ui,
                    debrief.chapter,
                    &debrief.questions,
                    &mut record.answers,
                );
            });
        if !open {
            debrief.show_questions = false;
            // Answers are kept as soon as the overlay closes.
            if let Err(e) = store(&save, &path.0) {
                debrief.save_error = Some(e);
            }
        }
        let _ = changed;
    }
    Ok(())
}
