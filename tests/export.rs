//! ClaimReview export and Hypothesis import.
#![cfg(not(target_arch = "wasm32"))]

use isnad::annotation::{Annotation, Rating};
use isnad::detect::{annotations, detect};
use isnad::export::{
    claim_reviews, from_hypothesis, utf16_to_code_points, HypothesisRow, Publisher,
};
use isnad::marks::Kind;
use isnad::text::TextLayer;

fn detected(text: &str) -> Vec<Annotation> {
    let layer = TextLayer::plain((), text);
    annotations(
        &layer,
        layer.chars(),
        "https://news.example/2026/rationing",
        &detect(layer.chars()),
    )
}

fn publisher() -> Publisher {
    Publisher {
        name: "The Northern Ledger".into(),
        url: "https://news.example/".into(),
        article_date: Some("2026-11-28".into()),
    }
}

#[test]
fn rated_claims_become_claim_reviews_with_googles_required_fields() {
    let mut found = detected("The ministry said exports rose 8% in 2023. Exports to China reached $40 billion last year.");
    let claims: Vec<usize> = (0..found.len())
        .filter(|&i| found[i].kind() == Some(Kind::Claim))
        .collect();
    assert!(claims.len() >= 2, "{found:#?}");
    // The editor rates the attributed claim only.
    let attributed = *claims
        .iter()
        .find(|&&i| found[i].linked_source().is_some())
        .unwrap();
    found[attributed].isnad.as_mut().unwrap().rating = Some(Rating {
        value: 2.0,
        best: 5.0,
        worst: 1.0,
        label: "Mostly false".into(),
        date: Some("2026-11-29".into()),
    });
    let reviews = claim_reviews(&found, &publisher());
    assert_eq!(reviews.len(), 1, "only rated claims are exported");
    let json = serde_json::to_value(&reviews[0]).unwrap();
    assert_eq!(json["@context"], "https://schema.org");
    assert_eq!(json["@type"], "ClaimReview");
    assert_eq!(json["claimReviewed"], found[attributed].exact().unwrap());
    assert_eq!(json["url"], "https://news.example/2026/rationing");
    assert_eq!(json["reviewRating"]["alternateName"], "Mostly false");
    assert_eq!(json["reviewRating"]["ratingValue"], 2.0);
    assert_eq!(json["reviewRating"]["bestRating"], 5.0);
    assert_eq!(json["reviewRating"]["worstRating"], 1.0);
    assert_eq!(json["author"]["name"], "The Northern Ledger");
    assert_eq!(json["itemReviewed"]["@type"], "Claim");
    assert_eq!(json["itemReviewed"]["author"]["name"], "The ministry");
    assert_eq!(json["itemReviewed"]["author"]["@type"], "Organization");
    assert_eq!(
        json["itemReviewed"]["appearance"]["url"],
        "https://news.example/2026/rationing"
    );
    assert_eq!(json["itemReviewed"]["datePublished"], "2026-11-28");
    assert_eq!(json["datePublished"], "2026-11-29");
}

#[test]
fn utf16_offsets_become_code_points() {
    let text: Vec<char> = "😀 قالَ 👍🏽x".chars().collect();
    assert_eq!(utf16_to_code_points(&text, 0), Some(0));
    assert_eq!(utf16_to_code_points(&text, 2), Some(1));
    assert_eq!(
        utf16_to_code_points(&text, 1),
        None,
        "inside a surrogate pair"
    );
    let units: usize = text.iter().map(|c| c.len_utf16()).sum();
    assert_eq!(utf16_to_code_points(&text, units), Some(text.len()));
    assert_eq!(utf16_to_code_points(&text, units + 1), None);
}

#[test]
fn hypothesis_annotations_come_in_with_positions_in_code_points_of_the_root() {
    // Hypothesis counted UTF-16 units of the whole body: "😀 Menu\n" comes before the article.
    let body: Vec<char> = "😀 Menu\nThe ministry said exports rose 8%."
        .chars()
        .collect();
    let root_start = "😀 Menu\n".chars().count();
    let units_before: usize = "😀 Menu\nThe ministry said ".encode_utf16().count();
    let row: HypothesisRow = serde_json::from_value(serde_json::json!({
        "id": "Qx1Y2z",
        "uri": "https://news.example/2026/rationing",
        "text": "Check against the trade statistics.",
        "tags": ["claim", "trade"],
        "target": [{
            "source": "https://news.example/2026/rationing",
            "selector": [
                {"type": "RangeSelector", "startContainer": "/p[1]", "startOffset": 0, "endContainer": "/p[1]", "endOffset": 9},
                {"type": "TextPositionSelector", "start": units_before, "end": units_before + "exports rose 8%".len()},
                {"type": "TextQuoteSelector", "exact": "exports rose 8%", "prefix": "The ministry said ", "suffix": "."}
            ]
        }]
    }))
    .unwrap();
    let a = from_hypothesis(&row, &body, root_start).unwrap();
    assert_eq!(a.kind(), Some(Kind::Claim));
    assert_eq!(a.exact(), Some("exports rose 8%"));
    let (start, end) = a.position().unwrap();
    let root: Vec<char> = body[root_start..].to_vec();
    assert_eq!(
        root[start..end].iter().collect::<String>(),
        "exports rose 8%"
    );
    assert_eq!(a.id, "urn:hypothesis:Qx1Y2z");
    assert_eq!(
        a.isnad.unwrap().note.as_deref(),
        Some("Check against the trade statistics.")
    );
    // A page note with no quote has nothing to anchor: skipped.
    let note: HypothesisRow =
        serde_json::from_value(serde_json::json!({"id": "n1", "uri": "https://news.example/", "text": "Great piece", "target": [{"source": "https://news.example/"}]})).unwrap();
    assert!(from_hypothesis(&note, &body, root_start).is_none());
}
