//! A plain in-memory document tree implementing [`Tree`], for the native side: the tests now,
//! the `isnad` command's parsed HTML later.

use crate::tree::Tree;

/// A node of a [`MemTree`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MemNode {
    Element {
        tag: String,
        attrs: Vec<(String, String)>,
        children: Vec<usize>,
    },
    Text(String),
}

/// An arena of nodes; node 0 is the document root.
#[derive(Debug, Clone, Default)]
pub struct MemTree {
    nodes: Vec<MemNode>,
}

/// A description of a subtree, for building trees by hand.
#[derive(Debug, Clone)]
pub enum Build {
    El(&'static str, Vec<(&'static str, &'static str)>, Vec<Build>),
    Text(String),
}

/// An element with attributes and children.
pub fn el(
    tag: &'static str,
    attrs: &[(&'static str, &'static str)],
    children: Vec<Build>,
) -> Build {
    Build::El(tag, attrs.to_vec(), children)
}

/// A text node.
pub fn text(data: &str) -> Build {
    Build::Text(data.to_string())
}

impl MemTree {
    /// Builds a tree whose root is `root`.
    pub fn new(root: Build) -> Self {
        let mut tree = MemTree::default();
        tree.add(root);
        tree
    }

    fn add(&mut self, build: Build) -> usize {
        let id = self.nodes.len();
        match build {
            Build::Text(data) => self.nodes.push(MemNode::Text(data)),
            Build::El(tag, attrs, children) => {
                self.nodes.push(MemNode::Element {
                    tag: tag.to_string(),
                    attrs: attrs
                        .iter()
                        .map(|(k, v)| (k.to_string(), v.to_string()))
                        .collect(),
                    children: Vec::new(),
                });
                let ids: Vec<usize> = children.into_iter().map(|c| self.add(c)).collect();
                if let Some(MemNode::Element { children, .. }) = self.nodes.get_mut(id) {
                    *children = ids;
                }
            }
        }
        id
    }

    /// The root node.
    pub fn root(&self) -> usize {
        0
    }

    /// The first element with the given `id` attribute, in document order.
    pub fn by_id(&self, id: &str) -> Option<usize> {
        (0..self.nodes.len()).find(|n| self.attr(n, "id").as_deref() == Some(id))
    }
}

impl Tree for MemTree {
    type Node = usize;

    fn children(&self, node: &usize) -> Vec<usize> {
        match self.nodes.get(*node) {
            Some(MemNode::Element { children, .. }) => children.clone(),
            _ => Vec::new(),
        }
    }

    fn tag(&self, node: &usize) -> Option<String> {
        match self.nodes.get(*node) {
            Some(MemNode::Element { tag, .. }) => Some(tag.to_ascii_lowercase()),
            _ => None,
        }
    }

    fn attr(&self, node: &usize, name: &str) -> Option<String> {
        match self.nodes.get(*node) {
            Some(MemNode::Element { attrs, .. }) => attrs
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.clone()),
            _ => None,
        }
    }

    fn text(&self, node: &usize) -> Option<String> {
        match self.nodes.get(*node) {
            Some(MemNode::Text(data)) => Some(data.clone()),
            _ => None,
        }
    }
}
