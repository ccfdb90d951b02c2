//! `#/complaints/cases`: a case list (CSV, one row per complaint) chosen,
//! refused with every fault by row and column or previewed year by year,
//! then confirmed into the yearly figures.

use leptos::prelude::*;

use crate::components::{FileChooser, PreviewPanel};
use scrutineer_core::complaints::cases::{
    aggregate, apply_cases, preview_heading, read_cases, summed_message, timescales_text, CaseYear,
};
use scrutineer_core::domain::complaints::Procedure;
use scrutineer_core::domain::snapshot::Snapshot;
use scrutineer_core::file::read::ReadFileError;
use scrutineer_core::route::Route;

use crate::browser;
use crate::state::use_notices;
use crate::workspace::use_workspace;

/// Where the case-list part of the page says what happened to a file.
const CASE_LIST: &str = "case-list";

/// A case list read and summed, waiting for the officer to confirm it.
#[derive(Clone)]
struct Pending {
    name: String,
    cases: usize,
    snapshot: Snapshot,
    years: Vec<CaseYear>,
}

/// `#/complaints/cases`: a case list (one row per complaint) summed into
/// each year's figures, with response times in working days. A file with
/// any faulty row is refused whole, every fault named by row and column.
#[component]
pub fn ComplaintsCasesPage() -> impl IntoView {
    let workspace = use_workspace();
    let notices = use_notices();
    let pending: RwSignal<Option<Pending>> = RwSignal::new(None);
    let read = move |(name, text): (String, String)| match read_cases(&text) {
        Ok(cases) => {
            let summed = aggregate(&cases);
            let (snapshot, years) = workspace
                .snapshot()
                .with_untracked(|s| apply_cases(s, &summed));
            pending.set(Some(Pending {
                name,
                cases: cases.len(),
                snapshot,
                years,
            }));
        }
        Err(faults) => notices.refuse(CASE_LIST, &name, &ReadFileError::Rows(faults)),
    };
    view! {
        <p><a class="back-link" href=Route::Complaints.href()>"Back to complaints and compliments"</a></p>
        <h1 tabindex="-1">"Bring in a complaints case list"</h1>
        <Requirements/>
        <h2 id="choose-cases">"Choose the file"</h2>
        <FileChooser
            id="cases-csv"
            label="Choose a case list (.csv)"
            accept=".csv,text/csv"
            testid="cases-input"
            at=CASE_LIST
            on_choose=Callback::new(move |()| pending.set(None))
            on_text=Callback::new(read)
        />
        {move || pending.get().map(|p| view! { <Preview pending=p on_close=Callback::new(move |()| pending.set(None))/> })}
    }
}

/// What a case list needs, and what bringing one in changes.
#[component]
fn Requirements() -> impl IntoView {
    view! {
        <p class="lede">"A spreadsheet with one row per complaint, saved as CSV. Scrutineer counts it into each year's figures and works out response times in working days."</p>
        <h2>"What the file needs"</h2>
        <p>"A header row naming the columns, in any order:"</p>
        <ul class="list--bullet">
            <li><strong>"reference"</strong>", "<strong>"procedure"</strong>" (adult social care, children statutory, children non-statutory or corporate), "<strong>"received"</strong>" (a date) and "<strong>"stage"</strong>" (0 to 3): needed on every row;"</li>
            <li><strong>"category"</strong>", "<strong>"outcome"</strong>" (upheld, partly upheld, not upheld, withdrawn, early resolution; blank while open), "<strong>"acknowledged"</strong>" and "<strong>"responded"</strong>" (dates): where known."</li>
        </ul>
        <p>"Dates may be written 16/12/2019 or 2019-12-16. Working days leave out weekends and the bank holidays of England and Wales, Good Friday and Christmas Day among them. The timescales used are:"</p>
        <ul class="list--bullet">
            {Procedure::ALL.into_iter().map(|p| view! {
                <li>{format!("{}: {}", p.label(), timescales_text(p))}</li>
            }).collect_view()}
        </ul>
        <p>"For each year and procedure the file covers, its counts replace the complaints received, stages, outcomes, categories and timeliness held now. Compliments, the Ombudsman's figures and costs are kept. You will see what changes before anything is replaced, and can undo it."</p>
    }
}

/// A file read and summed: what it changes, year by year, to confirm or cancel.
#[component]
fn Preview(
    pending: Pending,
    /// Closes the preview: after a confirm, or on Cancel.
    on_close: Callback<()>,
) -> impl IntoView {
    let workspace = use_workspace();
    let heading = preview_heading(&pending.name, pending.cases, pending.years.len());
    let rows = pending
        .years
        .iter()
        .map(|y| {
            let [year, procedure, before, received, exceeded] = y.cells();
            view! {
                <tr>
                    <th scope="row">{year}</th>
                    <td>{procedure}</td>
                    <td class="numeric">{before}</td>
                    <td class="numeric">{received}</td>
                    <td class="numeric">{exceeded}</td>
                </tr>
            }
        })
        .collect_view();
    let confirm = move |()| {
        let first = pending.years.first().map(CaseYear::choice);
        on_close.run(());
        workspace.edit_at(
            CASE_LIST,
            summed_message(&pending.name, pending.cases),
            pending.snapshot.clone(),
        );
        if let Some(choice) = first {
            browser::go(&choice.href());
        }
    };
    view! {
        <PreviewPanel
            heading=heading
            heading_id="cases-preview-heading"
            testid="cases-preview"
            confirm_label="Use these figures"
            confirm_testid="confirm-cases"
            on_confirm=Callback::new(confirm)
            on_cancel=on_close
        >
            <div class="table-scroll" tabindex="0" role="region" aria-label="Each year and procedure the file changes">
                <table class="table">
                    <thead><tr>
                        <th scope="col">"Year"</th><th scope="col">"Procedure"</th>
                        <th scope="col" class="numeric">"Received now"</th><th scope="col" class="numeric">"Received in the file"</th>
                        <th scope="col" class="numeric">"Beyond the timescale"</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </PreviewPanel>
    }
}
