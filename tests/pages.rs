//! The reading pages (`pages/`): the method page's table of defaults is the
//! default scenario's own figures and sources, and the glossary has every
//! term the page links to.

use hnb::model::backtest;
use hnb::model::labels::assumptions;
use hnb::model::presets::{DEFAULT_PRESET, find};
use rust_decimal::Decimal;

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[test]
fn the_method_page_lists_every_default_with_its_source() {
    let s = find(DEFAULT_PRESET).unwrap().scenario();
    let rows: Vec<String> = assumptions(&s, None)
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
    assert!(rows.iter().all(|r| !r.contains("Not stated")));
    generated("defaults", &format!("\n{}\n", rows.join("\n")));
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

/// The part of `page` between `<!-- NAME: begin … -->` and `<!-- NAME: end
/// -->`, and where it lies.
fn between(page: &str, name: &str) -> (usize, usize) {
    let begin = page
        .find(&format!("<!-- {name}: begin"))
        .unwrap_or_else(|| panic!("no {name} marker"));
    let start = begin + page[begin..].find("-->").unwrap() + 3;
    let end = page.find(&format!("<!-- {name}: end -->")).unwrap();
    (start, end)
}

/// Writes (with `UPDATE_DATA=1`) or checks the generated part `name` of the
/// method page.
fn generated(name: &str, want: &str) {
    let path = "pages/method.html";
    let page = std::fs::read_to_string(path).unwrap();
    let (start, end) = between(&page, name);
    if std::env::var_os("UPDATE_DATA").is_some() {
        let updated = format!("{}{want}{}", &page[..start], &page[end..]);
        std::fs::write(path, updated).unwrap();
        return;
    }
    assert!(
        page[start..end] == *want,
        "the method page's {name} is out of date: run `UPDATE_DATA=1 cargo test --test pages`\n{}",
        want
    );
}

fn millions(d: Decimal) -> String {
    hnb::model::format::millions_dp(d, 1)
}

/// The check of the first-year spending recipe, as the model computes it.
#[test]
fn the_method_page_gives_the_place_funding_check_as_the_model_has_it() {
    let c = backtest::place_funding_check();
    let want = format!(
        "<span id=\"place-check\">Checked against what was published: for the {} councils with every figure, the overspend this gives for 2022-23 and 2023-24 together differs from the change in their published DSG balance over those two years by a median of {} (mean {}); without the place funding it would be {}.</span>",
        c.councils,
        millions(c.median),
        millions(c.mean),
        millions(c.median_without)
    );
    generated("place-check", &want);
    let page = std::fs::read_to_string("pages/method.html").unwrap();
    assert!(page.contains("Open Government Licence v3.0"));
    assert!(page.contains("?la=E09000014"));
}

/// The backtest's summary and the spread of its errors, as a chart with the
/// same figures in a table; and the five councils it names as the worst
/// are the five the backtest finds.
#[test]
fn the_method_page_gives_the_backtest_as_the_model_has_it() {
    let rows = backtest::all();
    let s = backtest::summarise(&rows);
    let pct = |d: Decimal| hnb::model::format::percent(d, 1);
    let bins: [(i32, i32, &str); 8] = [
        (-1000, -30, "30% or more too few"),
        (-30, -20, "20% to 30% too few"),
        (-20, -10, "10% to 20% too few"),
        (-10, 0, "up to 10% too few"),
        (0, 10, "up to 10% too many"),
        (10, 20, "10% to 20% too many"),
        (20, 30, "20% to 30% too many"),
        (30, 100_000, "30% or more too many"),
    ];
    let counts: Vec<usize> = bins
        .iter()
        .map(|(lo, hi, _)| {
            rows.iter()
                .filter_map(|r| r.ehcps_error())
                .filter(|e| {
                    let p = *e * Decimal::from(100);
                    p >= Decimal::from(*lo) && p < Decimal::from(*hi)
                })
                .count()
        })
        .collect();
    assert_eq!(counts.iter().sum::<usize>(), s.councils);
    let most = counts.iter().copied().max().unwrap_or(1).max(1);
    let (w, h, left, bottom) = (640, 240, 8, 56);
    let bar = (w - 2 * left) / bins.len();
    let mut svg = format!(
        "    <figure class=\"backtest\">\n      <svg viewBox=\"0 0 {w} {h}\" role=\"img\" aria-labelledby=\"backtest-title backtest-desc\" class=\"backtest__chart\">\n        <title id=\"backtest-title\">How far each council's forecast of its plans for January 2025 was from what happened</title>\n        <desc id=\"backtest-desc\">Councils by the error of the forecast made from January 2022: {}.</desc>\n",
        bins.iter()
            .zip(&counts)
            .map(|((_, _, words), n)| format!("{words}, {n}"))
            .collect::<Vec<_>>()
            .join("; ")
    );
    for (i, ((_, _, words), n)) in bins.iter().zip(&counts).enumerate() {
        let x = left + i * bar;
        let bh = (h - bottom - 20) * n / most;
        let y = h - bottom - bh;
        svg.push_str(&format!(
            "        <rect x=\"{}\" y=\"{y}\" width=\"{}\" height=\"{bh}\" class=\"backtest__bar{}\"/>\n        <text x=\"{}\" y=\"{}\" text-anchor=\"middle\" class=\"backtest__count\">{n}</text>\n        <text x=\"{}\" y=\"{}\" text-anchor=\"middle\" class=\"backtest__label\">{}</text>\n",
            x + 4,
            bar - 8,
            if i == 3 || i == 4 { " backtest__bar--near" } else { "" },
            x + bar / 2,
            y.saturating_sub(4),
            x + bar / 2,
            h - bottom + 18,
            words.split(' ').take(3).collect::<Vec<_>>().join(" ")
        ));
    }
    svg.push_str(&format!(
        "        <text x=\"{}\" y=\"{}\" text-anchor=\"middle\" class=\"backtest__label\">Forecast too low ← → forecast too high</text>\n      </svg>\n",
        w / 2,
        h - 12
    ));
    svg.push_str("      <figcaption>Councils by how far the forecast of their plans for January 2025, made from what was published by January 2022, was from the count (as a share of the count).</figcaption>\n    </figure>\n");
    let mut table = String::from(
        "    <div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-labelledby=\"backtest-caption\">\n      <table>\n        <caption id=\"backtest-caption\">The same, as a table</caption>\n        <thead><tr><th scope=\"col\">The forecast of plans was</th><th scope=\"col\" class=\"num\">Councils</th></tr></thead>\n        <tbody>\n",
    );
    for ((_, _, words), n) in bins.iter().zip(&counts) {
        table.push_str(&format!(
            "          <tr><th scope=\"row\">{words}</th><td class=\"num\">{n}</td></tr>\n"
        ));
    }
    table.push_str("        </tbody>\n      </table>\n    </div>\n");
    let want = format!(
        "\n    <p id=\"backtest-summary\">Over the {} councils that existed in January 2022, the forecast of plans for January 2025 was out by a median of <strong>{}</strong>, and within ±10% for <strong>{}</strong> of councils. The forecast of spending in 2024-25 was out by a median of <strong>{}</strong>, and within ±10% for <strong>{}</strong> of the {} councils with both years published.</p>\n{svg}{table}",
        s.councils,
        pct(s.median_ehcps),
        pct(s.within_ten_ehcps),
        pct(s.median_spend),
        pct(s.within_ten_spend),
        s.spend_councils,
    );
    generated("backtest", &want);
    // The five named as the worst are the five largest errors.
    let mut worst: Vec<(Decimal, &str)> = rows
        .iter()
        .filter_map(|r| Some((r.ehcps_error()?.abs(), r.authority.name)))
        .collect();
    worst.sort_by_key(|w| std::cmp::Reverse(w.0));
    let page = std::fs::read_to_string("pages/method.html").unwrap();
    let listed: Vec<&str> = page
        .split("<ul id=\"worst\">")
        .nth(1)
        .unwrap()
        .split("</ul>")
        .next()
        .unwrap()
        .split("<li><strong>")
        .skip(1)
        .map(|l| l.split("</strong>").next().unwrap())
        .collect();
    let top: Vec<&str> = worst.iter().take(5).map(|w| w.1).collect();
    assert_eq!(listed, top);
}

/// The by-age reconstruction of January 2025, as the model has it: the
/// spread of its errors and, by name, the five councils it does worst for.
#[test]
fn the_method_page_gives_the_by_age_check_as_the_model_has_it() {
    use hnb::model::age;
    use hnb::model::authorities::{AGE_DATA, find};
    let rows: Vec<age::AgeCheck> = AGE_DATA.iter().skip(1).map(age::check).collect();
    let mut errors: Vec<Decimal> = rows
        .iter()
        .filter_map(|r| r.total_error().map(|e| e.abs()))
        .collect();
    errors.sort();
    let mut misplaced: Vec<Decimal> = rows.iter().map(|r| r.misplaced).collect();
    misplaced.sort();
    let median = |v: &[Decimal]| v[v.len() / 2];
    let pct = |d: Decimal| hnb::model::format::percent(d, 1);
    let england = age::check(&AGE_DATA[0]);
    let bins: [(Decimal, &str); 5] = [
        (Decimal::new(1, 2), "within 1%"),
        (Decimal::new(2, 2), "1% to 2%"),
        (Decimal::new(5, 2), "2% to 5%"),
        (Decimal::new(10, 2), "5% to 10%"),
        (Decimal::MAX, "10% or more"),
    ];
    let mut table = String::from(
        "    <div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-labelledby=\"age-check-caption\">\n      <table id=\"age-check\">\n        <caption id=\"age-check-caption\">Councils by how far January 2025, rebuilt by age, was from the published total</caption>\n        <thead><tr><th scope=\"col\">Off by</th><th scope=\"col\" class=\"num\">Councils</th></tr></thead>\n        <tbody>\n",
    );
    let mut from = Decimal::ZERO;
    for (to, words) in bins {
        let n = errors.iter().filter(|e| **e >= from && **e < to).count();
        table.push_str(&format!(
            "          <tr><th scope=\"row\">{words}</th><td class=\"num\">{n}</td></tr>\n"
        ));
        from = to;
    }
    table.push_str("        </tbody>\n      </table>\n    </div>\n");
    let want = format!(
        "\n    <p id=\"age-check-summary\">For England the rebuilt January 2025 holds {} plans against {} published ({}), with {} of plans at a different age. Over the {} councils the total is out by a median of <strong>{}</strong> (nine in ten within {}), and a median of <strong>{}</strong> of plans are at a different age.</p>\n{table}",
        hnb::model::format::count(england.model),
        hnb::model::format::count(england.published),
        pct(england.total_error().unwrap()),
        pct(england.misplaced),
        errors.len(),
        pct(median(&errors)),
        pct(errors[errors.len() * 9 / 10]),
        pct(median(&misplaced)),
    );
    generated("age-check", &want);
    // The five named as the worst are the five largest errors.
    let mut worst: Vec<(Decimal, &str)> = rows
        .iter()
        .filter_map(|r| Some((r.total_error()?.abs(), find(r.code)?.name)))
        .collect();
    worst.sort_by_key(|w| std::cmp::Reverse(w.0));
    let page = std::fs::read_to_string("pages/method.html").unwrap();
    let list = &page[page.find("id=\"age-worst\"").unwrap()..];
    let list = &list[..list.find("</ul>").unwrap()];
    for (_, name) in worst.iter().take(5) {
        assert!(
            list.contains(&format!("<strong>{name}</strong>")),
            "{name} is among the five worst"
        );
    }
}
