//! The text layer and article finding over an in-memory tree (the same code reads the DOM).

use isnad::memtree::{el, text, Build, MemTree};
use isnad::text::TextLayer;
use isnad::tree::{find_article, Tree};

fn page(body: Vec<Build>) -> MemTree {
    MemTree::new(el("body", &[], body))
}

fn layer(tree: &MemTree, root: usize) -> TextLayer<usize> {
    TextLayer::build(tree, &root)
}

#[test]
fn paragraphs_are_separated_and_inline_markup_is_read_through() {
    let tree = page(vec![
        el(
            "p",
            &[],
            vec![
                text("Exports "),
                el("b", &[], vec![text("rose")]),
                text(" 8%."),
            ],
        ),
        el("p", &[], vec![text("The ministry said so.")]),
    ]);
    let layer = layer(&tree, tree.root());
    assert_eq!(layer.text(), "Exports rose 8%.\nThe ministry said so.");
    assert_eq!(layer.runs().len(), 4);
}

#[test]
fn br_and_blocks_break_lines_once() {
    let tree = page(vec![el(
        "div",
        &[],
        vec![
            text("one"),
            el("br", &[], vec![]),
            text("two"),
            el("div", &[], vec![el("p", &[], vec![text("three")])]),
        ],
    )]);
    assert_eq!(layer(&tree, tree.root()).text(), "one\ntwo\nthree");
}

#[test]
fn scripts_hidden_text_controls_and_widget_ui_are_skipped() {
    let tree = page(vec![el(
        "p",
        &[],
        vec![
            text("a"),
            el("script", &[], vec![text("var x = 1;")]),
            el("style", &[], vec![text("p{}")]),
            el("span", &[("hidden", "")], vec![text("H")]),
            el("span", &[("aria-hidden", "true")], vec![text("A")]),
            el("button", &[], vec![text("×")]),
            el("textarea", &[], vec![text("T")]),
            el("div", &[("data-isnad-ui", "")], vec![text("UI")]),
            el("isnad-annotator", &[], vec![text("UI2")]),
            text("b"),
        ],
    )]);
    assert_eq!(layer(&tree, tree.root()).text(), "a\nb");
}

#[test]
fn chrome_inside_the_article_is_left_out() {
    let tree = page(vec![el(
        "article",
        &[("id", "art")],
        vec![
            el("p", &[("class", "byline")], vec![text("By A. Writer")]),
            el(
                "figure",
                &[],
                vec![el("figcaption", &[], vec![text("A caption")])],
            ),
            el("p", &[], vec![text("Body one.")]),
            el(
                "div",
                &[("class", "ad-slot inline")],
                vec![text("Advertisement")],
            ),
            el("aside", &[("class", "read-more")], vec![text("Read more")]),
            el("div", &[("class", "box readAlso")], vec![text("Also")]),
            el("div", &[("class", "shadow")], vec![text("kept")]),
            el("p", &[], vec![text("Body two.")]),
        ],
    )]);
    let root = tree.by_id("art").unwrap();
    assert_eq!(layer(&tree, root).text(), "Body one.\nkept\nBody two.");
}

#[test]
fn offsets_count_code_points_and_convert_to_utf16_only_per_node() {
    // Harakat, NBSP, ZWJ and an emoji (two UTF-16 units) in one node.
    let s = "قالَ\u{a0}👍\u{200d}x";
    let tree = page(vec![el(
        "p",
        &[],
        vec![text("😀"), el("b", &[], vec![text(s)])],
    )]);
    let layer = layer(&tree, tree.root());
    assert_eq!(layer.len(), 1 + s.chars().count());
    let slices = layer.slices(0, layer.len());
    assert_eq!(slices.len(), 2);
    assert_eq!((slices[1].from, slices[1].to), (0, s.chars().count()));
    // "قالَ" + NBSP = 5 code points = 5 UTF-16 units; the emoji adds 2 for 1 code point.
    assert_eq!(layer.utf16_len(1, 0, 5), 5);
    assert_eq!(layer.utf16_len(1, 0, 6), 7);
    assert_eq!(layer.utf16_len(0, 0, 1), 2);
    assert_eq!(layer.run_text(1), s);
}

#[test]
fn slices_skip_the_breaks_between_paragraphs() {
    let tree = page(vec![
        el("p", &[], vec![text("abc")]),
        el("p", &[], vec![text("def")]),
    ]);
    let layer = layer(&tree, tree.root());
    // "abc\ndef": the range 1..6 covers "bc", the break, "de".
    let slices: Vec<_> = layer
        .slices(1, 6)
        .iter()
        .map(|s| (s.run, s.from, s.to))
        .collect();
    assert_eq!(slices, vec![(0, 1, 3), (1, 0, 2)]);
    assert!(layer.slices(3, 4).is_empty());
}

#[test]
fn empty_root_has_empty_text() {
    let tree = page(vec![]);
    let layer = layer(&tree, tree.root());
    assert!(layer.is_empty());
    assert!(layer.slices(0, 0).is_empty());
}

#[test]
fn finds_article_body_by_itemprop_first() {
    let tree = page(vec![
        el(
            "nav",
            &[],
            vec![el(
                "p",
                &[],
                vec![text("Home News Sport and a long navigation paragraph")],
            )],
        ),
        el(
            "article",
            &[],
            vec![
                el("h1", &[], vec![text("Title")]),
                el(
                    "div",
                    &[("itemprop", "articleBody"), ("id", "body")],
                    vec![el("p", &[], vec![text("Short.")])],
                ),
            ],
        ),
    ]);
    assert_eq!(
        find_article(&tree, &tree.root()),
        tree.by_id("body").unwrap()
    );
}

#[test]
fn finds_the_article_with_most_paragraph_text() {
    let tree = page(vec![
        el(
            "article",
            &[("id", "teaser")],
            vec![el("p", &[], vec![text("A teaser.")])],
        ),
        el(
            "article",
            &[("id", "main")],
            vec![el(
                "div",
                &[],
                vec![
                    el(
                        "p",
                        &[],
                        vec![text("The real article has more text in it.")],
                    ),
                    el("p", &[], vec![text("Much more.")]),
                ],
            )],
        ),
    ]);
    assert_eq!(
        find_article(&tree, &tree.root()),
        tree.by_id("main").unwrap()
    );
}

#[test]
fn without_article_finds_the_densest_block_outside_chrome() {
    let tree = page(vec![
        el("header", &[], vec![el("div", &[], vec![el("p", &[], vec![text("A very long masthead paragraph that is not the article at all, really long")])])]),
        el("div", &[("id", "content")], vec![
            el("p", &[], vec![text("First paragraph of the story.")]),
            el("p", &[], vec![text("Second paragraph of the story.")]),
        ]),
        el("div", &[("class", "sidebar")], vec![el("p", &[], vec![text("Sidebar text that is quite long too, longer than the story paragraphs")])]),
        el("footer", &[], vec![el("p", &[], vec![text("Footer")])]),
    ]);
    let found = find_article(&tree, &tree.root());
    assert_eq!(found, tree.by_id("content").unwrap());
    assert_eq!(tree.tag(&found).as_deref(), Some("div"));
}

#[test]
fn a_page_without_paragraphs_falls_back_to_the_top() {
    let tree = page(vec![el("div", &[], vec![text("just text")])]);
    assert_eq!(find_article(&tree, &tree.root()), tree.root());
}

#[test]
fn layout_whitespace_between_blocks_is_not_text() {
    let tree = page(vec![
        text("\n  "),
        el(
            "p",
            &[],
            vec![
                text("One "),
                el("b", &[], vec![text("two")]),
                text(" "),
                el("i", &[], vec![text("three")]),
            ],
        ),
        text("\n\n  "),
        el("p", &[], vec![text("Four.")]),
        text("\n"),
    ]);
    assert_eq!(layer(&tree, tree.root()).text(), "One two three\nFour.");
}

#[test]
fn positions_map_to_the_roots_text_content_and_back() {
    // textContent: "\n" + "Exports rose." + "By Ann" + "cap" + "Next."  (the caption and byline are
    // skipped by the layer but counted by textContent).
    let tree = page(vec![
        text("\n"),
        el("p", &[], vec![text("Exports rose.")]),
        el("p", &[("class", "byline")], vec![text("By Ann")]),
        el(
            "figure",
            &[],
            vec![el("figcaption", &[], vec![text("cap")])],
        ),
        el("p", &[], vec![text("Next.")]),
    ]);
    let layer = layer(&tree, tree.root());
    assert_eq!(layer.text(), "Exports rose.\nNext.");
    assert_eq!(layer.content_len(), 1 + 13 + 6 + 3 + 5);
    // "rose" is at 8..12 in the layer, 9..13 in textContent.
    assert_eq!(layer.to_content(8, 12), (9, 13));
    // "Next" is at 14..18 in the layer; textContent puts it after the skipped 9 code points.
    assert_eq!(layer.to_content(14, 18), (23, 27));
    // A range over the break keeps its text edges.
    assert_eq!(layer.to_content(8, 18), (9, 27));
    assert_eq!(layer.from_content(23), Some(14));
    assert_eq!(layer.from_content(15), None, "inside the skipped byline");
    for i in 0..layer.len() {
        if layer.chars()[i] != '\n' {
            let (c, _) = layer.to_content(i, i + 1);
            assert_eq!(layer.from_content(c), Some(i));
        }
    }
}

#[test]
fn plain_text_is_its_own_text_content() {
    let layer = TextLayer::plain(0usize, "سطر أول\n\nسطر ثانٍ");
    assert_eq!(layer.len(), 17);
    assert_eq!(layer.to_content(3, 12), (3, 12));
    assert_eq!(layer.from_content(16), Some(16));
}
