//! Small helpers for the browser APIs the views need: the URL hash, languages, files.
//! Failures here are reported as values or ignored where nothing is lost; never a panic.

use crate::domain::Locale;
use wasm_bindgen::JsCast;

/// `location.hash`, or empty.
pub fn location_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The UI language the browser asks for (`navigator.languages`).
pub fn browser_locale() -> Locale {
    let Some(window) = web_sys::window() else {
        return Locale::En;
    };
    let langs: Vec<String> = window
        .navigator()
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    Locale::from_browser(langs.iter().map(String::as_str))
}

pub fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

/// Sets `<html lang>` and the window title.
pub fn set_lang_and_title(lang: &str, title: &str) {
    if let Some(doc) = document() {
        doc.set_title(title);
        if let Some(html) = doc.document_element() {
            let _ = html.set_attribute("lang", lang);
        }
    }
}

/// A `data-*` attribute of `<html>`, set by the page's own script (`update`, `persisted`).
pub fn html_data(name: &str) -> Option<String> {
    document()?
        .document_element()?
        .get_attribute(&format!("data-{name}"))
}

/// Fires a plain event on the window, for the page's own script (`sp-reload`).
pub fn dispatch(name: &str) {
    if let (Some(w), Ok(e)) = (web_sys::window(), web_sys::Event::new(name)) {
        let _ = w.dispatch_event(&e);
    }
}

/// Marks the app as mounted (`<html data-app="ready">`), for tests and the loading style.
pub fn mark_ready() {
    if let Some(html) = document().and_then(|d| d.document_element()) {
        let _ = html.set_attribute("data-app", "ready");
    }
}

/// The tab's session storage: what a reload of this tab resumes (a practice walk). Gone when
/// the tab closes; refused storage only means nothing resumes.
fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

pub fn session_get(key: &str) -> Option<String> {
    session()?.get_item(key).ok()?
}

/// Stores `value` under `key`, or removes the key when `value` is `None`.
pub fn session_set(key: &str, value: Option<&str>) {
    if let Some(s) = session() {
        let _ = match value {
            Some(v) => s.set_item(key, v),
            None => s.remove_item(key),
        };
    }
}

/// The browser's UTC offset at `t`, in minutes east (UTC+8 is 480), so a time across a
/// daylight-saving change shows with its own offset.
pub fn offset_minutes_at(t: crate::domain::Timestamp) -> i32 {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(t.timestamp_millis() as f64));
    -(date.get_timezone_offset() as i32)
}

/// `t` on the browser's wall clock.
pub fn local_time(t: crate::domain::Timestamp) -> chrono::NaiveDateTime {
    crate::domain::clock::to_local(t, offset_minutes_at(t))
}

/// Moves keyboard focus to the element with `id` (a skip link, a page heading).
pub fn focus(id: &str) {
    if let Some(el) = document().and_then(|d| d.get_element_by_id(id)) {
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}

/// Offers `text` as a file download. Returns false when the browser refused.
pub fn download(filename: &str, mime: &str, text: &str) -> bool {
    let run = || -> Option<()> {
        let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
        let a: web_sys::HtmlAnchorElement =
            document()?.create_element("a").ok()?.dyn_into().ok()?;
        a.set_href(&url);
        a.set_download(filename);
        a.click();
        let _ = web_sys::Url::revoke_object_url(&url);
        Some(())
    };
    run().is_some()
}

/// What a browser error says: a `DOMException`'s name and message, an `Error`'s message, or
/// the thrown text (without `Debug`, which the release build compiles out).
pub fn describe(e: &wasm_bindgen::JsValue) -> String {
    if let Some(d) = e.dyn_ref::<web_sys::DomException>() {
        format!("{}: {}", d.name(), d.message())
    } else if let Some(err) = e.dyn_ref::<js_sys::Error>() {
        String::from(err.message())
    } else {
        e.as_string().unwrap_or_else(|| "unknown error".into())
    }
}

/// Reads a chosen file as text.
pub async fn read_text(file: web_sys::File) -> Result<String, String> {
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .map_err(|e| describe(&e))?;
    text.as_string().ok_or_else(|| "not text".into())
}

/// Fetches a file of the app's own (a relative URL) as text.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    use wasm_bindgen_futures::JsFuture;
    let window = web_sys::window().ok_or("no window")?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|e| e.as_string().unwrap_or_else(|| "network error".into()))?
        .dyn_into()
        .map_err(|_| "not a response".to_owned())?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let text = response
        .text()
        .map_err(|_| "unreadable response".to_owned())?;
    JsFuture::from(text)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| "unreadable response".into())
}
