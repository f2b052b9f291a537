//! Parsed HTML seen through the core's [`Tree`] interface, so that the native command finds
//! articles with the same code as the browser. Native only.

use ego_tree::NodeId;
use scraper::{Html, Node};

use crate::tree::Tree;

/// An HTML document parsed the way browsers parse it (html5ever).
pub struct HtmlTree {
    doc: Html,
}

impl HtmlTree {
    pub fn parse(html: &str) -> Self {
        HtmlTree {
            doc: Html::parse_document(html),
        }
    }

    /// The `<body>` element, where articles are looked for.
    pub fn body(&self) -> NodeId {
        self.doc
            .tree
            .nodes()
            .find(
                |n| matches!(n.value(), Node::Element(e) if e.name().eq_ignore_ascii_case("body")),
            )
            .map_or_else(|| self.doc.tree.root().id(), |n| n.id())
    }

    /// The `textContent` of a node, which W3C positions count.
    pub fn text_content(&self, node: NodeId) -> String {
        let Some(node) = self.doc.tree.get(node) else {
            return String::new();
        };
        node.descendants()
            .filter_map(|d| match d.value() {
                Node::Text(t) => Some(&**t),
                _ => None,
            })
            .collect()
    }
}

impl Tree for HtmlTree {
    type Node = NodeId;

    fn children(&self, node: &NodeId) -> Vec<NodeId> {
        self.doc
            .tree
            .get(*node)
            .map(|n| n.children().map(|c| c.id()).collect())
            .unwrap_or_default()
    }

    fn tag(&self, node: &NodeId) -> Option<String> {
        match self.doc.tree.get(*node)?.value() {
            Node::Element(e) => Some(e.name().to_ascii_lowercase()),
            _ => None,
        }
    }

    fn attr(&self, node: &NodeId, name: &str) -> Option<String> {
        match self.doc.tree.get(*node)?.value() {
            Node::Element(e) => e.attr(name).map(str::to_string),
            _ => None,
        }
    }

    fn text(&self, node: &NodeId) -> Option<String> {
        match self.doc.tree.get(*node)?.value() {
            Node::Text(t) => Some(t.to_string()),
            _ => None,
        }
    }
}
