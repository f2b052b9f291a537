//! The handle JS holds: `Widget.mount(root, options)` and the few calls on it. Plain data
//! crosses the boundary; every failure is a JS error with a message to act on.

use std::cell::RefCell;
use std::sync::Mutex;

use serde::Serialize;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, Node};

use super::anchoring::content_offset;
use super::data::{from_js, to_js};
use super::dom::DomTree;
use super::errors::{error, range_error, type_error};
use super::highlight::Renderer;
use super::library::{Item, Library, EVENTS};
use crate::anchor::{Anchorer, Status};
use crate::annotation::{stable_id, Annotation};
use crate::detect::{annotations, detect, Detection};
use crate::export::{claim_reviews, from_hypothesis, HypothesisRow, Publisher};
use crate::marks::{nesting_order, snap_to_words, validate, Kind, MarkRange, RangeError};
use crate::text::TextLayer;
use crate::tree::find_article;

/// Options `Isnad.mount` knows; unknown ones are refused so that typos show. `renderer`:
/// 'marks' (default) or 'highlights' (the CSS Custom Highlight API; marks where it is missing).
const MOUNT_OPTIONS: &[&str] = &["renderer"];

/// What `highlight` reports back: each range as it was marked, after snapping to word edges.
#[derive(Serialize)]
struct Marked<'a> {
    id: &'a str,
    kind: &'static str,
    start: usize,
    end: usize,
}

thread_local! {
    /// Roots with a live widget; two widgets on one article would fight over its text nodes.
    static MOUNTED: RefCell<Vec<Element>> = const { RefCell::new(Vec::new()) };
}

static LAST_PANIC: Mutex<Option<String>> = Mutex::new(None);

/// Installs the panic hook when the module starts: a bug reports its message to the shell
/// (see `takePanic`) instead of leaving a bare `unreachable` trap.
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        gloo::console::error!(format!("Isnad internal error: {message}"));
        if let Ok(mut last) = LAST_PANIC.lock() {
            *last = Some(message);
        }
    }));
}

/// The message of the last internal error, taken once; the shell turns a trap into an `Error`
/// carrying it.
#[wasm_bindgen(js_name = takePanic)]
pub fn take_panic() -> Option<String> {
    LAST_PANIC.lock().ok().and_then(|mut last| last.take())
}

struct Mounted {
    document: Document,
    root: Element,
    layer: TextLayer<Node>,
    marks: Renderer,
    /// Ranges marked through `highlight()`, kept so that re-marking keeps them.
    manual: Vec<MarkRange>,
    /// Loaded, added and detected annotations.
    library: Library,
}

/// Isnad mounted on one article.
#[wasm_bindgen]
pub struct Widget {
    mounted: Option<Mounted>,
}

#[wasm_bindgen]
impl Widget {
    /// Mounts on `root`: an `Element`, a CSS selector, or `null` to find the article body of
    /// the page. Reads the article's text once.
    pub fn mount(root: JsValue, options: JsValue) -> Result<Widget, JsValue> {
        check_options(&options)?;
        let document = web_sys::window()
            .and_then(|w| w.document())
            .ok_or_else(|| error("Isnad.mount needs a page: no window.document here"))?;
        let tree = DomTree::new();
        let root = resolve_root(&document, &tree, root)?;
        let overlapping = MOUNTED.with_borrow(|roots| {
            roots
                .iter()
                .any(|r| r.contains(Some(root.as_ref())) || root.contains(Some(r.as_ref())))
        });
        if overlapping {
            return Err(error(format!(
                "Isnad.mount: <{}> is already inside, or holds, an article Isnad is mounted on; call destroy() on that handle first",
                root.local_name()
            )));
        }
        let marks = Renderer::choose(&options)?;
        let layer = TextLayer::build(&tree, root.as_ref());
        MOUNTED.with_borrow_mut(|roots| roots.push(root.clone()));
        Ok(Widget {
            mounted: Some(Mounted {
                document,
                root,
                layer,
                marks,
                manual: Vec::new(),
                library: Library::default(),
            }),
        })
    }

    /// The article text that offsets count in (code points).
    pub fn text(&self) -> Result<String, JsValue> {
        Ok(self.live()?.layer.text().to_string())
    }

    /// The article root element.
    #[wasm_bindgen(getter)]
    pub fn root(&self) -> Option<Element> {
        self.mounted.as_ref().map(|m| m.root.clone())
    }

    /// Number of `<mark>` elements in the article (with the highlights renderer: of ranges
    /// in `CSS.highlights`).
    #[wasm_bindgen(js_name = markCount)]
    pub fn mark_count(&self) -> usize {
        self.mounted.as_ref().map_or(0, |m| m.marks.mark_count())
    }

    /// What this widget draws with: `"marks"` or `"highlights"`.
    #[wasm_bindgen(getter)]
    pub fn renderer(&self) -> String {
        self.mounted
            .as_ref()
            .map_or("marks", |m| m.marks.name())
            .to_string()
    }

    /// Ids of the annotations drawn over the character that starts at the DOM point (`node`,
    /// `offset` in UTF-16 units, as `caretPositionFromPoint` gives it), narrowest first;
    /// hit-testing that works with either renderer.
    #[wasm_bindgen(js_name = annotationsAt)]
    pub fn annotations_at(&self, node: &Node, offset: u32) -> Result<Vec<String>, JsValue> {
        let m = self.live()?;
        Ok(m.marks.ids_at(&m.document, &m.layer, node, offset))
    }

    /// Marks `ranges` (`[{start, end, kind, id?}]`, code points of `text()`). Arabic edges
    /// move to word edges. Nothing changes when any range is wrong. Returns the ranges as
    /// marked.
    pub fn highlight(&mut self, ranges: JsValue) -> Result<JsValue, JsValue> {
        let mounted = self.live_mut()?;
        let ranges: Vec<MarkRange> = from_js(&ranges).map_err(|e| {
            type_error(format!(
                "highlight(ranges): ranges must be an array of {{start, end, kind: 'claim'|'source'|'assessment', id?}}: {e}"
            ))
        })?;
        let ranges = validate(ranges, mounted.layer.len())
            .map_err(|e: RangeError| range_error(format!("highlight: {e}")))?;
        let marked = mounted.mark(ranges)?;
        mounted.manual.extend(marked.iter().cloned());
        let marked: Vec<Marked> = marked
            .iter()
            .map(|r| Marked {
                id: r.id.as_deref().unwrap_or_default(),
                kind: r.kind.as_str(),
                start: r.start,
                end: r.end,
            })
            .collect();
        to_js(&marked, "highlight")
    }

    /// Finds claims, sources and quoted assessments in the article, marks them, and returns
    /// them as W3C Web Annotations (positions count code points of the root's `textContent`).
    pub fn detect(&mut self) -> Result<JsValue, JsValue> {
        let mounted = self.live_mut()?;
        let (found, annotations) = mounted.detections();
        let copy = to_js(&annotations, "detect")?;
        mounted.keep_detected(&found, annotations);
        mounted.remark()?;
        Ok(copy)
    }

    /// What `detect()` does, for a page that only shows the findings (`Isnad.mount` with
    /// `detect: true`): returns how many annotations were found, without handing JS a copy of
    /// each (on a 1 MB article, ~10 MB of JSON).
    #[wasm_bindgen(js_name = markDetected)]
    pub fn mark_detected(&mut self) -> Result<u32, JsValue> {
        let mounted = self.live_mut()?;
        let found = mounted.keep_detections();
        mounted.remark()?;
        Ok(u32::try_from(found).unwrap_or(u32::MAX))
    }

    /// Loads W3C annotations (an array, or an AnnotationPage's `items`), anchors each in the
    /// article and marks those found. Returns `{ anchored, orphans }`. Nothing changes when one
    /// of them is malformed.
    pub fn load(&mut self, annotations: JsValue) -> Result<JsValue, JsValue> {
        let mounted = self.live_mut()?;
        let items = if js_sys::Array::is_array(&annotations) {
            annotations
        } else {
            js_sys::Reflect::get(&annotations, &"items".into()).unwrap_or(JsValue::UNDEFINED)
        };
        let list: Vec<Annotation> = from_js(&items)
            .map_err(|e| type_error(format!("load(annotations): expected an array of W3C annotations (or an AnnotationPage): {e}")))?;
        for (i, a) in list.iter().enumerate() {
            a.check().map_err(|e| {
                type_error(format!(
                    "load(annotations): annotation {i} ({:?}): {e}",
                    a.id
                ))
            })?;
        }
        let (anchored, orphans) = mounted.place_all(list)?;
        counts(&[("anchored", anchored), ("orphans", orphans)])
    }

    /// Every annotation the widget holds, as W3C JSON-LD objects.
    pub fn annotations(&self) -> Result<JsValue, JsValue> {
        let mounted = self.live()?;
        let all: Vec<&Annotation> = mounted
            .library
            .items()
            .iter()
            .map(|i| &i.annotation)
            .collect();
        to_js(&all, "annotations")
    }

    /// The annotations whose text is no longer in the article.
    pub fn orphans(&self) -> Result<JsValue, JsValue> {
        let mounted = self.live()?;
        let all: Vec<&Annotation> = mounted
            .library
            .items()
            .iter()
            .filter(|i| i.at.is_none())
            .map(|i| &i.annotation)
            .collect();
        to_js(&all, "orphans")
    }

    /// Where an annotation anchored: `exact`, `moved`, `fuzzy` or `orphan`; `undefined` for an
    /// unknown id.
    pub fn status(&self, id: &str) -> Result<Option<String>, JsValue> {
        let mounted = self.live()?;
        Ok(mounted
            .library
            .get(id)
            .map(|i| i.status.as_str().to_owned()))
    }

    /// Adds an annotation (an id is made when it has none), marks it, and emits `create`.
    pub fn add(&mut self, annotation: JsValue) -> Result<JsValue, JsValue> {
        let mounted = self.live_mut()?;
        let annotation = read_annotation(annotation, "add")?;
        if mounted.library.get(&annotation.id).is_some() {
            return Err(error(format!(
                "add: an annotation with id {:?} exists already; use update()",
                annotation.id
            )));
        }
        mounted.store(annotation, "create")
    }

    /// Replaces the annotation with the same id, re-anchors and re-marks it, emits `update`.
    pub fn update(&mut self, annotation: JsValue) -> Result<JsValue, JsValue> {
        let mounted = self.live_mut()?;
        let annotation = read_annotation(annotation, "update")?;
        if mounted.library.get(&annotation.id).is_none() {
            return Err(error(format!(
                "update: no annotation with id {:?}; use add()",
                annotation.id
            )));
        }
        mounted.store(annotation, "update")
    }

    /// Removes an annotation and its marks; emits `delete`. Returns whether it was there.
    pub fn remove(&mut self, id: &str) -> Result<bool, JsValue> {
        let mounted = self.live_mut()?;
        let Some(removed) = mounted.library.remove(id) else {
            return Ok(false);
        };
        mounted.remark()?;
        mounted.library.emit("delete", &to_js(&removed, "remove")?);
        Ok(true)
    }

    /// schema.org ClaimReview objects for the claims an editor rated (`isnad.rating`), ready
    /// for a `<script type="application/ld+json">` in the page head. `publisher` is
    /// `{ name, url, articleDate? }`.
    #[wasm_bindgen(js_name = claimReviews)]
    pub fn claim_reviews(&self, publisher: JsValue) -> Result<JsValue, JsValue> {
        let mounted = self.live()?;
        let publisher: Publisher = from_js(&publisher).map_err(|e| {
            type_error(format!(
                "claimReviews(publisher): expected {{ name, url, articleDate? }}: {e}"
            ))
        })?;
        let all = mounted.library.annotations();
        to_js(&claim_reviews(&all, &publisher), "claimReviews")
    }

    /// Brings in annotations from the Hypothesis API (`rows` as its search API returns them,
    /// or an object with `rows`): their UTF-16 positions become code points of this article.
    /// Each one is announced as `create`. Returns `{ anchored, orphans, skipped }`.
    #[wasm_bindgen(js_name = importHypothesis)]
    pub fn import_hypothesis(&mut self, rows: JsValue) -> Result<JsValue, JsValue> {
        let mounted = self.live_mut()?;
        let rows = if js_sys::Array::is_array(&rows) {
            rows
        } else {
            js_sys::Reflect::get(&rows, &"rows".into()).unwrap_or(JsValue::UNDEFINED)
        };
        let rows: Vec<HypothesisRow> = from_js(&rows).map_err(|e| {
            type_error(format!(
                "importHypothesis(rows): expected Hypothesis API annotations: {e}"
            ))
        })?;
        // Hypothesis counts the whole body's text; Isnad counts the article root's.
        let body = mounted
            .document
            .body()
            .ok_or_else(|| error("importHypothesis: the page has no <body>"))?;
        let counted: Vec<char> = body.text_content().unwrap_or_default().chars().collect();
        let root_start = content_offset(&body, mounted.root.as_ref(), 0)?;
        let converted: Vec<Annotation> = rows
            .iter()
            .filter_map(|r| from_hypothesis(r, &counted, root_start))
            .collect();
        let skipped = rows.len() - converted.len();
        let ids: Vec<String> = converted.iter().map(|a| a.id.clone()).collect();
        let (anchored, orphans) = mounted.place_all(converted)?;
        // Imported annotations are new to this page: stores and CMS listeners keep them.
        for id in &ids {
            if let Some(item) = mounted.library.get(id) {
                mounted
                    .library
                    .emit("create", &to_js(&item.annotation, "importHypothesis")?);
            }
        }
        counts(&[
            ("anchored", anchored),
            ("orphans", orphans),
            ("skipped", skipped),
        ])
    }

    /// Reads the article again after the page changed it (a live blog's new entry, lazy-loaded
    /// paragraphs, client-side navigation), re-anchors every annotation held and marks again.
    /// Ranges given to `highlight()` counted offsets of the old text and are dropped. With
    /// `redetect`, detection runs on the new text too, before the one marking pass. Returns
    /// `{ anchored, orphans }`.
    pub fn refresh(&mut self, redetect: Option<bool>) -> Result<JsValue, JsValue> {
        let mounted = self.live_mut()?;
        mounted.marks.clear()?;
        mounted.manual.clear();
        // Cleared, the renderer starts again on the new text.
        mounted.layer = TextLayer::build(&DomTree::new(), mounted.root.as_ref());
        let held = mounted.library.annotations();
        let (anchored, orphans) = mounted.place(held);
        if redetect.unwrap_or(false) {
            mounted.keep_detections();
        }
        // One marking pass for both.
        mounted.remark()?;
        counts(&[("anchored", anchored), ("orphans", orphans)])
    }

    /// Tells the `select` listeners that the reader chose annotation `id` (the interface calls
    /// this when a highlight is opened). Returns false when no annotation has that id.
    pub fn select(&self, id: &str) -> Result<bool, JsValue> {
        let mounted = self.live()?;
        let Some(item) = mounted.library.get(id) else {
            return Ok(false);
        };
        let value = to_js(&item.annotation, "select")?;
        mounted.library.emit("select", &value);
        Ok(true)
    }

    /// Calls `listener(annotation)` on `create`, `update`, `delete` or `select`.
    pub fn on(&mut self, event: &str, listener: js_sys::Function) -> Result<(), JsValue> {
        check_event(event)?;
        self.live_mut()?.library.on(event, listener);
        Ok(())
    }

    /// Stops calling `listener` on `event`.
    pub fn off(&mut self, event: &str, listener: js_sys::Function) -> Result<(), JsValue> {
        check_event(event)?;
        self.live_mut()?.library.off(event, &listener);
        Ok(())
    }

    /// Removes every mark, leaving the article as it was. Annotations stay loaded (see
    /// `annotations()`) and are marked again when the set changes.
    pub fn clear(&mut self) -> Result<(), JsValue> {
        let mounted = self.live_mut()?;
        mounted.manual.clear();
        mounted.marks.clear()
    }

    /// Removes every mark and lets go of the article. A second call does nothing.
    pub fn destroy(&mut self) -> Result<(), JsValue> {
        let Some(mut mounted) = self.mounted.take() else {
            return Ok(());
        };
        MOUNTED.with_borrow_mut(|roots| roots.retain(|r| r != &mounted.root));
        mounted.library.clear_listeners();
        mounted.marks.clear()
    }
}

impl Mounted {
    /// The root's `textContent` as code points, which W3C positions count.
    fn content(&self) -> Vec<char> {
        self.root
            .text_content()
            .unwrap_or_default()
            .chars()
            .collect()
    }

    /// Marks again: the annotations held, then the ranges given to `highlight()`.
    fn remark(&mut self) -> Result<(), JsValue> {
        self.marks.clear()?;
        let mut ranges = self.library.ranges();
        ranges.extend(self.manual.iter().cloned());
        self.mark(ranges)?;
        Ok(())
    }

    /// Anchors and keeps annotations, then marks again; returns how many anchored and how many
    /// are orphans.
    fn place_all(&mut self, list: Vec<Annotation>) -> Result<(usize, usize), JsValue> {
        let counts = self.place(list);
        self.remark()?;
        Ok(counts)
    }

    /// Anchors and keeps annotations (marking is the caller's); how many anchored, how many
    /// are orphans.
    fn place(&mut self, list: Vec<Annotation>) -> (usize, usize) {
        let content = self.content();
        let anchorer = Anchorer::new(&content);
        let ids: Vec<String> = list.iter().map(|a| a.id.clone()).collect();
        for a in list {
            self.library.put(&anchorer, &self.layer, a);
        }
        let orphans = ids
            .iter()
            .filter(|id| self.library.get(id).is_none_or(|i| i.at.is_none()))
            .count();
        (ids.len() - orphans, orphans)
    }

    /// Detects in the article: what was found, and the annotations of it.
    fn detections(&self) -> (Vec<Detection>, Vec<Annotation>) {
        let found = detect(self.layer.chars());
        let content = self.content();
        let page = page_url(&self.document);
        let annotations = annotations(&self.layer, &content, &page, &found);
        (found, annotations)
    }

    /// Keeps what was detected, moved into the library (marking is the caller's). Detections
    /// know their place: no need to anchor them. One held already (found before, or loaded from
    /// a store with an editor's corrections) stays as it is. Returns how many annotations were
    /// detected.
    fn keep_detected(&mut self, found: &[Detection], annotations: Vec<Annotation>) -> usize {
        let count = annotations.len();
        for (d, annotation) in found.iter().zip(annotations) {
            if self.library.get(&annotation.id).is_some() {
                continue;
            }
            self.library.keep(Item {
                annotation,
                at: Some((d.start, d.end)),
                status: Status::Exact,
            });
        }
        count
    }

    /// Detects and keeps, returning how many annotations were detected.
    fn keep_detections(&mut self) -> usize {
        let (found, annotations) = self.detections();
        self.keep_detected(&found, annotations)
    }

    /// Keeps and marks one annotation, then tells the listeners.
    fn store(&mut self, annotation: Annotation, event: &str) -> Result<JsValue, JsValue> {
        let content = self.content();
        let id = annotation.id.clone();
        self.library
            .put(&Anchorer::new(&content), &self.layer, annotation);
        self.remark()?;
        let stored = self.library.get(&id).map(|i| &i.annotation);
        let value = to_js(&stored, event)?;
        self.library.emit(event, &value);
        Ok(value)
    }

    /// Marks validated ranges, Arabic edges on word edges, outer ranges first.
    fn mark(&mut self, mut ranges: Vec<MarkRange>) -> Result<Vec<MarkRange>, JsValue> {
        for r in &mut ranges {
            (r.start, r.end) = snap_to_words(self.layer.chars(), r.start, r.end);
        }
        nesting_order(&mut ranges);
        for r in &ranges {
            self.marks.mark(&self.document, &self.layer, r)?;
        }
        Ok(ranges)
    }
}

/// `{ name: count, ... }` for JS.
fn counts(pairs: &[(&str, usize)]) -> Result<JsValue, JsValue> {
    let object = js_sys::Object::new();
    for (name, n) in pairs {
        js_sys::Reflect::set(&object, &(*name).into(), &(*n as u32).into())?;
    }
    Ok(object.into())
}

/// An annotation from JS; one without an id gets a stable one from its kind and quote.
fn read_annotation(value: JsValue, doing: &str) -> Result<Annotation, JsValue> {
    let id = js_sys::Reflect::get(&value, &"id".into()).unwrap_or(JsValue::UNDEFINED);
    if !id.is_undefined() && !id.is_null() && id.as_string().is_none() {
        return Err(type_error(format!(
            "{doing}(annotation): id must be a string (an IRI), or left out to have one made"
        )));
    }
    let has_id = id.as_string().is_some_and(|s| !s.is_empty());
    let mut annotation: Annotation = from_js(&if has_id {
        value
    } else {
        let copy = js_sys::Object::assign(&js_sys::Object::new(), value.unchecked_ref());
        js_sys::Reflect::set(&copy, &"id".into(), &"".into())?;
        copy.into()
    })
    .map_err(|e| type_error(format!("{doing}(annotation): not a W3C annotation: {e}")))?;
    annotation
        .check()
        .map_err(|e| type_error(format!("{doing}(annotation): {e}")))?;
    if annotation.id.is_empty() {
        annotation.id = stable_id(
            annotation.kind().unwrap_or(Kind::Claim),
            &annotation.target.selector,
        );
    }
    Ok(annotation)
}

fn check_event(event: &str) -> Result<(), JsValue> {
    if EVENTS.contains(&event) {
        Ok(())
    } else {
        Err(type_error(format!(
            "unknown event {event:?}; Isnad emits {}",
            EVENTS.join(", ")
        )))
    }
}

/// The page's address for annotation targets: its canonical URL, else its location without
/// the fragment.
fn page_url(document: &Document) -> String {
    if let Ok(Some(link)) = document.query_selector("link[rel=canonical][href]") {
        if let Some(href) = link.get_attribute("href").filter(|h| h.starts_with("http")) {
            return href;
        }
    }
    let href = document.url().unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_string()
}

impl Widget {
    fn live(&self) -> Result<&Mounted, JsValue> {
        self.mounted.as_ref().ok_or_else(destroyed)
    }

    fn live_mut(&mut self) -> Result<&mut Mounted, JsValue> {
        self.mounted.as_mut().ok_or_else(destroyed)
    }
}

fn destroyed() -> JsValue {
    error("this Isnad handle was destroyed; call Isnad.mount() again")
}

/// Refuses options that are not an object, or that name an option Isnad does not know.
fn check_options(options: &JsValue) -> Result<(), JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(());
    }
    let object = options
        .dyn_ref::<js_sys::Object>()
        .filter(|_| !options.is_function() && !js_sys::Array::is_array(options))
        .ok_or_else(|| type_error("Isnad.mount: options must be an object"))?;
    for key in js_sys::Object::keys(object)
        .iter()
        .filter_map(|k| k.as_string())
    {
        if !MOUNT_OPTIONS.contains(&key.as_str()) {
            let known = if MOUNT_OPTIONS.is_empty() {
                "none yet".to_string()
            } else {
                MOUNT_OPTIONS.join(", ")
            };
            return Err(type_error(format!(
                "Isnad.mount: unknown option {key:?} (options known: {known})"
            )));
        }
    }
    Ok(())
}

/// Turns the `root` argument into the article element.
fn resolve_root(document: &Document, tree: &DomTree, root: JsValue) -> Result<Element, JsValue> {
    if root.is_undefined() || root.is_null() {
        let body = document
            .body()
            .ok_or_else(|| error("Isnad.mount(null) looks for the article in <body>, and the page has none yet; mount after DOMContentLoaded"))?;
        let found = find_article(tree, body.as_ref());
        return found
            .dyn_into::<Element>()
            .map_err(|_| error("Isnad.mount(null): the article found is not an element"));
    }
    if let Some(selector) = root.as_string() {
        let found = document.query_selector(&selector).map_err(|_| {
            type_error(format!(
                "Isnad.mount: root selector {selector:?} is not a valid CSS selector"
            ))
        })?;
        return found.ok_or_else(|| {
            error(format!(
                "Isnad.mount: no element matches the root selector {selector:?}"
            ))
        });
    }
    let element = root
        .dyn_into::<Element>()
        .map_err(|_| type_error("Isnad.mount: root must be an Element, a CSS selector string, or null to find the article"))?;
    if !element.is_connected() {
        return Err(error(
            "Isnad.mount: the root element is not in the document; insert it first",
        ));
    }
    Ok(element)
}
