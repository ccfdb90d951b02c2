//! What changed since the quarter before, as the cover report lists it.

use leptos::prelude::*;
use scrutineer_core::domain::period::Period;
use scrutineer_core::register::{entry_href, Changes, Continuing, Listed};
use scrutineer_core::text::first_words;

/// What changed since the quarter before, as the cover report lists it:
/// every entry of either quarter in exactly one list, matched as the rule
/// printed under the lists says.
#[component]
pub(crate) fn ChangesPanel(
    changes: Changes,
    /// Where the two quarters are in two packs (`#/compare`): whether the
    /// data open now is the later one. Each entry then links to itself as
    /// the data open now holds it, and one only the other pack holds does
    /// not link. Without it, both quarters are in the data open now.
    #[prop(optional)]
    open_is_later: Option<bool>,
) -> impl IntoView {
    let from = changes.from;
    let to = changes.to;
    // The reference links to the entry at the quarter the words describe;
    // the rest of the line follows it.
    let item = |id: &str, at: Option<(&str, Period)>, line: String, reason: Option<String>| {
        let rest = line.strip_prefix(id).map(str::to_owned).unwrap_or(line);
        let reason = reason.map(|d| first_words(&d, 12));
        let named = match at {
            Some((linked, quarter)) => {
                view! { <a href=entry_href(linked, quarter)>{id.to_owned()}</a> }.into_any()
            }
            None => view! { <span>{id.to_owned()}</span> }.into_any(),
        };
        view! {
            <li>
                {named}{rest}
                {reason.map(|d| view! { <span class="secondary">{format!(" (reason: {d})")}</span> })}
            </li>
        }
    };
    let continuing = move |items: Vec<&Continuing>| {
        let count = items.len();
        let body = items
            .into_iter()
            .map(|c| {
                let at = match open_is_later {
                    Some(false) => (c.was_id.as_deref().unwrap_or(&c.id), from),
                    _ => (c.id.as_str(), to),
                };
                item(&c.id, Some(at), c.line(), None)
            })
            .collect_view()
            .into_any();
        (count, body)
    };
    let new = |items: &[Listed]| {
        let body = items
            .iter()
            .map(|l| {
                let at = (open_is_later != Some(false)).then_some((l.id.as_str(), to));
                item(&l.id, at, l.line(), None)
            })
            .collect_view()
            .into_any();
        (items.len(), body)
    };
    // An entry that has left is named with its quarter: its reference may
    // now belong to another entry.
    let left = |items: &[Listed]| {
        let body = items
            .iter()
            .map(|l| {
                let at = (open_is_later != Some(true)).then_some((l.id.as_str(), from));
                item(&l.id, at, l.line_in(from), l.reason.clone())
            })
            .collect_view()
            .into_any();
        (items.len(), body)
    };
    let group = |title: &str, test: &'static str, (count, body): (usize, AnyView)| {
        view! {
            <div class="changes__group" data-testid=test>
                <h3 class="changes__title">{format!("{title} ({count})")}</h3>
                {if count == 0 { view! { <p class="secondary">"None."</p> }.into_any() } else { view! { <ul class="changes__list">{body}</ul> }.into_any() }}
            </div>
        }
    };
    view! {
        <section class="panel changes" aria-labelledby="changes-heading" data-testid="changes">
            <h2 class="panel__title" id="changes-heading">{format!("What changed since {from}")}</h2>
            <p>{changes.summary()}"."</p>
            <div class="changes__groups">
                {group("New entries", "changes-new", new(&changes.new))}
                {group("Re-worked: title reworded", "changes-reworked", continuing(changes.reworked()))}
                {group("No longer on the register", "changes-left", left(&changes.left))}
                {group("Residual score went up", "changes-up", continuing(changes.moved(std::cmp::Ordering::Greater)))}
                {group("Residual score went down", "changes-down", continuing(changes.moved(std::cmp::Ordering::Less)))}
                {group("Renumbered: same title, new reference", "changes-renumbered", continuing(changes.renumbered()))}
                {group("Unchanged: same reference and title", "changes-unchanged", continuing(changes.unchanged()))}
            </div>
            <p class="hint" data-testid="changes-rule">{scrutineer_core::register::matching_rule()}</p>
        </section>
    }
}
