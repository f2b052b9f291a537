//! An annotation as the client wrote it: its top-level members in order, each value as its exact
//! JSON text. The store changes a few members (`id`, `via`, `created`, `modified`) and keeps the
//! rest byte for byte.

use std::fmt;

use serde::de::{Deserialize, Deserializer, Error as _, MapAccess, Visitor};
use serde_json::value::RawValue;
use serde_json::Value;

/// A JSON object with its members in order and their values unparsed.
#[derive(Debug, Clone)]
pub(crate) struct Doc {
    members: Vec<(String, Box<RawValue>)>,
}

impl<'de> Deserialize<'de> for Doc {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Members;
        impl<'de> Visitor<'de> for Members {
            type Value = Doc;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON object (one annotation)")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Doc, A::Error> {
                let mut members: Vec<(String, Box<RawValue>)> = Vec::new();
                while let Some((name, value)) = map.next_entry::<String, Box<RawValue>>()? {
                    if members.iter().any(|(n, _)| *n == name) {
                        return Err(A::Error::custom(format!(
                            "the member {name:?} appears twice"
                        )));
                    }
                    members.push((name, value));
                }
                Ok(Doc { members })
            }
        }
        deserializer.deserialize_map(Members)
    }
}

/// The deepest nesting of arrays and objects an annotation may have. Isnad's annotations need
/// about six levels (target, selector, refinedBy); the store keeps unknown members as sent and
/// serves them to every reader, so a value nested thousands deep, which its own parser skips
/// without recursing, would reach clients whose parsers stop (serde_json at 128) or overflow.
pub(crate) const MAX_DEPTH: usize = 64;

impl Doc {
    /// Parses one JSON object; the message says what is wrong.
    pub fn parse(text: &str) -> Result<Doc, String> {
        serde_json::from_str(text).map_err(|e| format!("the body is not a JSON object: {e}"))
    }

    /// Parses a client's annotation, refusing what the store would keep but its readers could
    /// not read back: nesting deeper than [`MAX_DEPTH`], and strings JSON parsers refuse (a
    /// `\ud800` escape without its pair), anywhere, unknown members included.
    pub fn parse_request(text: &str) -> Result<Doc, String> {
        if nests_deeper_than(text, MAX_DEPTH) {
            return Err(format!(
                "the body nests arrays and objects more than {MAX_DEPTH} levels deep"
            ));
        }
        serde_json::from_str::<Value>(text)
            .map_err(|e| format!("the body is not a JSON object: {e}"))?;
        Doc::parse(text)
    }

    pub fn get(&self, name: &str) -> Option<&RawValue> {
        self.members
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_ref())
    }

    /// The member's value parsed, if present and valid.
    pub fn value(&self, name: &str) -> Option<Value> {
        self.get(name)
            .and_then(|raw| serde_json::from_str(raw.get()).ok())
    }

    /// The member as a string, if it is one.
    pub fn string(&self, name: &str) -> Option<String> {
        match self.value(name) {
            Some(Value::String(s)) => Some(s),
            _ => None,
        }
    }

    /// Sets a member: in place when it exists, else after `after` (when present) or at the end.
    pub fn set(&mut self, name: &str, value: Box<RawValue>, after: Option<&str>) {
        if let Some(slot) = self.members.iter_mut().find(|(n, _)| n == name) {
            slot.1 = value;
            return;
        }
        let at = after
            .and_then(|a| self.members.iter().position(|(n, _)| n == a))
            .map_or(self.members.len(), |i| i + 1);
        self.members.insert(at, (name.to_string(), value));
    }

    pub fn set_string(&mut self, name: &str, value: &str, after: Option<&str>) {
        if let Some(raw) = raw_string(value) {
            self.set(name, raw, after);
        }
    }

    /// The compact JSON text (values exactly as received).
    pub fn text(&self) -> String {
        let mut out = String::from("{");
        for (i, (name, value)) in self.members.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str(&quote(name));
            out.push(':');
            out.push_str(value.get());
        }
        out.push('}');
        out
    }
}

/// Whether arrays and objects in `text` (JSON, valid or not: the parser judges that) nest more
/// than `max` deep. One pass over the bytes, brackets inside strings ignored.
fn nests_deeper_than(text: &str, max: usize) -> bool {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for b in text.bytes() {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > max {
                    return true;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

/// A JSON string literal.
pub(crate) fn quote(s: &str) -> String {
    // Serializing a &str cannot fail.
    serde_json::to_string(s).unwrap_or_else(|_| String::from("\"\""))
}

fn raw_string(s: &str) -> Option<Box<RawValue>> {
    RawValue::from_string(quote(s)).ok()
}

/// Checks that the document is an annotation the store can keep, and returns its page: the
/// source of its (first) target.
pub(crate) fn check_annotation(doc: &Doc) -> Result<String, String> {
    if let Some(kind) = doc.value("type") {
        let is_annotation = match &kind {
            Value::String(s) => s == "Annotation" || s == "oa:Annotation",
            Value::Array(items) => items
                .iter()
                .any(|i| matches!(i.as_str(), Some("Annotation" | "oa:Annotation"))),
            _ => false,
        };
        if !is_annotation {
            return Err(format!("\"type\" must be \"Annotation\", not {kind}"));
        }
    }
    let target = doc
        .value("target")
        .ok_or("an annotation needs a \"target\" (the page it is about)")?;
    page_of(&target).ok_or_else(|| {
        "\"target\" must be a URL, an object with a \"source\" (or \"id\") URL, or a list of those"
            .to_string()
    })
}

/// The page a target points at.
fn page_of(target: &Value) -> Option<String> {
    match target {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        Value::Object(o) => ["source", "id"].iter().find_map(|k| match o.get(*k) {
            Some(Value::String(s)) if !s.is_empty() => Some(s.clone()),
            Some(inner @ Value::Object(_)) => page_of(inner),
            _ => None,
        }),
        Value::Array(items) => items.first().and_then(page_of),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_order_and_text() {
        let text =
            r#"{"b": 1.50, "a": {"z": 1, "y": [1e2, 123456789012345678901234567890]}, "id": "x"}"#;
        let mut doc = Doc::parse(text).unwrap();
        doc.set_string("id", "http://s/annotations/1", None);
        doc.set_string("via", "x", Some("id"));
        assert_eq!(
            doc.text(),
            r#"{"b":1.50,"a":{"z": 1, "y": [1e2, 123456789012345678901234567890]},"id":"http://s/annotations/1","via":"x"}"#
        );
    }

    #[test]
    fn refuses_deep_nesting_but_not_brackets_in_strings() {
        let nested = |n: usize| {
            format!(
                "{{\"target\":\"http://p\",\"x\":{}1{}}}",
                "[".repeat(n),
                "]".repeat(n)
            )
        };
        assert!(Doc::parse_request(&nested(MAX_DEPTH - 1)).is_ok());
        let err = Doc::parse_request(&nested(MAX_DEPTH)).unwrap_err();
        assert!(err.contains("64 levels"), "{err}");
        let surrogate = r#"{"target":"http://p","x":"\ud800"}"#;
        assert!(Doc::parse_request(surrogate).is_err());
        assert!(Doc::parse_request(r#"{"target":"http://p","x":"\ud83d\ude00"}"#).is_ok());
        let brackets = format!(
            "{{\"target\":\"http://p\",\"x\":\"{}\\\"{}\"}}",
            "[".repeat(200),
            "{".repeat(200)
        );
        assert!(Doc::parse_request(&brackets).is_ok(), "{brackets}");
    }

    #[test]
    fn refuses_what_is_not_an_annotation() {
        assert!(Doc::parse("[1]").is_err());
        assert!(Doc::parse(r#"{"a":1,"a":2}"#).is_err());
        let no_target = Doc::parse(r#"{"type":"Annotation"}"#).unwrap();
        assert!(check_annotation(&no_target).is_err());
        let wrong_type = Doc::parse(r#"{"type":"Note","target":"http://p"}"#).unwrap();
        assert!(check_annotation(&wrong_type).is_err());
        let list = Doc::parse(r#"{"target":[{"source":"http://p","selector":[]}]}"#).unwrap();
        assert_eq!(check_annotation(&list).unwrap(), "http://p");
    }
}
