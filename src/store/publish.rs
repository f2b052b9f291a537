//! `isnad publish`: one static JSON file per page, and an index, for a CDN.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde_json::value::RawValue;

use super::db::{self, Db};
use super::{page_file_name, StoreError};

#[derive(Serialize)]
struct PageFile<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    id: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(rename = "partOf")]
    part_of: PartOf<'a>,
    #[serde(rename = "startIndex")]
    start_index: usize,
    items: Vec<Box<RawValue>>,
}

#[derive(Serialize)]
struct PartOf<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    label: &'a str,
    total: usize,
}

/// Writes `out/HASH.json` for each page and `out/index.json` (page URL → file name) from the
/// store at `db`, removes page files of pages that have no annotation any more, and returns the
/// number of pages written. The store may be serving meanwhile: the export is one snapshot.
pub fn publish(db: &Path, out: &Path) -> Result<usize, StoreError> {
    if !db.is_file() {
        return Err(StoreError::NotAStore {
            path: db.to_path_buf(),
            reason: "there is no such file".into(),
        });
    }
    let mut store = Db::open(db, false)?;
    let pages = {
        let tx = store.read()?;
        db::by_page(&tx)?
    };
    fs::create_dir_all(out).map_err(|source| StoreError::Write {
        path: out.to_path_buf(),
        source,
    })?;
    let mut index: BTreeMap<&str, String> = BTreeMap::new();
    let mut names: BTreeSet<String> = BTreeSet::new();
    for (page, items) in &pages {
        let name = page_file_name(page);
        if !names.insert(name.clone()) {
            return Err(StoreError::Publish(format!(
                "two pages hash to the same file name {name} (one is {page})"
            )));
        }
        let items = items
            .iter()
            .map(|json| RawValue::from_string(json.clone()))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| StoreError::Publish(format!("an annotation of {page} is damaged: {e}")))?;
        let file = PageFile {
            context: "http://www.w3.org/ns/anno.jsonld",
            id: &name,
            kind: "AnnotationPage",
            part_of: PartOf {
                kind: "AnnotationCollection",
                label: page,
                total: items.len(),
            },
            start_index: 0,
            items,
        };
        let text = serde_json::to_string(&file).map_err(|e| StoreError::Publish(e.to_string()))?;
        write_atomically(&out.join(&name), text.as_bytes())?;
        index.insert(page, name);
    }
    let text =
        serde_json::to_string_pretty(&index).map_err(|e| StoreError::Publish(e.to_string()))?;
    write_atomically(&out.join("index.json"), text.as_bytes())?;
    remove_stale(out, &names)?;
    Ok(pages.len())
}

/// Writes to a temporary file in the same folder, then renames it over `path`.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let err = |source| StoreError::Write {
        path: path.to_path_buf(),
        source,
    };
    let mut tmp = PathBuf::from(path);
    tmp.set_extension(format!("json.tmp-{}", std::process::id()));
    fs::write(&tmp, bytes).map_err(err)?;
    fs::rename(&tmp, path).map_err(|e| {
        let _ = fs::remove_file(&tmp);
        err(e)
    })
}

/// Removes `HASH.json` files (16 hex digits) that are not in `keep`; nothing else is touched.
fn remove_stale(out: &Path, keep: &BTreeSet<String>) -> Result<(), StoreError> {
    let entries = fs::read_dir(out).map_err(|source| StoreError::Write {
        path: out.to_path_buf(),
        source,
    })?;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let is_page_file = name.len() == 21
            && name.ends_with(".json")
            && name
                .bytes()
                .take(16)
                .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
        if is_page_file && !keep.contains(&name) {
            fs::remove_file(entry.path()).map_err(|source| StoreError::Write {
                path: entry.path(),
                source,
            })?;
        }
    }
    Ok(())
}
