use leptos::prelude::*;
use scrutineer_core::domain::risk::EntryKind;

use crate::components::{EmptyState, TableRegion};
use crate::state::use_snapshot;

/// `#/risks`: the register's entries with their latest scores.
#[component]
pub fn RisksPage() -> impl IntoView {
    let snapshot = use_snapshot();
    let empty = move || snapshot.with(|s| s.register.is_empty());
    view! {
        <h1 tabindex="-1">"Risks and opportunities"</h1>
        <p class="lede">
            "The corporate risk and opportunity register: each entry scored by impact and likelihood."
        </p>
        <Show when=move || !empty() fallback=|| view! { <EmptyState what="risks or opportunities"/> }>
            <EntryTable kind=EntryKind::Risk heading="Risks"/>
            <EntryTable kind=EntryKind::Opportunity heading="Opportunities"/>
        </Show>
    }
}

/// The entries of one kind, each with its latest quarter's scores.
#[component]
fn EntryTable(
    /// Risks or opportunities.
    kind: EntryKind,
    /// The section heading.
    heading: &'static str,
) -> impl IntoView {
    let snapshot = use_snapshot();
    let id = format!("register-{}", heading.to_lowercase());
    let (heading_anchor, region_label) = (id.clone(), id);
    let rows = move || {
        snapshot.with(|s| {
            s.register
                .iter()
                .filter(|e| e.kind == kind)
                .filter_map(|e| e.latest().map(|a| (e.id.clone(), a.clone())))
                .map(|(id, a)| {
                    let score = |s: Option<scrutineer_core::domain::risk::Score>| {
                        s.map(|s| s.label(kind))
                            .unwrap_or_else(|| "Not printed".to_owned())
                    };
                    view! {
                        <tr>
                            <th scope="row">{id}</th>
                            <td>{a.title.clone()}</td>
                            <td>{a.period.to_string()}</td>
                            <td>{score(a.inherent)}</td>
                            <td>{score(a.residual)}</td>
                            <td>{a.owner.clone().unwrap_or_default()}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section>
            <h2 id=heading_anchor>{heading}</h2>
            <TableRegion labelled_by=region_label>
                <table class="table">
                    <thead>
                        <tr>
                            <th scope="col">"Id"</th>
                            <th scope="col">"Title"</th>
                            <th scope="col">"Latest quarter"</th>
                            <th scope="col">"Score"</th>
                            <th scope="col">"Residual score"</th>
                            <th scope="col">"Owner"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </TableRegion>
        </section>
    }
}
