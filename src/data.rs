//! `#/data`: what is open and whether it is saved, saving or sharing a copy,
//! opening a snapshot file, the pack's details, starting again, and the
//! sources the figures came from.

use leptos::prelude::*;
use scrutineer_core::domain::snapshot::{
    count_of, DetailsField, DetailsForm, NewPackField, Snapshot, Summary,
};
use scrutineer_core::file::saving;
use scrutineer_core::file::share::{app_address, Draft};
use scrutineer_core::form::{FieldError, FormField};
use scrutineer_core::text::or_not_recorded;

use crate::browser;
use crate::components::{
    message_for, settle, summary_of, ErrorSummary, FileChooser, GettingStarted, NoticesHere,
    PreviewPanel, SummaryRow, TextField,
};

use crate::workspace::{use_workspace, OPEN_FILE, VERSIONS};

/// `#/data`: what is open, saving and sharing a copy, opening a file, the
/// pack details, starting again, and where the figures came from.
#[component]
pub fn DataPage() -> impl IntoView {
    view! {
        <h1 tabindex="-1">"Data: open, save and share"</h1>
        <p class="lede">
            "Everything here is kept in this browser on this device. To give it to someone, "
            "download a copy and email it; they open it on this page."
        </p>
        <p>
            "Setting up for your own council? "
            <a href=scrutineer_core::route::Route::BringIn.href() data-testid="bring-in-link">"Bring in your council's spreadsheets"</a>
            ": indicators, the register and complaints, from CSV or Excel."
        </p>
        <WhatIsOpen/>
        <SaveCopy/>
        <OpenFile/>
        <Versions/>
        <PackDetails/>
        <StartAgain/>
        <Sources/>
    }
}

/// What a snapshot holds, in a line: "60 indicators in 14 service areas, …".
pub(crate) fn contents(summary: &Summary) -> String {
    let years = match (
        summary.complaint_years.first(),
        summary.complaint_years.last(),
    ) {
        (Some(first), Some(last)) if first != last => format!("complaints {first} to {last}"),
        (Some(only), _) => format!("complaints {only}"),
        _ => "no complaints figures".to_owned(),
    };
    format!(
        "{} in {}, {}, {}, {}",
        count_of(summary.indicators, "indicator", "indicators"),
        count_of(summary.service_areas, "service area", "service areas"),
        count_of(summary.risks, "risk", "risks"),
        count_of(summary.opportunities, "opportunity", "opportunities"),
        years
    )
}

#[component]
fn WhatIsOpen() -> impl IntoView {
    let workspace = use_workspace();
    let summary = Memo::new(move |_| workspace.snapshot().with(|s| s.summary()));
    let saved = move || {
        workspace.meta().with(|meta| {
            saving::saved_text(
                workspace.health().get(),
                meta,
                workspace.showing_demo().get(),
                browser::instant_label,
            )
        })
    };
    let exported = move || {
        workspace
            .meta()
            .with(|m| saving::exported_text(m, browser::instant_label))
    };
    let persisted = move || saving::persisted_text(workspace.persisted().get());
    let place =
        saving::place_text(crate::records::place() == Some(crate::records::Place::LocalStorage));
    view! {
        <h2 id="open-now">"What is open now"</h2>
        <dl class="summary-list" data-testid="what-is-open">
            <SummaryRow label="Organisation">{move || summary.with(|s| s.organisation.clone())}</SummaryRow>
            <SummaryRow label="Pack">{move || summary.with(|s| s.title.clone())}</SummaryRow>
            <SummaryRow label="Figures">{move || summary.with(|s| s.as_at.clone())}</SummaryRow>
            <SummaryRow label="Prepared by">
                {move || workspace.snapshot().with(|s| or_not_recorded(s.prepared_by.clone()))}
            </SummaryRow>
            <SummaryRow label="Accessibility contact">
                {move || workspace.snapshot().with(|s| or_not_recorded(s.accessibility_contact.clone()))}
            </SummaryRow>
            <SummaryRow label="Contents">{move || summary.with(contents)}</SummaryRow>
            <SummaryRow label="Saved">
                <span data-testid="saved-state">{saved}</span>
                {persisted}
                {place}
            </SummaryRow>
            <SummaryRow label="Last copy in a file">{exported}</SummaryRow>
        </dl>
    }
}

#[component]
fn SaveCopy() -> impl IntoView {
    let workspace = use_workspace();
    let can_share = browser::can_share_files();
    let name = move || {
        workspace
            .snapshot()
            .with(|s| scrutineer_core::file::store::file_name(s))
    };
    // Without a share sheet (office PCs): a download, then a mail draft to attach it to.
    let draft = RwSignal::new(None::<(String, String)>);
    let email = move |_| {
        if workspace.download_copy() {
            let app = browser::location_href();
            let mailto = workspace
                .snapshot()
                .with_untracked(|s| Draft::of(s, app_address(&app)).mailto());
            draft.set(Some((name(), mailto)));
            request_animation_frame(|| browser::focus_id("email-draft-heading"));
        }
    };
    view! {
        <h2 id="save-copy">"Save or share a copy"</h2>
        <p>
            "A copy is one file, "
            <strong data-testid="export-name">{name}</strong>
            ", holding everything on screen. Email it to colleagues; anyone can open it in Scrutineer."
        </p>
        <div class="button-group">
            <button type="button" class="button" data-testid="download" on:click=move |_| { workspace.download_copy(); }>
                "Download a copy"
            </button>
            {if can_share {
                view! {
                    <button type="button" class="button button--secondary" data-testid="share" on:click=move |_| workspace.share_copy()>
                        "Share\u{2026}"
                    </button>
                }.into_any()
            } else {
                view! {
                    <button type="button" class="button button--secondary" data-testid="email" on:click=email>
                        "Email a copy"
                    </button>
                }.into_any()
            }}
        </div>
        {move || draft.get().map(|(file, mailto)| view! {
            <section class="panel" aria-labelledby="email-draft-heading" data-testid="email-draft">
                <h3 id="email-draft-heading" tabindex="-1">"Now attach it to an email"</h3>
                <p>
                    {format!("\u{201c}{file}\u{201d} is in your downloads. Open a draft, attach the file, and send it: ")}
                    "the draft tells the recipient how to open it."
                </p>
                <a class="button button--secondary" href=mailto data-testid="email-draft-link">"Open an email draft"</a>
            </section>
        })}
    }
}

#[component]
fn OpenFile() -> impl IntoView {
    let workspace = use_workspace();
    // A snapshot file is chosen here: the reader is warmed in idle time.
    crate::rehearsal::begin();
    view! {
        <h2 id="open-file">"Open a snapshot file"</h2>
        <p>
            "To see what changed between a pack and the one open, without opening it, "
            <a href=scrutineer_core::route::Route::Compare.href() data-testid="compare-link">"compare two packs"</a>
            "."
        </p>
        <FileChooser
            id="snapshot-file"
            label="Choose a Scrutineer snapshot (.json)"
            hint="You will see what it holds before anything is replaced, and can undo it afterwards."
            accept=".json,application/json"
            testid="file-input"
            at=OPEN_FILE
            on_choose=Callback::new(move |()| workspace.cancel_import())
            on_text=Callback::new(move |(name, text)| workspace.check_file(name, text))
        />
        <ImportPreview/>
    }
}

/// What a checked file holds, and the choice to open it.
#[component]
fn ImportPreview() -> impl IntoView {
    let workspace = use_workspace();
    let pending = move || workspace.pending_import().get();
    view! {
        {move || pending().map(|(name, opened)| {
            let summary = opened.snapshot.summary();
            let held = contents(&summary);
            let Summary { organisation, title, as_at, .. } = summary;
            let current = workspace.snapshot().with_untracked(|s| format!("{}, {}", s.organisation, s.as_at_label()));
            let exported = or_not_recorded(opened.exported_at.map(browser::instant_label));
            let changed = opened.integrity == scrutineer_core::file::fingerprint::Integrity::Changed;
            let (head, rest) = opened.integrity.words().split_once(": ").unwrap_or(("", ""));
            let migrated = opened.migrated().then(|| view! {
                <p>{format!("It was written by an older version of Scrutineer (format {}); it will be brought up to date.", opened.from_version)}</p>
            });
            view! {
                <PreviewPanel
                    heading=format!("Check \u{201c}{name}\u{201d} before opening it")
                    heading_id="preview-heading"
                    testid="import-preview"
                    confirm_label="Open this file"
                    confirm_testid="confirm-import"
                    on_confirm=Callback::new(move |()| workspace.confirm_import())
                    on_cancel=Callback::new(move |()| workspace.cancel_import())
                    alternative=("Combine it with what is open", scrutineer_core::route::Route::Combine.href(), "combine-pending")
                >
                    <dl class="summary-list">
                        <SummaryRow label="Organisation">{organisation}</SummaryRow>
                        <SummaryRow label="Pack">{title}</SummaryRow>
                        <SummaryRow label="Figures">{as_at}</SummaryRow>
                        <SummaryRow label="Contents">{held}</SummaryRow>
                        <SummaryRow label="Saved from Scrutineer">{exported}</SummaryRow>
                        <SummaryRow label="Fingerprint">
                            <span data-testid="preview-integrity" class=changed.then_some("warning-text")>
                                <strong>{head}</strong>{format!(": {rest}")}
                            </span>
                        </SummaryRow>
                    </dl>
                    {migrated}
                    <p class="warning-text">
                        <strong>{format!("Opening it replaces what is open now ({current}).")}</strong>
                        " You can undo this straight afterwards. If it is another officer's copy of the same pack, "
                        "combine it with what is open instead: what only one copy holds is kept, and you choose where they differ."
                    </p>
                    <p>
                        <a href=scrutineer_core::route::Route::Compare.href() data-testid="compare-pending" on:click=move |_| { workspace.compare_with_pending(); }>
                            "Compare it with what is open"
                        </a>
                    </p>
                </PreviewPanel>
            }
        })}
    }
}

#[component]
fn PackDetails() -> impl IntoView {
    let workspace = use_workspace();
    let form = RwSignal::new(workspace.snapshot().with_untracked(|s| s.details_form()));
    // Follow the data when it is replaced (import, another tab, start again).
    Effect::new(move |_| {
        let fresh = workspace.snapshot().with(|s| s.details_form());
        form.set(fresh);
    });
    let errors: RwSignal<Vec<FieldError<DetailsField>>> = RwSignal::new(vec![]);
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let edited = workspace
            .snapshot()
            .with_untracked(|s| s.with_details(&form.get_untracked()));
        if let Some(snapshot) = settle(errors, "details-errors", edited) {
            workspace.edit_if_changed_at("pack-details", "Saved the pack details", snapshot);
        }
    };
    let field = move |id: DetailsField,
                      label: &'static str,
                      kind: &'static str,
                      get: fn(&DetailsForm) -> String,
                      set: fn(&mut DetailsForm, String)| {
        view! {
            <TextField
                id=id.id()
                label=label
                kind=kind
                value=Signal::derive(move || form.with(get))
                on_input=Callback::new(move |v: String| form.update(|f| set(f, v)))
                error=Signal::derive(message_for(errors, id))
            />
        }
    };
    let summary = summary_of(errors);
    view! {
        <h2 id="pack-details">"Pack details"</h2>
        <form class="form" novalidate on:submit=save data-testid="details-form">
            <ErrorSummary id="details-errors" errors=summary/>
            {field(DetailsField::Organisation, "Organisation", "text", |f| f.organisation.clone(), |f, v| f.organisation = v)}
            {field(DetailsField::Title, "Pack title", "text", |f| f.title.clone(), |f, v| f.title = v)}
            {field(DetailsField::AsAt, "Figures as at", "date", |f| f.as_at.clone(), |f, v| f.as_at = v)}
            {field(DetailsField::PreparedBy, "Prepared by (optional)", "text", |f| f.prepared_by.clone(), |f, v| f.prepared_by = v)}
            <TextField
                id=DetailsField::AccessibilityContact.id()
                label="Accessibility contact (optional)"
                hint="One email address, phone number or web address where people can report an accessibility problem or ask for the pack in another format. The accessibility statement shows it."
                value=Signal::derive(move || form.with(|f| f.accessibility_contact.clone()))
                on_input=Callback::new(move |v: String| form.update(|f| f.accessibility_contact = v))
                error=Signal::derive(message_for(errors, DetailsField::AccessibilityContact))
            />
            <TextField
                id=DetailsField::SmallNumbers.id()
                label="Small numbers: flag counts under"
                inputmode="numeric"
                hint="Counts under this, and figures made of them, are marked \u{201c}small\u{201d} in every chart and table: too few to read a change into. A whole number from 0 (flag none) to 1000; blank gives the usual 10."
                value=Signal::derive(move || form.with(|f| f.small_numbers.clone()))
                on_input=Callback::new(move |v: String| form.update(|f| f.small_numbers = v))
                error=Signal::derive(message_for(errors, DetailsField::SmallNumbers))
            />
            <button type="submit" class="button">"Save pack details"</button>
        </form>
        <NoticesHere at="pack-details"/>
    }
}

/// Which replacement the user is confirming.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Replace {
    Empty,
    Demo,
}

#[component]
fn StartAgain() -> impl IntoView {
    let asking: RwSignal<Option<Replace>> = RwSignal::new(None);
    // The new pack's name, and whether it could be saved.
    let started: RwSignal<Option<(String, bool)>> = RwSignal::new(None);
    let ask = move |choice: Replace| {
        started.set(None);
        asking.set(Some(choice));
    };
    let cancel = Callback::new(move |()| asking.set(None));
    let on_started = Callback::new(move |done: (String, bool)| {
        asking.set(None);
        started.set(Some(done));
        request_animation_frame(|| browser::focus_id("started-heading"));
    });
    view! {
        <h2 id="start-again">"Start again"</h2>
        <p>"Clear the figures to start your own council's pack, or bring back the demo data."</p>
        <div class="button-group">
            <button type="button" class="button button--warning" data-testid="start-empty" on:click=move |_| ask(Replace::Empty)>
                "Start with an empty workspace"
            </button>
            <button type="button" class="button button--secondary" on:click=move |_| ask(Replace::Demo)>
                "Restore the demo data"
            </button>
        </div>
        {move || asking.get().map(|choice| match choice {
            Replace::Empty => view! { <NewPackForm on_started=on_started on_cancel=cancel/> }.into_any(),
            Replace::Demo => view! { <ConfirmDemo on_cancel=cancel/> }.into_any(),
        })}
        {move || started.get().map(|(organisation, saved)| view! {
            <section class="panel" class:panel--success=saved class:panel--warning=!saved aria-labelledby="started-heading" data-testid="started-empty">
                <h3 id="started-heading" tabindex="-1">{if saved {
                    format!("Started an empty workspace for {organisation}")
                } else {
                    format!("Started an empty workspace for {organisation}, in this tab only: it could not be saved (see the message at the top of the page)")
                }}</h3>
                <GettingStarted/>
            </section>
        })}
    }
}

/// What replacing the data removes, and the offer of a copy first.
#[component]
fn ReplaceWarning() -> impl IntoView {
    let workspace = use_workspace();
    let what = workspace
        .snapshot()
        .with_untracked(|s| format!("{}, {}", s.organisation, s.as_at_label()));
    let kept = workspace.keeps_versions();
    view! {
        <p>
            {format!("This replaces {what} in this browser. ")}
            {if kept {
                "A version of it is kept here (under \u{201c}Versions kept in this browser\u{201d}) to compare with or restore, \
                 until the browser needs the room; download a copy first to keep it safe anywhere else."
            } else {
                "No version of it can be kept in this browser now: download a copy first if you may want it again."
            }}
        </p>
    }
}

/// The "Download a copy first" button of a replacement's confirmation.
#[component]
fn DownloadFirst() -> impl IntoView {
    let workspace = use_workspace();
    view! {
        <button type="button" class="button button--secondary" on:click=move |_| { workspace.download_copy(); }>
            "Download a copy first"
        </button>
    }
}

/// The new pack's details, asked before the data is cleared. `on_started`
/// is given the new council's name and whether the empty workspace was saved.
#[component]
fn NewPackForm(on_started: Callback<(String, bool)>, on_cancel: Callback<()>) -> impl IntoView {
    let workspace = use_workspace();
    let details = RwSignal::new(DetailsForm {
        as_at: browser::today().to_string(),
        ..DetailsForm::default()
    });
    let errors: RwSignal<Vec<FieldError<NewPackField>>> = RwSignal::new(vec![]);
    let start_empty = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let fresh = Snapshot::fresh(&details.get_untracked(), browser::today());
        if let Some(snapshot) = settle(errors, "empty-errors", fresh) {
            let organisation = snapshot.organisation.clone();
            workspace.start_empty(snapshot, move |saved| on_started.run((organisation, saved)));
        }
    };
    let field = move |id: NewPackField,
                      label: &'static str,
                      kind: &'static str,
                      hint: &'static str,
                      get: fn(&DetailsForm) -> String,
                      set: fn(&mut DetailsForm, String)| {
        view! {
            <TextField
                id=id.id()
                label=label
                kind=kind
                hint=hint
                value=Signal::derive(move || details.with(get))
                on_input=Callback::new(move |v: String| details.update(|f| set(f, v)))
                error=Signal::derive(message_for(errors, id))
            />
        }
    };
    view! {
        <section class="panel panel--warning" aria-labelledby="confirm-heading" data-testid="confirm-replace">
            <h3 id="confirm-heading">"Clear every figure and start your own pack?"</h3>
            <ReplaceWarning/>
            <form class="form" novalidate on:submit=start_empty data-testid="empty-form">
                <ErrorSummary id="empty-errors" errors=summary_of(errors)/>
                {field(NewPackField(DetailsField::Organisation), "Your council's name", "text", "For example Anytown Borough Council. Downloaded copies are named after it.", |f| f.organisation.clone(), |f, v| f.organisation = v)}
                {field(NewPackField(DetailsField::Title), "Pack title", "text", "Usually the committee's name, for example Overview and Scrutiny Committee.", |f| f.title.clone(), |f, v| f.title = v)}
                {field(NewPackField(DetailsField::AsAt), "Figures as at", "date", "The last day the pack's figures cover.", |f| f.as_at.clone(), |f, v| f.as_at = v)}
                {field(NewPackField(DetailsField::PreparedBy), "Prepared by (optional)", "text", "A name or team, printed on the pack's cover.", |f| f.prepared_by.clone(), |f, v| f.prepared_by = v)}
                <div class="button-group">
                    <DownloadFirst/>
                    <button type="submit" class="button button--warning" data-testid="confirm-replace-button">"Clear and start empty"</button>
                    <button type="button" class="button button--secondary" on:click=move |_| on_cancel.run(())>"Cancel"</button>
                </div>
            </form>
        </section>
    }
}

/// "Replace the data with the demo?"
#[component]
fn ConfirmDemo(on_cancel: Callback<()>) -> impl IntoView {
    let workspace = use_workspace();
    let restore_demo = move |_| {
        on_cancel.run(());
        workspace.restore_demo();
    };
    view! {
        <section class="panel panel--warning" aria-labelledby="confirm-heading" data-testid="confirm-replace">
            <h3 id="confirm-heading">"Replace the data with the demo?"</h3>
            <ReplaceWarning/>
            <div class="button-group">
                <DownloadFirst/>
                <button type="button" class="button button--warning" data-testid="confirm-replace-button" on:click=restore_demo>
                    "Replace with the demo"
                </button>
                <button type="button" class="button button--secondary" on:click=move |_| on_cancel.run(())>"Cancel"</button>
            </div>
        </section>
    }
}

#[component]
fn Sources() -> impl IntoView {
    let workspace = use_workspace();
    let rows = move || {
        workspace.snapshot().with(|s| {
            s.sources
                .iter()
                .map(|source| {
                    let date = source
                        .date
                        .map(scrutineer_core::dates::long_date)
                        .unwrap_or_default();
                    view! {
                        <tr>
                            <td>{source.title.clone()}</td>
                            <td>{date}</td>
                            <td>{source.reference.clone().unwrap_or_default()}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let has_sources = move || workspace.snapshot().with(|s| !s.sources.is_empty());
    view! {
        <h2 id="sources">"Where the figures come from"</h2>
        <Show
            when=has_sources
            fallback=|| view! { <p>"No source documents are recorded."</p> }
        >
            <div class="table-scroll" tabindex="0" role="region" aria-label="Source documents">
                <table class="table">
                    <caption class="visually-hidden">"Source documents"</caption>
                    <thead>
                        <tr><th scope="col">"Document"</th><th scope="col">"Date"</th><th scope="col">"Where to find it"</th></tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </Show>
    }
}

/// "Versions kept in this browser": the data as it was before each import,
/// start empty, return to the demo and restore, and as each download wrote
/// it, newest first, each to compare with, restore (undoably) or remove.
#[component]
fn Versions() -> impl IntoView {
    let workspace = use_workspace();
    workspace.read_versions();
    let available = crate::records::aside_available();
    let sure = RwSignal::new(false);
    let notices = crate::state::use_notices();
    let list = move || {
        workspace.versions().get().map(|listed| {
            let index = match listed {
                Ok(index) => index,
                Err(_) => {
                    return view! {
                        <p class="warning-text" data-testid="versions-unreadable">
                            "The list of versions kept in this browser cannot be read, so no more are being kept. "
                            "Remove them all to keep versions again; the data open now is not affected."
                        </p>
                        <button type="button" class="button button--warning" data-testid="versions-remove-all"
                            on:click=move |_| {
                                // Some may hold the only copy of changes: a second press, once told.
                                if sure.get_untracked() {
                                    sure.set(false);
                                    workspace.remove_all_versions();
                                } else {
                                    sure.set(true);
                                    notices.status_at(
                                        VERSIONS,
                                        "Some of them may hold changes that are in no file, and which versions they are cannot be read. Press \u{201c}Remove every version\u{201d} again to remove them all.",
                                        vec![],
                                    );
                                }
                            }>
                            {move || if sure.get() { "Remove every version: press again" } else { "Remove every version" }}
                        </button>
                    }
                    .into_any();
                }
            };
            if index.kept.is_empty() {
                return view! {
                    <p data-testid="versions-none">
                        "None yet. A version is kept each time a file is opened over the data, the workspace is started empty, the demo is brought back, a version is restored, or a copy is downloaded."
                    </p>
                }
                .into_any();
            }
            let count = count_of(index.kept.len(), "version is", "versions are");
            let mut kept = index.kept.clone();
            kept.reverse();
            let rows = kept
                .into_iter()
                .map(|k| {
                    let when = browser::instant_label(k.kept_at);
                    let on = format!("on {when}");
                    let (compare, restore, remove) = (k.clone(), k.clone(), k.clone());
                    let (compare_on, restore_on, on_remove) = (on.clone(), on.clone(), on.clone());
                    let exported = k.exported;
                    let asked = RwSignal::new(false);
                    let unexported = (!k.exported).then(|| view! {
                        <span class="secondary">" (its changes are in no file: it is never removed to make room)"</span>
                    });
                    let named = {
                        let on = on.clone();
                        move |verb: &str| format!("{verb} the version kept {on}")
                    };
                    let (compare_label, restore_label) = (named("Compare with"), named("Restore"));
                    let (remove_label, remove_anyway) = (named("Remove"), format!("Remove: its changes are in no file (the version kept {on})"));
                    view! {
                        <tr data-testid="version-row">
                            <th scope="row">{when.clone()}</th>
                            <td>{k.cause.words()}{unexported}</td>
                            <td>{format!("{}, as at {}", k.organisation, scrutineer_core::dates::long_date(k.as_at))}</td>
                            <td>{scrutineer_core::file::versions::size(k.bytes)}</td>
                            <td>
                                <div class="button-group">
                                    <button type="button" class="button button--secondary" data-testid="version-compare"
                                        aria-label=compare_label
                                        on:click=move |_| workspace.compare_with_version(compare.clone(), compare_on.clone())>
                                        "Compare"
                                    </button>
                                    <button type="button" class="button button--secondary" data-testid="version-restore"
                                        aria-label=restore_label
                                        on:click=move |_| workspace.restore_version(restore.clone(), restore_on.clone())>
                                        "Restore"
                                    </button>
                                    <button type="button" class="button button--warning" data-testid="version-remove"
                                        aria-label=move || if asked.get() { remove_anyway.clone() } else { remove_label.clone() }
                                        on:click=move |_| {
                                            // The only copy of some changes: a second press, once told.
                                            if exported || asked.get_untracked() {
                                                workspace.remove_version(remove.clone());
                                            } else {
                                                asked.set(true);
                                                notices.status_at(
                                                    VERSIONS,
                                                    format!("The version kept {on_remove} holds changes that are in no file: removing it loses them. Press its Remove button again to remove it anyway, or restore it and download a copy first."),
                                                    vec![],
                                                );
                                            }
                                        }>
                                        {move || if asked.get() { "Remove: its changes are in no file" } else { "Remove" }}
                                    </button>
                                </div>
                            </td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <p data-testid="versions-summary">
                    {format!(
                        "{count} kept, taking {} of this browser's storage. At most {} are kept; the oldest go first when there is no room, except any whose changes are in no file.",
                        scrutineer_core::file::versions::size(index.bytes()),
                        scrutineer_core::file::versions::MOST_KEPT
                    )}
                </p>
                <div class="table-scroll" tabindex="0" role="region" aria-labelledby="versions">
                    <table class="table" data-testid="versions-table">
                        <thead>
                            <tr>
                                <th scope="col">"Kept"</th>
                                <th scope="col">"Why"</th>
                                <th scope="col">"Data"</th>
                                <th scope="col">"Size"</th>
                                <th scope="col">"Actions"</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
            .into_any()
        })
    };
    view! {
        <h2 id="versions">"Versions kept in this browser"</h2>
        {if available {
            view! {
                <p>"Look back at the data as it was, compare it with what is open, or put it back (you can undo that)."</p>
                {list}
            }
            .into_any()
        } else {
            view! {
                <p data-testid="versions-unavailable">
                    "This browser keeps Scrutineer's data in local storage, which has no room for versions. Download a copy to keep the data as it is now."
                </p>
            }
            .into_any()
        }}
        <NoticesHere at=VERSIONS/>
    }
}
