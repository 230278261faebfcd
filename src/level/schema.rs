//! The RON level format. `levels/README.md` documents it with a worked example.

use serde::{Deserialize, Serialize};

/// A working day is eight one-hour ticks.
pub const HOURS_PER_DAY: u32 = 8;

/// One chapter of the story, as written in a `levels/**/*.ron` file.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Level {
    pub chapter: u32,
    pub title: String,
    /// The story date, as shown to the player ("Tue Sep 2").
    pub date: String,
    /// A chapter that is only story: no board to play, so balance tests skip it.
    #[serde(default)]
    pub narrative_only: bool,
    /// Working days the chapter lasts; a day is eight one-hour ticks.
    pub days: u32,
    /// Everyone who speaks in the chapter.
    pub cast: Vec<Character>,
    /// The people whose hours the player spends.
    #[serde(default)]
    pub team: Vec<TeamMember>,
    /// Business systems that can fail.
    #[serde(default)]
    pub systems: Vec<SystemDef>,
    #[serde(default)]
    pub business: BusinessDef,
    /// Fragile, patched-over systems: 0 is clean, 1 doubles the background incident rate.
    #[serde(default)]
    pub technical_debt: f64,
    /// Tickets on the board at the start or arriving at a set hour.
    #[serde(default)]
    pub tickets: Vec<TicketDef>,
    /// Random streams of new work.
    #[serde(default)]
    pub arrivals: Vec<ArrivalDef>,
    /// Random streams of people stopping someone at their desk.
    #[serde(default)]
    pub interrupts: Vec<InterruptDef>,
    /// Scripted events at set hours.
    #[serde(default)]
    pub timeline: Vec<TimedEvent>,
    #[serde(default)]
    pub scenes: Vec<SceneDef>,
    #[serde(default)]
    pub policies: PolicySetup,
    #[serde(default)]
    pub objectives: Vec<ObjectiveDef>,
    pub questions: Vec<String>,
    #[serde(default)]
    pub tuning: Tuning,
    /// When set, finished changes wait to be deployed together in batches.
    #[serde(default)]
    pub deployment: Option<DeploymentDef>,
    /// Where the chapter's scenes happen, unless a scene says otherwise.
    #[serde(default)]
    pub place: Place,
    /// A guide through the controls, step by step, on the operations board (chapter 1 has
    /// one; any level may).
    #[serde(default)]
    pub guide: Vec<GuideStep>,
}

/// Where a scene happens: the backdrop behind its dialogue.
#[derive(Clone, Copy, Debug, Default, Serialize, Deserialize, PartialEq, Eq)]
pub enum Place {
    #[default]
    Office,
    WarRoom,
    Plant,
    Saloon,
    Boardroom,
    DataCentre,
    Home,
    Hallway,
}

impl Place {
    /// The backdrop's picture.
    pub fn backdrop(self) -> &'static str {
        match self {
            Place::Office => "backdrops/office",
            Place::WarRoom => "backdrops/war_room",
            Place::Plant => "backdrops/plant",
            Place::Saloon => "backdrops/saloon",
            Place::Boardroom => "backdrops/boardroom",
            Place::DataCentre => "backdrops/data_centre",
            Place::Home => "backdrops/home",
            Place::Hallway => "backdrops/hallway",
        }
    }
}

/// One step of the guide: someone says what to do, and the guide waits until it is done.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct GuideStep {
    /// Who says it: a cast id.
    pub who: String,
    pub text: String,
    /// What the player must do for the guide to go on.
    #[serde(default)]
    pub until: GuideGoal,
    /// What the step points at on the screen.
    #[serde(default)]
    pub point_at: Option<Spot>,
}

/// What a guide step waits for.
#[derive(Clone, Copy, Debug, Default, Serialize, Deserialize, PartialEq, Eq)]
pub enum GuideGoal {
    /// The player has read it (a Next button).
    #[default]
    Read,
    /// A card is picked.
    PickCard,
    /// A card has been given to someone.
    GiveCard,
    /// A Sev 1 bridge is open (without the constraint, if asked).
    OpenBridge { without_constraint: bool },
    /// The clock has run an hour.
    RunClock,
    /// A favour that landed on the constraint has been given to someone else, or deflected.
    MoveFavour,
    /// A restored incident has been declared over.
    Resolve,
}

/// A part of the operations screen a guide step can point at.
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Spot {
    Incidents,
    Board,
    Backlog,
    Team,
    Constraint,
    Clock,
    Objectives,
    Card,
}

impl Level {
    /// The hour the chapter ends.
    pub fn hours(&self) -> u32 {
        self.days.saturating_mul(HOURS_PER_DAY)
    }

    pub fn system(&self, id: &str) -> Option<&SystemDef> {
        self.systems.iter().find(|s| s.id == id)
    }

    /// The skill that diagnoses and fixes a system (empty for a system the level lacks).
    pub fn system_skill(&self, id: &str) -> String {
        self.system(id).map(|s| s.skill.clone()).unwrap_or_default()
    }

    pub fn scene(&self, id: &str) -> Option<&SceneDef> {
        self.scenes.iter().find(|s| s.id == id)
    }

    pub fn character(&self, id: &str) -> Option<&Character> {
        self.cast.iter().find(|c| c.id == id)
    }
}

/// How changes reach production when they are deployed in batches.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct DeploymentDef {
    /// The skill a deployment needs.
    pub skill: String,
    /// Hours of hands-on work to deploy a batch by hand.
    pub setup_hours: f64,
    /// Hours per batch once deployment is automated.
    pub automated_setup_hours: f64,
    /// Finished changes that wait before a deployment starts.
    pub batch_size: u32,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Character {
    pub id: String,
    pub name: String,
    pub role: String,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct TeamMember {
    /// Must name someone in the cast.
    pub id: String,
    pub skills: Vec<String>,
    #[serde(default = "eight")]
    pub hours_per_day: u32,
    /// The story's constraint (Brent): the shield protects them, documentation draws on them.
    #[serde(default)]
    pub constraint: bool,
}

fn eight() -> u32 {
    8
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SystemDef {
    pub id: String,
    pub name: String,
    /// The skill needed to diagnose and fix it.
    pub skill: String,
    /// Share of revenue that stops while a Sev 1 has it down (0 to 1).
    #[serde(default)]
    pub revenue_share: f64,
    /// The load it carries without strain (1 is an ordinary day's traffic).
    #[serde(default = "one")]
    pub capacity: f64,
}

fn one() -> f64 {
    1.0
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct BusinessDef {
    pub revenue_per_day: f64,
    pub share_price: f64,
    pub audit_findings: u32,
    /// Findings the player's own earlier chapters left open, added when the campaign prepares
    /// the level (never written in a level file). They are open on the status bar, but the
    /// chapter's objectives judge the chapter's own play.
    #[serde(skip)]
    pub carried_findings: u32,
}

impl Default for BusinessDef {
    fn default() -> Self {
        Self {
            revenue_per_day: 1_000_000.0,
            share_price: 30.0,
            audit_findings: 0,
            carried_findings: 0,
        }
    }
}

/// The four types of work.
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum WorkKind {
    Business,
    Internal,
    Change,
    Unplanned,
}

impl WorkKind {
    pub const ALL: [WorkKind; 4] = [
        WorkKind::Business,
        WorkKind::Internal,
        WorkKind::Change,
        WorkKind::Unplanned,
    ];

    pub fn is_planned(self) -> bool {
        self != WorkKind::Unplanned
    }

    pub fn label(self) -> &'static str {
        match self {
            WorkKind::Business => "business project",
            WorkKind::Internal => "internal project",
            WorkKind::Change => "change",
            WorkKind::Unplanned => "unplanned work",
        }
    }
}

/// How risky a change is, which decides who must approve it under the CAB policy.
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Risk {
    /// Pre-approved, routine.
    Standard,
    /// Whoever it affects is consulted.
    Medium,
    /// Needs the CAB's approval.
    High,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub skill: String,
    pub hours: f64,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct TicketDef {
    pub id: String,
    pub title: String,
    pub kind: WorkKind,
    pub route: Vec<Step>,
    /// Hour of the chapter it appears on the board.
    #[serde(default)]
    pub arrives: u32,
    /// Hour of the chapter it is due by.
    #[serde(default)]
    pub due: Option<u32>,
    #[serde(default)]
    pub value: f64,
    /// Required for changes.
    #[serde(default)]
    pub risk: Option<Risk>,
    /// The system a change touches.
    #[serde(default)]
    pub system: Option<String>,
    /// Whether the change was written in the change log before the chapter began.
    #[serde(default)]
    pub logged: bool,
    /// The most important work, which a project freeze leaves running.
    #[serde(default)]
    pub critical: bool,
    /// Audit findings it closes when done.
    #[serde(default)]
    pub closes_findings: u32,
    /// Put straight into this person's queue instead of the backlog.
    #[serde(default)]
    pub assign_to: Option<String>,
    /// Work already done before the chapter opens: hours off the first step.
    #[serde(default)]
    pub started_hours: f64,
    /// Finished before the chapter opens (a change made last week that an incident can blame).
    #[serde(default)]
    pub already_done: bool,
    /// On the board only if this holds for the campaign so far.
    #[serde(default)]
    pub only_if: Option<Condition>,
}

impl TicketDef {
    /// A ticket of one step, with every optional field at its default.
    pub fn one_step(
        id: impl Into<String>,
        title: impl Into<String>,
        kind: WorkKind,
        skill: &str,
        hours: f64,
    ) -> Self {
        Self {
            id: id.into(),
            title: title.into(),
            kind,
            route: vec![Step {
                skill: skill.to_owned(),
                hours,
            }],
            arrives: 0,
            due: None,
            value: 0.0,
            risk: None,
            system: None,
            logged: false,
            critical: false,
            closes_findings: 0,
            assign_to: None,
            started_hours: 0.0,
            already_done: false,
            only_if: None,
        }
    }
}

/// How much the real effort of generated work varies around its stated hours.
#[derive(Clone, Copy, Debug, Default, Serialize, Deserialize, PartialEq)]
pub enum Variability {
    /// Exactly as stated.
    Fixed,
    /// Uniform between half and one and a half times.
    #[default]
    Spread,
    /// Exponentially distributed around the stated mean (a memoryless queue).
    Exponential,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ArrivalDef {
    /// Mean new tickets a working day (a Poisson stream).
    pub per_day: f64,
    /// The pattern for each new ticket; its id gets a running number.
    pub ticket: TicketDef,
    #[serde(default)]
    pub variability: Variability,
    /// Hours after arrival that it is due.
    #[serde(default)]
    pub due_in: Option<u32>,
    #[serde(default)]
    pub from: u32,
    #[serde(default)]
    pub until: Option<u32>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct InterruptDef {
    /// Whom people walk up to.
    pub to: String,
    pub per_day: f64,
    /// Mean hours each takes.
    pub hours: f64,
    /// The skill each needs; when others have it, a shield can send it to them.
    pub skill: String,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct TimedEvent {
    pub at: u32,
    pub event: Event,
    /// Happens only if this holds for the campaign so far.
    #[serde(default)]
    pub only_if: Option<Condition>,
}

/// Something the story can depend on: earlier choices, Bill's standing with people, what
/// earlier chapters came to, and what is on the board now.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub enum Condition {
    /// A flag set by a choice (earlier in this chapter, or in an earlier one).
    Flag(String),
    /// No choice set this flag.
    NotFlag(String),
    /// Bill's standing with someone in the cast is at least this.
    Trust(String, i32),
    /// Bill's standing with someone is at most this.
    TrustBelow(String, i32),
    /// Someone other than the constraint has learned this skill from the write-ups.
    Documented(String),
    /// Nobody has learned this skill from the write-ups yet.
    Undocumented(String),
    /// An earlier chapter earned at least this many stars (0 when it was not played).
    Stars(u32, u8),
    /// An earlier chapter was played and passed.
    Passed(u32),
    /// A number an earlier chapter measured lies within the bounds given.
    Measured {
        chapter: u32,
        number: Number,
        #[serde(default)]
        at_least: Option<f64>,
        #[serde(default)]
        at_most: Option<f64>,
    },
    /// An incident of this chapter is open (not yet resolved) now.
    IncidentOpen(String),
    /// A ticket of this chapter is done now.
    TicketDone(String),
    All(Vec<Condition>),
    Any(Vec<Condition>),
    Not(Box<Condition>),
}

/// A number a chapter measured, for conditions on how an earlier chapter went.
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub enum Number {
    RevenueLost,
    /// Share of the constraint's hours spent busy, from 0 to 1.
    ConstraintUtilization,
    Sev1s,
    /// Mean hours from release to done.
    LeadTime,
    /// Share of worked hours that went to unplanned work, from 0 to 1.
    UnplannedShare,
    TimeToRestore,
}

impl Number {
    pub const ALL: [Number; 6] = [
        Number::RevenueLost,
        Number::ConstraintUtilization,
        Number::Sev1s,
        Number::LeadTime,
        Number::UnplannedShare,
        Number::TimeToRestore,
    ];

    /// Its name in a placeholder, as in `{chapter:12:revenue_lost}`.
    pub fn name(self) -> &'static str {
        match self {
            Number::RevenueLost => "revenue_lost",
            Number::ConstraintUtilization => "constraint_utilization",
            Number::Sev1s => "sev1s",
            Number::LeadTime => "lead_time",
            Number::UnplannedShare => "unplanned_share",
            Number::TimeToRestore => "time_to_restore",
        }
    }

    pub fn named(name: &str) -> Option<Number> {
        Number::ALL.into_iter().find(|n| n.name() == name)
    }
}

impl Condition {
    /// This condition and every condition inside it.
    pub fn each(&self) -> Vec<&Condition> {
        let mut out = vec![self];
        match self {
            Condition::All(list) | Condition::Any(list) => {
                out.extend(list.iter().flat_map(Condition::each))
            }
            Condition::Not(inner) => out.extend(inner.each()),
            _ => {}
        }
        out
    }
}

impl Line {
    /// Every line that may be said, whatever the conditions, with the conditions around it.
    pub fn each(&self) -> Vec<(&str, &str)> {
        match self {
            Line::Line(who, text) => vec![(who.as_str(), text.as_str())],
            Line::If(_, lines) => lines.iter().flat_map(Line::each).collect(),
            Line::IfElse(_, yes, no) => yes.iter().chain(no).flat_map(Line::each).collect(),
        }
    }

    /// The conditions the line depends on (outermost first).
    pub fn conditions(&self) -> Vec<&Condition> {
        match self {
            Line::Line(..) => Vec::new(),
            Line::If(c, lines) => std::iter::once(c)
                .chain(lines.iter().flat_map(Line::conditions))
                .collect(),
            Line::IfElse(c, yes, no) => std::iter::once(c)
                .chain(yes.iter().chain(no).flat_map(Line::conditions))
                .collect(),
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub enum Event {
    /// A system fails.
    Incident(IncidentDef),
    /// Someone walks up to a person's desk.
    Interrupt {
        to: String,
        hours: f64,
        skill: String,
    },
    /// A policy becomes available to the player.
    Unlock(Policy),
    /// A dialogue scene plays.
    Scene(String),
    /// New audit findings land.
    AuditFindings(u32),
    /// Traffic on a system changes: 1 is an ordinary day, 3 is Black Friday.
    Load { system: String, load: f64 },
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct IncidentDef {
    pub id: String,
    pub title: String,
    pub system: String,
    #[serde(default = "yes")]
    pub sev1: bool,
    /// The change that caused it, when one did.
    #[serde(default)]
    pub cause: Option<String>,
    /// Hours to find the cause when the change log holds it.
    pub diagnose_hours: f64,
    pub fix_hours: f64,
}

fn yes() -> bool {
    true
}

#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Policy {
    /// Every change is written down before it is made.
    ChangeLog,
    /// Changes are approved by risk tier before they start.
    Cab,
    /// Two changes never run on one system at once.
    ChangeCalendar,
    /// Interrupts for the constraint go through Bill or Patty.
    BrentShield,
    /// The constraint may be asked to write down what they know.
    Documentation,
    /// Columns of the board may be capped.
    WipLimits,
    /// Only critical projects may be started.
    ProjectFreeze,
    /// The deployment batch size may be changed.
    SmallBatches,
    /// Deployments are scripted: short set-up, consistent environments.
    DeployAutomation,
    /// Every project is traced to the business objective it serves (its `critical` mark);
    /// a project that serves none may be retired from the board for good.
    ObjectiveLinks,
}

impl Policy {
    pub const ALL: [Policy; 10] = [
        Policy::ChangeLog,
        Policy::Cab,
        Policy::ChangeCalendar,
        Policy::BrentShield,
        Policy::Documentation,
        Policy::WipLimits,
        Policy::ProjectFreeze,
        Policy::SmallBatches,
        Policy::DeployAutomation,
        Policy::ObjectiveLinks,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Policy::ChangeLog => "change log",
            Policy::Cab => "CAB with risk tiers",
            Policy::ChangeCalendar => "change calendar",
            Policy::BrentShield => "Brent shield",
            Policy::Documentation => "documentation",
            Policy::WipLimits => "WIP limits",
            Policy::ProjectFreeze => "project freeze",
            Policy::SmallBatches => "deployment batch size",
            Policy::DeployAutomation => "deployment automation",
            Policy::ObjectiveLinks => "work traced to business objectives",
        }
    }

    /// What the policy does, for the player (shown on hover).
    pub fn help(self) -> &'static str {
        match self {
            Policy::ChangeLog => {
                "Every change is written down before it is made (a little paperwork each). When a change breaks something, the bridge finds it in the log, fast."
            }
            Policy::Cab => {
                "High-risk changes wait in Awaiting CAB for your approval; medium ones are reviewed. Reviewed changes fail less often."
            }
            Policy::ChangeCalendar => {
                "Only one change at a time runs on a system, so two changes never collide."
            }
            Policy::BrentShield => {
                "Quick favours for the constraint stop at the shield: you deflect them or pass them to someone else."
            }
            Policy::Documentation => {
                "The constraint can write down a skill only they have, so someone else learns it."
            }
            Policy::WipLimits => {
                "Ready and Doing can be capped: less work in process, shorter waits."
            }
            Policy::ProjectFreeze => {
                "Only the most important projects (★) may start; changes and unplanned work go on."
            }
            Policy::SmallBatches => "You choose how many finished changes go out together.",
            Policy::DeployAutomation => {
                "Deployments are scripted: short to set up, and they fail less often."
            }
            Policy::ObjectiveLinks => {
                "Every project shows the business objective it serves; projects that serve none may be retired."
            }
        }
    }

    /// Policies that are tools to use rather than rules to switch on.
    pub fn is_switch(self) -> bool {
        !matches!(
            self,
            Policy::Documentation
                | Policy::WipLimits
                | Policy::SmallBatches
                | Policy::ObjectiveLinks
        )
    }
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PolicySetup {
    /// Available from the first hour.
    #[serde(default)]
    pub unlocked: Vec<Policy>,
    /// Already in force at the first hour (must be unlocked too).
    #[serde(default)]
    pub enabled: Vec<Policy>,
    /// Policies the player switched on earlier that this chapter starts with off.
    #[serde(default)]
    pub switched_off: Vec<Policy>,
    /// Why they are off, for the player (shown when the chapter opens).
    #[serde(default)]
    pub why_off: Option<String>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SceneDef {
    pub id: String,
    /// Where it happens (the chapter's place if not given).
    #[serde(default)]
    pub place: Option<Place>,
    /// The scene plays only if this holds when its moment comes.
    #[serde(default)]
    pub only_if: Option<Condition>,
    pub lines: Vec<Line>,
    #[serde(default)]
    pub choices: Vec<Choice>,
    /// This scene is one of the campaign's endings; the map names the ending reached.
    #[serde(default)]
    pub ending: Option<String>,
}

/// What a scene says, decided as the scene plays: a line, or lines said only if a condition
/// holds then (with what is said otherwise).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub enum Line {
    /// Someone (a cast id) says something. `{choice:scene}` in the text becomes the option
    /// the player took there; `{chapter:12:revenue_lost}` a number chapter 12 measured.
    Line(String, String),
    /// These lines, only if the condition holds.
    If(Condition, Vec<Line>),
    /// The first lines if the condition holds, the others if not.
    IfElse(Condition, Vec<Line>, Vec<Line>),
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub text: String,
    /// The option is offered only if this holds when the scene plays.
    #[serde(default)]
    pub only_if: Option<Condition>,
    /// A scene that follows straight away when this option is taken.
    #[serde(default)]
    pub then: Option<String>,
    #[serde(default)]
    pub effects: Vec<Effect>,
    /// The choice the chapter's lesson favours; the scripted `flow` player takes it.
    #[serde(default)]
    pub wise: bool,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub enum Effect {
    /// A campaign flag later chapters may read.
    Flag(String),
    Unlock(Policy),
    Enable(Policy),
    /// Adds a ticket to the board now.
    AddTicket(TicketDef),
    /// Drops a ticket that has not started yet.
    Cancel(String),
    SharePrice(f64),
    AuditFindings(i32),
    /// Shortcuts taken (positive) or paid down (negative); carried to later chapters.
    TechnicalDebt(f64),
    /// Bill's standing with someone in the cast goes up or down.
    Trust(String, i32),
    /// More (or less) capacity for a system, as bought from the cloud.
    Capacity(String, f64),
    /// Caps Ready and Doing (`None` lifts a cap), unlocking WIP limits.
    WipLimits {
        ready: Option<u32>,
        doing: Option<u32>,
    },
    /// How many finished changes go out together, unlocking the batch size.
    BatchSize(u32),
    /// Switches a policy off (it stays available).
    Disable(Policy),
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ObjectiveDef {
    pub id: String,
    pub text: String,
    pub measure: Measure,
    pub goal: Goal,
}

/// What an objective measures at the chapter's end.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub enum Measure {
    /// The hour a ticket was done (never done counts as the chapter's end plus a day).
    FinishedAt(String),
    /// The hour service came back after a scripted incident (never: the end plus a day).
    RestoredAt(String),
    /// Tickets done, of one kind or of all planned kinds.
    Done(Option<WorkKind>),
    /// Revenue lost to outages, in dollars.
    RevenueLost,
    /// Mean hours from a Sev 1's start to service restored.
    TimeToRestore,
    /// Mean hours from a ticket's release to done.
    LeadTime,
    /// Percent of worked hours that went to unplanned work.
    UnplannedShare,
    /// Changes that failed in production.
    FailedChanges,
    AuditFindings,
    SharePrice,
    /// Tickets that missed their due hour.
    MissedDueDates,
    /// Deployments made (each change alone, or each batch).
    Deployments,
    /// Percent of deployments that failed.
    ChangeFailRate,
    /// Mean hours from a change's arrival to its going live.
    ChangeLeadTime,
    /// Dollars a day of business value from the work finished (each ticket's `value`).
    ValueDelivered,
}

impl Measure {
    /// Whether a smaller value is the better one.
    pub fn lower_is_better(&self) -> bool {
        !matches!(
            self,
            Measure::Done(_) | Measure::SharePrice | Measure::Deployments | Measure::ValueDelivered
        )
    }
}

/// Pass at `pass`; two and three stars at the stricter thresholds.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    pub pass: f64,
    pub two_stars: f64,
    pub three_stars: f64,
}

/// Knobs of the model a level may turn; the defaults suit the story chapters.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct Tuning {
    /// Hours lost each time someone drops unfinished work for something else.
    pub switch_hours: f64,
    /// Share of each hour lost per extra ticket waiting in someone's queue (juggling).
    pub juggling: f64,
    /// How many times longer diagnosis takes when the cause was never logged.
    pub unlogged_diagnosis_factor: f64,
    /// Chance a change fails, by risk tier (standard, medium, high).
    pub change_failure: (f64, f64, f64),
    /// Failure multiplier for a change that skipped a review it needed.
    pub unreviewed_factor: f64,
    /// Failure multiplier when another change ran on the same system at once.
    pub collision_factor: f64,
    /// Chance a change finished on a system with a live Sev 1 widens it.
    pub widen_chance: f64,
    /// Extra hours the change log's paperwork adds to a change.
    pub logging_hours: f64,
    /// Hours of the constraint's time to document one skill, and the learner's.
    pub documentation_hours: (f64, f64),
    /// Diagnose and fix hours of the incident a failed change causes.
    pub failed_change_hours: (f64, f64),
    /// Incidents a day that strike the level's systems at random, before technical debt and
    /// risky changes raise the rate.
    pub background_incidents_per_day: f64,
    /// The most of any hour a long queue can cost in juggling.
    pub juggling_cap: f64,
    /// The highest chance of failure any change can have.
    pub change_failure_cap: f64,
    /// What each skilled responder beyond the first adds to a Sev 1 bridge's speed
    /// (k responders work 1 + bridge_speedup × (k − 1) times as fast as one).
    pub bridge_speedup: f64,
    /// Failure multiplier for changes deployed by script once deployments are automated.
    pub automated_failure_factor: f64,
    /// Multiplier on `widen_chance` when every change going live was reviewed.
    pub reviewed_widen_factor: f64,
    /// Extra diagnosis, as a share, for every other change in a failed batch (more suspects).
    pub batch_suspect_diagnosis: f64,
    /// Hours a finished unlogged or unreviewed change counts as a recent risk: it raises the
    /// background incident rate and may be blamed for an incident on its system.
    pub recent_change_hours: f64,
    /// How much each recent risky change raises the background incident rate (0.5: half again).
    pub risky_change_incident_factor: f64,
    /// Chance an hour that the most overloaded system gives way, per unit of overload
    /// (load ÷ capacity − 1), and the most it can be.
    pub overload_failure: (f64, f64),
    /// Hours of the request a facilitator sends to the constraint's desk (F8).
    pub facilitator_interrupt_hours: f64,
    /// Share of each hour of overtime on a Sev 1 bridge lost to tiredness in the responder's
    /// next working hours.
    pub overtime_fatigue: f64,
    /// Hand-offs (and deployments) go to whoever has least on their desk, the constraint
    /// counting as having this many hours more: so another free hand is preferred, and the
    /// constraint takes it only when the others are swamped. 0 treats everyone alike.
    pub handoff_constraint_reserve: f64,
    /// How far the share price falls for each share of expected revenue lost to outages
    /// (0.5: losing a tenth of revenue marks the stock down 5%).
    pub share_price_sensitivity: f64,
}

impl Default for Tuning {
    fn default() -> Self {
        Self {
            switch_hours: 0.25,
            juggling: 0.02,
            unlogged_diagnosis_factor: 4.0,
            change_failure: (0.03, 0.12, 0.3),
            unreviewed_factor: 2.0,
            collision_factor: 3.0,
            widen_chance: 0.6,
            logging_hours: 0.1,
            documentation_hours: (4.0, 4.0),
            failed_change_hours: (2.0, 2.0),
            background_incidents_per_day: 0.0,
            juggling_cap: 0.3,
            change_failure_cap: 0.95,
            bridge_speedup: 0.5,
            automated_failure_factor: 0.5,
            reviewed_widen_factor: 0.5,
            batch_suspect_diagnosis: 0.5,
            recent_change_hours: 16.0,
            risky_change_incident_factor: 0.5,
            overload_failure: (0.3, 0.8),
            facilitator_interrupt_hours: 2.0,
            overtime_fatigue: 0.5,
            handoff_constraint_reserve: 1.0,
            share_price_sensitivity: 0.5,
        }
    }
}

/// `levels/campaign.ron`: the chapters in order, in three parts.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Campaign {
    pub parts: Vec<Part>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Part {
    pub title: String,
    /// Level files, relative to the campaign file.
    pub chapters: Vec<String>,
}
