//! The classroom: a class code that gives every student the same scenario, the session
//! report they hand in, and the instructor's roll-up of a class's reports.

mod code;
pub mod live;
pub mod report;
pub mod rollup;
#[cfg(not(target_arch = "wasm32"))]
pub mod server;

use bevy::prelude::*;

pub use code::{ClassCode, fnv1a};

use crate::save::{SaveFiles, SaveGame, SaveNotice};

/// A class code given on the command line (`--class`) or in the page's address (`?class=`).
#[derive(Resource, Clone, Debug, Default)]
pub struct ClassFromStart(pub Option<String>);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<ClassFromStart>()
        .add_systems(Startup, join_class_from_start)
        .add_plugins(live::plugin);
}

/// Joins the class named at start-up, before the title screen shows.
fn join_class_from_start(
    given: Res<ClassFromStart>,
    mut save: ResMut<SaveGame>,
    files: Res<SaveFiles>,
    mut notice: ResMut<SaveNotice>,
) {
    let Some(text) = given.0.as_deref() else {
        return;
    };
    match join(&mut save, text) {
        Ok(code) => {
            info!("class code {code} (seed {})", code.seed());
            if let Err(e) = files.store(&save) {
                warn!("{e}");
            }
        }
        Err(e) => notice.0 = Some(e),
    }
}

impl SaveGame {
    /// Plays for `code` from now on: its seed sets every chapter, and the campaign starts
    /// afresh so what earlier play carried forward is the same for every student.
    /// Joining the class already joined changes nothing. Says whether anything changed.
    pub fn join_class(&mut self, code: &ClassCode) -> bool {
        if self.class_code.as_deref() == Some(code.as_str()) && self.seed == code.seed() {
            return false;
        }
        *self = self.fresh(code.seed(), Some(code.to_string()));
        // A seat belongs to one class.
        if self
            .live
            .as_ref()
            .is_some_and(|seat| seat.code != code.as_str())
        {
            self.live = None;
        }
        true
    }
}

/// Joins the class `text` names; the message says what is wrong with a bad code.
pub fn join(save: &mut SaveGame, text: &str) -> Result<ClassCode, String> {
    let code = ClassCode::parse(text).ok_or_else(|| {
        format!(
            "`{text}` is not a class code: use letters and digits, at most {} of them",
            code::MAX_LEN
        )
    })?;
    save.join_class(&code);
    Ok(code)
}

/// Writes (desktop) or downloads (browser) the session report, JSON and Markdown, and
/// says where it went.
pub fn hand_in(save: &SaveGame) -> Result<String, String> {
    let report = report::SessionReport::from_save(save);
    if report.chapters.is_empty() {
        return Err("Nothing to hand in yet: finish a chapter first.".to_owned());
    }
    let folder = crate::save::save_dir().join("reports");
    let stem = report.file_stem();
    let json = crate::platform::deliver(&folder, &format!("{stem}.json"), &report.to_json())?;
    let markdown = crate::platform::deliver(&folder, &format!("{stem}.md"), &report.to_markdown())?;
    Ok(format!("Report: {json} (hand this one in) and {markdown}"))
}
