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

    /// The stream that orders a scene's options: apart from the chapter's, so showing a
    /// scene never changes what the world draws.
    pub fn for_scene(seed: u64, chapter: u32, scene: &str) -> StdRng {
        let mut hash: u64 = 0xCBF2_9CE4_8422_2325;
        for byte in scene.bytes() {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01B3);
        }
        Self::for_chapter(seed ^ hash, chapter).0
    }

    pub fn unit(&mut self) -> f64 {
        self.0.random::<f64>()
    }

    /// An exponential draw with the given mean.
    pub fn exponential(&mut self, mean: f64) -> f64 {
        -mean * (1.0 - self.unit()).ln()
    }
}
