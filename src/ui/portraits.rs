//! Portraits: the cast's pictures (`assets/portraits`), and for anyone a level adds without
//! one, a face drawn with egui shapes (skin, hair, glasses, a collar) and their initials.

use bevy_egui::egui::{self, Color32, Pos2, Stroke, Vec2};

/// A stable number from a character id, so the same person always looks the same.
fn hash(id: &str) -> u32 {
    id.bytes().fold(2166136261u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(16777619)
    })
}

const SKIN: [Color32; 5] = [
    Color32::from_rgb(241, 204, 170),
    Color32::from_rgb(224, 172, 128),
    Color32::from_rgb(198, 134, 96),
    Color32::from_rgb(141, 85, 54),
    Color32::from_rgb(95, 60, 40),
];
const HAIR: [Color32; 5] = [
    Color32::from_rgb(40, 30, 25),
    Color32::from_rgb(110, 70, 40),
    Color32::from_rgb(200, 170, 110),
    Color32::from_rgb(150, 150, 150),
    Color32::from_rgb(160, 60, 30),
];
const COLLAR: [Color32; 6] = [
    Color32::from_rgb(60, 90, 160),
    Color32::from_rgb(40, 120, 90),
    Color32::from_rgb(140, 60, 60),
    Color32::from_rgb(90, 90, 90),
    Color32::from_rgb(120, 80, 150),
    Color32::from_rgb(170, 120, 40),
];

/// Draws `id`'s portrait in a square of `size` points and returns its response.
pub fn portrait(ui: &mut egui::Ui, id: &str, name: &str, size: f32) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(Vec2::splat(size), egui::Sense::hover());
    match super::art::lookup(ui.ctx(), &format!("portraits/{id}")) {
        super::art::Picture::Ready(texture) => {
            egui::Image::new(&texture)
                .corner_radius(size * 0.18)
                .paint_at(ui, rect);
            return response.on_hover_text(name);
        }
        // A moment in the browser: an empty tile, not a stand-in face that then changes.
        super::art::Picture::Loading => {
            ui.painter()
                .rect_filled(rect, size * 0.18, Color32::from_gray(45));
            return response.on_hover_text(name);
        }
        super::art::Picture::Missing => {}
    }
    let painter = ui.painter_at(rect);
    let h = hash(id);
    let skin = SKIN[(h % 5) as usize];
    let hair = HAIR[((h / 5) % 5) as usize];
    let collar = COLLAR[((h / 25) % 6) as usize];
    let glasses = (h / 150).is_multiple_of(3);
    let long_hair = (h / 450).is_multiple_of(2);
    let c = rect.center();
    let r = size * 0.5;
    painter.rect_filled(rect, 4.0, Color32::from_gray(45));
    // Shoulders and collar.
    painter.circle_filled(Pos2::new(c.x, rect.bottom() + r * 0.55), r * 0.95, collar);
    if long_hair {
        painter.rect_filled(
            egui::Rect::from_center_size(
                Pos2::new(c.x, c.y + r * 0.05),
                Vec2::new(r * 1.05, r * 1.0),
            ),
            r * 0.3,
            hair,
        );
    }
    painter.circle_filled(Pos2::new(c.x, c.y - r * 0.1), r * 0.45, skin);
    // Hair on top.
    painter.circle_filled(Pos2::new(c.x, c.y - r * 0.38), r * 0.36, hair);
    painter.circle_filled(Pos2::new(c.x, c.y - r * 0.05), r * 0.40, skin);
    let eye_y = c.y - r * 0.12;
    for dx in [-0.16, 0.16] {
        painter.circle_filled(
            Pos2::new(c.x + dx * r, eye_y),
            r * 0.045,
            Color32::from_gray(20),
        );
        if glasses {
            painter.circle_stroke(
                Pos2::new(c.x + dx * r, eye_y),
                r * 0.12,
                Stroke::new(1.5, Color32::from_gray(30)),
            );
        }
    }
    painter.line_segment(
        [
            Pos2::new(c.x - r * 0.12, c.y + r * 0.12),
            Pos2::new(c.x + r * 0.12, c.y + r * 0.12),
        ],
        Stroke::new(1.5, Color32::from_rgb(120, 50, 50)),
    );
    let initials: String = name
        .split_whitespace()
        .filter_map(|w| w.chars().next())
        .take(2)
        .collect();
    painter.text(
        Pos2::new(rect.right() - 3.0, rect.bottom() - 2.0),
        egui::Align2::RIGHT_BOTTOM,
        initials,
        egui::FontId::proportional((size * 0.22).max(9.0)),
        Color32::WHITE,
    );
    response.on_hover_text(name)
}
