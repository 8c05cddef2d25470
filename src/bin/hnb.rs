//! `hnb`: the High Needs Block model on the command line, for analysts and
//! tests. The same model as the page.
//!
//! ```text
//! hnb presets                 list preset ids, one a line
//! hnb preset ID               print a preset's scenario JSON
//! hnb project FILE|-          print the year-by-year CSV of both runs
//! hnb validate FILE|-         print each problem; exit 1 if there is any
//! hnb assumptions FILE|-       print every input in words, its value and source (TSV, quoted where needed)
//! hnb link FILE|- [PRESET]    print the share-link fragment for a scenario
//! hnb open LINK               print the scenario a share link holds, as JSON
//! ```

#![deny(clippy::arithmetic_side_effects)]

use std::io::{Read, Write};
use std::process::ExitCode;

use hnb::model::export::projection_csv;
use hnb::model::io::{MAX_FILE_BYTES, claimed_version, read_scenario, write_scenario};
use hnb::model::scenario::SCENARIO_VERSION;
use hnb::model::{FinYear, Problem, presets, project, sensitivity, share, solve, uncertainty};

const USAGE: &str = "\
hnb: the High Needs Block deficit model

Usage:
  hnb presets              list every preset, one a line: its id, a tab, its name
                           (the average and five seed councils, then every
                           English council's DfE data as la:ONS-CODE)
  hnb preset ID            print that preset's scenario as JSON, e.g.
                           hnb preset haringey, hnb preset la:E09000014
  hnb project FILE         print both runs year by year as CSV (FILE may be -)
  hnb project --by-age FILE
                           for a scenario by age, children by age and setting
                           each year of both runs, as CSV
  hnb validate FILE        print each problem in the scenario; exit 1 if any
  hnb assumptions FILE     print every input in words, with its value and source,
                           tab-separated (FILE may be - or preset:ID)
  hnb link FILE [PRESET]   print the page's share-link fragment for the scenario,
                           as changes to PRESET (default: average)
  hnb open LINK            print the scenario a share link (or the part after
                           its #) holds, as JSON; exit 1 if it cannot be opened
  hnb solve FILE --lever L [--from YEAR] [--target T]
                           goal seek: the value of lever L (growth, inmss,
                           target-year, inflation, saving) that clears the
                           deficit by the agreement end (T = cleared, the
                           default) or gives an in-year balance in a year
                           (T = balance:2026-27); growth and saving apply from
                           --from (default: the second year). Prints
                           lever, value and the gap left (£0 or less), the
                           answer in words on stderr; exit 1 if unreachable
  hnb tornado FILE         the remaining deficit at the agreement end with
                           each input across its default range, as CSV
  hnb fan FILE [--paths N] [--seed N]
                           the simulated futures' deciles of the remaining
                           deficit year by year, as CSV (default 10,000 paths,
                           seed 2026); the chance of clearing on stderr
  hnb backtest             for every council, the EHCPs and spending this
                           calculator's method would have forecast for 2024-25
                           from what was published by January 2022, beside
                           what happened, as CSV; the summary on stderr
  hnb backtest --by-age    for every council, January 2025's plans rebuilt by
                           age from January 2024 and 2024's new and ended plans,
                           beside what was published, as CSV
  hnb help                 this text
";

/// What went wrong, and the exit code it earns.
enum Failure {
    /// Bad arguments (exit 2).
    Usage(String),
    /// A file that could not be read or is not a valid scenario (exit 1).
    Input(String),
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(msg)) => {
            say(&format!("hnb: {msg}\n\n{USAGE}"));
            ExitCode::from(2)
        }
        Err(Failure::Input(msg)) => {
            say(&msg);
            ExitCode::from(1)
        }
    }
}

fn run() -> Result<(), Failure> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_env();
    let mut words: Vec<String> = Vec::new();
    let mut opts = Opts::default();
    while let Some(arg) = parser.next().map_err(|e| Failure::Usage(e.to_string()))? {
        match arg {
            Short('h') | Long("help") => {
                // Standard output may be closed (`hnb --help | head -0`).
                let _ = std::io::stdout().lock().write_all(USAGE.as_bytes());
                return Ok(());
            }
            Long(name @ ("lever" | "from" | "target" | "paths" | "seed")) => {
                let name = name.to_string();
                let v = parser
                    .value()
                    .and_then(|v| v.string())
                    .map_err(|e| Failure::Usage(e.to_string()))?;
                match name.as_str() {
                    "lever" => opts.lever = Some(v),
                    "from" => opts.from = Some(v),
                    "target" => opts.target = Some(v),
                    "paths" => opts.paths = Some(v),
                    _ => opts.seed = Some(v),
                }
            }
            Long("by-age") => opts.by_age = true,
            Value(v) => words.push(v.string().map_err(|e| Failure::Usage(e.to_string()))?),
            other => return Err(Failure::Usage(other.unexpected().to_string())),
        }
    }
    let mut out = std::io::stdout().lock();
    let mut write = |text: &str| {
        out.write_all(text.as_bytes())
            .map_err(|e| Failure::Input(format!("hnb: cannot write output: {e}")))
    };
    match words
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        [] | ["help"] => write(USAGE),
        ["presets"] => write(
            &presets::all()
                .map(|p| format!("{}\t{}\n", p.id, p.name))
                .collect::<String>(),
        ),
        ["preset", id] => {
            let p = presets::find(id).ok_or_else(|| {
                Failure::Usage(format!("no preset called “{id}”; `hnb presets` lists them"))
            })?;
            write(&format!("{}\n", write_scenario(&p.scenario())))
        }
        ["project", file] => {
            let s = load(file)?;
            let p = project(&s).map_err(|problems| Failure::Input(listing(file, &problems)))?;
            if opts.by_age {
                let table = hnb::model::age::children_csv(&s).ok_or_else(|| {
                    Failure::Input(format!(
                        "{file}: the scenario has no demand by age (demand.by_age)"
                    ))
                })?;
                return write(&table);
            }
            write(&projection_csv(&p))
        }
        ["validate", file] => {
            let text = read(file)?;
            match read_scenario(&text) {
                Ok(_) => {
                    say(&format!("{file}: no problems"));
                    Ok(())
                }
                Err(problems) => {
                    write(
                        &problems
                            .iter()
                            .map(|p| format!("{p}\n"))
                            .collect::<String>(),
                    )?;
                    Err(Failure::Input(format!(
                        "{file}: {} problem{}{}",
                        problems.len(),
                        if problems.len() == 1 { "" } else { "s" },
                        version_note(&text)
                    )))
                }
            }
        }
        ["assumptions", file] => {
            let s = match file.strip_prefix("preset:") {
                Some(id) => presets::find(id)
                    .ok_or_else(|| {
                        Failure::Usage(format!("no preset called “{id}”; `hnb presets` lists them"))
                    })?
                    .scenario(),
                None => load(file)?,
            };
            let mut out = csv::WriterBuilder::new()
                .delimiter(b'\t')
                .from_writer(Vec::new());
            let rows = std::iter::once(["what", "value", "source"].map(String::from)).chain(
                hnb::model::labels::assumptions(&s, None)
                    .into_iter()
                    .map(|a| [a.what, a.value, a.source]),
            );
            for row in rows {
                out.write_record(&row)
                    .map_err(|e| Failure::Input(format!("cannot write the table: {e}")))?;
            }
            let bytes = out
                .into_inner()
                .map_err(|e| Failure::Input(format!("cannot write the table: {e}")))?;
            write(&String::from_utf8_lossy(&bytes))
        }
        ["link", file, rest @ ..] if rest.len() <= 1 => {
            let s = load(file)?;
            let id = rest.first().copied().unwrap_or(presets::DEFAULT_PRESET);
            let p = presets::find(id).ok_or_else(|| {
                Failure::Usage(format!("no preset called “{id}”; `hnb presets` lists them"))
            })?;
            write(&format!("{}\n", share::encode(&p.id, &p.scenario(), &s)))
        }
        ["open", link] => {
            let fragment = link.split_once('#').map_or(*link, |(_, f)| f);
            let opened =
                share::decode(fragment).map_err(|e| Failure::Input(format!("hnb: {e}")))?;
            if opened.preset_changed {
                say(&format!(
                    "hnb: the link was made with an earlier version of preset “{}”; its changes are applied to the current one",
                    opened.preset
                ));
            }
            write(&format!("{}\n", write_scenario(&opened.scenario)))
        }
        ["solve", file] => {
            let s = load(file)?;
            let (lever, target) = opts.lever_and_target(&s)?;
            let solved = solve::solve(&s, lever, target);
            let words = solve::answer_words(&s, lever, target, &solved);
            say(&words);
            match solved {
                solve::Solved::Found {
                    value,
                    scenario,
                    gap,
                } => {
                    let _ = scenario;
                    write(&format!("{}\t{value}\t{}\n", lever.id(), gap.round_dp(2)))
                }
                solve::Solved::Always => write(&format!("{}\talways\n", lever.id())),
                solve::Solved::Unreachable { .. } | solve::Solved::NotApplicable(_) => {
                    Err(Failure::Input(format!("hnb: {words}")))
                }
            }
        }
        ["tornado", file] => {
            let s = load(file)?;
            let t = sensitivity::tornado(&s, &sensitivity::default_ranges());
            let p = |d: rust_decimal::Decimal| d.round_dp(2);
            let mut out = format!(
                "input,low,high,result_at_low,result_at_high,lowest,highest,swing\nbase,,,,,{},{},0\n",
                p(t.base),
                p(t.base)
            );
            for b in &t.bars {
                let (at_low, at_high) = b.ends();
                out.push_str(&format!(
                    "{},{},{},{},{},{},{},{}\n",
                    b.range.input.id(),
                    b.range.low,
                    b.range.high,
                    p(at_low),
                    p(at_high),
                    p(b.min),
                    p(b.max),
                    p(b.swing())
                ));
            }
            write(&out)
        }
        ["fan", file] => {
            let s = load(file)?;
            let paths = opts.paths()?;
            let seed = opts.number("seed", uncertainty::SEED)?;
            let f = uncertainty::fan(&s, uncertainty::Spread::default(), paths, seed);
            say(&format!(
                "hnb: cleared by the end of {} in {} of {} simulated futures (about {} in 100)",
                f.agreement_end,
                f.cleared,
                f.paths,
                f.in_100()
            ));
            write(&uncertainty::fan_csv(&f))
        }
        ["backtest"] if opts.by_age => {
            use hnb::model::age;
            let rows: Vec<age::AgeCheck> = hnb::model::authorities::AGE_DATA
                .iter()
                .map(age::check)
                .collect();
            let mut errors: Vec<rust_decimal::Decimal> = rows
                .iter()
                .skip(1)
                .filter_map(|r| r.total_error().map(|e| e.abs()))
                .collect();
            errors.sort();
            let mut misplaced: Vec<rust_decimal::Decimal> =
                rows.iter().skip(1).map(|r| r.misplaced).collect();
            misplaced.sort();
            // As the method page takes them: the value at len × q / 100.
            let at = |v: &[rust_decimal::Decimal], q: usize| {
                v.get(v.len().saturating_mul(q) / 100)
                    .or(v.last())
                    .copied()
                    .unwrap_or_default()
            };
            let pct = |d: rust_decimal::Decimal| hnb::model::format::percent(d, 1);
            say(&format!(
                "hnb: January 2025 from January 2024 and 2024's new and ended plans by age, {} councils, no adjustment: total off by a median {} (90th percentile {}, worst {}); plans at the wrong age, median {} (90th percentile {}, worst {}).",
                errors.len(),
                pct(at(&errors, 50)),
                pct(at(&errors, 90)),
                pct(at(&errors, 100)),
                pct(at(&misplaced, 50)),
                pct(at(&misplaced, 90)),
                pct(at(&misplaced, 100)),
            ));
            write(&age::check_csv(&rows))
        }
        ["backtest"] => {
            let rows = hnb::model::backtest::all();
            let s = hnb::model::backtest::summarise(&rows);
            let pct = |d: rust_decimal::Decimal| hnb::model::format::percent(d, 1);
            say(&format!(
                "hnb: EHCPs, {} councils: median error {}, within ±10% for {}. Spending, {} councils: median error {}, within ±10% for {}.",
                s.councils,
                pct(s.median_ehcps),
                pct(s.within_ten_ehcps),
                s.spend_councils,
                pct(s.median_spend),
                pct(s.within_ten_spend)
            ));
            write(&hnb::model::backtest::csv(&rows))
        }
        [cmd @ ("project" | "validate" | "assumptions" | "link" | "solve" | "tornado" | "fan")] => {
            Err(Failure::Usage(format!(
                "`hnb {cmd}` needs a scenario FILE (or - for standard input)"
            )))
        }
        [cmd @ ("preset" | "open")] => Err(Failure::Usage(format!(
            "`hnb {cmd}` needs {}",
            if *cmd == "open" {
                "a LINK"
            } else {
                "a preset ID"
            }
        ))),
        [cmd, ..] => Err(Failure::Usage(format!(
            "unknown command or arguments: {}",
            hnb::model::format::quote(cmd)
        ))),
    }
}

/// The options of `solve` and `fan`.
#[derive(Default)]
struct Opts {
    lever: Option<String>,
    from: Option<String>,
    target: Option<String>,
    paths: Option<String>,
    seed: Option<String>,
    /// `--by-age` (backtest, project).
    by_age: bool,
}

impl Opts {
    fn number(&self, name: &str, default: u64) -> Result<u64, Failure> {
        let v = if name == "paths" {
            &self.paths
        } else {
            &self.seed
        };
        match v {
            None => Ok(default),
            Some(t) => t.parse().map_err(|_| {
                let range = if name == "paths" {
                    format!("between 1 and {}", uncertainty::MAX_PATHS)
                } else {
                    format!("from 0 to {}", u64::MAX)
                };
                Failure::Usage(format!(
                    "--{name} must be a whole number {range}, not {}",
                    hnb::model::format::quote(t)
                ))
            }),
        }
    }

    /// `--paths`: between 1 and [`uncertainty::MAX_PATHS`].
    fn paths(&self) -> Result<usize, Failure> {
        let max = uncertainty::MAX_PATHS;
        let n = self.number("paths", uncertainty::PATHS as u64)?;
        match usize::try_from(n) {
            Ok(n) if (1..=max).contains(&n) => Ok(n),
            _ => Err(Failure::Usage(format!(
                "--paths must be between 1 and {max} (it is {n})"
            ))),
        }
    }

    fn year(text: &str, what: &str) -> Result<FinYear, Failure> {
        text.parse::<FinYear>().map_err(|_| {
            Failure::Usage(format!("{what} must be a year like 2025-26, not “{text}”"))
        })
    }

    fn lever_and_target(
        &self,
        s: &hnb::model::Scenario,
    ) -> Result<(solve::Lever, solve::Target), Failure> {
        let from = match &self.from {
            Some(t) => Self::year(t, "--from")?,
            None => s.about.extra_from(),
        };
        let lever = match self.lever.as_deref().map(str::parse::<solve::LeverKind>) {
            Some(Ok(kind)) => kind.lever(from, Default::default()),
            other => {
                return Err(Failure::Usage(format!(
                    "--lever must be growth, saving, inmss, inflation or target-year{}",
                    match (other, self.lever.as_deref()) {
                        (Some(_), Some(o)) => format!(", not “{o}”"),
                        _ => String::new(),
                    }
                )));
            }
        };
        let target = match self.target.as_deref() {
            None | Some("cleared") => solve::Target::Cleared,
            Some(t) => match t.strip_prefix("balance:") {
                Some(y) => solve::Target::Balance(Self::year(y, "--target balance:YEAR")?),
                None => {
                    return Err(Failure::Usage(format!(
                        "--target must be cleared or balance:YEAR, not “{t}”"
                    )));
                }
            },
        };
        Ok((lever, target))
    }
}

/// Writes a line to standard error, ignoring failure (a closed pipe must
/// not turn a message into a panic).
fn say(text: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{text}");
}

/// Reads FILE, or standard input for `-`: at most one byte more than a
/// scenario may be (so `/dev/zero` or a huge file is refused at once, not
/// read until memory runs out), and it must be text (UTF-8).
fn read(file: &str) -> Result<String, Failure> {
    let limit = (MAX_FILE_BYTES as u64).saturating_add(1);
    let mut bytes = Vec::new();
    let result = if file == "-" {
        std::io::stdin().lock().take(limit).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(file).and_then(|f| f.take(limit).read_to_end(&mut bytes))
    };
    result.map_err(|e| Failure::Input(format!("hnb: cannot read {file}: {e}")))?;
    if bytes.len() > MAX_FILE_BYTES {
        return Err(Failure::Input(format!(
            "hnb: {file} is too large: a scenario is at most {} KB",
            MAX_FILE_BYTES / 1000
        )));
    }
    String::from_utf8(bytes).map_err(|e| {
        Failure::Input(format!(
            "hnb: {file} is not text (UTF-8): it has a byte that is not text at position {}",
            e.utf8_error().valid_up_to()
        ))
    })
}

fn load(file: &str) -> Result<hnb::model::Scenario, Failure> {
    let text = read(file)?;
    read_scenario(&text).map_err(|problems| {
        Failure::Input(format!(
            "{}{}",
            listing(file, &problems),
            version_note(&text)
        ))
    })
}

fn listing(file: &str, problems: &[Problem]) -> String {
    let mut s = format!("hnb: {file} is not a valid scenario:");
    for p in problems {
        s.push_str(&format!("\n  {p}"));
    }
    s
}

fn version_note(text: &str) -> String {
    match claimed_version(text) {
        Some(v) if v != u64::from(SCENARIO_VERSION) => {
            format!(" (the file says version {v}; this hnb reads version {SCENARIO_VERSION})")
        }
        _ => String::new(),
    }
}
