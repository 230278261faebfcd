//! The session report a student hands in: every chapter played on the class's seed, its
//! outcome, key numbers, choices and answers. Markdown for people, JSON for the roll-up;
//! the JSON carries a checksum so a damaged or hand-edited report is caught.

use serde::{Deserialize, Serialize};

use super::code::fnv1a;
use crate::save::SaveGame;
pub use crate::save::played::{ChoiceMade, ObjectiveOutcome, PlayedChapter};
use crate::sim::objectives::star_row;

/// What a report file says it is, so other JSON is refused early.
pub const FORMAT: &str = "parts-unlimited-session-report/1";

pub fn game_version() -> String {
    format!("parts-unlimited {}", env!("CARGO_PKG_VERSION"))
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    pub question: String,
    pub answer: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChapterReport {
    pub played: PlayedChapter,
    pub best_stars: u8,
    pub answers: Vec<Answer>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SessionReport {
    pub game_version: String,
    pub class_code: Option<String>,
    pub seed: u64,
    pub student: String,
    pub chapters: Vec<ChapterReport>,
}

/// The file as written: the report and the checksum of its exact contents.
#[derive(Serialize, Deserialize)]
struct SignedReport {
    format: String,
    checksum: String,
    report: SessionReport,
}

/// Why a report file was not taken.
#[derive(Clone, Debug, PartialEq)]
pub enum ReportError {
    /// Not a report, or cut short.
    Unreadable(String),
    /// The contents do not match the checksum: damaged or edited by hand.
    ChecksumMismatch,
}

impl std::fmt::Display for ReportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Unreadable(why) => write!(f, "not a readable session report ({why})"),
            Self::ChecksumMismatch => {
                f.write_str("its checksum does not match: damaged or edited by hand")
            }
        }
    }
}

impl SessionReport {
    /// Every chapter the save has played on its current seed (the class's, in a class).
    pub fn from_save(save: &SaveGame) -> Self {
        let chapters = save
            .chapters
            .values()
            .filter_map(|record| {
                let played = record.played.clone()?;
                (played.seed == save.seed).then(|| ChapterReport {
                    best_stars: record.best_stars,
                    answers: record
                        .questions
                        .iter()
                        .enumerate()
                        .map(|(i, question)| Answer {
                            question: question.clone(),
                            answer: record.answers.get(i).cloned().unwrap_or_default(),
                        })
                        .collect(),
                    played,
                })
            })
            .collect();
        Self {
            game_version: game_version(),
            class_code: save.class_code.clone(),
            seed: save.seed,
            student: save.student.clone(),
            chapters,
        }
    }

    /// One report per chapter, each to be signed on its own: a live class's records.
    pub fn per_chapter(&self) -> impl Iterator<Item = SessionReport> + '_ {
        self.chapters.iter().map(|chapter| SessionReport {
            game_version: self.game_version.clone(),
            class_code: self.class_code.clone(),
            seed: self.seed,
            student: self.student.clone(),
            chapters: vec![chapter.clone()],
        })
    }

    /// 16 hex digits of FNV-1a over the report's compact JSON.
    pub fn checksum(&self) -> String {
        let body = serde_json::to_string(self).expect("a report is plain data");
        format!("{:016x}", fnv1a(body.as_bytes()))
    }

    pub fn to_json(&self) -> String {
        let signed = SignedReport {
            format: FORMAT.to_owned(),
            checksum: self.checksum(),
            report: self.clone(),
        };
        serde_json::to_string_pretty(&signed).expect("a report is plain data")
    }

    /// Reads a report file back, refusing one whose checksum does not match.
    pub fn from_json(text: &str) -> Result<Self, ReportError> {
        if text.len() as u64 > super::rollup::MAX_REPORT_BYTES {
            return Err(ReportError::Unreadable(format!(
                "{} bytes, more than a report can be",
                text.len()
            )));
        }
        let signed: SignedReport =
            serde_json::from_str(text).map_err(|e| ReportError::Unreadable(e.to_string()))?;
        if signed.format != FORMAT {
            return Err(ReportError::Unreadable(format!(
                "format `{}`, expected `{FORMAT}`",
                signed.format
            )));
        }
        if signed.report.checksum() != signed.checksum {
            return Err(ReportError::ChecksumMismatch);
        }
        Ok(signed.report)
    }

    /// `report-DEVOPS-7B-ada-lovelace`, without extension.
    pub fn file_stem(&self) -> String {
        let slug = |text: &str| {
            text.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
                .join("-")
        };
        let mut stem = "report".to_owned();
        for part in [self.class_code.as_deref().unwrap_or("solo"), &self.student] {
            let part = slug(part);
            if !part.is_empty() {
                stem.push('-');
                stem.push_str(&part);
            }
        }
        stem
    }

    pub fn to_markdown(&self) -> String {
        use std::fmt::Write;
        let mut out = String::new();
        let _ = writeln!(out, "# Parts Unlimited: session report\n");
        let name = if self.student.is_empty() {
            "(no name given)"
        } else {
            &self.student
        };
        let _ = writeln!(out, "- Student: {name}");
        let _ = writeln!(
            out,
            "- Class code: {} (seed {})",
            self.class_code.as_deref().unwrap_or("none, played solo"),
            self.seed
        );
        let _ = writeln!(out, "- Game: {}", self.game_version);
        let _ = writeln!(out, "- Chapters: {}", self.chapters.len());
        let _ = writeln!(
            out,
            "- Checksum: {} (the JSON report is the one to hand in)\n",
            self.checksum()
        );
        for chapter in &self.chapters {
            chapter_markdown(&mut out, chapter);
        }
        out
    }
}

fn chapter_markdown(out: &mut String, chapter: &ChapterReport) {
    use std::fmt::Write;
    let played = &chapter.played;
    let _ = writeln!(
        out,
        "## Chapter {}: {}\n\n{} {} (best {})\n",
        played.chapter,
        played.title,
        star_row(played.stars),
        if played.passed {
            "passed"
        } else {
            "not passed"
        },
        star_row(chapter.best_stars)
    );
    for objective in &played.objectives {
        let _ = writeln!(
            out,
            "- {} {} (measured {:.1})",
            if objective.met { "✔" } else { "✘" },
            objective.text,
            objective.value
        );
    }
    let _ = writeln!(out, "\n| Number | Value |\n|---|---|");
    for row in played.metrics.rows() {
        let _ = writeln!(out, "| {} | {} |", row.label, row.value);
    }
    let _ = writeln!(out);
    if !played.choices.is_empty() {
        let _ = writeln!(out, "Choices:");
        for choice in &played.choices {
            let _ = writeln!(out, "- {}", choice.text);
        }
        let _ = writeln!(out);
    }
    if !chapter.answers.is_empty() {
        let _ = writeln!(out, "### Discussion\n");
        for answer in &chapter.answers {
            let _ = writeln!(out, "**{}**\n", answer.question);
            let text = if answer.answer.trim().is_empty() {
                "(not answered)"
            } else {
                answer.answer.trim()
            };
            for line in text.lines() {
                let _ = writeln!(out, "> {line}");
            }
            let _ = writeln!(out);
        }
    }
}
