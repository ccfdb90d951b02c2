//! One service area's table of indicators, on the overview and in the pack.

use std::cell::RefCell;
use std::sync::{Arc, Weak};

use leptos::prelude::*;
use scrutineer_core::domain::period::Period;
use scrutineer_core::indicators::overview::AreaTable;

use crate::components::TableRegion;

thread_local! {
    /// The rows' HTML of the overview's tables on the page or kept with the
    /// overview last worked out (`overview::worked_out`): drawn again, they
    /// are not written again. Each is held by a weak hold on its table, and
    /// dropped at the next table drawn once its table is no longer used.
    static ROWS: RefCell<Vec<(Weak<AreaTable>, String)>> = const { RefCell::new(Vec::new()) };
}

/// `table`'s rows as HTML, written once while the table is in use.
fn rows_html(table: &Arc<AreaTable>) -> String {
    ROWS.with_borrow_mut(|rows| {
        rows.retain(|(held, _)| held.strong_count() > 0);
        if let Some((_, html)) = rows
            .iter()
            .find(|(held, _)| std::ptr::eq(held.as_ptr(), Arc::as_ptr(table)))
        {
            return html.clone();
        }
        let html = table.rows_html();
        rows.push((Arc::downgrade(table), html.clone()));
        html
    })
}

/// One service area's table; `pack` sets its heading one level down, under the pack's section.
#[component]
pub(crate) fn AreaTableView(
    /// Shared with the overview's memo, not copied.
    table: Arc<AreaTable>,
    period: Period,
    #[prop(optional)] pack: bool,
) -> impl IntoView {
    let heading = format!("area-{}", table.area_id);
    let heading_for_region = heading.clone();
    let any_elsewhere = table.any_elsewhere();
    // The rows are static: written as one piece of escaped HTML (see core's
    // `html` module), a 1,000-row pack draws in one DOM call, not 30,000.
    // The pack's tables are drawn once: nothing to keep.
    let body = if pack {
        table.rows_html()
    } else {
        rows_html(&table)
    };
    let shown = table.shown_columns();
    let mut shown = shown.into_iter();
    let chosen_head = shown
        .next()
        .map(|c| view! { <th scope="col" class="numeric chosen-period">{c.to_string()}</th> });
    let earlier_head = shown
        .map(|c| view! { <th scope="col" class="numeric">{c.to_string()}</th> })
        .collect_view();
    let region_heading = table.region_heading();
    let small_note = table.small_note();
    // Its height until it is drawn: `content-visibility: auto` leaves the
    // areas off screen undrawn at this height. A little under the drawn
    // height (a row is 66 to 72 px), so the area below a 50-row first one is
    // not laid out to be found off screen, and an area just below a short
    // one is not left undrawn on screen. Leptos sets it through the CSSOM,
    // which the page's policy allows (it refuses style attributes).
    let undrawn_height = format!("auto {}px", 80 + 64 * table.rows.len());
    let area_name = table.area_name.clone();
    let (show_region, show_neighbours) = (table.show_region, table.show_neighbours);
    let summary = table.tally.summary();
    view! {
        <section class="area" style:contain-intrinsic-block-size=undrawn_height>
            <div class="area__head">
                {if pack {
                    view! { <h3 id=heading.clone()>{area_name}</h3> }.into_any()
                } else {
                    view! { <h2 id=heading.clone()>{area_name}</h2> }.into_any()
                }}
                <p class="area__summary" data-testid="area-summary">{summary}</p>
            </div>
            <TableRegion labelled_by=heading_for_region sticky=true>
                <table class="table table--indicators">
                    <thead>
                        <tr>
                            <th scope="col" class="indicator-name">"Indicator"</th>
                            {chosen_head}
                            <th scope="col">"Change since last"<span class="visually-hidden">{format!(", {period} against the figure before")}</span></th>
                            <th scope="col" class="spc-cell">"Is the change real?"</th>
                            <th scope="col" class="trend-cell">"Recent figures"</th>
                            <th scope="col">"Good is"</th>
                            {earlier_head}
                            {any_elsewhere.then(|| view! { <th scope="col" class="numeric">"Latest other period"</th> })}
                            <th scope="col" class="numeric">"England average"</th>
                            {show_region.then(|| view! { <th scope="col" class="numeric">{region_heading}</th> })}
                            {show_neighbours.then(|| view! { <th scope="col" class="numeric">"Statistical neighbours"</th> })}
                        </tr>
                    </thead>
                    <tbody inner_html=body></tbody>
                </table>
            </TableRegion>
            {small_note.map(|note| view! { <p class="table-note" data-testid="small-note">{note}</p> })}
        </section>
    }
}
