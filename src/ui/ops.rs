//! The operations screen laid out for 1280 × 720 and up: the clock and objectives along the
//! top, live incidents pinned under them (never pushed off screen), the team on the right,
//! the picked card along the bottom, the board in the middle. Every part scrolls on its own,
//! so at any size every button can be reached; the keyboard reaches all of them too.

use bevy_egui::egui;

use super::OpsUiState;
use super::guide::{self, Spots};
use super::status::ClockControls;
use super::theme::Theme;
use super::views::OpsView;
use crate::level::{Level, Spot};
use crate::sim::{Column, PlayerCommand};

/// What the screen asked of the game beyond the commands it sent.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct OpsRequests {
    pub menu: bool,
}

/// What the screen drew: what it asked for, and where each part of it is.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Drawn {
    pub menu: bool,
    pub areas: Vec<Area>,
}

/// A part of the screen: what of it shows, and the whole of its content (larger when it
/// scrolls). A widget inside `content` is seen only while it is inside `visible`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Area {
    pub visible: egui::Rect,
    pub content: egui::Rect,
}

impl Area {
    pub fn fixed(rect: egui::Rect) -> Self {
        Self {
            visible: rect,
            content: rect,
        }
    }

    pub fn scrolled<R>(output: &egui::scroll_area::ScrollAreaOutput<R>) -> Self {
        let origin = output.inner_rect.min - output.state.offset;
        Self {
            visible: output.inner_rect,
            content: egui::Rect::from_min_size(origin, output.content_size),
        }
    }
}

/// Draws the whole screen into `ui` and collects the player's commands in `out`.
pub fn operations(
    ui: &mut egui::Ui,
    view: &OpsView,
    level: &Level,
    theme: &Theme,
    clock: &mut ClockControls,
    state: &mut OpsUiState,
    out: &mut Vec<PlayerCommand>,
) -> Drawn {
    let mut spots = Spots::default();
    let mut drawn = Drawn::default();
    let status = egui::Panel::top("status").show(ui, |ui| {
        let bar = ui.scope(|ui| super::status::status_bar(ui, view, theme, clock, out));
        drawn.menu = bar.inner;
        spots.0.insert(Spot::Clock, bar.response.rect);
        // At the largest sizes the objectives scroll, so the board keeps its room.
        let goals = egui::ScrollArea::vertical()
            .id_salt("objectives")
            .max_height(96.0)
            .show(ui, |ui| super::status::objectives(ui, view, theme));
        spots.0.insert(Spot::Objectives, goals.inner_rect);
        drawn.areas.push(Area::scrolled(&goals));
    });
    drawn.areas.push(Area::fixed(status.response.rect));
    egui::Panel::top("incidents").show(ui, |ui| {
        let pinned = egui::ScrollArea::vertical()
            .id_salt("incidents")
            .max_height(150.0)
            .show(ui, |ui| super::incidents::sev1_panel(ui, view, theme, out));
        spots.0.insert(Spot::Incidents, pinned.inner_rect);
        drawn.areas.push(Area::scrolled(&pinned));
    });
    // The team runs the full height on the right; the picked card sits under the board.
    egui::Panel::right("team").exact_size(330.0).show(ui, |ui| {
        spots.0.insert(Spot::Team, ui.max_rect());
        let team = egui::ScrollArea::vertical()
            .id_salt("team")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                super::status::rules(ui, view, theme, out);
                super::incidents::shielded_requests(ui, view, state, out);
                super::incidents::cab_queue(ui, view, state, out);
                if let Some(rect) = super::team::team(ui, view, theme, state, out) {
                    spots.0.insert(Spot::Constraint, rect);
                }
            });
        drawn.areas.push(Area::scrolled(&team));
    });
    egui::Panel::bottom("picked card")
        .exact_size(112.0)
        .show(ui, |ui| {
            spots.0.insert(Spot::Card, ui.max_rect());
            let picked = super::board::selected_card(ui, view, theme, state, out);
            drawn.areas.push(picked);
        });
    let central = egui::CentralPanel::default().show(ui, |ui| {
        spots.0.insert(Spot::Board, ui.max_rect());
        let board = super::board::board(ui, view, theme, state, out);
        if let Some(rect) = board {
            spots.0.insert(Spot::Backlog, rect);
        }
    });
    drawn.areas.push(Area::fixed(central.response.rect));
    let ctx = ui.ctx().clone();
    let board_area = spots
        .0
        .get(&Spot::Board)
        .copied()
        .unwrap_or(ctx.content_rect());
    let now = ctx.input(|i| i.time);
    state.flash.retain(|_, until| *until > now);
    // A flash holds still and ends by itself: one more frame when the first one ends.
    if let Some(end) = state.flash.values().copied().reduce(f64::min) {
        ctx.request_repaint_after(std::time::Duration::from_secs_f64((end - now).max(0.0)));
    }
    state.toasts.show(&ctx, board_area, theme);
    guide::guide(
        &ctx,
        &level.guide,
        &level.cast,
        view,
        state.card.is_some(),
        &mut state.guide,
        &spots,
        theme,
    );
    super::status::help_overlay(&ctx, &mut state.show_help);
    drawn
}

/// Where the player is in the chapter's story on this screen.
pub struct Reading<'a> {
    pub story: &'a crate::sim::story::Story,
    /// Scenes the player has read.
    pub read: &'a mut usize,
    pub dialogue: &'a mut super::dialogue::DialogueState,
    /// The clock stops for a new Sev 1 and after every conversation.
    pub auto_pause: bool,
}

/// The whole screen as the game shows it: the board, the news announced (and the clock
/// stopped for what needs a decision), a scene over the board when one is unread, and the
/// keys.
#[allow(clippy::too_many_arguments)]
pub fn screen(
    ui: &mut egui::Ui,
    view: &OpsView,
    level: &Level,
    reading: Reading<'_>,
    theme: &Theme,
    clock: &mut ClockControls,
    state: &mut OpsUiState,
    out: &mut Vec<PlayerCommand>,
) -> Drawn {
    let ctx = ui.ctx().clone();
    announce(
        state,
        view,
        clock,
        reading.auto_pause,
        ctx.input(|i| i.time),
    );
    let mut drawn = operations(ui, view, level, theme, clock, state, out);
    let played = &reading.story.played;
    if let Some(scene) = played.get(*reading.read) {
        let heading = format!("Meanwhile… Chapter {}: {}", level.chapter, level.title);
        let outcome = super::dialogue::story(
            &ctx,
            &heading,
            played,
            *reading.read,
            &level.cast,
            reading.dialogue,
        );
        let finished = match outcome {
            super::dialogue::DialogueOutcome::Reading => false,
            super::dialogue::DialogueOutcome::Chose(choice) => {
                out.push(PlayerCommand::Choose {
                    scene: scene.id.clone(),
                    choice,
                });
                true
            }
            super::dialogue::DialogueOutcome::Finished => true,
        };
        if finished {
            *reading.read += 1;
            // Back on the board after a conversation, the clock waits for the player.
            if reading.auto_pause {
                clock.running = false;
            }
        }
    } else if !ctx.egui_wants_keyboard_input() {
        drawn.menu |= keyboard(&ctx, view, state, clock, out).menu;
    }
    drawn
}

/// Seconds a card flashes after something happens to it.
const FLASH_SECONDS: f64 = 2.5;

/// The news not yet shown: banners, flashing cards, and the clock stopped for what needs a
/// decision (and, while the guide waits for one, for a favour landing on the constraint).
pub fn announce(
    state: &mut OpsUiState,
    view: &OpsView,
    clock: &mut ClockControls,
    auto_pause: bool,
    now: f64,
) {
    for item in state.toasts.take(&view.news, now) {
        if let Some(ticket) = item.ticket {
            state.flash.insert(ticket, now + FLASH_SECONDS);
        }
        let guided = item.kind == crate::sim::news::NewsKind::FavourForConstraint
            && state.guide.waits_for_a_favour;
        if auto_pause && (item.kind.needs_a_decision() || guided) {
            clock.running = false;
        }
    }
}

/// Every action of the screen by keyboard (not while a text field has the keys).
pub fn keyboard(
    ctx: &egui::Context,
    view: &OpsView,
    state: &mut OpsUiState,
    clock: &mut ClockControls,
    out: &mut Vec<PlayerCommand>,
) -> OpsRequests {
    use egui::Key;
    let mut requests = OpsRequests::default();
    let pressed = |key: Key| ctx.input(|i| i.key_pressed(key));
    if pressed(Key::F1)
        || ctx.input(|i| {
            i.events
                .iter()
                .any(|e| matches!(e, egui::Event::Text(t) if t == "?"))
        })
    {
        state.show_help = !state.show_help;
    }
    if ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, Key::Escape)) {
        // Escape lets go of the picked card first; with nothing picked, it opens the menu.
        if state.card.is_some() {
            state.card = None;
        } else {
            requests.menu = true;
        }
    }
    clock_keys(ctx, clock, out);
    picking_keys(ctx, view, state);
    card_keys(ctx, view, state, out);
    incident_keys(ctx, view, state, out);
    requests
}

fn pressed(ctx: &egui::Context, key: egui::Key) -> bool {
    ctx.input(|i| i.key_pressed(key))
}

/// Space runs or stops the clock, N steps an hour, 1, 2 and 4 set the speed.
fn clock_keys(ctx: &egui::Context, clock: &mut ClockControls, out: &mut Vec<PlayerCommand>) {
    use egui::Key;
    if pressed(ctx, Key::Space) {
        clock.running = !clock.running;
    }
    if pressed(ctx, Key::N) {
        out.push(PlayerCommand::Advance { hours: 1 });
    }
    for (key, speed) in [(Key::Num1, 1), (Key::Num2, 2), (Key::Num4, 4)] {
        if pressed(ctx, key) {
            clock.speed = speed;
        }
    }
}

/// J and K pick the next and previous card in screen order; P the next person.
fn picking_keys(ctx: &egui::Context, view: &OpsView, state: &mut OpsUiState) {
    use egui::Key;
    let open: Vec<_> = view
        .cards_on_screen()
        .filter(|c| c.column != Column::Done)
        .map(|c| c.id)
        .collect();
    let step = |forward: bool, current: Option<crate::sim::TicketId>| {
        let at = current.and_then(|c| open.iter().position(|&id| id == c));
        match (at, forward) {
            (None, _) => open.first().copied(),
            (Some(i), true) => open.get((i + 1) % open.len()).copied(),
            (Some(i), false) => open.get((i + open.len() - 1) % open.len()).copied(),
        }
    };
    if pressed(ctx, Key::J) {
        state.card = step(true, state.card);
    }
    if pressed(ctx, Key::K) {
        state.card = step(false, state.card);
    }
    if pressed(ctx, Key::P) && !view.people.is_empty() {
        let at = state
            .person
            .and_then(|p| view.people.iter().position(|v| v.id == p));
        state.person = Some(view.people[at.map_or(0, |i| (i + 1) % view.people.len())].id);
    }
}

/// What the picked card allows: A gives it to the picked person, U, Y, R, X and T.
fn card_keys(
    ctx: &egui::Context,
    view: &OpsView,
    state: &mut OpsUiState,
    out: &mut Vec<PlayerCommand>,
) {
    use egui::Key;
    let Some(card) = state.card else {
        return;
    };
    if pressed(ctx, Key::A)
        && let Some(person) = state.person
    {
        out.push(PlayerCommand::Assign {
            ticket: card,
            person,
        });
    }
    for (key, command) in [
        (Key::U, PlayerCommand::Unassign { ticket: card }),
        (Key::Y, PlayerCommand::ApproveChange { ticket: card }),
        (Key::R, PlayerCommand::RejectChange { ticket: card }),
        (Key::X, PlayerCommand::DeflectInterrupt { ticket: card }),
    ] {
        if pressed(ctx, key) {
            out.push(command);
        }
    }
    // Retiring asks first (the picked card's panel says how to confirm).
    if pressed(ctx, Key::T) && view.selected.as_ref().is_some_and(|s| s.card.retirable) {
        state.retiring = Some(card);
    }
}

/// B opens a bridge without the constraint (Shift+B with everyone), E resolves; with nothing
/// to do, they say so.
fn incident_keys(
    ctx: &egui::Context,
    view: &OpsView,
    state: &mut OpsUiState,
    out: &mut Vec<PlayerCommand>,
) {
    use egui::Key;
    let now = ctx.input(|i| i.time);
    if pressed(ctx, Key::B) {
        let shift = ctx.input(|i| i.modifiers.shift);
        let offers: Vec<_> = view
            .incidents
            .iter()
            .filter(|i| i.down && !i.declared)
            .flat_map(|i| &i.offers)
            .collect();
        let offer = offers
            .iter()
            .find(|o| o.without_constraint != shift)
            .or(offers.first());
        match offer {
            Some(offer) => out.push(offer.command.clone()),
            None => state
                .toasts
                .say("No Sev 1 is waiting for a bridge".to_owned(), now),
        }
    }
    if pressed(ctx, Key::E) {
        match view.incidents.iter().find(|i| !i.down) {
            Some(incident) => out.push(PlayerCommand::ResolveSev1 {
                incident: incident.id,
            }),
            None => state.toasts.say(
                "No incident is restored and waiting to be resolved".to_owned(),
                now,
            ),
        }
    }
}
