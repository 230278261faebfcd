//! The live class in memory: the roll of students with what each delivered, kept in step
//! with the database, and the view the instructor's dashboard draws.

use std::collections::BTreeMap;
use std::sync::Mutex;

use serde::Serialize;

use super::store::Store;
use crate::classroom::ClassCode;
use crate::classroom::live::protocol::{Call, Event, Joined, MAX_NAME, MAX_QUESTION};
use crate::classroom::report::{ChapterReport, ReportError, SessionReport};
use crate::classroom::rollup::{self, ChapterOverview};

/// A refusal: the HTTP status and what the client is told.
pub type Refusal = (u16, String);

pub struct Class {
    pub code: ClassCode,
    pub instructor_token: String,
    /// The campaign's chapters, by number: records for others are refused.
    pub chapters: BTreeMap<u32, String>,
    /// Where students are told to go (shown on the dashboard).
    pub join_urls: Vec<String>,
    store: Mutex<Store>,
    roll: Mutex<Roll>,
    /// Bumped on every change the dashboard shows.
    pub changed: tokio::sync::watch::Sender<u64>,
    /// The facilitator's last call: games waiting for one are woken by it.
    pub last_call: tokio::sync::watch::Sender<i64>,
}

#[derive(Default)]
struct Roll {
    seats: Vec<Seat>,
    events: Vec<Event>,
}

struct Seat {
    id: i64,
    name: String,
    token: String,
    /// Where the game last said it was (not kept: the next poll says it again).
    chapter: Option<u32>,
    screen: String,
    seen: Option<i64>,
    /// What was delivered, without the command logs (the database keeps those).
    chapters: BTreeMap<u32, ChapterReport>,
    game_version: String,
}

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// 128 bits from the operating system, as hex.
pub fn new_token() -> String {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).expect("the operating system gives random bytes");
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Compares tokens in time that does not depend on where they differ.
fn same_token(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |d, (x, y)| d | (x ^ y)) == 0
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // A handler that panicked must not take the class down with it.
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn internal(e: String) -> Refusal {
    (500, e)
}

/// A name as the roll shows it, or why it cannot be one.
fn tidy_name(name: &str) -> Result<String, Refusal> {
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        return Err((400, "give your name to join the class".into()));
    }
    if name.chars().count() > MAX_NAME || name.chars().any(char::is_control) {
        return Err((
            400,
            format!("a name is at most {MAX_NAME} plain characters"),
        ));
    }
    Ok(name)
}

impl Class {
    pub fn open(
        store: Store,
        code: ClassCode,
        instructor_token: String,
        chapters: BTreeMap<u32, String>,
        join_urls: Vec<String>,
    ) -> Result<Self, String> {
        let mut roll = Roll {
            seats: Vec::new(),
            events: store.events()?,
        };
        for row in store.students()? {
            roll.seats.push(Seat {
                id: row.id,
                name: row.name,
                token: row.token,
                chapter: None,
                screen: String::new(),
                seen: None,
                chapters: BTreeMap::new(),
                game_version: String::new(),
            });
        }
        for (student, chapter, body) in store.records()? {
            let Some(seat) = roll.seats.iter_mut().find(|s| s.id == student) else {
                continue;
            };
            match SessionReport::from_json(&body) {
                Ok(report) => seat.keep(report),
                Err(e) => eprintln!("a kept record (student {student}, chapter {chapter}) is {e}"),
            }
        }
        let last_call = roll.events.last().map_or(0, |e| e.id);
        Ok(Self {
            code,
            instructor_token,
            chapters,
            join_urls,
            store: Mutex::new(store),
            roll: Mutex::new(roll),
            changed: tokio::sync::watch::channel(0).0,
            last_call: tokio::sync::watch::channel(last_call).0,
        })
    }

    fn bump(&self) {
        self.changed.send_modify(|v| *v += 1);
    }

    pub fn is_instructor(&self, token: Option<&str>) -> bool {
        token.is_some_and(|t| same_token(t, &self.instructor_token))
    }

    pub fn join(&self, name: &str) -> Result<Joined, Refusal> {
        let name = tidy_name(name)?;
        let token = new_token();
        let mut roll = lock(&self.roll);
        let id = lock(&self.store)
            .add_student(&name, &token)
            .map_err(internal)?
            .ok_or_else(|| {
                (
                    409,
                    format!("someone in this class is already called {name}: add an initial"),
                )
            })?;
        roll.seats.push(Seat {
            id,
            name: name.clone(),
            token: token.clone(),
            chapter: None,
            screen: "title".into(),
            seen: Some(now()),
            chapters: BTreeMap::new(),
            game_version: String::new(),
        });
        let last_event = roll.events.last().map_or(0, |e| e.id);
        drop(roll);
        self.bump();
        Ok(Joined {
            student: id,
            name,
            token,
            code: self.code.to_string(),
            last_event,
        })
    }

    /// The seat a student token belongs to, as an index into the roll.
    fn seat_of(roll: &Roll, token: Option<&str>) -> Result<usize, Refusal> {
        let token = token.ok_or((401, "no student token: join the class first".to_owned()))?;
        roll.seats
            .iter()
            .position(|s| same_token(&s.token, token))
            .ok_or((401, "that token is not a seat in this class".to_owned()))
    }

    /// A student delivers a record: checked, kept in the database, then on the roll.
    pub fn deliver(&self, token: Option<&str>, body: &str) -> Result<Vec<u32>, Refusal> {
        let mut roll = lock(&self.roll);
        let index = Self::seat_of(&roll, token)?;
        let report = SessionReport::from_json(body).map_err(|e| match e {
            ReportError::ChecksumMismatch => (422, format!("refused: {e}")),
            ReportError::Unreadable(_) => (400, format!("refused: {e}")),
        })?;
        self.check(&roll.seats[index], &report)?;
        let seat_id = roll.seats[index].id;
        let mut stored = Vec::new();
        {
            let store = lock(&self.store);
            for one in report.per_chapter() {
                let chapter = one.chapters[0].played.chapter;
                store
                    .put_record(seat_id, chapter, &one.to_json())
                    .map_err(internal)?;
                stored.push(chapter);
            }
        }
        roll.seats[index].keep(report);
        drop(roll);
        self.bump();
        Ok(stored)
    }

    fn check(&self, seat: &Seat, report: &SessionReport) -> Result<(), Refusal> {
        if report.class_code.as_deref() != Some(self.code.as_str())
            || report.seed != self.code.seed()
        {
            return Err((
                422,
                format!(
                    "this record is for class {}, not {}",
                    report.class_code.as_deref().unwrap_or("none"),
                    self.code
                ),
            ));
        }
        if !report.student.trim().eq_ignore_ascii_case(&seat.name) {
            return Err((
                403,
                format!(
                    "this record is {}'s; your seat is {}'s",
                    report.student.trim(),
                    seat.name
                ),
            ));
        }
        if report.chapters.is_empty() {
            return Err((400, "a record with no chapter in it".into()));
        }
        for chapter in &report.chapters {
            let number = chapter.played.chapter;
            if !self.chapters.is_empty() && !self.chapters.contains_key(&number) {
                return Err((
                    422,
                    format!("this class's campaign has no chapter {number}"),
                ));
            }
            if chapter.played.seed != report.seed {
                return Err((
                    422,
                    format!("chapter {number} was not played on the class's seed"),
                ));
            }
        }
        Ok(())
    }

    /// A student's game asks for the facilitator's calls after `after`, saying where it is.
    pub fn inbox(
        &self,
        token: Option<&str>,
        after: i64,
        chapter: Option<u32>,
        screen: &str,
    ) -> Result<Vec<Event>, Refusal> {
        let mut roll = lock(&self.roll);
        let index = Self::seat_of(&roll, token)?;
        let screen: String = screen
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .take(16)
            .collect();
        let seat = &mut roll.seats[index];
        let moved = seat.chapter != chapter || seat.screen != screen || seat.seen.is_none();
        seat.chapter = chapter;
        seat.screen = screen;
        seat.seen = Some(now());
        let events = roll
            .events
            .iter()
            .filter(|e| e.id > after)
            .cloned()
            .collect();
        drop(roll);
        if moved {
            self.bump();
        }
        Ok(events)
    }

    /// The facilitator acts on the whole room.
    pub fn call(&self, call: Call) -> Result<Event, Refusal> {
        if let Call::Question { text } = &call {
            let length = text.trim().chars().count();
            if length == 0 || length > MAX_QUESTION {
                return Err((400, format!("a question is 1 to {MAX_QUESTION} characters")));
            }
        }
        let mut roll = lock(&self.roll);
        let event = lock(&self.store).add_event(&call).map_err(internal)?;
        roll.events.push(event.clone());
        drop(roll);
        self.last_call.send_replace(event.id);
        self.bump();
        Ok(event)
    }

    /// Every student's delivered chapters as one session report each, in the order they
    /// joined: what `class-report` would read from their hand-in files.
    fn reports(&self, roll: &Roll) -> Vec<SessionReport> {
        roll.seats
            .iter()
            .filter(|s| !s.chapters.is_empty())
            .map(|seat| SessionReport {
                game_version: seat.game_version.clone(),
                class_code: Some(self.code.to_string()),
                seed: self.code.seed(),
                student: seat.name.clone(),
                chapters: seat.chapters.values().cloned().collect(),
            })
            .collect()
    }

    /// The class roll-up as `class-report` writes it: CSV and Markdown summary.
    pub fn roll_up(&self, names: bool) -> (String, String) {
        let roll = lock(&self.roll);
        let reports = self.reports(&roll);
        let refs: Vec<&SessionReport> = reports.iter().collect();
        rollup::csv_and_summary(Some(self.code.as_str()), &refs, names)
    }

    /// What the dashboard draws, as JSON.
    pub fn snapshot(&self) -> String {
        let roll = lock(&self.roll);
        let reports = self.reports(&roll);
        let refs: Vec<&SessionReport> = reports.iter().collect();
        let named = rollup::named(&refs, true);
        let snapshot = Snapshot {
            code: self.code.as_str(),
            now: now(),
            join_urls: &self.join_urls,
            campaign: self
                .chapters
                .iter()
                .map(|(n, t)| (*n, t.as_str()))
                .collect(),
            students: roll
                .seats
                .iter()
                .enumerate()
                .map(|(i, seat)| StudentRow {
                    name: &seat.name,
                    label: format!("Student {}", i + 1),
                    chapter: seat.chapter,
                    screen: &seat.screen,
                    seen: seat.seen,
                    played: seat
                        .chapters
                        .iter()
                        .map(|(n, c)| (*n, Cell::of(c)))
                        .collect(),
                })
                .collect(),
            chapters: rollup::overviews(&named),
            events: roll.events.iter().rev().take(8).cloned().collect(),
        };
        serde_json::to_string(&snapshot).unwrap_or_default()
    }
}

impl Seat {
    fn keep(&mut self, report: SessionReport) {
        self.game_version = report.game_version;
        for mut chapter in report.chapters {
            chapter.played.commands.clear();
            self.chapters.insert(chapter.played.chapter, chapter);
        }
    }
}

#[derive(Serialize)]
struct Snapshot<'a> {
    code: &'a str,
    now: i64,
    join_urls: &'a [String],
    campaign: Vec<(u32, &'a str)>,
    students: Vec<StudentRow<'a>>,
    chapters: Vec<ChapterOverview>,
    events: Vec<Event>,
}

#[derive(Serialize)]
struct StudentRow<'a> {
    name: &'a str,
    label: String,
    chapter: Option<u32>,
    screen: &'a str,
    seen: Option<i64>,
    played: BTreeMap<u32, Cell>,
}

/// One student's chapter on the roll: stars and the numbers a glance needs.
#[derive(Serialize)]
struct Cell {
    stars: u8,
    passed: bool,
    lead_time_hours: Option<f64>,
    throughput_per_day: f64,
    constraint_busy: Option<f64>,
    sev1s: u32,
    answered: usize,
}

impl Cell {
    fn of(chapter: &ChapterReport) -> Self {
        let m = &chapter.played.metrics;
        Self {
            stars: chapter.played.stars,
            passed: chapter.played.passed,
            lead_time_hours: m.lead_time_hours,
            throughput_per_day: m.throughput_per_day,
            constraint_busy: m.constraint_utilization,
            sev1s: m.sev1s,
            answered: chapter
                .answers
                .iter()
                .filter(|a| !a.answer.trim().is_empty())
                .count(),
        }
    }
}
