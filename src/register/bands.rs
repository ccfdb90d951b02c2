//! `#/risks/bands`: the score bands and risk appetite, for risks or for
//! opportunities; and the tag that shows a band by its name and colour.

use leptos::prelude::*;
use scrutineer_core::domain::risk::{Band, EntryKind, ScoreBands};
use scrutineer_core::form::{FieldError, FormField};
use scrutineer_core::register::bands::{
    band_rows, bands_form, bands_href, bands_kind, new_band_row, save_bands, tone_from_key,
    tone_key, BandField, BandRow, MAX_BANDS, TONES,
};
use scrutineer_core::route::Route;
use scrutineer_core::text::capitalise;

use crate::components::{message_for, settle, summary_of, ErrorSummary, NoticesHere, TextField};
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
    let kind = Memo::new(move |_| query.with(|q| bands_kind(q)));
    view! {
        <p class="breadcrumb"><a href=Route::Risks.href()>"Risks and opportunities"</a></p>
        <h1 tabindex="-1">"Score bands and risk appetite"</h1>
        <p class="lede">"How scores from 1 to 25 are grouped and coloured. Every matrix, table and filter follows these bands. Opportunities have their own, since a high opportunity is good."</p>
        <nav class="segmented" aria-label="Whose bands" data-testid="bands-for">
            {EntryKind::ALL.into_iter().map(|k| {
                view! {
                    <a class="segmented__option" href=bands_href(k) aria-current=move || (kind.get() == k).then_some("page")>
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
    let (start, start_appetite) = workspace.snapshot().with_untracked(|s| bands_form(s, kind));
    let rows = RwSignal::new(start);
    let appetite = RwSignal::new(start_appetite);
    let errors: RwSignal<Vec<FieldError<BandField>>> = RwSignal::new(vec![]);
    let count = Memo::new(move |_| rows.with(|r| r.len()));
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let result = workspace.snapshot().with_untracked(|s| {
            save_bands(s, kind, &rows.get_untracked(), &appetite.get_untracked())
        });
        if let Some(next) = settle(errors, "bands-errors", result) {
            workspace.edit_if_changed_at(
                BANDS_SAVED,
                format!("Saved the {} score bands", kind.key()),
                next,
            );
        }
    };
    let mirrored = move |_| {
        let risk = workspace
            .snapshot()
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
            <ErrorSummary id="bands-errors" errors=summary_of(errors)/>
            {move || (0..count.get()).map(|i| view! { <BandRowFields rows=rows index=i errors=errors/> }).collect_view()}
            <Show when=move || rows.with(|r| r.len() < MAX_BANDS)>
                <p><button type="button" class="button button--secondary" on:click=move |_| rows.update(|r| r.push(new_band_row()))>"Add a band"</button></p>
            </Show>
            {(kind == EntryKind::Risk).then(|| view! {
                <TextField id=BandField::Appetite.id() label=BandField::Appetite.label() hint="The highest residual score the council will carry, from 1 to 25. The matrix draws a line above it." value=Signal::derive(move || appetite.get()) on_input=Callback::new(move |v| appetite.set(v)) error=Signal::derive(message_for(errors, BandField::Appetite))/>
            })}
            <button class="button" type="submit">{format!("Save the {} bands", kind.key())}</button>
        </form>
        <NoticesHere at=BANDS_SAVED/>
    }
}

/// One band's row of the form: its name, range and colour, and a button
/// that removes it.
#[component]
fn BandRowFields(
    rows: RwSignal<Vec<BandRow>>,
    /// The row's place in the form, from 0.
    index: usize,
    errors: RwSignal<Vec<FieldError<BandField>>>,
) -> impl IntoView {
    let i = index;
    let err = move |f: BandField| Signal::derive(message_for(errors, f));
    let get = move |read: fn(&BandRow) -> String| {
        Signal::derive(move || rows.with(|r| r.get(i).map(read).unwrap_or_default()))
    };
    let edit = move |change: Box<dyn FnOnce(&mut BandRow)>| {
        rows.update(|r| {
            if let Some(row) = r.get_mut(i) {
                change(row)
            }
        })
    };
    let put = move |write: fn(&mut BandRow, String)| {
        Callback::new(move |v: String| edit(Box::new(move |row| write(row, v))))
    };
    let remove = move |_| {
        rows.update(|r| {
            if r.len() > 1 {
                r.remove(i);
            }
        })
    };
    let text = move |f: BandField,
                     read: fn(&BandRow) -> String,
                     write: fn(&mut BandRow, String)| {
        view! { <TextField id=f.id() label=f.label() value=get(read) on_input=put(write) error=err(f)/> }
    };
    let tone = BandField::Tone(i);
    view! {
        <fieldset class="fieldset fieldset--small band-row">
            <legend class="label">{format!("Band {}", i + 1)}</legend>
            <div class="band-row__fields">
                {text(BandField::Name(i), |b| b.name.clone(), |r, v| r.name = v)}
                {text(BandField::Min(i), |b| b.min.clone(), |r, v| r.min = v)}
                {text(BandField::Max(i), |b| b.max.clone(), |r, v| r.max = v)}
                <div class="form-group">
                    <label class="label" for=tone.id()>{tone.label()}</label>
                    <select class="select" id=tone.id() prop:value=get(|b| b.tone.map(tone_key).unwrap_or_default().to_owned())
                        on:change=move |e| { let chosen = tone_from_key(&event_target_value(&e)); edit(Box::new(move |row| row.tone = chosen)) }>
                        {TONES.into_iter().map(|t| view! {
                            <option value=tone_key(t)>{capitalise(tone_key(t))}</option>
                        }).collect_view()}
                    </select>
                </div>
                <button type="button" class="button button--secondary" on:click=remove aria-label=format!("Remove band {}", i + 1)>"Remove"</button>
            </div>
        </fieldset>
    }
}
