use leptos::prelude::*;
use scrutineer_core::domain::complaints::Procedure;

use crate::components::{EmptyState, TableRegion};
use crate::state::use_snapshot;

/// `#/complaints`: complaints received by year and procedure, and compliments.
#[component]
pub fn ComplaintsPage() -> impl IntoView {
    let snapshot = use_snapshot();
    let empty = move || snapshot.with(|s| s.complaints.is_empty());
    view! {
        <h1 tabindex="-1">"Complaints and compliments"</h1>
        <p class="lede">
            "Complaints and compliments by year, stage, outcome and service, with Ombudsman figures."
        </p>
        <Show when=move || !empty() fallback=|| view! { <EmptyState what="complaints or compliments figures"/> }>
            <FigureTable heading="Complaints received" id="received" pick=|c| c.received/>
            <FigureTable heading="Compliments received" id="compliments" pick=|c| c.compliments/>
        </Show>
    }
}

/// One figure per financial year (rows) and procedure (columns); a blank
/// means the report gives no figure, never zero.
#[component]
fn FigureTable(
    heading: &'static str,
    id: &'static str,
    /// Which figure of a year's record to show.
    pick: fn(&scrutineer_core::domain::complaints::ComplaintsYear) -> Option<u32>,
) -> impl IntoView {
    let snapshot = use_snapshot();
    let table = move || {
        snapshot.with(|s| {
            let mut years: Vec<_> = s.complaints.iter().map(|c| c.year).collect();
            years.sort_by(|a, b| a.timeline_cmp(b));
            years.dedup();
            years
                .into_iter()
                .map(|year| {
                    let cells = Procedure::ALL
                        .iter()
                        .map(|p| {
                            let figure = s
                                .complaints
                                .iter()
                                .find(|c| c.year == year && c.procedure == *p)
                                .and_then(pick)
                                .map(|n| {
                                    scrutineer_core::domain::value::group_thousands(f64::from(n), 0)
                                })
                                .unwrap_or_else(|| "Not given".to_owned());
                            view! { <td class="numeric">{figure}</td> }
                        })
                        .collect_view();
                    view! { <tr><th scope="row">{year.to_string()}</th>{cells}</tr> }
                })
                .collect_view()
        })
    };
    let heading_id = format!("complaints-{id}");
    let (heading_anchor, region_label) = (heading_id.clone(), heading_id);
    view! {
        <section>
            <h2 id=heading_anchor>{heading}</h2>
            <TableRegion labelled_by=region_label>
                <table class="table">
                    <thead>
                        <tr>
                            <th scope="col">"Year"</th>
                            {Procedure::ALL.iter().map(|p| view! { <th scope="col" class="numeric">{p.label()}</th> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>{table}</tbody>
                </table>
            </TableRegion>
        </section>
    }
}
