//! The live class (`parts-unlimited serve`), end to end on loopback: the real server binary,
//! real HTTP. Bad requests are refused with the right status and the server keeps serving;
//! sixty students post a whole campaign each and the live roll-up equals `class-report`'s;
//! a restart loses nothing, and a game's record that could not be sent gets through after.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use bevy::prelude::*;
use parts_unlimited::classroom::ClassCode;
use parts_unlimited::classroom::live::protocol::Joined;
use parts_unlimited::classroom::live::{LiveClass, LiveServer, LiveStatus, record_for};
use parts_unlimited::classroom::report::{PlayedChapter, SessionReport};
use parts_unlimited::classroom::rollup::{Handed, roll_up};
use parts_unlimited::level::{LevelSource, LoadedCampaign, load_campaign};
use parts_unlimited::policy::{ScriptedPlayer, play_chapter};
use parts_unlimited::save::{SaveFiles, SaveGame, SaveNotice};

const CODE: &str = "LIVE-1";

/// The class server, as an instructor starts it; killed when dropped.
struct Server {
    child: Child,
    base: String,
    token: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    fn start(db: &Path, port: u16) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_parts-unlimited"))
            .args([
                "serve",
                "--class",
                CODE,
                "--bind",
                "127.0.0.1",
                "--dist",
                "/nonexistent",
            ])
            .args(["--port", &port.to_string(), "--db"])
            .arg(db)
            .stdout(Stdio::piped())
            .spawn()
            .expect("the game binary runs");
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let (mut base, mut token) = (None, None);
        while token.is_none() {
            let line = lines.next().expect("serve prints its addresses").unwrap();
            if let Some(at) = line.split("listening on ").nth(1) {
                base = Some(format!("http://{at}/"));
            }
            if let Some(t) = line.split("token=").nth(1) {
                token = Some(t.trim().to_owned());
            }
        }
        // Keep reading what it prints, so it never blocks on a full pipe.
        std::thread::spawn(move || lines.for_each(drop));
        Server {
            child,
            base: base.unwrap(),
            token: token.unwrap(),
        }
    }

    fn port(&self) -> u16 {
        self.base
            .rsplit(':')
            .next()
            .unwrap()
            .trim_end_matches('/')
            .parse()
            .unwrap()
    }

    /// Resident memory of the server process, in KiB.
    fn rss_kib(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).unwrap();
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .and_then(|v| v.split_whitespace().next()?.parse().ok())
            .unwrap()
    }

    fn get(&self, path: &str, token: Option<&str>) -> ehttp::Response {
        let mut request = ehttp::Request::get(format!("{}{path}", self.base));
        if let Some(token) = token {
            request
                .headers
                .insert("Authorization", format!("Bearer {token}"));
        }
        ehttp::fetch_blocking(&request).expect("the server answers")
    }

    fn post(&self, path: &str, token: Option<&str>, body: impl Into<Vec<u8>>) -> ehttp::Response {
        let mut request = ehttp::Request::post(format!("{}{path}", self.base), body.into());
        if let Some(token) = token {
            request
                .headers
                .insert("Authorization", format!("Bearer {token}"));
        }
        ehttp::fetch_blocking(&request).expect("the server answers")
    }

    /// Declares a 3 MiB record and reads the answer before sending any of it (a client that
    /// kept writing could see its connection reset instead of the refusal).
    fn declare_oversized(&self, path: &str, token: &str) -> u16 {
        use std::io::{Read, Write};
        let mut stream = std::net::TcpStream::connect(("127.0.0.1", self.port())).unwrap();
        write!(
            stream,
            "POST /{path} HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {token}\r\nContent-Length: {}\r\n\r\n",
            3 * 1024 * 1024
        )
        .unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        let mut answer = [0u8; 64];
        let n = stream
            .read(&mut answer)
            .expect("the server answers at once");
        let line = String::from_utf8_lossy(&answer[..n]).to_string();
        line.split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0)
    }

    fn join(&self, name: &str) -> Joined {
        let response = self.post("api/join", None, format!(r#"{{"name":"{name}"}}"#));
        assert_eq!(response.status, 200, "{}", response.text().unwrap_or(""));
        serde_json::from_str(response.text().unwrap()).unwrap()
    }

    fn instructor(&self, path: &str) -> String {
        let response = self.get(&format!("{path}?token={}&names=1", self.token), None);
        assert_eq!(response.status, 200);
        response.text().unwrap().to_owned()
    }
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pu-live-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn campaign() -> LoadedCampaign {
    load_campaign(&LevelSource::Embedded).unwrap()
}

/// Every chapter of the campaign, played once on the class's seed by the flow player.
fn played_campaign(campaign: &LoadedCampaign) -> Vec<(u32, PlayedChapter)> {
    let seed = ClassCode::parse(CODE).unwrap().seed();
    campaign
        .chapters()
        .map(|level| {
            let played = play_chapter(level, seed, ScriptedPlayer::Flow);
            (
                level.chapter,
                PlayedChapter::new(level, seed, &played.result, played.log.commands()),
            )
        })
        .collect()
}

/// A student's save after playing `chapters`, with an answer of their own to each.
fn save_of(name: &str, chapters: &[(u32, PlayedChapter)]) -> SaveGame {
    let mut save = SaveGame::default();
    save.join_class(&ClassCode::parse(CODE).unwrap());
    save.student = name.to_owned();
    for (number, played) in chapters {
        save.record(*number, played.stars, vec![]);
        let record = save.chapters.get_mut(number).unwrap();
        record.questions = vec!["What held the work up?".into()];
        record.answers = vec![format!("{name} thinks it was chapter {number}'s queue")];
        record.played = Some(played.clone());
    }
    save
}

fn one_chapter(save: &SaveGame, chapter: u32) -> String {
    record_for(save, chapter, &save.student).unwrap().to_json()
}

#[test]
fn bad_requests_are_refused_and_the_server_keeps_serving() {
    let dir = temp_dir("bad");
    let server = Server::start(&dir.join("class.sqlite"), 0);
    let campaign = campaign();
    let chapter = played_campaign(&campaign)
        .into_iter()
        .take(1)
        .collect::<Vec<_>>();
    let ada = server.join("Ada");
    let grace = server.join("Grace");
    let record = one_chapter(&save_of("Ada", &chapter), 1);

    let status = |r: ehttp::Response| r.status;
    // No token, a made-up one, and another student's.
    assert_eq!(status(server.post("api/record", None, record.clone())), 401);
    assert_eq!(
        status(server.post("api/record", Some("0123"), record.clone())),
        401
    );
    assert_eq!(
        status(server.post("api/record", Some(&grace.token), record.clone())),
        403
    );
    // Malformed, tampered with, oversized.
    assert_eq!(
        status(server.post("api/record", Some(&ada.token), "{not json")),
        400
    );
    let tampered = record.replace(
        "Ada thinks it was chapter 1's queue",
        "Ada knew it all along",
    );
    assert_ne!(tampered, record, "the test changed the record");
    assert_eq!(
        status(server.post("api/record", Some(&ada.token), tampered)),
        422
    );
    assert_eq!(server.declare_oversized("api/record", &ada.token), 413);
    assert_eq!(status(server.post("api/join", None, "{\"name\": 7}")), 400);
    assert_eq!(
        status(server.post("api/join", None, r#"{"name":"  "}"#)),
        400
    );
    assert_eq!(
        status(server.post("api/join", None, r#"{"name":"ada"}"#)),
        409
    );
    // The instructor's pages: not without the token, not with a student's.
    for path in [
        "instructor",
        "api/instructor/class.csv",
        "api/instructor/summary.md",
    ] {
        assert_eq!(status(server.get(path, None)), 401, "{path}");
        assert_eq!(status(server.get(path, Some(&ada.token))), 401, "{path}");
    }
    assert_eq!(
        status(server.post(
            "api/instructor/call",
            Some(&ada.token),
            r#"{"kind":"sev1"}"#
        )),
        401
    );
    let call = format!("api/instructor/call?token={}", server.token);
    assert_eq!(
        status(server.post(&call, None, r#"{"kind":"meteor"}"#)),
        400
    );
    // Still serving: the real record goes in, and is on the roll.
    assert_eq!(
        status(server.post("api/record", Some(&ada.token), record)),
        200
    );
    assert_eq!(
        status(server.get("api/inbox?after=0", Some(&grace.token))),
        200
    );
    assert!(
        server
            .instructor("api/instructor/class.csv")
            .contains("\nAda,1,")
    );
}

#[test]
fn sixty_students_post_a_campaign_each_and_the_roll_up_is_class_reports() {
    let dir = temp_dir("load");
    let server = Server::start(&dir.join("class.sqlite"), 0);
    let chapters = played_campaign(&campaign());
    let names: Vec<String> = (1..=60).map(|i| format!("Student {i:02}")).collect();
    // They join at once too (each in a thread of its own), and are seated in some order.
    let mut seats: Vec<Joined> = std::thread::scope(|scope| {
        let joining: Vec<_> = names
            .iter()
            .map(|n| scope.spawn(|| server.join(n)))
            .collect();
        joining.into_iter().map(|j| j.join().unwrap()).collect()
    });
    assert_eq!(seats.len(), 60);
    // The roll lists students in the order they were seated.
    seats.sort_by_key(|seat| seat.student);
    let names: Vec<String> = seats.iter().map(|seat| seat.name.clone()).collect();
    let saves: Vec<SaveGame> = names.iter().map(|n| save_of(n, &chapters)).collect();
    let bodies: Vec<Vec<String>> = saves
        .iter()
        .map(|save| {
            chapters
                .iter()
                .map(|(c, _)| one_chapter(save, *c))
                .collect()
        })
        .collect();

    // Every student's records, posted by eight workers at once (a bounded number of requests
    // in flight), twice over: the second round replaces, and must not grow the server.
    let post_all = || {
        let jobs: Vec<(usize, usize)> = (0..saves.len())
            .flat_map(|s| (0..chapters.len()).map(move |c| (s, c)))
            .collect();
        let next = std::sync::atomic::AtomicUsize::new(0);
        std::thread::scope(|scope| {
            for _ in 0..8 {
                scope.spawn(|| {
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(&(s, chapter)) = jobs.get(i) else {
                            break;
                        };
                        let body = bodies[s][chapter].clone();
                        let answer = server.post("api/record", Some(&seats[s].token), body);
                        assert_eq!(answer.status, 200, "{}", answer.text().unwrap_or(""));
                    }
                });
            }
        });
    };
    post_all();
    let after_first = server.rss_kib();
    post_all();
    let after_second = server.rss_kib();
    println!(
        "server memory: {after_first} KiB after a campaign from 60 students, {after_second} KiB after a second"
    );
    assert!(
        after_second < after_first + after_first / 5,
        "memory grew from {after_first} KiB to {after_second} KiB"
    );

    // Nothing lost: the live roll-up is what class-report makes of the same students' files.
    let files: Vec<Handed> = saves
        .iter()
        .map(|save| Handed {
            name: save.student.clone(),
            text: SessionReport::from_save(save).to_json(),
        })
        .collect();
    let offline = roll_up(&files, vec![], Some(CODE), true);
    assert_eq!(offline.merged.len(), 60);
    assert_eq!(server.instructor("api/instructor/class.csv"), offline.csv);
    assert_eq!(
        server.instructor("api/instructor/summary.md"),
        offline.summary
    );
    assert_eq!(offline.csv.lines().count(), 1 + 60 * chapters.len());
}

/// A game as the screens run it, without a window: the classroom's live plugin on a save.
fn seated_game(base: &str, save: SaveGame, dir: &Path) -> App {
    let mut app = App::new();
    app.add_plugins(MinimalPlugins)
        .insert_resource(save)
        .insert_resource(SaveFiles::in_dir(dir))
        .insert_resource(SaveNotice::default())
        .insert_resource(LiveServer(Some(base.to_owned())))
        .add_plugins(parts_unlimited::classroom::live::plugin);
    app
}

/// Whether the server has taken `chapter`'s record as the game has it.
fn delivered(world: &World, chapter: u32) -> bool {
    world
        .resource::<SaveGame>()
        .live
        .as_ref()
        .is_some_and(|seat| seat.delivered.contains_key(&chapter))
}

/// Runs the game until `done`, or fails after a while.
fn run_until(app: &mut App, what: &str, done: impl Fn(&World) -> bool) {
    let start = Instant::now();
    while !done(app.world()) {
        assert!(start.elapsed() < Duration::from_secs(30), "never: {what}");
        app.update();
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_restart_loses_nothing_and_what_was_not_sent_gets_through_after() {
    let dir = temp_dir("restart");
    let db = dir.join("class.sqlite");
    let chapters: Vec<_> = played_campaign(&campaign()).into_iter().take(2).collect();
    let server = Server::start(&db, 0);
    let port = server.port();
    let base = server.base.clone();

    // A game joins by itself (the name is known), and delivers chapter 1.
    let save = SaveGame {
        student: "Linus".into(),
        ..SaveGame::default()
    };
    let mut game = seated_game(&base, save, &dir);
    run_until(&mut game, "seated", |w| {
        w.resource::<LiveClass>().status == LiveStatus::Seated
    });
    let played = save_of("Linus", &chapters[..1]);
    game.world_mut().resource_mut::<SaveGame>().chapters = played.chapters.clone();
    run_until(&mut game, "chapter 1 delivered", |w| delivered(w, 1));
    let before = server.instructor("api/instructor/class.csv");
    assert!(before.contains("\nLinus,1,"), "{before}");

    // The server goes down; chapter 2 is played meanwhile and cannot be sent.
    drop(server);
    let both = save_of("Linus", &chapters);
    game.world_mut().resource_mut::<SaveGame>().chapters = both.chapters.clone();
    run_until(&mut game, "the server missed", |w| {
        matches!(w.resource::<LiveClass>().status, LiveStatus::Unreachable(_))
    });
    assert!(
        !game
            .world()
            .resource::<SaveGame>()
            .live
            .as_ref()
            .unwrap()
            .delivered
            .contains_key(&2)
    );

    // Back on the same port and database: chapter 1 is still there, chapter 2 arrives.
    let server = Server::start(&db, port);
    assert_eq!(server.instructor("api/instructor/class.csv"), before);
    run_until(&mut game, "chapter 2 delivered", |w| delivered(w, 2));
    let after = server.instructor("api/instructor/class.csv");
    assert!(
        after.contains("\nLinus,1,") && after.contains("\nLinus,2,"),
        "{after}"
    );
    // The facilitator's call reaches the seated game.
    let call = format!("api/instructor/call?token={}", server.token);
    assert_eq!(server.post(&call, None, r#"{"kind":"sev1"}"#).status, 200);
    run_until(&mut game, "the Sev 1 call", |w| {
        !w.resource::<LiveClass>().pending_calls().is_empty()
    });
}

#[test]
fn a_server_that_no_longer_knows_the_seat_asks_for_the_name_again_and_gets_everything() {
    let dir = temp_dir("reseat");
    let chapters: Vec<_> = played_campaign(&campaign()).into_iter().take(1).collect();
    let first = Server::start(&dir.join("first.sqlite"), 0);
    let port = first.port();
    let mut save = save_of("Margaret", &[]);
    save.live = None;
    let mut game = seated_game(&first.base, save, &dir);
    run_until(&mut game, "seated", |w| {
        w.resource::<LiveClass>().status == LiveStatus::Seated
    });
    game.world_mut().resource_mut::<SaveGame>().chapters = save_of("Margaret", &chapters).chapters;
    run_until(&mut game, "chapter 1 delivered", |w| delivered(w, 1));

    // The instructor starts the class afresh on the same address: the old seat is unknown.
    drop(first);
    let second = Server::start(&dir.join("second.sqlite"), port);
    run_until(&mut game, "asked for the name again", |w| {
        matches!(
            &w.resource::<LiveClass>().status,
            LiveStatus::NameNeeded { why: Some(_), .. }
        )
    });
    assert!(game.world().resource::<SaveGame>().live.is_none());
    // The player joins again; what they played is delivered to the new class.
    game.world_mut()
        .resource_mut::<LiveClass>()
        .join("Margaret");
    run_until(&mut game, "chapter 1 delivered again", |w| delivered(w, 1));
    assert!(
        second
            .instructor("api/instructor/class.csv")
            .contains("\nMargaret,1,")
    );
}
