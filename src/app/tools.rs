//! Passing a scenario on: the share link, scenarios saved in this browser,
//! files to download and open, the print view and the embed code.

use std::rc::Rc;

use yew::platform::spawn_local;
use yew::prelude::*;

use super::browser;
use super::context::use_dispatch;
use super::disclosure::Disclosure;
use super::state::{Action, Notice, View};
use crate::model::Scenario;
use crate::model::export::projection_csv;
use crate::model::io::{MAX_FILE_BYTES, read_scenario, write_scenario};
use crate::model::project;
use crate::model::store::{MAX_NAME_CHARS, Saved};

/// Props of [`Tools`].
#[derive(Properties, PartialEq, Clone)]
pub struct ToolsProps {
    /// The preset the work started from.
    pub preset: AttrValue,
    /// The last valid scenario.
    pub scenario: Rc<Scenario>,
    /// The share link (the whole address).
    pub link: AttrValue,
    /// Scenarios saved in this browser.
    pub saves: Rc<Vec<Saved>>,
}

/// A file name from the authority's name: `haringey-hnb-scenario.json`.
pub fn file_stem(s: &Scenario) -> String {
    let mut out = String::new();
    for c in s.about.authority.chars().map(|c| c.to_ascii_lowercase()) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    let out: String = out.chars().take(40).collect();
    if out.is_empty() {
        "scenario".into()
    } else {
        out
    }
}

/// The embed code for the page at `url` on `origin`.
pub fn embed_snippet(url: &str, origin: &str) -> String {
    format!(
        r#"<iframe id="hnb-calculator" src="{url}?embed=1" title="High Needs Block deficit calculator" style="width:100%;border:0;height:900px" loading="lazy"></iframe>
<script>
  // Fits the frame to the calculator: it sends its height when it changes.
  window.addEventListener("message", function (e) {{
    var frame = document.getElementById("hnb-calculator");
    if (e.origin !== "{origin}" || e.source !== frame.contentWindow) return;
    if (e.data && e.data.type === "hnb-height" && typeof e.data.height === "number") {{
      frame.style.height = Math.min(Math.max(e.data.height, 300), 20000) + "px";
    }}
  }});
</script>"#
    )
}

/// The share, save, export, print and embed tools.
#[component]
pub fn Tools(p: &ToolsProps) -> Html {
    let dispatch = use_dispatch();
    let copied = use_state(String::new);
    let name = use_state(String::new);
    let name_error = use_state(|| None::<String>);

    let copy = |text: AttrValue, what: &'static str| {
        let copied = copied.clone();
        Callback::from(move |_: MouseEvent| {
            let copied = copied.clone();
            let text = text.to_string();
            spawn_local(async move {
                copied.set(match browser::copy(text).await {
                    Ok(()) => format!("{what} copied."),
                    Err(_) => format!(
                        "Your browser did not allow copying: select the {} and copy it.",
                        what.to_ascii_lowercase()
                    ),
                });
            });
        })
    };
    let on_copy_link = copy(p.link.clone(), "Link");

    let on_name = {
        let name = name.clone();
        Callback::from(move |e: InputEvent| {
            let el: web_sys::HtmlInputElement = e.target_unchecked_into();
            name.set(el.value());
        })
    };
    let on_save = {
        let name = name.clone();
        let name_error = name_error.clone();
        let dispatch = dispatch.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match crate::model::store::tidy_name(&name) {
                Some(n) => {
                    name_error.set(None);
                    dispatch.dispatch(Action::Save {
                        name: n,
                        at: browser::now_iso(),
                    });
                    name.set(String::new());
                }
                None => name_error.set(Some("Enter a name for the scenario".into())),
            }
        })
    };

    let scenario = p.scenario.clone();
    let on_csv = {
        let dispatch = dispatch.clone();
        let s = scenario.clone();
        Callback::from(move |_: MouseEvent| {
            let result = project(&s)
                .map_err(|_| "The scenario has problems".to_string())
                .and_then(|pr| {
                    browser::download(
                        &format!("{}-year-by-year.csv", file_stem(&s)),
                        "text/csv;charset=utf-8",
                        &projection_csv(&pr),
                    )
                });
            if let Err(e) = result {
                dispatch.dispatch(Action::Notify(Notice::error(
                    "The table could not be downloaded.",
                    vec![e],
                )));
            }
        })
    };
    let on_json = {
        let dispatch = dispatch.clone();
        let s = scenario.clone();
        Callback::from(move |_: MouseEvent| {
            if let Err(e) = browser::download(
                &format!("{}-hnb-scenario.json", file_stem(&s)),
                "application/json",
                &write_scenario(&s),
            ) {
                dispatch.dispatch(Action::Notify(Notice::error(
                    "The scenario could not be downloaded.",
                    vec![e],
                )));
            }
        })
    };
    let on_upload = {
        let dispatch = dispatch.clone();
        let preset = p.preset.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            // The same file can be chosen again after it is corrected.
            input.set_value("");
            let dispatch = dispatch.clone();
            let preset = preset.to_string();
            let file_name = crate::model::format::quote(&file.name());
            if file.size() > MAX_FILE_BYTES as f64 {
                dispatch.dispatch(Action::Notify(Notice::error(
                    format!("{file_name} could not be opened."),
                    vec![format!(
                        "It is larger than a scenario file can be ({} KB at most).",
                        MAX_FILE_BYTES / 1000
                    )],
                )));
                return;
            }
            spawn_local(async move {
                let action = match browser::read_file(file).await.map(|t| read_scenario(&t)) {
                    Ok(Ok(scenario)) => Action::Open {
                        preset,
                        scenario: Rc::new(scenario),
                        notice: Some(Notice::info(format!("Opened {file_name}."))),
                    },
                    Ok(Err(problems)) => Action::Notify(Notice::error(
                        format!(
                            "{file_name} could not be opened. Nothing on the page has changed."
                        ),
                        problems
                            .iter()
                            .take(20)
                            .map(|p| p.message.clone())
                            .chain((problems.len() > 20).then(|| {
                                format!("… and {} more problems", problems.len().saturating_sub(20))
                            }))
                            .collect(),
                    )),
                    Err(e) => Action::Notify(Notice::error(
                        format!("{file_name} could not be opened."),
                        vec![e],
                    )),
                };
                dispatch.dispatch(action);
            });
        })
    };
    let on_print = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Show(View::Print)))
    };
    let compare_published = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Show(View::Compare(None))))
    };
    let snippet: AttrValue = embed_snippet(&browser::base_url(), &browser::origin()).into();
    let on_copy_snippet = copy(snippet.clone(), "Embed code");

    html! {
        <Disclosure class="tools" id={AttrValue::from("tools")} summary_class="tools__summary" body_class="tools__body"
            summary={html! { <span class="tools__title">{ "Share, save, export or print this scenario" }</span> }}>
            <div class="field">
                <label class="field__label" for="share-link">{ "Link to this scenario" }</label>
                <div class="hint" id="share-link-hint">{ "Anyone with the link sees exactly these figures. The scenario is in the link itself; nothing is stored anywhere else." }</div>
                <div class="tools__row">
                    <input id="share-link" class="input input--link" type="text" readonly=true value={p.link.clone()} aria-describedby="share-link-hint" />
                    <button type="button" class="button" id="copy-link" onclick={on_copy_link}>{ "Copy link" }</button>
                </div>
                <p class="tools__status" role="status" aria-live="polite">{ (*copied).clone() }</p>
            </div>
            <div class="tools__row tools__row--buttons">
                <button type="button" class="button button--secondary" id="download-csv" onclick={on_csv}>{ "Download the table (CSV)" }</button>
                <button type="button" class="button button--secondary" id="download-json" onclick={on_json}>{ "Download the scenario (JSON)" }</button>
                <button type="button" class="button button--secondary" id="print-view" onclick={on_print}>{ "Print view" }</button>
                <button type="button" class="button button--secondary" id="compare-published" onclick={compare_published}>{ "Compare with the figures as published" }</button>
            </div>
            <div class="field">
                <label class="field__label" for="upload">{ "Open a scenario file (JSON)" }</label>
                <div class="hint" id="upload-hint">{ "A file downloaded from this calculator, or from the hnb tool. It is read in your browser, never uploaded." }</div>
                <input id="upload" class="file" type="file" accept=".json,application/json" aria-describedby="upload-hint" onchange={on_upload} />
            </div>
            <Disclosure class="details" id={AttrValue::from("saved")} open={!p.saves.is_empty()} summary={html! { { format!("Saved in this browser ({})", p.saves.len()) } }}>
                <form class="tools__save" onsubmit={on_save} novalidate=true>
                    <div class={classes!("field", name_error.is_some().then_some("field--error"))}>
                        <label class="field__label" for="save-name">{ "Name this scenario" }</label>
                        if let Some(e) = &*name_error {
                            <p class="field__error" id="save-name-error"><span class="visually-hidden">{ "Error: " }</span>{ e.clone() }</p>
                        }
                        <div class="tools__row">
                            <input id="save-name" class="input" type="text" maxlength={MAX_NAME_CHARS.to_string()} value={(*name).clone()} oninput={on_name}
                                aria-describedby={name_error.is_some().then_some("save-name-error")} />
                            <button type="submit" class="button" id="save">{ "Save" }</button>
                        </div>
                    </div>
                </form>
                if p.saves.is_empty() {
                    <p class="hint">{ "Scenarios you save are kept in this browser only, until you delete them." }</p>
                } else {
                    <ul class="saves">
                        { for p.saves.iter().enumerate().map(|(i, s)| {
                            let act = |a: Action| {
                                let dispatch = dispatch.clone();
                                Callback::from(move |_: MouseEvent| dispatch.dispatch(a.clone()))
                            };
                            let open = act(Action::OpenSaved(i));
                            let delete = act(Action::DeleteSaved(i));
                            let compare = act(Action::Show(View::Compare(Some(i))));
                            html! {
                                <li class="saves__item">
                                    <span class="saves__name">{ s.name.clone() }</span>
                                    <span class="saves__when">{ s.saved.chars().take(10).collect::<String>() }</span>
                                    <span class="saves__actions">
                                        <button type="button" class="button button--small" onclick={open} aria-label={format!("Open: {}", s.name)}>{ "Open" }</button>
                                        <button type="button" class="button button--small button--secondary" onclick={compare} aria-label={format!("Compare with: {}", s.name)}>{ "Compare" }</button>
                                        <button type="button" class="button button--small button--warning" onclick={delete} aria-label={format!("Delete: {}", s.name)}>{ "Delete" }</button>
                                    </span>
                                </li>
                            }
                        }) }
                    </ul>
                }
            </Disclosure>
            <Disclosure class="details" id={AttrValue::from("embed")} summary={html! { { "Embed this calculator on your website" } }}>
                <p>{ "Paste this into a page, for example your Local Offer page. The calculator then fits its frame as it grows and shrinks. It sends nothing but its height, and the code only listens to this calculator." }</p>
                <label class="field__label" for="embed-code">{ "Embed code" }</label>
                <textarea id="embed-code" class="textarea textarea--code" readonly=true rows="12" value={snippet.clone()} />
                <button type="button" class="button button--secondary" onclick={on_copy_snippet}>{ "Copy embed code" }</button>
            </Disclosure>
        </Disclosure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_tidy() {
        let mut s = crate::model::presets::find("isle-of-wight")
            .unwrap()
            .scenario();
        assert_eq!(file_stem(&s), "isle-of-wight");
        s.about.authority = "<script>/../".into();
        assert_eq!(file_stem(&s), "script");
        s.about.authority = "££".into();
        assert_eq!(file_stem(&s), "scenario");
    }

    #[test]
    fn the_embed_code_checks_origin_and_source() {
        let s = embed_snippet("https://example.org/hnb/", "https://example.org");
        assert!(s.contains(r#"src="https://example.org/hnb/?embed=1""#));
        assert!(s.contains(r#"e.origin !== "https://example.org""#));
        assert!(s.contains("e.source !== frame.contentWindow"));
    }
}
