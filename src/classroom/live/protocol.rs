//! What the game and the class server say to each other: JSON over HTTP, the same on the
//! desktop and in the browser. Records themselves are session reports (`report.rs`), signed
//! as the hand-in file is, one chapter at a time.

use serde::{Deserialize, Serialize};

/// Names this protocol, so a game never mistakes another server for a class.
pub const FORMAT: &str = "parts-unlimited-live/1";

/// `GET /api/class`: the class this server runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClassInfo {
    pub format: String,
    pub code: String,
}

/// `POST /api/join`: a student names themself.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JoinRequest {
    pub name: String,
}

/// The seat the server gives: the token that lets this student, and only them, post records.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Joined {
    pub student: i64,
    pub name: String,
    pub token: String,
    pub code: String,
    /// The facilitator's last call so far: a new student acts only on later ones.
    pub last_event: i64,
}

/// Something the facilitator does to every student's game at once.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Call {
    /// Stop every clock until `Resume`.
    Pause,
    Resume,
    /// Take the biggest earner down now (F7).
    Sev1,
    /// Send someone to the constraint's desk now (F8).
    Brent,
    /// Put a discussion question on every screen.
    Question {
        text: String,
    },
}

impl Call {
    /// How the game tells the player what happened.
    pub fn describe(&self) -> String {
        match self {
            Call::Pause => "Your facilitator paused the room.".into(),
            Call::Resume => "Your facilitator started the clocks again.".into(),
            Call::Sev1 => "Your facilitator took the biggest earner down: a Sev 1, now.".into(),
            Call::Brent => "Your facilitator sent someone to the constraint's desk.".into(),
            Call::Question { text } => format!("A question from your facilitator: {text}"),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: i64,
    pub call: Call,
}

/// `GET /api/inbox?after=N&chapter=C&screen=S`: the calls after N (the query also tells the
/// instructor where the student is).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Inbox {
    pub events: Vec<Event>,
}

/// The longest name a student may give.
pub const MAX_NAME: usize = 60;
/// The longest question the facilitator may put up.
pub const MAX_QUESTION: usize = 500;
