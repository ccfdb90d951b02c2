//! `#/pack`: the committee pack to print: a cover, then each feature's
//! tables, matrices and charts, on A4 pages numbered "Page N of M".

use leptos::prelude::*;
use scrutineer_core::briefing::briefing;
use scrutineer_core::compare::Comparison;
use scrutineer_core::domain::risk::EntryKind;
use scrutineer_core::indicators::overview::{overview, Filter};
use scrutineer_core::pack::{complaints_heading, id_prefix, Pack};
use scrutineer_core::register::{previous_quarter, rows, Changes, Layer, Matrix, RegisterFilter};
use scrutineer_core::route::Route;
use scrutineer_core::text::or_not_recorded;

use crate::briefing::BriefingBody;
use crate::browser;
use crate::complaints::figures;
use crate::components::{EmptyState, FigureBlock, InPack};
use crate::indicators::{AreaTableView, RagKey};
use crate::register::MatrixTable;
use crate::register::{ChangesPanel, EntryTable};
use crate::state::use_snapshot;
use crate::workspace::use_workspace;

/// `#/pack`: the committee pack as it prints: a cover, the briefing, then the indicators,
/// the risk register and the complaints report, each starting a new page
/// (see the print rules in style/main.css). On screen it is the preview,
/// with the button that prints it.
#[component]
pub fn PackPage() -> impl IntoView {
    let snapshot = use_snapshot();
    let workspace = use_workspace();
    view! {
        <div class="pack-intro">
            <h1 tabindex="-1">"Committee pack"</h1>
            <p class="lede">
                "Everything open, set out for a meeting: a cover, the briefing of what to ask about, the performance indicators, the risk register "
                "and the complaints report, each starting on a new page, with ratings in words as well as colour."
            </p>
            <div class="button-group">
                <button type="button" class="button" data-testid="print-pack" on:click=|_| browser::print()>
                    "Print pack"
                </button>
            </div>
            <p class="hint">
                "To keep a PDF, choose \u{201c}Save as PDF\u{201d} as the printer. Pages are numbered at the foot. "
                "What follows is the pack as it will print."
            </p>
        </div>
        // Drawn again whenever the data changes (another tab, an import), not only
        // when the pack's periods do: the sections read the data as they are built.
        {move || workspace.compared().with(|c| c.as_ref().map(|c| c.name.clone())).map(|name| view! {
            <p class="hint pack-intro" data-testid="pack-starts-with-changes">
                {format!("Its briefing ends with what changed since {name}, from ")}
                <a href=Route::Compare.href()>"Compare"</a>
                ". To leave that out, stop comparing there."
            </p>
        })}
        {move || {
            let pack = snapshot.with(|s| Pack::of(s));
            let changes = workspace
                .compared()
                .with(|c| c.as_ref().map(|c| snapshot.with(|s| c.with(s))));
            view! {
                <article class="pack" aria-label="The pack as it prints">
                    <Cover pack=pack.clone()/>
                    <BriefingSection pack=pack.clone() comparison=changes/>
                    <IndicatorsSection pack=pack.clone()/>
                    <RisksSection pack=pack.clone()/>
                    <ComplaintsSection pack=pack/>
                </article>
            }
        }}
    }
}

#[component]
fn Cover(pack: Pack) -> impl IntoView {
    let snapshot = use_snapshot();
    let (organisation, title, as_at, prepared) = snapshot.with(|s| {
        (
            s.organisation.clone(),
            s.title.clone(),
            s.as_at_label(),
            s.prepared_by.clone(),
        )
    });
    let printed = scrutineer_core::dates::long_date(browser::today());
    view! {
        <section class="pack-cover" aria-labelledby="pack-title" data-testid="pack-cover">
            <p class="pack-cover__org">{organisation}</p>
            <h2 class="pack-cover__title" id="pack-title">{title}</h2>
            <p class="pack-cover__as-at">{as_at}</p>
            <dl class="summary-list pack-cover__details">
                <div class="summary-list__row"><dt>"Prepared by"</dt><dd>{or_not_recorded(prepared)}</dd></div>
                <div class="summary-list__row"><dt>"Printed"</dt><dd>{printed}</dd></div>
            </dl>
            <h3>"Contents"</h3>
            <ol class="pack-contents">
                {pack.sections().into_iter().map(|s| view! { <li><a href=format!("#{}", s.id) on:click=move |ev| {
                    ev.prevent_default();
                    browser::focus_id(s.id);
                }>{s.title}</a></li> }).collect_view()}
            </ol>
        </section>
    }
}

/// A section of the pack, headed from the pack's own list, so the cover and the pages agree.
fn pack_section(pack: &Pack, index: usize, body: AnyView) -> impl IntoView {
    let section = pack.sections()[index].clone();
    view! {
        <section class="pack-section" aria-labelledby=section.id>
            <h2 class="pack-section__title" id=section.id tabindex="-1">{section.title}</h2>
            {body}
        </section>
    }
}

/// The briefing, first after the cover: what to ask about, as on
/// `#/briefing`, ending with what changed since the pack compared with.
#[component]
fn BriefingSection(pack: Pack, comparison: Option<Comparison>) -> impl IntoView {
    let b = use_snapshot().with(|s| briefing(s, comparison.as_ref()));
    let body = view! {
        <p class="lede" data-testid="pack-briefing-summary">{b.summary()}</p>
        <p>{b.scope.clone()}</p>
        <BriefingBody briefing=b level=3/>
    }
    .into_any();
    pack_section(&pack, 0, body)
}

#[component]
fn IndicatorsSection(pack: Pack) -> impl IntoView {
    let snapshot = use_snapshot();
    let body = match pack.period {
        None => view! { <EmptyState what="performance indicators"/> }.into_any(),
        Some(period) => {
            let (summary, tables) = snapshot.with(|s| {
                (
                    pack.indicators_summary(s),
                    overview(s, &Filter::default(), &period),
                )
            });
            view! {
                <p data-testid="pack-indicators-summary">{summary}</p>
                <RagKey/>
                {tables.into_iter().map(|t| view! { <AreaTableView table=std::sync::Arc::new(t) period=period pack=true/> }).collect_view()}
            }
            .into_any()
        }
    };
    pack_section(&pack, 1, body)
}

#[component]
fn RisksSection(pack: Pack) -> impl IntoView {
    let snapshot = use_snapshot();
    let body = match pack.quarter {
        None => view! { <EmptyState what="risks or opportunities"/> }.into_any(),
        Some(quarter) => {
            let filter = RegisterFilter {
                quarter: Some(quarter),
                layer: Layer::Residual,
                ..RegisterFilter::default()
            };
            let today = browser::today();
            let (listed, changes, bands) = snapshot.with(|s| {
                (
                    rows(s, &filter, &quarter, today, true),
                    previous_quarter(s, &quarter).map(|p| Changes::between(s, p, quarter)),
                    s.settings.clone(),
                )
            });
            let kinds = [EntryKind::Risk, EntryKind::Opportunity];
            let listed = Memo::new(move |_| listed.clone());
            view! {
                <p>"Each entry is placed by its residual score: impact and likelihood after the controls in place."</p>
                {kinds.into_iter().map(|kind| {
                    let matrix = Memo::new({
                        let bands = bands.clone();
                        move |_| listed.with(|r| Matrix::build(r, kind, &bands.bands_for(kind)))
                    });
                    view! {
                        <h3>{format!("{} matrix, {quarter}", kind.heading())}</h3>
                        <MatrixTable matrix=matrix kind=kind/>
                    }
                }).collect_view()}
                {changes.map(|c| view! { <ChangesPanel changes=c/> })}
                <h3>{format!("The register, {quarter}")}</h3>
                {kinds.into_iter().map(|kind| view! {
                    <EntryTable kind=kind rows=listed layer=Signal::derive(|| Layer::Residual)/>
                }).collect_view()}
            }
            .into_any()
        }
    };
    pack_section(&pack, 2, body)
}

#[component]
fn ComplaintsSection(pack: Pack) -> impl IntoView {
    let snapshot = use_snapshot();
    let body = if pack.complaints.is_empty() {
        view! { <EmptyState what="complaints or compliments figures"/> }.into_any()
    } else {
        pack.complaints
            .iter()
            .map(|choice| {
                let prefix = id_prefix(choice.procedure);
                let report = complaints_heading(choice);
                let (drawn, under) =
                    snapshot.with(|s| (figures(s, choice), s.settings.small_numbers));
                view! {
                    <section class="pack-report" aria-labelledby=format!("{prefix}-heading")>
                        <h3 id=format!("{prefix}-heading")>{report.clone()}</h3>
                        {drawn.into_iter().map(|(figure, kind)| {
                            let place = InPack { prefix: prefix.clone(), report: report.clone() };
                            view! { <FigureBlock figure=figure kind=kind under=under pack=place/> }
                        }).collect_view()}
                    </section>
                }
            })
            .collect_view()
            .into_any()
    };
    pack_section(&pack, 3, body)
}
