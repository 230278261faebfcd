//! The requests a seated game makes, and what it does with each answer.

use std::sync::{Arc, Mutex};

use bevy::prelude::*;

use super::protocol::{self, Call, ClassInfo, Inbox, JoinRequest, Joined};
use super::{LiveServer, LiveWhere};
use crate::classroom::report::SessionReport;
use crate::save::{LiveSeat, SaveFiles, SaveGame};

/// Where the game stands with the class server.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum LiveStatus {
    /// Not in a live class.
    #[default]
    Off,
    /// Asking the server which class it runs.
    Looking,
    /// The class is there; the player's name is needed to join.
    NameNeeded {
        code: String,
        why: Option<String>,
    },
    Joining,
    /// Seated: records go out and calls come in.
    Seated,
    /// The server could not be reached; the game tries again.
    Unreachable(String),
}

/// An answer, filled in by the HTTP client's callback (another thread on the desktop).
type Slot = Arc<Mutex<Option<Result<ehttp::Response, String>>>>;

enum Asked {
    Class,
    Join,
    Deliver { chapter: u32, checksum: String },
    Inbox,
}

#[derive(Resource, Default)]
pub struct LiveClass {
    pub status: LiveStatus,
    /// The server's address, ending in `/`.
    base: String,
    /// The class it runs.
    pub code: String,
    asking: Option<(Asked, Slot)>,
    /// The long poll for the facilitator's calls, always out while seated.
    listening: Option<Slot>,
    /// Real time (seconds) before which no new request starts.
    quiet_until: f64,
    /// Where the server was last told the player is.
    reported: Option<LiveWhere>,
    waker: Option<Arc<dyn Fn() + Send + Sync>>,
    /// Calls for the screens to act on.
    pub(super) calls: Vec<Call>,
    /// The facilitator's question on every screen, until the player closes it.
    pub question: Option<String>,
    /// The facilitator has paused the room.
    pub held: bool,
    /// Something the player should know (a refused record), shown once.
    pub notice: Option<String>,
    /// Records not yet taken by the server.
    pub waiting: usize,
    /// The next of them to send: chapter, signed record, checksum.
    next_record: Option<(u32, String, String)>,
    /// The save changed since the records were last compared with what the server took.
    records_stale: bool,
}

/// How long to wait before trying again after the server could not be reached.
const RETRY_SECS: f64 = 3.0;

impl LiveClass {
    /// How soon this needs a frame. Answers wake the window themselves, so a seated game
    /// sleeps while it waits on the server; only a retry after a failure needs a timer.
    /// Steady values, since every change of the window's wait costs a frame of its own.
    pub fn wake_within(&self) -> Option<std::time::Duration> {
        if matches!(self.status, LiveStatus::Unreachable(_)) {
            return Some(std::time::Duration::from_secs(3));
        }
        let waiting = self.asking.is_some() || self.listening.is_some();
        (waiting && self.waker.is_none()).then_some(std::time::Duration::from_millis(250))
    }

    /// The player asked to join under `name`.
    pub fn join(&mut self, name: &str) {
        if matches!(self.status, LiveStatus::NameNeeded { .. }) && !name.trim().is_empty() {
            let body = serde_json::to_vec(&JoinRequest {
                name: name.trim().to_owned(),
            })
            .unwrap_or_default();
            self.send(Asked::Join, post(&self.base, "api/join", body, None));
            self.status = LiveStatus::Joining;
        }
    }

    fn send(&mut self, asked: Asked, request: ehttp::Request) {
        let slot = self.fetch(request);
        self.asking = Some((asked, slot));
    }

    /// Starts a request; its answer lands in the slot, and wakes the window if it sleeps.
    fn fetch(&self, request: ehttp::Request) -> Slot {
        let slot: Slot = Arc::default();
        let filled = slot.clone();
        let wake = self.waker.clone();
        ehttp::fetch(request, move |answer| {
            *filled.lock().unwrap_or_else(|p| p.into_inner()) = Some(answer);
            if let Some(wake) = wake {
                wake();
            }
        });
        slot
    }

    /// How the game's window is woken when an answer comes in (set by the screens).
    pub fn set_waker(&mut self, wake: impl Fn() + Send + Sync + 'static) {
        self.waker = Some(Arc::new(wake));
    }
}

fn post(base: &str, path: &str, body: Vec<u8>, token: Option<&str>) -> ehttp::Request {
    let mut request = ehttp::Request::post(format!("{base}{path}"), body);
    request.headers.insert("Content-Type", "application/json");
    if let Some(token) = token {
        request
            .headers
            .insert("Authorization", format!("Bearer {token}"));
    }
    request
}

/// The server's address as given: with a scheme, ending in `/`.
fn tidy_base(url: &str) -> String {
    let url = url.trim();
    let url = if url.contains("://") {
        url.to_owned()
    } else {
        format!("http://{url}")
    };
    if url.ends_with('/') {
        url
    } else {
        format!("{url}/")
    }
}

pub(super) fn look_for_the_class(given: Res<LiveServer>, mut live: ResMut<LiveClass>) {
    let Some(base) = given.0.clone().or_else(crate::platform::page_base) else {
        return;
    };
    // Asked on the first update, once the screens have said how to wake the window.
    live.base = tidy_base(&base);
    live.status = LiveStatus::Looking;
}

/// Each chapter's record, signed as the hand-in file is, in the seat's name.
fn records(save: &SaveGame, name: &str) -> Vec<SessionReport> {
    let mut report = SessionReport::from_save(save);
    report.student = name.to_owned();
    report.per_chapter().collect()
}

/// One chapter's record, as the game sends it.
pub fn record_for(save: &SaveGame, chapter: u32, name: &str) -> Option<SessionReport> {
    records(save, name)
        .into_iter()
        .find(|record| record.chapters[0].played.chapter == chapter)
}

/// How many records the server has not taken as they are now, and the first of them:
/// chapter, signed record, checksum.
fn undelivered(save: &SaveGame, seat: &LiveSeat) -> (usize, Option<(u32, String, String)>) {
    let mut first = None;
    let mut count = 0;
    for record in records(save, &seat.name) {
        let chapter = record.chapters[0].played.chapter;
        let checksum = record.checksum();
        if seat.delivered.get(&chapter) != Some(&checksum) {
            count += 1;
            if first.is_none() {
                first = Some((chapter, record.to_json(), checksum));
            }
        }
    }
    (count, first)
}

pub(super) fn drive(
    time: Res<Time<Real>>,
    mut live: ResMut<LiveClass>,
    mut save: ResMut<SaveGame>,
    files: Res<SaveFiles>,
    place: Res<LiveWhere>,
) {
    let now = time.elapsed_secs_f64();
    // Noted before any early return: change detection reports each change once.
    live.records_stale |= save.is_changed();
    let taken = |slot: &Slot| slot.lock().unwrap_or_else(|p| p.into_inner()).take();
    let mut changed = false;
    if let Some(answer) = live.asking.as_ref().and_then(|(_, slot)| taken(slot)) {
        let (asked, _) = live.asking.take().expect("an answer is to a question");
        changed |= answered(&mut live, &mut save, asked, answer, now);
    }
    if let Some(answer) = live.listening.as_ref().and_then(taken) {
        live.listening = None;
        changed |= answered(&mut live, &mut save, Asked::Inbox, answer, now);
    }
    if changed {
        // What the server took, or the seat itself, changed: compare the records again
        // (this system's own changes are not seen by its change detection).
        live.records_stale = true;
        if let Err(e) = files.store(&save) {
            warn!("{e}");
        }
    }
    if live.status == LiveStatus::Looking && live.asking.is_none() {
        let request = ehttp::Request::get(format!("{}api/class", live.base));
        live.send(Asked::Class, request);
        return;
    }
    if now < live.quiet_until
        || !matches!(live.status, LiveStatus::Seated | LiveStatus::Unreachable(_))
    {
        return;
    }
    let Some(seat) = save.live.clone() else {
        // Never reached yet: ask again which class the server runs.
        if live.asking.is_none() {
            let request = ehttp::Request::get(format!("{}api/class", live.base));
            live.send(Asked::Class, request);
        }
        return;
    };
    // Which records the server lacks, worked out again only when the save has changed.
    if live.records_stale {
        live.records_stale = false;
        let (waiting, first) = undelivered(&save, &seat);
        live.waiting = waiting;
        live.next_record = first;
    }
    if live.asking.is_none() {
        if let Some((chapter, body, checksum)) = live.next_record.clone() {
            let request = post(
                &live.base,
                "api/record",
                body.into_bytes(),
                Some(&seat.token),
            );
            live.send(Asked::Deliver { chapter, checksum }, request);
        } else if live.reported.as_ref() != Some(&*place) {
            // The player moved: the dashboard hears it now, not at the next long poll.
            live.reported = Some(place.clone());
            let request = inbox_request(&live.base, &seat, &place, 0);
            live.send(Asked::Inbox, request);
        }
    }
    if live.listening.is_none() {
        let request = inbox_request(&live.base, &seat, &place, LONG_POLL_SECS);
        live.listening = Some(live.fetch(request));
    }
}

/// How long the server may hold a request for the facilitator's calls.
const LONG_POLL_SECS: u64 = 25;

fn inbox_request(base: &str, seat: &LiveSeat, place: &LiveWhere, wait: u64) -> ehttp::Request {
    let mut url = format!(
        "{base}api/inbox?after={}&screen={}&wait={wait}",
        seat.last_event, place.screen
    );
    if let Some(chapter) = place.chapter {
        url.push_str(&format!("&chapter={chapter}"));
    }
    let mut request = ehttp::Request::get(url);
    request
        .headers
        .insert("Authorization", format!("Bearer {}", seat.token));
    request
}

/// Acts on an answer; says whether the save changed.
fn answered(
    live: &mut LiveClass,
    save: &mut SaveGame,
    asked: Asked,
    answer: Result<ehttp::Response, String>,
    now: f64,
) -> bool {
    let response = match answer {
        Ok(response) => response,
        Err(e) => {
            // Not reached: whatever was asked is asked again soon.
            live.quiet_until = now + RETRY_SECS;
            live.status = LiveStatus::Unreachable(e);
            return false;
        }
    };
    let text = response.text().unwrap_or_default().to_owned();
    match asked {
        Asked::Class => found_class(live, save, &response, &text),
        Asked::Join => seated(live, save, &response, &text),
        Asked::Deliver { chapter, checksum } => {
            if response.status == 401 {
                return lost_seat(live, save);
            }
            if response.status >= 500 {
                // The server's own trouble: the record is sent again in a moment.
                live.quiet_until = now + RETRY_SECS;
                live.status = LiveStatus::Unreachable(format!("the server said {text}"));
                return false;
            }
            // An answer to a seat lost meanwhile changes nothing.
            let Some(seat) = save.live.as_mut() else {
                return false;
            };
            if !response.ok {
                // Refused for good (it would be refused again): say so, and do not resend it.
                live.notice = Some(format!(
                    "The class server did not take chapter {chapter}'s record: {text}"
                ));
                warn!(
                    "chapter {chapter}'s record refused: {} {text}",
                    response.status
                );
            }
            live.status = LiveStatus::Seated;
            live.next_record = None;
            seat.delivered.insert(chapter, checksum);
            true
        }
        Asked::Inbox => {
            if response.status == 401 {
                return lost_seat(live, save);
            }
            let Some(seat) = save.live.as_mut() else {
                return false;
            };
            let Ok(inbox) = serde_json::from_str::<Inbox>(&text) else {
                live.quiet_until = now + RETRY_SECS;
                return false;
            };
            live.status = LiveStatus::Seated;
            // The long poll and a quick report can bring the same call: act on it once.
            let fresh: Vec<_> = inbox
                .events
                .into_iter()
                .filter(|e| e.id > seat.last_event)
                .collect();
            let changed = !fresh.is_empty();
            for event in fresh {
                seat.last_event = seat.last_event.max(event.id);
                info!("parts-unlimited: facilitator call {:?}", event.call);
                match &event.call {
                    Call::Pause => live.held = true,
                    Call::Resume => {
                        live.held = false;
                        live.calls.push(event.call);
                    }
                    Call::Question { text } => live.question = Some(text.clone()),
                    Call::Sev1 | Call::Brent => live.calls.push(event.call),
                }
            }
            changed
        }
    }
}

fn found_class(
    live: &mut LiveClass,
    save: &mut SaveGame,
    response: &ehttp::Response,
    text: &str,
) -> bool {
    let info = serde_json::from_str::<ClassInfo>(text)
        .ok()
        .filter(|info| response.ok && info.format == protocol::FORMAT);
    let Some(info) = info else {
        // An ordinary page, not a class server.
        live.status = LiveStatus::Off;
        return false;
    };
    live.code = info.code.clone();
    let seated = save
        .live
        .as_ref()
        .is_some_and(|seat| seat.server == live.base && seat.code == info.code);
    if seated {
        info!("parts-unlimited: back in the live class");
        live.status = LiveStatus::Seated;
        return false;
    }
    live.status = LiveStatus::NameNeeded {
        code: info.code,
        why: None,
    };
    // A name already given joins at once: the page joins the class by itself.
    let name = save.student.clone();
    live.join(&name);
    false
}

fn seated(
    live: &mut LiveClass,
    save: &mut SaveGame,
    response: &ehttp::Response,
    text: &str,
) -> bool {
    let joined = serde_json::from_str::<Joined>(text)
        .ok()
        .filter(|_| response.ok);
    let Some(joined) = joined else {
        live.status = LiveStatus::NameNeeded {
            code: live.code.clone(),
            why: Some(text.to_owned()),
        };
        return false;
    };
    if let Some(code) = crate::classroom::ClassCode::parse(&joined.code) {
        save.join_class(&code);
    }
    save.student = joined.name.clone();
    save.live = Some(LiveSeat {
        server: live.base.clone(),
        code: joined.code,
        name: joined.name,
        token: joined.token,
        last_event: joined.last_event,
        delivered: Default::default(),
    });
    live.status = LiveStatus::Seated;
    info!("parts-unlimited: joined the live class");
    true
}

/// The server no longer knows this seat (a new class in its place): join again.
fn lost_seat(live: &mut LiveClass, save: &mut SaveGame) -> bool {
    // Both requests may bring the news; the first one acts on it.
    let Some(seat) = save.live.take() else {
        return false;
    };
    let code = seat.code;
    live.status = LiveStatus::NameNeeded {
        code,
        why: Some("the class server no longer knows your seat: join again".into()),
    };
    true
}
