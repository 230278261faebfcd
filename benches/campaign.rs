//! How long the whole campaign takes to play headlessly with a scripted player, state carried
//! from chapter to chapter. Run with `cargo bench --bench campaign` (release build).

use std::time::Instant;

use parts_unlimited::level::{LevelSource, load_campaign};
use parts_unlimited::policy::{ScriptedPlayer, play_campaign};

fn main() {
    let campaign = load_campaign(&LevelSource::Embedded).expect("built-in levels load");
    let chapters = campaign.chapters().count();
    for player in [ScriptedPlayer::Flow, ScriptedPlayer::Naive] {
        let runs = 20;
        let start = Instant::now();
        for seed in 0..runs {
            let (rows, _) = play_campaign(&campaign, seed, player);
            assert_eq!(rows.len(), chapters);
        }
        let each = start.elapsed().as_secs_f64() / runs as f64;
        println!(
            "{:<5} campaign of {chapters} chapters: {:.1} ms a run (mean of {runs} seeds)",
            player.name(),
            each * 1000.0
        );
    }
}
