//! Announcements: a short banner for each thing that matters (an outage, a restore, a failed
//! change, finished work, a favour landing on the constraint, the last hour), fading after a
//! few seconds. The simulation's news says what happened; this only shows it.

use bevy_egui::egui;

use super::theme::Theme;
use crate::sim::news::{NewsItem, NewsKind};

/// Seconds a banner stays up.
const SHOWN_FOR: f64 = 7.0;
/// Banners on screen at once; older ones give way.
const MOST: usize = 3;
/// For its last seconds a banner shows dimmed, to say it is about to go.
const DIM: f64 = 1.5;

#[derive(Clone, Debug, PartialEq)]
pub struct Toast {
    pub text: String,
    pub bad: bool,
    /// When it went up (egui's clock).
    pub at: f64,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Toasts {
    pub shown: Vec<Toast>,
    /// News items already announced.
    pub seen: Option<usize>,
}

impl Toasts {
    /// Takes the news not yet announced. Several finished tickets make one banner. Returns the
    /// new items, for whoever else reacts to them (the clock, the flashing cards).
    pub fn take<'a>(&mut self, news: &'a [(usize, NewsItem)], now: f64) -> Vec<&'a NewsItem> {
        let fresh: Vec<&NewsItem> = news
            .iter()
            .filter(|(i, _)| self.seen.is_none_or(|seen| *i > seen))
            .map(|(_, item)| item)
            .collect();
        if let Some((last, _)) = news.last() {
            self.seen = Some(*last);
        }
        let done: Vec<&&NewsItem> = fresh
            .iter()
            .filter(|n| n.kind == NewsKind::TicketDone)
            .collect();
        if done.len() > 2 {
            self.push(format!("{} tickets done", done.len()), false, now);
        }
        for item in &fresh {
            if item.kind == NewsKind::TicketDone && done.len() > 2 {
                continue;
            }
            self.push(item.text.clone(), item.kind.is_bad(), now);
        }
        fresh
    }

    /// A word from the screen itself (a key that had nothing to do, say).
    pub fn say(&mut self, text: String, at: f64) {
        self.push(text, true, at);
    }

    fn push(&mut self, text: String, bad: bool, at: f64) {
        self.shown.push(Toast { text, bad, at });
        let extra = self.shown.len().saturating_sub(MOST);
        self.shown.drain(..extra);
    }

    /// When the screen must be drawn again for the banners: when the next one dims or goes,
    /// never when none is up. (They dim in one step rather than fade: a fade would redraw the
    /// whole screen many times a second.)
    pub fn next_frame(&self, now: f64) -> Option<std::time::Duration> {
        self.shown
            .iter()
            .map(|t| now - t.at)
            .filter(|&age| age < SHOWN_FOR)
            .map(|age| {
                let dims = SHOWN_FOR - DIM - age;
                if dims > 0.0 { dims } else { SHOWN_FOR - age }
            })
            .reduce(f64::min)
            .map(std::time::Duration::from_secs_f64)
    }

    /// Draws the banners in the top right corner of `area`.
    pub fn show(&mut self, ctx: &egui::Context, area: egui::Rect, theme: &Theme) {
        let now = ctx.input(|i| i.time);
        self.shown.retain(|t| now - t.at < SHOWN_FOR);
        for (i, toast) in self.shown.iter().enumerate() {
            let age = now - toast.at;
            let fade = if SHOWN_FOR - age < DIM { 0.5 } else { 1.0 };
            let colour = if toast.bad { theme.bad() } else { theme.good() };
            egui::Area::new(egui::Id::new(("toast", i)))
                .order(egui::Order::Foreground)
                .interactable(false)
                .anchor(
                    egui::Align2::RIGHT_TOP,
                    [
                        area.right() - ctx.content_rect().right() - 8.0,
                        area.top() + 44.0 + 34.0 * i as f32,
                    ],
                )
                .show(ctx, |ui| {
                    egui::Frame::popup(ui.style())
                        .stroke(egui::Stroke::new(2.0, colour.gamma_multiply(fade)))
                        .multiply_with_opacity(fade)
                        .show(ui, |ui| {
                            ui.set_max_width(360.0);
                            ui.colored_label(colour, egui::RichText::new(&toast.text).small());
                        });
                });
        }
        if let Some(wait) = self.next_frame(now) {
            ctx.request_repaint_after(wait);
        }
    }
}
