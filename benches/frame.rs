//! Frame cost: the CPU time of our own work per frame (the simulation's hour, rebuilding the
//! board's view, and the egui layout of the whole operations screen) on a board with 200
//! tickets. Target: 2 ms a frame. Run with `cargo bench --bench frame`.

use std::time::{Duration, Instant};

use bevy_egui::egui;
use parts_unlimited::level::{Level, Policy, parse_level};
use parts_unlimited::policy::ScriptedPlayer;
use parts_unlimited::sim::{self, PlayerCommand, commands::execute};
use parts_unlimited::ui::OpsUiState;
use parts_unlimited::ui::status::ClockControls;
use parts_unlimited::ui::theme::Theme;
use parts_unlimited::ui::views::{self, OpsView};

const BOARD: &str = include_str!("../tests/scenarios/flow_shop.ron");

fn busy_level() -> Level {
    let mut level = parse_level("flow_shop.ron", BOARD).expect("scenario parses");
    level.days = 10;
    for arrival in &mut level.arrivals {
        arrival.per_day *= 3.0;
    }
    level
        .policies
        .unlocked
        .extend([Policy::WipLimits, Policy::Cab]);
    level
}

fn layout(
    ctx: &egui::Context,
    level: &Level,
    view: &OpsView,
    state: &mut OpsUiState,
    clock: &mut ClockControls,
) -> Vec<PlayerCommand> {
    let theme = Theme {
        colour_blind: false,
        projector: false,
    };
    let mut out = Vec::new();
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 720.0),
        )),
        ..Default::default()
    };
    let output = ctx.run_ui(input, |ui| {
        parts_unlimited::ui::ops::operations(ui, view, level, &theme, clock, state, &mut out);
    });
    // Tessellation is part of egui's CPU cost too.
    let _ = ctx.tessellate(output.shapes, output.pixels_per_point);
    out
}

fn report(name: &str, mut samples: Vec<Duration>) -> f64 {
    samples.sort();
    let mean = samples.iter().sum::<Duration>().as_secs_f64() / samples.len() as f64 * 1000.0;
    let median = samples[samples.len() / 2].as_secs_f64() * 1000.0;
    let p95 = samples[samples.len() * 95 / 100].as_secs_f64() * 1000.0;
    println!("{name:<44} mean {mean:6.3} ms  median {median:6.3} ms  p95 {p95:6.3} ms");
    mean
}

fn main() {
    let level = busy_level();
    let mut app = sim::headless_app();
    sim::start_chapter(app.world_mut(), &level, 1);
    // Play until the board holds 200 tickets.
    while parts_unlimited::sim::board::all_tickets(app.world()).len() < 200 {
        for command in ScriptedPlayer::Naive.decide(app.world()) {
            let _ = execute(app.world_mut(), command);
        }
        if execute(app.world_mut(), PlayerCommand::Advance { hours: 1 }).is_err() {
            break;
        }
    }
    let tickets = parts_unlimited::sim::board::all_tickets(app.world()).len();
    println!("board: {tickets} tickets, {} people", level.team.len());

    let ctx = egui::Context::default();
    parts_unlimited::ui::art::install_fonts(&ctx);
    // A card picked, as a player mostly has: its actions and who may take it are asked too.
    let picked = parts_unlimited::sim::board::all_tickets(app.world())
        .iter()
        .find(|t| t.is_open())
        .map(|t| t.id);
    let mut state = OpsUiState {
        card: picked,
        ..OpsUiState::default()
    };
    let mut clock = ClockControls::default();
    let view = views::build(app.world(), picked);
    for _ in 0..20 {
        layout(&ctx, &level, &view, &mut state, &mut clock);
    }

    let frames = 300;
    let mut cached = Vec::new();
    for _ in 0..frames {
        let start = Instant::now();
        layout(&ctx, &level, &view, &mut state, &mut clock);
        cached.push(start.elapsed());
    }
    let mut rebuild = Vec::new();
    for _ in 0..frames {
        let start = Instant::now();
        let view = views::build(app.world(), picked);
        layout(&ctx, &level, &view, &mut state, &mut clock);
        rebuild.push(start.elapsed());
    }
    let mut tick = Vec::new();
    let mut ticked = sim::headless_app();
    sim::start_chapter(ticked.world_mut(), &level, 1);
    for _ in 0..(level.days * 8 - 1) {
        for command in ScriptedPlayer::Naive.decide(ticked.world()) {
            let _ = execute(ticked.world_mut(), command);
        }
        let start = Instant::now();
        let _ = execute(ticked.world_mut(), PlayerCommand::Advance { hours: 1 });
        let view = views::build(ticked.world(), picked);
        layout(&ctx, &level, &view, &mut state, &mut clock);
        tick.push(start.elapsed());
    }
    let steady = report("egui layout, view unchanged (most frames)", cached);
    report("view rebuilt + egui layout (sim moved)", rebuild);
    report("one sim hour + view + layout (worst frame)", tick);
    println!(
        "target 2 ms a frame: {}",
        if steady <= 2.0 { "met" } else { "missed" }
    );
}
