//! Plain data across the wasm boundary as JSON text: `serde_json` on the Rust side,
//! `JSON.parse` / `JSON.stringify` on the JS side. One string crosses instead of one call per
//! field (thousands of detections cross in one `JSON.parse`), and the wasm carries one serde
//! format instead of two.

use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::JsValue;

use super::errors::error;

/// Rust data to JS objects (maps become objects, `None` becomes `null`).
pub fn to_js<T: Serialize>(value: &T, doing: &str) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value).map_err(|e| {
        error(format!(
            "{doing}: could not hand the result to JavaScript: {e}"
        ))
    })?;
    js_sys::JSON::parse(&text)
        .map_err(|_| error(format!("{doing}: JavaScript could not read the result")))
}

/// JS data to Rust: the message says what was wrong (`undefined` reads as `null`; functions
/// and symbols are left out, as `JSON.stringify` leaves them).
pub fn from_js<T: DeserializeOwned>(value: &JsValue) -> Result<T, String> {
    let text = if value.is_undefined() {
        "null".to_owned()
    } else {
        js_sys::JSON::stringify(value)
            .map_err(|e| {
                let why = js_sys::Error::from(e).message();
                format!("it cannot be read as JSON data ({})", String::from(why))
            })?
            .as_string()
            .unwrap_or_else(|| "null".to_owned())
    };
    serde_json::from_str(&whole_surrogates(&text)).map_err(|e| e.to_string())
}

/// `JSON.stringify` writes a lone UTF-16 surrogate (text cut inside an emoji, say) as a
/// `\udXXX` escape, which is not a character and which `serde_json` refuses: each becomes
/// U+FFFD, as JS strings crossing into Rust do.
fn whole_surrogates(json: &str) -> std::borrow::Cow<'_, str> {
    if !json.contains("\\ud") && !json.contains("\\uD") {
        return json.into();
    }
    let b = json.as_bytes();
    // The surrogate an escape at `i` holds: Some(true) high, Some(false) low.
    let surrogate = |i: usize| -> Option<bool> {
        let hex = b.get(i + 2..i + 6)?;
        let s = std::str::from_utf8(hex).ok()?;
        let v = u16::from_str_radix(s, 16).ok()?;
        match v {
            0xD800..=0xDBFF => Some(true),
            0xDC00..=0xDFFF => Some(false),
            _ => None,
        }
    };
    let mut out = String::with_capacity(json.len());
    let mut i = 0;
    let mut copied = 0;
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        if b.get(i + 1) != Some(&b'u') {
            i += 2; // an escaped character, possibly a backslash: never the start of \u
            continue;
        }
        match surrogate(i) {
            Some(true) if b.get(i + 6) == Some(&b'\\') && surrogate(i + 6) == Some(false) => {
                i += 12; // a pair: one character
            }
            Some(_) => {
                out.push_str(&json[copied..i]);
                out.push_str("\\ufffd");
                i += 6;
                copied = i;
            }
            None => i += 6,
        }
    }
    out.push_str(&json[copied..]);
    out.into()
}
