//! Figures from a spreadsheet, on the figures page: every change previewed
//! before anything is replaced.

use leptos::prelude::*;
use scrutineer_core::file::read::ReadFileError;
use scrutineer_core::indicators::csv::{import_figures, unchanged_message, FiguresImport};

use crate::components::{FileChooser, PreviewPanel};
use crate::state::use_notices;
use crate::workspace::use_workspace;

/// Where the figures-from-a-spreadsheet part of the page says what happened.
const FROM_CSV: &str = "from-csv";
/// The file input's element id.
const CSV_INPUT: &str = "figures-csv";

/// Figures from a spreadsheet: the long-form CSV the overview downloads.
/// Every change is listed before anything is replaced.
#[component]
pub(super) fn FiguresFromCsv() -> impl IntoView {
    let workspace = use_workspace();
    let notices = use_notices();
    let pending: RwSignal<Option<(String, FiguresImport)>> = RwSignal::new(None);
    let read = move |(name, text): (String, String)| match workspace
        .snapshot()
        .with_untracked(|s| import_figures(s, &text))
    {
        Ok(result) if result.changes.is_empty() => {
            notices.status_at(FROM_CSV, unchanged_message(&name, &result), vec![]);
        }
        Ok(result) => pending.set(Some((name, result))),
        Err(faults) => notices.refuse(FROM_CSV, &name, &ReadFileError::Rows(faults)),
    };
    let confirm = move |()| {
        if let Some((name, result)) = pending.get_untracked() {
            pending.set(None);
            workspace.edit_at(FROM_CSV, result.opened_message(&name), result.snapshot);
        }
    };
    view! {
        <h2 id="from-csv">"Or open figures from a spreadsheet"</h2>
        <p>
            "Use the CSV that \u{201c}Download figures (CSV)\u{201d} on the indicators page gives: one row per indicator and period, "
            "with the columns indicator_id, period and value (numerator, denominator and missing_reason are read too), "
            "and the comparators england, region and statistical_neighbours, each with its period in england_period, region_period "
            "and statistical_neighbours_period and the region's name in region_name. "
            "You will see every change before anything is replaced."
        </p>
        <p>
            "To add indicators that are not held yet, or to read your monitoring report's own table or an Excel workbook, "
            <a href=scrutineer_core::route::Route::BringIn.href()>"bring in your council's spreadsheets"</a>
            "."
        </p>
        <FileChooser
            id=CSV_INPUT
            label="Choose a CSV file"
            accept=".csv,text/csv"
            testid="csv-input"
            at=FROM_CSV
            on_choose=Callback::new(move |()| pending.set(None))
            on_text=Callback::new(read)
        />
        {move || pending.get().map(|(name, result)| view! {
            <CsvPreview
                name=name
                result=result
                on_confirm=Callback::new(confirm)
                on_cancel=Callback::new(move |()| pending.set(None))
            />
        })}
    }
}

/// Each change a chosen file would make, with what in it was not read;
/// nothing is replaced until the changes are used.
#[component]
fn CsvPreview(
    /// The file's name.
    name: String,
    /// What reading it would do.
    result: FiguresImport,
    /// Uses the changes.
    on_confirm: Callback<()>,
    /// Leaves everything as it is.
    on_cancel: Callback<()>,
) -> impl IntoView {
    let not_read = (!result.not_read.is_empty()).then(|| {
        view! {
            <div class="warning-text" data-testid="csv-not-read">
                {result.not_read.iter().map(|line| view! { <p>{line.clone()}</p> }).collect_view()}
            </div>
        }
    });
    let rows = result
        .changes
        .iter()
        .map(|c| {
            view! {
                <tr>
                    <th scope="row">{c.indicator.clone()}</th>
                    <td>{c.period.to_string()}</td>
                    <td class="numeric">{c.before_text().to_owned()}</td>
                    <td class="numeric">{c.after.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <PreviewPanel
            heading=result.preview_heading(&name)
            heading_id="csv-preview-heading"
            testid="csv-preview"
            confirm_label="Use these figures"
            confirm_testid="confirm-csv"
            on_confirm=on_confirm
            on_cancel=on_cancel
        >
            {not_read}
            <div class="table-scroll" tabindex="0" role="region" aria-label="Each change the file makes">
                <table class="table">
                    <thead><tr>
                        <th scope="col">"Indicator"</th><th scope="col">"Period, or comparator"</th>
                        <th scope="col" class="numeric">"Now"</th><th scope="col" class="numeric">"From the file"</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </PreviewPanel>
    }
}
