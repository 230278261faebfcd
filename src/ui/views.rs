//! Read-only views of the simulation for the panels: plain data, built from the world only
//! when it has changed, so panels neither compute rules nor rebuild anything every frame.
//! Every rule a panel shows (may this card go to Tom? who can join the bridge?) is asked of
//! the simulation here; the panels only draw the answers.

use bevy::prelude::*;

use crate::level::{Policy, Risk, WorkKind};
use crate::sim::board::{self, column_of, needs_approval};
use crate::sim::business::{Business, Traffic};
use crate::sim::clock::Clock;
use crate::sim::commands::check;
use crate::sim::metrics::Metrics;
use crate::sim::objectives::{ObjectiveStatus, time_of};
use crate::sim::policies::Policies;
use crate::sim::setup::CurrentLevel;
use crate::sim::story::Story;
use crate::sim::{
    Column, CommandLog, IncidentId, Incidents, Origin, PersonId, PlayerCommand, TicketId,
    TicketState,
};

#[derive(Clone, Debug, PartialEq)]
pub struct CardView {
    pub id: TicketId,
    pub title: String,
    pub kind: WorkKind,
    pub column: Column,
    /// Each step's skill and hours.
    pub route: Vec<(String, f64)>,
    pub step: usize,
    pub remaining: f64,
    /// Share of the route's hours done.
    pub progress: f32,
    /// Hours since it arrived.
    pub age: f64,
    /// Hours it has spent waiting in queues, including the wait going on now.
    pub waited: f64,
    /// When it is due, as the clock shows it.
    pub due: Option<String>,
    pub late: bool,
    pub risk: Option<Risk>,
    pub system: Option<String>,
    /// Whose desk it is on: id and name.
    pub holder: Option<(String, String)>,
    /// Its holder has gone for the day: it waits until they are back.
    pub holder_away: bool,
    /// It waits on (or is with) the constraint.
    pub at_constraint: bool,
    /// An outage's work, being worked by a bridge.
    pub on_bridge: bool,
    pub needs_approval: bool,
    /// A request for the constraint held by the shield, waiting for triage.
    pub shielded_request: bool,
    pub critical: bool,
    /// Dollars a day it is worth once done, shown once work is traced to objectives.
    pub value: Option<f64>,
    /// It serves no objective and has not started: it may be retired.
    pub retirable: bool,
    /// Who on the team could take its current step.
    pub who_can: Vec<String>,
}

impl CardView {
    /// The current step's skill and the hours left on it.
    pub fn step_now(&self) -> Option<(&str, f64)> {
        let (skill, _) = self.route.get(self.step)?;
        Some((skill, self.remaining))
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct ColumnView {
    pub column: Column,
    pub limit: Option<u32>,
    /// Cards counted against the limit (Done keeps only the latest on screen).
    pub count: u32,
    pub over_limit: bool,
    pub cards: Vec<CardView>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PersonView {
    pub id: PersonId,
    pub key: String,
    pub name: String,
    pub role: String,
    pub skills: Vec<String>,
    pub constraint: bool,
    pub hours_per_day: u32,
    pub queue: Vec<(TicketId, String)>,
    pub queue_hours: f64,
    /// Share of the chapter's working hours spent busy so far.
    pub utilization: f64,
    /// Share of the last hour spent busy.
    pub busy_last_hour: f64,
    pub at_work: bool,
    pub on_bridge: bool,
    /// Skills the constraint could write down for this person now.
    pub teachable: Vec<String>,
}

impl PersonView {
    pub fn first_name(&self) -> &str {
        self.name.split_whitespace().next().unwrap_or(&self.name)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct ChangeLogEntry {
    pub title: String,
    pub finished_at: String,
}

/// A bridge the player could open, with who would be on it.
#[derive(Clone, Debug, PartialEq)]
pub struct BridgeOfferView {
    pub without_constraint: bool,
    pub names: Vec<String>,
    pub command: PlayerCommand,
    pub allowed: Result<(), String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct IncidentView {
    pub id: IncidentId,
    pub title: String,
    pub system: String,
    pub sev1: bool,
    pub down: bool,
    pub declared: bool,
    pub hours_down: f64,
    pub responders: Vec<String>,
    pub offers: Vec<BridgeOfferView>,
    /// On an open bridge: who may be sent back, and who may be called on.
    pub leave: Vec<(String, PlayerCommand)>,
    pub join: Vec<(String, PlayerCommand)>,
    /// Recent logged changes to the system: what the change log can tell the bridge.
    pub change_log: Vec<ChangeLogEntry>,
    /// How far back the change log is read.
    pub change_log_hours: f64,
}

/// Something the player may do with the selected card, and whether they may now.
#[derive(Clone, Debug, PartialEq)]
pub struct CardAction {
    pub label: &'static str,
    /// Its key on the keyboard.
    pub key: &'static str,
    pub command: PlayerCommand,
    pub allowed: Result<(), String>,
}

/// The card the player picked, with what may be done to it.
#[derive(Clone, Debug, PartialEq)]
pub struct SelectedCard {
    pub card: CardView,
    pub actions: Vec<CardAction>,
    /// Whether it may go to each person (in team order), and why not.
    pub assign: Vec<(PersonId, Result<(), String>)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PolicyView {
    pub policy: Policy,
    pub on: bool,
    pub label: &'static str,
    pub help: &'static str,
}

/// Everything the operations screen shows.
#[derive(Resource, Clone, Debug, Default, PartialEq)]
pub struct OpsView {
    pub chapter: u32,
    pub title: String,
    pub clock: String,
    pub tick: u32,
    pub hours_left: u32,
    pub columns: Vec<ColumnView>,
    pub wip_limits_unlocked: bool,
    pub people: Vec<PersonView>,
    /// The constraint's name, for the buttons that keep them out ("without Brent").
    pub constraint: Option<String>,
    pub incidents: Vec<IncidentView>,
    pub policies: Vec<PolicyView>,
    pub documentation_unlocked: bool,
    pub revenue_lost: f64,
    pub share_price: f64,
    pub audit_findings: i64,
    /// Of those, the ones earlier chapters left open.
    pub carried_findings: i64,
    pub refusal: Option<String>,
    pub awaiting_choice: bool,
    /// Each objective with its goal and where it stands now.
    pub objectives: Vec<ObjectiveStatus>,
    /// The deployment batch size, when the player may change it.
    pub batch_size: Option<u32>,
    /// Systems carrying other than ordinary traffic, and what it costs.
    pub traffic: Vec<crate::sim::business::Strain>,
    pub selected: Option<SelectedCard>,
    /// The latest news, each with its place in the chapter's news (to tell what is new).
    pub news: Vec<(usize, crate::sim::news::NewsItem)>,
    /// What the player has done so far, counted for the guide.
    pub done: Tally,
}

/// Commands carried out so far this chapter, by what they did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub given: u32,
    pub bridges: u32,
    pub bridges_without_constraint: u32,
    pub hours: u32,
    /// Favours taken off the constraint's desk: given to someone else, or deflected.
    pub favours_moved: u32,
    pub resolved: u32,
}

impl OpsView {
    pub fn cards(&self) -> impl Iterator<Item = &CardView> {
        self.columns.iter().flat_map(|c| c.cards.iter())
    }

    pub fn card(&self, id: TicketId) -> Option<&CardView> {
        self.cards().find(|c| c.id == id)
    }

    pub fn approvals(&self) -> impl Iterator<Item = &CardView> {
        self.cards().filter(|c| c.needs_approval)
    }

    pub fn shielded_requests(&self) -> impl Iterator<Item = &CardView> {
        self.cards().filter(|c| c.shielded_request)
    }

    /// Cards in the order the screen shows them: column by column, top to bottom.
    pub fn cards_on_screen(&self) -> impl Iterator<Item = &CardView> {
        self.columns
            .iter()
            .filter(|c| shown(c))
            .flat_map(|c| c.cards.iter())
    }

    /// Columns on screen: Awaiting CAB only while the CAB holds something.
    pub fn shown_columns(&self) -> impl Iterator<Item = &ColumnView> {
        self.columns.iter().filter(|c| shown(c))
    }
}

fn shown(column: &ColumnView) -> bool {
    column.column != Column::Approval || !column.cards.is_empty()
}

/// How many finished cards the Done column keeps on screen.
const DONE_SHOWN: usize = 30;

/// The view of the world, with `selected` the card the player has picked.
pub fn build(world: &World, selected: Option<TicketId>) -> OpsView {
    let clock = world.resource::<Clock>();
    let policies = world.resource::<Policies>();
    let level = &world.resource::<CurrentLevel>().0;
    let business = world.resource::<Business>();
    let columns = columns(world);
    let selected = selected.and_then(|id| {
        let card = columns.iter().flat_map(|c| &c.cards).find(|c| c.id == id)?;
        Some(select(world, card.clone()))
    });
    OpsView {
        chapter: level.chapter,
        title: level.title.clone(),
        clock: clock.label(),
        tick: clock.tick,
        hours_left: clock.end.saturating_sub(clock.tick),
        columns,
        wip_limits_unlocked: policies.unlocked.contains(&Policy::WipLimits),
        people: people(world),
        constraint: board::all_people(world)
            .into_iter()
            .find(|p| p.constraint)
            .map(|p| p.name.split_whitespace().next().unwrap_or("").to_owned()),
        incidents: incidents(world),
        policies: Policy::ALL
            .iter()
            .filter(|p| p.is_switch() && policies.unlocked.contains(p))
            .map(|&p| PolicyView {
                policy: p,
                on: policies.on(p),
                label: p.label(),
                help: p.help(),
            })
            .collect(),
        documentation_unlocked: policies.unlocked.contains(&Policy::Documentation),
        revenue_lost: business.revenue_lost,
        share_price: business.share_price(&level.tuning),
        audit_findings: business.audit_findings,
        carried_findings: business.carried_findings,
        refusal: world
            .resource::<CommandLog>()
            .last_refusal()
            .map(str::to_owned),
        awaiting_choice: world.resource::<Story>().awaiting_choice.is_some(),
        objectives: objectives(world, level),
        traffic: world
            .resource::<Traffic>()
            .unusual(level, business.revenue_per_day),
        batch_size: level
            .deployment
            .as_ref()
            .filter(|_| policies.unlocked.contains(&Policy::SmallBatches))
            .map(|d| policies.batch_size.unwrap_or(d.batch_size)),
        selected,
        news: news(world),
        done: tally(world),
    }
}

/// How many news items the view carries (the screen shows the newest few).
const NEWS_KEPT: usize = 30;

fn news(world: &World) -> Vec<(usize, crate::sim::news::NewsItem)> {
    let all = &world.resource::<crate::sim::news::News>().0;
    let skip = all.len().saturating_sub(NEWS_KEPT);
    all.iter().cloned().enumerate().skip(skip).collect()
}

fn tally(world: &World) -> Tally {
    let constraint = |id: PersonId| board::person(world, id).is_some_and(|p| p.constraint);
    let favour = |ticket: TicketId| {
        board::ticket(world, ticket).is_some_and(
            |t| matches!(t.origin, Origin::Interrupt { for_person } if constraint(for_person)),
        )
    };
    let mut tally = Tally::default();
    let log = world.resource::<CommandLog>();
    for logged in log.0.iter().filter(|c| c.refused.is_none()) {
        match &logged.command {
            PlayerCommand::Assign { ticket, person } => {
                tally.given += 1;
                if favour(*ticket) && !constraint(*person) {
                    tally.favours_moved += 1;
                }
            }
            PlayerCommand::DeflectInterrupt { ticket } if favour(*ticket) => {
                tally.favours_moved += 1
            }
            PlayerCommand::DeclareSev1 { responders, .. } => {
                tally.bridges += 1;
                if !responders.iter().any(|&r| constraint(r)) {
                    tally.bridges_without_constraint += 1;
                }
            }
            PlayerCommand::Advance { hours } => tally.hours += hours,
            PlayerCommand::ResolveSev1 { .. } => tally.resolved += 1,
            _ => {}
        }
    }
    tally
}

fn name_of(world: &World, id: PersonId) -> Option<String> {
    board::person(world, id).map(|p| p.name.clone())
}

fn card(world: &World, ticket: &crate::sim::Ticket, column: Column) -> CardView {
    let policies = world.resource::<Policies>();
    let level = &world.resource::<CurrentLevel>().0;
    let now = world.resource::<Clock>().now();
    let traced = policies.unlocked.contains(&Policy::ObjectiveLinks);
    let holder = ticket.holder.and_then(|id| board::person(world, id));
    let total: f64 = ticket.route.iter().map(|s| s.hours).sum();
    let done: f64 = ticket
        .route
        .iter()
        .take(ticket.step)
        .map(|s| s.hours)
        .sum::<f64>()
        + ticket
            .current_step()
            .map_or(0.0, |s| (s.hours - ticket.remaining).max(0.0));
    let skill = ticket.current_step().map(|s| s.skill.as_str());
    let people = board::all_people(world);
    let who_can: Vec<&crate::sim::Person> = skill.map_or(Vec::new(), |skill| {
        people
            .iter()
            .copied()
            .filter(|p| p.has_skill(skill))
            .collect()
    });
    let on_bridge = matches!(ticket.origin, Origin::Incident(id)
        if world.resource::<Incidents>().get(id).is_some_and(|i| i.declared));
    CardView {
        id: ticket.id,
        title: ticket.title.clone(),
        kind: ticket.kind,
        column,
        route: ticket
            .route
            .iter()
            .map(|s| (s.skill.clone(), s.hours))
            .collect(),
        step: ticket.step,
        remaining: ticket.remaining,
        progress: if total > 0.0 {
            (done / total).clamp(0.0, 1.0) as f32
        } else {
            1.0
        },
        age: ticket.age(now),
        waited: ticket.waited(now),
        due: ticket.due.map(|d| time_of(f64::from(d), level.days)),
        late: ticket.was_late(now),
        risk: ticket.risk,
        system: ticket
            .system
            .as_ref()
            .map(|s| level.system(s).map_or(s.clone(), |d| d.name.clone())),
        holder: holder.map(|p| (p.key.clone(), p.name.clone())),
        holder_away: holder.is_some_and(|p| !p.works_at(world.resource::<Clock>().tick)),
        at_constraint: holder.is_some_and(|p| p.constraint)
            || (!who_can.is_empty() && who_can.iter().all(|p| p.constraint)),
        on_bridge,
        needs_approval: needs_approval(ticket, policies),
        shielded_request: matches!(ticket.origin, Origin::Interrupt { .. })
            && ticket.state == TicketState::Backlog,
        critical: ticket.critical,
        value: traced.then_some(ticket.value),
        retirable: traced && board::is_retirable(ticket),
        who_can: who_can.iter().map(|p| p.name.clone()).collect(),
    }
}

/// The board's columns with their cards, in a stable order (oldest first, so a new card
/// never pushes the others down); Done keeps only the latest few, newest first.
fn columns(world: &World) -> Vec<ColumnView> {
    let policies = world.resource::<Policies>();
    let mut columns: Vec<ColumnView> = Column::ALL
        .iter()
        .map(|&column| ColumnView {
            column,
            limit: policies.wip_limit(column),
            count: board::column_count(world, column),
            over_limit: board::over_limit(world, column),
            cards: Vec::new(),
        })
        .collect();
    for ticket in board::all_tickets(world)
        .into_iter()
        .filter(|t| t.state != TicketState::Dropped)
    {
        let column = column_of(ticket, policies);
        columns[column as usize]
            .cards
            .push(card(world, ticket, column));
    }
    let done = &mut columns[Column::Done as usize].cards;
    done.reverse();
    done.truncate(DONE_SHOWN);
    columns
}

/// What may be done to the picked card, each asked of the simulation.
fn select(world: &World, card: CardView) -> SelectedCard {
    let ticket = card.id;
    let mut actions = Vec::new();
    let mut offer = |label, key, command: PlayerCommand| {
        let allowed = check(world, &command);
        actions.push(CardAction {
            label,
            key,
            command,
            allowed,
        });
    };
    if card.needs_approval {
        offer("Approve", "Y", PlayerCommand::ApproveChange { ticket });
        offer("Reject", "R", PlayerCommand::RejectChange { ticket });
    }
    if card.shielded_request {
        offer("Deflect", "X", PlayerCommand::DeflectInterrupt { ticket });
    }
    if card.retirable {
        offer(
            "Retire: serves no objective",
            "T",
            PlayerCommand::RetireWork { ticket },
        );
    }
    if card.column == Column::Ready {
        offer("Back to backlog", "U", PlayerCommand::Unassign { ticket });
    }
    let assign = board::all_people(world)
        .into_iter()
        .map(|p| {
            let command = PlayerCommand::Assign {
                ticket,
                person: p.id,
            };
            (p.id, check(world, &command))
        })
        .collect();
    SelectedCard {
        card,
        actions,
        assign,
    }
}

fn people(world: &World) -> Vec<PersonView> {
    let tick = world.resource::<Clock>().tick;
    let metrics = world.resource::<Metrics>();
    let documentation = world
        .resource::<Policies>()
        .unlocked
        .contains(&Policy::Documentation);
    let tickets = board::all_tickets(world);
    board::all_people(world)
        .into_iter()
        .enumerate()
        .map(|(i, p)| PersonView {
            id: p.id,
            key: p.key.clone(),
            name: p.name.clone(),
            role: p.role.clone(),
            skills: p.skills.iter().cloned().collect(),
            constraint: p.constraint,
            hours_per_day: p.hours_per_day,
            queue: p
                .queue
                .iter()
                .filter_map(|&t| tickets.get(t.0 as usize))
                .map(|t| (t.id, t.title.clone()))
                .collect(),
            queue_hours: board::queue_hours(world, p),
            utilization: p.stats.utilization(),
            busy_last_hour: metrics
                .people
                .get(i)
                .and_then(|s| s.busy.last().copied())
                .unwrap_or(0.0),
            at_work: p.works_at(tick),
            on_bridge: p.on_bridge.is_some(),
            teachable: if documentation {
                crate::sim::documentation::teachable(world, p.id)
            } else {
                Vec::new()
            },
        })
        .collect()
}

/// Open incidents, with the bridges the player could open and what the change log knows.
fn incidents(world: &World) -> Vec<IncidentView> {
    let level = &world.resource::<CurrentLevel>().0;
    let now = world.resource::<Clock>().now();
    world
        .resource::<Incidents>()
        .0
        .iter()
        .filter(|i| i.resolved.is_none())
        .map(|i| IncidentView {
            id: i.id,
            title: i.title.clone(),
            system: level
                .system(&i.system)
                .map_or(i.system.clone(), |s| s.name.clone()),
            sev1: i.sev1,
            down: i.is_down(),
            declared: i.declared,
            hours_down: i.time_to_restore(now),
            responders: i
                .responders
                .iter()
                .filter_map(|&r| name_of(world, r))
                .collect(),
            leave: i
                .responders
                .iter()
                .filter_map(|&r| Some((name_of(world, r)?, r)))
                .map(|(name, person)| {
                    (
                        name,
                        PlayerCommand::LeaveBridge {
                            incident: i.id,
                            person,
                        },
                    )
                })
                .filter(|(_, c)| i.declared && check(world, c).is_ok())
                .collect(),
            join: crate::sim::bridge::candidates(world, i)
                .into_iter()
                .filter_map(|r| Some((name_of(world, r)?, r)))
                .map(|(name, person)| {
                    (
                        name,
                        PlayerCommand::JoinBridge {
                            incident: i.id,
                            person,
                        },
                    )
                })
                .filter(|(_, c)| i.declared && check(world, c).is_ok())
                .collect(),
            offers: crate::sim::bridge::offers(world, i)
                .into_iter()
                .map(|offer| BridgeOfferView {
                    without_constraint: offer.without_constraint,
                    names: offer
                        .responders
                        .iter()
                        .filter_map(|&r| name_of(world, r))
                        .collect(),
                    command: PlayerCommand::DeclareSev1 {
                        incident: i.id,
                        responders: offer.responders,
                    },
                    allowed: offer.allowed,
                })
                .collect(),
            change_log: crate::sim::incidents::change_log(world, i)
                .into_iter()
                .map(|t| ChangeLogEntry {
                    title: t.title.clone(),
                    finished_at: time_of(t.finished.unwrap_or(0.0), level.days),
                })
                .collect(),
            change_log_hours: level.tuning.recent_change_hours,
        })
        .collect()
}

fn objectives(world: &World, level: &crate::level::Level) -> Vec<ObjectiveStatus> {
    let summary = crate::sim::summary::summarize(world);
    level
        .objectives
        .iter()
        .map(|o| crate::sim::objectives::status(world, &summary, o))
        .collect()
}
