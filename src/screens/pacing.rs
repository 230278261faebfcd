//! Draw only when something changes. The window sleeps until input arrives, until egui asks
//! for a frame (an animation, a caret, a toast about to fade), or until the running clock owes
//! the simulation its next hour, so a paused board, a dialogue, a menu or the title screen
//! costs next to nothing on a laptop's battery. Bevy's own reactive update mode does the
//! waiting; this module only says how long each wait may be.

use std::time::Duration;

use bevy::prelude::*;
use bevy::winit::{UpdateMode, WinitSettings};
use bevy_egui::{EguiFullOutput, EguiInput, EguiPostUpdateSet, EguiPreUpdateSet};

use super::Start;

/// The longest the window sleeps with nothing to do. Input, a redraw egui asks for and a quit
/// signal all wake it sooner.
pub const IDLE_WAIT: Duration = Duration::from_secs(10);

/// What the systems of this frame found about the next one.
#[derive(Resource, Default, Debug)]
pub struct NextFrame {
    /// egui's own wish: now for an animation, later for a toast that dims or goes.
    egui: Option<Duration>,
    /// The running clock's hour, in real time: a steady beat while it runs.
    clock: Option<Duration>,
    /// Until this real time (seconds since start) frames come quickly: the window was
    /// resized, and the size it settles at may reach us a frame or two after the news.
    settle_until: f64,
}

/// How long frames keep coming after a resize, so the last size is drawn.
const RESIZE_SETTLE_SECS: f64 = 1.0;

impl NextFrame {
    /// The clock is running and moves an hour every `beat`.
    pub fn clock_beat(&mut self, beat: Duration) {
        self.clock = Some(self.clock.map_or(beat, |c| c.min(beat)));
    }
}

pub(super) fn plugin(app: &mut App) {
    // Without a window (the autoplay mode) nothing else registers it.
    app.add_message::<bevy::window::WindowResized>()
        .init_resource::<NextFrame>()
        .add_systems(Startup, start_reactive)
        .add_systems(
            PostUpdate,
            read_egui_wish
                .after(EguiPostUpdateSet::EndPass)
                .before(EguiPostUpdateSet::ProcessOutput),
        )
        .add_systems(
            PostUpdate,
            leave_later_frames_to_the_wait.after(EguiPostUpdateSet::ProcessOutput),
        )
        .add_systems(
            PreUpdate,
            drop_unchanged_modifiers
                .after(EguiPreUpdateSet::ProcessInput)
                .before(EguiPreUpdateSet::BeginPass),
        )
        .add_systems(Last, (settle_after_resize, set_the_wait).chain());
    app.add_systems(Startup, wake_for_the_class_and_pictures);
    #[cfg(not(target_arch = "wasm32"))]
    app.add_systems(Startup, wake_for_quit_signals);
    #[cfg(target_arch = "wasm32")]
    app.add_systems(Startup, wake_on_page_resize);
}

/// A screenshot walk needs every frame; a player does not.
fn start_reactive(start: Res<Start>, settings: Option<ResMut<WinitSettings>>) {
    if let Some(mut settings) = settings
        && start.screenshots.is_none()
    {
        *settings = settings_for(IDLE_WAIT);
    }
}

fn settings_for(wait: Duration) -> WinitSettings {
    WinitSettings {
        focused_mode: UpdateMode::reactive(wait),
        // Out of focus only the window's own events wake it (not the mouse over others).
        unfocused_mode: UpdateMode::reactive_low_power(wait),
    }
}

/// bevy_egui tells egui the modifier keys every frame, changed or not, and egui takes any
/// event as a reason to draw the next frame at once: the window would never sleep. Only a
/// real change of the modifiers is passed on (egui reads their state from the input anyway).
fn drop_unchanged_modifiers(
    mut inputs: Query<&mut EguiInput>,
    mut last: Local<Option<bevy_egui::egui::Modifiers>>,
) {
    for mut input in &mut inputs {
        input.events.retain(|event| match event {
            bevy_egui::egui::Event::ModifiersChanged(now) => {
                let changed = *last != Some(*now);
                *last = Some(*now);
                changed
            }
            _ => true,
        });
    }
}

fn read_egui_wish(outputs: Query<&EguiFullOutput>, mut next: ResMut<NextFrame>) {
    next.egui = outputs
        .iter()
        .filter_map(|o| o.0.as_ref())
        .flat_map(|o| o.viewport_output.values().map(|v| v.repaint_delay))
        .min();
}

/// bevy_egui asks for a redraw at once whenever egui wants any frame, even one seconds away
/// (a caret's blink): that would redraw without pause. A frame egui wants later is left to
/// the wait instead; one it wants now still comes at once.
fn leave_later_frames_to_the_wait(
    next: Res<NextFrame>,
    redraws: Option<ResMut<Messages<bevy::window::RequestRedraw>>>,
) {
    if let Some(mut redraws) = redraws
        && next.egui.is_some_and(|wait| !wait.is_zero())
    {
        redraws.clear();
    }
}

/// The waits the window sleeps for egui's later wishes. Every change of the wait costs a frame
/// at once (the loop starts counting afresh), so a wish that comes nearer frame by frame is
/// met by a few steady waits rather than a new one each frame.
const STEPS: [Duration; 4] = [
    Duration::from_millis(33),
    Duration::from_millis(250),
    Duration::from_secs(1),
    Duration::from_secs(3),
];

/// The longest steady wait no longer than `wish`.
fn step_for(wish: Duration) -> Duration {
    STEPS
        .into_iter()
        .rev()
        .find(|&step| step <= wish)
        .unwrap_or(STEPS[0])
}

/// A resize (the window's, or in the browser the page's) keeps frames coming for a moment.
fn settle_after_resize(
    mut resized: MessageReader<bevy::window::WindowResized>,
    time: Res<Time<Real>>,
    mut next: ResMut<NextFrame>,
) {
    let page_resized = PAGE_RESIZED.swap(false, std::sync::atomic::Ordering::Relaxed);
    if resized.read().count() > 0 || page_resized {
        next.settle_until = time.elapsed_secs_f64() + RESIZE_SETTLE_SECS;
    }
}

/// Set by the page's resize listener (in the browser), read by `settle_after_resize`.
static PAGE_RESIZED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

fn set_the_wait(
    start: Res<Start>,
    time: Res<Time<Real>>,
    mut next: ResMut<NextFrame>,
    live: Res<crate::classroom::live::LiveClass>,
    settings: Option<ResMut<WinitSettings>>,
) {
    let egui = next.egui.take().filter(|&w| w < IDLE_WAIT).map(step_for);
    let settling = (time.elapsed_secs_f64() < next.settle_until).then_some(STEPS[0]);
    // A live class: an answer may be in, or the next look for the facilitator's calls is due.
    let class = live.wake_within();
    let wait = [egui, next.clock.take(), settling, class]
        .into_iter()
        .flatten()
        .fold(IDLE_WAIT, Duration::min);
    let Some(mut settings) = settings else {
        return;
    };
    if start.screenshots.is_some() {
        return;
    }
    let wanted = settings_for(wait);
    // Only a real change is written, so nothing else sees the settings change every frame.
    if settings.focused_mode != wanted.focused_mode {
        *settings = wanted;
    }
}

/// A live class's answers (a facilitator's call, a record taken) and a picture fetched in the
/// browser wake a sleeping window.
fn wake_for_the_class_and_pictures(
    proxy: Option<Res<bevy::winit::EventLoopProxyWrapper>>,
    mut live: ResMut<crate::classroom::live::LiveClass>,
) {
    let Some(proxy) = proxy else {
        return;
    };
    let wake = |proxy: bevy::winit::EventLoopProxy<bevy::winit::WinitUserEvent>| {
        move || {
            let _ = proxy.send_event(bevy::winit::WinitUserEvent::WakeUp);
        }
    };
    live.set_waker(wake((**proxy).clone()));
    crate::ui::art::set_waker(wake((**proxy).clone()));
}

/// A quit signal (Ctrl-C, `kill`) must not wait out a sleeping window: a watcher wakes the
/// loop, and the save module's own check does the rest.
#[cfg(not(target_arch = "wasm32"))]
fn wake_for_quit_signals(proxy: Option<Res<bevy::winit::EventLoopProxyWrapper>>) {
    let Some(proxy) = proxy else {
        return;
    };
    let proxy = (**proxy).clone();
    std::thread::spawn(move || {
        while !crate::platform::quit_requested() {
            std::thread::sleep(Duration::from_millis(100));
        }
        let _ = proxy.send_event(bevy::winit::WinitUserEvent::WakeUp);
    });
}

/// In the browser a resized page does not wake a sleeping window by itself (the canvas keeps
/// its old picture until the pointer moves): the page's resize event wakes it, and frames
/// keep coming until the canvas has its new size.
#[cfg(target_arch = "wasm32")]
fn wake_on_page_resize(proxy: Option<Res<bevy::winit::EventLoopProxyWrapper>>) {
    use wasm_bindgen::JsCast;
    let (Some(proxy), Some(window)) = (proxy, web_sys::window()) else {
        return;
    };
    let proxy = (**proxy).clone();
    let wake = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
        PAGE_RESIZED.store(true, std::sync::atomic::Ordering::Relaxed);
        let _ = proxy.send_event(bevy::winit::WinitUserEvent::WakeUp);
    });
    let _ = window.add_event_listener_with_callback("resize", wake.as_ref().unchecked_ref());
    // The listener lives as long as the page.
    wake.forget();
}
