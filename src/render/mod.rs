//! Screens drawn as HTML text where a component per node would cost far more wasm than a
//! string: pure functions, tested natively. Every text from the playbook is escaped.

pub mod template;
