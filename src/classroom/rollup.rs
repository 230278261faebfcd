//! The class roll-up: many students' reports merged into one CSV (a row per student per
//! chapter) and a Markdown summary (outcomes per chapter, answers grouped by question).
//! Reports that do not belong are named and skipped with the reason; the rest still merge.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::report::{ChapterReport, SessionReport};
use crate::sim::key_numbers::KeyNumbers;
use crate::sim::objectives::star_row;

/// One file handed in: its name (for messages) and its text.
/// The largest report file taken: a whole campaign with every command is far smaller.
pub const MAX_REPORT_BYTES: u64 = 8 * 1024 * 1024;

/// Reads a handed-in file, refusing one too large to be a report.
pub fn read_report_file(path: &std::path::Path) -> Result<String, String> {
    let size = std::fs::metadata(path)
        .map_err(|e| format!("could not be read ({e})"))?
        .len();
    if size > MAX_REPORT_BYTES {
        return Err(format!(
            "is {size} bytes, more than a session report can be ({MAX_REPORT_BYTES})"
        ));
    }
    std::fs::read_to_string(path).map_err(|e| format!("could not be read ({e})"))
}

pub struct Handed {
    pub name: String,
    pub text: String,
}

#[derive(Debug, Default)]
pub struct RollUp {
    /// The class the roll-up is for.
    pub class_code: Option<String>,
    pub merged: Vec<String>,
    /// File name and why it was left out.
    pub skipped: Vec<(String, String)>,
    pub csv: String,
    pub summary: String,
}

/// Merges `files`. The class is `class` when given, else the code most reports carry.
/// `unreadable` are files that could not even be opened, with why.
pub fn roll_up(
    files: &[Handed],
    unreadable: Vec<(String, String)>,
    class: Option<&str>,
    names: bool,
) -> RollUp {
    let mut skipped = unreadable;
    let mut readable = Vec::new();
    for file in files {
        match SessionReport::from_json(&file.text) {
            Ok(report) => readable.push((file, report)),
            Err(e) => skipped.push((file.name.clone(), e.to_string())),
        }
    }
    let class_code = class
        .map(str::to_owned)
        .or_else(|| most_common_code(&readable));
    // Each kept report with its checksum, worked out once.
    let mut kept: Vec<(&Handed, SessionReport, String)> = Vec::new();
    for (file, report) in readable {
        if report.class_code != class_code {
            let theirs = report.class_code.as_deref().unwrap_or("none (played solo)");
            let ours = class_code.as_deref().unwrap_or("none");
            skipped.push((
                file.name.clone(),
                format!("class code {theirs}, not this class's {ours}"),
            ));
            continue;
        }
        let checksum = report.checksum();
        let same_student = |other: &SessionReport| {
            !report.student.trim().is_empty()
                && other
                    .student
                    .trim()
                    .eq_ignore_ascii_case(report.student.trim())
        };
        if let Some((first, _, _)) = kept.iter().find(|(_, _, k)| *k == checksum) {
            skipped.push((file.name.clone(), format!("a duplicate of {}", first.name)));
        } else if let Some((first, _, _)) = kept.iter().find(|(_, k, _)| same_student(k)) {
            skipped.push((
                file.name.clone(),
                format!(
                    "a second report from {}; the first, {}, is kept",
                    report.student.trim(),
                    first.name
                ),
            ));
        } else {
            kept.push((file, report, checksum));
        }
    }
    let reports: Vec<&SessionReport> = kept.iter().map(|(_, report, _)| report).collect();
    let students = named(&reports, names);
    RollUp {
        csv: csv(&students),
        summary: summary(class_code.as_deref(), &students, &skipped),
        merged: kept.iter().map(|(f, _, _)| f.name.clone()).collect(),
        class_code,
        skipped,
    }
}

/// Each report with the name the roll-up shows: the student's own with `names`, else
/// "Student N" in the order given.
pub fn named<'a>(reports: &[&'a SessionReport], names: bool) -> Vec<(String, &'a SessionReport)> {
    reports
        .iter()
        .enumerate()
        .map(|(i, report)| {
            let name = if names && !report.student.trim().is_empty() {
                report.student.trim().to_owned()
            } else {
                format!("Student {}", i + 1)
            };
            (name, *report)
        })
        .collect()
}

/// The CSV and summary of reports already checked and kept (a live class's, in the order
/// its students joined): the same text `class-report` writes from the same reports.
pub fn csv_and_summary(
    class_code: Option<&str>,
    reports: &[&SessionReport],
    names: bool,
) -> (String, String) {
    let students = named(reports, names);
    (csv(&students), summary(class_code, &students, &[]))
}

fn most_common_code(reports: &[(&Handed, SessionReport)]) -> Option<String> {
    let mut counts: Vec<(Option<String>, usize)> = Vec::new();
    for (_, report) in reports {
        match counts.iter_mut().find(|(c, _)| *c == report.class_code) {
            Some((_, n)) => *n += 1,
            None => counts.push((report.class_code.clone(), 1)),
        }
    }
    // The most common; on a tie, the one seen first.
    let best = counts.iter().map(|(_, n)| *n).max()?;
    counts.into_iter().find(|(_, n)| *n == best)?.0
}

const CSV_HEADER: &str = "student,chapter,title,passed,stars,best_stars,lead_time_hours,throughput_per_day,constraint,constraint_utilization,unplanned_share,deploys_per_day,change_lead_time_hours,change_fail_rate,time_to_restore_hours,sev1s,revenue_lost,value_delivered,choices";

fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

fn number(value: Option<f64>) -> String {
    value.map_or_else(String::new, |v| format!("{v:.3}"))
}

fn csv(students: &[(String, &SessionReport)]) -> String {
    let mut out = format!("{CSV_HEADER}\n");
    for (name, report) in students {
        for chapter in &report.chapters {
            let p = &chapter.played;
            let m = &p.metrics;
            let choices: Vec<&str> = p.choices.iter().map(|c| c.text.as_str()).collect();
            let fields = [
                csv_field(name),
                p.chapter.to_string(),
                csv_field(&p.title),
                p.passed.to_string(),
                p.stars.to_string(),
                chapter.best_stars.to_string(),
                number(m.lead_time_hours),
                number(Some(m.throughput_per_day)),
                csv_field(m.constraint.as_deref().unwrap_or("")),
                number(m.constraint_utilization),
                number(Some(m.unplanned_share)),
                number(Some(m.deploys_per_day)),
                number(m.change_lead_time_hours),
                number(m.change_fail_rate),
                number(m.time_to_restore_hours),
                m.sev1s.to_string(),
                number(Some(m.revenue_lost)),
                number(Some(m.value_delivered)),
                csv_field(&choices.join(" | ")),
            ];
            let _ = writeln!(out, "{}", fields.join(","));
        }
    }
    out
}

/// The numbers whose spread the summary gives per chapter: label, unit, scale, value.
type Spread = (
    &'static str,
    &'static str,
    f64,
    fn(&KeyNumbers) -> Option<f64>,
);
const SPREADS: [Spread; 5] = [
    ("Lead time", " h", 1.0, |m| m.lead_time_hours),
    ("Throughput", " a day", 1.0, |m| Some(m.throughput_per_day)),
    ("Constraint busy", "%", 100.0, |m| m.constraint_utilization),
    ("Unplanned work", "%", 100.0, |m| Some(m.unplanned_share)),
    ("Time to restore", " h", 1.0, |m| m.time_to_restore_hours),
];

/// The middle value, or the mean of the middle two.
fn median(mut values: Vec<f64>) -> Option<f64> {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(values[n / 2]),
        _ => Some((values[n / 2 - 1] + values[n / 2]) / 2.0),
    }
}

fn summary(
    class_code: Option<&str>,
    students: &[(String, &SessionReport)],
    skipped: &[(String, String)],
) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Class roll-up: {}\n",
        class_code.unwrap_or("no class code")
    );
    let _ = writeln!(
        out,
        "{} report{} merged, {} skipped.\n",
        students.len(),
        if students.len() == 1 { "" } else { "s" },
        skipped.len()
    );
    if !skipped.is_empty() {
        let _ = writeln!(out, "## Skipped\n");
        for (file, why) in skipped {
            let _ = writeln!(out, "- `{file}`: {why}");
        }
        let _ = writeln!(out);
    }
    for chapter in overviews(students) {
        chapter_summary(&mut out, &chapter);
    }
    out
}

type Plays<'a> = [(&'a str, &'a ChapterReport)];

/// What the class did in one chapter: the summary's section, and a row of the live dashboard.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct ChapterOverview {
    pub number: u32,
    pub title: String,
    pub played: usize,
    pub passed: usize,
    /// How many students earned 0, 1, 2 and 3 stars.
    pub stars: [usize; 4],
    /// "Lead time: median 31.0 h (from 20.0 to 44.0)", one line per key number.
    pub spreads: Vec<String>,
    /// Each option chosen, and by how many.
    pub choices: Vec<(String, usize)>,
    pub questions: Vec<QuestionAnswers>,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct QuestionAnswers {
    pub question: String,
    /// Each student's name (or "Student N") and answer, "(not answered)" when blank.
    pub answers: Vec<(String, String)>,
}

/// Each chapter any student played, in chapter order, from reports already kept and named.
pub fn overviews(students: &[(String, &SessionReport)]) -> Vec<ChapterOverview> {
    let mut by_chapter: BTreeMap<u32, Vec<(&str, &ChapterReport)>> = BTreeMap::new();
    for (name, report) in students {
        for chapter in &report.chapters {
            by_chapter
                .entry(chapter.played.chapter)
                .or_default()
                .push((name, chapter));
        }
    }
    by_chapter
        .iter()
        .map(|(number, plays)| overview(*number, plays))
        .collect()
}

fn overview(number: u32, plays: &Plays) -> ChapterOverview {
    ChapterOverview {
        number,
        title: plays[0].1.played.title.clone(),
        played: plays.len(),
        passed: plays.iter().filter(|(_, c)| c.played.passed).count(),
        stars: std::array::from_fn(|s| {
            plays
                .iter()
                .filter(|(_, c)| usize::from(c.played.stars) == s)
                .count()
        }),
        spreads: spreads(plays),
        choices: choices_made(plays),
        questions: answers(plays),
    }
}

fn chapter_summary(out: &mut String, chapter: &ChapterOverview) {
    let _ = writeln!(out, "## Chapter {}: {}\n", chapter.number, chapter.title);
    let _ = writeln!(
        out,
        "Played by {}; passed by {}.\n",
        chapter.played, chapter.passed
    );
    let _ = writeln!(
        out,
        "| Stars | {} | {} | {} | {} |",
        star_row(0),
        star_row(1),
        star_row(2),
        star_row(3)
    );
    let _ = writeln!(out, "|---|---|---|---|---|");
    let counts: Vec<String> = chapter.stars.iter().map(usize::to_string).collect();
    let _ = writeln!(out, "| Students | {} |\n", counts.join(" | "));
    for line in &chapter.spreads {
        let _ = writeln!(out, "- {line}");
    }
    if !chapter.choices.is_empty() {
        let _ = writeln!(out, "\nChoices made:");
        for (text, n) in &chapter.choices {
            let _ = writeln!(out, "- {text}: {n}");
        }
    }
    if !chapter.questions.is_empty() {
        let _ = writeln!(out, "\n### Answers\n");
    }
    for (q, question) in chapter.questions.iter().enumerate() {
        let _ = writeln!(out, "**Question {}.** {}\n", q + 1, question.question);
        for (name, answer) in &question.answers {
            let _ = writeln!(out, "- {name}: {}", answer.replace('\n', " "));
        }
        let _ = writeln!(out);
    }
    let _ = writeln!(out);
}

/// The median and range of each key number across the class.
fn spreads(plays: &Plays) -> Vec<String> {
    let mut lines = Vec::new();
    for (label, unit, scale, value) in SPREADS {
        let values: Vec<f64> = plays
            .iter()
            .filter_map(|(_, c)| value(&c.played.metrics))
            .collect();
        let low = values.iter().copied().fold(f64::INFINITY, f64::min);
        let high = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        if let Some(middle) = median(values) {
            lines.push(format!(
                "{label}: median {:.1}{unit} (from {:.1} to {:.1})",
                middle * scale,
                low * scale,
                high * scale
            ));
        }
    }
    lines
}

fn choices_made(plays: &Plays) -> Vec<(String, usize)> {
    let mut choices: BTreeMap<(String, usize), (String, usize)> = BTreeMap::new();
    for (_, chapter) in plays {
        for choice in &chapter.played.choices {
            choices
                .entry((choice.scene.clone(), choice.choice))
                .or_insert_with(|| (choice.text.clone(), 0))
                .1 += 1;
        }
    }
    choices.into_values().collect()
}

/// Every student's answer, question by question.
fn answers(plays: &Plays) -> Vec<QuestionAnswers> {
    let questions = plays
        .iter()
        .map(|(_, c)| c.answers.len())
        .max()
        .unwrap_or(0);
    (0..questions)
        .filter_map(|q| {
            // The wording carries each student's own numbers; the first one stands for all.
            let wording = plays.iter().find_map(|(_, c)| c.answers.get(q))?;
            Some(QuestionAnswers {
                question: wording.question.clone(),
                answers: plays
                    .iter()
                    .map(|(name, chapter)| {
                        let answer = chapter
                            .answers
                            .get(q)
                            .map(|a| a.answer.trim())
                            .filter(|a| !a.is_empty())
                            .unwrap_or("(not answered)");
                        ((*name).to_owned(), answer.to_owned())
                    })
                    .collect(),
            })
        })
        .collect()
}
