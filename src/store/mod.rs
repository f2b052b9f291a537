//! The reference annotation store: the W3C Web Annotation Protocol on SQLite, and a static
//! export for a CDN. Native only (never in the wasm build).
//!
//! ```text
//! isnad serve   --db annotations.sqlite --listen 127.0.0.1:8787 [--token TOKEN]
//!               [--origin https://news.example]... [--public-url https://notes.news.example]
//!               [--page-size 100] [--threads 4]
//! isnad publish --db annotations.sqlite --out DIR
//! ```
//!
//! Without `--token`, the token is read from `ISNAD_STORE_TOKEN` (so it stays out of `ps`).
//!
//! # URL scheme
//!
//! One Annotation Container, `/annotations/`, holds every annotation. The container of one
//! article page is the same container filtered by the page's URL:
//!
//! | request | answer |
//! | --- | --- |
//! | `GET /annotations/` | the container (`BasicContainer` + `AnnotationCollection`): `total`, `first` (page 0 embedded), `last` |
//! | `GET /annotations/?target=PAGE` | the container of one page: annotations whose target's `source` is exactly `PAGE` (percent-encoded) |
//! | `GET /annotations/?page=N`, `?target=PAGE&page=N` | an `AnnotationPage`: `items`, `partOf` (with `total`), `startIndex`, `next`/`prev` |
//! | `… &iris=1` (or `Prefer: return=representation;include="http://www.w3.org/ns/oa#PreferContainedIRIs"`) | pages list annotation IRIs instead of whole annotations |
//! | `Prefer: …include="http://www.w3.org/ns/ldp#PreferMinimalContainer"` | the container without page 0 embedded (`first` is a link) |
//! | `POST /annotations/` | creates: 201, `Location`, `ETag`, the stored annotation |
//! | `GET /annotations/KEY` | 200 with `ETag` (`If-None-Match` gives 304); 404 when unknown |
//! | `PUT /annotations/KEY` | replaces; needs `If-Match`: 428 without, 412 on a stale ETag (the body is then the current version, with its `ETag`), 200 and a new `ETag` |
//! | `DELETE /annotations/KEY` | needs `If-Match` likewise; 204 |
//!
//! Pages hold [`StoreConfig::page_size`] annotations (100 unless set), in creation order. A page
//! number past the last page is 404; page 0 always exists, empty when the container is.
//!
//! # What the server does to an annotation
//!
//! - The server always assigns the `id`: `PUBLIC/annotations/KEY`, where `KEY` is a random
//!   UUID-shaped string and `PUBLIC` is `--public-url` (by default `http://` and the address the
//!   server listens on). Ids are stored, so they stay the same when the server moves: set
//!   `--public-url` to the address readers see. A deleted annotation's IRI is never reused.
//! - A client's own `id` (Isnad's `urn:isnad:…` ids) is kept in `via`, as the protocol says,
//!   unless the annotation already has a `via`; `canonical` is kept as given. `created` is added
//!   when missing; a `PUT` sets `modified`.
//! - Everything else is stored as the client sent it: the top-level members keep their order and
//!   every value keeps its exact JSON text (numbers, escapes, nested order), so nothing the store
//!   does not know is lost.
//! - A `PUT` may not change `via` or `canonical` once set (409); when it leaves them (or
//!   `created`) out they are carried over. The `id` in a `PUT` body is ignored, and so is a
//!   `Slug` header on `POST`.
//! - An annotation must be a JSON object with a `target` (a URL, an object with `source` or
//!   `id`, or a list whose first member is one of those); a `type` other than `Annotation` is
//!   refused. The page an annotation belongs to is its (first) target's source.
//!
//! # HTTP
//!
//! Requests must send JSON (`application/ld+json` or `application/json`; 415 otherwise) of at
//! most [`MAX_BODY`] bytes (413) with a `Content-Length` (411 for chunked bodies); malformed JSON
//! is 400. Errors are `application/json` bodies `{"error": "…", "status": N}`; everything else
//! is `application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"`. ETags are strong:
//! `"REV-HASH"`, the annotation's revision and a hash of its stored JSON. Writes need
//! `Authorization: Bearer TOKEN` when a token is set (401 otherwise); reads are open. CORS
//! headers go only to the configured origins.
//!
//! Writes are SQLite transactions in WAL mode with `synchronous=FULL`: a 201 means the annotation
//! is on disk, and a server killed mid-write leaves no half-written annotation. The HTTP layer
//! is a small HTTP/1.1 server on a fixed pool of threads, each with its own SQLite connection;
//! it bounds header size, body size and the time a client may take, and answers 503 when every
//! thread is busy and the queue is full. Connections are kept alive only while no other
//! connection waits for a thread. Put it behind a TLS-terminating proxy on the Internet. (It is
//! not `tiny_http`: 0.12 allocates a request's declared `Content-Length` when it drops an unread
//! body, so one request claiming an exabyte would abort the process.)
//!
//! # Static export
//!
//! `isnad publish` writes, for each page, `DIR/HASH.json` where `HASH` is the 16 lowercase hex
//! digits of the 64-bit FNV-1a hash of the page URL's UTF-8 bytes (offset basis
//! `0xcbf29ce484222325`, prime `0x100000001b3`), and `DIR/index.json`, an object mapping each
//! page URL to its file name. Each file is an `AnnotationPage` like the live
//! `GET /annotations/?target=PAGE&page=0`, but holding all the page's annotations (no `next`),
//! with `id` its own file name and `partOf` `{"type": "AnnotationCollection", "label": PAGE,
//! "total": N}`.
//! Files are written to a temporary name and renamed, `index.json` last; files of the `HASH.json`
//! form that belong to no page any more are removed, so deleted annotations leave the CDN.

mod api;
mod db;
mod http;
mod json;
mod publish;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

pub use api::percent_encode;
pub use publish::publish;

/// The largest request body the server reads.
pub const MAX_BODY: usize = 1024 * 1024;

/// How the server runs.
#[derive(Debug, Clone)]
pub struct StoreConfig {
    /// The SQLite file (created when missing).
    pub db: PathBuf,
    /// `HOST:PORT` to listen on; port 0 picks a free port.
    pub listen: String,
    /// When set, writes need `Authorization: Bearer TOKEN`.
    pub token: Option<String>,
    /// Origins (`https://news.example`) whose pages may call the store from a browser.
    pub origins: Vec<String>,
    /// Annotations per container page.
    pub page_size: usize,
    /// The URL readers reach the server at (ids are minted under it); by default
    /// `http://` and the address the server listens on.
    pub public_url: Option<String>,
    /// Threads serving requests.
    pub threads: usize,
}

impl StoreConfig {
    /// A store on `db` listening on `listen`, with no token, no origins, pages of 100 and four
    /// threads.
    pub fn new(db: impl Into<PathBuf>, listen: impl Into<String>) -> Self {
        StoreConfig {
            db: db.into(),
            listen: listen.into(),
            token: None,
            origins: Vec::new(),
            page_size: 100,
            public_url: None,
            threads: 4,
        }
    }

    /// The configuration `isnad serve ARGS` asks for. Without `--token`, the token is taken from
    /// the `ISNAD_STORE_TOKEN` environment variable when it is set (so it stays out of `ps`).
    pub fn from_args(args: &[String]) -> Result<Self, StoreError> {
        let mut db: Option<PathBuf> = None;
        let mut config = StoreConfig::new(PathBuf::new(), "127.0.0.1:8787");
        let mut it = args.iter();
        while let Some(arg) = it.next() {
            let mut value = |what: &str| {
                it.next()
                    .filter(|v| !v.is_empty())
                    .cloned()
                    .ok_or_else(|| StoreError::Usage(format!("{arg} needs {what}")))
            };
            match arg.as_str() {
                "--db" => db = Some(PathBuf::from(value("the SQLite file")?)),
                "--listen" => config.listen = value("an address such as 127.0.0.1:8787")?,
                "--token" => config.token = Some(value("a token")?),
                "--origin" => config
                    .origins
                    .push(value("an origin such as https://news.example")?),
                "--public-url" => config.public_url = Some(value("a URL")?),
                "--page-size" => {
                    config.page_size = parse_count(&value("a number")?, "--page-size")?;
                }
                "--threads" => config.threads = parse_count(&value("a number")?, "--threads")?,
                other => {
                    return Err(StoreError::Usage(format!(
                        "unexpected argument {other:?} for serve"
                    )))
                }
            }
        }
        config.db = db.ok_or_else(|| StoreError::Usage("serve needs --db FILE".into()))?;
        if config.token.is_none() {
            config.token = std::env::var("ISNAD_STORE_TOKEN")
                .ok()
                .filter(|t| !t.is_empty());
        }
        Ok(config)
    }
}

/// `isnad publish ARGS`: the database and the output folder.
pub fn publish_args(args: &[String]) -> Result<(PathBuf, PathBuf), StoreError> {
    let (mut db, mut out) = (None, None);
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let slot = match arg.as_str() {
            "--db" => &mut db,
            "--out" => &mut out,
            other => {
                return Err(StoreError::Usage(format!(
                    "unexpected argument {other:?} for publish"
                )))
            }
        };
        let value = it
            .next()
            .filter(|v| !v.is_empty())
            .ok_or_else(|| StoreError::Usage(format!("{arg} needs a path")))?;
        *slot = Some(PathBuf::from(value));
    }
    match (db, out) {
        (Some(db), Some(out)) => Ok((db, out)),
        _ => Err(StoreError::Usage(
            "publish needs --db FILE and --out DIR".into(),
        )),
    }
}

fn parse_count(text: &str, flag: &str) -> Result<usize, StoreError> {
    match text.parse::<usize>() {
        Ok(n) if (1..=10_000).contains(&n) => Ok(n),
        _ => Err(StoreError::Usage(format!(
            "{flag} takes a number from 1 to 10000, not {text:?}"
        ))),
    }
}

/// What can go wrong starting the store or publishing it.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{0}")]
    Usage(String),
    #[error("cannot open the annotation store {path}: {source}")]
    Open {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("{path} is not an Isnad annotation store: {reason}")]
    NotAStore { path: PathBuf, reason: String },
    #[error("cannot listen on {addr}: {source}{hint}", hint = listen_hint(source))]
    Listen {
        addr: String,
        source: std::io::Error,
    },
    #[error("annotation store error: {0}")]
    Db(#[from] rusqlite::Error),
    #[error("cannot write {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot publish: {0}")]
    Publish(String),
    #[error("cannot start the server: {0}")]
    Thread(std::io::Error),
}

fn listen_hint(e: &std::io::Error) -> &'static str {
    match e.kind() {
        std::io::ErrorKind::AddrInUse => {
            " (another program uses this port: stop it or pick another with --listen)"
        }
        std::io::ErrorKind::PermissionDenied => " (ports below 1024 need privileges)",
        std::io::ErrorKind::AddrNotAvailable => " (this machine has no such address)",
        _ => "",
    }
}

/// A server running in background threads; dropping it stops it.
pub struct Running {
    addr: SocketAddr,
    public: String,
    server: Option<http::Server>,
}

impl Running {
    /// The address the server listens on (with the real port when 0 was asked for).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://ADDR/annotations/`: the container on the address the server listens on.
    pub fn url(&self) -> String {
        format!("http://{}/annotations/", self.addr)
    }

    /// The container's public IRI (under `--public-url` when set).
    pub fn public_url(&self) -> String {
        format!("{}/annotations/", self.public)
    }

    /// Stops accepting, lets requests under way finish, and waits for the threads.
    pub fn stop(mut self) {
        if let Some(server) = self.server.take() {
            server.stop();
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Some(server) = self.server.take() {
            server.stop();
        }
    }
}

/// Opens the database and starts serving in background threads.
pub fn start(config: StoreConfig) -> Result<Running, StoreError> {
    if config.page_size == 0 || config.threads == 0 {
        return Err(StoreError::Usage(
            "page size and threads must be at least 1".into(),
        ));
    }
    // One connection per thread, all opened (and the schema made) before anything listens.
    let first = db::Db::open(&config.db, true)?;
    let mut conns = vec![first];
    for _ in 1..config.threads {
        conns.push(db::Db::open(&config.db, false)?);
    }
    let listener =
        std::net::TcpListener::bind(&config.listen).map_err(|source| StoreError::Listen {
            addr: config.listen.clone(),
            source,
        })?;
    let addr = listener.local_addr().map_err(|source| StoreError::Listen {
        addr: config.listen.clone(),
        source,
    })?;
    let public = match &config.public_url {
        Some(url) => url.trim_end_matches('/').to_string(),
        None => {
            let shown = if addr.ip().is_unspecified() {
                SocketAddr::new(
                    std::net::IpAddr::V4(std::net::Ipv4Addr::LOCALHOST),
                    addr.port(),
                )
            } else {
                addr
            };
            format!("http://{shown}")
        }
    };
    if !(public.starts_with("http://") || public.starts_with("https://")) {
        return Err(StoreError::Usage(format!(
            "--public-url must be an http:// or https:// URL, not {public:?}"
        )));
    }
    let app = Arc::new(api::App::new(&config, public.clone()));
    let handlers = conns
        .into_iter()
        .map(|conn| {
            let app = Arc::clone(&app);
            let mut conn = conn;
            move |req: &http::Request| app.handle(&mut conn, req)
        })
        .collect();
    let server = http::Server::start(listener, handlers).map_err(StoreError::Thread)?;
    Ok(Running {
        addr,
        public,
        server: Some(server),
    })
}

/// Serves until SIGINT or SIGTERM (a second one ends the process at once), printing
/// `Isnad store: http://ADDR/annotations/` when it is ready.
pub fn serve(config: StoreConfig) -> Result<(), StoreError> {
    let running = start(config)?;
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        // The second signal exits at once; the first asks for a clean stop.
        signal_hook::flag::register_conditional_shutdown(signal, 1, Arc::clone(&stop))
            .and_then(|_| signal_hook::flag::register(signal, Arc::clone(&stop)))
            .map_err(StoreError::Thread)?;
    }
    println!("Isnad store: {}", running.url());
    if running.public_url() != running.url() {
        println!("annotation ids are minted under {}", running.public_url());
    }
    while !stop.load(Ordering::Relaxed) {
        std::thread::sleep(Duration::from_millis(100));
    }
    eprintln!("isnad: stopping the store");
    running.stop();
    Ok(())
}

/// 64-bit FNV-1a (ETags, published file names).
pub(crate) fn fnv64(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// The published file name of a page: see the module doc.
pub fn page_file_name(page: &str) -> String {
    format!("{:016x}.json", fnv64(page.as_bytes()))
}
