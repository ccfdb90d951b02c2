//! A chart as the Analysis Function sets one out: a title that says what it
//! shows, a sentence saying what it means, a key above it, every value
//! printed on it (tablets have no hover), and the same figures as a table.
//! The geometry is computed in the core; these views only draw it.

use leptos::prelude::*;
use scrutineer_core::charts::bars::{Bar, ColumnChart, LabelPlace, RowChart};
use scrutineer_core::charts::lines::{marker, LinesChart};
use scrutineer_core::complaints::report::{Figure, Table};

use super::{SmallFlag, TableRegion};
use scrutineer_core::domain::small::Small;

/// How a figure is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartKind {
    /// Lines over years, each series with its own marker shape.
    Lines,
    /// Columns per year, the series stacked.
    Stacked,
    /// Columns per year, the series side by side.
    Grouped,
    /// One column per year of a share, 0 to 100%.
    Percent,
    /// Horizontal bars, one row per category.
    Rows,
}

/// Where a figure sits in the printed pack.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InPack {
    /// Keeps its ids apart from another report's.
    pub prefix: String,
    /// The report it belongs to, named in its table's caption.
    pub report: String,
}

const WIDTH: f64 = 720.0;
const HEIGHT: f64 = 300.0;

/// A figure with its heading, sentence, key, chart, note and table.
///
/// In the printed pack the heading sits one level under the report's, and
/// the table is always shown: paper cannot open a "show" switch.
#[component]
pub fn FigureBlock(
    figure: Figure,
    kind: ChartKind,
    /// The council's small-number threshold: counts under it are flagged.
    under: u32,
    #[prop(optional)] pack: Option<InPack>,
) -> impl IntoView {
    let prefix = pack
        .as_ref()
        .map(|p| format!("{}-", p.prefix))
        .unwrap_or_default();
    let heading_id = format!("{prefix}chart-{}", figure.id);
    let table_id = format!("{prefix}chart-{}-table", figure.id);
    let described = format!("{}. {}", figure.title, figure.summary);
    let empty = figure.is_empty();
    let chart = (!empty).then(|| {
        let names: Vec<String> = figure.series.iter().map(|s| s.name.clone()).collect();
        let drawing = match kind {
            ChartKind::Lines => LinesChart::layout(&figure.labels, &figure.series, WIDTH, HEIGHT)
                .map(|c| view! { <LinesSvg chart=c label=described.clone()/> }.into_any()),
            ChartKind::Stacked | ChartKind::Grouped | ChartKind::Percent => {
                let arrangement = if kind == ChartKind::Stacked {
                    scrutineer_core::charts::bars::Arrangement::Stacked
                } else {
                    scrutineer_core::charts::bars::Arrangement::Grouped
                };
                ColumnChart::layout(
                    &figure.labels,
                    &figure.series,
                    arrangement,
                    kind == ChartKind::Percent,
                    WIDTH,
                    HEIGHT,
                )
                .map(|c| view! { <ColumnsSvg chart=c label=described.clone()/> }.into_any())
            }
            ChartKind::Rows => RowChart::layout(&figure.labels, &figure.series, WIDTH)
                .map(|c| view! { <RowsSvg chart=c label=described.clone()/> }.into_any()),
        };
        let key = (names.len() > 1 || kind == ChartKind::Lines)
            .then(|| view! { <Key names=names lines=kind == ChartKind::Lines/> });
        view! {
            {key}
            <div class="chart" data-testid=format!("chart-{}", figure.id)>{drawing}</div>
        }
    });
    let note = figure.note.clone().filter(|_| !empty);
    let small = (!empty && figure.table.any_small(under))
        .then(|| scrutineer_core::domain::small::counts_key(under));
    let table = figure.table.clone();
    let in_pack = pack.is_some();
    let heading = if in_pack {
        view! { <h4 id=heading_id>{figure.title.clone()}</h4> }.into_any()
    } else {
        view! { <h2 id=heading_id tabindex="-1">{figure.title.clone()}</h2> }.into_any()
    };
    // One page of the pack holds several reports whose charts share titles.
    let caption = match &pack {
        Some(p) => format!("{}: {}", figure.title, p.report),
        None => figure.title.clone(),
    };
    view! {
        <section class="chart-section">
            {heading}
            <p class="chart__summary" data-testid=format!("summary-{}", figure.id)>{figure.summary.clone()}</p>
            {chart}
            {note.map(|n| view! { <p class="hint">{n}</p> })}
            {small.map(|n| view! { <p class="hint" data-testid="small-note">{n}</p> })}
            {(!empty).then(|| if in_pack {
                view! { <FigureTable table=table id=table_id caption=caption under=under/> }.into_any()
            } else {
                view! {
                    <details class="details">
                        <summary class="details__summary">"Show the figures as a table"</summary>
                        <FigureTable table=table id=table_id caption=caption under=under/>
                    </details>
                }
                .into_any()
            })}
        </section>
    }
}

/// The key: a swatch (and, for lines, the marker) beside each series' name.
#[component]
fn Key(names: Vec<String>, lines: bool) -> impl IntoView {
    view! {
        <ul class="chart-key" aria-label="Key">
            {names.into_iter().enumerate().map(|(k, name)| {
                let swatch = if lines {
                    view! {
                        <svg class="chart-key__swatch" width="28" height="16" viewBox="0 0 28 16" aria-hidden="true" focusable="false">
                            <line class=format!("series-stroke-{}", k % 6) x1="0" x2="28" y1="8" y2="8"/>
                            <path class=format!("series-{}", k % 6) d=marker(k, 14.0, 8.0)/>
                        </svg>
                    }.into_any()
                } else {
                    view! { <span class=format!("chart-key__box series-bg-{}", k % 6) aria-hidden="true"></span> }.into_any()
                };
                view! { <li class="chart-key__item">{swatch}<span>{name}</span></li> }
            }).collect_view()}
        </ul>
    }
}

/// The value axis's grid lines and labels, and the category labels below.
fn axes(
    plot: (f64, f64, f64, f64),
    y_ticks: &[(f64, String)],
    x_labels: &[(f64, String)],
) -> impl IntoView {
    let (left, _top, right, bottom) = plot;
    view! {
        {y_ticks.iter().map(|(y, label)| view! {
            <line class="chart__grid" x1=left x2=right y1=*y y2=*y/>
            <text class="chart__tick" x=left - 8.0 y=*y + 4.0 text-anchor="end">{label.clone()}</text>
        }).collect_view()}
        <line class="chart__axis" x1=left x2=right y1=bottom y2=bottom/>
        {x_labels.iter().map(|(x, label)| view! {
            <text class="chart__tick" x=*x y=bottom + 22.0 text-anchor="middle">{label.clone()}</text>
        }).collect_view()}
    }
}

#[component]
fn LinesSvg(chart: LinesChart, label: String) -> impl IntoView {
    view! {
        <svg class="chart__svg" viewBox=format!("0 0 {} {}", chart.width, chart.height) role="img" aria-label=label>
            {axes(chart.plot, &chart.y_ticks, &chart.x_labels)}
            {chart.lines.iter().map(|line| {
                let k = line.series % 6;
                view! {
                    <path class=format!("chart__series-line series-stroke-{k}") d=line.path.clone()/>
                    {line.points.iter().map(|p| view! {
                        <path class=format!("series-{k}") d=marker(line.series, p.x, p.y)/>
                        <text class="chart__value" x=p.x y=p.label_y text-anchor="middle">{p.label.clone()}</text>
                    }).collect_view()}
                }
            }).collect_view()}
        </svg>
    }
}

/// One bar (or segment) with its label, placed and styled as the core laid it out.
fn bar(b: &Bar) -> impl IntoView {
    let k = b.series % 6;
    let class = match b.place {
        LabelPlace::Inside => format!("chart__value series-text-{k}"),
        LabelPlace::Muted { .. } => "chart__value chart__value--missing".to_owned(),
        LabelPlace::Above | LabelPlace::Beside => "chart__value".to_owned(),
    };
    let leader = b.leader_y.map(|y| view! {
        <line class="chart__leader" x1=b.x + b.width x2=b.label_x - 2.0 y1=y y2=b.label_y - 4.0/>
    });
    view! {
        <rect class=format!("chart__bar series-{k}") x=b.x y=b.y width=b.width height=b.height/>
        {leader}
        <text class=class x=b.label_x y=b.label_y text-anchor=b.place.anchor()>{b.label.clone()}</text>
    }
}

#[component]
fn ColumnsSvg(chart: ColumnChart, label: String) -> impl IntoView {
    view! {
        <svg class="chart__svg" viewBox=format!("0 0 {} {}", chart.width, chart.height) role="img" aria-label=label>
            {axes(chart.plot, &chart.y_ticks, &chart.x_labels)}
            {chart.bars.iter().map(bar).collect_view()}
        </svg>
    }
}

#[component]
fn RowsSvg(chart: RowChart, label: String) -> impl IntoView {
    view! {
        <svg class="chart__svg" viewBox=format!("0 0 {} {}", chart.width, chart.height) role="img" aria-label=label>
            {chart.row_labels.iter().map(|(y, name)| view! {
                <text class="chart__row-label" x=chart.left y=*y>{name.clone()}</text>
            }).collect_view()}
            {chart.bars.iter().map(bar).collect_view()}
        </svg>
    }
}

/// A chart's figures as a table: years (or categories) down, series across.
#[component]
pub fn FigureTable(table: Table, id: String, caption: String, under: u32) -> impl IntoView {
    let caption_id = format!("{id}-caption");
    view! {
        <TableRegion labelled_by=caption_id.clone()>
            <table class="table" id=id>
                <caption class="table__caption" id=caption_id>{caption}</caption>
                <thead><tr>
                    {table.head.iter().enumerate().map(|(i, h)| {
                        let class = if i == 0 { "" } else { "numeric" };
                        view! { <th scope="col" class=class>{h.clone()}</th> }
                    }).collect_view()}
                </tr></thead>
                <tbody>
                    {table.rows.iter().enumerate().map(|(r, row)| view! {
                        <tr>
                            {row.iter().enumerate().map(|(i, cell)| if i == 0 {
                                view! { <th scope="row">{cell.clone()}</th> }.into_any()
                            } else {
                                let flag = table
                                    .is_small(r, i, under)
                                    .then(|| view! { <SmallFlag small=Small::Count under=under/> });
                                view! { <td class="numeric">{cell.clone()}{flag}</td> }.into_any()
                            }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </TableRegion>
    }
}
