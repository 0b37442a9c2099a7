//! Entry point of the browser build.

#[cfg(target_arch = "wasm32")]
fn main() {
    sales_playbook::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Sales Playbook runs in the browser: build it with `make dist` or `make serve`.");
}
