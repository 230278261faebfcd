//! The discussion questions overlay: each question, filled in with the player's numbers, and
//! a box for the answer, which is kept with the save.

use bevy_egui::egui;

pub fn questions(
    ui: &mut egui::Ui,
    chapter: u32,
    questions: &[String],
    answers: &mut Vec<String>,
) -> bool {
    answers.resize(questions.len(), String::new());
    ui.heading(format!("Chapter {chapter}: discussion"));
    let mut changed = false;
    for (i, (question, answer)) in questions.iter().zip(answers.iter_mut()).enumerate() {
        ui.add_space(6.0);
        let label = ui.label(egui::RichText::new(format!("{}. {question}", i + 1)).strong());
        let response = ui
            .add(
                egui::TextEdit::multiline(answer)
                    .desired_rows(3)
                    .desired_width(f32::INFINITY)
                    .hint_text("Your answer"),
            )
            .labelled_by(label.id);
        changed |= response.changed();
    }
    changed
}

/// The discussion screen for the room: one question at a time in large type over the whole
/// window. ← and → (or the buttons) move between questions; Esc closes it. Returns the
/// question to show next frame, or `None` once closed.
pub fn discussion_screen(
    ctx: &egui::Context,
    chapter: u32,
    title: &str,
    questions: &[String],
    at: usize,
) -> Option<usize> {
    let last = questions.len().saturating_sub(1);
    let mut at = at.min(last);
    let mut open = true;
    ctx.input_mut(|i| {
        if i.key_pressed(egui::Key::ArrowRight) {
            at = (at + 1).min(last);
        }
        if i.key_pressed(egui::Key::ArrowLeft) {
            at = at.saturating_sub(1);
        }
        // Taken, so the same Escape does not also open the menu behind.
        if i.consume_key(egui::Modifiers::NONE, egui::Key::Escape) {
            open = false;
        }
    });
    egui::Area::new("discussion".into())
        .order(egui::Order::Foreground)
        .fixed_pos(egui::Pos2::ZERO)
        .show(ctx, |ui| {
            let screen = ctx.content_rect();
            ui.painter()
                .rect_filled(screen, 0.0, ui.visuals().extreme_bg_color);
            ui.set_min_size(screen.size());
            ui.set_max_width(screen.width());
            ui.vertical_centered(|ui| {
                ui.add_space(screen.height() * 0.08);
                ui.label(
                    egui::RichText::new(format!("Chapter {chapter}: {title}"))
                        .size(28.0)
                        .weak(),
                );
                ui.add_space(24.0);
                let text = questions
                    .get(at)
                    .map_or("This chapter has no questions.", String::as_str);
                // A margin either side, so long questions read as a block.
                ui.allocate_ui(egui::vec2(screen.width() * 0.82, 0.0), |ui| {
                    ui.vertical_centered(|ui| {
                        ui.add(
                            egui::Label::new(
                                egui::RichText::new(text)
                                    .size((screen.width() / 28.0).clamp(28.0, 64.0))
                                    .strong(),
                            )
                            .wrap(),
                        );
                    });
                });
                ui.add_space(32.0);
                ui.horizontal(|ui| {
                    ui.add_space(screen.width() / 2.0 - 200.0);
                    if ui
                        .add_enabled(
                            at > 0,
                            egui::Button::new(egui::RichText::new("◀ Previous").size(24.0)),
                        )
                        .clicked()
                    {
                        at -= 1;
                    }
                    ui.label(
                        egui::RichText::new(format!("{} of {}", at + 1, questions.len().max(1)))
                            .size(24.0),
                    );
                    if ui
                        .add_enabled(
                            at < last,
                            egui::Button::new(egui::RichText::new("Next ▶").size(24.0)),
                        )
                        .clicked()
                    {
                        at += 1;
                    }
                    if ui.button(egui::RichText::new("Close").size(24.0)).clicked() {
                        open = false;
                    }
                });
            });
        });
    open.then_some(at)
}
