//! Every playable chapter rewards its lesson: the `flow` player earns two stars or more on
//! nine seeds in ten, and the `naive` player fails or scrapes one star on seven in ten.

use parts_unlimited::level::{LevelSource, load_campaign};
use parts_unlimited::policy::{ScriptedPlayer, play_chapter};

const SEEDS: u64 = 50;

#[test]
fn every_chapter_rewards_its_lesson() {
    let campaign = load_campaign(&LevelSource::Embedded).expect("built-in levels load");
    println!(
        "chapter  flow >=2 stars  naive <=1 star  flow stars (0/1/2/3)  naive stars (0/1/2/3)"
    );
    let mut failures = Vec::new();
    for level in campaign.chapters() {
        if level.narrative_only {
            println!("{:>7}  (story only: not balanced)", level.chapter);
            continue;
        }
        let mut flow = [0u32; 4];
        let mut naive = [0u32; 4];
        for seed in 0..SEEDS {
            flow[play_chapter(level, seed, ScriptedPlayer::Flow).result.stars as usize] += 1;
            naive[play_chapter(level, seed, ScriptedPlayer::Naive)
                .result
                .stars as usize] += 1;
        }
        let flow_pass = f64::from(flow[2] + flow[3]) / SEEDS as f64;
        let naive_fail = f64::from(naive[0] + naive[1]) / SEEDS as f64;
        println!(
            "{:>7}  {:>13.0}%  {:>13.0}%  {:?}  {:?}",
            level.chapter,
            flow_pass * 100.0,
            naive_fail * 100.0,
            flow,
            naive
        );
        if flow_pass < 0.9 || naive_fail < 0.7 {
            failures.push(level.chapter);
        }
    }
    assert!(failures.is_empty(), "chapters out of balance: {failures:?}");
}
