//! Colours and type sizes, including a palette that colour-blind players can tell apart.

use bevy_egui::egui::{self, Color32};

use crate::level::WorkKind;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Theme {
    pub colour_blind: bool,
    pub projector: bool,
}

impl Theme {
    /// The colour of a work type: blue, purple, orange and red; in the colour-blind palette
    /// (Okabe and Ito's) blue, reddish purple, yellow and vermillion, told apart by lightness too.
    pub fn kind(&self, kind: WorkKind) -> Color32 {
        match (self.colour_blind, kind) {
            (false, WorkKind::Business) => Color32::from_rgb(80, 150, 220),
            (false, WorkKind::Internal) => Color32::from_rgb(150, 120, 220),
            (false, WorkKind::Change) => Color32::from_rgb(230, 160, 40),
            (false, WorkKind::Unplanned) => Color32::from_rgb(220, 70, 70),
            (true, WorkKind::Business) => Color32::from_rgb(0, 114, 178),
            (true, WorkKind::Internal) => Color32::from_rgb(204, 121, 167),
            (true, WorkKind::Change) => Color32::from_rgb(240, 228, 66),
            (true, WorkKind::Unplanned) => Color32::from_rgb(213, 94, 0),
        }
    }

    pub fn good(&self) -> Color32 {
        if self.colour_blind {
            Color32::from_rgb(86, 180, 233)
        } else {
            Color32::from_rgb(90, 190, 110)
        }
    }

    pub fn bad(&self) -> Color32 {
        if self.colour_blind {
            Color32::from_rgb(213, 94, 0)
        } else {
            Color32::from_rgb(230, 90, 80)
        }
    }

    pub fn constraint(&self) -> Color32 {
        Color32::from_rgb(240, 200, 60)
    }
}

/// Applies text size and contrast to the egui context.
pub fn apply(ctx: &egui::Context, text_size: f32, projector: bool) {
    let mut style = (*ctx.global_style()).clone();
    for (text_style, font) in style.text_styles.iter_mut() {
        let base = match text_style {
            egui::TextStyle::Heading => 20.0,
            egui::TextStyle::Small => 10.0,
            _ => 14.0,
        };
        font.size = base * text_size;
    }
    style.visuals = if projector {
        high_contrast()
    } else {
        egui::Visuals::dark()
    };
    // A blinking caret would redraw the whole screen twice a second while an answer is typed.
    style.visuals.text_cursor.blink = false;
    ctx.set_global_style(style);
}

fn high_contrast() -> egui::Visuals {
    let mut visuals = egui::Visuals::light();
    visuals.override_text_color = Some(Color32::BLACK);
    visuals.panel_fill = Color32::WHITE;
    visuals.window_fill = Color32::WHITE;
    visuals
}
