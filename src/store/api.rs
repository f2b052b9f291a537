//! The Web Annotation Protocol on top of the HTTP layer and the database: routing, containers
//! and pages, create/read/update/delete with ETags, the token, and CORS.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::SystemTime;

use serde::Serialize;
use serde_json::value::RawValue;

use super::db::{self, Db, Scope, Stored};
use super::http::{iso_date, Request, Response};
use super::json::{check_annotation, quote, Doc};
use super::StoreConfig;

const ANNO_CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";
const LDP_CONTEXT: &str = "http://www.w3.org/ns/ldp.jsonld";
const JSON_LD: &str = "application/ld+json; profile=\"http://www.w3.org/ns/anno.jsonld\"";
const ACCEPT_POST: &str =
    "application/ld+json; profile=\"http://www.w3.org/ns/anno.jsonld\", application/json";
const CONTAINER_ALLOW: &str = "GET, HEAD, POST, OPTIONS";
const PAGE_ALLOW: &str = "GET, HEAD, OPTIONS";
const ANNOTATION_ALLOW: &str = "GET, HEAD, PUT, DELETE, OPTIONS";
const PREFER_IRIS: &str = "http://www.w3.org/ns/oa#PreferContainedIRIs";
const PREFER_MINIMAL: &str = "http://www.w3.org/ns/ldp#PreferMinimalContainer";

/// What every request is answered with: the configuration, fixed at start.
pub(crate) struct App {
    /// `PUBLIC/annotations/`.
    container: String,
    token: Option<String>,
    /// Lowercase, without a trailing slash.
    origins: Vec<String>,
    page_size: usize,
}

type Answer = Result<Response, Response>;

impl App {
    pub fn new(config: &StoreConfig, public: String) -> App {
        App {
            container: format!("{public}/annotations/"),
            token: config.token.clone().filter(|t| !t.is_empty()),
            origins: config
                .origins
                .iter()
                .map(|o| o.trim().trim_end_matches('/').to_ascii_lowercase())
                .collect(),
            page_size: config.page_size.max(1),
        }
    }

    /// Answers one request; never panics on any input.
    pub fn handle(&self, db: &mut Db, req: &Request) -> Response {
        let origin = req.header("Origin");
        let allowed = origin.filter(|o| {
            let o = o.trim_end_matches('/').to_ascii_lowercase();
            self.origins.contains(&o)
        });
        let preflight = req.method == "OPTIONS"
            && origin.is_some()
            && req.header("Access-Control-Request-Method").is_some();
        let mut response = if preflight {
            let mut r = Response::new(204);
            if allowed.is_some() {
                r = r
                    .header(
                        "Access-Control-Allow-Methods",
                        "GET, HEAD, POST, PUT, DELETE, OPTIONS",
                    )
                    .header(
                        "Access-Control-Allow-Headers",
                        "Authorization, Content-Type, If-Match, If-None-Match, Prefer",
                    )
                    .header("Access-Control-Max-Age", "600");
            }
            r.header(
                "Vary",
                "Access-Control-Request-Method, Access-Control-Request-Headers",
            )
        } else {
            self.route(db, req).unwrap_or_else(|e| e)
        };
        if let Some(origin) = allowed {
            response = response.header("Access-Control-Allow-Origin", origin);
            if !preflight {
                response = response.header(
                    "Access-Control-Expose-Headers",
                    "ETag, Location, Link, Content-Location",
                );
            }
        }
        response.header("Vary", "Origin")
    }

    fn route(&self, db: &mut Db, req: &Request) -> Answer {
        if let Some((status, reason)) = &req.refused {
            return Err(Response::error(*status, reason));
        }
        let target = strip_authority(&req.target);
        let (path, query) = target.split_once('?').unwrap_or((target, ""));
        let method = req.method.as_str();
        if path == "/annotations/" || path == "/annotations" {
            return match method {
                "GET" | "HEAD" => self.read_container(db, req, query),
                "POST" => self.create(db, req),
                "OPTIONS" => Ok(container_links(
                    Response::new(204)
                        .header("Allow", CONTAINER_ALLOW)
                        .header("Accept-Post", ACCEPT_POST),
                )),
                _ => Err(not_allowed(CONTAINER_ALLOW)),
            };
        }
        if let Some(key) = path.strip_prefix("/annotations/").filter(|k| is_key(k)) {
            return match method {
                "GET" | "HEAD" => self.read(db, req, key),
                "PUT" => self.update(db, req, key),
                "DELETE" => self.delete(db, req, key),
                "OPTIONS" => Ok(Response::new(204).header("Allow", ANNOTATION_ALLOW)),
                _ => Err(not_allowed(ANNOTATION_ALLOW)),
            };
        }
        Err(Response::error(
            404,
            "no such resource: the annotation container is /annotations/",
        ))
    }

    // ----- annotations

    fn create(&self, db: &mut Db, req: &Request) -> Answer {
        self.authorize(req)?;
        let (mut doc, page) = annotation_body(req)?;
        // The client's own id goes to `via`; the server's goes to `id`.
        if doc.get("via").is_none() {
            if let Some(id) = doc.string("id") {
                doc.set_string("via", &id, Some("id"));
            }
        }
        if doc.get("created").is_none() {
            doc.set_string("created", &iso_date(SystemTime::now()), None);
        }
        for _ in 0..8 {
            let key = new_key();
            let iri = format!("{}{key}", self.container);
            doc.set_string("id", &iri, Some("@context"));
            let json = doc.text();
            let tx = db.write().map_err(db_error)?;
            if db::insert(&tx, &key, &iri, &page, &json).map_err(db_error)? {
                tx.commit().map_err(db_error)?;
                let stored = Stored { iri, rev: 1, json };
                return Ok(annotation_response(201, &stored).header("Location", &stored.iri));
            }
        }
        Err(Response::error(500, "could not mint a new annotation id"))
    }

    fn read(&self, db: &mut Db, req: &Request, key: &str) -> Answer {
        let stored = db::get(&db.conn, key)
            .map_err(db_error)?
            .ok_or_else(unknown_annotation)?;
        let etag = stored.etag();
        if none_match(req, &etag) {
            return Ok(not_modified(&etag));
        }
        Ok(annotation_response(200, &stored).header("Cache-Control", "no-cache"))
    }

    fn update(&self, db: &mut Db, req: &Request, key: &str) -> Answer {
        self.authorize(req)?;
        let if_match = required_if_match(req)?;
        let (mut doc, page) = annotation_body(req)?;
        let tx = db.write().map_err(db_error)?;
        let current = current_version(&tx, key, if_match)?;
        let before = Doc::parse(&current.json)
            .map_err(|e| Response::error(500, &format!("the stored annotation is damaged: {e}")))?;
        for name in ["via", "canonical"] {
            match (before.get(name), doc.get(name)) {
                (Some(old), Some(new)) => {
                    let same = serde_json::from_str::<serde_json::Value>(old.get()).ok()
                        == serde_json::from_str::<serde_json::Value>(new.get()).ok();
                    if !same {
                        return Err(Response::error(
                            409,
                            &format!("\"{name}\" is set and cannot change"),
                        ));
                    }
                }
                (Some(old), None) => doc.set(name, old.to_owned(), Some("id")),
                _ => {}
            }
        }
        if doc.get("created").is_none() {
            if let Some(created) = before.get("created") {
                doc.set("created", created.to_owned(), None);
            }
        }
        doc.set_string("id", &current.iri, Some("@context"));
        doc.set_string("modified", &iso_date(SystemTime::now()), None);
        let json = doc.text();
        let rev = current.rev + 1;
        db::update(&tx, key, &page, rev, &json).map_err(db_error)?;
        tx.commit().map_err(db_error)?;
        let stored = Stored {
            iri: current.iri,
            rev,
            json,
        };
        Ok(annotation_response(200, &stored))
    }

    fn delete(&self, db: &mut Db, req: &Request, key: &str) -> Answer {
        self.authorize(req)?;
        let if_match = required_if_match(req)?;
        let tx = db.write().map_err(db_error)?;
        current_version(&tx, key, if_match)?;
        db::delete(&tx, key).map_err(db_error)?;
        tx.commit().map_err(db_error)?;
        Ok(Response::new(204))
    }

    fn authorize(&self, req: &Request) -> Result<(), Response> {
        let Some(token) = &self.token else {
            return Ok(());
        };
        let given = req.header("Authorization").and_then(|v| {
            let (scheme, rest) = v.split_once(' ')?;
            scheme.eq_ignore_ascii_case("bearer").then(|| rest.trim())
        });
        match given {
            Some(given) if same_secret(given.as_bytes(), token.as_bytes()) => Ok(()),
            Some(_) => Err(Response::error(401, "the bearer token is wrong").header(
                "WWW-Authenticate",
                "Bearer realm=\"isnad\", error=\"invalid_token\"",
            )),
            None => Err(Response::error(
                401,
                "writing needs an Authorization: Bearer TOKEN header",
            )
            .header("WWW-Authenticate", "Bearer realm=\"isnad\"")),
        }
    }

    // ----- containers and pages

    fn read_container(&self, db: &mut Db, req: &Request, query: &str) -> Answer {
        let params = parse_query(query).map_err(|e| Response::error(400, &e))?;
        let param = |name: &str| {
            params
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.as_str())
        };
        let target = param("target").filter(|t| !t.is_empty());
        let prefer = req.header_list("Prefer").join(" ");
        let iris = match param("iris") {
            Some("1") => true,
            Some("0") => false,
            Some(other) => {
                return Err(Response::error(
                    400,
                    &format!("iris takes 0 or 1, not {other:?}"),
                ))
            }
            None => prefer.contains(PREFER_IRIS),
        };
        let page = match param("page") {
            None => None,
            Some(n) => Some(n.parse::<usize>().map_err(|_| {
                Response::error(400, &format!("page takes a page number, not {n:?}"))
            })?),
        };
        let scope = target.map_or(Scope::All, Scope::Page);
        let tx = db.read().map_err(db_error)?;
        let total = db::count(&tx, scope).map_err(db_error)?;
        let last = total.saturating_sub(1) / self.page_size;
        let view = View {
            target,
            iris,
            total,
            last,
        };
        let (body, allow, container) = match page {
            Some(n) if n > last => {
                return Err(Response::error(
                    404,
                    &format!("there is no page {n}: the last page is {last}"),
                ))
            }
            Some(n) => {
                let items = db::list(&tx, scope, iris, self.page_size, n * self.page_size)
                    .map_err(db_error)?;
                (self.page_json(&view, n, items, true)?, PAGE_ALLOW, false)
            }
            None => {
                let first = if prefer.contains(PREFER_MINIMAL) {
                    raw(quote(&self.page_iri(&view, 0)))?
                } else {
                    let items = db::list(&tx, scope, iris, self.page_size, 0).map_err(db_error)?;
                    raw(self.page_json(&view, 0, items, false)?)?
                };
                let out = ContainerOut {
                    context: [ANNO_CONTEXT, LDP_CONTEXT],
                    id: self.container_iri(&view),
                    kind: ["BasicContainer", "AnnotationCollection"],
                    label: match target {
                        Some(t) => format!("Isnad annotations on {t}"),
                        None => "Isnad annotations".to_string(),
                    },
                    total,
                    first,
                    last: self.page_iri(&view, last),
                };
                (to_json(&out)?, CONTAINER_ALLOW, true)
            }
        };
        drop(tx);
        let etag = format!("\"c-{:016x}\"", super::fnv64(body.as_bytes()));
        if none_match(req, &etag) {
            return Ok(not_modified(&etag));
        }
        let mut response = Response::new(200)
            .body(JSON_LD, body)
            .header("ETag", etag)
            .header("Allow", allow)
            .header("Vary", "Accept, Prefer")
            .header("Cache-Control", "no-cache");
        if container {
            response = container_links(response)
                .header("Accept-Post", ACCEPT_POST)
                .header("Content-Location", self.container_iri(&view));
        }
        Ok(response)
    }

    fn container_iri(&self, view: &View) -> String {
        let mut query = Vec::new();
        if let Some(t) = view.target {
            query.push(format!("target={}", percent_encode(t)));
        }
        if view.iris {
            query.push("iris=1".to_string());
        }
        if query.is_empty() {
            self.container.clone()
        } else {
            format!("{}?{}", self.container, query.join("&"))
        }
    }

    fn page_iri(&self, view: &View, n: usize) -> String {
        let container = self.container_iri(view);
        let sep = if container.contains('?') { '&' } else { '?' };
        format!("{container}{sep}page={n}")
    }

    /// One page; standalone pages carry `@context` and `partOf`.
    fn page_json(
        &self,
        view: &View,
        n: usize,
        items: Vec<String>,
        standalone: bool,
    ) -> Result<String, Response> {
        let items = items
            .into_iter()
            .map(|item| raw(if view.iris { quote(&item) } else { item }))
            .collect::<Result<Vec<_>, _>>()?;
        let out = PageOut {
            context: standalone.then_some(ANNO_CONTEXT),
            id: self.page_iri(view, n),
            kind: "AnnotationPage",
            part_of: standalone.then(|| PartOf {
                id: self.container_iri(view),
                total: view.total,
            }),
            start_index: n * self.page_size,
            prev: (n > 0).then(|| self.page_iri(view, n - 1)),
            next: (n < view.last).then(|| self.page_iri(view, n + 1)),
            items,
        };
        to_json(&out)
    }
}

/// Which container (and how) a request reads.
struct View<'a> {
    target: Option<&'a str>,
    iris: bool,
    total: usize,
    last: usize,
}

#[derive(Serialize)]
struct ContainerOut {
    #[serde(rename = "@context")]
    context: [&'static str; 2],
    id: String,
    #[serde(rename = "type")]
    kind: [&'static str; 2],
    label: String,
    total: usize,
    first: Box<RawValue>,
    last: String,
}

#[derive(Serialize)]
struct PageOut {
    #[serde(rename = "@context", skip_serializing_if = "Option::is_none")]
    context: Option<&'static str>,
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(rename = "partOf", skip_serializing_if = "Option::is_none")]
    part_of: Option<PartOf>,
    #[serde(rename = "startIndex")]
    start_index: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    prev: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    next: Option<String>,
    items: Vec<Box<RawValue>>,
}

#[derive(Serialize)]
struct PartOf {
    id: String,
    total: usize,
}

fn raw(text: String) -> Result<Box<RawValue>, Response> {
    RawValue::from_string(text)
        .map_err(|e| Response::error(500, &format!("a stored annotation is damaged: {e}")))
}

fn to_json<T: Serialize>(value: &T) -> Result<String, Response> {
    serde_json::to_string(value).map_err(|e| Response::error(500, &e.to_string()))
}

// ----- helpers

/// The request's body as an annotation, and its page; 415/400 otherwise.
fn annotation_body(req: &Request) -> Result<(Doc, String), Response> {
    let media = req
        .header("Content-Type")
        .unwrap_or_default()
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    if media != "application/ld+json" && media != "application/json" {
        return Err(Response::error(
            415,
            "send the annotation as application/ld+json (or application/json)",
        )
        .header("Accept-Post", ACCEPT_POST));
    }
    let text = std::str::from_utf8(&req.body)
        .map_err(|_| Response::error(400, "the body is not UTF-8"))?;
    let doc = Doc::parse_request(text).map_err(|e| Response::error(400, &e))?;
    let page = check_annotation(&doc).map_err(|e| Response::error(400, &e))?;
    Ok((doc, page))
}

fn annotation_response(status: u16, stored: &Stored) -> Response {
    Response::new(status)
        .body(JSON_LD, stored.json.clone())
        .header("ETag", stored.etag())
        .header("Link", "<http://www.w3.org/ns/ldp#Resource>; rel=\"type\"")
        .header("Link", "<http://www.w3.org/ns/oa#Annotation>; rel=\"type\"")
        .header("Allow", ANNOTATION_ALLOW)
        .header("Vary", "Accept")
}

/// 412: the body is the current version, with its ETag, so an editor can show both.
fn stale(current: &Stored) -> Response {
    annotation_response(412, current)
}

/// The Link headers every container response carries.
fn container_links(response: Response) -> Response {
    response
        .header("Link", "<http://www.w3.org/ns/ldp#BasicContainer>; rel=\"type\"")
        .header(
            "Link",
            "<http://www.w3.org/TR/annotation-protocol/>; rel=\"http://www.w3.org/ns/ldp#constrainedBy\"",
        )
}

fn not_modified(etag: &str) -> Response {
    Response::new(304).header("ETag", etag)
}

fn unknown_annotation() -> Response {
    Response::error(404, "no annotation has this IRI")
}

fn not_allowed(allow: &str) -> Response {
    Response::error(405, &format!("allowed here: {allow}")).header("Allow", allow)
}

fn required_if_match(req: &Request) -> Result<&str, Response> {
    req.header("If-Match").ok_or_else(|| {
        Response::error(
            428,
            "send If-Match with the annotation's ETag (GET it first), so no edit is lost",
        )
    })
}

/// `If-Match`: strong comparison against a list of entity tags, or `*` alone (in a list it is
/// malformed and matches nothing).
fn etag_matches(if_match: &str, etag: &str) -> bool {
    let if_match = if_match.trim();
    if_match == "*" || if_match.split(',').map(str::trim).any(|t| t == etag)
}

/// `If-None-Match`: weak comparison.
fn none_match(req: &Request, etag: &str) -> bool {
    req.header_list("If-None-Match")
        .iter()
        .any(|t| *t == "*" || t.trim_start_matches("W/") == etag)
}

fn db_error(e: rusqlite::Error) -> Response {
    if db::is_busy(&e) {
        Response::error(503, "the annotation store is busy; try again").header("Retry-After", "1")
    } else {
        eprintln!("isnad store: database error: {e}");
        Response::error(500, "the annotation store failed (see the server's log)")
    }
}

/// Compares secrets in time that does not depend on where they differ.
fn same_secret(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// `http://host:port/path?q` (absolute form) → `/path?q`.
fn strip_authority(target: &str) -> &str {
    for scheme in ["http://", "https://"] {
        if let Some(rest) = target.strip_prefix(scheme) {
            return rest.find('/').map_or("/", |i| &rest[i..]);
        }
    }
    target
}

/// A key the server mints: a random, UUID-shaped string.
fn is_key(key: &str) -> bool {
    key.len() == 36 && key.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-')
}

fn new_key() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let nanos = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let mut bytes = [0u8; 16];
    for (i, half) in bytes.chunks_mut(8).enumerate() {
        // RandomState is seeded from the OS's randomness.
        let mut h = RandomState::new().build_hasher();
        h.write_u64(n);
        h.write_u128(nanos);
        h.write_usize(i);
        half.copy_from_slice(&h.finish().to_be_bytes());
    }
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

/// Everything but unreserved characters, percent-encoded (for `target=` in IRIs).
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `a=b&c=d`, percent- and `+`-decoded.
fn parse_query(query: &str) -> Result<Vec<(String, String)>, String> {
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            Ok((decode(name)?, decode(value)?))
        })
        .collect()
}

fn decode(s: &str) -> Result<String, String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes
                    .get(i + 1..i + 3)
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
                    .ok_or_else(|| format!("bad percent-encoding in the query: {s:?}"))?;
                out.push(hex);
                i += 2;
            }
            _ => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).map_err(|_| format!("the query is not UTF-8 once decoded: {s:?}"))
}

/// The stored version a write replaces, if the client's `If-Match` names it (else 412 with it).
fn current_version(
    tx: &rusqlite::Transaction<'_>,
    key: &str,
    if_match: &str,
) -> Result<Stored, Response> {
    let current = db::get(tx, key)
        .map_err(db_error)?
        .ok_or_else(unknown_annotation)?;
    if !etag_matches(if_match, &current.etag()) {
        return Err(stale(&current));
    }
    Ok(current)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_round_trip() {
        let page = "https://news.example/a b?x=1&y=é#top";
        let q = format!("target={}&page=2", percent_encode(page));
        let params = parse_query(&q).unwrap();
        assert_eq!(params[0], ("target".to_string(), page.to_string()));
        assert_eq!(params[1], ("page".to_string(), "2".to_string()));
        assert_eq!(decode("a+b").unwrap(), "a b");
        assert!(decode("%zz").is_err());
        assert!(decode("%f").is_err());
        assert!(decode("%ff").is_err());
    }

    #[test]
    fn keys_and_tags() {
        let k = new_key();
        assert!(is_key(&k), "{k}");
        assert_ne!(k, new_key());
        assert!(etag_matches("\"1-a\", \"2-b\"", "\"2-b\""));
        assert!(etag_matches("*", "\"2-b\""));
        assert!(!etag_matches("W/\"2-b\"", "\"2-b\""));
        assert_eq!(
            strip_authority("http://h:1/annotations/?a"),
            "/annotations/?a"
        );
        assert_eq!(strip_authority("http://h:1"), "/");
    }
}
