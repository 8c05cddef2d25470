//! Messages between the page and its worker (a second WebAssembly module
//! the page starts the first time it draws simulated futures or the
//! sensitivity chart, so that 10,000 futures, or thirty projections, never
//! hold up a slider).
//!
//! A request is text: `hnb-work 1`, then `run N` (the page's number for
//! it), then the job: `spread` and its five figures (simulated futures) or
//! `tornado` and each range's input, low and high (the sensitivity chart);
//! optionally `ages` and the council's figures by age (the worker has none
//! of its own), then the scenario as a file. For futures the worker answers
//! `progress RUN DONE TOTAL` after each thousand and `fan RUN` with the fan;
//! for the chart, `tornado RUN` with its bars; or `error RUN MESSAGE`.
//! Floating point figures travel as the hex of their bits, so the page's
//! deciles are the worker's to the last bit (and so `hnb fan`'s to the
//! penny); money travels as exact decimals.

use rust_decimal::Decimal;

use crate::sensitivity::{Bar, Input, Range, Tornado};
use crate::setting::PerSetting;
use crate::solve::{Lever, Solved, Target};
use crate::uncertainty::{Deciles, Fan, Simulation, Spread};
use crate::year::FinYear;

/// The first line of a request.
const HEADER: &str = "hnb-work 1";

/// The largest end of a sensitivity range the worker takes (ten times the
/// input itself either way, as the page's boxes allow).
const RANGE_LIMIT: Decimal = Decimal::TEN;

/// The largest amount of money a reply may carry (far beyond any council's
/// deficit), so the page can subtract any two without overflow.
const MONEY_LIMIT: Decimal = rust_decimal_macros::dec!(1_000_000_000_000_000);

/// What the worker says once it can take requests.
pub const READY: &str = "ready";

/// Futures drawn between progress messages.
pub const CHUNK: usize = 1_000;

/// What the worker is asked to work out.
#[derive(Clone, Debug, PartialEq)]
pub enum Job {
    /// The simulated futures, each input this uncertain.
    Fan(Spread),
    /// The sensitivity chart across these ranges.
    Tornado(Vec<Range>),
    /// Goal seek: the value of this lever that just meets this target.
    Goal(Lever, Target),
}

/// A request for the worker: a job on a scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Request {
    /// The page's number for this run (replies carry it).
    pub run: u64,
    /// What to work out.
    pub job: Job,
    /// The scenario (valid, as the page's results come only from one).
    pub scenario: crate::Scenario,
}

/// The request as text, with the council's figures by age if the scenario
/// is by age.
pub fn encode_request(r: &Request) -> String {
    let mut out = format!("{HEADER}\nrun {}\n", r.run);
    match &r.job {
        Job::Fan(s) => out.push_str(&format!(
            "spread {} {} {} {} {}\n",
            s.growth_shift, s.growth_yearly, s.inflation_shift, s.delivery_low, s.delivery_high
        )),
        Job::Tornado(ranges) => {
            out.push_str("tornado");
            for g in ranges {
                out.push_str(&format!(" {} {} {}", g.input.id(), g.low, g.high));
            }
            out.push('\n');
        }
        Job::Goal(lever, target) => {
            out.push_str(&format!(
                "goal {} {}\n",
                lever_text(*lever),
                target_text(*target)
            ));
        }
    }
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
        .ok_or("not a request for the page's worker")?;
    let mut line = |key: &str| -> Option<&str> {
        let (first, more) = rest.split_once('\n')?;
        let value = first.strip_prefix(key)?.strip_prefix(' ')?;
        rest = more;
        Some(value)
    };
    let run: u64 = line("run")
        .and_then(|v| v.parse().ok())
        .ok_or("no run number")?;
    let job = if let Some(ranges) = line("tornado") {
        Job::Tornado(read_ranges(ranges)?)
    } else if let Some(goal) = line("goal") {
        read_goal(goal).ok_or("the goal is not a lever and a target")?
    } else {
        Job::Fan(read_spread(line("spread").ok_or("no job")?)?)
    };
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
    Ok(Request { run, job, scenario })
}

/// A lever as a request names it: its id, then its year (growth and
/// saving) or the locked settings as ten 0s and 1s (INMSS share).
fn lever_text(lever: Lever) -> String {
    match lever {
        Lever::Growth(y) | Lever::ExtraSaving(y) => format!("{} {}", lever.id(), y.start()),
        Lever::InmssShare(locks) => {
            let bits: String = locks.0.iter().map(|l| if *l { '1' } else { '0' }).collect();
            format!("{} {bits}", lever.id())
        }
        Lever::TargetYear | Lever::Inflation => lever.id().to_string(),
    }
}

/// A target as a request names it: `cleared`, or `balance` and its year.
fn target_text(target: Target) -> String {
    match target {
        Target::Cleared => "cleared".into(),
        Target::Balance(y) => format!("balance {}", y.start()),
    }
}

/// A goal seek request's lever and target.
fn read_goal(text: &str) -> Option<Job> {
    let mut w = text.split(' ');
    let kind: crate::solve::LeverKind = w.next()?.parse().ok()?;
    let year = |t: Option<&str>| FinYear::new(t?.parse().ok()?);
    let lever = match kind {
        crate::solve::LeverKind::Growth => Lever::Growth(year(w.next())?),
        crate::solve::LeverKind::Saving => Lever::ExtraSaving(year(w.next())?),
        crate::solve::LeverKind::Inmss => {
            let bits = w.next()?.as_bytes();
            if bits.len() != 10 || bits.iter().any(|b| !matches!(b, b'0' | b'1')) {
                return None;
            }
            Lever::InmssShare(PerSetting::from_fn(|i| bits[i] == b'1'))
        }
        crate::solve::LeverKind::Inflation => Lever::Inflation,
        crate::solve::LeverKind::TargetYear => Lever::TargetYear,
    };
    let target = match w.next()? {
        "cleared" => Target::Cleared,
        "balance" => Target::Balance(year(w.next())?),
        _ => return None,
    };
    w.next().is_none().then_some(Job::Goal(lever, target))
}

/// The ranges of a sensitivity request: each input once at most, each end
/// within ten times the input either way.
fn read_ranges(text: &str) -> Result<Vec<Range>, String> {
    let words: Vec<&str> = text.split(' ').collect();
    if !words.len().is_multiple_of(3) || words.len() / 3 > Input::ALL.len() {
        return Err("the ranges are not each an input, a low and a high".into());
    }
    let mut out: Vec<Range> = Vec::new();
    for w in words.chunks(3) {
        let input = Input::from_id(w[0]).ok_or("a range names no input")?;
        if out.iter().any(|r| r.input == input) {
            return Err("an input has two ranges".into());
        }
        let end = |t: &str| {
            t.parse::<Decimal>()
                .ok()
                .filter(|v| v.abs() <= RANGE_LIMIT)
                .ok_or("a range's end is not a number within ten times its input")
        };
        out.push(Range {
            input,
            low: end(w[1])?,
            high: end(w[2])?,
        });
    }
    Ok(out)
}

/// The five figures of a spread, each within what the page allows.
fn read_spread(text: &str) -> Result<Spread, String> {
    let figures: Vec<Decimal> = text
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
    Ok(Spread {
        growth_shift: gs,
        growth_yearly: gy,
        inflation_shift: is,
        delivery_low: dl,
        delivery_high: dh,
    })
}

/// A reply from the worker.
#[derive(Clone, Debug, PartialEq)]
pub enum Reply {
    /// Futures drawn so far of run `.0`: done, total.
    Progress(u64, usize, usize),
    /// Run `.0` is finished.
    Fan(u64, Fan),
    /// The sensitivity chart of run `.0`.
    Tornado(u64, Tornado),
    /// The goal seek answer of run `.0`.
    Goal(u64, Solved),
    /// Run `.0` could not be done, and why.
    Error(u64, String),
}

impl Reply {
    /// The run it answers.
    pub fn run(&self) -> u64 {
        match self {
            Reply::Progress(r, ..)
            | Reply::Fan(r, _)
            | Reply::Tornado(r, _)
            | Reply::Goal(r, _)
            | Reply::Error(r, _) => *r,
        }
    }
}

/// A reply as text, if the page can read it back; otherwise, for the same
/// run, why not (an answer with figures beyond what a reply may carry).
fn readable(r: &Reply) -> String {
    let text = encode_reply(r);
    if decode_reply(&text).is_some() {
        return text;
    }
    encode_reply(&Reply::Error(
        r.run(),
        "the answer has figures too large to show (more than a million trillion pounds): bring the scenario's figures down".into(),
    ))
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
        Reply::Goal(run, solved) => match solved {
            Solved::Found {
                value,
                scenario,
                gap,
            } => format!(
                "goal {run}\nfound {value} {gap}\n{}",
                crate::io::write_scenario(scenario)
            ),
            Solved::Always => format!("goal {run}\nalways"),
            Solved::Unreachable { best, gap } => format!("goal {run}\nunreachable {best} {gap}"),
            Solved::NotApplicable(why) => {
                format!("goal {run}\nno {}", crate::format::clean(why))
            }
        },
        Reply::Tornado(run, t) => {
            let mut out = format!("tornado {run}\n{}", t.base);
            for b in &t.bars {
                let r = &b.range;
                out.push_str(&format!(
                    "\n{} {} {} {} {}",
                    r.input.id(),
                    r.low,
                    r.high,
                    b.min,
                    b.max
                ));
                for (v, left) in &b.points {
                    out.push_str(&format!(" {v}:{left}"));
                }
            }
            out
        }
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
        "goal" if words.next().is_none() => {
            let (line, rest) = body.split_once('\n').unwrap_or((body, ""));
            let (what, figures) = line.split_once(' ').unwrap_or((line, ""));
            let pair = || {
                let (a, b) = figures.split_once(' ')?;
                Some((money(a)?, money(b)?))
            };
            let solved = match what {
                "found" => {
                    let (value, gap) = pair()?;
                    let scenario = crate::io::read_scenario(rest).ok()?;
                    if !crate::validate(&scenario).is_empty() {
                        return None;
                    }
                    Solved::Found {
                        value,
                        scenario: Box::new(scenario),
                        gap,
                    }
                }
                "always" if figures.is_empty() && rest.is_empty() => Solved::Always,
                "unreachable" if rest.is_empty() => {
                    let (best, gap) = pair()?;
                    Solved::Unreachable { best, gap }
                }
                "no" if rest.is_empty() => Solved::NotApplicable(figures.to_string()),
                _ => return None,
            };
            Some(Reply::Goal(run, solved))
        }
        "tornado" if words.next().is_none() => {
            let mut lines = body.split('\n');
            let base = money(lines.next()?)?;
            let bars = lines.map(read_bar).collect::<Option<Vec<_>>>()?;
            if bars.len() > Input::ALL.len() {
                return None;
            }
            Some(Reply::Tornado(run, Tornado { base, bars }))
        }
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

/// An amount of money in a reply, within [`MONEY_LIMIT`].
fn money(t: &str) -> Option<Decimal> {
    t.parse::<Decimal>().ok().filter(|v| v.abs() <= MONEY_LIMIT)
}

/// One bar of a sensitivity reply: input, low, high, min, max, then each
/// point as value:deficit.
fn read_bar(line: &str) -> Option<Bar> {
    let mut w = line.split(' ');
    let input = Input::from_id(w.next()?)?;
    let end = |t: Option<&str>| {
        t?.parse::<Decimal>()
            .ok()
            .filter(|v| v.abs() <= RANGE_LIMIT)
    };
    let (low, high) = (end(w.next())?, end(w.next())?);
    let (min, max) = (money(w.next()?)?, money(w.next()?)?);
    let points = w
        .map(|p| {
            let (v, left) = p.split_once(':')?;
            Some((end(Some(v))?, money(left)?))
        })
        .collect::<Option<Vec<_>>>()?;
    if points.len() > crate::sensitivity::POINTS + 1 {
        return None;
    }
    Some(Bar {
        range: Range { input, low, high },
        points,
        min,
        max,
    })
}

/// What the worker does with a request: the futures a chunk at a time,
/// with progress after each, then the fan; or the sensitivity chart; or
/// the reason it cannot.
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
    let spread = match r.job {
        Job::Fan(spread) => spread,
        Job::Goal(lever, target) => {
            let solved = crate::solve::solve(&r.scenario, lever, target);
            post(readable(&Reply::Goal(r.run, solved)));
            return;
        }
        Job::Tornado(ranges) => {
            let t = crate::sensitivity::tornado(&r.scenario, &ranges);
            post(readable(&Reply::Tornado(r.run, t)));
            return;
        }
    };
    let mut sim = Simulation::new(&r.scenario, spread, paths, seed);
    while !sim.run(CHUNK) {
        let (done, total) = sim.progress();
        post(encode_reply(&Reply::Progress(r.run, done, total)));
    }
    post(readable(&Reply::Fan(r.run, sim.fan())));
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
            job: Job::Fan(spread),
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

    /// The worker's sensitivity chart, through its messages, is
    /// `tornado`'s exactly; ranges the page could not send are refused in
    /// words; a reply with money beyond any deficit does not read.
    #[test]
    fn the_tornado_through_messages_is_the_tornado() {
        let s = crate::presets::find("haringey").unwrap().scenario();
        let mut ranges = crate::sensitivity::default_ranges();
        ranges[0].high = rust_decimal_macros::dec!(0.035);
        let text = encode_request(&Request {
            run: 3,
            job: Job::Tornado(ranges.clone()),
            scenario: s.clone(),
        });
        assert_eq!(
            decode_request(&text).unwrap().job,
            Job::Tornado(ranges.clone())
        );
        let mut replies = Vec::new();
        serve(&text, 10, 1, |m| replies.push(decode_reply(&m).unwrap()));
        let want = crate::sensitivity::tornado(&s, &ranges);
        assert_eq!(replies, [Reply::Tornado(3, want)]);

        for (bad, why) in [
            ("tornado growth -0.02 0.02 growth 0 1", "two ranges"),
            ("tornado growth -0.02 11", "within ten times"),
            ("tornado height 0 1", "names no input"),
            ("tornado growth 0", "not each an input"),
        ] {
            let wrong = text.replacen(text.lines().nth(2).unwrap(), bad, 1);
            let mut out = Vec::new();
            serve(&wrong, 10, 1, |m| out.push(decode_reply(&m).unwrap()));
            assert!(
                matches!(&out[..], [Reply::Error(3, w)] if w.contains(why)),
                "{bad}: {out:?}"
            );
        }
        assert_eq!(
            decode_reply("tornado 1\n5\ngrowth 0 1 2 3 0:1"),
            Some(Reply::Tornado(
                1,
                Tornado {
                    base: Decimal::from(5),
                    bars: vec![Bar {
                        range: Range {
                            input: Input::Growth,
                            low: Decimal::ZERO,
                            high: Decimal::ONE
                        },
                        points: vec![(Decimal::ZERO, Decimal::ONE)],
                        min: Decimal::TWO,
                        max: Decimal::from(3)
                    }],
                }
            ))
        );
        assert_eq!(
            decode_reply("tornado 1\n5\ngrowth 0 1 -79228162514264337593543950335 3"),
            None
        );
        assert_eq!(
            decode_reply("tornado 1\n79228162514264337593543950335"),
            None
        );
    }

    /// Every goal seek answer, for every lever and target year of the
    /// paper presets and a spread of councils, reaches the page readable,
    /// and a found scenario validates.
    #[test]
    fn every_goal_answer_travels_and_a_found_one_can_be_applied() {
        use crate::solve::LeverKind;
        // The paper presets (their waypoints and agreements) and a spread of
        // councils, every lever, every target year.
        let presets = crate::presets::all()
            .enumerate()
            .filter(|(i, _)| *i < 6 || i % 25 == 0);
        let mut found = 0;
        for (_, preset) in presets {
            let s = preset.scenario();
            let from = s.about.first_year.plus(1);
            let targets =
                std::iter::once(Target::Cleared).chain(s.about.years().map(Target::Balance));
            for target in targets {
                for kind in LeverKind::ALL {
                    let lever = kind.lever(from, PerSetting::from_fn(|_| false));
                    let text = encode_request(&Request {
                        run: 3,
                        job: Job::Goal(lever, target),
                        scenario: s.clone(),
                    });
                    let mut replies = Vec::new();
                    serve(&text, 10, 1, |m| replies.push(m));
                    let [reply] = &replies[..] else {
                        panic!("{}: {replies:?}", preset.id)
                    };
                    let decoded = decode_reply(reply);
                    assert!(
                        decoded.is_some(),
                        "{} {kind:?} {target:?}: the reply does not decode",
                        preset.id
                    );
                    if let Some(Reply::Goal(_, crate::solve::Solved::Found { scenario, .. })) =
                        decoded
                    {
                        found += 1;
                        assert!(
                            crate::validate::validate(&scenario).is_empty(),
                            "{} {kind:?} {target:?}",
                            preset.id
                        );
                    }
                }
            }
        }
        assert!(found > 20, "{found}");
    }

    /// An answer beyond what a reply may carry comes back as words for
    /// the same run, not as a reply the page cannot read.
    #[test]
    fn an_answer_too_large_to_carry_comes_back_as_words() {
        use rust_decimal_macros::dec;
        // Valid, but every figure at the top of its range: the sensitivity
        // chart's figures pass what a reply may carry.
        let mut s = crate::presets::find("average").unwrap().scenario();
        s.about.years = crate::validate::MAX_YEARS;
        s.about.agreement_end = s
            .about
            .first_year
            .plus(u16::from(crate::validate::MAX_YEARS) - 1);
        s.demand.ehcps = dec!(2_000_000);
        s.demand.growth = crate::scenario::Growth::constant(Decimal::ONE);
        s.baseline.growth = crate::scenario::Growth::constant(Decimal::ONE);
        for p in s.placements.settings.0.iter_mut() {
            p.cost = dec!(2_000_000);
            p.inflation = Decimal::ONE;
        }
        assert_eq!(crate::validate::validate(&s), vec![]);
        let ranges = crate::sensitivity::default_ranges();
        let text = encode_request(&Request {
            run: 5,
            job: Job::Tornado(ranges.clone()),
            scenario: s.clone(),
        });
        // Sent as it is, the chart would not be readable…
        let t = crate::sensitivity::tornado(&s, &ranges);
        assert_eq!(decode_reply(&encode_reply(&Reply::Tornado(5, t))), None);
        // …so the worker says why instead, for the same run.
        let mut out = Vec::new();
        serve(&text, 10, 1, |m| out.push(decode_reply(&m).unwrap()));
        assert!(
            matches!(&out[..], [Reply::Error(5, w)] if w.contains("too large")),
            "{out:?}"
        );
    }

    /// Goal seek through the worker's messages gives `solve`'s answer,
    /// for every kind of lever and target; a scenario in the answer must
    /// validate.
    #[test]
    fn goal_seek_through_messages_is_solve() {
        use crate::solve::LeverKind;
        let s = crate::presets::find("haringey").unwrap().scenario();
        let from = s.about.first_year.plus(1);
        let mut locks = PerSetting::from_fn(|_| false);
        locks.0[2] = true;
        let mut seen = Vec::new();
        for kind in LeverKind::ALL {
            for target in [Target::Cleared, Target::Balance(from)] {
                let lever = kind.lever(from, locks);
                let text = encode_request(&Request {
                    run: 9,
                    job: Job::Goal(lever, target),
                    scenario: s.clone(),
                });
                assert_eq!(decode_request(&text).unwrap().job, Job::Goal(lever, target));
                let mut replies = Vec::new();
                serve(&text, 10, 1, |m| replies.push(decode_reply(&m).unwrap()));
                let want = crate::solve::solve(&s, lever, target);
                seen.push(std::mem::discriminant(&want));
                assert_eq!(replies, [Reply::Goal(9, want)], "{kind:?} {target:?}");
            }
        }
        // The answers cover a found value and at least one other kind.
        assert!(seen.iter().any(|d| *d != seen[0]));
        for bad in [
            "goal growth",
            "goal inmss 01 cleared",
            "goal growth 2025 balance",
            "goal speed cleared",
            "goal inflation cleared extra",
        ] {
            let text = format!(
                "hnb-work 1\nrun 2\n{bad}\n{}",
                crate::io::write_scenario(&s)
            );
            let mut out = Vec::new();
            serve(&text, 10, 1, |m| out.push(decode_reply(&m).unwrap()));
            assert!(
                matches!(&out[..], [Reply::Error(2, w)] if w.contains("not a lever")),
                "{bad}: {out:?}"
            );
        }
        assert_eq!(
            decode_reply("goal 1\nalways"),
            Some(Reply::Goal(1, Solved::Always))
        );
        assert_eq!(decode_reply("goal 1\nfound 1 0\n{}"), None);
        assert_eq!(decode_reply("goal 1\nunreachable 1e40 0"), None);
    }
}
