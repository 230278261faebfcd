//! What differs between the desktop and the browser: where text is kept (files or
//! localStorage), how a report reaches the player (a file whose path is shown, or a
//! download), and the page around the game (its address, its loading indicator).
//! Everything else in the game is the same code on both.

#[cfg(not(target_arch = "wasm32"))]
mod native;
#[cfg(not(target_arch = "wasm32"))]
pub use native::*;

#[cfg(target_arch = "wasm32")]
mod web;
#[cfg(target_arch = "wasm32")]
pub use web::*;

/// The line the game logs once its first screen is drawn; the browser test waits for it.
pub const READY_LINE: &str = "parts-unlimited: ready";
