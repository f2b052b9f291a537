//! The live DOM seen through the core's [`Tree`] interface.

use wasm_bindgen::JsCast;
use web_sys::{Element, Node, Text, Window};

use crate::tree::Tree;

/// The page's DOM; styles are read through `window` to leave out what the page hides.
pub struct DomTree {
    window: Option<Window>,
}

impl DomTree {
    pub fn new() -> Self {
        DomTree {
            window: web_sys::window(),
        }
    }
}

impl Default for DomTree {
    fn default() -> Self {
        Self::new()
    }
}

impl Tree for DomTree {
    type Node = Node;

    fn children(&self, node: &Node) -> Vec<Node> {
        let mut out = Vec::new();
        let mut child = node.first_child();
        while let Some(c) = child {
            child = c.next_sibling();
            out.push(c);
        }
        out
    }

    fn tag(&self, node: &Node) -> Option<String> {
        node.dyn_ref::<Element>()
            .map(|e| e.local_name().to_ascii_lowercase())
    }

    fn attr(&self, node: &Node, name: &str) -> Option<String> {
        let element = node.dyn_ref::<Element>()?;
        // Most elements of an article (p, b, a span) carry no attribute: a yes/no answer from
        // the DOM is much cheaper than passing the name's string to JS and back.
        if !element.has_attributes() {
            return None;
        }
        element.get_attribute(name)
    }

    fn text(&self, node: &Node) -> Option<String> {
        if node.node_type() != Node::TEXT_NODE {
            return None;
        }
        node.dyn_ref::<Text>().map(|t| t.data())
    }

    fn content_len(&self, node: &Node) -> usize {
        node.text_content().map_or(0, |t| t.chars().count())
    }

    fn styled_hidden(&self, node: &Node) -> bool {
        let (Some(window), Some(element)) = (&self.window, node.dyn_ref::<Element>()) else {
            return false;
        };
        let Ok(Some(style)) = window.get_computed_style(element) else {
            return false;
        };
        let display = style.get_property_value("display").unwrap_or_default();
        let visibility = style.get_property_value("visibility").unwrap_or_default();
        display == "none" || visibility == "hidden" || visibility == "collapse"
    }
}
