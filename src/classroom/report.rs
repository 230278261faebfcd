//! The session report a student hands in: every chapter played on the class's seed, its
//! outcome, key numbers, choices and answers. Markdown for people, JSON for the roll-up;
//! the JSON carries a checksum so a damaged or hand-edited report is caught.

use serde::{Deserialize, Serialize};

use super::code::fnv1a;
use crate::level::Level;
use crate::save::SaveGame;
use crate::sim::PlayerCommand;
use crate::sim::metrics::Summary;
use crate::sim::objectives::{ChapterResult, star_row};

/// What a report file says it is, so other JSON is refused early.
pub const FORMAT: &str = "parts-unlimited-session-report/1";

pub fn game_version() -> String {
    format!("parts-unlimited {}", env!("CARGO_PKG_VERSION"))
}

/// The numbers the class compares, taken from the chapter's summary.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KeyMetrics {
    pub lead_time_hours: Option<f64>,
    pub throughput_per_day: f64,
    /// Who the constraint was (Brent, mostly) and how busy they were.
    pub constraint: Option<String>,
    pub constraint_utilization: Option<f64>,
    pub unplanned_share: f64,
    pub deploys_per_day: f64,
    pub change_lead_time_hours: Option<f64>,
    pub change_fail_rate: Option<f64>,
    pub time_to_restore_hours: Option<f64>,
    pub sev1s: u32,
    pub revenue_lost: f64,
    /// Dollars a day of business value from the work finished.
    #[serde(default)]
    pub value_delivered: f64,
}

/// JSON has no NaN or infinity; a number that is not finite is reported as absent.
fn finite(value: Option<f64>) -> Option<f64> {
    value.filter(|v| v.is_finite())
}

impl KeyMetrics {
    pub fn of(summary: &Summary) -> Self {
        let constraint = summary.constraint();
        Self {
            lead_time_hours: finite(summary.lead_time),
            throughput_per_day: finite(Some(summary.planned_throughput)).unwrap_or(0.0),
            constraint: constraint.map(|c| c.name.clone()),
            constraint_utilization: finite(constraint.map(|c| c.utilization)),
            unplanned_share: finite(Some(summary.unplanned_share)).unwrap_or(0.0),
            deploys_per_day: finite(Some(summary.dora.deploys_per_day)).unwrap_or(0.0),
            change_lead_time_hours: finite(summary.dora.change_lead_time),
            change_fail_rate: finite(summary.dora.change_fail_rate),
            time_to_restore_hours: finite(summary.dora.time_to_restore),
            sev1s: summary.sev1s,
            revenue_lost: finite(Some(summary.revenue_lost)).unwrap_or(0.0),
            value_delivered: finite(Some(summary.value_delivered)).unwrap_or(0.0),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChoiceMade {
    pub scene: String,
    pub choice: usize,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ObjectiveOutcome {
    pub text: String,
    pub value: f64,
    pub met: bool,
}

/// A chapter as it was last played: enough to report it and to replay it exactly.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlayedChapter {
    pub chapter: u32,
    pub title: String,
    pub seed: u64,
    pub passed: bool,
    pub stars: u8,
    pub objectives: Vec<ObjectiveOutcome>,
    pub metrics: KeyMetrics,
    pub choices: Vec<ChoiceMade>,
    /// Every command, in order: the seed and these give the chapter back.
    pub commands: Vec<PlayerCommand>,
}

impl PlayedChapter {
    pub fn new(
        level: &Level,
        seed: u64,
        result: &ChapterResult,
        commands: Vec<PlayerCommand>,
    ) -> Self {
        let choices = commands
            .iter()
            .filter_map(|command| match command {
                PlayerCommand::Choose { scene, choice } => Some(ChoiceMade {
                    scene: scene.clone(),
                    choice: *choice,
                    text: level
                        .scenes
                        .iter()
                        .find(|s| &s.id == scene)
                        .and_then(|s| s.choices.get(*choice))
                        .map_or_else(String::new, |c| c.text.clone()),
                }),
                _ => None,
            })
            .collect();
        Self {
            chapter: level.chapter,
            title: level.title.clone(),
            seed,
            passed: result.passed(),
            stars: result.stars,
            objectives: result
                .objectives
                .iter()
                .map(|o| ObjectiveOutcome {
                    text: o.text.clone(),
                    value: finite(Some(o.value)).unwrap_or(0.0),
                    met: o.met,
                })
                .collect(),
            metrics: KeyMetrics::of(&result.summary),
            choices,
            commands,
        }
    }
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
    let m = &played.metrics;
    let hours = |v: Option<f64>| v.map_or("–".to_owned(), |h| format!("{h:.1} h"));
    let percent = |v: Option<f64>| v.map_or("–".to_owned(), |p| format!("{:.0}%", p * 100.0));
    let _ = writeln!(
        out,
        "\n| Lead time | Throughput | {} busy | Unplanned | Deploys a day | Change lead time | Change fail rate | Time to restore |",
        m.constraint.as_deref().unwrap_or("Constraint")
    );
    let _ = writeln!(out, "|---|---|---|---|---|---|---|---|");
    let _ = writeln!(
        out,
        "| {} | {:.1} a day | {} | {:.0}% | {:.2} | {} | {} | {} |\n",
        hours(m.lead_time_hours),
        m.throughput_per_day,
        percent(m.constraint_utilization),
        m.unplanned_share * 100.0,
        m.deploys_per_day,
        hours(m.change_lead_time_hours),
        percent(m.change_fail_rate),
        hours(m.time_to_restore_hours)
    );
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
