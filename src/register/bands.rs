//! `#/risks/bands`: the score bands and risk appetite, for risks or for
//! opportunities; and the tag that shows a band by its name and colour.

use leptos::prelude::*;
use scrutineer_core::domain::risk::{Band, EntryKind, ScoreBands};
use scrutineer_core::domain::snapshot::FieldError;
use scrutineer_core::register::bands::{
    band_rows, bands_form, save_bands, tone_key, BandRow, BAND_FIELDS, MAX_BANDS,
};
use scrutineer_core::route::Route;
use scrutineer_core::text::capitalise;

use crate::components::{
    message_for, settle, summary_of_prefixed, ErrorSummary, NoticesHere, TextField,
};
use crate::state::use_query;
use crate::workspace::use_workspace;

/// Where saving the bands says what happened.
const BANDS_SAVED: &str = "bands-saved";

/// A band's name with its colour, never colour alone.
#[component]
pub(super) fn BandTag(band: Option<Band>) -> impl IntoView {
    match band {
        Some(b) => {
            let class = format!("band-tag band-tag--{}", tone_key(b.tone));
            view! { <span class=class>{b.name}</span> }.into_any()
        }
        None => view! { <span class="band-tag band-tag--none">"No band"</span> }.into_any(),
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
