//! The game's pictures and font (`assets/`, see its CREDITS.md). The font and the icons are
//! built into the binary: the first frame needs them. The portraits and backdrops are built
//! in on the desktop; the browser build leaves them beside the page and fetches each the
//! first time it is shown, so the page's first frame waits for none of them (they are most
//! of what the game adds to the download). A picture becomes an egui texture the first time
//! it is drawn and is kept in egui's memory from then on; one still on its way is not.

use std::sync::{Arc, OnceLock};

use bevy_egui::egui;

macro_rules! embedded {
    ($($name:literal,)*) => {
        &[$(($name, include_bytes!(concat!("../../assets/", $name, ".png")) as &[u8])),*]
    };
}

/// On the desktop the large pictures are built in too; in the browser they are fetched.
#[cfg(not(target_arch = "wasm32"))]
macro_rules! large {
    ($($name:literal,)*) => {
        &[$(($name, Some(include_bytes!(concat!("../../assets/", $name, ".png")) as &[u8]))),*]
    };
}
#[cfg(target_arch = "wasm32")]
macro_rules! large {
    ($($name:literal,)*) => { &[$(($name, None)),*] };
}

/// Built in everywhere: small, and on the first screen.
const ICONS: &[(&str, &[u8])] = embedded![
    "icons/business",
    "icons/internal",
    "icons/change",
    "icons/unplanned",
    "icons/constraint",
    "icons/clock",
    "icons/play",
    "icons/pause",
    "icons/step",
    "icons/bridge",
    "icons/person",
    "icons/wait",
    "icons/done",
    "icons/warning",
    "icons/settings",
];

/// The portraits and backdrops: their bytes on the desktop, none (fetched) in the browser.
const LARGE: &[(&str, Option<&[u8]>)] = large![
    "portraits/assembly",
    "portraits/bartender",
    "portraits/bill",
    "portraits/brent",
    "portraits/chris",
    "portraits/dana",
    "portraits/dick",
    "portraits/erik",
    "portraits/foreman",
    "portraits/john",
    "portraits/lena",
    "portraits/maggie",
    "portraits/mara",
    "portraits/marcus",
    "portraits/maya",
    "portraits/nadia",
    "portraits/oven",
    "portraits/owen",
    "portraits/paige",
    "portraits/paint",
    "portraits/patty",
    "portraits/priya",
    "portraits/rita",
    "portraits/sam-okafor",
    "portraits/sam-ruiz",
    "portraits/sam-whitaker",
    "portraits/sarah",
    "portraits/saw",
    "portraits/steve",
    "portraits/tom",
    "portraits/wes",
    "portraits/william",
    "backdrops/boardroom",
    "backdrops/data_centre",
    "backdrops/hallway",
    "backdrops/home",
    "backdrops/office",
    "backdrops/plant",
    "backdrops/saloon",
    "backdrops/war_room",
];

const FONT_REGULAR: &[u8] = include_bytes!("../../assets/fonts/AtkinsonHyperlegible-Regular.ttf");
const FONT_BOLD: &[u8] = include_bytes!("../../assets/fonts/AtkinsonHyperlegible-Bold.ttf");

/// The name every picture is known by, as `portraits/bill`.
pub fn names() -> impl Iterator<Item = &'static str> {
    let icons = ICONS.iter().map(|(n, _)| *n);
    icons.chain(LARGE.iter().map(|(n, _)| *n))
}

/// A picture's bytes if they are built in, `None` if it is fetched; `None` outright if there is
/// no such picture.
fn built_in(name: &str) -> Option<Option<&'static [u8]>> {
    let icon = ICONS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, b)| Some(*b));
    icon.or_else(|| LARGE.iter().find(|(n, _)| *n == name).map(|(_, b)| *b))
}

fn decode(bytes: &[u8]) -> Option<egui::ColorImage> {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().ok()?;
    let mut buffer = vec![0; reader.output_buffer_size()?];
    let info = reader.next_frame(&mut buffer).ok()?;
    let pixels = &buffer[..info.buffer_size()];
    let rgba: Vec<u8> = match info.color_type {
        png::ColorType::Rgba => pixels.to_vec(),
        png::ColorType::Rgb => pixels
            .chunks_exact(3)
            .flat_map(|p| [p[0], p[1], p[2], 255])
            .collect(),
        png::ColorType::GrayscaleAlpha => pixels
            .chunks_exact(2)
            .flat_map(|p| [p[0], p[0], p[0], p[1]])
            .collect(),
        png::ColorType::Grayscale => pixels.iter().flat_map(|&g| [g, g, g, 255]).collect(),
        // normalize_to_color8 expands palettes.
        png::ColorType::Indexed => return None,
    };
    let size = [info.width as usize, info.height as usize];
    Some(egui::ColorImage::from_rgba_unmultiplied(size, &rgba))
}

/// A picture as the screens find it.
pub enum Picture {
    Ready(egui::TextureHandle),
    /// On its way from the server: draw its place empty, it wakes the window when it lands.
    Loading,
    /// No such picture, or it could not be had.
    Missing,
}

/// The picture called `name` (as `portraits/bill`).
pub fn lookup(ctx: &egui::Context, name: &str) -> Picture {
    let id = egui::Id::new(("art", name));
    if let Some(found) = ctx.data(|d| d.get_temp::<Option<egui::TextureHandle>>(id)) {
        return found.map_or(Picture::Missing, Picture::Ready);
    }
    let image = match built_in(name) {
        None => None,
        Some(Some(bytes)) => decode(bytes),
        Some(None) => match fetch::state(ctx, name) {
            fetch::State::Loading => return Picture::Loading,
            fetch::State::Arrived(bytes) => decode(&bytes),
            fetch::State::Failed => None,
        },
    };
    let made = image.map(|image| ctx.load_texture(name, image, egui::TextureOptions::LINEAR));
    ctx.data_mut(|d| d.insert_temp(id, made.clone()));
    made.map_or(Picture::Missing, Picture::Ready)
}

/// The picture called `name`, if it is here now.
pub fn texture(ctx: &egui::Context, name: &str) -> Option<egui::TextureHandle> {
    match lookup(ctx, name) {
        Picture::Ready(texture) => Some(texture),
        Picture::Loading | Picture::Missing => None,
    }
}

/// What wakes a sleeping window when a fetched picture lands (the screens set it).
static WAKER: OnceLock<Box<dyn Fn() + Send + Sync>> = OnceLock::new();

/// Says how to wake the window when a picture arrives while it sleeps.
pub fn set_waker(wake: impl Fn() + Send + Sync + 'static) {
    let _ = WAKER.set(Box::new(wake));
}

/// Pictures fetched from beside the page, one request each, the first time one is wanted.
mod fetch {
    use std::sync::Arc;

    use bevy_egui::egui;

    #[derive(Clone)]
    pub enum State {
        Loading,
        Arrived(Arc<[u8]>),
        Failed,
    }

    pub fn state(ctx: &egui::Context, name: &str) -> State {
        let id = egui::Id::new(("art fetch", name));
        if let Some(state) = ctx.data(|d| d.get_temp::<State>(id)) {
            return state;
        }
        ctx.data_mut(|d| d.insert_temp(id, State::Loading));
        let url = format!(
            "{}assets/{name}.png",
            crate::platform::page_base().unwrap_or_default()
        );
        let ctx = ctx.clone();
        ehttp::fetch(ehttp::Request::get(&url), move |result| {
            let state = match result {
                Ok(response) if response.ok => State::Arrived(Arc::from(response.bytes)),
                Ok(response) => {
                    bevy::log::warn!("{url}: {} {}", response.status, response.status_text);
                    State::Failed
                }
                Err(error) => {
                    bevy::log::warn!("{url}: {error}");
                    State::Failed
                }
            };
            ctx.data_mut(|d| d.insert_temp(id, state));
            ctx.request_repaint();
            if let Some(wake) = super::WAKER.get() {
                wake();
            }
        });
        State::Loading
    }
}

/// The game's fonts: Atkinson Hyperlegible for all text (egui's own fonts are left out of the
/// build: they were a sixth of the browser download). Installed before the first frame.
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::empty();
    for (name, bytes) in [("atkinson", FONT_REGULAR), ("atkinson-bold", FONT_BOLD)] {
        fonts.font_data.insert(
            name.to_owned(),
            Arc::new(egui::FontData::from_static(bytes)),
        );
    }
    let regular = vec!["atkinson".to_owned()];
    fonts
        .families
        .insert(egui::FontFamily::Proportional, regular.clone());
    fonts
        .families
        .insert(egui::FontFamily::Monospace, regular.clone());
    fonts.families.insert(
        egui::FontFamily::Name("bold".into()),
        vec!["atkinson-bold".to_owned(), "atkinson".to_owned()],
    );
    ctx.set_fonts(fonts);
}

/// The bold face, for names and headings.
pub fn bold(size: f32) -> egui::FontId {
    egui::FontId::new(size, egui::FontFamily::Name("bold".into()))
}

/// Draws a picture in `size` points, tinted (icons are white; the tint colours them).
pub fn picture(ui: &mut egui::Ui, name: &str, size: egui::Vec2, tint: egui::Color32) -> bool {
    match texture(ui.ctx(), name) {
        Some(texture) => {
            ui.add(
                egui::Image::new(&texture)
                    .fit_to_exact_size(size)
                    .tint(tint),
            );
            true
        }
        None => false,
    }
}

/// An icon of the four kinds of work, or of a control.
pub fn icon(ui: &mut egui::Ui, name: &str, size: f32, tint: egui::Color32) {
    if !picture(ui, &format!("icons/{name}"), egui::vec2(size, size), tint) {
        ui.allocate_exact_size(egui::vec2(size, size), egui::Sense::hover());
    }
}
