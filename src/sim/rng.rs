//! The chapter's one random number generator, seeded from the campaign seed and the chapter.

use bevy::prelude::*;
use rand::{RngExt, SeedableRng, rngs::StdRng};

#[derive(Resource)]
pub struct SimRng(pub StdRng);

impl SimRng {
    pub fn for_chapter(seed: u64, chapter: u32) -> Self {
        // SplitMix-style mixing so nearby seeds and chapters give unrelated streams.
        let mut z = seed ^ (u64::from(chapter).wrapping_mul(0x9E37_79B9_7F4A_7C15));
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        Self(StdRng::seed_from_u64(z ^ (z >> 31)))
    }

    pub fn unit(&mut self) -> f64 {
        self.0.random::<f64>()
    }

    /// An exponential draw with the given mean.
    pub fn exponential(&mut self, mean: f64) -> f64 {
        -mean * (1.0 - self.unit()).ln()
    }
}
