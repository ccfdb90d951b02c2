//! `#/data/combine`: the file waiting to be opened combined with the data
//! open now, item by item, for two officers who each worked on a copy.
//! What one copy alone holds is kept; where both hold an item differently
//! the person chooses, one by one or a section at a time. Nothing changes
//! until they combine, and Undo import puts the data back. The matching is
//! `scrutineer_core::merge`; this only lays it out and keeps the choices.

use std::sync::Arc;

use leptos::prelude::*;
use scrutineer_core::domain::snapshot::count_of;
use scrutineer_core::merge::{Choices, Common, Merge, MergeItem, Outcome, Row, Section, Side};
use scrutineer_core::route::Route;

use crate::components::{FileChooser, NoticesHere, Radio, TableRegion};
use crate::state::use_notices;
use crate::workspace::{use_workspace, COMBINE};

/// The most items of a section set out one by one; the rest are chosen
/// with the section's buttons.
const MOST_SHOWN: usize = 100;

/// The file chooser's messages (a file refused), beside it.
const COMBINE_FILE: &str = "combine-file";

/// The merge of the file waiting with the data open now, shared, and
/// compared by identity (a new one each time either changes).
#[derive(Clone)]
struct Shown {
    name: String,
    merge: Arc<Merge>,
    /// How the version both started from is named, where it is known.
    common: Option<String>,
}

/// The version both copies started from: not yet looked for, or found
/// (its name and data) or not.
type Found = Option<Option<(String, Arc<scrutineer_core::domain::snapshot::Snapshot>)>>;

impl PartialEq for Shown {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.merge, &other.merge)
    }
}

#[component]
pub fn CombinePage() -> impl IntoView {
    // A snapshot file is chosen here: the reader is warmed in idle time.
    crate::rehearsal::begin();
    let workspace = use_workspace();
    // Looked for again whenever another file waits, or the data changes.
    let found: RwSignal<Found> = RwSignal::new(None);
    let asked = StoredValue::new(0u64);
    Effect::new(move |_| {
        workspace.snapshot().track();
        let waiting = workspace.pending_import().with(Option::is_some);
        found.set(None);
        asked.update_value(|n| *n += 1);
        let mine = asked.get_value();
        if waiting {
            leptos::task::spawn_local(async move {
                let common = workspace.common_version().await;
                if asked.try_get_value() == Some(mine) {
                    found.try_set(Some(common));
                }
            });
        }
    });
    let shown = Memo::new(move |_| {
        let open = workspace.snapshot().get();
        let found = found.get();
        workspace.pending_import().with(|p| {
            p.as_ref().map(|(name, opened)| {
                found.map(|common| {
                    let merge = match &common {
                        Some((_, base)) => Merge::of(&open, &opened.snapshot, Common::Known(base)),
                        None => Merge::of(&open, &opened.snapshot, Common::Unknown),
                    };
                    Shown {
                        name: name.clone(),
                        merge: Arc::new(merge),
                        common: common.map(|(named, _)| named),
                    }
                })
            })
        })
    });
    view! {
        <h1 tabindex="-1">"Combine a file with the data open now"</h1>
        <NoticesHere at=COMBINE/>
        {move || match shown.get() {
            None => view! {
                <p class="lede">
                    "When two officers each update a copy of the pack, combine one's file with the other's data: "
                    "what only one copy holds is kept, and where both hold something differently you choose. "
                    "Nothing changes until you combine them, and you can undo it straight afterwards."
                </p>
                <FileChooser
                    id="combine-file-input"
                    label="Choose the other officer's file"
                    hint="A Scrutineer snapshot (.json) of the same pack."
                    accept=".json,application/json"
                    testid="combine-file"
                    at=COMBINE_FILE
                    on_text=Callback::new(move |(name, text)| {
                        workspace.check_file_at(COMBINE_FILE, name, text);
                        // The chooser goes once a file can be combined: focus
                        // moves to what replaces it, which names the file.
                        if workspace.pending_import().with_untracked(Option::is_some) {
                            crate::browser::focus_when_shown("#combine-heading");
                        }
                    })
                />
                <p><a href=Route::Data.href()>"Back to Data"</a></p>
            }
            .into_any(),
            Some(None) => view! {
                <p data-testid="combine-looking">"Looking for the version both copies started from\u{2026}"</p>
            }
            .into_any(),
            Some(Some(s)) => view! { <Combining name=s.name merge=s.merge common=s.common/> }.into_any(),
        }}
    }
}

#[component]
fn Combining(name: String, merge: Arc<Merge>, common: Option<String>) -> impl IntoView {
    let workspace = use_workspace();
    let notices = use_notices();
    let choices = RwSignal::new(Choices::new());
    let counts = merge.counts(None);
    let chosen = {
        let merge = merge.clone();
        move || counts.conflicts - choices.with(|c| merge.unchosen(c))
    };
    let combine = {
        let merge = merge.clone();
        move |_| {
            notices.clear_at(COMBINE);
            let open = workspace.snapshot().get_untracked();
            let picked = choices.get_untracked();
            let result = workspace.pending_import().with_untracked(|p| {
                p.as_ref()
                    .map(|(_, opened)| merge.combine(&open, &opened.snapshot, &picked))
            });
            match result {
                Some(Ok(combined)) => {
                    workspace.confirm_combined(combined, merge.done_words(&picked));
                    // What happened is said under the heading: back to the top.
                    crate::browser::focus_when_shown("#main h1");
                }
                Some(Err(e)) => notices.error_at(COMBINE, e.words()),
                None => {}
            }
        }
    };
    let cancel = move |_| workspace.cancel_import();
    let sections: Vec<Section> = Section::ALL
        .into_iter()
        .filter(|s| merge.in_section(*s).next().is_some())
        .collect();
    let body = if merge.is_empty() {
        view! {
            <p data-testid="combine-nothing">
                {format!("\u{201c}{name}\u{201d} holds exactly what is open now: there is nothing to combine.")}
            </p>
        }
        .into_any()
    } else {
        view! {
            <dl class="summary-list" data-testid="combine-counts">
                <div class="summary-list__row">
                    <dt class="summary-list__key">"Taken from the file"</dt>
                    <dd class="summary-list__value">{count_of(counts.from_file, "change", "changes")}</dd>
                </div>
                <div class="summary-list__row">
                    <dt class="summary-list__key">"Kept from the data open now"</dt>
                    <dd class="summary-list__value">{count_of(counts.from_open, "change", "changes")}</dd>
                </div>
                <div class="summary-list__row">
                    <dt class="summary-list__key">"Both hold differently: you choose"</dt>
                    <dd class="summary-list__value">
                        <span data-testid="combine-chosen" role="status">
                            {move || if counts.conflicts == 0 {
                                "None".to_owned()
                            } else {
                                format!("{}, {} chosen", count_of(counts.conflicts, "item", "items"), chosen())
                            }}
                        </span>
                    </dd>
                </div>
            </dl>
            {sections
                .into_iter()
                .map(|section| view! { <SectionItems merge=merge.clone() section=section choices=choices/> })
                .collect_view()}
        }
        .into_any()
    };
    view! {
        <section class="panel" aria-labelledby="combine-heading" data-testid="combine">
            <h2 class="panel__title" id="combine-heading" tabindex="-1">
                {format!("\u{201c}{name}\u{201d} and the data open now")}
            </h2>
            {common.is_none().then(|| view! {
                <p>
                    "What only one copy holds is kept. Where both hold an item differently, choose which to keep: "
                    "each shows both copies' values and sources."
                </p>
            })}
            {common.map(|named| view! {
                <p class="inset" data-testid="combine-common">
                    {format!(
                        "Both copies started from {named}. What only one copy changed since then is taken, a removal too, and you choose only where both changed the same item."
                    )}
                </p>
            })}
            {(!merge.common).then(|| view! {
                <p class="inset" data-testid="combine-no-common">
                    "Scrutineer does not know the version both copies started from, so it cannot tell which officer changed "
                    "an item both hold: each such item is yours to choose, even where only one of you changed it."
                </p>
            })}
        </section>
        {body}
        <div class="button-group">
            <button type="button" class="button" data-testid="confirm-combine" on:click=combine>
                "Combine and open"
            </button>
            <button type="button" class="button button--secondary" data-testid="cancel-combine" on:click=cancel>
                "Cancel"
            </button>
        </div>
        <p>
            "To replace what is open with the file instead, "
            <a href=Route::Data.href()>"go back to Data"</a>
            "; to see every difference first, "
            <a href=Route::Compare.href() on:click=move |_| { workspace.compare_with_pending(); }>
                "compare it with what is open"
            </a>
            "."
        </p>
    }
}

#[component]
fn SectionItems(merge: Arc<Merge>, section: Section, choices: RwSignal<Choices>) -> impl IntoView {
    let heading_id = format!("combine-{}", section.key());
    let counts = merge.counts(Some(section));
    let asked: Vec<MergeItem> = merge
        .in_section(section)
        .filter(|i| i.outcome == Outcome::Conflict)
        .cloned()
        .collect();
    let taken: Vec<MergeItem> = merge
        .in_section(section)
        .filter(|i| i.outcome != Outcome::Conflict)
        .cloned()
        .collect();
    let keys: Vec<_> = asked.iter().map(|i| i.key.clone()).collect();
    let keys = StoredValue::new(keys);
    // Only those not chosen yet: a choice made one by one stays.
    let unchosen = move || {
        keys.with_value(|k| choices.with(|c| k.iter().filter(|k| !c.contains_key(*k)).count()))
    };
    let all = move |side: Side| {
        move |_| {
            choices.update(|c| {
                keys.with_value(|k| {
                    for key in k {
                        c.entry(key.clone()).or_insert(side);
                    }
                })
            })
        }
    };
    let total = asked.len();
    // One item is chosen by its own buttons.
    let bulk = (total > 1).then(|| {
        view! {
            <Show when=move || { unchosen() > 0 }>
                <div class="button-group">
                    <button type="button" class="button button--secondary" data-testid=format!("combine-all-open-{}", section.key()) on:click=all(Side::Open)>
                        {move || format!("Keep what is open now for the {} not chosen", count_of(unchosen(), "item", "items"))}
                    </button>
                    <button type="button" class="button button--secondary" data-testid=format!("combine-all-file-{}", section.key()) on:click=all(Side::File)>
                        {move || format!("Take the file's for the {} not chosen", count_of(unchosen(), "item", "items"))}
                    </button>
                </div>
            </Show>
        }
    });
    let more = (total > MOST_SHOWN).then(|| view! {
        <p class="secondary">
            {format!("The first {MOST_SHOWN} are set out here; choose the other {} with the buttons above.", total - MOST_SHOWN)}
        </p>
    });
    let taken_list = (!taken.is_empty()).then(|| {
        let table_id = format!("combine-taken-{}", section.key());
        let summary = format!("{} taken without asking", count_of(taken.len(), "change", "changes"));
        view! {
            <details class="details" data-testid=format!("combine-taken-{}", section.key())>
                <summary class="details__summary"><span id=table_id.clone()>{summary}</span></summary>
                <TableRegion labelled_by=table_id>
                    <table class="table">
                        <thead>
                            <tr>
                                <th scope="col">"Item"</th>
                                <th scope="col">"What happens"</th>
                                <th scope="col">"Open now"</th>
                                <th scope="col">"In the file"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {taken.into_iter().take(MOST_SHOWN * 2).map(|item| {
                                let open = side_text(&item.rows, Side::Open);
                                let file = side_text(&item.rows, Side::File);
                                view! {
                                    <tr>
                                        <th scope="row">{item_name(&item)}</th>
                                        <td>{item.outcome.words()}</td>
                                        <td>{open}</td>
                                        <td>{file}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </TableRegion>
            </details>
        }
    });
    view! {
        <section aria-labelledby=heading_id.clone() data-testid=format!("combine-section-{}", section.key())>
            <h2 id=heading_id.clone()>{section.heading()}</h2>
            <p class="secondary">{counts.words()}</p>
            {bulk}
            {asked.into_iter().take(MOST_SHOWN).enumerate().map(|(n, item)| {
                let at = format!("merge-{}-{n}", section.key());
                view! { <Choice item=item at=at choices=choices/> }
            }).collect_view()}
            {more}
            {taken_list}
        </section>
    }
}

/// An item's name, as a link where it can be seen.
fn item_name(item: &MergeItem) -> AnyView {
    match &item.href {
        Some(href) => view! { <a href=href.clone()>{item.label.clone()}</a> }.into_any(),
        None => view! { <span>{item.label.clone()}</span> }.into_any(),
    }
}

/// One copy's fields of an item as a line: "Figure: 45%; Source: Q1 report".
fn side_text(rows: &[Row], side: Side) -> String {
    let texts: Vec<String> = rows
        .iter()
        .filter_map(|r| {
            let text = match side {
                Side::Open => r.open.as_ref(),
                Side::File => r.file.as_ref(),
            }?;
            Some(format!("{}: {text}", r.what))
        })
        .collect();
    if texts.is_empty() {
        "Not in this copy".to_owned()
    } else {
        texts.join("; ")
    }
}

/// One item both copies hold differently: both side by side, and the choice.
#[component]
fn Choice(
    item: MergeItem,
    /// Unique on the page (by its place), for element ids and the radios'
    /// name; the slug, made from ids, is for test hooks only.
    at: String,
    choices: RwSignal<Choices>,
) -> impl IntoView {
    let slug = item.slug();
    let legend_id = format!("{at}-legend");
    let table_id = format!("{at}-table");
    let why_id = format!("{at}-why");
    let key = item.key.clone();
    let is = {
        let key = key.clone();
        move |side: Side| choices.with(|c| c.get(&key) == Some(&side))
    };
    let radio = move |side: Side| {
        let key = key.clone();
        let is = is.clone();
        view! {
            <Radio
                name=at.clone()
                value=side.key()
                label=side.choice_words()
                checked=Signal::derive(move || is(side))
                on_choose=Callback::new(move |_| choices.update(|c| { c.insert(key.clone(), side); }))
                testid=format!("choose-{}-{}", side.key(), slug)
            />
        }
    };
    let cell = |text: &Option<String>| {
        text.clone()
            .unwrap_or_else(|| "Not in this copy".to_owned())
    };
    let rows = item.rows.clone();
    // Read first, before the fields, where the choice needs a reason.
    let described_by = match &item.why {
        Some(_) => format!("{why_id} {table_id}"),
        None => table_id.clone(),
    };
    let why = item
        .why
        .clone()
        .map(|why| view! { <p class="inset" id=why_id data-testid="conflict-why">{why}</p> });
    let name = item_name(&item);
    let testid = format!("conflict-{}", item.slug());
    view! {
        <fieldset class="merge-choice" aria-describedby=described_by data-testid=testid>
            <legend class="merge-choice__legend" id=legend_id.clone()>{name}</legend>
            {why}
            <TableRegion labelled_by=legend_id>
                <table class="table" id=table_id>
                    <thead>
                        <tr>
                            <th scope="col">"Field"</th>
                            <th scope="col">"Open now"</th>
                            <th scope="col">"In the file"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows.iter().map(|r| view! {
                            <tr>
                                <th scope="row">{r.what}</th>
                                <td>{cell(&r.open)}</td>
                                <td>{cell(&r.file)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </TableRegion>
            <div class="merge-choice__options">
                {radio(Side::Open)}
                {radio(Side::File)}
            </div>
        </fieldset>
    }
}
