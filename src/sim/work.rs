//! One working hour for every person: pick a task, pay for switching, make progress, hand off.

use std::collections::BTreeSet;

use bevy::prelude::*;

use super::clock::Clock;
use super::model::*;
use super::policies::{Policies, is_freezable};
use super::setup::CurrentLevel;
use crate::level::{Policy, Step, Tuning, WorkKind};

/// A ticket's last step is done; what that means is decided by `finish::on_ticket_finished`.
#[derive(Message, Clone, Copy, Debug)]
pub struct TicketFinished {
    pub ticket: TicketId,
    pub at: f64,
}

/// What may start this hour: the rules that hold a ticket back before its first touch.
struct Gates {
    doing: u32,
    doing_limit: Option<u32>,
    /// Systems with a change in progress (the change calendar keeps them to one).
    changes_running: BTreeSet<String>,
    calendar: bool,
    freeze: bool,
    /// Systems with an open Sev 1, where the CAB allows no change to start.
    sev1_systems: BTreeSet<String>,
}

impl Gates {
    fn allows(&self, ticket: &Ticket) -> bool {
        if ticket.is_started() {
            return true;
        }
        if ticket.kind != WorkKind::Unplanned
            && self.doing_limit.is_some_and(|limit| self.doing >= limit)
        {
            return false;
        }
        if ticket.is_change()
            && let Some(system) = &ticket.system
            && ((self.calendar && self.changes_running.contains(system))
                || self.sev1_systems.contains(system))
        {
            return false;
        }
        !(self.freeze && is_freezable(ticket))
    }

    fn note_start(&mut self, ticket: &Ticket) {
        self.doing += 1;
        if ticket.is_change()
            && let Some(system) = &ticket.system
        {
            self.changes_running.insert(system.clone());
        }
    }
}

/// A step finished by someone who cannot do the next one: it goes on (`handoff_choice`)
/// after the current person's hour is done.
struct Handoff {
    ticket: TicketId,
    skill: String,
    at: f64,
}

#[allow(clippy::too_many_arguments)]
pub fn work_one_hour(
    clock: Res<Clock>,
    policies: Res<Policies>,
    level: Res<CurrentLevel>,
    roster: Res<Roster>,
    board: Res<Board>,
    incidents: Res<Incidents>,
    mut people: Query<&mut Person>,
    mut tickets: Query<&mut Ticket>,
    mut finished: MessageWriter<TicketFinished>,
) {
    let mut gates = Gates {
        doing: 0,
        doing_limit: policies.wip_limit(Column::Doing),
        changes_running: BTreeSet::new(),
        calendar: policies.on(Policy::ChangeCalendar),
        freeze: policies.on(Policy::ProjectFreeze),
        sev1_systems: if policies.on(Policy::Cab) {
            incidents
                .0
                .iter()
                .filter(|i| i.sev1 && i.resolved.is_none())
                .map(|i| i.system.clone())
                .collect()
        } else {
            BTreeSet::new()
        },
    };
    for ticket in &tickets {
        if ticket.is_open() && ticket.is_started() {
            gates.note_start(ticket);
        }
    }

    let tuning = &level.0.tuning;
    let bridges = super::bridge::run_bridges(
        &clock,
        tuning,
        &board,
        &incidents,
        &people,
        &mut tickets,
        &mut finished,
    );
    let hour_start = clock.now();
    for &person_entity in &roster.0 {
        let mut handoffs = Vec::new();
        {
            let Ok(mut person) = people.get_mut(person_entity) else {
                continue;
            };
            let on_call = person.on_bridge.and_then(|id| bridges.get(&id)).copied();
            if !person.works_at(clock.tick) {
                // A bridge holds its responders past the end of their day, at a price.
                if let Some(until) = on_call {
                    let hours = until - hour_start;
                    person.stats.overtime += hours;
                    person.fatigue += hours * tuning.overtime_fatigue;
                }
                continue;
            }
            person.stats.capacity += 1.0;
            let mut shift = Shift {
                now: hour_start,
                end: hour_start + 1.0,
                tuning,
                board: &board,
                finished: &mut finished,
                handoffs: &mut handoffs,
            };
            if let Some(until) = on_call {
                person.stats.unplanned += until - shift.now;
                shift.now = until;
            }
            shift.rest(&mut person);
            shift.juggle(&mut person);
            shift.work_queue(&mut person, &mut tickets, &mut gates);
        }
        for handoff in handoffs {
            route(
                handoff,
                clock.tick,
                tuning,
                &roster,
                &board,
                &mut people,
                &mut tickets,
            );
        }
    }
}

struct Shift<'a, 'w> {
    now: f64,
    end: f64,
    tuning: &'a Tuning,
    board: &'a Board,
    finished: &'a mut MessageWriter<'w, TicketFinished>,
    handoffs: &'a mut Vec<Handoff>,
}

impl Shift<'_, '_> {
    fn left(&self) -> f64 {
        (self.end - self.now).max(0.0)
    }

    /// A night on a bridge is paid for the next day: slower, until it is slept off.
    fn rest(&mut self, person: &mut Person) {
        let lost = person.fatigue.min(self.left());
        person.fatigue -= lost;
        person.stats.tired += lost;
        self.now += lost;
    }

    /// A long to-do list costs attention: status questions, re-planning, chasing.
    fn juggle(&mut self, person: &mut Person) {
        let extra = person.queue.len().saturating_sub(1) as f64;
        let lost = (self.tuning.juggling * extra)
            .min(self.tuning.juggling_cap)
            .min(self.left());
        person.stats.juggling += lost;
        self.now += lost;
    }

    fn work_queue(
        &mut self,
        person: &mut Person,
        tickets: &mut Query<&mut Ticket>,
        gates: &mut Gates,
    ) {
        while self.left() > EPSILON {
            let Some(next) = self.pick(person, tickets, gates) else {
                return;
            };
            let Some(entity) = self.board.entity(next) else {
                return;
            };
            let Ok(ticket) = tickets.get(entity) else {
                return;
            };
            if ticket.ready_at > self.now + EPSILON {
                // Nothing to do until it lands on the desk.
                self.now = ticket.ready_at.min(self.end);
                continue;
            }
            if self.switching(person, ticket, tickets) {
                let cost = self.tuning.switch_hours.min(self.left());
                person.stats.switching += cost;
                self.now += cost;
                person.last = Some(next);
                if self.left() <= EPSILON {
                    return;
                }
            }
            let Some(mut ticket) = self
                .board
                .entity(next)
                .and_then(|e| tickets.get_mut(e).ok())
            else {
                return;
            };
            if !ticket.is_started() {
                gates.note_start(&ticket);
            }
            touch(&mut ticket, person, self.now);
            person.last = Some(next);
            let work = ticket.remaining.min(self.left());
            ticket.remaining -= work;
            ticket.touch_hours += work;
            self.now += work;
            if ticket.kind == WorkKind::Unplanned {
                person.stats.unplanned += work;
            } else {
                person.stats.planned += work;
            }
            if ticket.remaining <= EPSILON {
                let at = self.now;
                self.step_done(person, &mut ticket, at);
            }
        }
    }

    /// Whether starting on `ticket` means dropping something else or picking a dropped thing up.
    fn switching(&self, person: &Person, ticket: &Ticket, tickets: &Query<&mut Ticket>) -> bool {
        if person.last == Some(ticket.id) {
            return false;
        }
        let resuming = ticket.step_touched;
        let abandoning = person.last.is_some_and(|last| {
            person.queue.contains(&last)
                && self
                    .board
                    .entity(last)
                    .and_then(|e| tickets.get(e).ok())
                    .is_some_and(|t| t.is_open() && t.step_touched)
        });
        resuming || abandoning
    }

    /// The most urgent ticket allowed to start; among equals the one in hand, then the oldest.
    /// A ticket not yet on the desk is returned only when nothing else can be done now.
    fn pick(
        &self,
        person: &Person,
        tickets: &Query<&mut Ticket>,
        gates: &Gates,
    ) -> Option<TicketId> {
        let mut best: Option<(u8, bool, f64, TicketId)> = None;
        let mut soonest: Option<(f64, TicketId)> = None;
        for &id in &person.queue {
            let Some(ticket) = self.board.entity(id).and_then(|e| tickets.get(e).ok()) else {
                continue;
            };
            if !ticket.is_open() || !gates.allows(ticket) {
                continue;
            }
            if ticket.ready_at > self.now + EPSILON {
                if ticket.ready_at < self.end && soonest.is_none_or(|(at, _)| ticket.ready_at < at)
                {
                    soonest = Some((ticket.ready_at, id));
                }
                continue;
            }
            let key = (
                ticket.priority(),
                person.last == Some(id),
                ticket.ready_at,
                id,
            );
            let better = match best {
                None => true,
                Some(b) => {
                    (key.0, key.1) > (b.0, b.1)
                        || ((key.0, key.1) == (b.0, b.1) && (key.2, key.3) < (b.2, b.3))
                }
            };
            if better {
                best = Some(key);
            }
        }
        best.map(|b| b.3).or(soonest.map(|s| s.1))
    }

    fn step_done(&mut self, person: &mut Person, ticket: &mut Ticket, at: f64) {
        let Some(next) = complete_step(ticket, at, self.finished) else {
            person.queue.retain(|&t| t != ticket.id);
            return;
        };
        if person.has_skill(&next.skill) {
            return;
        }
        person.queue.retain(|&t| t != ticket.id);
        ticket.holder = None;
        self.handoffs.push(Handoff {
            ticket: ticket.id,
            skill: next.skill,
            at,
        });
    }
}

/// The ticket's current step is done at `at`: it moves on to the next step, which it returns,
/// or, with no step left, it is done (and `TicketFinished` says so).
pub(super) fn complete_step(
    ticket: &mut Ticket,
    at: f64,
    finished: &mut MessageWriter<TicketFinished>,
) -> Option<Step> {
    ticket.step += 1;
    ticket.step_touched = false;
    ticket.ready_at = at;
    let Some(next) = ticket.current_step().cloned() else {
        ticket.state = TicketState::Done;
        ticket.finished = Some(at);
        ticket.holder = None;
        ticket.remaining = 0.0;
        finished.write(TicketFinished {
            ticket: ticket.id,
            at,
        });
        return None;
    };
    ticket.remaining = next.hours;
    Some(next)
}

/// Records the wait before a step's first touch (against the person who took it) and the
/// ticket's start.
fn touch(ticket: &mut Ticket, person: &mut Person, now: f64) {
    if !ticket.step_touched {
        ticket.step_touched = true;
        let wait = (now - ticket.ready_at).max(0.0);
        ticket.waits.push(wait);
        person.stats.waited += wait;
        person.stats.steps_started += 1;
    }
    if ticket.started.is_none() {
        ticket.started = Some(now);
    }
}

/// Who a finished step goes to, among the people with the next step's skill (each with the
/// hours already on their desk): someone at work now before anyone gone for the day; then
/// the least loaded, the constraint counting `reserve` hours more; then the first.
pub fn handoff_choice<'a>(
    candidates: impl Iterator<Item = (&'a Person, f64)>,
    tick: u32,
    reserve: f64,
) -> Option<PersonId> {
    candidates
        .map(|(p, load)| {
            let away = !p.works_at(tick);
            let load = load + if p.constraint { reserve } else { 0.0 };
            (away, load, p.id)
        })
        .min_by(|a, b| {
            a.0.cmp(&b.0)
                .then(if (a.1 - b.1).abs() <= EPSILON {
                    std::cmp::Ordering::Equal
                } else {
                    a.1.total_cmp(&b.1)
                })
                .then(a.2.cmp(&b.2))
        })
        .map(|(_, _, id)| id)
}

fn route(
    handoff: Handoff,
    tick: u32,
    tuning: &Tuning,
    roster: &Roster,
    board: &Board,
    people: &mut Query<&mut Person>,
    tickets: &mut Query<&mut Ticket>,
) {
    let load = |person: &Person| -> f64 {
        person
            .queue
            .iter()
            .filter_map(|&t| board.entity(t).and_then(|e| tickets.get(e).ok()))
            .map(|t| t.remaining)
            .sum()
    };
    let skilled: Vec<(&Person, f64)> = roster
        .0
        .iter()
        .filter_map(|&e| people.get(e).ok())
        .filter(|p| p.has_skill(&handoff.skill))
        .map(|p| (p, load(p)))
        .collect();
    let chosen = handoff_choice(skilled.into_iter(), tick, tuning.handoff_constraint_reserve);
    let Some(entity) = chosen.and_then(|id| roster.entity(id)) else {
        return;
    };
    let Ok(mut person) = people.get_mut(entity) else {
        return;
    };
    let Some(mut ticket) = board
        .entity(handoff.ticket)
        .and_then(|e| tickets.get_mut(e).ok())
    else {
        return;
    };
    ticket.holder = Some(person.id);
    ticket.ready_at = handoff.at;
    person.queue.push(ticket.id);
}
