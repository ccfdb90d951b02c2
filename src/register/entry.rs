//! `#/risks/CR1`: one register entry, every quarter of it, its history,
//! and the form that changes a quarter.

use leptos::prelude::*;
use scrutineer_core::domain::period::Period;
use scrutineer_core::domain::register::RegisterEntry;
use scrutineer_core::form::{FieldError, FormField};
use scrutineer_core::register::edit::{save_entry, Editor, EntryField, EntryForm, EntryInput};
use scrutineer_core::register::{entry_href, or_not_given, score_text, wording, RegisterFilter};
use scrutineer_core::route::Route;
use scrutineer_core::sort;
use scrutineer_core::text::capitalise;

use super::bands::BandTag;
use super::fields::AssessmentFields;
use super::retire::RetireForm;
use crate::browser;
use crate::components::{settle, summary_of, ErrorSummary, SummaryRow, TableRegion};
use crate::state::use_query;
use crate::workspace::use_workspace;

/// `#/risks/CR1`: every quarter of one entry, its history, and its forms.
#[component]
pub fn RiskEntryPage(id: String) -> impl IntoView {
    let workspace = use_workspace();
    let snapshot = workspace.snapshot();
    let query = use_query();
    let lookup = id.clone();
    let entry =
        Memo::new(move |_| snapshot.with(|s| s.register.iter().find(|e| e.id == lookup).cloned()));
    let quarter = Memo::new(move |_| {
        let asked = query.with(|q| RegisterFilter::from_query(q).quarter);
        entry.with(|e| {
            let e = e.as_ref()?;
            asked
                .filter(|q| e.assessment(q).is_some())
                .or_else(|| e.latest().map(|a| a.period))
        })
    });
    let missing = id.clone();
    view! {
        {move || match (entry.get(), quarter.get()) {
            (Some(e), Some(q)) => view! { <EntryDetail entry=e quarter=q/> }.into_any(),
            _ => view! {
                <h1 tabindex="-1">"Entry not found"</h1>
                <p>{format!("The register has no entry \u{201c}{missing}\u{201d}. It may have been renamed, or the snapshot you have open is a different one.")}</p>
                <p><a href=Route::Risks.href()>"Go to the register"</a></p>
            }.into_any(),
        }}
    }
}

#[component]
fn EntryDetail(entry: RegisterEntry, quarter: Period) -> impl IntoView {
    let kind = entry.kind;
    let a = entry.assessment(&quarter).cloned();
    let title = a.as_ref().map(|a| a.title.clone()).unwrap_or_default();
    let bands = use_workspace()
        .snapshot()
        .with_untracked(|s| s.settings.bands_for(kind));
    let row = |label: &'static str, value: Option<String>| {
        view! { <SummaryRow label=label>{or_not_given(value)}</SummaryRow> }
    };
    let score_row = |label: &'static str, score: Option<scrutineer_core::domain::risk::Score>| {
        let band = score.and_then(|s| bands.band_of(s.value()).cloned());
        view! {
            <SummaryRow label=label>{score_text(score, kind)}" "{score.map(|_| view! { <BandTag band=band/> })}</SummaryRow>
        }
    };
    let words = wording(kind);
    let mut assessed: Vec<_> = entry.assessments.clone();
    sort::by(&mut assessed, |x, y| y.period.timeline_cmp(&x.period));
    let other_quarters: Vec<Period> = assessed
        .iter()
        .map(|a| a.period)
        .filter(|p| *p != quarter)
        .collect();
    let id = entry.id.clone();
    view! {
        <p class="breadcrumb"><a href=RegisterFilter::href(&RegisterFilter { quarter: Some(quarter), ..RegisterFilter::default() })>"Risks and opportunities"</a></p>
        <h1 tabindex="-1"><span class="caption">{format!("{} {}, {quarter}", capitalise(kind.key()), entry.id)}</span>{title}</h1>
        {entry.retired.as_ref().map(|r| view! {
            <div class="inset" data-testid="retired-note"><p>{format!("Retired: off the register from {}. Reason: {}", r.period, r.reason)}</p></div>
        })}
        {(!other_quarters.is_empty()).then(|| view! {
            <p>"Other quarters: "
                {other_quarters.into_iter().map(|p| {
                    let href = entry_href(&id, p);
                    view! { <a class="inline-link" href=href>{p.to_string()}</a> }
                }).collect_view()}
            </p>
        })}
        {a.map(|a| view! {
            <dl class="summary-list" data-testid="entry-details">
                {row("Description", a.description.clone())}
                {row("Type", a.risk_type.clone())}
                {row(words.consequences, a.consequences.clone())}
                {row(words.controls, a.controls.clone())}
                {score_row("Inherent score", a.inherent)}
                {row(words.actions, a.actions.clone())}
                {score_row("Residual score", a.residual)}
                {score_row("Target score", a.target)}
                {row("Owner", a.owner.clone())}
                {row("Direction of travel", a.direction.clone())}
                {row("Next review", a.next_review.map(scrutineer_core::dates::long_date))}
                {(!a.notes.is_empty()).then(|| row("Notes", Some(a.notes.join(" "))))}
            </dl>
        })}
        <h2 id="by-quarter">"Scores by quarter"</h2>
        <TableRegion labelled_by="by-quarter".to_owned()>
            <table class="table" data-testid="entry-quarters">
                <thead><tr><th scope="col">"Quarter"</th><th scope="col">"Title"</th><th scope="col">"Inherent"</th><th scope="col">"Residual"</th><th scope="col">"Target"</th></tr></thead>
                <tbody>
                    {assessed.iter().map(|a| view! {
                        <tr>
                            <th scope="row">{a.period.to_string()}</th>
                            <td>{a.title.clone()}</td>
                            <td>{score_text(a.inherent, kind)}</td>
                            <td>{score_text(a.residual, kind)}</td>
                            <td>{score_text(a.target, kind)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </TableRegion>
        <History entry=entry.clone()/>
        <EntryEditor entry=entry.clone() quarter=quarter/>
        <RetireForm entry=entry/>
    }
}

/// What was changed in Scrutineer, latest first, each with its reason.
#[component]
fn History(entry: RegisterEntry) -> impl IntoView {
    view! {
        <h2>"History of changes"</h2>
        {if entry.history.is_empty() {
            view! { <p data-testid="history">"No changes have been made in Scrutineer yet."</p> }.into_any()
        } else {
            view! {
                <ol class="history" data-testid="history">
                    {entry.history.iter().rev().map(|h| view! {
                        <li>
                            <strong>{scrutineer_core::dates::long_date(h.on)}</strong>
                            {format!(" ({}): {}. ", h.period, h.change)}
                            <span>{format!("Reason: {}", h.reason)}</span>
                        </li>
                    }).collect_view()}
                </ol>
            }.into_any()
        }}
    }
}

#[component]
fn EntryEditor(entry: RegisterEntry, quarter: Period) -> impl IntoView {
    let workspace = use_workspace();
    let form = RwSignal::new(EntryForm::of(&entry, &quarter));
    let errors: RwSignal<Vec<FieldError<EntryField>>> = RwSignal::new(vec![]);
    let id = entry.id.clone();
    let kind = entry.kind;
    let next_quarter = scrutineer_core::register::next_quarter(&quarter);
    let save = {
        let id = id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let result = workspace.snapshot().with_untracked(|s| {
                save_entry(s, Some(&id), &form.get_untracked(), browser::today())
            });
            if let Some(saved) = settle(errors, "entry-errors", result) {
                form.update(|f| f.reason.clear());
                workspace.edit_if_changed(saved.done, saved.snapshot);
            }
        }
    };
    let start_next = {
        let entry = entry.clone();
        move |_| {
            if let Some(next) = next_quarter {
                form.set(EntryForm::of(&entry, &next));
                browser::focus_id(&Editor::Edit.field(EntryInput::Quarter).id());
            }
        }
    };
    view! {
        <h2 id="change-heading">"Change this entry"</h2>
        <p>{format!("Edits the {quarter} assessment. To record a new quarter, change the quarter below (or start from this one) and save: the other quarters stay as they were.")}</p>
        {next_quarter.map(|n| view! {
            <p><button type="button" class="button button--secondary" on:click=start_next>{format!("Start {n} from this quarter")}</button></p>
        })}
        <form class="form" on:submit=save data-testid="entry-form" novalidate>
            <ErrorSummary id="entry-errors" errors=summary_of(errors)/>
            <AssessmentFields form=form errors=errors editor=Editor::Edit kind=Signal::derive(move || kind)/>
            <button class="button" type="submit">"Save changes"</button>
        </form>
    }
}
