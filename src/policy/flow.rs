//! `flow`: the way the book teaches. Protect the constraint, limit work in process, log and
//! tier changes, run a Sev 1 with a bridge of the right people, document what only Brent
//! knows, retire work that serves no objective.

use super::plan::Plan;
use crate::level::{Policy, WorkKind};
use crate::sim::PlayerCommand;
use crate::sim::board::{is_retirable, needs_approval};
use crate::sim::clock::Clock;
use crate::sim::model::*;
use crate::sim::setup::CurrentLevel;

/// `flow` retires a project that serves no objective when it is worth less than this share
/// of the most valuable open work.
const RETIRE_BELOW_SHARE_OF_BEST: f64 = 0.05;

/// How much more work others may have queued than the constraint before `flow` gives him
/// work someone else could do.
const CONSTRAINT_RESERVE_HOURS: f64 = 6.0;

impl Plan<'_> {
    pub(super) fn flow(&mut self) {
        self.switch_on_policies();
        self.run_incidents();
        self.document_the_constraint();
        self.retire_unlinked_work();
        self.take_favours_off_the_constraint();
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
            if matches!(ticket.origin, Origin::Interrupt { .. }) && !others.is_empty() {
                // A favour never jumps work the chapter is judged on: it goes to someone
                // with none waiting, or the shield says no.
                let free: Vec<&Person> = others
                    .iter()
                    .copied()
                    .filter(|p| !self.has_urgent_work(p.id))
                    .collect();
                match self.least_loaded(&free) {
                    Some(person) => self.assign(ticket, person),
                    None => self.send(PlayerCommand::DeflectInterrupt { ticket: ticket.id }),
                }
                continue;
            }
            if let Some(person) = self.least_loaded(&others) {
                // Keep the constraint for what only he can do, unless the others are
                // swamped while he idles (once someone has learned his skills, say).
                let brent = qualified.iter().find(|p| p.constraint).map(|p| p.id);
                let choice = match brent {
                    Some(brent)
                        if self.load[&person] > self.load[&brent] + CONSTRAINT_RESERVE_HOURS =>
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
                let skill = self
                    .world
                    .resource::<CurrentLevel>()
                    .0
                    .system_skill(&incident.system);
                // Only people at work and not already called to another bridge this hour.
                // The least busy first: a bridge should not strand someone's queue.
                let mut free: Vec<&Person> = self
                    .qualified(&skill)
                    .into_iter()
                    .filter(|p| {
                        p.on_bridge.is_none() && p.works_at(tick) && !called.contains(&p.id)
                    })
                    .collect();
                free.sort_by(|a, b| self.load[&a.id].total_cmp(&self.load[&b.id]));
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
                        responders: responders.clone(),
                    });
                    self.free_the_queues_of(&responders);
                }
            }
            if incident.declared && !incident.is_down() && incident.resolved.is_none() {
                self.send(PlayerCommand::ResolveSev1 {
                    incident: incident.id,
                });
            }
        }
    }

    /// Whether `person` has critical or due work waiting, which a favour would hold up.
    fn has_urgent_work(&self, person: PersonId) -> bool {
        self.queue_of(person)
            .iter()
            .any(|t| t.critical || t.due.is_some())
    }

    /// People called to a bridge give back the work waiting in their queues (what they have
    /// started stays), so it goes to someone who can get on with it.
    fn free_the_queues_of(&mut self, responders: &[PersonId]) {
        for &id in responders {
            let waiting: Vec<TicketId> = self
                .queue_of(id)
                .into_iter()
                .filter(|t| {
                    t.state == TicketState::Queued
                        && !t.is_started()
                        && t.kind != WorkKind::Unplanned
                })
                .map(|t| t.id)
                .collect();
            for ticket in waiting {
                self.send(PlayerCommand::Unassign { ticket });
            }
            *self.load.entry(id).or_default() += f64::from(crate::sim::HOURS_PER_DAY);
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

    /// A favour that landed on the constraint's desk, not yet started, goes to someone else
    /// who can do it and has less waiting for them.
    fn take_favours_off_the_constraint(&mut self) {
        let favours: Vec<&Ticket> = self
            .tickets
            .iter()
            .copied()
            .filter(|t| {
                matches!(t.origin, Origin::Interrupt { .. })
                    && t.state == TicketState::Queued
                    && !t.is_started()
                    && t.holder
                        .is_some_and(|h| self.people.iter().any(|p| p.id == h && p.constraint))
            })
            .collect();
        for favour in favours {
            let Some(step) = favour.current_step() else {
                continue;
            };
            let others: Vec<&Person> = self
                .qualified(&step.skill)
                .into_iter()
                .filter(|p| !p.constraint)
                .collect();
            // Only where it lightens the constraint's day: someone with less on their desk.
            let constraint_load = favour.holder.map_or(0.0, |h| self.load[&h]);
            if let Some(person) = self.least_loaded(&others)
                && self.load[&person] < constraint_load
                && !self.has_urgent_work(person)
            {
                self.assign(favour, person);
            }
        }
    }
}
