//! What just happened, in words, for the player: the board announces each item, and the clock
//! pauses for the ones that need a decision. The simulation writes it as things happen; it
//! changes nothing in the game.

use bevy::prelude::*;

use super::clock::Clock;
use super::model::{IncidentId, TicketId};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NewsKind {
    /// A system that earns money is down.
    Sev1Started,
    /// Something broke that stops no revenue.
    IncidentStarted,
    Restored,
    ChangeFailed,
    TicketDone,
    /// Someone walked up to the constraint's desk, and the work landed in their queue.
    FavourForConstraint,
    /// A request for the constraint waits at the shield.
    RequestShielded,
    HourLeft,
    /// Something the chapter wants the player to know as it opens.
    Note,
}

impl NewsKind {
    /// News that needs the player's decision: the clock stops for it.
    pub fn needs_a_decision(self) -> bool {
        matches!(self, NewsKind::Sev1Started)
    }

    /// Bad news is shown in the alarm colour.
    pub fn is_bad(self) -> bool {
        matches!(
            self,
            NewsKind::Sev1Started
                | NewsKind::IncidentStarted
                | NewsKind::ChangeFailed
                | NewsKind::FavourForConstraint
        )
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct NewsItem {
    /// The hour it happened in.
    pub tick: u32,
    pub kind: NewsKind,
    pub text: String,
    pub ticket: Option<TicketId>,
    pub incident: Option<IncidentId>,
}

/// Everything announced this chapter, in order.
#[derive(Resource, Clone, Debug, Default, PartialEq)]
pub struct News(pub Vec<NewsItem>);

pub fn tell(
    world: &mut World,
    kind: NewsKind,
    text: String,
    ticket: Option<TicketId>,
    incident: Option<IncidentId>,
) {
    let tick = world.get_resource::<Clock>().map_or(0, |c| c.tick);
    if let Some(mut news) = world.get_resource_mut::<News>() {
        news.0.push(NewsItem {
            tick,
            kind,
            text,
            ticket,
            incident,
        });
    }
}
