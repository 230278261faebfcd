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
