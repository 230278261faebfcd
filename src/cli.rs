//! The command line: play (the default), `simulate`, `check`, `class-report`. Parsed by
//! clap: every subcommand has `--help`, a wrong command line says what is wrong and exits 2,
//! and `--version` prints the version.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::level::{self, LevelSource};
use crate::policy::{ScriptedPlayer, play_chapter};

#[derive(Parser, Debug)]
#[command(
    name = "parts-unlimited",
    version,
    about = "A game of The Phoenix Project: run IT Operations at Parts Unlimited.",
    args_conflicts_with_subcommands = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    play: PlayArgs,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Play the game in a window (what happens with no subcommand).
    Play(PlayArgs),
    /// Play a chapter, or the whole campaign, with a scripted player and print the outcome.
    Simulate(SimulateArgs),
    /// Check a level file, or every level in a folder (its campaign.ron included).
    Check {
        /// A .ron level file or a folder of them.
        path: PathBuf,
    },
    /// Merge a class's session reports into DIR/class.csv and DIR/summary.md.
    ClassReport(ClassReportArgs),
    /// Run a live class: serve the browser build to the students, take their records as
    /// they play, and show the instructor a dashboard that fills by itself.
    Serve(ServeArgs),
    /// Play a chapter in real time without a window, saving as the game does (used by the
    /// tests that kill the game mid-chapter).
    #[command(hide = true)]
    Autoplay(AutoplayArgs),
}

#[derive(Args, Debug, Default)]
struct PlayArgs {
    /// Play the levels in DIR (with its campaign.ron) instead of the built-in ones.
    #[arg(long, value_name = "DIR")]
    levels: Option<PathBuf>,
    /// Join a class: every student with the same code plays the same scenario.
    #[arg(long, value_name = "CODE")]
    class: Option<String>,
    /// Large type and high contrast for a room, with the facilitator's keys.
    #[arg(long)]
    projector: bool,
    /// Walk every screen, write one picture of each into DIR, and quit.
    #[arg(long, value_name = "DIR")]
    screenshots: Option<PathBuf>,
    /// Open chapter N straight away, as the campaign map would.
    #[arg(long, value_name = "N")]
    chapter: Option<u32>,
    /// Join the live class at URL (the address `parts-unlimited serve` prints).
    #[arg(long, value_name = "URL")]
    server: Option<String>,
}

#[derive(Args, Debug)]
struct ServeArgs {
    /// The class code: every student plays the same scenario.
    #[arg(long, value_name = "CODE")]
    class: String,
    #[arg(long, value_name = "N", default_value_t = 8080)]
    port: u16,
    /// The address to listen on (all of this machine's, by default; 127.0.0.1 keeps the
    /// class on this machine).
    #[arg(long, value_name = "ADDR", default_value = "0.0.0.0")]
    bind: std::net::IpAddr,
    /// The campaign the class plays (its chapters are the ones records may be for).
    #[arg(long, value_name = "DIR")]
    levels: Option<PathBuf>,
    /// The browser build to serve (made by `scripts/build-web DIR`).
    #[arg(long, value_name = "DIR", default_value = "dist")]
    dist: PathBuf,
    /// Where the class is kept (made if missing; a restart picks the class up from it).
    #[arg(long, value_name = "FILE")]
    db: Option<PathBuf>,
}

#[derive(Copy, Clone, Debug, ValueEnum)]
enum Policy {
    /// First come, first served; Brent takes whatever he can; no change control.
    Naive,
    /// Protects Brent, limits work in process, logs changes, runs bridges.
    Flow,
}

impl From<Policy> for ScriptedPlayer {
    fn from(policy: Policy) -> Self {
        match policy {
            Policy::Naive => ScriptedPlayer::Naive,
            Policy::Flow => ScriptedPlayer::Flow,
        }
    }
}

#[derive(Args, Debug)]
#[command(group = clap::ArgGroup::new("what").required(true).args(["chapter", "campaign"]))]
struct SimulateArgs {
    /// The chapter to play.
    #[arg(long, value_name = "N")]
    chapter: Option<u32>,
    /// Play every chapter in order, carrying what each leaves to the next.
    #[arg(long)]
    campaign: bool,
    /// With --chapter: open it as the campaign reaches it, the chapters before it played in
    /// order by the same player (what they leave is printed too).
    #[arg(long, requires = "chapter")]
    carried: bool,
    #[arg(long, value_name = "S", default_value_t = 1)]
    seed: u64,
    #[arg(long, value_enum, default_value_t = Policy::Flow)]
    policy: Policy,
    /// Play the levels in DIR instead of the built-in ones.
    #[arg(long, value_name = "DIR")]
    levels: Option<PathBuf>,
}

#[derive(Args, Debug)]
struct ClassReportArgs {
    /// The session reports students handed in (the .json files).
    #[arg(required = true, value_name = "FILES")]
    files: Vec<PathBuf>,
    /// Where class.csv and summary.md go.
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Put the students' names in the summary (left out by default, for projecting).
    #[arg(long)]
    names: bool,
    /// Take only reports from this class.
    #[arg(long, value_name = "CODE")]
    class: Option<String>,
}

#[derive(Args, Debug)]
struct AutoplayArgs {
    #[arg(long, value_name = "N", default_value_t = 1)]
    chapter: u32,
    #[arg(long, value_name = "S", default_value_t = 1)]
    seed: u64,
    /// Game hours a second of real time.
    #[arg(long, default_value_t = 4.0)]
    hours_per_second: f32,
    /// Pick the chapter up from the save, as Continue does.
    #[arg(long = "continue")]
    resume: bool,
    /// Stop after this many game hours (or at the chapter's end).
    #[arg(long)]
    hours: Option<u32>,
    #[arg(long, value_name = "DIR")]
    levels: Option<PathBuf>,
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        None => play(cli.play),
        Some(Command::Play(args)) => play(args),
        Some(Command::Simulate(args)) => simulate(args),
        Some(Command::Check { path }) => Ok(check(&path)),
        Some(Command::ClassReport(args)) => class_report(args),
        Some(Command::Serve(args)) => serve(args),
        Some(Command::Autoplay(args)) => autoplay(args),
    };
    outcome.unwrap_or_else(|message| {
        eprintln!("{message}");
        ExitCode::FAILURE
    })
}

fn source(levels: Option<PathBuf>) -> LevelSource {
    levels.map_or(LevelSource::Embedded, LevelSource::Dir)
}

fn play(args: PlayArgs) -> Result<ExitCode, String> {
    let campaign = load(&source(args.levels))?;
    crate::run(
        campaign,
        crate::StartOptions {
            screenshots: args.screenshots,
            class: args.class.or_else(crate::platform::class_in_address),
            projector: args.projector,
            chapter: args.chapter,
            server: args.server,
        },
    );
    Ok(ExitCode::SUCCESS)
}

fn serve(args: ServeArgs) -> Result<ExitCode, String> {
    let class = crate::classroom::ClassCode::parse(&args.class).ok_or_else(|| {
        format!(
            "`{}` is not a class code: use letters and digits",
            args.class
        )
    })?;
    let campaign = load(&source(args.levels))?;
    let chapters = campaign
        .chapters()
        .map(|level| (level.chapter, level.title.clone()))
        .collect();
    let db = args
        .db
        .unwrap_or_else(|| PathBuf::from(format!("class-{class}.sqlite")));
    crate::classroom::server::serve(crate::classroom::server::ServeOptions {
        class,
        bind: args.bind,
        port: args.port,
        dist: args.dist,
        db,
        chapters,
    })?;
    Ok(ExitCode::SUCCESS)
}

fn autoplay(args: AutoplayArgs) -> Result<ExitCode, String> {
    let campaign = load(&source(args.levels))?;
    crate::autoplay(
        campaign,
        crate::Autoplay {
            chapter: args.chapter,
            seed: args.seed,
            hours_per_second: args.hours_per_second,
            resume: args.resume,
            hours: args.hours,
        },
    );
    Ok(ExitCode::SUCCESS)
}

/// Merges session reports into a CSV and a summary; names what it skipped and why.
fn class_report(args: ClassReportArgs) -> Result<ExitCode, String> {
    use crate::classroom::rollup::{Handed, read_report_file, roll_up};
    let mut files = Vec::new();
    let mut unreadable = Vec::new();
    for path in &args.files {
        let name = path.display().to_string();
        match read_report_file(path) {
            Ok(text) => files.push(Handed { name, text }),
            Err(why) => unreadable.push((name, why)),
        }
    }
    let class = match args.class {
        Some(text) => Some(
            crate::classroom::ClassCode::parse(&text)
                .ok_or_else(|| format!("`{text}` is not a class code"))?
                .to_string(),
        ),
        None => None,
    };
    let rolled = roll_up(&files, unreadable, class.as_deref(), args.names);
    let dir = args.out;
    let write = |name: &str, text: &str| crate::platform::write_text(&dir.join(name), text);
    write("class.csv", &rolled.csv)?;
    write("summary.md", &rolled.summary)?;
    for (file, why) in &rolled.skipped {
        println!("skipped {file}: {why}");
    }
    println!(
        "class {}: {} report{} merged into {}/class.csv and {}/summary.md",
        rolled.class_code.as_deref().unwrap_or("(none)"),
        rolled.merged.len(),
        if rolled.merged.len() == 1 { "" } else { "s" },
        dir.display(),
        dir.display()
    );
    Ok(ExitCode::SUCCESS)
}

fn load(source: &LevelSource) -> Result<level::LoadedCampaign, String> {
    level::load_campaign(source).map_err(|errors| {
        errors
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    })
}

fn simulate(args: SimulateArgs) -> Result<ExitCode, String> {
    let player = ScriptedPlayer::from(args.policy);
    let campaign = load(&source(args.levels))?;
    if args.campaign {
        let (rows, state) = crate::policy::play_campaign(&campaign, args.seed, player);
        print!("{}", campaign_report(&rows, &state, args.seed, player));
        return Ok(ExitCode::SUCCESS);
    }
    let chapter = args.chapter.unwrap_or_default();
    let level = campaign
        .chapter(chapter)
        .ok_or_else(|| format!("there is no chapter {chapter}"))?;
    if args.carried {
        let (played, state) =
            crate::policy::play_chapter_in_campaign(&campaign, chapter, args.seed, player)
                .ok_or_else(|| format!("there is no chapter {chapter}"))?;
        print!(
            "{}",
            outcome_report(level, args.seed, player, &played.result)
        );
        println!("carried in: {}", carried_summary(&state));
        return Ok(ExitCode::SUCCESS);
    }
    let played = play_chapter(level, args.seed, player);
    print!(
        "{}",
        outcome_report(level, args.seed, player, &played.result)
    );
    Ok(ExitCode::SUCCESS)
}

/// The outcome as the command line prints it.
pub fn outcome_report(
    level: &level::Level,
    seed: u64,
    player: ScriptedPlayer,
    result: &crate::sim::objectives::ChapterResult,
) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Chapter {}: {} ({}), seed {seed}, policy {}",
        level.chapter,
        level.title,
        level.date,
        player.name()
    );
    if let Some(why) = &result.stopped {
        let _ = writeln!(out, "  stopped early: {why}");
    }
    for objective in &result.objectives {
        let _ = writeln!(
            out,
            "  {:<6} {}",
            if objective.met { "met" } else { "missed" },
            objective.describe()
        );
    }
    let _ = writeln!(out, "stars: {}", result.stars);
    for row in crate::sim::key_numbers::KeyNumbers::of(&result.summary).rows() {
        let _ = writeln!(out, "{}: {}", row.label, row.value);
    }
    out
}

/// The campaign run as a table, one row per chapter.
pub fn campaign_report(
    rows: &[crate::policy::CampaignRow],
    state: &crate::sim::campaign::CampaignState,
    seed: u64,
    player: ScriptedPlayer,
) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(out, "Campaign, seed {seed}, policy {}", player.name());
    let _ = writeln!(
        out,
        "{:>3}  {:<36} {:>5}  {:>9}  {:>10}  {:>6}  {:>9}  {:>7}",
        "ch", "title", "stars", "lead time", "throughput", "Brent", "unplanned", "restore"
    );
    let hours = |v: Option<f64>| v.map_or("-".to_owned(), |h| format!("{h:.1} h"));
    for row in rows {
        let s = &row.result.summary;
        let stars = if row.narrative_only {
            "story".to_owned()
        } else {
            row.result.stars.to_string()
        };
        let title: String = row.title.chars().take(36).collect();
        let _ = writeln!(
            out,
            "{:>3}  {:<36} {:>5}  {:>9}  {:>8.1}/d  {:>5.0}%  {:>8.0}%  {:>7}",
            row.chapter,
            title,
            stars,
            hours(s.lead_time),
            s.planned_throughput,
            s.constraint().map_or(0.0, |b| b.utilization * 100.0),
            s.unplanned_share * 100.0,
            hours(s.dora.time_to_restore)
        );
    }
    let _ = writeln!(out, "carried: {}", carried_summary(state));
    out
}

/// What a campaign carries from chapter to chapter, in one line.
fn carried_summary(state: &crate::sim::campaign::CampaignState) -> String {
    let learned: Vec<String> = state
        .learned
        .iter()
        .map(|(who, skills)| {
            format!(
                "{who}: {}",
                skills.iter().cloned().collect::<Vec<_>>().join(", ")
            )
        })
        .collect();
    let enabled: Vec<String> = state.enabled.iter().map(|p| format!("{p:?}")).collect();
    format!(
        "{} flags; learned from Brent: {}; technical debt {:+.2}; extra audit findings {}; switched on: {}",
        state.flags.len(),
        if learned.is_empty() {
            "nothing".to_owned()
        } else {
            learned.join("; ")
        },
        state.technical_debt,
        state.audit_findings,
        if enabled.is_empty() {
            "nothing".to_owned()
        } else {
            enabled.join(", ")
        }
    )
}

fn check(path: &std::path::Path) -> ExitCode {
    let (files, errors) = level::check_path(path);
    for error in &errors {
        println!("{error}");
    }
    let flags = level::flags_path(path);
    if !flags.is_empty() {
        println!("Flags set by choices, and the conditions that read them:");
        for flag in &flags {
            println!("  {flag}");
        }
    }
    let warnings = level::warn_path(path);
    for warning in &warnings {
        println!("warning: {warning}");
    }
    if errors.is_empty() {
        println!(
            "{files} level file{} checked: no problems{}",
            if files == 1 { "" } else { "s" },
            match warnings.len() {
                0 => String::new(),
                1 => ", 1 warning".to_owned(),
                n => format!(", {n} warnings"),
            }
        );
        ExitCode::SUCCESS
    } else {
        println!(
            "{} problem{} found",
            errors.len(),
            if errors.len() == 1 { "" } else { "s" }
        );
        ExitCode::from(1)
    }
}
