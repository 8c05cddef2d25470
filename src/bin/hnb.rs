//! `hnb`: the High Needs Block model on the command line, for analysts and
//! tests. The same model as the page.
//!
//! ```text
//! hnb presets                 list preset ids, one a line
//! hnb preset ID               print a preset's scenario JSON
//! hnb project FILE|-          print the year-by-year CSV of both runs
//! hnb validate FILE|-         print each problem; exit 1 if there is any
//! hnb assumptions FILE|-       print every input in words, its value and source (TSV)
//! hnb link FILE|- [PRESET]    print the share-link fragment for a scenario
//! hnb open LINK               print the scenario a share link holds, as JSON
//! ```

use std::io::{Read, Write};
use std::process::ExitCode;

use hnb::model::export::projection_csv;
use hnb::model::io::{claimed_version, read_scenario, write_scenario};
use hnb::model::scenario::SCENARIO_VERSION;
use hnb::model::{Problem, presets, project, share};

const USAGE: &str = "\
hnb: the High Needs Block deficit model

Usage:
  hnb presets              list every preset, one a line: its id, a tab, its name
                           (the average and five seed councils, then every
                           English council's DfE data as la:ONS-CODE)
  hnb preset ID            print that preset's scenario as JSON, e.g.
                           hnb preset haringey, hnb preset la:E09000014
  hnb project FILE         print both runs year by year as CSV (FILE may be -)
  hnb validate FILE        print each problem in the scenario; exit 1 if any
  hnb assumptions FILE     print every input in words, with its value and source,
                           tab-separated (FILE may be - or preset:ID)
  hnb link FILE [PRESET]   print the page's share-link fragment for the scenario,
                           as changes to PRESET (default: average)
  hnb open LINK            print the scenario a share link (or the part after
                           its #) holds, as JSON; exit 1 if it cannot be opened
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
            eprintln!("hnb: {msg}\n\n{USAGE}");
            ExitCode::from(2)
        }
        Err(Failure::Input(msg)) => {
            eprintln!("{msg}");
            ExitCode::from(1)
        }
    }
}

fn run() -> Result<(), Failure> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_env();
    let mut words: Vec<String> = Vec::new();
    while let Some(arg) = parser.next().map_err(|e| Failure::Usage(e.to_string()))? {
        match arg {
            Short('h') | Long("help") => {
                print!("{USAGE}");
                return Ok(());
            }
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
            write(&projection_csv(&p))
        }
        ["validate", file] => {
            let text = read(file)?;
            match read_scenario(&text) {
                Ok(_) => {
                    eprintln!("{file}: no problems");
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
            write(
                &hnb::model::labels::assumptions(&s, None)
                    .iter()
                    .map(|a| format!("{}\t{}\t{}\n", a.what, a.value, a.source))
                    .collect::<String>(),
            )
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
                eprintln!(
                    "hnb: the link was made with an earlier version of preset “{}”; its changes are applied to the current one",
                    opened.preset
                );
            }
            write(&format!("{}\n", write_scenario(&opened.scenario)))
        }
        [cmd, ..] => Err(Failure::Usage(format!(
            "unknown command or arguments: {cmd}"
        ))),
    }
}

/// Reads FILE, or standard input for `-`.
fn read(file: &str) -> Result<String, Failure> {
    let mut text = String::new();
    let result = if file == "-" {
        std::io::stdin().read_to_string(&mut text).map(|_| ())
    } else {
        std::fs::File::open(file).and_then(|mut f| f.read_to_string(&mut text).map(|_| ()))
    };
    result.map_err(|e| Failure::Input(format!("hnb: cannot read {file}: {e}")))?;
    Ok(text)
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
