//! The small tree interface the text layer and article finding read, so that the same code runs
//! over the live DOM (web layer) and over parsed HTML (the native command).

/// Read-only access to a document tree.
pub trait Tree {
    /// A handle to one node; cheap to clone.
    type Node: Clone;

    /// The node's children, in document order.
    fn children(&self, node: &Self::Node) -> Vec<Self::Node>;
    /// The element's local name in lower case, or `None` for a non-element.
    fn tag(&self, node: &Self::Node) -> Option<String>;
    /// An attribute of an element.
    fn attr(&self, node: &Self::Node, name: &str) -> Option<String>;
    /// The data of a text node, or `None` for any other node.
    fn text(&self, node: &Self::Node) -> Option<String>;
    /// Code points of the node's `textContent`, which W3C positions count.
    fn content_len(&self, node: &Self::Node) -> usize {
        match self.text(node) {
            Some(text) => text.chars().count(),
            None => self
                .children(node)
                .iter()
                .map(|c| self.content_len(c))
                .sum(),
        }
    }
    /// Whether the page's styles hide the element (`display: none`, `visibility: hidden`).
    /// Parsed HTML has no styles, so the default says no.
    fn styled_hidden(&self, _node: &Self::Node) -> bool {
        false
    }
}

/// The node and everything below it, in document order, without recursion (pages can nest
/// elements thousands deep).
pub fn descendants<T: Tree + ?Sized>(tree: &T, node: &T::Node) -> Vec<T::Node> {
    let mut out = Vec::new();
    let mut stack = vec![node.clone()];
    while let Some(n) = stack.pop() {
        stack.extend(tree.children(&n).into_iter().rev());
        out.push(n);
    }
    out
}

/// Elements whose content is never text a reader reads in the article flow.
const NEVER_TEXT: &[&str] = &[
    "script", "style", "noscript", "template", "head", "title", "meta", "link", "iframe", "object",
    "embed", "canvas", "svg", "math", "video", "audio", "picture", "img", "input", "textarea",
    "select", "option", "button", "datalist", "output", "progress", "meter",
];

/// Page chrome that surrounds or interrupts an article (ANNOTATION-GUIDE: text never annotated).
const CHROME_TAGS: &[&str] = &[
    "nav",
    "aside",
    "footer",
    "figure",
    "figcaption",
    "dialog",
    "form",
    "menu",
];

/// ARIA landmark roles of page chrome.
const CHROME_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "dialog",
    "alertdialog",
    "search",
    "menu",
    "menubar",
    "toolbar",
];

/// Words in class names or ids that mark chrome: ads, bylines, captions, share bars, boxes of
/// related articles. A class is split on `-` and `_` and each word is looked up here.
const CHROME_WORDS: &[&str] = &[
    "ad",
    "ads",
    "advert",
    "adverts",
    "advertisement",
    "advertising",
    "sponsor",
    "sponsored",
    "promo",
    "byline",
    "dateline",
    "author",
    "caption",
    "credit",
    "credits",
    "share",
    "sharing",
    "social",
    "related",
    "newsletter",
    "cookie",
    "cookies",
    "breadcrumb",
    "breadcrumbs",
    "comments",
    "masthead",
    "navbar",
    "menu",
    "sidebar",
    "lightbox",
    "toolbar",
    "footer",
    "tags",
    "subscribe",
    "paywall",
];

/// Word pairs of the same kind ("read-more", "most_read", ...).
const CHROME_PAIRS: &[(&str, &str)] = &[
    ("read", "more"),
    ("read", "also"),
    ("most", "read"),
    ("more", "news"),
    ("see", "also"),
];

/// Glued forms of the pairs ("readmore").
const CHROME_GLUED: &[&str] = &["readmore", "readalso", "mostread", "morenews", "seealso"];

/// Marks the widget puts on its own interface, which the text layer must never read.
pub const UI_ATTRIBUTE: &str = "data-isnad-ui";
const UI_TAGS: &[&str] = &["isnad-annotator"];

/// Why an element is left out of the article's text, if it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Skip {
    /// Not reading text (scripts, styles, form controls, media).
    NotText,
    /// Hidden from readers (`hidden`, `aria-hidden`, styles).
    Hidden,
    /// Page chrome: navigation, captions, ads, bylines, related-article boxes.
    Chrome,
    /// The widget's own interface.
    WidgetUi,
}

/// Decides whether the element `node` (not the article root itself) is left out of the text.
pub fn skip<T: Tree>(tree: &T, node: &T::Node, tag: &str) -> Option<Skip> {
    if NEVER_TEXT.contains(&tag) {
        return Some(Skip::NotText);
    }
    if UI_TAGS.contains(&tag) || tree.attr(node, UI_ATTRIBUTE).is_some() {
        return Some(Skip::WidgetUi);
    }
    if tree.attr(node, "hidden").is_some()
        || tree
            .attr(node, "aria-hidden")
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
        || tree.styled_hidden(node)
    {
        return Some(Skip::Hidden);
    }
    if is_chrome(tree, node, tag) {
        return Some(Skip::Chrome);
    }
    None
}

fn is_chrome<T: Tree>(tree: &T, node: &T::Node, tag: &str) -> bool {
    if CHROME_TAGS.contains(&tag) {
        return true;
    }
    if let Some(role) = tree.attr(node, "role") {
        let role = role.trim().to_ascii_lowercase();
        if CHROME_ROLES.contains(&role.as_str()) {
            return true;
        }
    }
    ["class", "id"]
        .iter()
        .filter_map(|name| tree.attr(node, name))
        .any(|value| value.split_whitespace().any(names_chrome))
}

/// Whether one class name or id names chrome, word by word ("ad-slot", "read_more", "byline").
fn names_chrome(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    if CHROME_GLUED.iter().any(|g| name.contains(g)) {
        return true;
    }
    let words: Vec<&str> = name.split(['-', '_']).filter(|w| !w.is_empty()).collect();
    words.iter().any(|w| CHROME_WORDS.contains(w))
        || words
            .windows(2)
            .any(|pair| CHROME_PAIRS.contains(&(pair[0], pair[1])))
}

/// Finds the article body of a newsroom page below `top` (usually `<body>`):
/// `[itemprop=articleBody]`, else the `<article>` with the most paragraph text, else the element
/// whose own paragraphs hold the most text. Falls back to `top`.
pub fn find_article<T: Tree>(tree: &T, top: &T::Node) -> T::Node {
    let mut body: Option<T::Node> = None;
    let mut articles: Vec<T::Node> = Vec::new();
    let mut densest: Option<(usize, T::Node)> = None;
    visit_candidates(tree, top, &mut |node, tag| {
        if body.is_none()
            && tree
                .attr(node, "itemprop")
                .is_some_and(|v| v.split_whitespace().any(|p| p == "articleBody"))
        {
            body = Some(node.clone());
        }
        if tag == "article" {
            articles.push(node.clone());
        }
        let own = paragraph_text_len(tree, node);
        if own > 0 && densest.as_ref().is_none_or(|(best, _)| own > *best) {
            densest = Some((own, node.clone()));
        }
    });
    if let Some(node) = body {
        return node;
    }
    let best_article = articles
        .into_iter()
        .map(|a| (article_text_len(tree, &a), a))
        .fold(None::<(usize, T::Node)>, |best, (len, a)| match best {
            Some((l, _)) if l >= len => best,
            _ => Some((len, a)),
        });
    if let Some((len, article)) = best_article {
        if len > 0 {
            return article;
        }
    }
    densest.map(|(_, n)| n).unwrap_or_else(|| top.clone())
}

/// Calls `f` on every element below `node` that is not skipped, in document order.
fn visit_candidates<T: Tree>(tree: &T, node: &T::Node, f: &mut dyn FnMut(&T::Node, &str)) {
    let mut stack: Vec<T::Node> = tree.children(node).into_iter().rev().collect();
    while let Some(child) = stack.pop() {
        let Some(tag) = tree.tag(&child) else {
            continue;
        };
        // The site header is chrome when looking for the article, though an article's own
        // <header> (title) is read once the article is found.
        if tag == "header" || skip(tree, &child, &tag).is_some() {
            continue;
        }
        f(&child, &tag);
        stack.extend(tree.children(&child).into_iter().rev());
    }
}

/// Code points of text in the element's own `<p>` children.
fn paragraph_text_len<T: Tree>(tree: &T, node: &T::Node) -> usize {
    tree.children(node)
        .iter()
        .filter(|c| tree.tag(c).as_deref() == Some("p"))
        .map(|p| readable_len(tree, p))
        .sum()
}

/// Code points of text in all paragraphs below an article.
fn article_text_len<T: Tree>(tree: &T, node: &T::Node) -> usize {
    let mut total = paragraph_text_len(tree, node);
    visit_candidates(tree, node, &mut |n, _| total += paragraph_text_len(tree, n));
    total
}

/// Code points of readable, non-blank text below a node.
fn readable_len<T: Tree>(tree: &T, node: &T::Node) -> usize {
    let mut total = 0;
    let mut stack = vec![node.clone()];
    while let Some(n) = stack.pop() {
        if let Some(text) = tree.text(&n) {
            total += text.chars().filter(|c| !c.is_whitespace()).count();
            continue;
        }
        let Some(tag) = tree.tag(&n) else { continue };
        if skip(tree, &n, &tag).is_some() {
            continue;
        }
        stack.extend(tree.children(&n));
    }
    total
}
