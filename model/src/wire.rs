//! Messages between the page and its simulation worker (a second
//! WebAssembly module the page starts the first time it draws simulated
//! futures, so that 10,000 of them never hold up a slider).
//!
//! A request is text: `hnb-fan 1`, then `run N` (the page's number for it),
//! `spread` and its five figures, optionally `ages` and the council's
//! figures by age (the worker has none of its own), then the scenario as a
//! file. The worker answers `progress RUN DONE TOTAL` after each thousand
//! futures and `fan RUN` with the fan, or `error RUN MESSAGE`. Floating
//! point figures travel as the hex of their bits, so the page's deciles are
//! the worker's to the last bit (and so `hnb fan`'s to the penny).

use rust_decimal::Decimal;

use crate::uncertainty::{Deciles, Fan, Simulation, Spread};
use crate::year::FinYear;

/// The first line of a request.
const HEADER: &str = "hnb-fan 1";

/// What the worker says once it can take requests.
pub const READY: &str = "ready";

/// Futures drawn between progress messages.
pub const CHUNK: usize = 1_000;

/// A request for the simulated futures of a scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Request {
    /// The page's number for this run (replies carry it).
    pub run: u64,
    /// How uncertain each input is.
    pub spread: Spread,
    /// The scenario (valid, as the page's results come only from one).
    pub scenario: crate::Scenario,
}

/// The request as text, with the council's figures by age if the scenario
/// is by age.
pub fn encode_request(r: &Request) -> String {
    let s = &r.spread;
    let mut out = format!(
        "{HEADER}\nrun {}\nspread {} {} {} {} {}\n",
        r.run, s.growth_shift, s.growth_yearly, s.inflation_shift, s.delivery_low, s.delivery_high
    );
    if r.scenario.demand.by_age.is_some()
        && let Some(d) = crate::authorities::ages_of(&r.scenario.about.code)
    {
        out.push_str("ages ");
        out.push_str(&crate::authorities::ages_json(d));
        out.push('\n');
    }
    out.push_str(&crate::io::write_scenario(&r.scenario));
    out
}

/// Reads a request (loading any figures by age it carries), or says why it
/// is not one. The spread is held to what the page's choices allow, and the
/// scenario must validate.
pub fn decode_request(text: &str) -> Result<Request, String> {
    let mut rest = text
        .strip_prefix(HEADER)
        .and_then(|t| t.strip_prefix('\n'))
        .ok_or("not a request for simulated futures")?;
    let mut line = |key: &str| -> Option<&str> {
        let (first, more) = rest.split_once('\n')?;
        let value = first.strip_prefix(key)?.strip_prefix(' ')?;
        rest = more;
        Some(value)
    };
    let run: u64 = line("run")
        .and_then(|v| v.parse().ok())
        .ok_or("no run number")?;
    let figures: Vec<Decimal> = line("spread")
        .ok_or("no spread")?
        .split(' ')
        .map(|v| {
            v.parse::<Decimal>()
                .map_err(|_| "a spread figure is not a number")
        })
        .collect::<Result<_, _>>()?;
    let [gs, gy, is, dl, dh] = figures[..] else {
        return Err("the spread needs five figures".into());
    };
    let within = |v: Decimal, lo: Decimal, hi: Decimal| (lo..=hi).contains(&v);
    if !(within(gs, Decimal::ZERO, Decimal::ONE)
        && within(gy, Decimal::ZERO, Decimal::ONE)
        && within(is, Decimal::ZERO, Decimal::ONE)
        && within(dl, Decimal::ZERO, Decimal::ONE)
        && within(dh, Decimal::ONE, Decimal::TWO))
    {
        return Err("a spread figure is out of range".into());
    }
    if let Some(json) = line("ages") {
        crate::authorities::load_ages(json)?;
    }
    let scenario = crate::io::read_scenario(rest).map_err(|p| {
        p.first().map_or_else(
            || "the scenario could not be read".into(),
            |p| p.to_string(),
        )
    })?;
    if let Some(p) = crate::validate(&scenario).first() {
        return Err(p.to_string());
    }
    Ok(Request {
        run,
        spread: Spread {
            growth_shift: gs,
            growth_yearly: gy,
            inflation_shift: is,
            delivery_low: dl,
            delivery_high: dh,
        },
        scenario,
    })
}

/// A reply from the worker.
#[derive(Clone, Debug, PartialEq)]
pub enum Reply {
    /// Futures drawn so far of run `.0`: done, total.
    Progress(u64, usize, usize),
    /// Run `.0` is finished.
    Fan(u64, Fan),
    /// Run `.0` could not be done, and why.
    Error(u64, String),
}

fn bits(v: f64) -> String {
    format!("{:x}", v.to_bits())
}

fn unbits(t: &str) -> Option<f64> {
    u64::from_str_radix(t, 16).ok().map(f64::from_bits)
}

/// A reply as text.
pub fn encode_reply(r: &Reply) -> String {
    match r {
        Reply::Progress(run, done, total) => format!("progress {run} {done} {total}"),
        Reply::Error(run, why) => format!("error {run} {}", crate::format::clean(why)),
        Reply::Fan(run, f) => {
            let mut out = format!(
                "fan {run}\n{} {} {} {} {}\n",
                f.years.first().map_or(0, |y| y.start()),
                f.years.len(),
                f.agreement_end.start(),
                f.cleared,
                f.paths
            );
            let list = |v: &mut dyn Iterator<Item = &f64>| {
                v.map(|x| bits(*x)).collect::<Vec<_>>().join(" ")
            };
            out.push_str(&list(&mut f.plan.iter()));
            for b in &f.bands {
                out.push('\n');
                out.push_str(&list(&mut b.iter()));
            }
            out
        }
    }
}

/// Reads a reply, or `None` if the text is not one.
pub fn decode_reply(text: &str) -> Option<Reply> {
    let (head, body) = text.split_once('\n').unwrap_or((text, ""));
    let mut words = head.splitn(3, ' ');
    let kind = words.next()?;
    let run: u64 = words.next()?.parse().ok()?;
    match kind {
        "progress" => {
            let mut n = words.next()?.split(' ').map(|v| v.parse::<usize>().ok());
            Some(Reply::Progress(run, n.next()??, n.next()??))
        }
        "error" => Some(Reply::Error(run, words.next().unwrap_or("").to_string())),
        "fan" => {
            let mut lines = body.lines();
            let head: Vec<u64> = lines
                .next()?
                .split(' ')
                .map(|v| v.parse().ok())
                .collect::<Option<_>>()?;
            let [first, len, end, cleared, paths] = head[..] else {
                return None;
            };
            let len = usize::try_from(len).ok().filter(|n| *n <= 100)?;
            let first = FinYear::new(u16::try_from(first).ok()?)?;
            let end = FinYear::new(u16::try_from(end).ok()?)?;
            let floats = |l: &str| -> Option<Vec<f64>> {
                if l.is_empty() {
                    return Some(Vec::new());
                }
                l.split(' ').map(unbits).collect()
            };
            let plan = floats(lines.next()?)?;
            let bands = lines
                .map(|l| floats(l).and_then(|v| <[f64; 9]>::try_from(v).ok().map(Deciles)))
                .collect::<Option<Vec<_>>>()?;
            if plan.len() != len || bands.len() != len {
                return None;
            }
            Some(Reply::Fan(
                run,
                Fan {
                    years: (0..len)
                        .map(|i| first.plus(u16::try_from(i).unwrap_or(0)))
                        .collect(),
                    bands,
                    plan,
                    cleared: usize::try_from(cleared).ok()?,
                    paths: usize::try_from(paths).ok()?,
                    agreement_end: end,
                },
            ))
        }
        _ => None,
    }
}

/// What the worker does with a request: the futures a chunk at a time,
/// with progress after each, then the fan; or the reason it cannot.
pub fn serve(text: &str, paths: usize, seed: u64, mut post: impl FnMut(String)) {
    let r = match decode_request(text) {
        Ok(r) => r,
        Err(why) => {
            let run = text
                .lines()
                .nth(1)
                .and_then(|l| l.strip_prefix("run "))
                .and_then(|v| v.parse().ok())
                .unwrap_or(0);
            post(encode_reply(&Reply::Error(run, why)));
            return;
        }
    };
    let mut sim = Simulation::new(&r.scenario, r.spread, paths, seed);
    while !sim.run(CHUNK) {
        let (done, total) = sim.progress();
        post(encode_reply(&Reply::Progress(r.run, done, total)));
    }
    post(encode_reply(&Reply::Fan(r.run, sim.fan())));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The worker's fan, through its messages, is `fan`'s to the last bit;
    /// progress comes a thousand futures at a time; anything that is not a
    /// request is answered in words.
    #[test]
    fn the_fan_through_messages_is_the_fan() {
        let s = crate::presets::find("haringey").unwrap().scenario();
        let spread = Spread::default();
        let text = encode_request(&Request {
            run: 7,
            spread,
            scenario: s.clone(),
        });
        assert_eq!(decode_request(&text).unwrap().scenario, s);
        let mut replies = Vec::new();
        serve(&text, 3_000, 2026, |m| {
            replies.push(decode_reply(&m).unwrap())
        });
        assert_eq!(
            replies[..2],
            [
                Reply::Progress(7, 1_000, 3_000),
                Reply::Progress(7, 2_000, 3_000)
            ]
        );
        let want = crate::uncertainty::fan(&s, spread, 3_000, 2026);
        assert_eq!(replies[2], Reply::Fan(7, want));
        assert_eq!(replies.len(), 3);

        let mut out = Vec::new();
        serve("hello", 10, 1, |m| out.push(decode_reply(&m).unwrap()));
        assert!(matches!(&out[..], [Reply::Error(0, w)] if w.contains("not a request")));
        let wide = text.replace("spread 0.02", "spread 5");
        let mut out = Vec::new();
        serve(&wide, 10, 1, |m| out.push(decode_reply(&m).unwrap()));
        assert!(matches!(&out[..], [Reply::Error(7, w)] if w.contains("out of range")));
        assert_eq!(decode_reply("fan 1\n2024 3 2027 0 0\n\n"), None);
    }
}
