//! `naive`: the way Bill's department worked before the story. First come, first served;
//! Brent takes whatever he can do; a change meeting is a rubber stamp; no bridge, no policy.

use super::plan::Plan;
use crate::sim::PlayerCommand;
use crate::sim::board::needs_approval;
use crate::sim::model::*;

impl Plan<'_> {
    pub(super) fn naive(&mut self) {
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
}
