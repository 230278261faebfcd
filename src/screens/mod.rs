//! The game's screens as Bevy states: title → campaign map → briefing → operations →
//! debrief (with the discussion questions) → the next chapter.

#[cfg(not(target_arch = "wasm32"))]
pub mod autoplay;
mod briefing;
mod debrief;
mod demo;
mod live;
mod map;
mod operations;
pub mod pacing;
mod progress;
mod title;

use bevy::prelude::*;
use bevy_egui::{EguiContext, EguiContexts, EguiPrimaryContextPass, egui};

use crate::level::LoadedCampaign;
use crate::save::{SaveGame, Settings};

#[derive(Resource)]
pub struct Campaign(pub LoadedCampaign);

/// The chapter being played.
#[derive(Resource, Clone, Copy, Debug)]
pub struct Playing {
    pub chapter: u32,
    pub seed: u64,
    /// Opened before the player reached it: it starts from the campaign a player who made
    /// the book's choices would have, and leaves the player's own campaign as it was.
    pub from_book: bool,
}

/// The menu Escape opens on every screen, and the keys overlay it can open.
#[derive(Resource, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Menu {
    pub open: bool,
    pub show_keys: bool,
}

#[derive(States, Default, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Screen {
    #[default]
    Title,
    Map,
    Briefing,
    Operations,
    Debrief,
}

/// What the command line asked of the windowed game.
#[derive(Resource, Clone, Debug, Default)]
pub struct Start {
    /// Walk every screen, write a picture of each, and quit.
    pub screenshots: Option<std::path::PathBuf>,
    /// Large type and high contrast for a room, whatever the saved settings say.
    pub projector: bool,
    /// Open this chapter straight away, as the campaign map would.
    pub chapter: Option<u32>,
}

/// The order of each egui pass: the theme follows the settings, then the screen is drawn.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub enum UiSet {
    Theme,
    Screen,
    /// The menu, over whichever screen is up.
    Menu,
}

pub(super) fn plugin(app: &mut App) {
    app.init_state::<Screen>()
        .init_resource::<Start>()
        .init_resource::<Menu>()
        .add_systems(EguiPrimaryContextPass, menu.in_set(UiSet::Menu))
        .configure_sets(
            EguiPrimaryContextPass,
            (UiSet::Theme, UiSet::Screen, UiSet::Menu).chain(),
        )
        .add_systems(Startup, (spawn_camera, projector_from_start))
        .add_observer(install_fonts)
        .add_systems(EguiPrimaryContextPass, apply_settings.in_set(UiSet::Theme))
        // Each screen is drawn while it is the one shown.
        .add_systems(
            EguiPrimaryContextPass,
            (
                title::title_screen.run_if(in_state(Screen::Title)),
                map::campaign_map.run_if(in_state(Screen::Map)),
                briefing::briefing_screen.run_if(in_state(Screen::Briefing)),
                operations::operations_ui.run_if(in_state(Screen::Operations)),
                debrief::debrief_screen.run_if(in_state(Screen::Debrief)),
            )
                .in_set(UiSet::Screen),
        )
        .add_systems(Last, announce_ready)
        .add_systems(Update, fit_window_to_screen)
        .add_systems(
            Update,
            open_chapter_from_start.run_if(in_state(Screen::Title)),
        )
        .add_plugins((
            pacing::plugin,
            progress::plugin,
            briefing::plugin,
            operations::plugin,
            debrief::plugin,
            demo::plugin,
            live::plugin,
        ));
}

/// `--chapter N`: the chapter opens at once, reached or not, as a click on the map opens it.
fn open_chapter_from_start(
    mut start: ResMut<Start>,
    campaign: Res<Campaign>,
    save: Res<SaveGame>,
    mut commands: Commands,
    mut next: ResMut<NextState<Screen>>,
) {
    let Some(chapter) = start.chapter.take() else {
        return;
    };
    let Some(at) = campaign.0.chapters().position(|l| l.chapter == chapter) else {
        warn!("there is no chapter {chapter} in this campaign");
        return;
    };
    let previous = at
        .checked_sub(1)
        .and_then(|i| campaign.0.chapters().nth(i))
        .map(|l| l.chapter);
    begin_chapter(&mut commands, &mut next, chapter, save.seed);
    if !save.is_unlocked(chapter, previous) {
        commands.insert_resource(Playing {
            chapter,
            seed: save.seed,
            from_book: true,
        });
    }
}

/// On a screen smaller than the window, the window shrinks to fit it (once, when the
/// screen is known).
fn fit_window_to_screen(
    mut windows: Query<&mut Window, With<bevy::window::PrimaryWindow>>,
    monitors: Query<&bevy::window::Monitor, With<bevy::window::PrimaryMonitor>>,
    mut done: Local<bool>,
) {
    if *done {
        return;
    }
    let (Ok(mut window), Ok(monitor)) = (windows.single_mut(), monitors.single()) else {
        return;
    };
    *done = true;
    let scale = monitor.scale_factor.max(0.1) as f32;
    let (screen_w, screen_h) = (
        monitor.physical_width as f32 / scale,
        monitor.physical_height as f32 / scale,
    );
    let (w, h) = (window.resolution.width(), window.resolution.height());
    if w > screen_w || h > screen_h {
        let fit = (screen_w / w).min(screen_h / h);
        window.resolution.set(w * fit, h * fit);
    }
}

fn spawn_camera(mut commands: Commands) {
    commands.spawn(Camera2d);
}

fn projector_from_start(start: Res<Start>, mut settings: ResMut<Settings>) {
    if start.projector {
        settings.projector = true;
    }
}

/// Once the first screen has been drawn: says so in the log (the browser test waits for
/// this line) and takes the page's loading indicator down.
fn announce_ready(mut frames: Local<u32>) {
    *frames += 1;
    if *frames == 3 {
        info!("{}", crate::platform::READY_LINE);
        crate::platform::page_ready();
    }
}

/// The game's font goes in as egui's context is made, before its first frame: there are no
/// others to draw with.
fn install_fonts(add: On<Add, EguiContext>, mut contexts: Query<&mut EguiContext>) -> Result {
    crate::ui::art::install_fonts(contexts.get_mut(add.entity)?.get_mut());
    Ok(())
}

/// Text size, scale and contrast follow the settings whenever they change.
fn apply_settings(
    mut contexts: EguiContexts,
    settings: Res<Settings>,
    mut applied: Local<Option<Settings>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    if applied.as_ref() != Some(&*settings) {
        ctx.set_zoom_factor(settings.ui_scale);
        crate::ui::theme::apply(ctx, settings.text_size, settings.projector);
        *applied = Some(settings.clone());
    }
    Ok(())
}

/// Escape opens the menu on every screen (a screen that uses Escape itself takes it first).
fn menu(
    mut contexts: EguiContexts,
    mut menu: ResMut<Menu>,
    mut settings: ResMut<Settings>,
    screen: Res<State<Screen>>,
    mut next: ResMut<NextState<Screen>>,
    mut exits: MessageWriter<AppExit>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    if !menu.open {
        let escape = !ctx.egui_wants_keyboard_input()
            && *screen.get() != Screen::Operations
            && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape));
        menu.open = escape;
    }
    if menu.open {
        let playing = matches!(screen.get(), Screen::Briefing | Screen::Operations);
        // Edit a copy, so the settings change (and are saved) only when something changed.
        let mut edited = settings.clone();
        let mut keys = menu.show_keys;
        let choice = crate::ui::menu::pause_menu(ctx, &mut edited, &mut keys, playing);
        menu.show_keys = keys;
        if edited != *settings {
            *settings = edited;
        }
        match choice {
            crate::ui::menu::MenuChoice::Stay => {}
            crate::ui::menu::MenuChoice::Resume => menu.open = false,
            crate::ui::menu::MenuChoice::Title => {
                menu.open = false;
                next.set(Screen::Title);
            }
            crate::ui::menu::MenuChoice::Quit => {
                exits.write(AppExit::Success);
            }
        }
    }
    if menu.show_keys {
        let mut open = true;
        crate::ui::status::help_overlay(ctx, &mut open);
        menu.show_keys = open;
    }
    Ok(())
}

pub fn theme(settings: &Settings) -> crate::ui::theme::Theme {
    crate::ui::theme::Theme {
        colour_blind: settings.colour_blind,
        projector: settings.projector,
    }
}

/// egui 0.36 panels live inside a `Ui`; this one covers the whole window.
pub fn root_ui(ctx: &egui::Context) -> egui::Ui {
    egui::Ui::new(
        ctx.clone(),
        "root".into(),
        egui::UiBuilder::new()
            .layer_id(egui::LayerId::background())
            .max_rect(ctx.viewport_rect()),
    )
}

/// Starts `chapter` at the briefing.
pub fn begin_chapter(
    commands: &mut Commands,
    next: &mut NextState<Screen>,
    chapter: u32,
    seed: u64,
) {
    commands.insert_resource(Playing {
        chapter,
        seed,
        from_book: false,
    });
    next.set(Screen::Briefing);
}
