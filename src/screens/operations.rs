//! The operations screen: the board, the team, incidents and changes, and the clock. The
//! clock stops by itself for a new Sev 1 and after every conversation (unless the settings
//! say otherwise), and while the menu is open.

use bevy::prelude::*;
use bevy_egui::EguiContexts;

use super::briefing::ScenesRead;
use super::{Menu, Screen, root_ui, theme};
use crate::save::{SaveNotice, Settings};
use crate::sim::objectives::ChapterResult;
use crate::sim::setup::CurrentLevel;
use crate::sim::story::Story;
use crate::sim::{CommandLog, PlayerCommand, SimSet};
use crate::ui::OpsUiState;
use crate::ui::dialogue::DialogueState;
use crate::ui::status::ClockControls;
use crate::ui::views::{self, OpsView};

/// The clock as driven from this screen, and the part-hour owed to the simulation.
#[derive(Resource, Default, Debug)]
pub(super) struct UiClock {
    pub(super) controls: ClockControls,
    owed: f32,
}

#[derive(Resource, Default, Debug)]
pub(super) struct Selection(pub(super) OpsUiState);

/// What the view was built from, so it is rebuilt only when the simulation moved.
#[derive(Resource, Default, Debug, PartialEq)]
struct ViewStamp(Option<(u32, u32, usize, usize, Option<crate::sim::TicketId>)>);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<UiClock>()
        .init_resource::<Selection>()
        .init_resource::<OpsView>()
        .init_resource::<ViewStamp>()
        .add_systems(OnEnter(Screen::Operations), reset_controls)
        .add_systems(
            Update,
            (
                run_clock.in_set(SimSet::Input),
                (refresh_view, each_new_day, finish_when_over)
                    .chain()
                    .in_set(SimSet::Observe),
            )
                .run_if(in_state(Screen::Operations)),
        );
}

fn reset_controls(
    mut clock: ResMut<UiClock>,
    settings: Res<Settings>,
    mut selection: ResMut<Selection>,
    mut stamp: ResMut<ViewStamp>,
) {
    clock.controls = ClockControls {
        running: false,
        speed: settings.default_speed,
    };
    clock.owed = 0.0;
    selection.0 = OpsUiState::default();
    stamp.0 = None;
}

/// How far short of a whole hour the clock may be and still move (see `run_clock`).
const BEAT_SLACK: f32 = 0.05;

#[allow(clippy::too_many_arguments)]
fn run_clock(
    // Real time: the window may sleep a whole hour's worth between frames, and virtual time
    // would clamp that.
    time: Res<Time<Real>>,
    mut clock: ResMut<UiClock>,
    story: Res<Story>,
    read: Res<ScenesRead>,
    menu: Res<Menu>,
    mut commands: MessageWriter<PlayerCommand>,
    mut next: ResMut<super::pacing::NextFrame>,
) {
    // The clock waits while a scene is unread, a choice is pending or the menu is up.
    let reading = read.0 < story.played.len();
    if !clock.controls.running || story.awaiting_choice.is_some() || reading || menu.open {
        clock.owed = 0.0;
        return;
    }
    let rate = clock.controls.hours_per_second();
    clock.owed += time.delta_secs() * rate;
    // The window wakes once an hour's worth of real time, give or take a little: an hour
    // that is a hair short of due is taken now rather than a whole beat later.
    if clock.owed >= 1.0 - BEAT_SLACK {
        clock.owed = (clock.owed - 1.0).clamp(-BEAT_SLACK, 1.0);
        commands.write(PlayerCommand::Advance { hours: 1 });
    }
    next.clock_beat(std::time::Duration::from_secs_f32(1.0 / rate));
}

fn refresh_view(world: &mut World) {
    let selected = world.resource::<Selection>().0.card;
    let stamp = {
        let clock = world.resource::<crate::sim::clock::Clock>();
        let level = world.resource::<CurrentLevel>();
        Some((
            level.0.chapter,
            clock.tick,
            world.resource::<CommandLog>().0.len(),
            world.resource::<Story>().played.len(),
            selected,
        ))
    };
    if world.resource::<ViewStamp>().0 == stamp {
        return;
    }
    let view = views::build(world, selected);
    world.insert_resource(view);
    world.resource_mut::<ViewStamp>().0 = stamp;
}

/// Each morning: says so in the log (the browser test follows the chapter by it).
fn each_new_day(world: &mut World, mut last: Local<Option<(u32, u32)>>) {
    let clock = world.resource::<crate::sim::clock::Clock>();
    if clock.is_over() {
        return;
    }
    let day = clock.day();
    let chapter = world.resource::<CurrentLevel>().0.chapter;
    if *last != Some((chapter, day)) {
        *last = Some((chapter, day));
        info!("chapter {chapter}: day {} begins", day + 1);
    }
}

fn finish_when_over(result: Option<Res<ChapterResult>>, mut next: ResMut<NextState<Screen>>) {
    if result.is_some() {
        next.set(Screen::Debrief);
    }
}

#[allow(clippy::too_many_arguments)]
pub(super) fn operations_ui(
    mut contexts: EguiContexts,
    view: Res<OpsView>,
    settings: Res<Settings>,
    level: Res<CurrentLevel>,
    story: Res<Story>,
    mut read: ResMut<ScenesRead>,
    mut clock: ResMut<UiClock>,
    mut selection: ResMut<Selection>,
    mut dialogue: Local<DialogueState>,
    mut notice: ResMut<SaveNotice>,
    mut menu: ResMut<Menu>,
    mut send: MessageWriter<PlayerCommand>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let theme = theme(&settings);
    let mut out = Vec::new();
    let state = &mut selection.0;
    if let Some(message) = notice.0.take() {
        state.toasts.say(message, ctx.input(|i| i.time));
    }
    let mut root = root_ui(ctx);
    let reading = crate::ui::ops::Reading {
        story: &story,
        read: &mut read.0,
        dialogue: &mut dialogue,
        auto_pause: settings.auto_pause,
    };
    let drawn = crate::ui::ops::screen(
        &mut root,
        &view,
        &level.0,
        reading,
        &theme,
        &mut clock.controls,
        state,
        &mut out,
    );
    menu.open |= drawn.menu;
    if !ctx.egui_wants_keyboard_input() {
        crate::ui::status::facilitator_keys(ctx, &mut clock.controls, &mut out);
    }
    for command in out {
        send.write(command);
    }
    Ok(())
}
