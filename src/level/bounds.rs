//! The bounds of every number, list and text a level may hold: anything outside them is a
//! mistake no level could mean (a Poisson stream of 1e308 tickets a day, a step of minus two
//! hours, a title of a megabyte), refused with its place before the game plays it.
//! `levels/README.md` lists the same bounds.

use super::locate::{Anchor, field, nth, text};
use super::schema::*;
use super::validate::Problem;

/// Working days a chapter may last (the story's are one or two; a study of one queue may
/// want years).
pub const DAYS: (u32, u32) = (1, 2000);
/// The most tickets and requests a level's random streams may be expected to bring.
pub const EXPECTED_ARRIVALS: f64 = 20_000.0;
/// The most tickets and events the simulation draws for one chapter, whatever the level: it
/// guards levels built some other way than from a checked file.
pub const MOST_PLANNED: usize = 50_000;
pub const CHAPTER: (u32, u32) = (1, 999);
/// Longest id, name, title and line of dialogue or question, in characters.
pub const ID_CHARS: usize = 48;
pub const NAME_CHARS: usize = 80;
pub const TITLE_CHARS: usize = 160;
pub const LINE_CHARS: usize = 800;
/// Most items in a list: people, systems, tickets, timed events, scenes…
pub const PEOPLE: usize = 40;
pub const SYSTEMS: usize = 20;
pub const TICKETS: usize = 1000;
pub const STREAMS: usize = 20;
pub const EVENTS: usize = 1000;
pub const SCENES: usize = 200;
pub const LINES_PER_SCENE: usize = 200;
pub const CHOICES: usize = 6;
/// How deep conditional lines may nest inside one another.
pub const LINE_DEPTH: usize = 8;
pub const EFFECTS: usize = 40;
pub const STEPS: usize = 20;
pub const SKILLS: usize = 20;
pub const OBJECTIVES: usize = 20;
pub const QUESTIONS: usize = 20;
/// Hours of one step of work, of an incident's diagnosis or fix, of an interrupt.
pub const STEP_HOURS: f64 = 200.0;
/// New tickets (or interrupts) a working day from one random stream.
pub const PER_DAY: f64 = 100.0;
/// Dollars (revenue a day, a ticket's value).
pub const DOLLARS: f64 = 1e10;
/// Counts of audit findings, changes in a batch, hours after arrival a ticket is due.
pub const COUNT: u32 = 100_000;
/// Multipliers: capacity, traffic, technical debt, the model's factors.
pub const FACTOR: f64 = 100.0;
/// Objective thresholds.
pub const THRESHOLD: f64 = 1e12;

pub fn check(level: &Level) -> Vec<Problem> {
    let mut b = Bounds::default();
    b.level(level);
    b.problems
}

#[derive(Default)]
struct Bounds {
    problems: Vec<Problem>,
}

/// A number as a person reads it: 1e308, not three hundred digits.
fn shown(value: f64) -> String {
    if value.is_finite() && value.abs() >= 1e6 {
        format!("{value:e}")
    } else {
        value.to_string()
    }
}

fn join(path: &[Anchor], more: Anchor) -> Vec<Anchor> {
    let mut path = path.to_vec();
    path.push(more);
    path
}

impl Bounds {
    fn report(&mut self, path: Vec<Anchor>, message: String) {
        self.problems.push(Problem { path, message });
    }

    /// A number within `low..=high` (and a number at all: not NaN or infinite).
    fn number(&mut self, at: &[Anchor], name: &str, value: f64, low: f64, high: f64) {
        if !(value.is_finite() && (low..=high).contains(&value)) {
            self.report(
                join(at, field(name)),
                format!(
                    "`{name}` is {}; it must be from {} to {}",
                    shown(value),
                    shown(low),
                    shown(high)
                ),
            );
        }
    }

    /// A number above zero, up to `high`.
    fn positive(&mut self, at: &[Anchor], name: &str, value: f64, high: f64) {
        self.positive_at(join(at, field(name)), name, value, high);
    }

    /// As `positive`, for a field the path already ends at.
    fn positive_at(&mut self, path: Vec<Anchor>, name: &str, value: f64, high: f64) {
        if !(value.is_finite() && value > 0.0 && value <= high) {
            self.report(
                path,
                format!(
                    "`{name}` is {}; it needs {name} above 0, and at most {}",
                    shown(value),
                    shown(high)
                ),
            );
        }
    }

    fn whole(&mut self, at: &[Anchor], name: &str, value: u32, (low, high): (u32, u32)) {
        if !(low..=high).contains(&value) {
            self.report(
                join(at, field(name)),
                format!("`{name}` is {value}; it must be from {low} to {high}"),
            );
        }
    }

    fn list<T>(&mut self, at: &[Anchor], name: &str, items: &[T], most: usize) {
        if items.len() > most {
            self.report(
                join(at, field(name)),
                format!("`{name}` holds {} items; at most {most}", items.len()),
            );
        }
    }

    fn chars(&mut self, at: &[Anchor], name: &str, value: &str, most: usize) {
        let n = value.chars().count();
        if n > most {
            self.report(
                join(at, field(name)),
                format!("`{name}` is {n} characters long; at most {most}"),
            );
        }
    }

    fn level(&mut self, level: &Level) {
        let top: &[Anchor] = &[];
        self.whole(top, "chapter", level.chapter, CHAPTER);
        // Too few days is the checker's own message ("a chapter lasts at least one day").
        if level.days > DAYS.1 {
            self.report(
                vec![field("days")],
                format!(
                    "`days` is {}; a chapter lasts at most {} days",
                    level.days, DAYS.1
                ),
            );
        }
        self.chars(top, "title", &level.title, TITLE_CHARS);
        self.chars(top, "date", &level.date, NAME_CHARS);
        self.number(top, "technical_debt", level.technical_debt, 0.0, FACTOR);
        self.list(top, "cast", &level.cast, PEOPLE);
        for c in &level.cast {
            let at = [field("cast"), text(&c.id)];
            self.chars(&at, "id", &c.id, ID_CHARS);
            self.chars(&at, "name", &c.name, NAME_CHARS);
            self.chars(&at, "role", &c.role, NAME_CHARS);
        }
        self.list(top, "team", &level.team, PEOPLE);
        for m in &level.team {
            let at = [field("team"), text(&m.id)];
            self.list(&at, "skills", &m.skills, SKILLS);
            for skill in &m.skills {
                self.chars(&at, "skills", skill, ID_CHARS);
            }
        }
        self.list(top, "systems", &level.systems, SYSTEMS);
        for s in &level.systems {
            let at = [field("systems"), text(&s.id)];
            self.chars(&at, "id", &s.id, ID_CHARS);
            self.chars(&at, "name", &s.name, NAME_CHARS);
            self.positive(&at, "capacity", s.capacity, FACTOR);
        }
        let b = &level.business;
        let at = [field("business")];
        self.number(&at, "revenue_per_day", b.revenue_per_day, 0.0, DOLLARS);
        self.positive(&at, "share_price", b.share_price, DOLLARS);
        self.whole(&at, "audit_findings", b.audit_findings, (0, COUNT));
        self.list(top, "tickets", &level.tickets, TICKETS);
        for t in &level.tickets {
            self.ticket(&[field("tickets"), text(&t.id)], t);
        }
        self.streams(level);
        self.list(top, "timeline", &level.timeline, EVENTS);
        for (i, e) in level.timeline.iter().enumerate() {
            self.event(&[field("timeline"), nth("event", i)], &e.event);
            self.condition(&[field("timeline"), nth("event", i)], e.only_if.as_ref());
        }
        self.list(top, "scenes", &level.scenes, SCENES);
        for s in &level.scenes {
            self.scene(s);
        }
        self.list(top, "guide", &level.guide, LINES_PER_SCENE);
        for step in &level.guide {
            self.chars(&[field("guide")], "text", &step.text, LINE_CHARS);
        }
        self.list(top, "objectives", &level.objectives, OBJECTIVES);
        for o in &level.objectives {
            let at = [field("objectives"), text(&o.id)];
            self.chars(&at, "text", &o.text, TITLE_CHARS);
            let goal = join(&at, field("goal"));
            for (name, value) in [
                ("pass", o.goal.pass),
                ("two_stars", o.goal.two_stars),
                ("three_stars", o.goal.three_stars),
            ] {
                self.number(&goal, name, value, -THRESHOLD, THRESHOLD);
            }
        }
        self.list(top, "questions", &level.questions, QUESTIONS);
        for (i, q) in level.questions.iter().enumerate() {
            if q.chars().count() > LINE_CHARS {
                self.report(
                    vec![field("questions")],
                    format!("question {} is longer than {LINE_CHARS} characters", i + 1),
                );
            }
        }
        self.tuning(&level.tuning);
        if let Some(d) = &level.deployment {
            let at = [field("deployment")];
            self.positive(&at, "setup_hours", d.setup_hours, STEP_HOURS);
            self.positive(
                &at,
                "automated_setup_hours",
                d.automated_setup_hours,
                STEP_HOURS,
            );
            self.whole(&at, "batch_size", d.batch_size, (1, 1000));
        }
    }

    fn ticket(&mut self, at: &[Anchor], t: &TicketDef) {
        self.chars(at, "id", &t.id, ID_CHARS);
        self.chars(at, "title", &t.title, TITLE_CHARS);
        self.list(at, "route", &t.route, STEPS);
        for (i, step) in t.route.iter().enumerate() {
            self.positive_at(join(at, nth("hours", i)), "hours", step.hours, STEP_HOURS);
        }
        self.number(at, "value", t.value, 0.0, DOLLARS);
        self.number(at, "started_hours", t.started_hours, 0.0, STEP_HOURS);
        self.whole(at, "due", t.due.unwrap_or(0), (0, COUNT));
        self.whole(at, "closes_findings", t.closes_findings, (0, COUNT));
        self.condition(at, t.only_if.as_ref());
    }

    fn streams(&mut self, level: &Level) {
        self.list(&[], "arrivals", &level.arrivals, STREAMS);
        for (i, a) in level.arrivals.iter().enumerate() {
            let at = [field("arrivals"), nth("per_day", i)];
            self.positive_at(at.to_vec(), "per_day", a.per_day, PER_DAY);
            self.ticket(&[field("arrivals"), text(&a.ticket.id)], &a.ticket);
            self.whole(&at, "due_in", a.due_in.unwrap_or(0), (0, COUNT));
            self.whole(&at, "until", a.until.unwrap_or(0), (0, COUNT));
        }
        let days = f64::from(level.days);
        let expected: f64 = level
            .arrivals
            .iter()
            .map(|a| a.per_day)
            .chain(level.interrupts.iter().map(|s| s.per_day))
            // A stream out of its own bounds is reported by itself.
            .filter(|p| p.is_finite() && (0.0..=PER_DAY).contains(p))
            .map(|per_day| per_day * days)
            .sum();
        if expected > EXPECTED_ARRIVALS {
            self.report(
                vec![field("arrivals")],
                format!("the random streams would bring about {expected:.0} tickets and requests in {days} days; at most {EXPECTED_ARRIVALS}"),
            );
        }
        self.list(&[], "interrupts", &level.interrupts, STREAMS);
        for (i, s) in level.interrupts.iter().enumerate() {
            let at = [field("interrupts"), nth("per_day", i)];
            self.positive_at(at.to_vec(), "per_day", s.per_day, PER_DAY);
            self.positive(&at, "hours", s.hours, STEP_HOURS);
        }
    }

    fn event(&mut self, at: &[Anchor], event: &Event) {
        match event {
            Event::Incident(i) => {
                self.chars(at, "id", &i.id, ID_CHARS);
                self.chars(at, "title", &i.title, TITLE_CHARS);
                self.positive(at, "diagnose_hours", i.diagnose_hours, STEP_HOURS);
                self.positive(at, "fix_hours", i.fix_hours, STEP_HOURS);
            }
            Event::Interrupt { hours, .. } => self.positive(at, "hours", *hours, STEP_HOURS),
            Event::AuditFindings(n) => self.whole(at, "AuditFindings", *n, (0, COUNT)),
            Event::Load { load, .. } => self.positive(at, "load", *load, FACTOR),
            Event::Unlock(_) | Event::Scene(_) => {}
        }
    }

    fn condition(&mut self, at: &[Anchor], condition: Option<&Condition>) {
        if let Some(Condition::Trust(_, n)) = condition
            && n.unsigned_abs() > 100
        {
            self.report(
                join(at, field("only_if")),
                format!("a trust of {n} cannot be reached; use -100 to 100"),
            );
        }
    }

    fn scene(&mut self, scene: &SceneDef) {
        let at = [field("scenes"), text(&scene.id)];
        self.chars(&at, "id", &scene.id, ID_CHARS);
        self.list(&at, "lines", &scene.lines, LINES_PER_SCENE);
        let said: Vec<(&str, &str)> = scene.lines.iter().flat_map(Line::each).collect();
        if said.len() > LINES_PER_SCENE {
            self.report(
                join(&at, field("lines")),
                format!(
                    "`{}` holds {} lines counting every branch; at most {LINES_PER_SCENE}",
                    scene.id,
                    said.len()
                ),
            );
        }
        if scene.lines.iter().any(|l| depth(l) > LINE_DEPTH) {
            self.report(
                join(&at, field("lines")),
                format!("lines of `{}` nest more than {LINE_DEPTH} deep", scene.id),
            );
        }
        for (_, words) in said {
            if words.chars().count() > LINE_CHARS {
                self.report(
                    join(&at, field("lines")),
                    format!(
                        "a line of `{}` is longer than {LINE_CHARS} characters",
                        scene.id
                    ),
                );
            }
        }
        self.list(&at, "choices", &scene.choices, CHOICES);
        for choice in &scene.choices {
            self.chars(&at, "text", &choice.text, LINE_CHARS);
            self.list(&at, "effects", &choice.effects, EFFECTS);
            for effect in &choice.effects {
                self.effect(&at, effect);
            }
        }
    }

    fn effect(&mut self, at: &[Anchor], effect: &Effect) {
        match effect {
            Effect::SharePrice(d) => self.number(at, "SharePrice", *d, -DOLLARS, DOLLARS),
            Effect::AuditFindings(n) if n.unsigned_abs() > COUNT => self.report(
                join(at, field("effects")),
                format!("AuditFindings({n}) is beyond {COUNT} either way"),
            ),
            Effect::TechnicalDebt(d) => self.number(at, "TechnicalDebt", *d, -FACTOR, FACTOR),
            Effect::Capacity(_, c) => self.number(at, "Capacity", *c, -FACTOR, FACTOR),
            Effect::Trust(_, n) if n.unsigned_abs() > 100 => self.report(
                join(at, field("effects")),
                format!("Trust moves by at most 100 either way, not {n}"),
            ),
            Effect::AddTicket(t) => self.ticket(at, t),
            Effect::BatchSize(n) => self.whole(at, "BatchSize", *n, (1, 1000)),
            Effect::WipLimits { ready, doing } => {
                for limit in [ready, doing].into_iter().flatten() {
                    self.whole(at, "WipLimits", *limit, (1, 1000));
                }
            }
            Effect::Flag(f) => self.chars(at, "Flag", f, ID_CHARS),
            _ => {}
        }
    }

    fn tuning(&mut self, t: &Tuning) {
        let at = [field("tuning")];
        let shares: [(&str, f64); 8] = [
            ("juggling", t.juggling),
            ("juggling_cap", t.juggling_cap),
            ("change_failure", t.change_failure.0),
            ("change_failure", t.change_failure.1),
            ("change_failure", t.change_failure.2),
            ("change_failure_cap", t.change_failure_cap),
            ("widen_chance", t.widen_chance),
            ("reviewed_widen_factor", t.reviewed_widen_factor),
        ];
        for (name, value) in shares {
            self.number(&at, name, value, 0.0, 1.0);
        }
        let factors: [(&str, f64); 11] = [
            ("unlogged_diagnosis_factor", t.unlogged_diagnosis_factor),
            ("unreviewed_factor", t.unreviewed_factor),
            ("collision_factor", t.collision_factor),
            ("bridge_speedup", t.bridge_speedup),
            ("automated_failure_factor", t.automated_failure_factor),
            ("batch_suspect_diagnosis", t.batch_suspect_diagnosis),
            (
                "risky_change_incident_factor",
                t.risky_change_incident_factor,
            ),
            ("overload_failure", t.overload_failure.0),
            ("share_price_sensitivity", t.share_price_sensitivity),
            ("overtime_fatigue", t.overtime_fatigue),
            (
                "background_incidents_per_day",
                t.background_incidents_per_day,
            ),
        ];
        for (name, value) in factors {
            self.number(&at, name, value, 0.0, FACTOR);
        }
        self.number(&at, "overload_failure", t.overload_failure.1, 0.0, 1.0);
        let hours: [(&str, f64); 6] = [
            ("switch_hours", t.switch_hours),
            ("logging_hours", t.logging_hours),
            ("documentation_hours", t.documentation_hours.0),
            ("documentation_hours", t.documentation_hours.1),
            ("recent_change_hours", t.recent_change_hours),
            ("handoff_constraint_reserve", t.handoff_constraint_reserve),
        ];
        for (name, value) in hours {
            self.number(&at, name, value, 0.0, STEP_HOURS);
        }
        for (name, value) in [
            ("failed_change_hours", t.failed_change_hours.0),
            ("failed_change_hours", t.failed_change_hours.1),
            ("facilitator_interrupt_hours", t.facilitator_interrupt_hours),
        ] {
            self.positive(&at, name, value, STEP_HOURS);
        }
    }
}

/// How deep a line's conditional branches nest (1 for a plain line).
fn depth(line: &Line) -> usize {
    match line {
        Line::Line(..) => 1,
        Line::If(_, lines) => 1 + lines.iter().map(depth).max().unwrap_or(0),
        Line::IfElse(_, yes, no) => 1 + yes.iter().chain(no).map(depth).max().unwrap_or(0),
    }
}
