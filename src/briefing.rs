//! `#/briefing`: what needs the committee's attention. The points are found
//! by `scrutineer_core::briefing`; this lays them out: a sentence of what
//! was judged, then each section's points, numbered right through so a
//! councillor can say "point 4", each with its reason, a question to ask
//! and its source, then the checks that found nothing.

use leptos::prelude::*;
use scrutineer_core::briefing::{briefing, Briefing, Section};
use scrutineer_core::route::Route;

use crate::workspace::use_workspace;

/// The briefing of the data open now, with what changed since the pack
/// compared with, where one is open.
pub fn current_briefing() -> Memo<Briefing> {
    let workspace = use_workspace();
    Memo::new(move |_| {
        let open = workspace.snapshot().get();
        workspace.compared().with(|c| {
            let comparison = c.as_ref().map(|c| c.with(&open));
            briefing(&open, comparison.as_ref())
        })
    })
}

#[component]
pub fn BriefingPage() -> impl IntoView {
    let workspace = use_workspace();
    let b = current_briefing();
    let comparing = move || workspace.compared().with(Option::is_some);
    view! {
        <h1 tabindex="-1">"Briefing: what to ask about"</h1>
        <p class="lede" data-testid="briefing-summary">{move || b.with(Briefing::summary)}</p>
        <p data-testid="briefing-scope">{move || b.with(|b| b.scope.clone())}</p>
        <p class="hint">
            "Every point comes from the figures held, by the checks "
            <a href=format!("{}#help-briefing", Route::Help.href())>"Help sets out"</a>
            ". Each suggests a question; none is a judgement."
            {move || (!comparing()).then(|| view! {
                " To add what changed since an earlier pack, "
                <a href=Route::Compare.href()>"compare with it"</a>
                "."
            })}
        </p>
        {move || view! { <BriefingBody briefing=b.get() level=2/> }}
    }
}

/// The sections, then what was checked and found clear. `level` is the
/// sections' heading level: 2 on its own page, 3 inside the printed pack.
#[component]
pub fn BriefingBody(briefing: Briefing, level: u8) -> impl IntoView {
    let mut first = 1;
    let sections = briefing
        .sections
        .iter()
        .map(|section| {
            let start = first;
            first += section.points.len();
            view! { <BriefingSection section=section.clone() start=start level=level/> }
        })
        .collect_view();
    let clear = (!briefing.clear.is_empty()).then(|| {
        let items = briefing
            .clear
            .iter()
            .map(|h| view! { <li>{h.clone()}</li> })
            .collect_view();
        view! {
            <section class="briefing-clear" aria-labelledby="briefing-clear" data-testid="briefing-clear">
                {heading(level, "briefing-clear".to_owned(), "Checked, nothing found".to_owned())}
                <ul class="list--bullet">{items}</ul>
            </section>
        }
    });
    view! {
        <div class="briefing">
            {sections}
            {clear}
        </div>
    }
}

fn heading(level: u8, id: String, text: String) -> AnyView {
    match level {
        2 => view! { <h2 id=id>{text}</h2> }.into_any(),
        _ => view! { <h3 id=id>{text}</h3> }.into_any(),
    }
}

#[component]
fn BriefingSection(section: Section, start: usize, level: u8) -> impl IntoView {
    let id = format!("briefing-{}", section.key);
    let count = section.points.len();
    let title = format!("{} ({count})", section.heading);
    let points = section
        .points
        .into_iter()
        .map(|p| {
            view! {
                <li class="briefing-point">
                    <p class="briefing-point__label"><a href=p.href>{p.label}</a></p>
                    {(!p.why.is_empty()).then(|| view! { <p class="briefing-point__why">{p.why}</p> })}
                    <p class="briefing-point__ask"><strong>"Ask: "</strong>{p.ask}</p>
                    <p class="briefing-point__source">{format!("Source: {}", p.source)}</p>
                </li>
            }
        })
        .collect_view();
    let title = heading(level, id.clone(), title);
    view! {
        <section class="briefing-section" aria-labelledby=id.clone() data-testid=id>
            {title}
            <ol class="briefing-points" start=start.to_string()>{points}</ol>
        </section>
    }
}
