//! The SQLite side: one table of annotations, each row one whole annotation's JSON text.

use std::path::Path;
use std::time::Duration;

use rusqlite::{params, Connection, OpenFlags, OptionalExtension, TransactionBehavior};

use super::StoreError;

/// The schema version kept in `PRAGMA user_version`.
const SCHEMA_VERSION: i64 = 1;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS annotation (
    seq  INTEGER PRIMARY KEY AUTOINCREMENT, -- container order; never reused
    key  TEXT NOT NULL UNIQUE,              -- the last segment of the annotation's IRI
    iri  TEXT NOT NULL,                     -- the annotation's id
    page TEXT NOT NULL,                     -- its target's source
    rev  INTEGER NOT NULL,                  -- 1, then one more on each PUT
    json TEXT NOT NULL                      -- the whole annotation, as served
);
CREATE INDEX IF NOT EXISTS annotation_page ON annotation (page, seq);
";

/// One stored annotation.
#[derive(Debug, Clone)]
pub(crate) struct Stored {
    pub iri: String,
    pub rev: i64,
    pub json: String,
}

impl Stored {
    /// The strong ETag: the revision and a hash of the stored JSON.
    pub fn etag(&self) -> String {
        format!(
            "\"{}-{:016x}\"",
            self.rev,
            super::fnv64(self.json.as_bytes())
        )
    }
}

/// Which annotations a container lists.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Scope<'a> {
    All,
    Page(&'a str),
}

/// One connection to the store.
pub(crate) struct Db {
    pub conn: Connection,
}

impl Db {
    /// Opens (and with `create`, creates and sets up) the store at `path`.
    pub fn open(path: &Path, create: bool) -> Result<Db, StoreError> {
        let open_err = |source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        };
        let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        if create {
            flags |= OpenFlags::SQLITE_OPEN_CREATE;
        }
        let conn = Connection::open_with_flags(path, flags).map_err(open_err)?;
        conn.busy_timeout(Duration::from_secs(5))
            .map_err(open_err)?;
        let not_a_store = |e: rusqlite::Error| StoreError::NotAStore {
            path: path.to_path_buf(),
            reason: e.to_string(),
        };
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(not_a_store)?;
        if version > SCHEMA_VERSION {
            return Err(StoreError::NotAStore {
                path: path.to_path_buf(),
                reason: format!(
                    "its schema version {version} is newer than this isnad's ({SCHEMA_VERSION})"
                ),
            });
        }
        if create {
            // WAL: readers never wait for the writer, and a commit is one append to the log.
            let mode: String = conn
                .query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))
                .map_err(not_a_store)?;
            if !mode.eq_ignore_ascii_case("wal") {
                return Err(StoreError::NotAStore {
                    path: path.to_path_buf(),
                    reason: format!("it cannot use WAL journaling (it stays in {mode} mode)"),
                });
            }
            if version == 0 {
                let tx = conn.unchecked_transaction().map_err(not_a_store)?;
                tx.execute_batch(SCHEMA).map_err(not_a_store)?;
                tx.pragma_update(None, "user_version", SCHEMA_VERSION)
                    .map_err(not_a_store)?;
                tx.commit().map_err(not_a_store)?;
            }
        } else if version == 0 {
            return Err(StoreError::NotAStore {
                path: path.to_path_buf(),
                reason: "it has no annotation table (make one with `isnad serve`)".into(),
            });
        }
        // A commit is on disk before the 201 goes out.
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(open_err)?;
        Ok(Db { conn })
    }

    /// A write transaction that holds the write lock from its start (no upgrade deadlocks).
    pub fn write(&mut self) -> rusqlite::Result<rusqlite::Transaction<'_>> {
        self.conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
    }

    /// A read transaction: one consistent snapshot.
    pub fn read(&mut self) -> rusqlite::Result<rusqlite::Transaction<'_>> {
        self.conn
            .transaction_with_behavior(TransactionBehavior::Deferred)
    }
}

pub(crate) fn get(conn: &Connection, key: &str) -> rusqlite::Result<Option<Stored>> {
    conn.prepare_cached("SELECT iri, rev, json FROM annotation WHERE key = ?1")?
        .query_row(params![key], |r| {
            Ok(Stored {
                iri: r.get(0)?,
                rev: r.get(1)?,
                json: r.get(2)?,
            })
        })
        .optional()
}

/// Adds an annotation; false when the key is taken.
pub(crate) fn insert(
    conn: &Connection,
    key: &str,
    iri: &str,
    page: &str,
    json: &str,
) -> rusqlite::Result<bool> {
    let added = conn
        .prepare_cached(
            "INSERT INTO annotation (key, iri, page, rev, json) VALUES (?1, ?2, ?3, 1, ?4)
             ON CONFLICT (key) DO NOTHING",
        )?
        .execute(params![key, iri, page, json])?;
    Ok(added == 1)
}

pub(crate) fn update(
    conn: &Connection,
    key: &str,
    page: &str,
    rev: i64,
    json: &str,
) -> rusqlite::Result<()> {
    conn.prepare_cached("UPDATE annotation SET page = ?2, rev = ?3, json = ?4 WHERE key = ?1")?
        .execute(params![key, page, rev, json])?;
    Ok(())
}

pub(crate) fn delete(conn: &Connection, key: &str) -> rusqlite::Result<()> {
    conn.prepare_cached("DELETE FROM annotation WHERE key = ?1")?
        .execute(params![key])?;
    Ok(())
}

pub(crate) fn count(conn: &Connection, scope: Scope) -> rusqlite::Result<usize> {
    let n: i64 = match scope {
        Scope::All => conn
            .prepare_cached("SELECT count(*) FROM annotation")?
            .query_row([], |r| r.get(0))?,
        Scope::Page(page) => conn
            .prepare_cached("SELECT count(*) FROM annotation WHERE page = ?1")?
            .query_row(params![page], |r| r.get(0))?,
    };
    Ok(usize::try_from(n).unwrap_or(0))
}

/// A slice of the container in creation order: each annotation's JSON text, or its IRI.
pub(crate) fn list(
    conn: &Connection,
    scope: Scope,
    iris: bool,
    limit: usize,
    offset: usize,
) -> rusqlite::Result<Vec<String>> {
    let column = if iris { "iri" } else { "json" };
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    let offset = i64::try_from(offset).unwrap_or(i64::MAX);
    match scope {
        Scope::All => conn
            .prepare_cached(&format!(
                "SELECT {column} FROM annotation ORDER BY seq LIMIT ?1 OFFSET ?2"
            ))?
            .query_map(params![limit, offset], |r| r.get(0))?
            .collect(),
        Scope::Page(page) => conn
            .prepare_cached(&format!(
                "SELECT {column} FROM annotation WHERE page = ?3 ORDER BY seq LIMIT ?1 OFFSET ?2"
            ))?
            .query_map(params![limit, offset, page], |r| r.get(0))?
            .collect(),
    }
}

/// Every annotation grouped by page, pages in order (for `publish`).
pub(crate) fn by_page(conn: &Connection) -> rusqlite::Result<Vec<(String, Vec<String>)>> {
    let mut stmt = conn.prepare("SELECT page, json FROM annotation ORDER BY page, seq")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    let mut pages: Vec<(String, Vec<String>)> = Vec::new();
    for row in rows {
        let (page, json) = row?;
        match pages.last_mut() {
            Some((last, items)) if *last == page => items.push(json),
            _ => pages.push((page, vec![json])),
        }
    }
    Ok(pages)
}

/// Is this error a lock that stayed busy past the timeout?
pub(crate) fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}
