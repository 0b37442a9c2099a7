//! In-browser tests (wasm-bindgen-test in headless Chromium): the real localStorage round
//! trip, quota and corruption handling, and the app mounted and clicked.
#![cfg(target_arch = "wasm32")]

use sales_playbook::domain::deal::Deal;
use sales_playbook::domain::Id;
use sales_playbook::storage::web::BrowserStorage;
use sales_playbook::storage::{envelope, Backend, Key, StorageError, Store};
use sales_playbook::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn clean() {
    local().clear().unwrap();
    let _ = web_sys::window().unwrap().location().set_hash("");
}

async fn tick(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Mounts the app in a fresh container; dropping the handle unmounts it.
fn mount() -> (web_sys::HtmlElement, impl Drop) {
    let container: web_sys::HtmlElement =
        document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone(), App);
    (container.clone(), Unmount(Some(handle), container))
}

struct Unmount<T>(Option<T>, web_sys::HtmlElement);
impl<T> Drop for Unmount<T> {
    fn drop(&mut self) {
        drop(self.0.take());
        self.1.remove();
    }
}

async fn go(hash: &str) {
    web_sys::window()
        .unwrap()
        .location()
        .set_hash(hash)
        .unwrap();
    tick(30).await;
}

fn query(root: &web_sys::HtmlElement, selector: &str) -> Option<web_sys::HtmlElement> {
    root.query_selector(selector)
        .unwrap()
        .map(|e| e.unchecked_into())
}

fn text(root: &web_sys::HtmlElement, selector: &str) -> String {
    query(root, selector)
        .map(|e| e.text_content().unwrap_or_default())
        .unwrap_or_default()
}

fn deal(n: u64, customer: &str) -> Deal {
    let now = chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap();
    Deal::new(Id::generate(1_790_000_000_000, n), customer, &[], now).unwrap()
}

async fn add_lead(root: &web_sys::HtmlElement, name: &str) {
    let input: web_sys::HtmlInputElement =
        query(root, ".quick-add input").unwrap().unchecked_into();
    input.set_value(name);
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    query(root, ".quick-add button[type=submit]")
        .unwrap()
        .click();
    tick(10).await;
}

/// Fills localStorage until the next write of `chunk` bytes fails; returns the filler keys.
fn fill_storage() -> Vec<String> {
    let storage = BrowserStorage::open().unwrap();
    let mut keys = Vec::new();
    let mut size = 1 << 20;
    while size >= 16 {
        let key = format!("filler-{}", keys.len());
        match storage.set(&key, &"x".repeat(size)) {
            Ok(()) => keys.push(key),
            Err(StorageError::QuotaExceeded) => size /= 2,
            Err(other) => panic!("unexpected {other:?}"),
        }
    }
    keys
}

#[wasm_bindgen_test]
fn local_storage_round_trip_through_the_store() {
    clean();
    let store = Store::new(BrowserStorage::open().unwrap());
    let d = deal(1, "上海精工机械");
    store.put(&Key::Deal(d.id.clone()), &d).unwrap();
    let raw = local()
        .get_item(&Key::Deal(d.id.clone()).as_string())
        .unwrap()
        .unwrap();
    assert!(raw.starts_with('{') && raw.contains("上海精工机械"));
    let loaded = Store::new(BrowserStorage::open().unwrap()).load(0).unwrap();
    assert_eq!(loaded.deals, vec![d]);
    clean();
}

#[wasm_bindgen_test]
fn a_full_quota_is_reported_as_quota_and_keeps_what_was_stored() {
    clean();
    let store = Store::new(BrowserStorage::open().unwrap());
    let mut d = deal(1, "Acme");
    store.put(&Key::Deal(d.id.clone()), &d).unwrap();
    let key = Key::Deal(d.id.clone()).as_string();
    let before = local().get_item(&key).unwrap();
    let fillers = fill_storage();
    d.notes = "n".repeat(64 * 1024);
    assert_eq!(
        store.put(&Key::Deal(d.id.clone()), &d),
        Err(StorageError::QuotaExceeded)
    );
    assert_eq!(local().get_item(&key).unwrap(), before);
    for k in fillers {
        local().remove_item(&k).unwrap();
    }
    clean();
}

#[wasm_bindgen_test]
async fn adding_a_lead_in_the_app_shows_it_and_saves_one_key() {
    clean();
    let (root, _app) = mount();
    go("#/deals").await;
    assert_eq!(text(&root, "h1"), "Deals");
    assert!(
        query(&root, "[data-testid=empty-state]").is_some(),
        "empty state before the first lead"
    );
    add_lead(&root, "Acme Tools").await;
    assert_eq!(text(&root, ".deal-list a"), "Acme Tools");
    let keys: Vec<String> = (0..local().length().unwrap())
        .filter_map(|i| local().key(i).unwrap())
        .collect();
    assert_eq!(keys.iter().filter(|k| k.starts_with("sp:deal:")).count(), 1);
    // Opening the lead by its link shows its page.
    let href = query(&root, ".deal-list a")
        .unwrap()
        .get_attribute("href")
        .unwrap();
    go(&href).await;
    assert_eq!(text(&root, "h1"), "Acme Tools");
    clean();
}

#[wasm_bindgen_test]
async fn an_empty_customer_name_shows_an_error_and_adds_nothing() {
    clean();
    let (root, _app) = mount();
    go("#/deals").await;
    add_lead(&root, "   ").await;
    assert_eq!(
        text(&root, "[role=alert]#add-lead-error"),
        "Enter the customer's name."
    );
    assert!(query(&root, ".deal-list").is_none());
    clean();
}

#[wasm_bindgen_test]
async fn switching_language_changes_the_text_and_is_saved() {
    clean();
    let (root, _app) = mount();
    go("#/settings").await;
    let select: web_sys::HtmlSelectElement =
        query(&root, ".language select").unwrap().unchecked_into();
    select.set_value("zh-CN");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    tick(10).await;
    assert_eq!(text(&root, "h1"), "设置");
    assert_eq!(
        document()
            .document_element()
            .unwrap()
            .get_attribute("lang")
            .as_deref(),
        Some("zh-CN")
    );
    assert_eq!(document().title(), "设置 · 销售作战手册");
    assert!(local()
        .get_item("sp:settings")
        .unwrap()
        .unwrap()
        .contains("zh-CN"));
    clean();
}

#[wasm_bindgen_test]
async fn a_corrupt_value_is_set_aside_and_the_rest_loads() {
    clean();
    let good = deal(1, "Good Co");
    local()
        .set_item(
            &Key::Deal(good.id.clone()).as_string(),
            &envelope::encode(&good),
        )
        .unwrap();
    local()
        .set_item("sp:deal:bad-1", "{\"schema\":1,\"data\":{\"id\":")
        .unwrap();
    let (root, _app) = mount();
    go("#/deals").await;
    assert!(query(&root, "[data-testid=banner-quarantined]").is_some());
    assert_eq!(text(&root, ".deal-list a"), "Good Co");
    assert_eq!(local().get_item("sp:deal:bad-1").unwrap(), None);
    let kept: Vec<String> = (0..local().length().unwrap())
        .filter_map(|i| local().key(i).unwrap())
        .filter(|k| k.starts_with("sp:quarantine:deal:bad-1@"))
        .collect();
    assert_eq!(kept.len(), 1);
    assert_eq!(
        local().get_item(&kept[0]).unwrap().as_deref(),
        Some("{\"schema\":1,\"data\":{\"id\":")
    );
    clean();
}

#[wasm_bindgen_test]
async fn data_from_a_newer_version_opens_read_only_and_is_not_touched() {
    clean();
    local()
        .set_item("sp:meta", r#"{"schema":99,"data":{"app":"9.0.0"}}"#)
        .unwrap();
    local().set_item("sp:deal:f-1", r#"{"schema":99,"data":{"id":"f-1","customer":"Future Co","assigned_at":"2030-01-01T00:00:00Z","updated_at":"2030-01-01T00:00:00Z"}}"#).unwrap();
    let before: Vec<(String, Option<String>)> = ["sp:meta", "sp:deal:f-1"]
        .iter()
        .map(|k| (k.to_string(), local().get_item(k).unwrap()))
        .collect();
    let (root, _app) = mount();
    go("#/deals").await;
    assert!(query(&root, "[data-testid=banner-read-only]").is_some());
    assert_eq!(text(&root, ".deal-list a"), "Future Co");
    let button: web_sys::HtmlButtonElement =
        query(&root, ".quick-add button").unwrap().unchecked_into();
    assert!(button.disabled());
    for (k, v) in before {
        assert_eq!(local().get_item(&k).unwrap(), v, "{k} changed");
    }
    assert_eq!(local().length().unwrap(), 2);
    clean();
}

#[wasm_bindgen_test]
async fn a_failed_save_keeps_the_change_on_screen_and_says_so() {
    clean();
    let (root, _app) = mount();
    go("#/deals").await;
    let fillers = fill_storage();
    add_lead(&root, &"Big Customer ".repeat(10)).await;
    assert!(query(&root, "[data-testid=banner-save-failed]").is_some());
    assert!(
        text(&root, ".deal-list a").starts_with("Big Customer"),
        "kept in memory"
    );
    for k in fillers {
        local().remove_item(&k).unwrap();
    }
    // Try again saves it and the banner goes.
    let retry = root
        .query_selector_all("[data-testid=banner-save-failed] button")
        .unwrap();
    let retry: web_sys::HtmlElement = retry.item(1).unwrap().unchecked_into();
    retry.click();
    tick(10).await;
    assert!(query(&root, "[data-testid=banner-save-failed]").is_none());
    let saved = (0..local().length().unwrap())
        .filter_map(|i| local().key(i).unwrap())
        .any(|k| k.starts_with("sp:deal:"));
    assert!(saved);
    clean();
}

#[wasm_bindgen_test]
async fn a_change_from_another_tab_shows_without_a_reload() {
    clean();
    let (root, _app) = mount();
    go("#/deals").await;
    let d = deal(7, "Other Tab Co");
    let key = Key::Deal(d.id.clone()).as_string();
    let value = envelope::encode(&d);
    local().set_item(&key, &value).unwrap();
    let init = web_sys::StorageEventInit::new();
    init.set_key(Some(&key));
    init.set_new_value(Some(&value));
    let event = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
    web_sys::window().unwrap().dispatch_event(&event).unwrap();
    tick(10).await;
    assert_eq!(text(&root, ".deal-list a"), "Other Tab Co");
    clean();
}

#[wasm_bindgen_test]
async fn every_area_opens_from_the_navigation() {
    clean();
    let (root, _app) = mount();
    let links = root.query_selector_all("nav a").unwrap();
    assert_eq!(links.length(), 5);
    let mut headings = Vec::new();
    for i in 0..links.length() {
        let a: web_sys::HtmlElement = links.item(i).unwrap().unchecked_into();
        go(&a.get_attribute("href").unwrap()).await;
        assert_eq!(a.get_attribute("aria-current").as_deref(), Some("page"));
        headings.push(text(&root, "h1"));
    }
    assert_eq!(
        headings,
        ["Playbook", "Deals", "Training", "Dashboard", "Settings"]
    );
    go("#/no-such-page").await;
    assert_eq!(text(&root, "h1"), "Page not found");
    clean();
}
