//! One register entry (`#/risks/CR1`), adding one (`#/risks/new`), and the
//! score bands (`#/risks/bands`).

use leptos::prelude::*;
use scrutineer_core::domain::period::Period;
use scrutineer_core::domain::register::RegisterEntry;
use scrutineer_core::domain::risk::{EntryKind, ScoreBands};
use scrutineer_core::domain::snapshot::FieldError;
use scrutineer_core::register::edit::{
    band_rows, bands_form, restore_entry, retire_entry, save_bands, save_entry,
    suggested_retirement, BandRow, EntryForm, BAND_FIELDS, MAX_BANDS,
};
use scrutineer_core::register::{
    entry_href, quarters, score_text, wording, RegisterFilter, Wording,
};
use scrutineer_core::route::Route;
use scrutineer_core::text::capitalise;

use super::overview::BandTag;
use crate::browser;
use crate::components::{
    message_for, settle, summary_of_prefixed, ErrorSummary, NoticesHere, SummaryRow, TableRegion,
    TextField,
};

/// Where saving the bands says what happened.
const BANDS_SAVED: &str = "bands-saved";
use crate::state::use_query;
use crate::workspace::use_workspace;

/// `#/risks/CR1`: every quarter of one entry, its history, and its forms.
#[component]
pub fn RiskEntryPage(id: String) -> impl IntoView {
    let workspace = use_workspace();
    let snapshot = workspace.snapshot;
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
                <p><a href="#/risks">"Go to the register"</a></p>
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
        .snapshot
        .with_untracked(|s| s.settings.bands_for(kind));
    let row = |label: &'static str, value: Option<String>| {
        view! { <SummaryRow label=label>{value.unwrap_or_else(|| "Not given".to_owned())}</SummaryRow> }
    };
    let score_row = |label: &'static str, score: Option<scrutineer_core::domain::risk::Score>| {
        let band = score.and_then(|s| bands.band_of(s.value()).cloned());
        view! {
            <SummaryRow label=label>{score_text(score, kind)}" "{score.map(|_| view! { <BandTag band=band/> })}</SummaryRow>
        }
    };
    let words = wording(kind);
    let mut assessed: Vec<_> = entry.assessments.clone();
    assessed.sort_by(|x, y| y.period.timeline_cmp(&x.period));
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
        <EntryEditor entry=entry.clone() quarter=quarter/>
        <RetireForm entry=entry/>
    }
}

/// The fields of an assessment, shared by the add and edit forms.
#[component]
fn AssessmentFields(
    form: RwSignal<EntryForm>,
    errors: RwSignal<Vec<FieldError>>,
    prefix: &'static str,
    kind: Signal<EntryKind>,
) -> impl IntoView {
    let field = move |get: fn(&EntryForm) -> String| Signal::derive(move || form.with(get));
    let set = move |put: fn(&mut EntryForm, String)| {
        Callback::new(move |v: String| form.update(|f| put(f, v)))
    };
    let error = move |name: &'static str| Signal::derive(message_for(errors, name));
    let area = move |name: &'static str,
                     label: Signal<&'static str>,
                     get: fn(&EntryForm) -> String,
                     put: fn(&mut EntryForm, String)| {
        let id = format!("{prefix}{name}");
        view! {
            <div class="form-group">
                <label class="label" for=id.clone()>{label}</label>
                <textarea class="textarea" id=id rows="3" prop:value=move || form.with(get) on:input=move |e| form.update(|f| put(f, event_target_value(&e)))></textarea>
            </div>
        }
    };
    // The words follow the risk/opportunity choice without rebuilding the fields.
    let words =
        move |pick: fn(Wording) -> &'static str| Signal::derive(move || pick(wording(kind.get())));
    view! {
        <TextField id=format!("{prefix}quarter") label="Quarter" hint="For example Q3 2019/20" value=field(|f| f.quarter.clone()) on_input=set(|f, v| f.quarter = v) error=error("quarter")/>
        <TextField id=format!("{prefix}title") label="Title" value=field(|f| f.title.clone()) on_input=set(|f, v| f.title = v) error=error("title")/>
        {area("description", Signal::stored("Description"), |f| f.description.clone(), |f, v| f.description = v)}
        <TextField id=format!("{prefix}risk_type") label="Type" hint="For example Economic, Social, Legal/Political, People/Organisational" value=field(|f| f.risk_type.clone()) on_input=set(|f, v| f.risk_type = v) error=error("risk_type")/>
        {area("consequences", words(|w| w.consequences), |f| f.consequences.clone(), |f, v| f.consequences = v)}
        {area("controls", words(|w| w.controls), |f| f.controls.clone(), |f, v| f.controls = v)}
        <ScoreField id=format!("{prefix}inherent") label="Inherent score (before actions)" kind=kind value=field(|f| f.inherent.clone()) on_input=set(|f, v| f.inherent = v) error=error("inherent")/>
        {area("actions", words(|w| w.actions), |f| f.actions.clone(), |f, v| f.actions = v)}
        <ScoreField id=format!("{prefix}residual") label="Residual score (after actions)" kind=kind value=field(|f| f.residual.clone()) on_input=set(|f, v| f.residual = v) error=error("residual")/>
        <ScoreField id=format!("{prefix}target") label="Target score" kind=kind value=field(|f| f.target.clone()) on_input=set(|f, v| f.target = v) error=error("target")/>
        <TextField id=format!("{prefix}owner") label="Owner" value=field(|f| f.owner.clone()) on_input=set(|f, v| f.owner = v) error=error("owner")/>
        {area("direction", Signal::stored("Direction of travel and commentary"), |f| f.direction.clone(), |f, v| f.direction = v)}
        <TextField id=format!("{prefix}next_review") label="Next review" kind="date" hint="For example 31/10/2019" value=field(|f| f.next_review.clone()) on_input=set(|f, v| f.next_review = v) error=error("next_review")/>
        // A new entry has no earlier score to explain.
        {(prefix != "new-").then(|| view! {
            <TextField id=format!("{prefix}reason") label="Reason for the change" hint="Needed when a score changes; kept in the entry's history" value=field(|f| f.reason.clone()) on_input=set(|f, v| f.reason = v) error=error("reason")/>
        })}
    }
}

/// A score chosen by impact and likelihood, or typed as the pack prints it
/// ("16 (Major/Likely)", "4x4", or "16" where only the score is printed):
/// the pickers and the text always agree.
#[component]
fn ScoreField(
    /// The text box's id; the pickers take it with "-impact" and "-likelihood".
    id: String,
    label: &'static str,
    kind: Signal<EntryKind>,
    value: Signal<String>,
    on_input: Callback<String>,
    error: Signal<Option<String>>,
) -> impl IntoView {
    use scrutineer_core::register::edit::{chosen_score, score_cell};
    use scrutineer_core::register::{impact_step, likelihood_step};
    // A half-made choice (impact chosen, likelihood not yet) is kept here.
    let picked: RwSignal<(u8, u8)> =
        RwSignal::new(score_cell(&value.get_untracked()).unwrap_or((0, 0)));
    // Typed text that gives no one cell ("12", a typo) leaves both unchosen.
    Effect::new(move |_| picked.set(score_cell(&value.get()).unwrap_or((0, 0))));
    // A picker set to "Choose" (0) clears the score; both chosen write it.
    let choose = move |impact: Option<u8>, likelihood: Option<u8>| {
        let (i, l) = picked.get_untracked();
        let next = (impact.unwrap_or(i), likelihood.unwrap_or(l));
        picked.set(next);
        if let Some(text) = chosen_score(next.0, next.1, kind.get_untracked()) {
            on_input.run(text);
        } else if (next.0 == 0 || next.1 == 0) && score_cell(&value.get_untracked()).is_some() {
            on_input.run(String::new());
        }
    };
    let picked_of = |text: String| -> u8 { text.parse().unwrap_or(0) };
    let (impact_id, likelihood_id, hint_id, error_id) = (
        format!("{id}-impact"),
        format!("{id}-likelihood"),
        format!("{id}-hint"),
        format!("{id}-error"),
    );
    let described = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            if error.with(|e| e.is_some()) {
                format!("{hint_id} {error_id}")
            } else {
                hint_id.clone()
            }
        }
    };
    view! {
        <fieldset class="fieldset fieldset--small score-field" class:form-group--error=move || error.with(|e| e.is_some())>
            <legend class="label">{label}</legend>
            {move || error.get().map(|m| view! {
                <p class="error-message" id=error_id.clone()><span class="visually-hidden">"Error: "</span>{m}</p>
            })}
            <div class="score-field__pickers">
                <div class="form-group">
                    <label class="label label--small" for=impact_id.clone()><span class="visually-hidden">{format!("{label}: ")}</span>"Impact"</label>
                    <select class="select" id=impact_id prop:value=move || picked.with(|p| if p.0 == 0 { String::new() } else { p.0.to_string() })
                        on:change=move |e| choose(Some(picked_of(event_target_value(&e))), None)>
                        <option value="">"Choose"</option>
                        {move || (1..=5u8).rev().map(|n| view! { <option value=n.to_string()>{impact_step(kind.get(), n)}</option> }).collect_view()}
                    </select>
                </div>
                <div class="form-group">
                    <label class="label label--small" for=likelihood_id.clone()><span class="visually-hidden">{format!("{label}: ")}</span>"Likelihood"</label>
                    <select class="select" id=likelihood_id prop:value=move || picked.with(|p| if p.1 == 0 { String::new() } else { p.1.to_string() })
                        on:change=move |e| choose(None, Some(picked_of(event_target_value(&e))))>
                        <option value="">"Choose"</option>
                        {(1..=5u8).map(|n| view! { <option value=n.to_string()>{likelihood_step(n)}</option> }).collect_view()}
                    </select>
                </div>
            </div>
            <div class="form-group">
                <label class="label label--small" for=id.clone()><span class="visually-hidden">{format!("{label}: ")}</span>"Score, as the pack prints it"</label>
                <p class="hint" id=hint_id>"Set by the choices above, or type it: 16 (Major/Likely), 4x4, or 16 where only the score is printed."</p>
                <input
                    class="input input--score"
                    id=id
                    type="text"
                    autocomplete="off"
                    aria-describedby=described
                    aria-invalid=move || error.with(|e| e.is_some()).then_some("true")
                    prop:value=move || value.get()
                    on:input=move |e| on_input.run(event_target_value(&e))
                />
            </div>
        </fieldset>
    }
}

#[component]
fn EntryEditor(entry: RegisterEntry, quarter: Period) -> impl IntoView {
    let workspace = use_workspace();
    let form = RwSignal::new(EntryForm::of(&entry, &quarter));
    let errors: RwSignal<Vec<FieldError>> = RwSignal::new(vec![]);
    let id = entry.id.clone();
    let kind = entry.kind;
    let next_quarter = scrutineer_core::register::next_quarter(&quarter);
    let save = {
        let id = id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let result = workspace.snapshot.with_untracked(|s| {
                save_entry(s, Some(&id), &form.get_untracked(), browser::today())
            });
            if let Some(saved) = settle(errors, "#entry-errors", result) {
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
                browser::focus("#edit-quarter");
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
            <ErrorSummary id="entry-errors" errors=summary_of_prefixed(errors, "edit-")/>
            <AssessmentFields form=form errors=errors prefix="edit-" kind=Signal::derive(move || kind)/>
            <button class="button" type="submit">"Save changes"</button>
        </form>
    }
}

#[component]
fn RetireForm(entry: RegisterEntry) -> impl IntoView {
    let workspace = use_workspace();
    let errors: RwSignal<Vec<FieldError>> = RwSignal::new(vec![]);
    let from = RwSignal::new(
        suggested_retirement(&entry)
            .map(|p| p.to_string())
            .unwrap_or_default(),
    );
    let reason = RwSignal::new(String::new());
    let id = entry.id.clone();
    let retired = entry.retired.is_some();
    let error = move |name: &'static str| Signal::derive(message_for(errors, name));
    let submit = {
        let id = id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let today = browser::today();
            let result = workspace.snapshot.with_untracked(|s| {
                if retired {
                    restore_entry(s, &id, &reason.get_untracked(), today)
                } else {
                    retire_entry(
                        s,
                        &id,
                        &from.get_untracked(),
                        &reason.get_untracked(),
                        today,
                    )
                }
            });
            if let Some(next) = settle(errors, "#retire-errors", result) {
                reason.set(String::new());
                let done = if retired {
                    format!("Restored {id} to the register")
                } else {
                    format!("Retired {id}")
                };
                workspace.edit(done, next);
            }
        }
    };
    view! {
        <h2>{if retired { "Restore to the register" } else { "Retire this entry" }}</h2>
        <p>{if retired { "It returns to the register from the quarter it left." } else { "It leaves the register from the quarter you give and is kept, with its history. You can restore it later." }}</p>
        <form class="form" on:submit=submit data-testid="retire-form" novalidate>
            <ErrorSummary id="retire-errors" errors=summary_of_prefixed(errors, "")/>
            {(!retired).then(|| view! {
                <TextField id="retire_from" label="Off the register from" hint="The first quarter it is no longer on the register, for example Q3 2019/20" value=Signal::derive(move || from.get()) on_input=Callback::new(move |v| from.set(v)) error=error("retire_from")/>
            })}
            {if retired {
                view! { <TextField id="restore_reason" label="Reason" value=Signal::derive(move || reason.get()) on_input=Callback::new(move |v| reason.set(v)) error=error("restore_reason")/> }.into_any()
            } else {
                view! { <TextField id="retire_reason" label="Reason" value=Signal::derive(move || reason.get()) on_input=Callback::new(move |v| reason.set(v)) error=error("retire_reason")/> }.into_any()
            }}
            <button class=if retired { "button" } else { "button button--warning" } type="submit">{if retired { format!("Restore {id}") } else { format!("Retire {id}") }}</button>
        </form>
    }
}

/// `#/risks/new`: add a risk or an opportunity.
#[component]
pub fn NewRiskEntryPage() -> impl IntoView {
    let workspace = use_workspace();
    let latest = workspace
        .snapshot
        .with_untracked(|s| quarters(s).last().copied());
    let form = RwSignal::new(EntryForm::blank(EntryKind::Risk, latest));
    let errors: RwSignal<Vec<FieldError>> = RwSignal::new(vec![]);
    let kind = Signal::derive(move || {
        if form.with(|f| f.kind == "opportunity") {
            EntryKind::Opportunity
        } else {
            EntryKind::Risk
        }
    });
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let result = workspace
            .snapshot
            .with_untracked(|s| save_entry(s, None, &form.get_untracked(), browser::today()));
        if let Some(saved) = settle(errors, "#new-entry-errors", result) {
            let href = Route::RiskEntry { id: saved.id }.href();
            if workspace.edit(saved.done, saved.snapshot) {
                browser::go(&href);
            }
        }
    };
    let radio = move |value: &'static str, label: &'static str| {
        let id = format!("new-kind-{value}");
        view! {
            <div class="radio">
                <input class="radio__input" type="radio" name="kind" id=id.clone() value=value
                    prop:checked=move || form.with(|f| f.kind == value)
                    on:change=move |_| form.update(|f| f.kind = value.to_owned())/>
                <label class="radio__label" for=id>{label}</label>
            </div>
        }
    };
    view! {
        <p class="breadcrumb"><a href="#/risks">"Risks and opportunities"</a></p>
        <h1 tabindex="-1">"Add a risk or opportunity"</h1>
        <form class="form" on:submit=save data-testid="new-entry-form" novalidate>
            <ErrorSummary id="new-entry-errors" errors=summary_of_prefixed(errors, "new-")/>
            <fieldset class="fieldset fieldset--small" id="new-kind">
                <legend class="label">"Risk or opportunity"</legend>
                {radio("risk", "Risk: a high score is bad")}
                {radio("opportunity", "Opportunity: a high score is good")}
            </fieldset>
            <TextField id="new-id" label="Reference" hint="As the pack numbers it, for example CR13 or CO5" value=Signal::derive(move || form.with(|f| f.id.clone())) on_input=Callback::new(move |v| form.update(|f| f.id = v)) error=Signal::derive(message_for(errors, "id"))/>
            <AssessmentFields form=form errors=errors prefix="new-" kind=kind/>
            <button class="button" type="submit">"Add to the register"</button>
        </form>
    }
}

/// `#/risks/bands`: the score bands and risk appetite.
#[component]
pub fn ScoreBandsPage() -> impl IntoView {
    let query = use_query();
    let kind = Memo::new(move |_| {
        query.with(|q| {
            if q.iter().any(|(k, v)| k == "for" && v == "opportunities") {
                EntryKind::Opportunity
            } else {
                EntryKind::Risk
            }
        })
    });
    view! {
        <p class="breadcrumb"><a href="#/risks">"Risks and opportunities"</a></p>
        <h1 tabindex="-1">"Score bands and risk appetite"</h1>
        <p class="lede">"How scores from 1 to 25 are grouped and coloured. Every matrix, table and filter follows these bands. Opportunities have their own, since a high opportunity is good."</p>
        <nav class="segmented" aria-label="Whose bands" data-testid="bands-for">
            {[EntryKind::Risk, EntryKind::Opportunity].into_iter().map(|k| {
                let href = match k {
                    EntryKind::Risk => Route::ScoreBands.href(),
                    EntryKind::Opportunity => Route::ScoreBands.href_with("for=opportunities"),
                };
                view! {
                    <a class="segmented__option" href=href aria-current=move || (kind.get() == k).then_some("page")>
                        {format!("For {}", k.plural())}
                    </a>
                }
            }).collect_view()}
        </nav>
        {move || view! { <BandsForm kind=kind.get()/> }}
    }
}

/// One kind's bands (and, for risks, the appetite), checked whole.
#[component]
fn BandsForm(kind: EntryKind) -> impl IntoView {
    let workspace = use_workspace();
    let (start, start_appetite) = workspace.snapshot.with_untracked(|s| bands_form(s, kind));
    let rows = RwSignal::new(start);
    let appetite = RwSignal::new(start_appetite);
    let errors: RwSignal<Vec<FieldError>> = RwSignal::new(vec![]);
    let count = Memo::new(move |_| rows.with(|r| r.len()));
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let result = workspace.snapshot.with_untracked(|s| {
            save_bands(s, kind, &rows.get_untracked(), &appetite.get_untracked())
        });
        if let Some(next) = settle(errors, "#bands-errors", result) {
            workspace.edit_if_changed_at(
                BANDS_SAVED,
                format!("Saved the {} score bands", kind.key()),
                next,
            );
        }
    };
    let mirrored = move |_| {
        let risk = workspace
            .snapshot
            .with_untracked(|s| s.settings.score_bands.mirrored());
        rows.set(band_rows(&risk));
    };
    view! {
        <h2>{format!("Bands for {}", kind.plural())}</h2>
        <div class="button-group">
            {ScoreBands::published().into_iter().map(|scheme| {
                let scheme = if kind == EntryKind::Opportunity { scheme.mirrored() } else { scheme };
                let label = format!("Use {}", scheme.ranges());
                view! {
                    <button type="button" class="button button--secondary" on:click=move |_| rows.set(band_rows(&scheme))>{label}</button>
                }
            }).collect_view()}
            {(kind == EntryKind::Opportunity).then(|| view! {
                <button type="button" class="button button--secondary" on:click=mirrored>"Use the risks' bands, colours mirrored"</button>
            })}
        </div>
        <form class="form form--wide" on:submit=save data-testid="bands-form" novalidate>
            <ErrorSummary id="bands-errors" errors=summary_of_prefixed(errors, "")/>
            {move || (0..count.get()).map(|i| {
                let [name_f, min_f, max_f, tone_f] = BAND_FIELDS[i];
                let err = move |f: &'static str| Signal::derive(message_for(errors, f));
                let get = move |read: fn(&BandRow) -> String| Signal::derive(move || rows.with(|r| r.get(i).map(read).unwrap_or_default()));
                let put = move |edit: fn(&mut BandRow, String)| Callback::new(move |v: String| rows.update(|r| if let Some(row) = r.get_mut(i) { edit(row, v) }));
                let remove = move |_| rows.update(|r| { if r.len() > 1 { r.remove(i); } });
                view! {
                    <fieldset class="fieldset fieldset--small band-row">
                        <legend class="label">{format!("Band {}", i + 1)}</legend>
                        <div class="band-row__fields">
                            <TextField id=name_f label="Name" value=get(|b| b.name.clone()) on_input=put(|r, v| r.name = v) error=err(name_f)/>
                            <TextField id=min_f label="From score" value=get(|b| b.min.clone()) on_input=put(|r, v| r.min = v) error=err(min_f)/>
                            <TextField id=max_f label="To score" value=get(|b| b.max.clone()) on_input=put(|r, v| r.max = v) error=err(max_f)/>
                            <div class="form-group">
                                <label class="label" for=tone_f>"Colour"</label>
                                <select class="select" id=tone_f prop:value=get(|b| b.tone.clone()) on:change=move |e| rows.update(|r| if let Some(row) = r.get_mut(i) { row.tone = event_target_value(&e) })>
                                    {["green", "yellow", "amber", "red"].into_iter().map(|t| view! {
                                        <option value=t>{capitalise(t)}</option>
                                    }).collect_view()}
                                </select>
                            </div>
                            <button type="button" class="button button--secondary" on:click=remove aria-label=format!("Remove band {}", i + 1)>"Remove"</button>
                        </div>
                    </fieldset>
                }
            }).collect_view()}
            <Show when=move || rows.with(|r| r.len() < MAX_BANDS)>
                <p><button type="button" class="button button--secondary" on:click=move |_| rows.update(|r| r.push(BandRow { tone: "amber".into(), ..BandRow::default() }))>"Add a band"</button></p>
            </Show>
            {(kind == EntryKind::Risk).then(|| view! {
                <TextField id="appetite" label="Risk appetite (optional)" hint="The highest residual score the council will carry, from 1 to 25. The matrix draws a line above it." value=Signal::derive(move || appetite.get()) on_input=Callback::new(move |v| appetite.set(v)) error=Signal::derive(message_for(errors, "appetite"))/>
            })}
            <button class="button" type="submit">{format!("Save the {} bands", kind.key())}</button>
        </form>
        <NoticesHere at=BANDS_SAVED/>
    }
}
