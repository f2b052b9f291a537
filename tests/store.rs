//! The annotation store over real HTTP on loopback: the Web Annotation Protocol (create, read,
//! list, page, update and delete with ETags), the token, CORS, refusals, concurrent writers,
//! a SIGKILL mid-write, and the static export. Every socket has timeouts; nothing leaves
//! 127.0.0.1.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashSet;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use isnad::annotation::{describe, stable_id, Annotation, Body, Details, Target, CONTEXT};
use isnad::marks::Kind;
use isnad::store::{self, Running, StoreConfig, StoreError, MAX_BODY};
use serde_json::{json, Value};

const ANNO: &str = "application/ld+json; profile=\"http://www.w3.org/ns/anno.jsonld\"";
const TIMEOUT: Duration = Duration::from_secs(20);

// ----- a tiny HTTP/1.1 client

#[derive(Debug)]
struct Resp {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Resp {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
    fn all(&self, name: &str) -> Vec<&str> {
        self.headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
            .collect()
    }
    fn text(&self) -> &str {
        std::str::from_utf8(&self.body).unwrap()
    }
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }
    fn etag(&self) -> String {
        self.header("ETag").expect("an ETag").to_string()
    }
}

fn connect(addr: SocketAddr) -> TcpStream {
    let stream = TcpStream::connect_timeout(&addr, TIMEOUT).unwrap();
    stream.set_read_timeout(Some(TIMEOUT)).unwrap();
    stream.set_write_timeout(Some(TIMEOUT)).unwrap();
    stream
}

/// Reads one response: the head, then Content-Length bytes (none for HEAD, 204, 304).
fn read_response(stream: &mut TcpStream, head_only: bool) -> Resp {
    try_read_response(stream, head_only).expect("a whole response")
}

fn try_read_response(stream: &mut TcpStream, head_only: bool) -> std::io::Result<Resp> {
    let bad = |what: &str| std::io::Error::new(std::io::ErrorKind::InvalidData, what.to_string());
    let mut buf = Vec::new();
    let mut byte = [0u8; 1];
    while !buf.ends_with(b"\r\n\r\n") {
        stream.read_exact(&mut byte)?;
        buf.push(byte[0]);
    }
    let head = String::from_utf8(buf).map_err(|_| bad("a head that is not UTF-8"))?;
    let mut lines = head.split("\r\n");
    let status: u16 = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| bad("no status line"))?;
    let headers: Vec<(String, String)> = lines
        .filter(|l| !l.is_empty())
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .collect();
    let len: usize = headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("Content-Length"))
        .map_or(Ok(0), |(_, v)| v.parse())
        .map_err(|_| bad("a bad Content-Length"))?;
    let mut body = vec![
        0u8;
        if head_only || status == 204 || status == 304 {
            0
        } else {
            len
        }
    ];
    stream.read_exact(&mut body)?;
    Ok(Resp {
        status,
        headers,
        body,
    })
}

fn raw_request(method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Vec<u8> {
    let mut out = format!("{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    for (n, v) in headers {
        out.push_str(&format!("{n}: {v}\r\n"));
    }
    if !body.is_empty() || matches!(method, "POST" | "PUT") {
        out.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    out.push_str("Connection: close\r\n\r\n");
    let mut out = out.into_bytes();
    out.extend_from_slice(body);
    out
}

/// Sends raw bytes on a new connection and reads the answer (a write error, such as the server
/// closing after refusing a body, is ignored: the answer is what counts).
fn send(addr: SocketAddr, bytes: &[u8], head_only: bool) -> Resp {
    let mut stream = connect(addr);
    let _ = stream.write_all(bytes);
    read_response(&mut stream, head_only)
}

fn http(addr: SocketAddr, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Resp {
    send(
        addr,
        &raw_request(method, path, headers, body),
        method == "HEAD",
    )
}

fn get(addr: SocketAddr, path: &str) -> Resp {
    http(addr, "GET", path, &[], b"")
}

fn post(addr: SocketAddr, annotation: &Value) -> Resp {
    http(
        addr,
        "POST",
        "/annotations/",
        &[("Content-Type", ANNO)],
        annotation.to_string().as_bytes(),
    )
}

fn put(addr: SocketAddr, path: &str, if_match: Option<&str>, annotation: &Value) -> Resp {
    let mut headers = vec![("Content-Type", "application/ld+json")];
    if let Some(tag) = if_match {
        headers.push(("If-Match", tag));
    }
    http(
        addr,
        "PUT",
        path,
        &headers,
        annotation.to_string().as_bytes(),
    )
}

/// `http://host:port/annotations/KEY` → `/annotations/KEY`.
fn path_of(iri: &str) -> String {
    let rest = iri.split_once("://").unwrap().1;
    rest[rest.find('/').unwrap()..].to_string()
}

fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

// ----- fixtures

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("isnad-store-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

struct Fixture {
    running: Running,
    dir: PathBuf,
}

impl Fixture {
    fn addr(&self) -> SocketAddr {
        self.running.addr()
    }
    fn db(&self) -> PathBuf {
        self.dir.join("annotations.sqlite")
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn start(name: &str, configure: impl FnOnce(&mut StoreConfig)) -> Fixture {
    let dir = scratch(name);
    let mut config = StoreConfig::new(dir.join("annotations.sqlite"), "127.0.0.1:0");
    configure(&mut config);
    let running = store::start(config).unwrap();
    Fixture { running, dir }
}

/// A real Isnad annotation (as `detect()` makes them), as JSON.
fn annotation(page: &str, n: usize) -> Value {
    let text: Vec<char> = format!("Officials said {n} people were evacuated on Tuesday.")
        .chars()
        .collect();
    let selector = describe(&text, 0, text.len() - 1);
    let a = Annotation {
        context: CONTEXT.to_string(),
        id: stable_id(Kind::Claim, &selector),
        kind: "Annotation".to_string(),
        motivation: Some("classifying".to_string()),
        body: vec![Body::textual("classifying", "claim")],
        target: Target::new(page, selector),
        isnad: Some(Details {
            claim_type: Some("statistic".to_string()),
            confidence: Some(0.75),
            ..Details::default()
        }),
        extra: Default::default(),
    };
    serde_json::to_value(a).unwrap()
}

/// Every annotation of a container, following `next` from page 0.
fn walk(addr: SocketAddr, container_query: &str) -> Vec<Value> {
    let mut items = Vec::new();
    let mut next = Some(format!("/annotations/?{container_query}page=0"));
    while let Some(path) = next {
        let page = get(addr, &path);
        assert_eq!(page.status, 200, "{path}: {}", page.text());
        let page = page.json();
        items.extend(page["items"].as_array().unwrap().iter().cloned());
        next = page["next"].as_str().map(path_of);
    }
    items
}

// ----- tests

#[test]
fn create_read_list_update_delete() {
    let store = start("crud", |_| {});
    let addr = store.addr();
    let page = "https://news.example/2024/05/flood";
    let sent = annotation(page, 1);

    // Create: 201 with Location, ETag and the stored annotation.
    let created = post(addr, &sent);
    assert_eq!(created.status, 201, "{}", created.text());
    let location = created.header("Location").unwrap().to_string();
    assert!(location.starts_with(&store.running.url()), "{location}");
    let etag = created.etag();
    assert!(
        etag.starts_with('"') && etag.ends_with('"'),
        "a strong ETag: {etag}"
    );
    assert!(created
        .header("Content-Type")
        .unwrap()
        .contains("anno.jsonld"));
    let stored = created.json();
    assert_eq!(stored["id"], location.as_str());
    assert_eq!(stored["via"], sent["id"], "the client's id is kept in via");
    assert!(stored["created"].is_string());
    let path = path_of(&location);

    // Read: the same annotation, byte for byte, with the same ETag.
    let read = get(addr, &path);
    assert_eq!(read.status, 200);
    assert_eq!(read.body, created.body);
    assert_eq!(read.etag(), etag);
    assert!(read.all("Link").iter().any(|l| l.contains("ldp#Resource")));
    let unchanged = http(addr, "GET", &path, &[("If-None-Match", &etag)], b"");
    assert_eq!(unchanged.status, 304);

    // List: the container, with the annotation on its embedded first page.
    let container = get(addr, "/annotations/");
    assert_eq!(container.status, 200);
    assert_eq!(container.header("Content-Type"), Some(ANNO));
    assert!(container
        .all("Link")
        .contains(&"<http://www.w3.org/ns/ldp#BasicContainer>; rel=\"type\""));
    assert!(container
        .header("Accept-Post")
        .unwrap()
        .contains("application/ld+json"));
    assert!(container.header("ETag").is_some());
    let c = container.json();
    assert_eq!(c["type"], json!(["BasicContainer", "AnnotationCollection"]));
    assert_eq!(c["total"], 1);
    assert_eq!(c["first"]["items"], json!([stored]));
    assert_eq!(c["last"], format!("{}?page=0", store.running.url()));
    let head = http(addr, "HEAD", "/annotations/", &[], b"");
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
    assert_eq!(
        head.header("Content-Length"),
        container.header("Content-Length")
    );
    let on_page = get(addr, &format!("/annotations/?target={}", encode(page))).json();
    assert_eq!(on_page["total"], 1);
    let elsewhere = get(addr, "/annotations/?target=https%3A%2F%2Fother.example%2F").json();
    assert_eq!(elsewhere["total"], 0);

    // Update with the current ETag: 200 and a new ETag. Leaving `via` out keeps it.
    let mut edited = stored.clone();
    edited["body"][0]["value"] = json!("source");
    edited.as_object_mut().unwrap().remove("via");
    let updated = put(addr, &path, Some(&etag), &edited);
    assert_eq!(updated.status, 200, "{}", updated.text());
    let new_etag = updated.etag();
    assert_ne!(new_etag, etag);
    let now = updated.json();
    assert_eq!(now["body"][0]["value"], "source");
    assert_eq!(now["id"], location.as_str());
    assert_eq!(now["via"], sent["id"]);
    assert_eq!(now["created"], stored["created"]);
    assert!(now["modified"].is_string());
    assert_eq!(get(addr, &path).body, updated.body);

    // A stale ETag: 412, and the body is the current version with its ETag.
    let stale = put(addr, &path, Some(&etag), &edited);
    assert_eq!(stale.status, 412);
    assert_eq!(stale.json(), now);
    assert_eq!(stale.etag(), new_etag);
    // No If-Match: 428. Changing via: 409.
    assert_eq!(put(addr, &path, None, &edited).status, 428);
    let mut moved = now.clone();
    moved["via"] = json!("urn:isnad:claim:other");
    assert_eq!(put(addr, &path, Some(&new_etag), &moved).status, 409);

    // Delete needs If-Match likewise.
    assert_eq!(http(addr, "DELETE", &path, &[], b"").status, 428);
    assert_eq!(
        http(addr, "DELETE", &path, &[("If-Match", &etag)], b"").status,
        412
    );
    let deleted = http(addr, "DELETE", &path, &[("If-Match", &new_etag)], b"");
    assert_eq!(deleted.status, 204);
    assert!(deleted.body.is_empty());
    assert_eq!(get(addr, &path).status, 404);
    assert_eq!(put(addr, &path, Some("*"), &edited).status, 404);
    assert_eq!(get(addr, "/annotations/").json()["total"], 0);
}

#[test]
fn pages_of_a_container() {
    let store = start("paging", |c| c.page_size = 100);
    let addr = store.addr();
    let page = "https://news.example/live?id=7&lang=ar";
    let mut mine = Vec::new();
    for n in 0..250 {
        let r = post(addr, &annotation(page, n));
        assert_eq!(r.status, 201);
        mine.push(r.header("Location").unwrap().to_string());
        if n % 25 == 0 {
            assert_eq!(
                post(addr, &annotation("https://news.example/other", n)).status,
                201
            );
        }
    }
    let query = format!("target={}&", encode(page));

    let container = get(addr, &format!("/annotations/?{query}")).json();
    assert_eq!(container["total"], 250);
    assert_eq!(container["first"]["items"].as_array().unwrap().len(), 100);
    assert!(container["last"].as_str().unwrap().ends_with("&page=2"));
    assert_eq!(get(addr, "/annotations/").json()["total"], 260);

    let pages: Vec<Value> = (0..3)
        .map(|n| get(addr, &format!("/annotations/?{query}page={n}")).json())
        .collect();
    let sizes: Vec<usize> = pages
        .iter()
        .map(|p| p["items"].as_array().unwrap().len())
        .collect();
    assert_eq!(sizes, [100, 100, 50]);
    for (n, p) in pages.iter().enumerate() {
        assert_eq!(p["type"], "AnnotationPage");
        assert_eq!(p["partOf"]["total"], 250);
        assert_eq!(p["partOf"]["id"], container["id"]);
        assert_eq!(p["startIndex"], n * 100);
        assert_eq!(p["prev"].is_string(), n > 0, "page {n}");
        assert_eq!(p["next"].is_string(), n < 2, "page {n}");
    }
    assert_eq!(pages[1]["prev"], pages[0]["id"]);
    assert_eq!(pages[1]["next"], pages[2]["id"]);
    assert_eq!(pages[2]["prev"], pages[1]["id"]);

    // Following `next` gives every annotation once, in creation order.
    let ids: Vec<String> = walk(addr, &query)
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, mine);

    assert_eq!(
        get(addr, &format!("/annotations/?{query}page=3")).status,
        404
    );
    assert_eq!(get(addr, "/annotations/?page=-1").status, 400);

    // Prefer: IRIs only, or no embedded page.
    let iris = http(
        addr,
        "GET",
        &format!("/annotations/?{query}"),
        &[(
            "Prefer",
            "return=representation;include=\"http://www.w3.org/ns/oa#PreferContainedIRIs\"",
        )],
        b"",
    );
    let iris_json = iris.json();
    assert!(iris_json["id"].as_str().unwrap().contains("iris=1"));
    assert_eq!(iris.header("Content-Location"), iris_json["id"].as_str());
    assert_eq!(iris_json["first"]["items"][0], mine[0].as_str());
    let minimal = http(
        addr,
        "GET",
        "/annotations/",
        &[(
            "Prefer",
            "return=representation;include=\"http://www.w3.org/ns/ldp#PreferMinimalContainer\"",
        )],
        b"",
    )
    .json();
    assert!(minimal["first"].is_string());
}

#[test]
fn fields_the_store_does_not_know_survive() {
    let store = start("roundtrip", |_| {});
    let addr = store.addr();
    let sent_text = r#"{
      "@context": "http://www.w3.org/ns/anno.jsonld",
      "id": "urn:isnad:claim:00ff",
      "type": "Annotation",
      "zzz": "members keep their order",
      "generator": {"id": "https://newsroom.example/editor", "type": "Software", "name": "Desk ✍️"},
      "audience": [{"type": "schema:Audience", "schema:audienceType": "editors"}],
      "rights": "https://creativecommons.org/licenses/by/4.0/",
      "target": {"source": "https://news.example/ar/مقال", "selector": [
        {"type": "TextQuoteSelector", "exact": "قال المتحدث", "prefix": "\u0627", "suffix": "\"quoted\""},
        {"type": "TextPositionSelector", "start": 3, "end": 14}]},
      "isnad": {"stance": "neutral", "confidence": 0.1, "future": {"deep": [1, [2, [3, null]]]}},
      "big": 123456789012345678901234567890,
      "exact": 1.50,
      "unicode": "\ud83d\ude00 emoji, tab\t, nul-free"
    }"#;
    let sent: Value = serde_json::from_str(sent_text).unwrap();
    let created = http(
        addr,
        "POST",
        "/annotations/",
        &[("Content-Type", "application/json")],
        sent_text.as_bytes(),
    );
    assert_eq!(created.status, 201, "{}", created.text());
    let path = path_of(created.header("Location").unwrap());
    let read = get(addr, &path);
    let mut back = read.json();
    let object = back.as_object_mut().unwrap();
    assert_eq!(object.remove("via"), Some(json!("urn:isnad:claim:00ff")));
    assert!(object.remove("created").is_some());
    let id = object.remove("id").unwrap();
    let mut expected = sent.clone();
    expected.as_object_mut().unwrap().remove("id");
    assert_eq!(back, expected);
    // The exact JSON text of values is kept (no float or integer rewriting), and the order.
    let text = read.text();
    assert!(
        text.contains("\"big\":123456789012345678901234567890"),
        "{text}"
    );
    assert!(text.contains("\"exact\":1.50"), "{text}");
    assert!(text.find("\"zzz\"").unwrap() < text.find("\"generator\"").unwrap());

    // And through an update.
    let mut edited = read.json();
    edited["isnad"]["future"]["added"] = json!({"k": [true, false]});
    let updated = put(addr, &path, Some(&read.etag()), &edited);
    assert_eq!(updated.status, 200, "{}", updated.text());
    let mut back = get(addr, &path).json();
    back.as_object_mut().unwrap().remove("modified");
    assert_eq!(back, edited);
    assert_eq!(back["id"], id);
}

#[test]
fn writes_need_the_token_and_reads_do_not() {
    let store = start("token", |c| c.token = Some("s3cret-token".into()));
    let addr = store.addr();
    let body = annotation("https://news.example/a", 1).to_string();
    let post_with = |auth: Option<&str>| {
        let mut headers = vec![("Content-Type", ANNO)];
        if let Some(a) = auth {
            headers.push(("Authorization", a));
        }
        http(addr, "POST", "/annotations/", &headers, body.as_bytes())
    };
    let missing = post_with(None);
    assert_eq!(missing.status, 401);
    assert!(missing
        .header("WWW-Authenticate")
        .unwrap()
        .starts_with("Bearer"));
    assert!(missing.json()["error"].is_string());
    assert_eq!(post_with(Some("Bearer wrong")).status, 401);
    assert_eq!(post_with(Some("Basic czNjcmV0LXRva2Vu")).status, 401);
    assert_eq!(post_with(Some("Bearer s3cret-token-and-more")).status, 401);
    let created = post_with(Some("Bearer s3cret-token"));
    assert_eq!(created.status, 201);
    assert_eq!(post_with(Some("bearer s3cret-token")).status, 201);

    // Reads are open.
    let path = path_of(created.header("Location").unwrap());
    assert_eq!(get(addr, &path).status, 200);
    assert_eq!(get(addr, "/annotations/").json()["total"], 2);

    // Updates and deletes need it too, even with the right ETag.
    let etag = created.etag();
    let put_plain = put(addr, &path, Some(&etag), &created.json());
    assert_eq!(put_plain.status, 401);
    let delete = |auth: &str| {
        http(
            addr,
            "DELETE",
            &path,
            &[("If-Match", &etag), ("Authorization", auth)],
            b"",
        )
    };
    assert_eq!(delete("Bearer nope").status, 401);
    assert_eq!(delete("Bearer s3cret-token").status, 204);
}

#[test]
fn cors_only_for_configured_origins() {
    let store = start("cors", |c| {
        c.origins = vec![
            "https://news.example".into(),
            "https://desk.example/".into(),
        ]
    });
    let addr = store.addr();
    let from = |origin: &str| get_with(addr, "/annotations/", &[("Origin", origin)]);
    fn get_with(addr: SocketAddr, path: &str, headers: &[(&str, &str)]) -> Resp {
        http(addr, "GET", path, headers, b"")
    }

    let ok = from("https://news.example");
    assert_eq!(ok.status, 200);
    assert_eq!(
        ok.header("Access-Control-Allow-Origin"),
        Some("https://news.example")
    );
    assert!(ok.all("Vary").iter().any(|v| v.contains("Origin")));
    let exposed = ok.header("Access-Control-Expose-Headers").unwrap();
    for h in ["ETag", "Location", "Link"] {
        assert!(exposed.contains(h), "{exposed}");
    }
    assert_eq!(
        from("https://desk.example").header("Access-Control-Allow-Origin"),
        Some("https://desk.example")
    );
    for other in ["https://evil.example", "https://news.example.evil", "null"] {
        let r = from(other);
        assert_eq!(r.status, 200);
        assert_eq!(r.header("Access-Control-Allow-Origin"), None, "{other}");
    }
    assert_eq!(
        get(addr, "/annotations/").header("Access-Control-Allow-Origin"),
        None
    );

    // Preflight.
    let preflight = |origin: &str| {
        http(
            addr,
            "OPTIONS",
            "/annotations/",
            &[
                ("Origin", origin),
                ("Access-Control-Request-Method", "PUT"),
                (
                    "Access-Control-Request-Headers",
                    "authorization, content-type, if-match",
                ),
            ],
            b"",
        )
    };
    let allowed = preflight("https://news.example");
    assert_eq!(allowed.status, 204);
    assert_eq!(
        allowed.header("Access-Control-Allow-Origin"),
        Some("https://news.example")
    );
    let methods = allowed.header("Access-Control-Allow-Methods").unwrap();
    for m in ["GET", "POST", "PUT", "DELETE"] {
        assert!(methods.contains(m), "{methods}");
    }
    let headers = allowed.header("Access-Control-Allow-Headers").unwrap();
    for h in ["Authorization", "Content-Type", "If-Match", "Prefer"] {
        assert!(headers.contains(h), "{headers}");
    }
    let refused = preflight("https://evil.example");
    assert_eq!(refused.header("Access-Control-Allow-Origin"), None);
    assert_eq!(refused.header("Access-Control-Allow-Methods"), None);

    // Writes and errors carry the header too, so the page can read them.
    let created = http(
        addr,
        "POST",
        "/annotations/",
        &[("Content-Type", ANNO), ("Origin", "https://news.example")],
        annotation("https://news.example/a", 1)
            .to_string()
            .as_bytes(),
    );
    assert_eq!(created.status, 201);
    assert_eq!(
        created.header("Access-Control-Allow-Origin"),
        Some("https://news.example")
    );
    let refused_body = http(
        addr,
        "POST",
        "/annotations/",
        &[
            ("Content-Type", "text/plain"),
            ("Origin", "https://news.example"),
        ],
        b"{}",
    );
    assert_eq!(refused_body.status, 415);
    assert_eq!(
        refused_body.header("Access-Control-Allow-Origin"),
        Some("https://news.example")
    );
}

#[test]
fn bad_requests_are_refused_and_the_server_keeps_serving() {
    let store = start("refusals", |_| {});
    let addr = store.addr();
    let post_raw = |content_type: &str, body: &[u8]| {
        http(
            addr,
            "POST",
            "/annotations/",
            &[("Content-Type", content_type)],
            body,
        )
    };
    let error = |r: &Resp, status: u16| {
        assert_eq!(r.status, status, "{}", r.text());
        assert_eq!(r.header("Content-Type"), Some("application/json"));
        assert_eq!(r.json()["status"], status);
        assert!(r.json()["error"].as_str().is_some_and(|e| !e.is_empty()));
    };

    error(&post_raw(ANNO, b"{\"type\": \"Annotation\", "), 400);
    error(&post_raw(ANNO, b"[1, 2]"), 400);
    error(&post_raw(ANNO, b"{\"type\": \"Annotation\"}"), 400);
    error(
        &post_raw(ANNO, b"{\"type\": \"Note\", \"target\": \"https://a\"}"),
        400,
    );
    error(
        &post_raw(ANNO, b"{\"a\": 1, \"a\": 2, \"target\": \"https://a\"}"),
        400,
    );
    error(&post_raw(ANNO, b"\xff\xfe{}"), 400);
    error(&post_raw(ANNO, b""), 400);
    error(&post_raw("text/plain", b"{\"target\": \"https://a\"}"), 415);
    error(&post_raw("application/x-www-form-urlencoded", b"a=b"), 415);
    error(
        &http(
            addr,
            "POST",
            "/annotations/",
            &[],
            b"{\"target\": \"https://a\"}",
        ),
        415,
    );

    // Over the size limit, with the body sent...
    let mut big = b"{\"target\": \"https://a\", \"pad\": \"".to_vec();
    big.resize(MAX_BODY + 10, b'a');
    big.extend_from_slice(b"\"}");
    error(&post_raw(ANNO, &big), 413);
    // ...or only announced (the server must not wait for, or allocate, an exabyte).
    let started = Instant::now();
    let announced = send(
        addr,
        b"POST /annotations/ HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000000000000000000\r\n\r\n{\"tar",
        false,
    );
    error(&announced, 413);
    assert!(started.elapsed() < Duration::from_secs(5));
    error(
        &send(
            addr,
            b"POST /annotations/ HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
            false,
        ),
        411,
    );
    error(
        &send(
            addr,
            b"POST /annotations/ HTTP/1.1\r\nContent-Length: x\r\n\r\n",
            false,
        ),
        400,
    );
    error(&send(addr, b"\x00\x01 garbage\r\n\r\n", false), 400);
    let many: String = (0..100).map(|i| format!("X-{i}: {i}\r\n")).collect();
    error(
        &send(
            addr,
            format!("GET / HTTP/1.1\r\n{many}\r\n").as_bytes(),
            false,
        ),
        431,
    );

    // Unknown things.
    error(&get(addr, "/"), 404);
    error(&get(addr, "/annotations/not-a-key"), 404);
    error(
        &get(addr, "/annotations/00000000-0000-4000-8000-000000000000"),
        404,
    );
    error(&get(addr, "/annotations/?target=%zz"), 400);
    error(&get(addr, "/annotations/?iris=yes"), 400);
    let wrong_method = http(addr, "PATCH", "/annotations/", &[], b"");
    error(&wrong_method, 405);
    assert!(wrong_method.header("Allow").unwrap().contains("POST"));

    // Still serving.
    assert_eq!(get(addr, "/annotations/").status, 200);
    assert_eq!(
        post(addr, &annotation("https://news.example/a", 1)).status,
        201
    );
    assert_eq!(get(addr, "/annotations/").json()["total"], 1);
}

#[test]
fn several_requests_on_one_connection() {
    let store = start("keepalive", |_| {});
    let mut stream = connect(store.addr());
    let body = annotation("https://news.example/a", 1).to_string();
    let first = format!(
        "POST /annotations/ HTTP/1.1\r\nHost: x\r\nContent-Type: {ANNO}\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    // Two requests in one write (pipelined), then a third.
    let both = format!("{first}GET /annotations/ HTTP/1.1\r\nHost: x\r\n\r\n");
    stream.write_all(both.as_bytes()).unwrap();
    let created = read_response(&mut stream, false);
    assert_eq!(created.status, 201);
    assert_eq!(created.header("Connection"), Some("keep-alive"));
    let listed = read_response(&mut stream, false);
    assert_eq!(listed.json()["total"], 1);
    stream
        .write_all(b"GET /annotations/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .unwrap();
    let last = read_response(&mut stream, false);
    assert_eq!(last.status, 200);
    assert_eq!(last.header("Connection"), Some("close"));
    let mut rest = Vec::new();
    stream.read_to_end(&mut rest).unwrap();
    assert!(rest.is_empty());
}

#[test]
fn concurrent_writers_all_land() {
    let store = start("concurrent", |c| c.page_size = 100);
    let addr = store.addr();
    let locations = Arc::new(Mutex::new(Vec::new()));
    let threads: Vec<_> = (0..8)
        .map(|t| {
            let locations = Arc::clone(&locations);
            std::thread::spawn(move || {
                for n in 0..50 {
                    let r = post(addr, &annotation(&format!("https://news.example/{t}"), n));
                    assert_eq!(r.status, 201, "{}", r.text());
                    let location = r.header("Location").unwrap().to_string();
                    locations.lock().unwrap().push(location);
                }
            })
        })
        .collect();
    for t in threads {
        t.join().expect("a writer failed");
    }
    let locations = locations.lock().unwrap().clone();
    let unique: HashSet<&String> = locations.iter().collect();
    assert_eq!(unique.len(), 400);
    assert_eq!(get(addr, "/annotations/").json()["total"], 400);
    let listed: HashSet<String> = walk(addr, "")
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(listed, locations.into_iter().collect());
    for t in 0..8 {
        let page = format!("https://news.example/{t}");
        let c = get(addr, &format!("/annotations/?target={}", encode(&page))).json();
        assert_eq!(c["total"], 50);
    }
}

/// The real `isnad serve`, killed when dropped.
struct Server {
    child: Child,
    addr: SocketAddr,
}

impl Server {
    fn spawn(db: &Path) -> Server {
        Server::spawn_with(db, &[])
    }

    /// `isnad serve --db DB --listen 127.0.0.1:0` with these environment variables.
    fn spawn_with(db: &Path, env: &[(&str, &str)]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_isnad"))
            .args(["serve", "--db"])
            .arg(db)
            .args(["--listen", "127.0.0.1:0"])
            .env_remove("ISNAD_STORE_TOKEN")
            .envs(env.iter().copied())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            let _ = BufReader::new(stdout).read_line(&mut line);
            let _ = tx.send(line);
        });
        let line = rx.recv_timeout(TIMEOUT).unwrap_or_default();
        let url = line
            .trim()
            .strip_prefix("Isnad store: http://")
            .and_then(|u| u.strip_suffix("/annotations/"));
        let Some(addr) = url.and_then(|u| u.parse().ok()) else {
            let _ = child.kill();
            panic!("unexpected first line from isnad serve: {line:?}");
        };
        Server { child, addr }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn a_kill_mid_write_loses_no_acknowledged_annotation() {
    let dir = scratch("kill");
    let db = dir.join("annotations.sqlite");
    let mut server = Server::spawn(&db);
    let addr = server.addr;
    let acknowledged = Arc::new(Mutex::new(Vec::<(String, Value)>::new()));
    let count = Arc::new(AtomicUsize::new(0));
    let writers: Vec<_> = (0..4)
        .map(|t| {
            let (acknowledged, count) = (Arc::clone(&acknowledged), Arc::clone(&count));
            std::thread::spawn(move || {
                for n in 0..50 {
                    let sent = annotation(&format!("https://news.example/{t}"), n);
                    // Once the server is gone, connecting or reading fails: stop writing.
                    let Ok(mut stream) = TcpStream::connect_timeout(&addr, TIMEOUT) else {
                        return;
                    };
                    stream.set_read_timeout(Some(TIMEOUT)).unwrap();
                    let bytes = raw_request(
                        "POST",
                        "/annotations/",
                        &[("Content-Type", ANNO)],
                        sent.to_string().as_bytes(),
                    );
                    if stream.write_all(&bytes).is_err() {
                        return;
                    }
                    let Ok(r) = try_read_response(&mut stream, false) else {
                        return;
                    };
                    if r.status == 201 {
                        let location = r.header("Location").unwrap().to_string();
                        acknowledged.lock().unwrap().push((location, sent));
                        count.fetch_add(1, Ordering::SeqCst);
                    }
                }
            })
        })
        .collect();
    let deadline = Instant::now() + Duration::from_secs(60);
    while count.load(Ordering::SeqCst) < 60 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(1));
    }
    server.child.kill().unwrap(); // SIGKILL, in the middle of the writes
    server.child.wait().unwrap();
    for w in writers {
        let _ = w.join();
    }
    let acknowledged = acknowledged.lock().unwrap().clone();
    assert!(
        acknowledged.len() >= 60,
        "{} acknowledged",
        acknowledged.len()
    );
    assert!(acknowledged.len() < 200, "the kill came after every write");

    // Every row is a whole annotation.
    let conn = rusqlite::Connection::open(&db).unwrap();
    let rows: Vec<String> = conn
        .prepare("SELECT json FROM annotation")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(rows.len() >= acknowledged.len() && rows.len() <= 200);
    for row in &rows {
        let a: Value = serde_json::from_str(row).expect("a whole annotation");
        assert!(a["id"].is_string() && a["target"]["source"].is_string());
    }
    drop(conn);

    // Restarted on the same file, the server has every acknowledged annotation.
    let restarted = Server::spawn(&db);
    for (location, sent) in &acknowledged {
        let r = get(restarted.addr, &path_of(location));
        assert_eq!(r.status, 200, "{location} was acknowledged and lost");
        let stored = r.json();
        assert_eq!(stored["via"], sent["id"]);
        assert_eq!(stored["target"], sent["target"]);
    }
    let total = get(restarted.addr, "/annotations/").json()["total"]
        .as_u64()
        .unwrap();
    assert_eq!(total as usize, rows.len());
    drop(restarted);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn publish_writes_a_file_per_page_and_an_index() {
    let store = start("publish", |_| {});
    let addr = store.addr();
    let pages = [
        "https://news.example/ar/2024/05/مقال?utm=x&id=1",
        "https://news.example/en/flood",
        "https://news.example/en/../../etc/passwd",
    ];
    let mut per_page: Vec<Vec<(String, String)>> = vec![Vec::new(); 3];
    for (i, page) in pages.iter().enumerate() {
        for n in 0..[2, 3, 120][i] {
            let r = post(addr, &annotation(page, n));
            assert_eq!(r.status, 201);
            per_page[i].push((r.header("Location").unwrap().to_string(), r.etag()));
        }
    }
    // One of page 1's annotations is deleted before publishing.
    let (gone, etag) = per_page[1].remove(0);
    let deleted = http(addr, "DELETE", &path_of(&gone), &[("If-Match", &etag)], b"");
    assert_eq!(deleted.status, 204);

    let out = store.dir.join("cdn");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("0123456789abcdef.json"), "{}").unwrap(); // a page file of old
    std::fs::write(out.join("README.txt"), "not ours").unwrap();
    assert_eq!(store::publish(&store.db(), &out).unwrap(), 3);

    let index: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("index.json")).unwrap()).unwrap();
    assert_eq!(index.as_object().unwrap().len(), 3);
    for (i, page) in pages.iter().enumerate() {
        let name = index[*page].as_str().unwrap();
        assert_eq!(name, store::page_file_name(page));
        assert!(
            name.len() == 21 && name[..16].bytes().all(|b| b.is_ascii_hexdigit()),
            "{name}"
        );
        let file: Value =
            serde_json::from_str(&std::fs::read_to_string(out.join(name)).unwrap()).unwrap();
        assert_eq!(file["type"], "AnnotationPage");
        assert_eq!(file["partOf"]["label"], *page);
        assert_eq!(file["partOf"]["total"], per_page[i].len());
        let ids: Vec<&str> = file["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["id"].as_str().unwrap())
            .collect();
        let expected: Vec<&str> = per_page[i].iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(ids, expected, "{page}");
        // The same annotations as the live container of that page.
        let live = walk(addr, &format!("target={}&", encode(page)));
        assert_eq!(file["items"], Value::Array(live));
    }
    assert!(!out.join("0123456789abcdef.json").exists());
    assert!(out.join("README.txt").exists());
    let names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 5, "{names:?}"); // three pages, the index, the README

    // A page whose annotations are all deleted leaves the export; through the command this time.
    for (location, etag) in &per_page[0] {
        let r = http(
            addr,
            "DELETE",
            &path_of(location),
            &[("If-Match", etag)],
            b"",
        );
        assert_eq!(r.status, 204);
    }
    let output = Command::new(env!("CARGO_BIN_EXE_isnad"))
        .args(["publish", "--db"])
        .arg(store.db())
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(String::from_utf8_lossy(&output.stdout).contains("wrote 2 page files"));
    assert!(!out.join(store::page_file_name(pages[0])).exists());
    let index: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("index.json")).unwrap()).unwrap();
    assert!(index.get(pages[0]).is_none());
    assert_eq!(index.as_object().unwrap().len(), 2);
}

#[test]
fn starting_and_publishing_fail_clearly() {
    let dir = scratch("errors");
    // The port is taken.
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap().to_string();
    let err = store::start(StoreConfig::new(dir.join("a.sqlite"), addr.clone()))
        .err()
        .expect("the port is in use");
    assert!(matches!(err, StoreError::Listen { .. }));
    let message = err.to_string();
    assert!(
        message.contains(&addr) && message.contains("another program"),
        "{message}"
    );
    // The database cannot be opened, or is not a store.
    let err = store::start(StoreConfig::new(
        dir.join("no/such/dir/a.sqlite"),
        "127.0.0.1:0",
    ))
    .err()
    .expect("no such folder");
    assert!(
        err.to_string()
            .starts_with("cannot open the annotation store"),
        "{err}"
    );
    std::fs::write(
        dir.join("notes.sqlite"),
        "these are not annotations".repeat(100),
    )
    .unwrap();
    let err = store::start(StoreConfig::new(dir.join("notes.sqlite"), "127.0.0.1:0"))
        .err()
        .expect("not a database");
    assert!(
        err.to_string().contains("is not an Isnad annotation store"),
        "{err}"
    );
    let err = store::publish(&dir.join("missing.sqlite"), &dir.join("out")).unwrap_err();
    assert!(err.to_string().contains("no such file"), "{err}");

    // The command says what is missing and exits 2.
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_isnad"))
            .args(args)
            .output()
            .unwrap()
    };
    for (args, needle) in [
        (&["serve"][..], "--db"),
        (&["serve", "--db"][..], "--db needs"),
        (
            &["serve", "--db", "x.sqlite", "--page-size", "0"][..],
            "--page-size",
        ),
        (&["serve", "--db", "x.sqlite", "--bogus"][..], "--bogus"),
        (&["publish", "--db", "x.sqlite"][..], "--out"),
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.starts_with("isnad: ") && stderr.contains(needle),
            "{args:?}: {stderr}"
        );
    }
    let db = dir.join("b.sqlite");
    let out = run(&["serve", "--db", db.to_str().unwrap(), "--listen", &addr]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot listen on"));
    drop(taken);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn idle_connections_do_not_starve_the_pool() {
    let store = start("idle", |c| c.threads = 2);
    let addr = store.addr();
    // More silent connections than threads (as browsers' speculative connections are).
    let idle: Vec<TcpStream> = (0..6).map(|_| connect(addr)).collect();
    std::thread::sleep(Duration::from_millis(100));
    let started = Instant::now();
    assert_eq!(get(addr, "/annotations/").status, 200);
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "waited {:?} behind idle connections",
        started.elapsed()
    );
    drop(idle);
}

#[cfg(unix)]
#[test]
fn sigterm_stops_the_server_cleanly() {
    let dir = scratch("sigterm");
    let mut server = Server::spawn(&dir.join("annotations.sqlite"));
    assert_eq!(
        post(server.addr, &annotation("https://news.example/a", 1)).status,
        201
    );
    let pid = server.child.id().to_string();
    let sent = Command::new("kill").args(["-TERM", &pid]).status().unwrap();
    assert!(sent.success());
    let deadline = Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Some(status) = server.child.try_wait().unwrap() {
            break status;
        }
        assert!(
            Instant::now() < deadline,
            "isnad serve is still running after SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "{status:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn container_and_pages_read_as_the_models_collection_and_page() {
    use isnad::annotation::{AnnotationCollection, AnnotationPage, PageRef};
    let store = start("model", |c| c.page_size = 2);
    let page = "https://news.example/model";
    for n in 0..5 {
        assert_eq!(post(store.addr(), &annotation(page, n)).status, 201);
    }
    let query = format!("/annotations/?target={}", encode(page));
    let collection: AnnotationCollection =
        serde_json::from_value(get(store.addr(), &query).json()).unwrap();
    assert_eq!(collection.total, Some(5));
    let first = match collection.first {
        Some(PageRef::Embedded(p)) => *p,
        Some(PageRef::Iri(iri)) => {
            serde_json::from_value(get(store.addr(), &path_of(&iri)).json()).unwrap()
        }
        None => panic!("no first page"),
    };
    assert_eq!(first.kind, "AnnotationPage");
    assert_eq!(first.items.len(), 2);
    let second: AnnotationPage =
        serde_json::from_value(get(store.addr(), &path_of(first.next.as_deref().unwrap())).json())
            .unwrap();
    assert_eq!(second.items.len(), 2);
    assert!(second.items.iter().all(|a| a.target.source == page));
    // Fields of the page Isnad does not model (partOf, startIndex) survive a round trip.
    let back = serde_json::to_value(&second).unwrap();
    assert!(
        back.get("partOf").is_some() && back.get("startIndex").is_some(),
        "{back:#}"
    );
}

// ----- kills during mixed writes, hostile requests, load

/// What the writers of the kill test did to one annotation.
#[derive(Debug, Clone, Default)]
struct History {
    location: String,
    /// The last version acknowledged (0 is the creation), the body and ETag the store answered.
    acked: usize,
    acked_body: Value,
    acked_etag: String,
    /// The last version sent, answered or not.
    sent: usize,
    /// A DELETE was sent; whether it was acknowledged (204).
    delete_sent: bool,
    deleted: bool,
}

/// One request on a new connection; `None` when the server is gone (refused, reset, cut off).
fn try_http(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Option<Resp> {
    let mut stream = TcpStream::connect_timeout(&addr, TIMEOUT).ok()?;
    stream.set_read_timeout(Some(TIMEOUT)).ok()?;
    stream.set_write_timeout(Some(TIMEOUT)).ok()?;
    stream
        .write_all(&raw_request(method, path, headers, body))
        .ok()?;
    try_read_response(&mut stream, false).ok()
}

/// One writer until the server goes away: creates an annotation of its page, replaces it twice
/// (each version numbered in a member the store does not know), deletes every third one.
fn kill_test_writer(
    addr: SocketAddr,
    writer: usize,
    round: usize,
    token: &str,
    acks: &AtomicUsize,
) -> (Vec<History>, usize) {
    let auth = format!("Bearer {token}");
    let page = format!("https://news.example/kill/{round}/{writer}");
    let mut histories = Vec::new();
    let mut creates_unanswered = 0;
    for n in 0.. {
        let mut body = annotation(&page, n);
        body["isnad:version"] = json!(0);
        let Some(r) = try_http(
            addr,
            "POST",
            "/annotations/",
            &[("Content-Type", ANNO), ("Authorization", &auth)],
            body.to_string().as_bytes(),
        ) else {
            creates_unanswered += 1;
            break;
        };
        assert_eq!(r.status, 201, "{}", r.text());
        acks.fetch_add(1, Ordering::SeqCst);
        let mut h = History {
            location: r.header("Location").unwrap().to_string(),
            acked_body: r.json(),
            acked_etag: r.etag(),
            ..History::default()
        };
        let path = path_of(&h.location);
        let mut gone = false;
        for version in 1..=2 {
            let mut next = h.acked_body.clone();
            next["isnad:version"] = json!(version);
            next["body"][0]["value"] = json!(format!("claim, version {version}"));
            h.sent = version;
            let r = try_http(
                addr,
                "PUT",
                &path,
                &[
                    ("Content-Type", ANNO),
                    ("Authorization", &auth),
                    ("If-Match", &h.acked_etag),
                ],
                next.to_string().as_bytes(),
            );
            let Some(r) = r else {
                gone = true;
                break;
            };
            assert_eq!(r.status, 200, "{}", r.text());
            acks.fetch_add(1, Ordering::SeqCst);
            h.acked = version;
            h.acked_body = r.json();
            h.acked_etag = r.etag();
        }
        if !gone && n % 3 == 2 {
            h.delete_sent = true;
            match try_http(
                addr,
                "DELETE",
                &path,
                &[("Authorization", &auth), ("If-Match", &h.acked_etag)],
                b"",
            ) {
                Some(r) => {
                    assert_eq!(r.status, 204, "{}", r.text());
                    acks.fetch_add(1, Ordering::SeqCst);
                    h.deleted = true;
                }
                None => gone = true,
            }
        }
        histories.push(h);
        if gone {
            break;
        }
    }
    (histories, creates_unanswered)
}

/// Checks, on a restarted server, every annotation the writers touched: an acknowledged write
/// is there whole (the last acknowledged version, exactly as the store answered it, or a later
/// version whose answer the kill cut off); an acknowledged delete is gone.
fn check_histories(addr: SocketAddr, histories: &[History]) -> usize {
    let mut present = 0;
    for h in histories {
        let r = get(addr, &path_of(&h.location));
        if h.deleted {
            assert_eq!(
                r.status, 404,
                "{} was deleted (204) and is back",
                h.location
            );
            continue;
        }
        if r.status == 404 && h.delete_sent {
            continue; // the delete landed; its answer was cut off
        }
        assert_eq!(r.status, 200, "{} was acknowledged and is lost", h.location);
        present += 1;
        let stored = r.json();
        let version = stored["isnad:version"].as_u64().unwrap() as usize;
        assert!(
            (h.acked..=h.sent).contains(&version),
            "{}: version {version}, acknowledged {}, sent up to {}",
            h.location,
            h.acked,
            h.sent
        );
        if version == h.acked {
            assert_eq!(
                stored, h.acked_body,
                "{} is not what was acknowledged",
                h.location
            );
            assert_eq!(r.etag(), h.acked_etag);
        } else {
            assert_eq!(
                stored["body"][0]["value"],
                json!(format!("claim, version {version}"))
            );
        }
        assert_eq!(stored["via"], h.acked_body["via"]);
    }
    present
}

/// The real `isnad serve` (token from the environment), killed with SIGKILL three times while
/// four writers create, replace and delete annotations, and restarted on the same file each
/// time: every write acknowledged with a 2xx is there and whole, no row is half-written, the
/// database passes SQLite's integrity check, and the token still guards writes after restarts.
#[test]
fn kills_during_mixed_writes_lose_no_acknowledged_write() {
    let dir = scratch("kill-mixed");
    let db = dir.join("annotations.sqlite");
    let token = "kill-test-token";
    let env = [("ISNAD_STORE_TOKEN", token)];
    let mut histories: Vec<History> = Vec::new();
    let mut creates_unanswered = 0;
    for (round, kill_after) in [40usize, 90, 25].into_iter().enumerate() {
        let mut server = Server::spawn_with(&db, &env);
        let addr = server.addr;
        // What earlier rounds left is all there before anything new is written.
        check_histories(addr, &histories);
        let acks = Arc::new(AtomicUsize::new(0));
        let writers: Vec<_> = (0..4)
            .map(|w| {
                let acks = Arc::clone(&acks);
                std::thread::spawn(move || kill_test_writer(addr, w, round, token, &acks))
            })
            .collect();
        let deadline = Instant::now() + Duration::from_secs(60);
        while acks.load(Ordering::SeqCst) < kill_after && Instant::now() < deadline {
            std::thread::sleep(Duration::from_micros(200));
        }
        server.child.kill().unwrap(); // SIGKILL, with four writes under way
        server.child.wait().unwrap();
        for w in writers {
            let (h, unanswered) = w.join().expect("a writer failed");
            histories.extend(h);
            creates_unanswered += unanswered;
        }
        assert!(
            acks.load(Ordering::SeqCst) >= kill_after,
            "round {round}: too few writes"
        );
    }

    // The file as the last kill left it: whole rows only, and a sound database.
    let conn = rusqlite::Connection::open(&db).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    let rows: Vec<String> = conn
        .prepare("SELECT json FROM annotation")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for row in &rows {
        let a: Value = serde_json::from_str(row).expect("a whole annotation");
        assert!(a["id"].is_string() && a["target"]["source"].is_string());
        assert!(a["isnad:version"].is_u64(), "{a}");
    }
    drop(conn);

    let restarted = Server::spawn_with(&db, &env);
    let present = check_histories(restarted.addr, &histories);
    // Besides those, only creations whose answer the kills cut off (one a writer a round).
    let total = get(restarted.addr, "/annotations/").json()["total"]
        .as_u64()
        .unwrap() as usize;
    assert_eq!(total, rows.len());
    eprintln!(
        "{} annotations written in 3 rounds: {present} kept, {} deleted, {} writes cut off by a kill, {} stored",
        histories.len(),
        histories.iter().filter(|h| h.deleted).count(),
        creates_unanswered
            + histories
                .iter()
                .filter(|h| h.sent > h.acked || (h.delete_sent && !h.deleted))
                .count(),
        total
    );
    assert!(
        (present..=present + creates_unanswered).contains(&total),
        "{total} stored, {present} acknowledged, {creates_unanswered} unanswered creations"
    );
    // The token from the environment still guards writes after the restarts.
    let refused = post(restarted.addr, &annotation("https://news.example/kill", 0));
    assert_eq!(refused.status, 401);
    let first = &histories
        .iter()
        .find(|h| !h.deleted && !h.delete_sent)
        .unwrap();
    let path = path_of(&first.location);
    let before = get(restarted.addr, &path);
    let unauthorized = put(
        restarted.addr,
        &path,
        Some(&before.etag()),
        &json!({"target": "https://x"}),
    );
    assert_eq!(unauthorized.status, 401);
    assert_eq!(
        get(restarted.addr, &path).body,
        before.body,
        "a refused PUT changed it"
    );
    assert_eq!(
        get(restarted.addr, "/annotations/").json()["total"].as_u64(),
        Some(total as u64)
    );
    drop(restarted);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Requests a hostile or broken client sends: each gets a 4xx with a JSON reason (or, for a
/// client that vanishes, nothing), nothing is stored, and the store keeps serving.
#[test]
fn hostile_requests_get_4xx_and_change_nothing() {
    let store = start("hostile", |c| c.threads = 2);
    let addr = store.addr();
    let kept = post(addr, &annotation("https://news.example/kept", 0));
    assert_eq!(kept.status, 201);
    let kept_path = path_of(kept.header("Location").unwrap());
    let refused = |r: &Resp, status: u16, what: &str| {
        let text = String::from_utf8_lossy(&r.body);
        let shown: String = text.chars().take(300).collect();
        assert_eq!(r.status, status, "{what}: {shown}");
        assert_eq!(r.json()["status"], status, "{what}");
    };
    let post_body = |body: &[u8]| {
        http(
            addr,
            "POST",
            "/annotations/",
            &[("Content-Type", ANNO)],
            body,
        )
    };

    // JSON nested far deeper than any annotation, as the whole body and inside a member.
    let deep = format!("{}{}", "[".repeat(500_000), "]".repeat(500_000));
    refused(&post_body(deep.as_bytes()), 400, "a deep array");
    let deep_member = format!(
        "{{\"target\": \"https://news.example/deep\", \"x\": {}1{}}}",
        "{\"a\":".repeat(100_000),
        "}".repeat(100_000)
    );
    refused(&post_body(deep_member.as_bytes()), 400, "a deep member");
    // A 10 MB quote, sent whole.
    let mut huge = annotation("https://news.example/huge", 0);
    huge["target"]["selector"][0]["exact"] = json!("ق".repeat(5_000_000));
    refused(
        &post_body(huge.to_string().as_bytes()),
        413,
        "a 10 MB quote",
    );
    // Wrong types and values where the store reads them.
    for (body, what) in [
        (r#"{"target": 42}"#, "a number as target"),
        (r#"{"target": []}"#, "an empty target list"),
        (r#"{"target": {"selector": []}}"#, "a target without source"),
        (r#"{"target": null}"#, "a null target"),
        ("\"just a string\"", "a string"),
        ("null", "null"),
        ("{\"target\": \"https://a\"} trailing", "trailing text"),
        (
            "{\"target\": \"https://a\", \"x\": \"\\ud800\"}",
            "a lone surrogate escape",
        ),
    ] {
        refused(&post_body(body.as_bytes()), 400, what);
    }
    // A request line and a header value over the head limit; NUL and bare CR in a head.
    let long_target = format!("/annotations/?target={}", "a".repeat(20_000));
    refused(&get(addr, &long_target), 431, "a 20 KB request line");
    let long_value = "v".repeat(20_000);
    refused(
        &http(
            addr,
            "GET",
            "/annotations/",
            &[("X-Long", &long_value)],
            b"",
        ),
        431,
        "a 20 KB header",
    );
    refused(
        &send(
            addr,
            b"GET /annotations/ HTTP/1.1\r\nX-A: a\x00b\r\n\r\n",
            false,
        ),
        400,
        "a NUL in a header",
    );
    refused(
        &send(addr, b"GET /annotations/ HTTP/1.1\rX-A: b\r\n\r\n", false),
        400,
        "a bare CR",
    );
    refused(
        &get(addr, "/annotations/\u{00e9}%00"),
        404,
        "a key that is no key",
    );
    refused(&get(addr, "/annotations/?page=-1"), 400, "a negative page");
    refused(
        &get(addr, "/annotations/?page=99999999999999999999999"),
        400,
        "a huge page",
    );
    // Conditions that do not match, or are malformed.
    let replacement = annotation("https://news.example/kept", 1);
    for tag in [
        "\"garbage\"",
        "W/",
        "*, \"1-0\"",
        "\"1-0000000000000000\"",
        "",
    ] {
        let stale = put(addr, &kept_path, Some(tag), &replacement);
        assert_eq!(stale.status, 412, "If-Match: {tag}");
        // The answer is the current version, to show the editor.
        assert_eq!(stale.json(), kept.json());
    }
    // A body cut short: the client goes away before sending what it announced.
    {
        let mut stream = connect(addr);
        stream
            .write_all(b"POST /annotations/ HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{\"target\": \"https://news.example/cut\"")
            .unwrap();
        drop(stream);
    }
    // A hundred pipelined requests in one write are all answered, in order.
    let mut stream = connect(addr);
    let pipelined: String = (0..100)
        .map(|i| format!("GET /annotations/?page=0&n={i} HTTP/1.1\r\nHost: x\r\n\r\n"))
        .collect();
    stream.write_all(pipelined.as_bytes()).unwrap();
    for _ in 0..100 {
        assert_eq!(read_response(&mut stream, false).status, 200);
    }
    drop(stream);

    // Nothing of it was stored, the annotation is as it was, and the store still serves.
    let listed = get(addr, "/annotations/").json();
    assert_eq!(listed["total"], 1, "{listed:#}");
    let now = get(addr, &kept_path);
    assert_eq!(now.etag(), kept.etag());
    assert_eq!(now.json(), kept.json());
    assert_eq!(
        post(addr, &annotation("https://news.example/after", 0)).status,
        201
    );
}

/// Readers and writers at once, more of them than the store has threads (so connections are
/// closed and reopened under contention): every reply is right. The load figures come from
/// `examples/store_load.rs`; this is only its correctness check, for a bounded number of
/// requests.
#[test]
fn concurrent_readers_and_writers_all_get_correct_replies() {
    let store = start("mixed-load", |c| c.threads = 3);
    let addr = store.addr();
    let page = "https://news.example/load";
    let seeded: Vec<(String, Value)> = (0..30)
        .map(|n| {
            let r = post(addr, &annotation(page, n));
            assert_eq!(r.status, 201);
            (path_of(r.header("Location").unwrap()), r.json())
        })
        .collect();
    let ids: Vec<Value> = seeded.iter().map(|(_, a)| a["id"].clone()).collect();
    let seeded = Arc::new(seeded);
    let ids = Arc::new(ids);
    let readers: Vec<_> = (0..5)
        .map(|r| {
            let (seeded, ids) = (Arc::clone(&seeded), Arc::clone(&ids));
            std::thread::spawn(move || {
                for i in 0..60 {
                    let (path, json) = &seeded[(r * 7 + i) % seeded.len()];
                    let one = get(addr, path);
                    assert_eq!(one.status, 200, "{path}");
                    assert_eq!(&one.json(), json, "{path}");
                    let listed =
                        get(addr, &format!("/annotations/?target={}", encode(page))).json();
                    assert_eq!(listed["total"], 30);
                    let items: Vec<Value> = listed["first"]["items"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|a| a["id"].clone())
                        .collect();
                    assert_eq!(&items, &*ids);
                }
            })
        })
        .collect();
    let writers: Vec<_> = (0..3)
        .map(|w| {
            std::thread::spawn(move || {
                let mine = format!("https://news.example/load/writer-{w}");
                let mut kept = Vec::new();
                for n in 0..30 {
                    let created = post(addr, &annotation(&mine, n));
                    assert_eq!(created.status, 201, "{}", created.text());
                    let path = path_of(created.header("Location").unwrap());
                    let mut next = created.json();
                    next["isnad:version"] = json!(2);
                    let replaced = put(addr, &path, Some(&created.etag()), &next);
                    assert_eq!(replaced.status, 200, "{}", replaced.text());
                    if n % 3 == 0 {
                        let gone = http(
                            addr,
                            "DELETE",
                            &path,
                            &[("If-Match", &replaced.etag())],
                            b"",
                        );
                        assert_eq!(gone.status, 204);
                    } else {
                        kept.push((path, replaced.json()));
                    }
                }
                kept
            })
        })
        .collect();
    for r in readers {
        r.join().expect("a reader got a wrong reply");
    }
    for (w, handle) in writers.into_iter().enumerate() {
        let kept = handle.join().expect("a writer got a wrong reply");
        assert_eq!(kept.len(), 20);
        for (path, json) in kept {
            assert_eq!(get(addr, &path).json(), json);
        }
        let mine = format!("https://news.example/load/writer-{w}");
        let c = get(addr, &format!("/annotations/?target={}", encode(&mine))).json();
        assert_eq!(c["total"], 20);
    }
}

/// A token and origins together, as a newsroom runs it: the browser's preflight carries no
/// token and passes; a write from the allowed origin without the token is refused with the CORS
/// header (so the page can read why); the allowed origin with the token writes; another origin
/// gets no CORS header on anything, so a browser would not let its page read or write.
#[test]
fn token_and_origins_together() {
    let store = start("token-cors", |c| {
        c.token = Some("t0ken".into());
        c.origins = vec!["https://news.example".into()];
    });
    let addr = store.addr();
    let preflight = http(
        addr,
        "OPTIONS",
        "/annotations/",
        &[
            ("Origin", "https://news.example"),
            ("Access-Control-Request-Method", "POST"),
            (
                "Access-Control-Request-Headers",
                "authorization, content-type",
            ),
        ],
        b"",
    );
    assert_eq!(preflight.status, 204);
    assert_eq!(
        preflight.header("Access-Control-Allow-Origin"),
        Some("https://news.example")
    );
    assert!(preflight
        .header("Access-Control-Allow-Headers")
        .unwrap()
        .contains("Authorization"));
    let body = annotation("https://news.example/a", 1).to_string();
    let write = |origin: &str, auth: Option<&str>| {
        let mut headers = vec![("Content-Type", ANNO), ("Origin", origin)];
        if let Some(a) = auth {
            headers.push(("Authorization", a));
        }
        http(addr, "POST", "/annotations/", &headers, body.as_bytes())
    };
    let no_token = write("https://news.example", None);
    assert_eq!(no_token.status, 401);
    assert_eq!(
        no_token.header("Access-Control-Allow-Origin"),
        Some("https://news.example")
    );
    let ok = write("https://news.example", Some("Bearer t0ken"));
    assert_eq!(ok.status, 201);
    assert_eq!(
        ok.header("Access-Control-Allow-Origin"),
        Some("https://news.example")
    );
    for origin in [
        "https://evil.example",
        "http://news.example",
        "https://news.example:8443",
    ] {
        let r = write(origin, None);
        assert_eq!(r.status, 401, "{origin}");
        assert_eq!(r.header("Access-Control-Allow-Origin"), None, "{origin}");
        let read = http(addr, "GET", "/annotations/", &[("Origin", origin)], b"");
        assert_eq!(read.header("Access-Control-Allow-Origin"), None, "{origin}");
        let pre = http(
            addr,
            "OPTIONS",
            "/annotations/",
            &[
                ("Origin", origin),
                ("Access-Control-Request-Method", "POST"),
            ],
            b"",
        );
        assert_eq!(pre.header("Access-Control-Allow-Origin"), None, "{origin}");
        assert_eq!(pre.header("Access-Control-Allow-Methods"), None, "{origin}");
    }
    assert_eq!(get(addr, "/annotations/").json()["total"], 1);
}
