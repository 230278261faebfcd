//! The class server's HTTP face. Students' games: `/api/class`, `/api/join`, `/api/record`,
//! `/api/inbox` (a student token in `Authorization: Bearer`). The instructor: `/instructor`
//! and `/api/instructor/…` (the instructor token, in the link or the header). Everything else
//! is the browser build. Every body is size-limited and every refusal is a 4xx with a reason.

use std::convert::Infallible;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::sse::{Event as SseEvent, KeepAlive, Sse};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use futures_util::Stream;
use serde::Deserialize;

use super::Class;
use super::class::Refusal;
use crate::classroom::live::protocol::{self, Call, ClassInfo, Inbox, JoinRequest};

/// The largest request a student's game or the instructor sends, a record aside.
const MAX_BODY: usize = 16 * 1024;
/// A chapter's record with its whole command log is far smaller than this.
const MAX_RECORD: usize = 2 * 1024 * 1024;

const DASHBOARD: &str = include_str!("dashboard.html");

type Shared = State<Arc<Class>>;

pub fn router(class: Arc<Class>, dist: Option<PathBuf>) -> Router {
    let api = Router::new()
        .route("/api/class", get(class_info))
        .route("/api/join", post(join))
        // A record's own limit is in its handler, which reads the body itself.
        .route("/api/record", post(record))
        .route("/api/inbox", get(inbox))
        .route("/instructor", get(dashboard))
        .route("/api/instructor/stream", get(stream))
        .route("/api/instructor/{file}", get(download_roll_up))
        .route("/api/instructor/call", post(call))
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .with_state(class);
    match dist {
        Some(dir) => api.fallback_service(
            tower_http::services::ServeDir::new(dir)
                .precompressed_br()
                .precompressed_gzip(),
        ),
        None => api.fallback(no_browser_build),
    }
}

fn refuse((status, why): Refusal) -> Response {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_REQUEST);
    (status, why).into_response()
}

fn json<T: serde::Serialize>(value: &T) -> Response {
    (
        [(header::CONTENT_TYPE, "application/json")],
        serde_json::to_string(value).unwrap_or_default(),
    )
        .into_response()
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")
        .map(str::trim)
}

#[derive(Deserialize)]
struct TokenQuery {
    token: Option<String>,
    #[serde(default)]
    names: Option<u8>,
}

/// The instructor's token, from the link or the header; `Err` is the refusal to send.
fn instructor(class: &Class, query: &TokenQuery, headers: &HeaderMap) -> Result<(), Box<Response>> {
    let token = query.token.as_deref().or_else(|| bearer(headers));
    if class.is_instructor(token) {
        Ok(())
    } else {
        Err(Box::new(refuse((
            401,
            "this is the instructor's: open the link `serve` printed".into(),
        ))))
    }
}

async fn class_info(State(class): Shared) -> Response {
    json(&ClassInfo {
        format: protocol::FORMAT.into(),
        code: class.code.to_string(),
    })
}

async fn join(State(class): Shared, body: String) -> Response {
    let request: JoinRequest = match serde_json::from_str(&body) {
        Ok(request) => request,
        Err(e) => return refuse((400, format!("not a join request: {e}"))),
    };
    class
        .join(&request.name)
        .map_or_else(refuse, |joined| json(&joined))
}

async fn record(State(class): Shared, request: axum::extract::Request) -> Response {
    // A body declared too large is refused before a byte of it is read.
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok()?.parse::<usize>().ok());
    let too_large = || refuse((413, format!("a record is at most {MAX_RECORD} bytes")));
    if declared.is_some_and(|n| n > MAX_RECORD) {
        return too_large();
    }
    let token = bearer(request.headers()).map(str::to_owned);
    let body = match axum::body::to_bytes(request.into_body(), MAX_RECORD).await {
        Ok(bytes) => bytes,
        Err(_) => return too_large(),
    };
    let Ok(body) = std::str::from_utf8(&body) else {
        return refuse((400, "a record is UTF-8 JSON".into()));
    };
    match class.deliver(token.as_deref(), body) {
        Ok(stored) => json(&serde_json::json!({ "stored": stored })),
        Err(refusal) => refuse(refusal),
    }
}

#[derive(Deserialize)]
struct InboxQuery {
    #[serde(default)]
    after: i64,
    chapter: Option<u32>,
    #[serde(default)]
    screen: String,
    /// Seconds to hold the answer while there is no call yet (a long poll), at most
    /// `LONGEST_WAIT`: a waiting game costs nothing, and hears a call at once.
    #[serde(default)]
    wait: u64,
}

const LONGEST_WAIT: u64 = 30;

async fn inbox(
    State(class): Shared,
    headers: HeaderMap,
    Query(query): Query<InboxQuery>,
) -> Response {
    let token = bearer(&headers);
    let mut calls = class.last_call.subscribe();
    let events = match class.inbox(token, query.after, query.chapter, &query.screen) {
        Ok(events) => events,
        Err(refusal) => return refuse(refusal),
    };
    if !events.is_empty() || query.wait == 0 {
        return json(&Inbox { events });
    }
    let wait = Duration::from_secs(query.wait.min(LONGEST_WAIT));
    let _ = tokio::time::timeout(wait, calls.wait_for(|&last| last > query.after)).await;
    match class.inbox(token, query.after, query.chapter, &query.screen) {
        Ok(events) => json(&Inbox { events }),
        Err(refusal) => refuse(refusal),
    }
}

async fn dashboard(
    State(class): Shared,
    headers: HeaderMap,
    Query(query): Query<TokenQuery>,
) -> Response {
    if let Err(refused) = instructor(&class, &query, &headers) {
        return *refused;
    }
    Html(DASHBOARD).into_response()
}

/// The dashboard's live feed: the whole view at once, again after every change (at most
/// four times a second) and every five seconds, so "last seen" stays true.
async fn stream(
    State(class): Shared,
    headers: HeaderMap,
    Query(query): Query<TokenQuery>,
) -> Result<Sse<impl Stream<Item = Result<SseEvent, Infallible>>>, Response> {
    instructor(&class, &query, &headers).map_err(|refused| *refused)?;
    let changes = class.changed.subscribe();
    let feed = futures_util::stream::unfold(
        (class, changes, true),
        |(class, mut changes, first)| async move {
            if !first {
                tokio::select! {
                    changed = changes.changed() => {
                        if changed.is_err() {
                            return None;
                        }
                        tokio::time::sleep(Duration::from_millis(250)).await;
                        changes.borrow_and_update();
                    }
                    () = tokio::time::sleep(Duration::from_secs(5)) => {}
                }
            }
            let view = SseEvent::default().event("roll").data(class.snapshot());
            Some((Ok(view), (class, changes, false)))
        },
    );
    Ok(Sse::new(feed).keep_alive(KeepAlive::default()))
}

fn download(name: &str, kind: &str, body: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, kind.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        body,
    )
        .into_response()
}

/// `class.csv` or `summary.md`, as `class-report` writes them, at any moment.
async fn download_roll_up(
    State(class): Shared,
    headers: HeaderMap,
    Path(file): Path<String>,
    Query(query): Query<TokenQuery>,
) -> Response {
    if let Err(refused) = instructor(&class, &query, &headers) {
        return *refused;
    }
    let (csv, summary) = class.roll_up(query.names == Some(1));
    match file.as_str() {
        "class.csv" => download("class.csv", "text/csv; charset=utf-8", csv),
        "summary.md" => download("summary.md", "text/markdown; charset=utf-8", summary),
        _ => refuse((404, format!("no {file} here: class.csv or summary.md"))),
    }
}

async fn call(
    State(class): Shared,
    headers: HeaderMap,
    Query(query): Query<TokenQuery>,
    body: String,
) -> Response {
    if let Err(refused) = instructor(&class, &query, &headers) {
        return *refused;
    }
    let call: Call = match serde_json::from_str(&body) {
        Ok(call) => call,
        Err(e) => return refuse((400, format!("not a facilitator's call: {e}"))),
    };
    class.call(call).map_or_else(refuse, |event| json(&event))
}

async fn no_browser_build() -> Response {
    (
        StatusCode::NOT_FOUND,
        Html(
            "<h1>Parts Unlimited</h1><p>This class server has no browser build. \
             The instructor can make one with <code>scripts/build-web DIR</code> and restart \
             with <code>--dist DIR</code>; a desktop game joins with \
             <code>parts-unlimited --server</code> and this page's address.</p>",
        ),
    )
        .into_response()
}
