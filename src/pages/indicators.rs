use leptos::prelude::*;
use scrutineer_core::snapshot::count_of;

use crate::components::EmptyState;
use crate::state::use_snapshot;

/// `#/indicators`: the indicators held, by service area, with each one's
/// latest figure.
#[component]
pub fn IndicatorsPage() -> impl IntoView {
    let snapshot = use_snapshot();
    let empty = move || snapshot.with(|s| s.indicators.is_empty());
    view! {
        <h1 tabindex="-1">"Performance indicators"</h1>
        <p class="lede">"How the council is doing, by service area: each indicator's latest figure."</p>
        <Show when=move || !empty() fallback=|| view! { <EmptyState what="performance indicators"/> }>
            <p data-testid="indicator-count">
                {move || snapshot.with(|s| format!(
                    "{} in {}.",
                    count_of(s.indicators.len(), "indicator", "indicators"),
                    count_of(s.service_areas.len(), "service area", "service areas")
                ))}
            </p>
            {move || snapshot.with(|s| {
                s.service_areas
                    .iter()
                    .map(|area| {
                        let rows = s
                            .indicators
                            .iter()
                            .filter(|i| i.service_area == area.id)
                            .map(|i| {
                                let (period, value) = i
                                    .latest()
                                    .map(|o| (o.period.to_string(), o.value.display(i.unit)))
                                    .unwrap_or_else(|| ("None held".to_owned(), String::new()));
                                view! {
                                    <tr>
                                        <th scope="row">{i.name.clone()}</th>
                                        <td>{polarity_words(i.polarity)}</td>
                                        <td>{period}</td>
                                        <td class="numeric">{value}</td>
                                    </tr>
                                }
                            })
                            .collect_view();
                        let heading_id = format!("area-{}", area.id);
        let (heading_anchor, region_label) = (heading_id.clone(), heading_id);
                        view! {
                            <section>
                                <h2 id=heading_anchor>{area.name.clone()}</h2>
                                <div class="table-scroll" tabindex="0" role="region" aria-labelledby=region_label>
                                    <table class="table">
                                        <thead>
                                            <tr>
                                                <th scope="col">"Indicator"</th>
                                                <th scope="col">"Good is"</th>
                                                <th scope="col">"Latest period"</th>
                                                <th scope="col" class="numeric">"Latest figure"</th>
                                            </tr>
                                        </thead>
                                        <tbody>{rows}</tbody>
                                    </table>
                                </div>
                            </section>
                        }
                    })
                    .collect_view()
            })}
        </Show>
    }
}

fn polarity_words(polarity: scrutineer_core::domain::rag::Polarity) -> &'static str {
    use scrutineer_core::domain::rag::Polarity;
    match polarity {
        Polarity::High => "High",
        Polarity::Low => "Low",
        Polarity::None => "Context only",
    }
}

/// `#/indicators/<id>`: one indicator in depth.
#[component]
pub fn IndicatorPage(
    /// The indicator's id, as the link gave it.
    id: String,
) -> impl IntoView {
    view! {
        <p class="breadcrumb"><a href="#/indicators">"All indicators"</a></p>
        <h1 tabindex="-1">"Indicator " {id.clone()}</h1>
        <p>"This snapshot has no indicator with the id " <strong>{id}</strong> "."</p>
        <p>
            "Check the link, or go back to "
            <a href="#/indicators">"all indicators"</a>
            "."
        </p>
    }
}
