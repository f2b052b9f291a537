//! What the browser test files share: the page's document and a fixture container.
#![cfg(target_arch = "wasm32")]
#![allow(dead_code)] // each test file uses its own part

use web_sys::{Document, Element};

pub fn document() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fixture in its own container (`#fixture`) on the page, removed when dropped. Each test
/// file adds the methods it needs (`mount`, …) in its own `impl Fixture`.
pub struct Fixture {
    pub container: Element,
}

impl Fixture {
    pub fn new(html: &str) -> Self {
        let container = document().create_element("div").unwrap();
        container.set_id("fixture");
        container.set_inner_html(html);
        document().body().unwrap().append_child(&container).unwrap();
        Fixture { container }
    }

    pub fn html(&self) -> String {
        self.container.inner_html()
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        self.container.remove();
    }
}
