//! The game's pictures and font, built into the binary (`assets/`, see its CREDITS.md) so the
//! game and the browser build need no files beside them. A picture becomes an egui texture
//! the first time it is drawn and is kept in egui's memory from then on.

use std::sync::Arc;

use bevy_egui::egui;

macro_rules! embed {
    ($($name:literal,)*) => {
        &[$(($name, include_bytes!(concat!("../../assets/", $name, ".png")) as &[u8])),*]
    };
}

const PICTURES: &[(&str, &[u8])] = embed![
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

const FONT_REGULAR: &[u8] = include_bytes!("../../assets/fonts/AtkinsonHyperlegible-Regular.ttf");
const FONT_BOLD: &[u8] = include_bytes!("../../assets/fonts/AtkinsonHyperlegible-Bold.ttf");

/// The name every picture is known by, as `portraits/bill`.
pub fn names() -> impl Iterator<Item = &'static str> {
    PICTURES.iter().map(|(n, _)| *n)
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
        png::ColorType::Indexed => return None,
    };
    let size = [info.width as usize, info.height as usize];
    Some(egui::ColorImage::from_rgba_unmultiplied(size, &rgba))
}

/// The picture called `name` (as `portraits/bill`), or `None` if there is no such picture.
pub fn texture(ctx: &egui::Context, name: &str) -> Option<egui::TextureHandle> {
    let id = egui::Id::new(("art", name));
    if let Some(found) = ctx.data(|d| d.get_temp::<Option<egui::TextureHandle>>(id)) {
        return found;
    }
    let made = PICTURES
        .iter()
        .find(|(n, _)| *n == name)
        .and_then(|(_, bytes)| decode(bytes))
        .map(|image| ctx.load_texture(name, image, egui::TextureOptions::LINEAR));
    ctx.data_mut(|d| d.insert_temp(id, made.clone()));
    made
}

/// The readable UI font first, egui's own fonts behind it for every glyph it lacks.
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    for (name, bytes) in [("atkinson", FONT_REGULAR), ("atkinson-bold", FONT_BOLD)] {
        fonts.font_data.insert(
            name.to_owned(),
            Arc::new(egui::FontData::from_static(bytes)),
        );
    }
    fonts
        .families
        .entry(egui::FontFamily::Proportional)
        .or_default()
        .insert(0, "atkinson".to_owned());
    fonts.families.insert(
        egui::FontFamily::Name("bold".into()),
        std::iter::once("atkinson-bold".to_owned())
            .chain(fonts.families[&egui::FontFamily::Proportional].clone())
            .collect(),
    );
    ctx.set_fonts(fonts);
    ctx.data_mut(|d| d.insert_temp(egui::Id::new("fonts installed"), true));
}

/// The bold face, for names and headings (egui's own face until the fonts are in).
pub fn bold(ctx: &egui::Context, size: f32) -> egui::FontId {
    let installed = ctx.data(|d| d.get_temp::<bool>(egui::Id::new("fonts installed")));
    let family = if installed == Some(true) {
        egui::FontFamily::Name("bold".into())
    } else {
        egui::FontFamily::Proportional
    };
    egui::FontId::new(size, family)
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
