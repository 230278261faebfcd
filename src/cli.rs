//! The command line: play (the default), `simulate`, and `check`.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::level::{self, LevelSource};
use crate::policy::{ScriptedPlayer, play_chapter};

const USAGE: &str = "\
usage:
  parts-unlimited [--levels DIR] [--class CODE] [--projector]
                                                  play the game (CODE: the class's scenario;
                                                  --projector: large type for a room)
  parts-unlimited --screenshots DIR              walk every screen, write one picture each, quit
  parts-unlimited simulate --chapter N [--seed S] [--policy naive|flow] [--levels DIR]
                                                  play a chapter headlessly and print the outcome
  parts-unlimited simulate --campaign [--seed S] [--policy naive|flow] [--levels DIR]
                                                  play every chapter in order, state carried
  parts-unlimited check PATH                     check a level file or a folder of levels
  parts-unlimited class-report FILES... --out DIR [--names] [--class CODE]
                                                  merge a class's session reports (JSON) into
                                                  DIR/class.csv and DIR/summary.md";

pub fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(CliError::Usage(message)) => {
            eprintln!("{message}\n\n{USAGE}");
            ExitCode::from(2)
        }
        Err(CliError::Failed(message)) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

enum CliError {
    /// The command line itself is wrong.
    Usage(String),
    /// The command was fine but could not be carried out (a broken level, say).
    Failed(String),
}

impl From<String> for CliError {
    fn from(message: String) -> Self {
        CliError::Usage(message)
    }
}

impl From<&str> for CliError {
    fn from(message: &str) -> Self {
        CliError::Usage(message.to_owned())
    }
}

/// Options after the subcommand, as `--name value` pairs.
struct Options {
    pairs: Vec<(String, String)>,
    /// Options that take no value.
    flags: Vec<String>,
    positional: Vec<String>,
}

/// Options that stand alone, without a value after them.
const FLAGS: &[&str] = &["campaign", "names", "projector"];

impl Options {
    fn parse(args: &[String]) -> Result<Self, String> {
        let mut pairs = Vec::new();
        let mut flags = Vec::new();
        let mut positional = Vec::new();
        let mut iter = args.iter();
        while let Some(arg) = iter.next() {
            if let Some(name) = arg.strip_prefix("--")
                && FLAGS.contains(&name)
            {
                flags.push(name.to_owned());
            } else if let Some(name) = arg.strip_prefix("--") {
                let value = iter
                    .next()
                    .ok_or_else(|| format!("--{name} needs a value"))?;
                pairs.push((name.to_owned(), value.clone()));
            } else {
                positional.push(arg.clone());
            }
        }
        Ok(Self {
            pairs,
            flags,
            positional,
        })
    }

    fn get(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    fn number<T: std::str::FromStr>(&self, name: &str) -> Result<Option<T>, String> {
        self.get(name)
            .map(|v| {
                v.parse()
                    .map_err(|_| format!("--{name} takes a number, not `{v}`"))
            })
            .transpose()
    }

    fn source(&self) -> LevelSource {
        self.get("levels").map_or(LevelSource::Embedded, |dir| {
            LevelSource::Dir(PathBuf::from(dir))
        })
    }
}

fn run(args: &[String]) -> Result<ExitCode, CliError> {
    match args.first().map(String::as_str) {
        Some("simulate") => simulate(&Options::parse(&args[1..])?),
        Some("check") => check(&Options::parse(&args[1..])?),
        Some("class-report") => class_report(&Options::parse(&args[1..])?),
        Some("help" | "--help" | "-h") => {
            println!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        Some("play") => play(&Options::parse(&args[1..])?),
        _ => play(&Options::parse(args)?),
    }
}

fn play(options: &Options) -> Result<ExitCode, CliError> {
    let campaign = load(&options.source())?;
    crate::run(
        campaign,
        crate::StartOptions {
            screenshots: options.get("screenshots").map(PathBuf::from),
            class: options
                .get("class")
                .map(str::to_owned)
                .or_else(crate::platform::class_in_address),
            projector: options.flags.iter().any(|f| f == "projector"),
        },
    );
    Ok(ExitCode::SUCCESS)
}

/// Merges session reports into a CSV and a summary; names what it skipped and why.
fn class_report(options: &Options) -> Result<ExitCode, CliError> {
    use crate::classroom::rollup::{Handed, roll_up};
    let out = options.get("out").ok_or("class-report needs --out DIR")?;
    if options.positional.is_empty() {
        return Err("class-report needs the report files (the .json ones)".into());
    }
    let mut files = Vec::new();
    let mut unreadable = Vec::new();
    for path in &options.positional {
        match std::fs::read_to_string(path) {
            Ok(text) => files.push(Handed {
                name: path.clone(),
                text,
            }),
            Err(e) => unreadable.push((path.clone(), format!("could not be read ({e})"))),
        }
    }
    let class = match options.get("class") {
        Some(text) => Some(
            crate::classroom::ClassCode::parse(text)
                .ok_or_else(|| format!("`{text}` is not a class code"))?
                .to_string(),
        ),
        None => None,
    };
    let rolled = roll_up(
        &files,
        unreadable,
        class.as_deref(),
        options.flags.iter().any(|f| f == "names"),
    );
    let dir = PathBuf::from(out);
    let write = |name: &str, text: &str| {
        crate::platform::write_text(&dir.join(name), text).map_err(CliError::Failed)
    };
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

fn load(source: &LevelSource) -> Result<level::LoadedCampaign, CliError> {
    level::load_campaign(source).map_err(|errors| {
        CliError::Failed(
            errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n"),
        )
    })
}

fn simulate(options: &Options) -> Result<ExitCode, CliError> {
    let seed: u64 = options.number("seed")?.unwrap_or(1);
    let policy_name = options.get("policy").unwrap_or("flow");
    let player = ScriptedPlayer::parse(policy_name)
        .ok_or_else(|| format!("unknown policy `{policy_name}` (naive or flow)"))?;
    let campaign = load(&options.source())?;
    if options.flags.iter().any(|f| f == "campaign") {
        let (rows, state) = crate::policy::play_campaign(&campaign, seed, player);
        print!("{}", campaign_report(&rows, &state, seed, player));
        return Ok(ExitCode::SUCCESS);
    }
    let chapter: u32 = options
        .number("chapter")?
        .ok_or("simulate needs --chapter N or --campaign")?;
    let level = campaign
        .chapter(chapter)
        .ok_or_else(|| CliError::Failed(format!("there is no chapter {chapter}")))?;
    let played = play_chapter(level, seed, player);
    print!("{}", outcome_report(level, seed, player, &played.result));
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
    let _ = writeln!(
        out,
        "carried: {} flags; learned from Brent: {}; technical debt {:+.2}; extra audit findings {}",
        state.flags.len(),
        if learned.is_empty() {
            "nothing".to_owned()
        } else {
            learned.join("; ")
        },
        state.technical_debt,
        state.audit_findings
    );
    out
}

fn check(options: &Options) -> Result<ExitCode, CliError> {
    let path = options.positional.first().ok_or("check needs a PATH")?;
    let (files, errors) = level::check_path(std::path::Path::new(path));
    for error in &errors {
        println!("{error}");
    }
    if errors.is_empty() {
        println!(
            "{files} level file{} checked: no problems",
            if files == 1 { "" } else { "s" }
        );
        Ok(ExitCode::SUCCESS)
    } else {
        println!(
            "{} problem{} found",
            errors.len(),
            if errors.len() == 1 { "" } else { "s" }
        );
        Ok(ExitCode::from(1))
    }
}
