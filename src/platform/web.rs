//! The browser: localStorage keyed by the path the desktop would use, downloads, and the
//! page's address and loading indicator.

use std::path::Path;

use wasm_bindgen::JsCast;

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn key(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

pub fn read_text(path: &Path) -> Option<String> {
    storage()?.get_item(&key(path)).ok().flatten()
}

pub fn exists(path: &Path) -> bool {
    read_text(path).is_some()
}

/// One `setItem` is already all-or-nothing.
pub fn write_text(path: &Path, contents: &str) -> Result<(), String> {
    storage()
        .ok_or("this browser keeps no local storage")?
        .set_item(&key(path), contents)
        .map_err(|e| format!("could not keep {}: {e:?}", path.display()))
}

/// Like the desktop's: nothing kept at `from` is nothing to move (the first save has no
/// backup to make).
pub fn rename(from: &Path, to: &Path) -> Result<(), String> {
    let storage = storage().ok_or("this browser keeps no local storage")?;
    let Some(text) = read_text(from) else {
        return Ok(());
    };
    write_text(to, &text)?;
    storage
        .remove_item(&key(from))
        .map_err(|e| format!("could not remove {}: {e:?}", from.display()))
}

/// Hands a finished file to the player as a download.
pub fn deliver(_folder: &Path, file_name: &str, contents: &str) -> Result<String, String> {
    let fail = |e: wasm_bindgen::JsValue| format!("could not download {file_name}: {e:?}");
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no page to download from")?;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(if file_name.ends_with(".json") {
        "application/json"
    } else {
        "text/markdown"
    });
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(fail)?
        .dyn_into()
        .map_err(|_| "no link element".to_owned())?;
    link.set_href(&url);
    link.set_download(file_name);
    link.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(format!("downloaded as {file_name}"))
}

/// `?class=CODE` in the page's address.
pub fn class_in_address() -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("class="))
        .map(|code| code.replace('+', " "))
        .filter(|code| !code.is_empty())
}

/// The page's own address up to its last `/`: a class server serves the game there.
pub fn page_base() -> Option<String> {
    let location = web_sys::window()?.location();
    let (origin, path) = (location.origin().ok()?, location.pathname().ok()?);
    let folder = &path[..path.rfind('/').map_or(0, |i| i + 1)];
    Some(format!("{origin}{folder}"))
}

/// The first frame is up: take the loading indicator down and give the game the keyboard.
pub fn page_ready() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(loading) = document.get_element_by_id("loading") {
        loading.remove();
    }
    if let Some(canvas) = document
        .get_element_by_id("game")
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = canvas.focus();
    }
}

/// A browser tab has no terminal signals: the save is kept after every command instead.
pub fn watch_for_quit_signals() {}

pub fn quit_requested() -> bool {
    false
}
