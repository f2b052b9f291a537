//! The annotations a mounted widget holds (loaded, added by an editor, or detected), where
//! each one anchors in the article now, and who listens to changes.

use std::collections::HashMap;

use wasm_bindgen::JsValue;
use web_sys::Node;

use crate::anchor::{Anchorer, Status};
use crate::annotation::Annotation;
use crate::marks::{Kind, MarkRange};
use crate::text::TextLayer;

/// One annotation and its place in the article text (code points of the text layer).
pub struct Item {
    pub annotation: Annotation,
    pub at: Option<(usize, usize)>,
    pub status: Status,
}

/// Change events a page can listen to.
pub const EVENTS: &[&str] = &["create", "update", "delete", "select"];

#[derive(Default)]
pub struct Library {
    items: Vec<Item>,
    /// Position of each id in `items`: loading thousands of annotations stays linear.
    index: HashMap<String, usize>,
    listeners: Vec<(String, js_sys::Function)>,
}

impl Library {
    /// Anchors `annotation` in the article and keeps it, replacing one with the same id.
    /// Returns whether it replaced one.
    pub fn put(
        &mut self,
        anchorer: &Anchorer,
        layer: &TextLayer<Node>,
        annotation: Annotation,
    ) -> bool {
        let found = anchorer.anchor(&annotation.target.selector);
        let at = (found.status != Status::Orphan)
            .then(|| {
                let start = layer.from_content(found.start)?;
                let end = layer.from_content(found.end.checked_sub(1)?)? + 1;
                (start < end).then_some((start, end))
            })
            .flatten();
        let status = if at.is_some() {
            found.status
        } else {
            Status::Orphan
        };
        self.keep(Item {
            annotation,
            at,
            status,
        })
    }

    /// Keeps an item whose place is known (a detection, or one just anchored), replacing one
    /// with the same id. Returns whether it replaced one.
    pub fn keep(&mut self, item: Item) -> bool {
        match self.index.get(&item.annotation.id) {
            Some(&i) => {
                self.items[i] = item;
                true
            }
            None => {
                self.index
                    .insert(item.annotation.id.clone(), self.items.len());
                self.items.push(item);
                false
            }
        }
    }

    pub fn remove(&mut self, id: &str) -> Option<Annotation> {
        let index = self.index.remove(id)?;
        let removed = self.items.remove(index).annotation;
        for i in self.index.values_mut().filter(|i| **i > index) {
            *i -= 1;
        }
        Some(removed)
    }

    pub fn get(&self, id: &str) -> Option<&Item> {
        self.index.get(id).and_then(|&i| self.items.get(i))
    }

    pub fn items(&self) -> &[Item] {
        &self.items
    }

    /// A copy of every annotation held, in order.
    pub fn annotations(&self) -> Vec<Annotation> {
        self.items.iter().map(|i| i.annotation.clone()).collect()
    }

    /// The anchored annotations as ranges to mark; a detection an editor rejected is kept (so
    /// that detecting again does not bring it back) but not marked.
    pub fn ranges(&self) -> Vec<MarkRange> {
        self.items
            .iter()
            .filter(|i| !i.annotation.is_rejected())
            .filter_map(|i| {
                let (start, end) = i.at?;
                Some(MarkRange {
                    start,
                    end,
                    kind: i.annotation.kind().unwrap_or(Kind::Claim),
                    id: Some(i.annotation.id.clone()),
                    unsourced: i.annotation.isnad.as_ref().is_some_and(|d| d.unsourced),
                })
            })
            .collect()
    }

    pub fn on(&mut self, event: &str, listener: js_sys::Function) {
        self.listeners.push((event.to_string(), listener));
    }

    pub fn off(&mut self, event: &str, listener: &js_sys::Function) {
        self.listeners
            .retain(|(e, l)| !(e == event && l == listener));
    }

    /// Calls the listeners of `event`; a listener that throws does not stop the others, and its
    /// error is reported on the console.
    pub fn emit(&self, event: &str, detail: &JsValue) {
        for (_, listener) in self.listeners.iter().filter(|(e, _)| e == event) {
            if let Err(e) = listener.call1(&JsValue::NULL, detail) {
                gloo::console::error!("Isnad: a listener of", event, "threw:", e);
            }
        }
    }

    pub fn clear_listeners(&mut self) {
        self.listeners.clear();
    }
}
