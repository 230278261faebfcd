//! Any text, read as a handed-in session report and rolled up: never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parts_unlimited::classroom::report::SessionReport;
use parts_unlimited::classroom::rollup::{Handed, roll_up};

fuzz_target!(|text: &str| {
    let _ = SessionReport::from_json(text);
    let files = [Handed {
        name: "fuzz.json".into(),
        text: text.to_owned(),
    }];
    let _ = roll_up(&files, Vec::new(), None, true);
});
