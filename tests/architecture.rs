//! The rules ARCHITECTURE.md states, checked: the model has no browser
//! dependency; field paths are written as text only at the edges (files,
//! links, storage, the DOM); no component file is too long to read; the
//! wasm size rules (no standard sort, no map built by `collect`) hold in
//! what the page ships.

use std::path::{Path, PathBuf};

use hnb::model::figures::fields;
use hnb::model::node::Node;
use hnb::model::presets;

/// Every `.rs` file under `dir`.
fn rust_files(dir: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![PathBuf::from(dir)];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// A file's code without its test module (tests may name anything).
fn code(p: &Path) -> String {
    let text = std::fs::read_to_string(p).unwrap();
    match text.find("#[cfg(test)]\nmod tests {") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// Files the page and tool ship, without test files.
fn shipped() -> Vec<PathBuf> {
    let mut files = rust_files("src");
    files.extend(rust_files("model/src"));
    files.retain(|p| !p.ends_with("tests.rs"));
    files
}

/// The string literals of `src`: text between unescaped double quotes,
/// skipping character literals and comments.
fn literals(src: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in src.lines() {
        let line = line.replace("'\"'", "");
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '/' && chars.peek() == Some(&'/') {
                break;
            }
            if c != '"' {
                continue;
            }
            let mut s = String::new();
            let mut escaped = false;
            for c in chars.by_ref() {
                match (escaped, c) {
                    (false, '\\') => escaped = true,
                    (false, '"') => break,
                    _ => {
                        escaped = false;
                        s.push(c);
                    }
                }
            }
            out.push(s);
        }
    }
    out
}

#[test]
fn the_model_has_no_browser_dependency() {
    let manifest = std::fs::read_to_string("model/Cargo.toml").unwrap();
    let deps: String = manifest
        .split("\n[")
        .filter(|section| section.starts_with("dependencies") || section.contains("dependencies]"))
        .collect();
    for browser in ["yew", "web-sys", "js-sys", "wasm-bindgen", "gloo"] {
        assert!(
            !deps.lines().any(|l| l.trim_start().starts_with(browser)),
            "model/Cargo.toml depends on {browser}"
        );
    }
    for p in rust_files("model/src") {
        let text = std::fs::read_to_string(&p).unwrap();
        for browser in ["yew::", "web_sys::", "js_sys::", "wasm_bindgen::", "gloo::"] {
            assert!(!text.contains(browser), "{} uses {browser}", p.display());
        }
    }
}

/// Where field paths may be written as text: the scenario file, the share
/// link and saved work (their formats name fields), the field and node
/// types that parse and print them, and the page's DOM ids.
const EDGES: [&str; 6] = [
    "model/src/io.rs",
    "model/src/field.rs",
    "model/src/node.rs",
    "model/src/share.rs",
    "model/src/store.rs",
    "src/app/field.rs",
];

#[test]
fn field_paths_are_text_only_at_the_edges() {
    // Every path a preset's figures and groups have, as the file writes it.
    let mut paths = std::collections::BTreeSet::new();
    // The seed presets, and a council projected by age (whose fields no
    // preset has yet).
    let mut by_age = presets::find("la:E06000001").unwrap().scenario();
    by_age.demand.by_age = Some(hnb::model::scenario::AgeLevers {
        new_growth: Default::default(),
        new_growth_baseline: Default::default(),
        secondary_mainstream: Some(Default::default()),
    });
    let scenarios = presets::all()
        .take(presets::PRESETS.len())
        .map(|p| p.scenario())
        .chain([by_age]);
    for s in scenarios {
        for (f, _) in fields(&s) {
            for n in Node::from(f).ancestry() {
                paths.insert(n.to_string());
            }
        }
    }
    // A literal is a path if it is one, or begins one ("placements.", or
    // a format string "placements.settings.{}").
    let is_path = |lit: &str| {
        let head = lit.split('{').next().unwrap_or_default();
        !head.is_empty()
            && (head.contains('.') || head.contains('_') || head.contains('['))
            && paths
                .iter()
                .any(|p| p == head || (head.ends_with(['.', '[']) && p.starts_with(head)))
    };
    let mut found = Vec::new();
    for p in shipped() {
        let name = p.to_string_lossy().replace('\\', "/");
        if EDGES.iter().any(|e| name.ends_with(e)) {
            continue;
        }
        for lit in literals(&code(&p)) {
            if is_path(&lit) {
                found.push(format!("{name}: \"{lit}\""));
            }
        }
    }
    assert!(paths.len() > 100, "{}", paths.len());
    assert!(found.is_empty(), "field paths as text: {found:#?}");
}

#[test]
fn the_literal_finder_finds_paths() {
    assert_eq!(
        literals(
            r#"let a = "demand.growth"; // "not.this"
        let b = '"'; let c = "x\"y";"#
        ),
        ["demand.growth", "x\"y"]
    );
}

/// A component file longer than this is split by what a user sees.
const MAX_COMPONENT_LINES: usize = 300;

#[test]
fn no_component_file_is_too_long_to_read() {
    let mut long = Vec::new();
    for p in rust_files("src/app") {
        let code = code(&p);
        if code.contains("html!") && code.lines().count() > MAX_COMPONENT_LINES {
            long.push(format!("{}: {} lines", p.display(), code.lines().count()));
        }
    }
    assert!(long.is_empty(), "{long:#?}");
}

/// The wasm size rules of `model/src/order.rs`: each use of the standard
/// sort adds about 3 KB to the page, and so does each map built by
/// `collect()`; shipped code uses `order::sort_small_by*` and
/// `order::map_of`. The simulations' long lists (`uncertainty.rs`) and the
/// command-line tool (never in the page) may sort. The page's views write
/// numbers for charts with `chart::put` and `chart::num`, never a float
/// formatted with a precision.
#[test]
fn the_size_rules_hold_in_what_the_page_ships() {
    let mut found = Vec::new();
    for p in shipped() {
        let name = p.to_string_lossy().replace('\\', "/");
        if name.ends_with("uncertainty.rs") || name.contains("src/bin/") {
            continue;
        }
        let code = code(&p);
        for (i, line) in code.lines().enumerate() {
            let t = line.trim_start();
            if t.starts_with("//") {
                continue;
            }
            for sort in [".sort(", ".sort_by(", ".sort_by_key(", ".sort_unstable"] {
                if t.contains(sort) {
                    found.push(format!("{name}:{}: {sort}", i + 1));
                }
            }
            // The page writes chart numbers with `chart::put`/`num`, not
            // float formatting (about 5 KB); a precision on a `Decimal`
            // (money in pounds) is its own formatting and allowed.
            let precision = t.match_indices('{').any(|(at, _)| {
                let spec = &t[at + 1..];
                let spec = &spec[..spec.find('}').unwrap_or(0)];
                // A format spec (`{name:>6.1}`), not a `{ ... }` block.
                !spec.contains(char::is_whitespace)
                    && spec.split_once(':').is_some_and(|(_, f)| {
                        f.contains(".*")
                            || f.match_indices('.')
                                .any(|(d, _)| f[d + 1..].starts_with(|c: char| c.is_ascii_digit()))
                    })
            });
            if name.contains("src/app/") && precision && !t.contains("pounds(") {
                found.push(format!(
                    "{name}:{}: a float formatted with a precision",
                    i + 1
                ));
            }
        }
        // A map typed or turbofished, then filled by `collect` before the
        // statement ends.
        for m in ["BTreeMap", "BTreeSet", "HashMap", "ByYear"] {
            for pattern in [
                format!(": {m}<"),
                format!(": {m} ="),
                format!("collect::<{m}"),
            ] {
                for (at, _) in code.match_indices(&pattern) {
                    let rest = &code[at..];
                    let statement = &rest[..rest.find(';').unwrap_or(rest.len())];
                    if statement.contains(".collect") && !statement.contains("map_of") {
                        let line = code[..at].lines().count();
                        found.push(format!("{name}:{line}: a {m} built by collect"));
                    }
                }
            }
        }
    }
    assert!(found.is_empty(), "{found:#?}");
}
