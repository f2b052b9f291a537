//! A small HTTP/1.1 server: one thread accepts, a fixed pool of threads serves connections
//! (keep-alive while no other connection waits). Every read is bounded in size and time, so a
//! slow or hostile client costs one thread for a bounded time and never the process.

use std::io::{self, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, TrySendError};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::MAX_BODY;

/// Request line and headers, at most.
const MAX_HEAD: usize = 16 * 1024;
/// Headers in one request, at most.
const MAX_HEADERS: usize = 64;
/// Connections accepted but not yet served, at most; past that new ones get a 503.
const QUEUE: usize = 128;
/// How long a connection may stay idle before its (next) request; shorter while other
/// connections wait for a thread.
const IDLE: Duration = Duration::from_secs(5);
const IDLE_WHEN_BUSY: Duration = Duration::from_millis(500);
/// How long a client may take to send a request's head, and its body.
const HEAD_TIME: Duration = Duration::from_secs(10);
const BODY_TIME: Duration = Duration::from_secs(30);
/// How often a blocked read looks at the stop flag.
const TICK: Duration = Duration::from_millis(200);

/// One request, read whole.
#[derive(Debug)]
pub(crate) struct Request {
    pub method: String,
    /// The request target as sent: path and query.
    pub target: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// Set when the HTTP layer refused the request before reading its body (status, reason);
    /// the handler answers it, so the answer carries the usual headers (CORS).
    pub refused: Option<(u16, String)>,
}

impl Request {
    /// The first header of that name (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Every value of that header, comma-joined lists split.
    pub fn header_list(&self, name: &str) -> Vec<&str> {
        self.headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .flat_map(|(_, v)| v.split(','))
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .collect()
    }
}

/// One response.
#[derive(Debug)]
pub(crate) struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    pub fn new(status: u16) -> Self {
        Response {
            status,
            headers: Vec::new(),
            body: Vec::new(),
        }
    }

    pub fn header(mut self, name: &str, value: impl Into<String>) -> Self {
        self.headers.push((name.to_string(), value.into()));
        self
    }

    pub fn body(mut self, content_type: &str, body: impl Into<Vec<u8>>) -> Self {
        self.body = body.into();
        self.header("Content-Type", content_type)
    }

    /// A JSON error: `{"error": reason, "status": status}`.
    pub fn error(status: u16, reason: &str) -> Self {
        let body = format!(
            "{{\"error\":{},\"status\":{status}}}",
            super::json::quote(reason)
        );
        Response::new(status).body("application/json", body)
    }
}

/// The running server's threads.
pub(crate) struct Server {
    stop: Arc<AtomicBool>,
    addr: SocketAddr,
    threads: Vec<JoinHandle<()>>,
}

impl Server {
    /// Serves `listener` with one thread per handler.
    pub fn start<H>(listener: TcpListener, handlers: Vec<H>) -> io::Result<Server>
    where
        H: FnMut(&Request) -> Response + Send + 'static,
    {
        let addr = listener.local_addr()?;
        let stop = Arc::new(AtomicBool::new(false));
        let waiting = Arc::new(AtomicUsize::new(0));
        let (tx, rx) = mpsc::sync_channel::<TcpStream>(QUEUE);
        let rx = Arc::new(Mutex::new(rx));
        let mut threads = Vec::new();
        let server = |threads: Vec<JoinHandle<()>>| Server {
            stop: Arc::clone(&stop),
            addr,
            threads,
        };
        for (i, handler) in handlers.into_iter().enumerate() {
            let (rx, stop, waiting) = (Arc::clone(&rx), Arc::clone(&stop), Arc::clone(&waiting));
            let spawned = std::thread::Builder::new()
                .name(format!("isnad-store-{i}"))
                .spawn(move || worker(&rx, handler, &stop, &waiting));
            match spawned {
                Ok(t) => threads.push(t),
                Err(e) => {
                    drop(tx);
                    server(threads).stop();
                    return Err(e);
                }
            }
        }
        let (accept_stop, accept_waiting) = (Arc::clone(&stop), Arc::clone(&waiting));
        let spawned = std::thread::Builder::new()
            .name("isnad-store-accept".into())
            .spawn(move || accept(&listener, &tx, &accept_stop, &accept_waiting));
        match spawned {
            Ok(t) => threads.push(t),
            Err(e) => {
                server(threads).stop();
                return Err(e);
            }
        }
        Ok(server(threads))
    }

    /// Stops accepting, lets the requests under way finish, joins every thread.
    pub fn stop(mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accepting thread with a connection of our own.
        let mut wake = self.addr;
        if wake.ip().is_unspecified() {
            wake.set_ip(match wake {
                SocketAddr::V4(_) => std::net::Ipv4Addr::LOCALHOST.into(),
                SocketAddr::V6(_) => std::net::Ipv6Addr::LOCALHOST.into(),
            });
        }
        let _ = TcpStream::connect_timeout(&wake, Duration::from_secs(1));
        for t in self.threads.drain(..) {
            let _ = t.join();
        }
    }
}

fn accept(
    listener: &TcpListener,
    tx: &mpsc::SyncSender<TcpStream>,
    stop: &AtomicBool,
    waiting: &AtomicUsize,
) {
    for conn in listener.incoming() {
        if stop.load(Ordering::SeqCst) {
            break;
        }
        match conn {
            Ok(stream) => {
                waiting.fetch_add(1, Ordering::SeqCst);
                match tx.try_send(stream) {
                    Ok(()) => {}
                    Err(TrySendError::Full(stream)) => {
                        waiting.fetch_sub(1, Ordering::SeqCst);
                        let mut stream = stream;
                        let _ = stream.set_write_timeout(Some(Duration::from_secs(1)));
                        let busy = Response::error(503, "the store is busy; try again")
                            .header("Retry-After", "1");
                        let _ = write_response(&mut stream, &busy, false, false);
                    }
                    Err(TrySendError::Disconnected(_)) => break,
                }
            }
            // Out of file descriptors and the like: wait instead of spinning.
            Err(_) => std::thread::sleep(Duration::from_millis(50)),
        }
    }
}

fn worker<H>(
    rx: &Mutex<Receiver<TcpStream>>,
    mut handler: H,
    stop: &AtomicBool,
    waiting: &AtomicUsize,
) where
    H: FnMut(&Request) -> Response,
{
    loop {
        let next = rx.lock().unwrap_or_else(PoisonError::into_inner).recv();
        let Ok(stream) = next else { return };
        waiting.fetch_sub(1, Ordering::SeqCst);
        if stop.load(Ordering::SeqCst) {
            continue;
        }
        // A panic in one connection (none is expected) must not take the thread with it.
        let _ = catch_unwind(AssertUnwindSafe(|| {
            serve_connection(stream, &mut handler, stop, waiting)
        }));
    }
}

/// Why reading stopped.
enum ReadEnd {
    /// The peer closed, went idle, or the server is stopping: close quietly.
    Quiet,
    /// Answer this, then close.
    Fail(u16, &'static str),
}

fn serve_connection<H>(
    mut stream: TcpStream,
    handler: &mut H,
    stop: &AtomicBool,
    waiting: &AtomicUsize,
) where
    H: FnMut(&Request) -> Response,
{
    if stream.set_read_timeout(Some(TICK)).is_err()
        || stream
            .set_write_timeout(Some(Duration::from_secs(10)))
            .is_err()
    {
        return;
    }
    let _ = stream.set_nodelay(true);
    let mut buf: Vec<u8> = Vec::new();
    loop {
        let (mut request, version, head_len) = match read_head(&mut stream, &mut buf, stop, waiting)
        {
            Ok(head) => head,
            Err(ReadEnd::Quiet) => return,
            Err(ReadEnd::Fail(status, reason)) => {
                let _ = write_response(&mut stream, &Response::error(status, reason), false, false);
                linger(&mut stream);
                return;
            }
        };
        buf.drain(..head_len);
        let mut keep_alive = wants_keep_alive(&request, version);
        let mut close_unread = false;
        match body_length(&request) {
            Err((status, reason)) => {
                request.refused = Some((status, reason.to_string()));
                keep_alive = false;
                close_unread = true;
            }
            Ok(len) if len > MAX_BODY as u64 => {
                request.refused = Some((
                    413,
                    format!("the body is {len} bytes; the store takes at most {MAX_BODY}"),
                ));
                keep_alive = false;
                close_unread = true;
            }
            Ok(len) => {
                // Fits in usize: at most MAX_BODY.
                let len = usize::try_from(len).unwrap_or(MAX_BODY);
                if len > 0 && expects_continue(&request) {
                    let _ = stream.write_all(b"HTTP/1.1 100 Continue\r\n\r\n");
                }
                match read_body(&mut stream, &mut buf, len) {
                    Ok(body) => request.body = body,
                    Err(ReadEnd::Quiet) => return,
                    Err(ReadEnd::Fail(status, reason)) => {
                        let _ = write_response(
                            &mut stream,
                            &Response::error(status, reason),
                            false,
                            false,
                        );
                        return;
                    }
                }
            }
        }
        let response = catch_unwind(AssertUnwindSafe(|| handler(&request)))
            .unwrap_or_else(|_| Response::error(500, "internal error"));
        keep_alive =
            keep_alive && !stop.load(Ordering::SeqCst) && waiting.load(Ordering::SeqCst) == 0;
        let head_only = request.method == "HEAD";
        if write_response(&mut stream, &response, head_only, keep_alive).is_err() {
            return;
        }
        if !keep_alive {
            if close_unread {
                linger(&mut stream);
            } else {
                let _ = stream.shutdown(Shutdown::Write);
            }
            return;
        }
    }
}

/// Reads and parses one request head. Returns the request (without body), its minor HTTP
/// version and the head's length in `buf`.
fn read_head(
    stream: &mut TcpStream,
    buf: &mut Vec<u8>,
    stop: &AtomicBool,
    waiting: &AtomicUsize,
) -> Result<(Request, u8, usize), ReadEnd> {
    let started = Instant::now();
    let mut chunk = [0u8; 8192];
    loop {
        // Empty lines before a request are allowed (RFC 9112 §2.2).
        let blank = buf
            .iter()
            .take_while(|b| matches!(b, b'\r' | b'\n'))
            .count();
        buf.drain(..blank);
        if !buf.is_empty() {
            let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
            let mut parsed = httparse::Request::new(&mut headers);
            match parsed.parse(buf) {
                // A head that arrived whole in one read is held to the same limit.
                Ok(httparse::Status::Complete(len)) if len > MAX_HEAD => {
                    return Err(ReadEnd::Fail(431, "the request head is too large"))
                }
                Ok(httparse::Status::Complete(len)) => {
                    let request = Request {
                        method: parsed.method.unwrap_or_default().to_string(),
                        target: parsed.path.unwrap_or_default().to_string(),
                        headers: parsed
                            .headers
                            .iter()
                            .map(|h| {
                                (
                                    h.name.to_string(),
                                    String::from_utf8_lossy(h.value).trim().to_string(),
                                )
                            })
                            .collect(),
                        body: Vec::new(),
                        refused: None,
                    };
                    return Ok((request, parsed.version.unwrap_or(1), len));
                }
                Ok(httparse::Status::Partial) => {}
                Err(httparse::Error::TooManyHeaders) => {
                    return Err(ReadEnd::Fail(431, "too many headers"))
                }
                Err(_) => return Err(ReadEnd::Fail(400, "malformed HTTP request")),
            }
            if buf.len() > MAX_HEAD {
                return Err(ReadEnd::Fail(431, "the request head is too large"));
            }
        }
        match stream.read(&mut chunk) {
            Ok(0) => return Err(ReadEnd::Quiet),
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
            Err(e) if is_timeout(&e) => {
                if buf.is_empty() {
                    let idle = if waiting.load(Ordering::SeqCst) > 0 {
                        IDLE_WHEN_BUSY
                    } else {
                        IDLE
                    };
                    if stop.load(Ordering::SeqCst) || started.elapsed() > idle {
                        return Err(ReadEnd::Quiet);
                    }
                } else if started.elapsed() > HEAD_TIME {
                    return Err(ReadEnd::Fail(408, "the request head took too long"));
                }
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(_) => return Err(ReadEnd::Quiet),
        }
    }
}

/// Reads exactly `len` body bytes (some may already be in `buf`).
fn read_body(stream: &mut TcpStream, buf: &mut Vec<u8>, len: usize) -> Result<Vec<u8>, ReadEnd> {
    let started = Instant::now();
    let mut chunk = [0u8; 16384];
    while buf.len() < len {
        match stream.read(&mut chunk) {
            Ok(0) => return Err(ReadEnd::Quiet),
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
            Err(e) if is_timeout(&e) => {
                if started.elapsed() > BODY_TIME {
                    return Err(ReadEnd::Fail(408, "the request body took too long"));
                }
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(_) => return Err(ReadEnd::Quiet),
        }
    }
    let rest = buf.split_off(len);
    Ok(std::mem::replace(buf, rest))
}

fn is_timeout(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
    )
}

/// The declared body length; chunked bodies are refused (411), conflicting lengths are 400.
fn body_length(request: &Request) -> Result<u64, (u16, &'static str)> {
    if request.header("Transfer-Encoding").is_some() {
        return Err((411, "send the body with a Content-Length, not chunked"));
    }
    let mut length: Option<u64> = None;
    for value in request.header_list("Content-Length") {
        let n = value
            .parse::<u64>()
            .map_err(|_| (400, "Content-Length is not a number"))?;
        if length.is_some_and(|l| l != n) {
            return Err((400, "conflicting Content-Length headers"));
        }
        length = Some(n);
    }
    Ok(length.unwrap_or(0))
}

fn expects_continue(request: &Request) -> bool {
    request
        .header("Expect")
        .is_some_and(|v| v.eq_ignore_ascii_case("100-continue"))
}

fn wants_keep_alive(request: &Request, minor_version: u8) -> bool {
    let tokens = request.header_list("Connection");
    let has = |t: &str| tokens.iter().any(|v| v.eq_ignore_ascii_case(t));
    if minor_version == 0 {
        has("keep-alive")
    } else {
        !has("close")
    }
}

/// After answering a request whose body was not read: stop writing and read (and drop) what the
/// client still sends for a moment, so closing does not reset the connection before the client
/// has read the answer.
fn linger(stream: &mut TcpStream) {
    let _ = stream.shutdown(Shutdown::Write);
    let started = Instant::now();
    let mut chunk = [0u8; 16384];
    let mut drained = 0usize;
    while started.elapsed() < Duration::from_secs(2) && drained < 16 * MAX_BODY {
        match stream.read(&mut chunk) {
            Ok(0) => return,
            Ok(n) => drained += n,
            Err(e) if is_timeout(&e) || e.kind() == io::ErrorKind::Interrupted => {}
            Err(_) => return,
        }
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        100 => "Continue",
        200 => "OK",
        201 => "Created",
        204 => "No Content",
        304 => "Not Modified",
        400 => "Bad Request",
        401 => "Unauthorized",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        409 => "Conflict",
        411 => "Length Required",
        412 => "Precondition Failed",
        413 => "Content Too Large",
        415 => "Unsupported Media Type",
        428 => "Precondition Required",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "",
    }
}

fn write_response(
    stream: &mut TcpStream,
    response: &Response,
    head_only: bool,
    keep_alive: bool,
) -> io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nDate: {}\r\n",
        response.status,
        reason(response.status),
        http_date(std::time::SystemTime::now())
    );
    for (name, value) in &response.headers {
        // Header values come from the store's own code; keep them on one line regardless.
        let value: String = value.chars().filter(|c| *c != '\r' && *c != '\n').collect();
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    // 204 and 304 carry no body and, for 204, no Content-Length.
    let bodiless = matches!(response.status, 204 | 304);
    if response.status != 204 {
        head.push_str(&format!("Content-Length: {}\r\n", response.body.len()));
    }
    head.push_str(if keep_alive {
        "Connection: keep-alive\r\n\r\n"
    } else {
        "Connection: close\r\n\r\n"
    });
    let mut out = head.into_bytes();
    if !head_only && !bodiless {
        out.extend_from_slice(&response.body);
    }
    stream.write_all(&out)?;
    stream.flush()
}

/// Days since 1970-01-01 to (year, month, day), proleptic Gregorian (H. Hinnant's algorithm).
fn civil(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

fn split_time(t: std::time::SystemTime) -> (i64, u32, u32, u64, i64) {
    let secs = t
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    let (y, m, d) = civil(days);
    (y, m, d, secs % 86_400, days)
}

/// `Sun, 06 Nov 1994 08:49:37 GMT`.
pub(crate) fn http_date(t: std::time::SystemTime) -> String {
    const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let (y, m, d, s, days) = split_time(t);
    let weekday = DAYS.get(days.rem_euclid(7) as usize).unwrap_or(&"Thu");
    let month = MONTHS.get((m as usize).saturating_sub(1)).unwrap_or(&"Jan");
    format!(
        "{weekday}, {d:02} {month} {y} {:02}:{:02}:{:02} GMT",
        s / 3600,
        s / 60 % 60,
        s % 60
    )
}

/// `2024-05-01T12:00:00Z`.
pub(crate) fn iso_date(t: std::time::SystemTime) -> String {
    let (y, m, d, s, _) = split_time(t);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        s / 3600,
        s / 60 % 60,
        s % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, UNIX_EPOCH};

    #[test]
    fn dates() {
        let t = UNIX_EPOCH + Duration::from_secs(784_111_777);
        assert_eq!(http_date(t), "Sun, 06 Nov 1994 08:49:37 GMT");
        assert_eq!(iso_date(t), "1994-11-06T08:49:37Z");
        let leap = UNIX_EPOCH + Duration::from_secs(951_782_400); // 2000-02-29
        assert_eq!(iso_date(leap), "2000-02-29T00:00:00Z");
    }
}
