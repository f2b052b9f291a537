//! `isnad`: detection for newsroom pipelines and batch QA.
//!
//!   isnad annotate PAGE.html|ARTICLE.txt [--format json|jsonl] [--url URL]
//!   isnad eval GOLD.json ANNOTATIONS.json
//!   isnad serve --db FILE [--listen HOST:PORT] [--token TOKEN] [--origin URL]... [--public-url URL]
//!   isnad publish --db FILE --out DIR
//!
//! Bad input exits non-zero with one clear line on stderr.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    if let Err(message) = cli::run(std::env::args().skip(1).collect()) {
        eprintln!("isnad: {message}");
        std::process::exit(2);
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::path::{Path, PathBuf};

    use isnad::annotation::Annotation;
    use isnad::detect::{annotations, detect};
    use isnad::eval::{score, Gold};
    use isnad::html::HtmlTree;
    use isnad::text::TextLayer;
    use isnad::tree::find_article;

    const USAGE: &str = "usage: isnad annotate PAGE.html|ARTICLE.txt [--format json|jsonl] [--url URL] | isnad eval GOLD.json ANNOTATIONS.json | isnad serve --db FILE [--listen HOST:PORT] [--token TOKEN] [--origin URL]... [--public-url URL] | isnad publish --db FILE --out DIR";

    pub fn run(args: Vec<String>) -> Result<(), String> {
        match args.first().map(String::as_str) {
            Some("annotate") => annotate(&args[1..]),
            Some("eval") => eval(&args[1..]),
            Some("serve") => isnad::store::StoreConfig::from_args(&args[1..])
                .and_then(isnad::store::serve)
                .map_err(|e| e.to_string()),
            Some("publish") => {
                let (db, out) =
                    isnad::store::publish_args(&args[1..]).map_err(|e| e.to_string())?;
                let pages = isnad::store::publish(&db, &out).map_err(|e| e.to_string())?;
                println!(
                    "wrote {pages} page files and index.json to {}",
                    out.display()
                );
                Ok(())
            }
            Some("-h" | "--help") | None => {
                println!("{USAGE}");
                Ok(())
            }
            Some(other) => Err(format!("unknown command {other:?}; {USAGE}")),
        }
    }

    /// Reads a file as UTF-8 text, refusing binary, invalid and empty input with a clear reason.
    pub fn read_text(path: &Path) -> Result<String, String> {
        let bytes =
            std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        if bytes.iter().take(8192).any(|b| *b == 0) {
            return Err(format!("{} looks like a binary file (it holds NUL bytes); give an HTML page or a UTF-8 text", path.display()));
        }
        let text = String::from_utf8(bytes).map_err(|e| {
            format!(
                "{} is not valid UTF-8 (bad byte at offset {}); convert it to UTF-8 first",
                path.display(),
                e.utf8_error().valid_up_to()
            )
        })?;
        if text.trim().is_empty() {
            return Err(format!(
                "{} is empty: there is no article to annotate",
                path.display()
            ));
        }
        Ok(text)
    }

    fn is_html(path: &Path, text: &str) -> bool {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default()
            .to_ascii_lowercase();
        if matches!(ext.as_str(), "html" | "htm" | "xhtml") {
            return true;
        }
        if matches!(ext.as_str(), "txt" | "text") {
            return false;
        }
        let head = text
            .trim_start()
            .get(..15)
            .unwrap_or_default()
            .to_ascii_lowercase();
        head.starts_with("<!doctype html") || head.starts_with("<html")
    }

    /// Annotations for one file: HTML through article finding, text as the root's whole text.
    pub fn annotate_file(path: &Path, url: &str) -> Result<Vec<Annotation>, String> {
        let text = read_text(path)?;
        if is_html(path, &text) {
            let tree = HtmlTree::parse(&text);
            let root = find_article(&tree, &tree.body());
            let layer = TextLayer::build(&tree, &root);
            if layer.text().trim().is_empty() {
                return Err(format!(
                    "{}: no article text found in this HTML page",
                    path.display()
                ));
            }
            let content: Vec<char> = tree.text_content(root).chars().collect();
            Ok(annotations(&layer, &content, url, &detect(layer.chars())))
        } else {
            let layer = TextLayer::plain((), &text);
            Ok(annotations(
                &layer,
                layer.chars(),
                url,
                &detect(layer.chars()),
            ))
        }
    }

    fn annotate(args: &[String]) -> Result<(), String> {
        let mut file: Option<PathBuf> = None;
        let mut jsonl = false;
        let mut url: Option<String> = None;
        let mut it = args.iter();
        while let Some(a) = it.next() {
            match a.as_str() {
                "--format" => match it.next().map(String::as_str) {
                    Some("json") => jsonl = false,
                    Some("jsonl") => jsonl = true,
                    other => return Err(format!("--format takes json or jsonl, not {other:?}")),
                },
                "--url" => url = Some(it.next().ok_or("--url needs the page's URL")?.clone()),
                _ if file.is_none() => file = Some(PathBuf::from(a)),
                _ => return Err(format!("unexpected argument {a:?}; {USAGE}")),
            }
        }
        let file = file.ok_or_else(|| format!("annotate needs a file; {USAGE}"))?;
        let url = url.unwrap_or_else(|| {
            let absolute = std::fs::canonicalize(&file).unwrap_or_else(|_| file.clone());
            format!("file://{}", absolute.display())
        });
        let found = annotate_file(&file, &url)?;
        if jsonl {
            for a in &found {
                println!("{}", serde_json::to_string(a).map_err(|e| e.to_string())?);
            }
        } else {
            println!(
                "{}",
                serde_json::to_string_pretty(&found).map_err(|e| e.to_string())?
            );
        }
        Ok(())
    }

    fn eval(args: &[String]) -> Result<(), String> {
        let [gold_path, predicted_path] = args else {
            return Err(format!(
                "eval needs a gold file and an annotations file; {USAGE}"
            ));
        };
        let gold_path = Path::new(gold_path);
        let gold: Gold = serde_json::from_str(&read_text(gold_path)?)
            .map_err(|e| format!("{}: not a gold file: {e}", gold_path.display()))?;
        let text_path = gold_path
            .parent()
            .unwrap_or(Path::new("."))
            .join(&gold.text);
        let text = read_text(&text_path)?;
        let predicted: Vec<Annotation> =
            serde_json::from_str(&read_text(Path::new(predicted_path))?)
                .map_err(|e| format!("{predicted_path}: not a JSON array of annotations: {e}"))?;
        let report =
            score(&gold, &text, &predicted).map_err(|e| format!("{}: {e}", gold_path.display()))?;
        println!("{} ({})", gold.text, gold.lang);
        println!("{report}");
        Ok(())
    }
}
