//! `#/indicators`: the period picker, the counts, the filters and a table
//! per service area.

use std::cell::RefCell;
use std::sync::{Arc, Weak};

use leptos::prelude::*;
use scrutineer_core::domain::period::Period;
use scrutineer_core::domain::snapshot::Snapshot;
use scrutineer_core::indicators::overview::{
    default_among, overview_counted, reporting_periods, results_line, AreaTable, Filter,
    Signal as SpcSignal, Standing, Tally, Travel,
};
use scrutineer_core::route::Route;
use scrutineer_core::spc::{Assurance, FEWEST_POINTS as FEWEST};

use super::table::AreaTableView;
use crate::components::{EmptyState, LinkNote};
use crate::state::{use_query, use_snapshot};

/// Every figure as a spreadsheet: long form, one row per indicator and period.
fn download_csv(
    snapshot: ReadSignal<std::sync::Arc<scrutineer_core::domain::snapshot::Snapshot>>,
    notices: crate::state::Notices,
) {
    let (name, text) = snapshot.with_untracked(|s| {
        let stem = scrutineer_core::file::store::file_name(s);
        let stem = stem.trim_end_matches(".json").to_owned();
        (
            format!("{stem}-figures.csv"),
            scrutineer_core::indicators::csv::export_figures(s),
        )
    });
    if crate::browser::download(&name, &text, "text/csv") {
        notices.status(format!(
            "Downloaded \u{201c}{name}\u{201d}: every figure, one row each, for Excel."
        ));
    }
}

/// The overview last worked out, and the periods of the data last shown.
/// Going back to `#/indicators` from an indicator, the usual way through a
/// pack in a meeting, draws the same overview again: it is not worked out
/// again. Each is for the data it was worked out from, held weakly (so the
/// data itself is not kept alive by it, and an edit, which is new data, is
/// never shown an old overview), and for the same filter and period. What
/// it holds, one overview's tables and so their rows' HTML (about 2 MB for
/// 1,000 indicators), stays until the overview is next worked out for other
/// data, filter or period.
struct Last {
    data: Weak<Snapshot>,
    filter: Filter,
    period: Period,
    tables: Vec<Arc<AreaTable>>,
    tally: Tally,
}

thread_local! {
    static LAST: RefCell<Option<Last>> = const { RefCell::new(None) };
    static PERIODS: RefCell<Option<(Weak<Snapshot>, Vec<Period>)>> = const { RefCell::new(None) };
}

/// Whether `held` is a weak hold on `data` itself. While the hold lasts the
/// allocation is not freed, so no other data can come to have its address.
fn same_data(held: &Weak<Snapshot>, data: &Arc<Snapshot>) -> bool {
    std::ptr::eq(held.as_ptr(), Arc::as_ptr(data))
}

/// The overview's tables and counts of `data` for `filter` at `period`.
fn worked_out(
    data: &Arc<Snapshot>,
    filter: &Filter,
    period: &Period,
) -> (Vec<Arc<AreaTable>>, Tally) {
    LAST.with_borrow_mut(|last| {
        if let Some(l) = last
            .as_ref()
            .filter(|l| same_data(&l.data, data) && l.filter == *filter && l.period == *period)
        {
            return (l.tables.clone(), l.tally.clone());
        }
        let (tables, tally) = overview_counted(data, filter, period);
        let tables: Vec<Arc<AreaTable>> = tables.into_iter().map(Arc::new).collect();
        *last = Some(Last {
            data: Arc::downgrade(data),
            filter: filter.clone(),
            period: *period,
            tables: tables.clone(),
            tally: tally.clone(),
        });
        (tables, tally)
    })
}

/// [`reporting_periods`] of `data`, worked out once per data.
fn periods_of(data: &Arc<Snapshot>) -> Vec<Period> {
    PERIODS.with_borrow_mut(|last| match last {
        Some((held, periods)) if same_data(held, data) => periods.clone(),
        _ => {
            let periods = reporting_periods(data);
            *last = Some((Arc::downgrade(data), periods.clone()));
            periods
        }
    })
}

/// `#/indicators`: the quarter's performance at a glance, with filters in the address.
#[component]
pub fn IndicatorsPage() -> impl IntoView {
    let snapshot = use_snapshot();
    let query = use_query();
    let filter = Memo::new(move |_| query.with(|q| Filter::from_query(q)));
    // Worked out once per snapshot, not again at every change of period.
    let periods = Memo::new(move |_| snapshot.with(periods_of));
    let period = Memo::new(move |_| {
        filter
            .with(|f| f.period)
            .or_else(|| periods.with(|p| default_among(p)))
    });
    let empty = move || snapshot.with(|s| s.indicators.is_empty());
    // A mistyped or out-of-date link says what was not understood.
    let link_problem =
        Signal::derive(move || periods.with(|p| query.with(|q| Filter::link_problem(p, q))));
    view! {
        <h1 tabindex="-1">"Performance indicators"</h1>
        <LinkNote text=link_problem/>
        <Show when=move || !empty() fallback=|| view! { <EmptyState what="performance indicators"/> }>
            <Show when=move || period.with(Option::is_some)>
                <Overview filter=filter period=period periods=periods/>
            </Show>
        </Show>
    }
}

/// The picker, the counts, the filters and the tables. They stay on the
/// page when the period changes, and only what the period changes is drawn
/// again: the counts, the tables and the links, not the picker and the form
/// (so focus stays in the picker).
#[component]
fn Overview(
    filter: Memo<Filter>,
    /// Shown only while there is a period (`IndicatorsPage`).
    period: Memo<Option<Period>>,
    periods: Memo<Vec<Period>>,
) -> impl IntoView {
    let snapshot = use_snapshot();
    // Once there is none the overview is taken off the page; until then the
    // last period shown stands.
    let period = Memo::new(move |last: Option<&Period>| {
        period
            .get()
            .or_else(|| last.copied())
            .expect("the overview is shown only with a period")
    });
    // Counts ignore the rating and direction filters, so they show the
    // whole picture. Worked out with the tables: each indicator judged once
    // where the filter lets the counts and the tables hold the same ones.
    let counted = Memo::new(move |_| {
        snapshot.with(|s| filter.with(|f| period.with(|p| worked_out(s, f, p))))
    });
    let tally = Memo::new(move |_| counted.with(|(_, tally)| tally.clone()));
    // Shared, not copied: a 1,000-row pack's tables are drawn from these.
    let tables = Memo::new(move |_| counted.with(|(tables, _)| tables.clone()));
    view! {
        <div class="toolbar toolbar--compact toolbar--head">
            <PeriodPicker filter=filter period=period periods=periods/>
        </div>
        <div class="count-bar">
            <StandingCounts filter=filter period=period tally=tally/>
            <TravelCounts filter=filter period=period tally=tally/>
        </div>
        <SpcCounts filter=filter period=period tally=tally/>
        <FilterForm filter=filter period=period/>
        <ResultsBar filter=filter period=period tables=tables/>
        // The count chips above are the key: each shape with its words.
        // Keyed by each table itself: a table worked out afresh (a new
        // period, filter or data) is built off the page and put in place of
        // the old one, which is quicker for the browser than rewriting the
        // rows of a table on the page; the same tables drawn again are left.
        <For
            each=move || tables.get()
            key=|table| Arc::as_ptr(table) as usize
            children=move |table| view! { <AreaTableView table=table period=period.get_untracked()/> }
        />
    }
}

/// "Are we achieving our targets?": how many indicators have each standing
/// in `period`, each count a link that filters the tables by it.
#[component]
fn StandingCounts(
    /// The filter in the address.
    filter: Memo<Filter>,
    /// The period shown.
    period: Memo<Period>,
    /// The counts, ignoring the standing and direction filters.
    tally: Memo<Tally>,
) -> impl IntoView {
    let chips = Standing::ALL.into_iter().map(|s| {
        view! {
            <CountChip
                count=Signal::derive(move || tally.with(|t| t.standing(s)))
                href=Signal::derive(move || filter.with(|f| f.toggle_standing(s, period.get()).href()))
                current=Signal::derive(move || filter.with(|f| f.standing == Some(s)))
                label=s.label()
            >
                <StandingBadge standing=s/>
            </CountChip>
        }
    });
    view! {
        <section class="count-group" aria-labelledby="targets-heading">
            <h2 id="targets-heading" class="count-group__title">{move || format!("Are we achieving our targets? ({})", period.get())}</h2>
            <ul class="count-chips" data-testid="standing-counts">{chips.collect_view()}</ul>
        </section>
    }
}

/// "Are we getting better?": how many indicators have each direction of
/// travel in `period`, each count a link that filters the tables by it.
#[component]
fn TravelCounts(
    /// The filter in the address.
    filter: Memo<Filter>,
    /// The period shown.
    period: Memo<Period>,
    /// The counts, ignoring the standing and direction filters.
    tally: Memo<Tally>,
) -> impl IntoView {
    let chips = Travel::ALL.into_iter().map(|t| {
        view! {
            <CountChip
                count=Signal::derive(move || tally.with(|x| x.travel(t)))
                href=Signal::derive(move || filter.with(|f| f.toggle_travel(t, period.get()).href()))
                current=Signal::derive(move || filter.with(|f| f.travel == Some(t)))
                label=t.label()
            >
                <TravelBadge travel=t/>
            </CountChip>
        }
    });
    view! {
        <section class="count-group" aria-labelledby="better-heading">
            <h2 id="better-heading" class="count-group__title">"Are we getting better?"</h2>
            <ul class="count-chips" data-testid="travel-counts">{chips.collect_view()}</ul>
        </section>
    }
}

/// "Is the change real?" and "Can the target be met?": how many indicators
/// show special or common cause variation, and what their limits say of the
/// target. Only counts above nought are chips; when no indicator has enough
/// figures the bar says so in one line rather than a row of noughts.
#[component]
fn SpcCounts(
    /// The filter in the address.
    filter: Memo<Filter>,
    /// The period shown.
    period: Memo<Period>,
    /// The counts, ignoring the filters the counts set.
    tally: Memo<Tally>,
) -> impl IntoView {
    let judged = move || {
        tally.with(|t| {
            SpcSignal::ALL
                .iter()
                .filter(|s| **s != SpcSignal::TooFew)
                .map(|s| t.signal(*s))
                .sum::<usize>()
        })
    };
    let filtered = move || filter.with(|f| f.signal.is_some() || f.assurance.is_some());
    let any_assurance = move || tally.with(|t| Assurance::ALL.iter().any(|a| t.assurance(*a) > 0));
    let signal_chips = move || {
        SpcSignal::ALL.into_iter().map(move |s| {
        let count = Signal::derive(move || tally.with(|t| t.signal(s)));
        let current = Signal::derive(move || filter.with(|f| f.signal == Some(s)));
        view! {
            <Show when=move || { count.get() > 0 || current.get() }>
                <CountChip
                    count=count
                    href=Signal::derive(move || filter.with(|f| f.toggle_signal(s, period.get()).href()))
                    current=current
                    label=s.label()
                >
                    <span class=format!("spc-dot spc-dot--{}", s.key()) aria-hidden="true"></span>
                </CountChip>
            </Show>
        }
    })
    };
    let assurance_chips = move || {
        Assurance::ALL.into_iter().map(move |a| {
        let count = Signal::derive(move || tally.with(|t| t.assurance(a)));
        let current = Signal::derive(move || filter.with(|f| f.assurance == Some(a)));
        view! {
            <Show when=move || { count.get() > 0 || current.get() }>
                <CountChip
                    count=count
                    href=Signal::derive(move || filter.with(|f| f.toggle_assurance(a, period.get()).href()))
                    current=current
                    label=a.short()
                >
                    <span class=format!("spc-dot spc-dot--{}", a.key()) aria-hidden="true"></span>
                </CountChip>
            </Show>
        }
    })
    };
    let too_few = move || tally.with(|t| t.signal(SpcSignal::TooFew));
    view! {
        <Show
            when=move || { judged() > 0 || filtered() }
            fallback=move || view! {
                <p class="count-note" data-testid="variation-counts">
                    <strong>"Is the change real? "</strong>
                    {move || match too_few() {
                        0 => String::from("No indicator to judge."),
                        1 => format!("The indicator has fewer than {FEWEST} figures of one kind, too few to tell a real change from ordinary variation, or whether its target can be met."),
                        n => format!("All {n} indicators have fewer than {FEWEST} figures of one kind, too few to tell a real change from ordinary variation, or whether a target can be met."),
                    }}
                    " "
                    <a href=Route::Help.href()>"How this is judged"</a>
                </p>
            }
        >
            <div class="count-bar">
                <section class="count-group" aria-labelledby="variation-heading">
                    <h2 id="variation-heading" class="count-group__title">"Is the change real?"</h2>
                    <ul class="count-chips" data-testid="variation-counts">{signal_chips().collect_view()}</ul>
                </section>
                <Show when=move || any_assurance() || filter.with(|f| f.assurance.is_some())>
                    <section class="count-group" aria-labelledby="assurance-heading">
                        <h2 id="assurance-heading" class="count-group__title">"Can the target be met?"</h2>
                        <ul class="count-chips" data-testid="assurance-counts">{assurance_chips().collect_view()}</ul>
                    </section>
                </Show>
            </div>
        </Show>
    }
}

/// One count as a link: its number, its badge (the children) and its words.
/// Tapped, it filters the tables and brings the person to the result.
#[component]
fn CountChip(
    /// How many indicators it counts.
    count: Signal<usize>,
    /// Where it links: the overview filtered by it, or no longer by it.
    href: Signal<String>,
    /// Whether the tables are filtered by it now.
    current: Signal<bool>,
    /// Its words ("On track", "Improving").
    label: &'static str,
    /// Its badge.
    children: Children,
) -> impl IntoView {
    let show_results = move |_| crate::browser::reveal_after_render("#indicator-results");
    view! {
        <li>
            <a class="count-link" href=move || href.get() aria-current=move || current.get().then_some("true") on:click=show_results>
                <span class="count-link__number">{move || count.get()}</span>
                " "
                {children()}
                " "
                <span>{label}</span>
            </a>
        </li>
    }
}

/// How many indicators are shown of all held, "Clear filters" where any
/// filter but the period narrows them, and the buttons to enter and
/// download figures.
#[component]
fn ResultsBar(
    /// The filter in the address.
    filter: Memo<Filter>,
    /// The period shown.
    period: Memo<Period>,
    /// The tables shown.
    tables: Memo<Vec<Arc<AreaTable>>>,
) -> impl IntoView {
    let snapshot = use_snapshot();
    let notices = crate::state::use_notices();
    let line = move || {
        let total = snapshot.with(|s| s.indicators.len());
        tables.with(|t| results_line(t, total))
    };
    view! {
        <div class="results-bar">
            <p class="results-line" id="indicator-results" tabindex="-1" data-testid="results-line" role="status">
                {line}
                " "
                <Show when=move || filter.with(Filter::narrows)>
                    <a href=move || Filter::for_period(period.get()).href()>"Clear filters"</a>
                </Show>
            </p>
            <div class="button-group button-group--tight">
                <a class="button button--secondary" href=Route::EnterFigures.href() data-testid="enter-figures">"Enter figures"</a>
                <button type="button" class="button button--secondary" data-testid="download-csv" on:click=move |_| download_csv(snapshot, notices)>
                    "Download figures (CSV)"
                </button>
            </div>
        </div>
    }
}

/// The reporting period shown, chosen from those with figures; choosing
/// one changes the address and keeps the other filters.
#[component]
fn PeriodPicker(
    filter: Memo<Filter>,
    period: Memo<Period>,
    periods: Memo<Vec<Period>>,
) -> impl IntoView {
    let options = move || periods.get();
    let change = move |event: leptos::ev::Event| {
        let chosen: Option<Period> = event_target_value(&event).parse().ok();
        let next = filter.with_untracked(|f| Filter {
            period: chosen,
            ..f.clone()
        });
        crate::browser::go(&next.href());
    };
    view! {
        <div class="form-group form-group--inline">
            <label class="label" for="period-picker">"Reporting period"</label>
            <select class="select" id="period-picker" data-testid="period-picker" on:change=change>
                {move || options().into_iter().map(|p| {
                    let label = p.to_string();
                    // A property, not the attribute: once a person has chosen, the
                    // attribute no longer moves the choice (a back button, a link).
                    view! { <option value=label.clone() prop:selected=move || p == period.get()>{label.clone()}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

/// The filters by service area, words and England, applied to the address
/// together when the form is submitted.
#[component]
fn FilterForm(filter: Memo<Filter>, period: Memo<Period>) -> impl IntoView {
    let snapshot = use_snapshot();
    let area = RwSignal::new(filter.with_untracked(|f| f.area.clone().unwrap_or_default()));
    let worse = RwSignal::new(filter.with_untracked(|f| f.worse_than_england));
    let text = RwSignal::new(filter.with_untracked(|f| f.text.clone()));
    // Follow the address when it changes by a link (a count, "Clear filters").
    Effect::new(move |_| {
        filter.with(|f| {
            area.set(f.area.clone().unwrap_or_default());
            worse.set(f.worse_than_england);
            text.set(f.text.clone());
        });
    });
    let apply = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let next = filter.with_untracked(|f| Filter {
            period: Some(period.get_untracked()),
            area: Some(area.get_untracked()).filter(|a| !a.is_empty()),
            worse_than_england: worse.get_untracked(),
            text: text.get_untracked().trim().to_owned(),
            ..f.clone()
        });
        crate::browser::go(&next.href());
        crate::browser::reveal_after_render("#indicator-results");
    };
    view! {
        <details class="filters-details" prop:open=move || filter.with(|f| f.area.is_some() || f.worse_than_england || !f.text.is_empty())>
        <summary class="filters-details__summary" data-testid="filters-toggle">"Filter by service area, words or England"</summary>
        <form class="filters" on:submit=apply data-testid="filters" aria-label="Filter indicators">
            <div class="form-group">
                <label class="label" for="filter-area">"Service area"</label>
                <select class="select" id="filter-area" on:change=move |e| area.set(event_target_value(&e)) prop:value=move || area.get()>
                    <option value="">"All service areas"</option>
                    {move || snapshot.with(|s| s.service_areas.iter().map(|a| {
                        let id = a.id.clone();
                        view! { <option value=id>{a.name.clone()}</option> }
                    }).collect_view())}
                </select>
            </div>
            <div class="form-group">
                <label class="label" for="filter-text">"Search indicators"</label>
                <input class="input" id="filter-text" type="search" prop:value=move || text.get() on:input=move |e| text.set(event_target_value(&e))/>
            </div>
            <div class="form-group checkbox">
                <input class="checkbox__input" id="filter-england" type="checkbox" prop:checked=move || worse.get() on:change=move |e| worse.set(event_target_checked(&e))/>
                <label class="checkbox__label" for="filter-england">"Worse than England only"</label>
            </div>
            <button type="submit" class="button">"Apply filters"</button>
        </form>
        </details>
    }
}

/// The key to the standings' shapes, each with its words.
#[component]
pub(crate) fn RagKey() -> impl IntoView {
    view! {
        <ul class="rag-key rag-key--inline" aria-label="Key">
            {[Standing::Green, Standing::Amber, Standing::Red].into_iter().map(|s| view! {
                <li><StandingBadge standing=s/>{format!(" {}", s.label())}</li>
            }).collect_view()}
            <li>"No mark: no target, or no figure"</li>
        </ul>
    }
}

/// The shape and colour of a standing; screen readers hear its words.
#[component]
pub(super) fn StandingBadge(standing: Standing) -> impl IntoView {
    let (class, shape) = standing.badge();
    view! { <span class=class aria-hidden="true">{shape}</span> }
}

/// The arrow of a direction of travel; screen readers hear its words.
#[component]
pub(super) fn TravelBadge(travel: Travel) -> impl IntoView {
    let (class, arrow) = travel.badge();
    view! { <span class=class aria-hidden="true">{arrow}</span> }
}
