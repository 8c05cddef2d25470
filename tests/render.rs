//! Render tests: the page rendered to HTML natively (Yew SSR), for each
//! preset and for a state with bad input.

use std::rc::Rc;

use hnb::app::state::{Action, State};
use hnb::app::units::Unit;
use hnb::app::{App, AppProps};
use hnb::model::field::{Field, ProjectText, Rate, Run};
use hnb::model::presets::PRESETS;
use yew::{LocalServerRenderer, Reducible};

async fn render(state: State) -> String {
    LocalServerRenderer::<App>::with_props(AppProps {
        initial: Some(Rc::new(state)),
        ..AppProps::default()
    })
    .render()
    .await
}

/// The text of some HTML, tags removed.
fn text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

fn act(s: State, a: Action) -> State {
    (*Rc::new(s).reduce(a)).clone()
}

#[tokio::test]
async fn every_preset_renders_headline_charts_and_table() {
    for p in &PRESETS {
        let html = render(State::preset(&p.id).unwrap()).await;
        let s = p.scenario();
        assert!(
            html.contains("High Needs Block deficit calculator"),
            "{}",
            p.id
        );
        assert!(
            html.contains(&format!(
                "{}, {} to {}",
                s.about.authority.replace('\'', "&#39;"),
                s.about.first_year,
                s.about.last_year()
            )),
            "{}",
            p.id
        );
        for id in [
            "deficit-chart",
            "spend-chart",
            "children-chart",
            "year-table",
            "headline-cleared",
        ] {
            assert!(html.contains(&format!("id=\"{id}\"")), "{}: {id}", p.id);
        }
        // The deficit, spending and children charts, and for a council its
        // history.
        let charts = if s.about.code.is_empty() { 3 } else { 4 };
        assert_eq!(html.matches("role=\"img\"").count(), charts, "{}", p.id);
        assert!(
            html.contains(
                "<desc id=\"deficit-svg-desc\">Without the plan the cumulative deficit goes from"
            ),
            "{}",
            p.id
        );
        let rows = html
            .split("id=\"year-table\"")
            .nth(1)
            .unwrap()
            .split("</table>")
            .next()
            .unwrap();
        assert_eq!(
            rows.matches("<th scope=\"row\">").count(),
            usize::from(s.about.years),
            "{}",
            p.id
        );
        assert!(!html.contains("There is a problem"), "{}", p.id);
    }
}

#[tokio::test]
async fn southwark_headline_and_agreed_path() {
    let html = render(State::preset("southwark").unwrap()).await;
    let t = text(&html);
    assert!(t.contains("still owed at the end of 2026-27"), "{t}");
    assert!(html.contains("series--agreed"));
    assert!(
        html.contains("£8.71m"),
        "the table shows the published balance beside the plan"
    );
    assert!(t.contains("The council's paper expects the deficit cleared by the end of 2026-27."));
}

#[tokio::test]
async fn average_headline_says_what_is_still_owed() {
    let html = render(State::initial()).await;
    assert!(text(&html).contains("No in-year balance by 2029-30"));
    assert!(text(&html).contains("£71.1m still owed at the end of 2027-28"));
    assert!(
        !html.contains("series--agreed"),
        "no agreed path without an agreement"
    );
}

#[tokio::test]
async fn bad_input_shows_messages_keeps_text_and_last_results() {
    let good = render(State::initial()).await;
    let headline = |h: &str| {
        h.split("id=\"headline-cleared\"")
            .nth(1)
            .unwrap()
            .split("</li>")
            .next()
            .unwrap()
            .to_string()
    };
    let s = act(
        State::initial(),
        Action::Type {
            field: Field::Growth(Run::Plan, Rate::Start),
            text: "nine".into(),
            unit: Unit::Percent,
            label: "EHCP growth a year, at the start of the plan".into(),
        },
    );
    let html = render(s).await;
    assert!(html.contains("There is a problem"));
    assert!(html.contains("href=\"#f-demand-growth-start\""));
    assert!(
        html.contains("EHCP growth a year, at the start of the plan must be a number, like 4.5")
    );
    assert!(html.contains("value=\"nine\""), "the typed text stays");
    assert!(html.contains("aria-invalid=\"true\""));
    assert_eq!(
        headline(&html),
        headline(&good),
        "the last valid results stay"
    );
}

#[tokio::test]
async fn the_page_has_its_share_save_and_export_tools() {
    let html = render(State::initial()).await;
    assert!(html.contains("id=\"tools\""));
    assert!(text(&html).contains("Share, save, export or print this scenario"));
    assert!(
        !html.contains("id=\"share-link\""),
        "closed, the tools draw nothing"
    );
}

#[tokio::test]
async fn embedded_the_page_is_compact() {
    let html = LocalServerRenderer::<App>::with_props(AppProps {
        embed: true,
        ..AppProps::default()
    })
    .render()
    .await;
    assert!(html.contains("app--embed"));
    assert!(!html.contains("masthead"), "no site header in a frame");
    assert!(!html.contains("id=\"share-link\""), "no tools in a frame");
    assert!(text(&html).contains("Open these figures in the full calculator"));
    assert!(html.contains("id=\"headline-cleared\""));
}

#[tokio::test]
async fn typed_names_and_notices_are_text_not_markup() {
    let payload = "<img src=x onerror=alert(1)><script>alert(2)</script>";
    let s = act(State::initial(), Action::AddProject);
    let s = act(
        s,
        Action::Text {
            field: Field::ProjectText(0, ProjectText::Name),
            text: payload.into(),
        },
    );
    let s = act(
        s,
        Action::Notify(hnb::app::state::Notice::error(
            payload,
            vec![payload.into()],
        )),
    );
    let html = render(s).await;
    assert!(
        !html.contains("<img src=x"),
        "the payload never becomes an element"
    );
    assert!(!html.contains("<script>alert"));
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
}

#[tokio::test]
async fn a_council_opens_at_its_own_balance_with_its_history() {
    let herts = render(State::preset("la:E10000015").unwrap()).await;
    let t = text(&herts);
    assert!(
        t.contains("Before 2024-25 it had £1.5m in hand from earlier years (a surplus)."),
        "{t}"
    );
    assert!(herts.contains("id=\"history-chart\""));
    assert!(t.contains("What has happened so far: Hertfordshire, 2017-18 to 2024-25"));
    assert!(t.contains("At 31 March 2024 its DSG balance was a surplus of £1.5m."));
}

#[tokio::test]
async fn a_paper_preset_shows_the_plan_beside_what_happened() {
    let html = render(State::preset("southwark").unwrap()).await;
    let t = text(&html);
    assert!(
        t.contains("What happened: at the end of 2023-24 the council's published DSG balance was a deficit of £8.7m.That is £3.4m below the agreed path (£12.1m after the DfE's payments)."),
        "{t}"
    );
    assert!(html.contains("Published balance (what happened)"));
    assert!(html.contains("marker marker--published"));
}

/// A council by age, chosen as a person does (the "by age" choice sends
/// its default levers): the panel shows the levers with the council's own
/// figures and no growth-rate fields, and the results show the by-age view
/// with the parents' sentence and a row for every age; back to one rate,
/// the growth fields return and the view goes.
#[tokio::test]
async fn a_council_by_age_renders_its_levers_and_the_by_age_view() {
    let s = State::preset("la:E09000014").unwrap();
    let by_age = act(s, Action::ByAge(Some(hnb::model::age::default_levers())));
    assert!(by_age.problems.is_empty(), "{:?}", by_age.problems);
    // Each lever's source: an assumption with the council's record, and
    // today's share from its data.
    let source = |f: Field| {
        by_age
            .draft
            .sources
            .get(&f.into())
            .map(|s| s.detail.clone())
    };
    assert!(
        source(Field::NewPlanGrowth(Run::Plan))
            .unwrap()
            .contains("401 in 2022, 268 in 2023, 204 in 2024")
    );
    assert!(
        source(Field::SecondaryMainstream)
            .unwrap()
            .contains("January 2025")
    );
    let html = render(by_age.clone()).await;
    let words = text(&html);
    assert!(words.contains("How the number of plans changes"));
    assert!(
        words.contains("New plans started in Haringey: 401 in 2022, 268 in 2023 and 204 in 2024")
    );
    assert!(words.contains(
        "of Haringey's 11-year-olds with a plan are in mainstream school (DfE SEN2, January 2025)"
    ));
    assert!(!words.contains("EHCP growth a year, at the start of the plan"));
    assert!(html.contains(r#"id="ages-chart""#));
    assert!(
        words.contains("children with a plan who start secondary school in September 2025, about")
    );
    // The table, drawn open.
    let table = LocalServerRenderer::<OpenAges>::with_props(OpenAgesProps {
        of: hnb::app::results::ResultProps {
            projection: Rc::new(hnb::model::project(&by_age.good).unwrap()),
            scenario: by_age.good.clone(),
        },
    })
    .render()
    .await;
    let body = table
        .split(r#"id="ages-table""#)
        .nth(1)
        .and_then(|t| t.split("<tbody>").nth(1))
        .and_then(|t| t.split("</tbody>").next())
        .unwrap();
    assert_eq!(body.matches("<tr>").count(), 24);
    assert!(text(body).contains("under 3"));
    let back = act(by_age, Action::ByAge(None));
    assert!(
        !back
            .draft
            .sources
            .contains_key(&Field::SecondaryMainstream.into())
    );
    assert!(back.problems.is_empty(), "{:?}", back.problems);
    let html = render(back).await;
    assert!(text(&html).contains("EHCP growth a year, at the start of the plan"));
    assert!(!html.contains(r#"id="ages-chart""#));
}

#[derive(yew::Properties, PartialEq)]
struct OpenAgesProps {
    of: hnb::app::results::ResultProps,
}

/// The by-age view with its table open.
#[yew::component]
fn OpenAges(p: &OpenAgesProps) -> yew::Html {
    use hnb::app::controls::OpenAll;
    use hnb::app::results::ChildrenByAge;
    yew::html! {
        <yew::ContextProvider<OpenAll> context={OpenAll(true)}>
            <ChildrenByAge ..p.of.clone() />
        </yew::ContextProvider<OpenAll>>
    }
}
