//! `#/data/bring-in`: a council's own spreadsheets brought in (indicators,
//! the register, complaints), each from CSV or an Excel workbook, previewed
//! whole before anything changes, with the columns mapped by hand where
//! their headings are not ones Scrutineer knows.

use leptos::prelude::*;
use scrutineer_core::bring_in::columns::{ColumnsError, Mapping};
use scrutineer_core::bring_in::{
    column_label, csv_table, is_workbook, Kind, Plan, Refused, Source, Table,
};
use scrutineer_core::file::read::ReadFileError;
use scrutineer_core::route::Route;
use scrutineer_core::text::capitalise;

use crate::components::{NoticesHere, PreviewPanel};
use crate::data::contents;
use crate::state::use_notices;
use crate::workspace::use_workspace;

/// `#/data/bring-in`: the steps for a new council, what is held now, and a
/// part for each kind of spreadsheet.
#[component]
pub fn BringInPage() -> impl IntoView {
    let workspace = use_workspace();
    let held = move || workspace.snapshot().with(|s| contents(&s.summary()));
    let pack = move || {
        workspace
            .snapshot()
            .with(|s| format!("{}: {}", s.organisation, s.title))
    };
    view! {
        <h1 tabindex="-1">"Bring in your council's spreadsheets"</h1>
        <p class="lede">
            "Bring in the spreadsheets you already keep, as CSV files or Excel workbooks. "
            "Each is checked and shown to you before anything changes, and Undo puts everything back."
        </p>
        <h2>"What is held now"</h2>
        <dl class="summary-list" data-testid="bring-in-held">
            <div class="summary-list__row">
                <dt class="summary-list__key">"Pack"</dt>
                <dd class="summary-list__value">{pack}</dd>
            </div>
            <div class="summary-list__row">
                <dt class="summary-list__key">"Holds"</dt>
                <dd class="summary-list__value">{held}</dd>
            </div>
        </dl>
        <h2>"Steps for a new council"</h2>
        <ol class="steps" data-testid="bring-in-steps">
            <li>
                <a href=Route::Data.href()>"Name the pack"</a>
                ": on the Data page, start with an empty workspace (your council's name, the pack's title and its date), or check the details of the one open."
            </li>
            {Kind::ALL.into_iter().map(|kind| {
                let href = format!("#{}", part_id(kind));
                view! {
                    <li>
                        <a href=href.clone() on:click=move |ev| {
                            ev.prevent_default();
                            crate::browser::focus_id(part_id(kind));
                        }>{kind.title()}</a>
                        ": download the template, or use your own spreadsheet."
                    </li>
                }
            }).collect_view()}
        </ol>
        {Kind::ALL.into_iter().map(|kind| view! { <BringInPart kind=kind/> }).collect_view()}
    }
}

/// A part's template: the button that downloads it, and what each of its
/// columns accepts.
#[component]
fn TemplateDownload(kind: Kind) -> impl IntoView {
    let key = kind.key();
    let columns = kind.template().columns;
    let download = move |_| {
        let t = kind.template();
        crate::browser::download(t.file_name, &t.csv, "text/csv");
    };
    view! {
        <div class="button-group">
            <button type="button" class="button button--secondary" data-testid=format!("{key}-template") on:click=download>
                "Download the template (CSV)"
            </button>
        </div>
        <details class="details">
            <summary class="details__summary">"What each column accepts"</summary>
            <div class="table-scroll" tabindex="0" role="region" aria-label=format!("The columns of the {key} template")>
                <table class="table">
                    <thead><tr>
                        <th scope="col">"Column"</th><th scope="col">"Needed"</th><th scope="col">"What it accepts"</th>
                    </tr></thead>
                    <tbody>
                        {columns.into_iter().map(|(name, needed, accepts)| view! {
                            <tr>
                                <th scope="row"><code>{name}</code></th>
                                <td>{if needed { "Yes" } else { "No" }}</td>
                                <td>{accepts}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </details>
    }
}

/// Which of a workbook's sheets to read; a new choice forgets the columns
/// chosen for the last.
#[component]
fn SheetPicker(
    kind: Kind,
    labels: Vec<String>,
    sheet: RwSignal<usize>,
    chosen: RwSignal<Mapping>,
) -> impl IntoView {
    let key = kind.key();
    let sheet_id = format!("{key}-sheet");
    view! {
        <div class="form-group">
            <label class="label" for=sheet_id.clone()>"Which sheet"</label>
            <select class="select" id=sheet_id data-testid=format!("{key}-sheet") on:change=move |ev| {
                if let Ok(i) = event_target_value(&ev).parse::<usize>() {
                    chosen.set(vec![]);
                    sheet.set(i);
                }
            }>
                {labels.into_iter().enumerate().map(|(i, label)| view! {
                    <option value=i.to_string() selected=move || sheet.get() == i>{label}</option>
                }).collect_view()}
            </select>
        </div>
    }
}

/// Where a part shows what a chosen file would do, revealed once it is read.
fn result_selector(kind: Kind) -> &'static str {
    match kind {
        Kind::Indicators => "#indicators-result h3",
        Kind::Register => "#register-result h3",
        Kind::Complaints => "#complaints-result h3",
    }
}

/// The element id of a part's heading (and where its messages are shown).
fn part_id(kind: Kind) -> &'static str {
    match kind {
        Kind::Indicators => "bring-in-indicators",
        Kind::Register => "bring-in-register",
        Kind::Complaints => "bring-in-complaints",
    }
}

/// A file read: its name, its sheets (one for a CSV file) and how its text
/// was read ("UTF-8, separated by commas"), where that is worth saying.
#[derive(Clone, Debug, PartialEq)]
struct Opened {
    file: String,
    tables: Vec<Table>,
    read_as: Option<String>,
}

/// Reads a chosen file: a workbook in the worker, a CSV file here.
async fn open_file(name: String, file: web_sys::File) -> Result<Opened, ReadFileError> {
    let bytes = crate::browser::read_file_bytes(&file).await?;
    if is_workbook(&name, &bytes) {
        let tables = crate::workbook::read_workbook(&name, bytes)
            .await
            .map_err(|sentence| {
                let stop = if sentence.ends_with('.') { "" } else { "." };
                ReadFileError::Workbook(format!("{sentence}{stop}"))
            })?;
        Ok(Opened {
            file: name,
            tables,
            read_as: None,
        })
    } else {
        let (table, read_as) = csv_table(&bytes)?;
        Ok(Opened {
            file: name,
            tables: vec![table],
            read_as: Some(read_as),
        })
    }
}

/// One kind of spreadsheet: its template, the file chooser, then the
/// preview, the column mapping or the faults.
#[component]
fn BringInPart(kind: Kind) -> impl IntoView {
    let workspace = use_workspace();
    let notices = use_notices();
    let at = part_id(kind);
    let key = kind.key();
    let opened: RwSignal<Option<Opened>> = RwSignal::new(None);
    let sheet = RwSignal::new(0usize);
    let chosen: RwSignal<Mapping> = RwSignal::new(vec![]);
    let outcome = Memo::new(move |_| {
        opened.with(|o| {
            let o = o.as_ref()?;
            let table = o.tables.get(sheet.get()).or(o.tables.first())?;
            let plan = chosen.with(|c| workspace.snapshot().with(|s| kind.plan(s, table, c)));
            Some((Source::of(&o.file, table), plan))
        })
    });
    // Each choice's number: a slow read of an earlier file never replaces a later one.
    let reads = StoredValue::new(0u64);
    let clear = move || {
        opened.set(None);
        chosen.set(vec![]);
        sheet.set(0);
    };
    let choose = move |event: leptos::ev::Event| {
        notices.clear_at(at);
        clear();
        reads.update_value(|n| *n += 1);
        let this_read = reads.get_value();
        let current = move || reads.try_get_value() == Some(this_read);
        let Some(file) = crate::browser::take_chosen_file(&event) else {
            return;
        };
        let name = file.name();
        if let Err(too_large) = ReadFileError::check_size(file.size() as usize) {
            return notices.refuse(at, &name, &too_large);
        }
        leptos::task::spawn_local(async move {
            let read = open_file(name.clone(), file).await;
            if !current() {
                return;
            }
            match read {
                Ok(o) => {
                    let first = workspace
                        .snapshot()
                        .with_untracked(|s| kind.first_sheet(s, &o.tables));
                    // The page may have gone while the file was read.
                    let _ = sheet.try_set(first);
                    let _ = opened.try_set(Some(o));
                    crate::browser::reveal_after_render(result_selector(kind));
                }
                Err(e) => notices.refuse(at, &name, &e),
            }
        });
    };
    // A file with faults is refused beside its chooser, every fault listed;
    // the list goes once another sheet or choice of columns has none.
    Effect::new(move |was_refused: Option<bool>| {
        let faults = outcome.with(|o| match o {
            Some((_, Err(Refused::Faults(faults)))) => Some(faults.clone()),
            _ => None,
        });
        let refused = faults.is_some();
        if let Some(faults) = faults {
            let file =
                opened.with_untracked(|o| o.as_ref().map(|o| o.file.clone()).unwrap_or_default());
            notices.clear_at(at);
            notices.refuse(at, &file, &ReadFileError::Sheet(faults));
        } else if was_refused == Some(true) && opened.with_untracked(Option::is_some) {
            notices.clear_at(at);
        }
        refused
    });
    let confirm = move |()| {
        if let Some((source, Ok(plan))) = outcome.get_untracked() {
            clear();
            workspace.edit_at(at, plan.done_message(&source), plan.snapshot);
        }
    };
    let input_id = format!("{key}-file");
    let hint_id = format!("{key}-file-hint");
    view! {
        <section class="bring-in-part" aria-labelledby=at data-testid=format!("{key}-part")>
            <h2 id=at tabindex="-1">{kind.title()}</h2>
            <p>{kind.shape()}</p>
            <TemplateDownload kind=kind/>
            <div class="form-group">
                <label class="label" for=input_id.clone()>{format!("Choose a spreadsheet of {}", kind.title().to_lowercase())}</label>
                <p class="hint" id=hint_id.clone()>"A CSV file (UTF-8, Windows-1252 or UTF-16; commas, semicolons or tabs) or an Excel workbook (.xlsx). Headings are matched whatever their case, and may sit below a title."</p>
                <input
                    class="file-input"
                    id=input_id
                    type="file"
                    accept=".csv,.txt,.tsv,.xlsx,.xlsm,text/csv,text/plain,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel.sheet.macroEnabled.12"
                    aria-describedby=hint_id
                    data-testid=format!("{key}-input")
                    on:change=choose
                />
            </div>
            <NoticesHere at=at/>
            {move || opened.with(|o| o.as_ref().filter(|o| o.tables.len() > 1).map(|o| view! {
                <SheetPicker kind=kind labels=o.tables.iter().map(Table::label).collect() sheet=sheet chosen=chosen/>
            }))}
            <Outcome kind=kind outcome=outcome opened=opened sheet=sheet chosen=chosen
                on_confirm=Callback::new(confirm) on_cancel=Callback::new(move |()| clear())/>
        </section>
    }
}

/// What a chosen file would do: its preview, the columns to choose, the
/// way back to choosing them after faults (which are said beside the
/// chooser), or why its columns cannot be read.
#[component]
fn Outcome(
    kind: Kind,
    outcome: Memo<Option<(Source, Result<Plan, Refused>)>>,
    opened: RwSignal<Option<Opened>>,
    sheet: RwSignal<usize>,
    chosen: RwSignal<Mapping>,
    on_confirm: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let key = kind.key();
    view! {
    <div id=format!("{key}-result")>
    {move || outcome.get().map(|(source, plan)| match plan {
        Ok(plan) if plan.is_empty() => view! {
            <div class="panel" data-testid=format!("{key}-unchanged")>
                <p>{format!("{} holds nothing that differs from what is held now, so there is nothing to bring in.", source.named())}</p>
                {plan.not_read.iter().map(|line| view! { <p class="warning-text">{line.clone()}</p> }).collect_view()}
            </div>
        }.into_any(),
        Ok(plan) => view! {
            <Preview kind=kind source=source plan=plan read_as=opened.with_untracked(|o| o.as_ref().and_then(|o| o.read_as.clone()))
                on_confirm=on_confirm on_cancel=on_cancel/>
        }.into_any(),
        // Said beside the chooser, by the effect above; where columns
        // were chosen by hand, they can be chosen again.
        Err(Refused::Faults(_)) => (!chosen.with(Vec::is_empty)).then(|| view! {
            <div class="button-group">
                <button type="button" class="button button--secondary" data-testid=format!("{key}-remap")
                    on:click=move |_| chosen.set(vec![])>"Choose the columns again"</button>
            </div>
        }).into_any(),
        Err(Refused::Columns(ColumnsError::Unmatched { found, missing })) => {
            // The first rows under the headings, to choose by.
            let sample: Vec<Vec<String>> = opened.with_untracked(|o| {
                o.as_ref()
                    .and_then(|o| o.tables.get(sheet.get_untracked()))
                    .map(|t| t.sample(found.header_row, 3))
                    .unwrap_or_default()
            });
            view! {
                <Mapper kind=kind source=source found=found sample=sample missing=missing.iter().map(|m| (m.key, m.accepts)).collect() chosen=chosen
                    on_cancel=on_cancel/>
            }.into_any()
        }
        Err(Refused::Columns(ColumnsError::Empty(fault) | ColumnsError::BadMapping(fault))) => view! {
            <p class="error-message" role="alert" data-testid=format!("{key}-columns-fault")>{format!("{} cannot be brought in: {fault}. Nothing has been changed.", source.named())}</p>
        }.into_any(),
    })}
    </div>
    }
}

/// What using the file would do, with the choice to go ahead.
#[component]
fn Preview(
    kind: Kind,
    source: Source,
    plan: Plan,
    read_as: Option<String>,
    on_confirm: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let key = kind.key();
    let heading_id: &'static str = match kind {
        Kind::Indicators => "indicators-preview-heading",
        Kind::Register => "register-preview-heading",
        Kind::Complaints => "complaints-preview-heading",
    };
    let changed = (!plan.changed.is_empty()).then(|| view! {
        <h4>"Held now, and changed by the file"</h4>
        <div class="table-scroll" tabindex="0" role="region" aria-label="Each held figure the file changes">
            <table class="table" data-testid=format!("{key}-changed")>
                <thead><tr>
                    <th scope="col">"What"</th><th scope="col" class="numeric">"Now"</th><th scope="col" class="numeric">"From the file"</th>
                </tr></thead>
                <tbody>
                    {plan.changed.iter().map(|c| view! {
                        <tr><th scope="row">{c.what.clone()}</th><td class="numeric">{c.now.clone()}</td><td class="numeric">{c.from_file.clone()}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    });
    let understood = (!plan.understood.is_empty()).then(|| view! {
        <h4>"How the headings and cells were read"</h4>
        <div class="table-scroll table-scroll--tall" tabindex="0" role="region" aria-label="How each heading and cell was read">
            <table class="table" data-testid=format!("{key}-understood")>
                <thead><tr>
                    <th scope="col">"Where"</th><th scope="col">"As printed"</th><th scope="col">"Understood as"</th>
                </tr></thead>
                <tbody>
                    {plan.understood.iter().map(|u| view! {
                        <tr><td>{u.place.clone()}</td><td>{u.printed.clone()}</td><td>{u.understood.clone()}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    });
    view! {
        <PreviewPanel
            heading=capitalise(&plan.preview_heading(&source))
            heading_id=heading_id
            testid=match kind { Kind::Indicators => "indicators-preview", Kind::Register => "register-preview", Kind::Complaints => "complaints-preview" }
            confirm_label="Bring these in"
            confirm_testid=match kind { Kind::Indicators => "indicators-confirm", Kind::Register => "register-confirm", Kind::Complaints => "complaints-confirm" }
            on_confirm=on_confirm
            on_cancel=on_cancel
        >
            {read_as.map(|r| view! { <p class="hint">{r}</p> })}
            {(!plan.created.is_empty()).then(|| view! {
                <h4>"New"</h4>
                <ul class="list" data-testid=format!("{key}-created")>
                    {plan.created.iter().map(|c| view! { <li>{c.clone()}</li> }).collect_view()}
                </ul>
            })}
            {changed}
            {(!plan.not_read.is_empty()).then(|| view! {
                <div class="warning-text" data-testid=format!("{key}-not-read")>
                    {plan.not_read.iter().map(|line| view! { <p>{line.clone()}</p> }).collect_view()}
                </div>
            })}
            {understood}
            <p>"Nothing changes until you bring these in, and Undo puts everything back."</p>
        </PreviewPanel>
    }
}

/// Where needed columns were not found: a choice of column for each.
#[component]
fn Mapper(
    kind: Kind,
    source: Source,
    found: scrutineer_core::bring_in::columns::Found,
    /// The first filled rows under the headings.
    sample: Vec<Vec<String>>,
    missing: Vec<(&'static str, &'static str)>,
    chosen: RwSignal<Mapping>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let key = kind.key();
    let headings = found.headings.clone();
    // The keys chosen already stay on the form, so a choice can be changed.
    let mut keys: Vec<(&'static str, &'static str)> = chosen
        .get_untracked()
        .iter()
        .map(|(k, _)| (*k, ""))
        .collect();
    for (k, accepts) in missing {
        if !keys.iter().any(|(c, _)| *c == k) {
            keys.push((k, accepts));
        }
    }
    view! {
        <section class="panel" aria-labelledby=format!("{key}-mapping-heading") data-testid=format!("{key}-mapping")>
            <h3 id=format!("{key}-mapping-heading") tabindex="-1">"Which column holds what?"</h3>
            <p>{format!(
                "Scrutineer could not find every column it needs in {}. Its headings are on row {}. Choose the column that holds each of these; nothing changes until you have seen what the file brings in.",
                source.named(),
                found.header_row + 1
            )}</p>
            <h4>"The file's first rows"</h4>
            <div class="table-scroll" tabindex="0" role="region" aria-label="The file's first rows">
                <table class="table" data-testid=format!("{key}-sample")>
                    <thead><tr>
                        {headings.iter().enumerate().map(|(i, h)| view! {
                            <th scope="col">{column_label(i, h)}</th>
                        }).collect_view()}
                    </tr></thead>
                    <tbody>
                        {sample.into_iter().map(|row| view! {
                            <tr>{(0..headings.len()).map(|i| view! { <td>{row.get(i).cloned().unwrap_or_default()}</td> }).collect_view()}</tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            {keys.into_iter().map(|(name, accepts)| {
                let select_id = format!("{key}-map-{name}");
                let current = chosen.get_untracked().iter().find(|(k, _)| *k == name).map(|(_, a)| *a);
                let options = headings.iter().enumerate().map(|(i, h)| {
                    let label = column_label(i, h);
                    view! { <option value=i.to_string() selected=current == Some(i)>{label}</option> }
                }).collect_view();
                let hint_id = format!("{select_id}-hint");
                let refocus = select_id.clone();
                view! {
                    <div class="form-group">
                        <label class="label" for=select_id.clone()>"The column for " <code>{name}</code></label>
                        {(!accepts.is_empty()).then(|| view! { <p class="hint" id=hint_id.clone()>{capitalise(accepts)}</p> })}
                        <select class="select" id=select_id aria-describedby=(!accepts.is_empty()).then_some(hint_id) data-testid=format!("{key}-map-{name}") on:change=move |ev| {
                            let value = event_target_value(&ev).parse::<usize>().ok();
                            // One column holds one thing: choosing it here takes it from any other.
                            chosen.update(|c| {
                                c.retain(|(k, a)| *k != name && Some(*a) != value);
                                if let Some(i) = value {
                                    c.push((name, i));
                                }
                            });
                            // The form is drawn again: focus stays on this choice, or
                            // goes to what the file now brings in.
                            let id = refocus.clone();
                            request_animation_frame(move || {
                                if document().get_element_by_id(&id).is_some() {
                                    crate::browser::focus_id(&id);
                                } else {
                                    crate::browser::reveal_after_render(result_selector(kind));
                                }
                            });
                        }>
                            <option value="" selected=current.is_none()>"Choose a column"</option>
                            {options}
                        </select>
                    </div>
                }
            }).collect_view()}
            <div class="button-group">
                <button type="button" class="button button--secondary" on:click=move |_| on_cancel.run(())>"Cancel"</button>
            </div>
        </section>
    }
}
