//! Scripted players. They read the simulation and send `PlayerCommand`s, exactly as the UI
//! does: `naive` plays the way Bill's department worked before the story, `flow` plays the
//! way the book teaches.

pub mod what_if;

use std::collections::BTreeMap;

use bevy::prelude::*;

use crate::level::{Policy, WorkKind};
use crate::sim::PlayerCommand;
use crate::sim::board::{self, column_count, needs_approval};
use crate::sim::clock::Clock;
use crate::sim::commands::{is_retirable, system_skill};
use crate::sim::model::*;
use crate::sim::policies::Policies;
use crate::sim::setup::CurrentLevel;
use crate::sim::story::Story;
use crate::sim::work::is_freezable;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScriptedPlayer {
    /// First come, first served; Brent takes whatever he can; no change control.
    Naive,
    /// Protects Brent, limits WIP, logs and tiers changes, runs incidents by the book.
    Flow,
}

impl ScriptedPlayer {
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "naive" => Some(Self::Naive),
            "flow" => Some(Self::Flow),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Self::Naive => "naive",
            Self::Flow => "flow",
        }
    }

    /// The commands this player gives at the current hour, before the clock moves on.
    pub fn decide(self, world: &World) -> Vec<PlayerCommand> {
        let mut plan = Plan::new(world);
        if let Some(choice) = self.choose(world) {
            // Nothing else can happen until the scene's choice is made.
            return vec![choice];
        }
        match self {
            Self::Naive => plan.naive(),
            Self::Flow => plan.flow(),
        }
        plan.commands
    }

    fn choose(self, world: &World) -> Option<PlayerCommand> {
        let scene = world.resource::<Story>().awaiting_choice.clone()?;
        let level = &world.resource::<CurrentLevel>().0;
        let choices = &level.scenes.iter().find(|s| s.id == scene)?.choices;
        let wise = choices.iter().position(|c| c.wise);
        let choice = match self {
            Self::Flow => wise.unwrap_or(0),
            Self::Naive => choices.iter().position(|c| !c.wise).unwrap_or(0),
        };
        Some(PlayerCommand::Choose { scene, choice })
    }
}

/// `flow` retires a project that serves no objective when it is worth less than this share
/// of the most valuable open work.
const RETIRE_BELOW_SHARE_OF_BEST: f64 = 0.05;

/// How much more work others may have queued than the constraint before `flow` gives him
/// work someone else could do.
const CONSTRAINT_RESERVE_HOURS: f64 = 6.0;

/// A player's view of the hour, kept up to date as it decides, so that several
/// assignments in one hour respect limits and spread the load.
struct Plan<'w> {
    world: &'w World,
    /// The policies as they will be once this hour's commands are applied.
    policies: Policies,
    people: Vec<&'w Person>,
    tickets: Vec<&'w Ticket>,
    load: BTreeMap<PersonId, f64>,
    ready: u32,
    /// Changes approved this hour, which may be released in the same hour.
    approved: Vec<TicketId>,
    /// Projects retired this hour, which must not be released.
    retired: Vec<TicketId>,
    commands: Vec<PlayerCommand>,
}

impl<'w> Plan<'w> {
    fn new(world: &'w World) -> Self {
        let people = board::all_people(world);
        let tickets = board::all_tickets(world);
        let load = people
            .iter()
            .map(|p| {
                let hours = p
                    .queue
                    .iter()
                    .filter_map(|&t| tickets.get(t.0 as usize))
                    .map(|t| t.remaining)
                    .sum::<f64>();
                // Someone on a Sev 1 bridge has no hours for anything else.
                let bridge = if p.on_bridge.is_some() {
                    f64::from(crate::sim::HOURS_PER_DAY)
                } else {
                    0.0
                };
                (p.id, hours + bridge)
            })
            .collect();
        Self {
            world,
            policies: world.resource::<Policies>().clone(),
            people,
            tickets,
            load,
            ready: column_count(world, Column::Ready),
            approved: Vec::new(),
            retired: Vec::new(),
            commands: Vec::new(),
        }
    }

    fn send(&mut self, command: PlayerCommand) {
        self.commands.push(command);
    }

    fn assign(&mut self, ticket: &Ticket, person: PersonId) {
        *self.load.entry(person).or_default() += ticket.remaining;
        if ticket.state == TicketState::Backlog {
            self.ready += 1;
        }
        self.send(PlayerCommand::Assign {
            ticket: ticket.id,
            person,
        });
    }

    fn qualified(&self, skill: &str) -> Vec<&'w Person> {
        self.people
            .iter()
            .copied()
            .filter(|p| p.has_skill(skill))
            .collect()
    }

    fn least_loaded(&self, candidates: &[&Person]) -> Option<PersonId> {
        candidates
            .iter()
            .min_by(|a, b| {
                self.load[&a.id]
                    .total_cmp(&self.load[&b.id])
                    .then(a.id.cmp(&b.id))
            })
            .map(|p| p.id)
    }

    fn backlog(&self) -> Vec<&'w Ticket> {
        self.tickets
            .iter()
            .copied()
            .filter(|t| t.state == TicketState::Backlog)
            .collect()
    }

    fn may_release(&self, ticket: &Ticket) -> bool {
        let held_by_cab =
            needs_approval(ticket, &self.policies) && !self.approved.contains(&ticket.id);
        let frozen = self.policies.on(Policy::ProjectFreeze) && is_freezable(ticket);
        let on_a_bridge = matches!(ticket.origin,
            Origin::Incident(id) if self.incident(id).is_some_and(|i| i.declared));
        !(held_by_cab || frozen || on_a_bridge || self.retired.contains(&ticket.id))
    }

    fn incident(&self, id: IncidentId) -> Option<&'w Incident> {
        self.world.resource::<Incidents>().get(id)
    }

    fn naive(&mut self) {
        // A change meeting forced on by the story is a rubber stamp.
        for ticket in self.backlog() {
            if needs_approval(ticket, &self.policies) {
                self.approved.push(ticket.id);
                self.send(PlayerCommand::ApproveChange { ticket: ticket.id });
            }
        }
        for ticket in self.backlog() {
            if !self.may_release(ticket) {
                continue;
            }
            if let Origin::Interrupt { for_person } = ticket.origin {
                self.assign(ticket, for_person);
                continue;
            }
            let Some(step) = ticket.current_step() else {
                continue;
            };
            let qualified = self.qualified(&step.skill);
            // Brent can do it, so Brent gets it.
            let person = qualified
                .iter()
                .find(|p| p.constraint)
                .map(|p| p.id)
                .or_else(|| self.least_loaded(&qualified));
            if let Some(person) = person {
                self.assign(ticket, person);
            }
        }
    }

    fn flow(&mut self) {
        self.switch_on_policies();
        self.run_incidents();
        self.document_the_constraint();
        self.retire_unlinked_work();
        for ticket in self.backlog() {
            if needs_approval(ticket, &self.policies) {
                let quiet = ticket
                    .system
                    .as_deref()
                    .is_none_or(|s| !self.world.resource::<Incidents>().open_sev1_on(s));
                if quiet {
                    self.approved.push(ticket.id);
                    self.send(PlayerCommand::ApproveChange { ticket: ticket.id });
                }
            }
        }
        let mut backlog: Vec<&Ticket> = self
            .backlog()
            .into_iter()
            .filter(|t| self.may_release(t))
            .collect();
        backlog.sort_by(|a, b| {
            b.priority()
                .cmp(&a.priority())
                .then(b.critical.cmp(&a.critical))
                .then(a.due.unwrap_or(u32::MAX).cmp(&b.due.unwrap_or(u32::MAX)))
                .then(a.id.cmp(&b.id))
        });
        let ready_limit = self.policies.wip_limit(Column::Ready);
        for ticket in backlog {
            let unplanned = ticket.kind == WorkKind::Unplanned;
            if !unplanned && ready_limit.is_some_and(|l| self.ready >= l) {
                continue;
            }
            let Some(step) = ticket.current_step() else {
                continue;
            };
            let qualified = self.qualified(&step.skill);
            let others: Vec<&Person> = qualified
                .iter()
                .copied()
                .filter(|p| !p.constraint)
                .collect();
            if let Some(person) = self.least_loaded(&others) {
                // Keep the constraint for what only he can do, unless the others are
                // swamped while he idles (once someone has learned his skills, say).
                let brent = qualified.iter().find(|p| p.constraint).map(|p| p.id);
                let choice = match brent {
                    Some(brent)
                        if !matches!(ticket.origin, Origin::Interrupt { .. })
                            && self.load[&person]
                                > self.load[&brent] + CONSTRAINT_RESERVE_HOURS =>
                    {
                        brent
                    }
                    _ => person,
                };
                self.assign(ticket, choice);
                continue;
            }
            if matches!(ticket.origin, Origin::Interrupt { .. }) {
                // Only Brent could do it, and it is not his priority: say no, kindly.
                self.send(PlayerCommand::DeflectInterrupt { ticket: ticket.id });
                continue;
            }
            // Release work to the constraint only at the pace it can take it; the most
            // important work goes to him regardless.
            if let Some(brent) = qualified.first()
                && (unplanned || ticket.critical || self.load[&brent.id] < 4.0)
            {
                let id = brent.id;
                self.assign(ticket, id);
            }
        }
    }

    /// With every project traced to the objective it serves, the ones that serve none and
    /// are worth a sliver of the best open work leave the board.
    fn retire_unlinked_work(&mut self) {
        if !self.policies.unlocked.contains(&Policy::ObjectiveLinks) {
            return;
        }
        let best = self
            .tickets
            .iter()
            .filter(|t| t.is_open())
            .map(|t| t.value)
            .fold(0.0, f64::max);
        let retire: Vec<TicketId> = self
            .tickets
            .iter()
            // A level that gives a project no value says nothing about it: it stays.
            .filter(|t| {
                is_retirable(t) && t.value > 0.0 && t.value < best * RETIRE_BELOW_SHARE_OF_BEST
            })
            .map(|t| t.id)
            .collect();
        for ticket in retire {
            self.retired.push(ticket);
            self.send(PlayerCommand::RetireWork { ticket });
        }
    }

    fn switch_on_policies(&mut self) {
        for policy in [
            Policy::ChangeLog,
            Policy::Cab,
            Policy::ChangeCalendar,
            Policy::BrentShield,
            Policy::DeployAutomation,
        ] {
            if self.policies.unlocked.contains(&policy) && !self.policies.on(policy) {
                self.policies.enabled.insert(policy);
                self.send(PlayerCommand::SetPolicy { policy, on: true });
            }
        }
        // Small batches: every finished change goes out on its own.
        if self.policies.unlocked.contains(&Policy::SmallBatches)
            && self.policies.batch_size != Some(1)
            && self.world.resource::<CurrentLevel>().0.deployment.is_some()
        {
            self.policies.batch_size = Some(1);
            self.send(PlayerCommand::SetBatchSize { size: 1 });
        }
        if self.policies.unlocked.contains(&Policy::WipLimits) {
            let team = self.people.len() as u32;
            for column in [Column::Ready, Column::Doing] {
                if self.policies.wip_limit(column).is_none() {
                    self.policies.wip_limits.insert(column, team.max(1));
                    self.send(PlayerCommand::SetWipLimit {
                        column,
                        limit: Some(team.max(1)),
                    });
                }
            }
        }
    }

    fn run_incidents(&mut self) {
        let tick = self.world.resource::<Clock>().tick;
        let mut called: Vec<PersonId> = Vec::new();
        for incident in &self.world.resource::<Incidents>().0 {
            if incident.is_down() && !incident.declared && incident.sev1 {
                let skill = system_skill(self.world, &incident.system);
                // Only people at work and not already called to another bridge this hour.
                let free: Vec<&Person> = self
                    .qualified(&skill)
                    .into_iter()
                    .filter(|p| {
                        p.on_bridge.is_none() && p.works_at(tick) && !called.contains(&p.id)
                    })
                    .collect();
                let mut responders: Vec<PersonId> = free
                    .iter()
                    .filter(|p| !p.constraint)
                    .take(2)
                    .map(|p| p.id)
                    .collect();
                if responders.is_empty() {
                    responders.extend(free.first().map(|p| p.id));
                }
                if !responders.is_empty() {
                    called.extend(&responders);
                    self.send(PlayerCommand::DeclareSev1 {
                        incident: incident.id,
                        responders,
                    });
                }
            }
            if incident.declared && !incident.is_down() && incident.resolved.is_none() {
                self.send(PlayerCommand::ResolveSev1 {
                    incident: incident.id,
                });
            }
        }
    }

    fn document_the_constraint(&mut self) {
        if !self.policies.unlocked.contains(&Policy::Documentation) {
            return;
        }
        let underway = self.tickets.iter().any(|t| {
            t.is_open()
                && matches!(
                    t.origin,
                    Origin::Documentation { .. } | Origin::Study { .. }
                )
        });
        if underway {
            return;
        }
        let Some(brent) = self.people.iter().find(|p| p.constraint) else {
            return;
        };
        let only_brent = brent
            .skills
            .iter()
            .find(|s| self.people.iter().filter(|p| p.has_skill(s)).count() == 1);
        let learner = self.people.iter().filter(|p| !p.constraint).min_by(|a, b| {
            self.load[&a.id]
                .total_cmp(&self.load[&b.id])
                .then(a.id.cmp(&b.id))
        });
        if let (Some(skill), Some(learner)) = (only_brent, learner) {
            self.send(PlayerCommand::StartDocumentation {
                skill: skill.clone(),
                learner: learner.id,
            });
        }
    }
}

/// What a finished chapter leaves behind: its outcome, its hour-by-hour record and the
/// commands that produced it.
#[derive(Clone, Debug)]
pub struct Played {
    pub result: crate::sim::objectives::ChapterResult,
    pub metrics: crate::sim::metrics::Metrics,
    pub log: crate::sim::CommandLog,
    /// Hours from release to done of every finished ticket (the lead-time histogram).
    pub lead_times: Vec<f64>,
}

/// Safety stop for a player that never lets the clock run (a scene nobody can answer).
const MAX_FRAMES: u32 = 100_000;

/// Plays a chapter headlessly with a scripted player, one hour a frame.
pub fn play_chapter(level: &crate::level::Level, seed: u64, player: ScriptedPlayer) -> Played {
    let mut app = crate::sim::headless_app();
    crate::sim::start_chapter(app.world_mut(), level, seed);
    play_to_the_end(&mut app, player);
    finish(app)
}

/// Lets the player decide each hour until the chapter is over.
fn play_to_the_end(app: &mut App, player: ScriptedPlayer) {
    for _ in 0..MAX_FRAMES {
        if app
            .world()
            .contains_resource::<crate::sim::objectives::ChapterResult>()
        {
            break;
        }
        let commands = player.decide(app.world());
        let choosing = matches!(commands.first(), Some(PlayerCommand::Choose { .. }));
        for command in commands {
            app.world_mut().write_message(command);
        }
        if !choosing {
            app.world_mut()
                .write_message(PlayerCommand::Advance { hours: 1 });
        }
        app.update();
    }
}

/// One chapter of a campaign run.
#[derive(Clone, Debug)]
pub struct CampaignRow {
    pub chapter: u32,
    pub title: String,
    pub narrative_only: bool,
    pub result: crate::sim::objectives::ChapterResult,
}

/// Plays every chapter in order, carrying the campaign's state from each to the next.
pub fn play_campaign(
    campaign: &crate::level::LoadedCampaign,
    seed: u64,
    player: ScriptedPlayer,
) -> (Vec<CampaignRow>, crate::sim::campaign::CampaignState) {
    let mut state = crate::sim::campaign::CampaignState::default();
    let mut rows = Vec::new();
    for level in campaign.chapters() {
        let prepared = state.prepare(level);
        let mut app = crate::sim::headless_app();
        crate::sim::start_chapter(app.world_mut(), &prepared, seed);
        play_to_the_end(&mut app, player);
        state.carry(app.world(), &prepared);
        rows.push(CampaignRow {
            chapter: level.chapter,
            title: level.title.clone(),
            narrative_only: level.narrative_only,
            result: finish(app).result,
        });
    }
    (rows, state)
}

/// Replays a command log on the same level and seed.
pub fn replay_chapter(
    level: &crate::level::Level,
    seed: u64,
    commands: &[PlayerCommand],
) -> Played {
    let mut app = crate::sim::headless_app();
    crate::sim::start_chapter(app.world_mut(), level, seed);
    for command in commands {
        app.world_mut().write_message(command.clone());
        app.update();
    }
    finish(app)
}

fn finish(mut app: App) -> Played {
    // Close the books even if the player stopped early.
    crate::sim::objectives::close_chapter_when_over(app.world_mut());
    let world = app.world();
    let result = world
        .get_resource::<crate::sim::objectives::ChapterResult>()
        .cloned()
        .unwrap_or_else(|| crate::sim::objectives::evaluate(world));
    Played {
        result,
        metrics: world.resource::<crate::sim::metrics::Metrics>().clone(),
        log: world.resource::<crate::sim::CommandLog>().clone(),
        lead_times: board::lead_times(world),
    }
}
