//! Errors as JS sees them: real `Error`, `TypeError` and `RangeError` objects whose message
//! tells the developer what to change.

use wasm_bindgen::{JsCast, JsValue};

/// A plain `Error`.
pub fn error(message: impl AsRef<str>) -> JsValue {
    js_sys::Error::new(message.as_ref()).into()
}

/// A `TypeError`: an argument of the wrong shape.
pub fn type_error(message: impl AsRef<str>) -> JsValue {
    js_sys::TypeError::new(message.as_ref()).into()
}

/// A `RangeError`: an offset outside the text.
pub fn range_error(message: impl AsRef<str>) -> JsValue {
    js_sys::RangeError::new(message.as_ref()).into()
}

/// Adds what was being done to an error the DOM raised.
pub fn dom_error(doing: &str, cause: JsValue) -> JsValue {
    let detail = cause
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| cause.as_string())
        .unwrap_or_else(|| "unknown DOM error".into());
    error(format!("Isnad could not {doing}: {detail}. Did the page change the article while Isnad was mounted?"))
}
