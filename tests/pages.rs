//! The reading pages (`pages/`): the method page's table of defaults is the
//! default scenario's own figures and sources, and the glossary has every
//! term the page links to.

use hnb::model::labels::assumptions;
use hnb::model::presets::{DEFAULT_PRESET, find};

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[test]
fn the_method_page_lists_every_default_with_its_source() {
    let page = std::fs::read_to_string("pages/method.html").unwrap();
    let start = page.find("<!-- defaults: begin").unwrap();
    let end = page.find("<!-- defaults: end -->").unwrap();
    let rows: Vec<&str> = page[start..end].lines().skip(1).collect();
    let s = find(DEFAULT_PRESET).unwrap().scenario();
    let expected: Vec<String> = assumptions(&s, None)
        .iter()
        .map(|a| {
            format!(
                "          <tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td>{}</td></tr>",
                escape(&a.what),
                escape(&a.value),
                escape(&a.source)
            )
        })
        .collect();
    assert_eq!(
        rows, expected,
        "regenerate the table in pages/method.html from `hnb assumptions preset:{DEFAULT_PRESET}`"
    );
    assert!(expected.iter().all(|r| !r.contains("Not stated")));
}

#[test]
fn the_glossary_has_every_term() {
    let page = std::fs::read_to_string("pages/glossary.html").unwrap();
    for id in [
        "ehcp",
        "high-needs-block",
        "dsg",
        "safety-valve",
        "inmss",
        "alternative-provision",
        "resourced-provision",
        "eotas",
        "sen2",
        "statutory-override",
        "in-year-balance",
        "cumulative-deficit",
    ] {
        assert!(page.contains(&format!("<dt id=\"{id}\">")), "{id}");
    }
    // Every glossary link in the app and the pages has its term.
    let mut sources = vec![std::fs::read_to_string("pages/method.html").unwrap()];
    for dir in ["src/app", "src/app/results", "src/app/controls"] {
        for f in std::fs::read_dir(dir).unwrap() {
            let p = f.unwrap().path();
            if p.extension().is_some_and(|e| e == "rs") {
                sources.push(std::fs::read_to_string(p).unwrap());
            }
        }
    }
    sources.push(std::fs::read_to_string("src/app.rs").unwrap());
    for text in sources {
        for (i, _) in text.match_indices("glossary.html#") {
            let id: String = text[i + 14..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect();
            // `glossary.html#{id}` in a format string is checked below.
            if !id.is_empty() {
                assert!(
                    page.contains(&format!("<dt id=\"{id}\">")),
                    "no glossary term #{id}"
                );
            }
        }
        // Sections' `terms={…}` lists: ("anchor", "words").
        for list in text.lines().filter_map(|l| {
            let start = l.find("terms={{")?;
            let end = start + l[start..].find("]; T }}")?;
            Some(&l[start..end])
        }) {
            for (i, _) in list.match_indices("(\"") {
                let id: String = list[i + 2..].chars().take_while(|c| *c != '"').collect();
                assert!(
                    page.contains(&format!("<dt id=\"{id}\">")),
                    "no glossary term #{id}"
                );
            }
        }
    }
}

#[test]
fn the_method_page_gives_the_councils_calibration_as_the_model_has_it() {
    let page = std::fs::read_to_string("pages/method.html").unwrap();
    let shown = page
        .split("<span id=\"overspend\">")
        .nth(1)
        .and_then(|s| s.split("</span>").next())
        .unwrap();
    let ratio = hnb::model::presets::council::average_overspend();
    assert_eq!(shown, hnb::model::format::percent(ratio, 1));
    assert!(page.contains("Open Government Licence v3.0"));
    assert!(page.contains("?la=E09000014"));
}
