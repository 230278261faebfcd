//! Semantic checks on a parsed level: everything RON's types cannot say.

use std::collections::BTreeSet;

use super::locate::{Anchor, field, raw, text};
use super::schema::*;

/// A problem and the path to where it is written.
pub struct Problem {
    pub path: Vec<Anchor>,
    pub message: String,
}

fn problem(path: Vec<Anchor>, message: impl Into<String>) -> Problem {
    Problem {
        path,
        message: message.into(),
    }
}

pub fn validate(level: &Level) -> Vec<Problem> {
    let mut problems = super::bounds::check(level);
    let mut checker = Checker::new(level);
    checker.run(level);
    problems.append(&mut checker.problems);
    problems
}

struct Checker {
    problems: Vec<Problem>,
    end: u32,
    cast: BTreeSet<String>,
    team: BTreeSet<String>,
    skills: BTreeSet<String>,
    systems: BTreeSet<String>,
    tickets: BTreeSet<String>,
    scenes: BTreeSet<String>,
    incidents: BTreeSet<String>,
    /// When each level ticket arrives.
    arrivals: std::collections::BTreeMap<String, u32>,
}

impl Checker {
    fn new(level: &Level) -> Self {
        Self {
            problems: Vec::new(),
            end: level.hours(),
            cast: level.cast.iter().map(|c| c.id.clone()).collect(),
            team: level.team.iter().map(|m| m.id.clone()).collect(),
            skills: level
                .team
                .iter()
                .flat_map(|m| m.skills.iter().cloned())
                .collect(),
            systems: level.systems.iter().map(|s| s.id.clone()).collect(),
            tickets: level.tickets.iter().map(|t| t.id.clone()).collect(),
            scenes: level.scenes.iter().map(|s| s.id.clone()).collect(),
            arrivals: level
                .tickets
                .iter()
                .map(|t| (t.id.clone(), t.arrives))
                .collect(),
            incidents: level
                .timeline
                .iter()
                .filter_map(|e| match &e.event {
                    Event::Incident(i) => Some(i.id.clone()),
                    _ => None,
                })
                .collect(),
        }
    }

    fn report(&mut self, path: Vec<Anchor>, message: impl Into<String>) {
        self.problems.push(problem(path, message));
    }

    fn run(&mut self, level: &Level) {
        self.chapter_basics(level);
        self.team_roster(level);
        self.system_defs(level);
        self.work(level);
        for event in &level.timeline {
            self.event(event);
        }
        for scene in &level.scenes {
            self.scene(scene);
        }
        for step in &level.guide {
            if !self.cast.contains(&step.who) {
                self.report(
                    vec![field("guide"), text(&step.who)],
                    format!(
                        "unknown speaker `{}` in the guide: not in the cast",
                        step.who
                    ),
                );
            }
        }
        self.policy_setup(level);
        for objective in &level.objectives {
            self.objective(objective);
        }
        self.deployment(level);
        self.question_placeholders(level);
    }

    fn chapter_basics(&mut self, level: &Level) {
        if level.days == 0 {
            self.report(vec![field("days")], "a chapter lasts at least one day");
        }
        if level.questions.is_empty() {
            self.report(
                vec![field("questions")],
                "a chapter needs at least one discussion question",
            );
        }
        self.duplicates("cast", level.cast.iter().map(|c| c.id.as_str()));
        self.duplicates("team", level.team.iter().map(|m| m.id.as_str()));
        self.duplicates("systems", level.systems.iter().map(|s| s.id.as_str()));
        self.duplicates("tickets", level.tickets.iter().map(|t| t.id.as_str()));
        self.duplicates("scenes", level.scenes.iter().map(|s| s.id.as_str()));
        self.duplicates("objectives", level.objectives.iter().map(|o| o.id.as_str()));
    }

    fn team_roster(&mut self, level: &Level) {
        for member in &level.team {
            let at = || vec![field("team"), text(&member.id)];
            if !self.cast.contains(&member.id) {
                self.report(
                    at(),
                    format!("team member `{}` is not in the cast", member.id),
                );
            }
            if member.hours_per_day == 0 || member.hours_per_day > 8 {
                self.report(
                    vec![field("team"), text(&member.id), field("hours_per_day")],
                    format!("`{}` works 1 to 8 hours a day", member.id),
                );
            }
        }
    }

    fn system_defs(&mut self, level: &Level) {
        for system in &level.systems {
            self.skill(vec![field("systems"), text(&system.id)], &system.skill);
            if !(0.0..=1.0).contains(&system.revenue_share) {
                self.report(
                    vec![field("systems"), text(&system.id), field("revenue_share")],
                    "revenue_share is a fraction from 0 to 1",
                );
            }
        }
    }

    /// Tickets, their conditions, and the random streams of work and interrupts.
    fn work(&mut self, level: &Level) {
        for ticket in &level.tickets {
            self.ticket(vec![field("tickets"), text(&ticket.id)], ticket);
        }
        // Conditions name people of the whole campaign: checked with it (`story_check`).
        for (path, message) in super::story_check::level_problems(level) {
            self.report(path, message);
        }
        for arrival in &level.arrivals {
            let at = vec![field("arrivals"), text(&arrival.ticket.id)];
            self.ticket(at.clone(), &arrival.ticket);
            if arrival.from >= self.end {
                self.after_end(at, "arrival stream starts", arrival.from);
            }
        }
        for interrupt in &level.interrupts {
            let at = vec![field("interrupts"), text(&interrupt.to)];
            self.team_member(at.clone(), &interrupt.to);
            self.skill(at.clone(), &interrupt.skill);
        }
    }

    fn policy_setup(&mut self, level: &Level) {
        for policy in &level.policies.enabled {
            if !level.policies.unlocked.contains(policy) {
                self.report(
                    vec![
                        field("policies"),
                        field("enabled"),
                        raw(&format!("{policy:?}")),
                    ],
                    format!("policy {policy:?} is enabled but not unlocked"),
                );
            }
        }
    }

    fn deployment(&mut self, level: &Level) {
        if let Some(deployment) = &level.deployment {
            self.skill(vec![field("deployment")], &deployment.skill);
            if deployment.batch_size == 0
                || deployment.setup_hours <= 0.0
                || deployment.automated_setup_hours <= 0.0
            {
                self.report(
                    vec![field("deployment")],
                    "a deployment needs a batch size of 1 or more and hours above 0",
                );
            }
        }
    }

    fn question_placeholders(&mut self, level: &Level) {
        for question in &level.questions {
            for problem in super::placeholders::check(question, &self.team) {
                let placeholder = question
                    .find('{')
                    .map_or(question.as_str(), |i| &question[i..]);
                let anchor = placeholder
                    .split('}')
                    .next()
                    .unwrap_or(placeholder)
                    .to_owned();
                self.report(vec![field("questions"), raw(&anchor)], problem);
            }
        }
    }

    fn duplicates<'a>(&mut self, list: &str, ids: impl Iterator<Item = &'a str>) {
        let mut seen = BTreeSet::new();
        for id in ids {
            if !seen.insert(id) {
                // Point at the second occurrence.
                let path = vec![field(list), text(id), text(id)];
                self.report(path, format!("duplicate id `{id}` in {list}"));
            }
        }
    }

    fn after_end(&mut self, path: Vec<Anchor>, what: &str, hour: u32) {
        let end = self.end;
        self.report(
            path,
            format!("{what} at hour {hour}, after the chapter ends (hour {end})"),
        );
    }

    fn skill(&mut self, mut path: Vec<Anchor>, skill: &str) {
        if !self.skills.contains(skill) {
            path.push(text(skill));
            self.report(path, format!("nobody on the team has the skill `{skill}`"));
        }
    }

    fn team_member(&mut self, mut path: Vec<Anchor>, id: &str) {
        if !self.team.contains(id) {
            path.push(text(id));
            self.report(path, format!("unknown person `{id}`: not on the team"));
        }
    }

    fn system(&mut self, mut path: Vec<Anchor>, id: &str) {
        if !self.systems.contains(id) {
            path.push(text(id));
            self.report(path, format!("unknown system `{id}`"));
        }
    }

    fn known_ticket(&mut self, mut path: Vec<Anchor>, id: &str) {
        if !self.tickets.contains(id) {
            path.push(text(id));
            self.report(path, format!("unknown ticket `{id}`"));
        }
    }

    fn ticket(&mut self, at: Vec<Anchor>, ticket: &TicketDef) {
        if ticket.route.is_empty() {
            self.report(
                at.clone(),
                format!("ticket `{}` has an empty route", ticket.id),
            );
        }
        for step in &ticket.route {
            self.skill(at.clone(), &step.skill);
        }
        if let Some(first) = ticket.route.first()
            && (ticket.started_hours < 0.0
                || (ticket.started_hours > 0.0 && ticket.started_hours >= first.hours))
        {
            let mut path = at.clone();
            path.push(field("started_hours"));
            self.report(
                path,
                "started_hours must be less than the first step's hours",
            );
        }
        if ticket.arrives >= self.end {
            let mut path = at.clone();
            path.push(field("arrives"));
            self.after_end(
                path,
                &format!("ticket `{}` arrives", ticket.id),
                ticket.arrives,
            );
        }
        if ticket.kind == WorkKind::Change && ticket.risk.is_none() {
            self.report(
                at.clone(),
                format!("change `{}` needs a risk tier", ticket.id),
            );
        }
        if ticket.kind == WorkKind::Change && ticket.system.is_none() {
            self.report(
                at.clone(),
                format!("change `{}` needs the system it touches", ticket.id),
            );
        }
        if let Some(system) = &ticket.system {
            self.system(at.clone(), system);
        }
        if let Some(person) = &ticket.assign_to {
            self.team_member(at.clone(), person);
        }
    }

    fn event(&mut self, timed: &TimedEvent) {
        let at = vec![field("timeline"), raw(&format!("at: {}", timed.at))];
        if timed.at >= self.end {
            self.after_end(at.clone(), "an event", timed.at);
        }
        match &timed.event {
            Event::Incident(incident) => {
                self.system(at.clone(), &incident.system);
                if let Some(cause) = &incident.cause {
                    self.known_ticket(at.clone(), cause);
                    if let Some(&arrives) = self.arrivals.get(cause)
                        && arrives > timed.at
                    {
                        let mut path = at.clone();
                        path.push(text(cause));
                        self.report(
                            path,
                            format!(
                                "incident `{}` at hour {} blames `{cause}`, which only arrives at hour {arrives}",
                                incident.id, timed.at
                            ),
                        );
                    }
                }
            }
            Event::Interrupt { to, hours, skill } => {
                self.team_member(at.clone(), to);
                self.skill(at.clone(), skill);
                if *hours <= 0.0 {
                    self.report(at, "an interrupt needs hours above 0");
                }
            }
            Event::Scene(id) => {
                if !self.scenes.contains(id) {
                    let mut path = at;
                    path.push(text(id));
                    self.report(path, format!("unknown scene `{id}`"));
                }
            }
            Event::Load { system, load } => {
                self.system(at.clone(), system);
                if *load <= 0.0 {
                    self.report(at, "a load is above 0");
                }
            }
            Event::Unlock(_) | Event::AuditFindings(_) => {}
        }
    }

    fn scene(&mut self, scene: &SceneDef) {
        let at = vec![field("scenes"), text(&scene.id)];
        for (who, _) in scene.lines.iter().flat_map(Line::each) {
            if !self.cast.contains(who) {
                let mut path = at.clone();
                path.push(text(who));
                self.report(path, format!("unknown speaker `{who}`: not in the cast"));
            }
        }
        for choice in &scene.choices {
            for effect in &choice.effects {
                match effect {
                    Effect::Trust(who, _) if !self.cast.contains(who) => {
                        let mut path = at.clone();
                        path.push(text(who));
                        self.report(path, format!("unknown person `{who}`: not in the cast"));
                    }
                    Effect::Capacity(system, _) => self.system(at.clone(), system),
                    Effect::AddTicket(ticket) => self.ticket(at.clone(), ticket),
                    Effect::Cancel(id) => self.known_ticket(at.clone(), id),
                    _ => {}
                }
            }
        }
    }

    fn objective(&mut self, objective: &ObjectiveDef) {
        let at = vec![field("objectives"), text(&objective.id)];
        match &objective.measure {
            Measure::FinishedAt(id) => self.known_ticket(at.clone(), id),
            Measure::RestoredAt(id) if !self.incidents.contains(id) => {
                let mut path = at.clone();
                path.push(text(id));
                self.report(path, format!("unknown incident `{id}`"));
            }
            _ => {}
        }
        let Goal {
            pass,
            two_stars,
            three_stars,
        } = objective.goal;
        let ordered = if objective.measure.lower_is_better() {
            pass >= two_stars && two_stars >= three_stars
        } else {
            pass <= two_stars && two_stars <= three_stars
        };
        if !ordered {
            let mut path = at;
            path.push(field("goal"));
            let direction = if objective.measure.lower_is_better() {
                "at most: pass >= two_stars >= three_stars"
            } else {
                "at least: pass <= two_stars <= three_stars"
            };
            self.report(
                path,
                format!(
                    "objective `{}` thresholds are out of order ({direction})",
                    objective.id
                ),
            );
        }
    }
}
