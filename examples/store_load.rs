//! A bounded load test of the annotation store (`isnad serve`) on loopback: concurrent readers
//! and writers for a fixed time, every reply checked, then throughput and latency percentiles.
//!
//! ```sh
//! cargo run --release --example store_load -- [--readers 8] [--writers 4] [--seconds 10]
//!     [--threads 4] [--url http://127.0.0.1:8787]
//! ```
//!
//! Without `--url` it starts a store in this process on a fresh SQLite file in the temporary
//! folder (`--threads` serving threads, as `isnad serve --threads`). With `--url` it loads a
//! running store (without a token) instead; it writes annotations of pages under
//! `https://load.example/`.
//!
//! Before the clock starts, 20 pages of 50 annotations are created. Then:
//! - each reader, on one keep-alive connection (reopened when the server closes it), reads in
//!   turn one of those annotations (`GET /annotations/KEY`: the exact JSON created) and a page
//!   of one of those pages (`GET /annotations/?target=PAGE`: total 50, the ids in order);
//! - each writer, likewise, creates an annotation of its own page (`POST`), replaces it with
//!   `If-Match` (`PUT`), and deletes every fourth (`DELETE`), checking each answer.
//!
//! At the end every annotation the writers kept is read back (its last version). Any wrong
//! reply is printed and the exit status is 1. 503 (busy) answers are counted, not failures.
#![cfg_attr(target_arch = "wasm32", allow(unused))]

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::main();
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::collections::HashMap;
    use std::io::{Read, Write};
    use std::net::{SocketAddr, TcpStream, ToSocketAddrs};
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::{Arc, Mutex};
    use std::time::{Duration, Instant};

    use isnad::store::{self, StoreConfig};
    use serde_json::{json, Value};

    const ANNO: &str = "application/ld+json; profile=\"http://www.w3.org/ns/anno.jsonld\"";
    const PAGES: usize = 20;
    const PER_PAGE: usize = 50;

    struct Options {
        readers: usize,
        writers: usize,
        seconds: u64,
        threads: usize,
        url: Option<String>,
    }

    fn options() -> Result<Options, String> {
        let mut o = Options {
            readers: 8,
            writers: 4,
            seconds: 10,
            threads: 4,
            url: None,
        };
        let args: Vec<String> = std::env::args().skip(1).collect();
        let mut it = args.iter();
        while let Some(flag) = it.next() {
            let value = it.next().ok_or_else(|| format!("{flag} needs a value"))?;
            let number = || {
                value
                    .parse::<usize>()
                    .ok()
                    .filter(|n| (1..=1000).contains(n))
                    .ok_or_else(|| format!("{flag} takes a number from 1 to 1000, not {value:?}"))
            };
            match flag.as_str() {
                "--readers" => o.readers = number()?,
                "--writers" => o.writers = number()?,
                "--seconds" => o.seconds = number()? as u64,
                "--threads" => o.threads = number()?,
                "--url" => o.url = Some(value.clone()),
                other => return Err(format!("unknown option {other}")),
            }
        }
        Ok(o)
    }

    // ----- a keep-alive HTTP/1.1 client

    struct Reply {
        status: u16,
        etag: Option<String>,
        location: Option<String>,
        body: Vec<u8>,
        close: bool,
    }

    impl Reply {
        fn json(&self) -> Result<Value, String> {
            serde_json::from_slice(&self.body).map_err(|e| format!("not JSON: {e}"))
        }
    }

    struct Client {
        addr: SocketAddr,
        host: String,
        stream: Option<TcpStream>,
    }

    impl Client {
        fn new(addr: SocketAddr) -> Self {
            Client {
                addr,
                host: addr.to_string(),
                stream: None,
            }
        }

        fn request(
            &mut self,
            method: &str,
            path: &str,
            headers: &[(&str, &str)],
            body: &[u8],
        ) -> Result<Reply, String> {
            // A kept-alive connection the server has just closed fails once: retry on a new one
            // only when nothing was answered.
            for attempt in 0..2 {
                let fresh = self.stream.is_none();
                if fresh {
                    let s = TcpStream::connect_timeout(&self.addr, Duration::from_secs(10))
                        .map_err(|e| format!("connect: {e}"))?;
                    s.set_read_timeout(Some(Duration::from_secs(30))).ok();
                    s.set_write_timeout(Some(Duration::from_secs(30))).ok();
                    s.set_nodelay(true).ok();
                    self.stream = Some(s);
                }
                let Some(stream) = self.stream.as_mut() else {
                    continue;
                };
                let mut out = format!("{method} {path} HTTP/1.1\r\nHost: {}\r\n", self.host);
                for (n, v) in headers {
                    out.push_str(&format!("{n}: {v}\r\n"));
                }
                if !body.is_empty() || matches!(method, "POST" | "PUT") {
                    out.push_str(&format!("Content-Length: {}\r\n", body.len()));
                }
                out.push_str("\r\n");
                let mut bytes = out.into_bytes();
                bytes.extend_from_slice(body);
                let answered = stream
                    .write_all(&bytes)
                    .map_err(|e| e.to_string())
                    .and_then(|()| read_reply(stream, method == "HEAD"));
                match answered {
                    Ok(reply) => {
                        if reply.close {
                            self.stream = None;
                        }
                        return Ok(reply);
                    }
                    Err(e) => {
                        self.stream = None;
                        if fresh || attempt == 1 {
                            return Err(e);
                        }
                    }
                }
            }
            Err("no answer".into())
        }
    }

    fn read_reply(stream: &mut TcpStream, head_only: bool) -> Result<Reply, String> {
        let mut head = Vec::with_capacity(512);
        let mut byte = [0u8; 1];
        while !head.ends_with(b"\r\n\r\n") {
            match stream.read(&mut byte) {
                Ok(1) => head.push(byte[0]),
                Ok(_) => return Err("the server closed the connection".into()),
                Err(e) => return Err(e.to_string()),
            }
            if head.len() > 64 * 1024 {
                return Err("a response head over 64 KB".into());
            }
        }
        let head = String::from_utf8_lossy(&head);
        let mut lines = head.split("\r\n");
        let status = lines
            .next()
            .and_then(|l| l.split(' ').nth(1))
            .and_then(|s| s.parse().ok())
            .ok_or("no status line")?;
        let mut reply = Reply {
            status,
            etag: None,
            location: None,
            body: Vec::new(),
            close: false,
        };
        let mut len = 0usize;
        for line in lines {
            let Some((name, value)) = line.split_once(':') else {
                continue;
            };
            let value = value.trim();
            match name.trim().to_ascii_lowercase().as_str() {
                "content-length" => len = value.parse().map_err(|_| "a bad Content-Length")?,
                "etag" => reply.etag = Some(value.to_string()),
                "location" => reply.location = Some(value.to_string()),
                "connection" => reply.close = value.eq_ignore_ascii_case("close"),
                _ => {}
            }
        }
        if !head_only && status != 204 && status != 304 {
            reply.body = vec![0; len];
            stream
                .read_exact(&mut reply.body)
                .map_err(|e| format!("body: {e}"))?;
        }
        Ok(reply)
    }

    /// `http://host:port/annotations/KEY` → `/annotations/KEY`.
    fn path_of(iri: &str) -> String {
        let rest = iri.split_once("://").map_or(iri, |(_, r)| r);
        rest.find('/').map_or("/".into(), |i| rest[i..].to_string())
    }

    /// An annotation like the widget's, on `page`.
    fn annotation(page: &str, n: usize, version: usize) -> Value {
        json!({
            "@context": "http://www.w3.org/ns/anno.jsonld",
            "id": format!("urn:isnad:load-{n}"),
            "type": "Annotation",
            "motivation": "classifying",
            "body": [{"type": "TextualBody", "purpose": "classifying", "value": "claim"}],
            "target": {
                "source": page,
                "selector": [
                    {"type": "TextQuoteSelector", "exact": format!("قال المتحدث إن {n} شخصاً أُجلوا يوم الثلاثاء"),
                     "prefix": "وفي بيان صدر مساء أمس، ", "suffix": "، بحسب الدفاع المدني."},
                    {"type": "TextPositionSelector", "start": 120 + n, "end": 160 + n}
                ]
            },
            "isnad": {"claimType": "statistic", "confidence": 0.75},
            "load:version": version
        })
    }

    // ----- the run

    #[derive(Default)]
    struct Tally {
        /// Latencies in microseconds, by operation.
        latencies: HashMap<&'static str, Vec<u32>>,
        busy: usize,
        failures: Vec<String>,
    }

    impl Tally {
        fn record(&mut self, op: &'static str, started: Instant) {
            let us = u32::try_from(started.elapsed().as_micros()).unwrap_or(u32::MAX);
            self.latencies.entry(op).or_default().push(us);
        }

        fn fail(&mut self, what: String) {
            if self.failures.len() < 20 {
                eprintln!("WRONG: {what}");
            }
            self.failures.push(what);
        }

        fn merge(&mut self, other: Tally) {
            for (op, l) in other.latencies {
                self.latencies.entry(op).or_default().extend(l);
            }
            self.busy += other.busy;
            self.failures.extend(other.failures);
        }
    }

    /// A seeded annotation: its path and the JSON the store answered when creating it.
    struct Seeded {
        path: String,
        json: Value,
    }

    fn reader(
        addr: SocketAddr,
        seeded: &[Seeded],
        pages: &[(String, Vec<String>)],
        stop: &AtomicBool,
        seed: u64,
    ) -> Tally {
        let mut tally = Tally::default();
        let mut client = Client::new(addr);
        let mut rng = seed | 1;
        let mut next = || {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            rng as usize
        };
        let mut turn = 0usize;
        while !stop.load(Ordering::Relaxed) {
            turn += 1;
            if turn % 2 == 0 {
                let a = &seeded[next() % seeded.len()];
                let t = Instant::now();
                match client.request("GET", &a.path, &[], b"") {
                    Ok(r) if r.status == 503 => tally.busy += 1,
                    Ok(r) if r.status == 200 => {
                        tally.record("GET annotation", t);
                        if r.json().ok().as_ref() != Some(&a.json) {
                            tally.fail(format!("GET {}: not the annotation created", a.path));
                        }
                    }
                    Ok(r) => tally.fail(format!("GET {}: {}", a.path, r.status)),
                    Err(e) => tally.fail(format!("GET {}: {e}", a.path)),
                }
            } else {
                let (page, ids) = &pages[next() % pages.len()];
                let path = format!("/annotations/?target={}", store::percent_encode(page));
                let t = Instant::now();
                match client.request("GET", &path, &[], b"") {
                    Ok(r) if r.status == 503 => tally.busy += 1,
                    Ok(r) if r.status == 200 => {
                        tally.record("GET page of 50", t);
                        let c = r.json().unwrap_or_default();
                        let listed: Vec<&str> = c["first"]["items"]
                            .as_array()
                            .map(|items| items.iter().filter_map(|i| i["id"].as_str()).collect())
                            .unwrap_or_default();
                        if c["total"] != json!(PER_PAGE) || listed != *ids {
                            tally.fail(format!("{path}: not the page's {PER_PAGE} annotations"));
                        }
                    }
                    Ok(r) => tally.fail(format!("{path}: {}", r.status)),
                    Err(e) => tally.fail(format!("{path}: {e}")),
                }
            }
        }
        tally
    }

    /// What a writer left: each kept annotation's path and last version.
    type Kept = Vec<(String, usize)>;

    fn writer(addr: SocketAddr, w: usize, stop: &AtomicBool) -> (Tally, Kept) {
        let mut tally = Tally::default();
        let mut kept = Vec::new();
        let mut client = Client::new(addr);
        let page = format!("https://load.example/writer/{w}");
        let json_headers = [("Content-Type", ANNO)];
        let mut n = 0;
        while !stop.load(Ordering::Relaxed) {
            n += 1;
            let sent = annotation(&page, n, 0);
            let t = Instant::now();
            let created = match client.request(
                "POST",
                "/annotations/",
                &json_headers,
                sent.to_string().as_bytes(),
            ) {
                Ok(r) if r.status == 503 => {
                    tally.busy += 1;
                    continue;
                }
                Ok(r) if r.status == 201 => r,
                Ok(r) => {
                    tally.fail(format!(
                        "POST: {} {}",
                        r.status,
                        String::from_utf8_lossy(&r.body)
                    ));
                    continue;
                }
                Err(e) => {
                    tally.fail(format!("POST: {e}"));
                    continue;
                }
            };
            tally.record("POST", t);
            let body = created.json().unwrap_or_default();
            if body["via"] != sent["id"] || body["target"] != sent["target"] {
                tally.fail("POST: the answer is not the annotation sent".into());
            }
            let (Some(location), Some(mut etag)) = (created.location, created.etag) else {
                tally.fail("POST: no Location or ETag".into());
                continue;
            };
            let path = path_of(&location);
            let mut replacement = body.clone();
            replacement["load:version"] = json!(1);
            let t = Instant::now();
            match client.request(
                "PUT",
                &path,
                &[("Content-Type", ANNO), ("If-Match", &etag)],
                replacement.to_string().as_bytes(),
            ) {
                Ok(r) if r.status == 503 => tally.busy += 1,
                Ok(r) if r.status == 200 => {
                    tally.record("PUT", t);
                    if r.json().ok().map(|b| b["load:version"].clone()) != Some(json!(1)) {
                        tally.fail(format!("PUT {path}: the answer is not the new version"));
                    }
                    etag = r.etag.unwrap_or_default();
                }
                Ok(r) => tally.fail(format!("PUT {path}: {}", r.status)),
                Err(e) => tally.fail(format!("PUT {path}: {e}")),
            }
            if n % 4 == 0 {
                let t = Instant::now();
                match client.request("DELETE", &path, &[("If-Match", &etag)], b"") {
                    Ok(r) if r.status == 204 => tally.record("DELETE", t),
                    Ok(r) if r.status == 503 => tally.busy += 1,
                    Ok(r) => tally.fail(format!("DELETE {path}: {}", r.status)),
                    Err(e) => tally.fail(format!("DELETE {path}: {e}")),
                }
            } else {
                kept.push((path, 1));
            }
        }
        (tally, kept)
    }

    fn percentile(sorted: &[u32], p: f64) -> f64 {
        if sorted.is_empty() {
            return 0.0;
        }
        let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
        f64::from(sorted[i.min(sorted.len() - 1)]) / 1000.0
    }

    pub fn main() {
        let o = match options() {
            Ok(o) => o,
            Err(e) => {
                eprintln!("store_load: {e}");
                std::process::exit(2);
            }
        };
        let dir = std::env::temp_dir().join(format!("isnad-store-load-{}", std::process::id()));
        let mut running = None;
        let addr: SocketAddr = match &o.url {
            Some(url) => {
                let host = url
                    .trim_start_matches("http://")
                    .split('/')
                    .next()
                    .unwrap_or_default();
                match host.to_socket_addrs().ok().and_then(|mut a| a.next()) {
                    Some(a) => a,
                    None => {
                        eprintln!("store_load: cannot resolve {url}");
                        std::process::exit(2);
                    }
                }
            }
            None => {
                let _ = std::fs::remove_dir_all(&dir);
                if let Err(e) = std::fs::create_dir_all(&dir) {
                    eprintln!("store_load: {}: {e}", dir.display());
                    std::process::exit(2);
                }
                let mut config = StoreConfig::new(dir.join("load.sqlite"), "127.0.0.1:0");
                config.threads = o.threads;
                match store::start(config) {
                    Ok(r) => {
                        let a = r.addr();
                        running = Some(r);
                        a
                    }
                    Err(e) => {
                        eprintln!("store_load: {e}");
                        std::process::exit(2);
                    }
                }
            }
        };

        // Seed: 20 pages of 50 annotations, created in order.
        let started = Instant::now();
        let mut client = Client::new(addr);
        let mut seeded = Vec::new();
        let mut pages = Vec::new();
        let run = std::process::id();
        for p in 0..PAGES {
            let page = format!("https://load.example/{run}/article-{p}");
            let mut ids = Vec::new();
            for n in 0..PER_PAGE {
                let body = annotation(&page, n, 0).to_string();
                let r = client.request(
                    "POST",
                    "/annotations/",
                    &[("Content-Type", ANNO)],
                    body.as_bytes(),
                );
                match r {
                    Ok(r) if r.status == 201 => {
                        let json = r.json().unwrap_or_default();
                        ids.push(json["id"].as_str().unwrap_or_default().to_string());
                        seeded.push(Seeded {
                            path: path_of(r.location.as_deref().unwrap_or_default()),
                            json,
                        });
                    }
                    Ok(r) => {
                        eprintln!(
                            "store_load: seeding: {} {}",
                            r.status,
                            String::from_utf8_lossy(&r.body)
                        );
                        std::process::exit(1);
                    }
                    Err(e) => {
                        eprintln!("store_load: seeding: {e}");
                        std::process::exit(1);
                    }
                }
            }
            pages.push((page, ids));
        }
        drop(client);
        println!(
            "seeded {} annotations on {PAGES} pages in {:.1} s",
            seeded.len(),
            started.elapsed().as_secs_f64()
        );

        let seeded = Arc::new(seeded);
        let pages = Arc::new(pages);
        let stop = Arc::new(AtomicBool::new(false));
        let mut readers = Vec::new();
        for r in 0..o.readers {
            let (seeded, pages, stop) =
                (Arc::clone(&seeded), Arc::clone(&pages), Arc::clone(&stop));
            readers.push(std::thread::spawn(move || {
                reader(
                    addr,
                    &seeded,
                    &pages,
                    &stop,
                    0x9E37_79B9_7F4A_7C15 ^ (r as u64 + 1),
                )
            }));
        }
        let kept_all = Arc::new(Mutex::new(Vec::new()));
        let mut writers = Vec::new();
        for w in 0..o.writers {
            let stop = Arc::clone(&stop);
            writers.push(std::thread::spawn(move || writer(addr, w, &stop)));
        }
        let clock = Instant::now();
        std::thread::sleep(Duration::from_secs(o.seconds));
        stop.store(true, Ordering::Relaxed);
        let mut tally = Tally::default();
        for r in readers {
            match r.join() {
                Ok(t) => tally.merge(t),
                Err(_) => tally.fail("a reader panicked".into()),
            }
        }
        for w in writers {
            match w.join() {
                Ok((t, kept)) => {
                    tally.merge(t);
                    kept_all.lock().map(|mut k| k.extend(kept)).ok();
                }
                Err(_) => tally.fail("a writer panicked".into()),
            }
        }
        let elapsed = clock.elapsed().as_secs_f64();

        // Every annotation the writers kept is there, in its last version.
        let kept = kept_all.lock().map(|k| k.clone()).unwrap_or_default();
        let mut client = Client::new(addr);
        for (path, version) in &kept {
            match client.request("GET", path, &[], b"") {
                Ok(r) if r.status == 200 => {
                    if r.json().ok().map(|b| b["load:version"].clone()) != Some(json!(version)) {
                        tally.fail(format!("{path}: not its last version"));
                    }
                }
                Ok(r) => tally.fail(format!("{path} after the run: {}", r.status)),
                Err(e) => tally.fail(format!("{path} after the run: {e}")),
            }
        }

        let server = match &o.url {
            Some(url) => format!("the store at {url}"),
            None => format!("a store in this process with {} threads", o.threads),
        };
        println!(
            "{} readers, {} writers, {:.1} s, {server}; this machine: {} cores",
            o.readers,
            o.writers,
            elapsed,
            std::thread::available_parallelism().map_or(0, |n| n.get())
        );
        println!(
            "{:<16} {:>8} {:>9} {:>8} {:>8} {:>8} {:>8}",
            "request", "count", "per s", "p50 ms", "p90 ms", "p99 ms", "max ms"
        );
        let mut ops: Vec<_> = tally.latencies.iter_mut().collect();
        ops.sort_by_key(|(op, _)| *op);
        let mut all = Vec::new();
        for (op, l) in ops {
            l.sort_unstable();
            all.extend_from_slice(l);
            println!(
                "{:<16} {:>8} {:>9.0} {:>8.2} {:>8.2} {:>8.2} {:>8.2}",
                op,
                l.len(),
                l.len() as f64 / elapsed,
                percentile(l, 0.5),
                percentile(l, 0.9),
                percentile(l, 0.99),
                percentile(l, 1.0)
            );
        }
        all.sort_unstable();
        println!(
            "{:<16} {:>8} {:>9.0} {:>8.2} {:>8.2} {:>8.2} {:>8.2}",
            "all",
            all.len(),
            all.len() as f64 / elapsed,
            percentile(&all, 0.5),
            percentile(&all, 0.9),
            percentile(&all, 0.99),
            percentile(&all, 1.0)
        );
        println!(
            "503 busy answers: {}; wrong replies: {}; {} kept annotations read back",
            tally.busy,
            tally.failures.len(),
            kept.len()
        );
        drop(running);
        let _ = std::fs::remove_dir_all(&dir);
        if !tally.failures.is_empty() {
            std::process::exit(1);
        }
    }
}
