//! The debrief's charts, drawn with egui_plot from the recorded metrics.

use bevy_egui::egui;
use egui_plot::{Bar, BarChart, FilledArea, Legend, Line, Plot, PlotPoints, Points};

use super::theme::Theme;
use crate::sim::Column;
use crate::sim::key_numbers::KeyNumbers;
use crate::sim::metrics::Metrics;
use crate::sim::summary::{Band, Dora, Summary};

/// What the charts need, taken once from the finished chapter.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ChartData {
    /// Tickets per column, hour by hour.
    pub columns: Vec<[u32; 5]>,
    /// Hours from release to done of every finished ticket.
    pub lead_times: Vec<f64>,
    /// Share of worked hours that were unplanned, over the four hours up to each hour.
    pub unplanned_by_hour: Vec<f64>,
    /// Per person: name, utilization, mean wait in units of their mean step.
    pub busy_idle: Vec<(String, f64, f64)>,
}

impl ChartData {
    pub fn new(metrics: &Metrics, summary: &Summary, lead_times: Vec<f64>) -> Self {
        Self {
            columns: metrics.samples.iter().map(|s| s.columns).collect(),
            lead_times,
            unplanned_by_hour: metrics.unplanned_share_by_hour(4),
            busy_idle: summary
                .people
                .iter()
                .filter_map(|p| Some((p.name.clone(), p.utilization, p.wait_over_task()?)))
                .collect(),
        }
    }
}

const CHART_HEIGHT: f32 = 180.0;

/// A cumulative flow diagram: the columns stacked, Done at the bottom.
/// `id` tells apart two diagrams on one screen (the "What if?" comparison).
pub fn cumulative_flow(ui: &mut egui::Ui, id: &str, data: &ChartData, theme: &Theme) {
    ui.strong("Cumulative flow");
    let order = [
        Column::Done,
        Column::Doing,
        Column::Ready,
        Column::Approval,
        Column::Backlog,
    ];
    let colours = [
        theme.good(),
        theme.kind(crate::level::WorkKind::Change),
        theme.kind(crate::level::WorkKind::Business),
        theme.kind(crate::level::WorkKind::Internal),
        egui::Color32::GRAY,
    ];
    let xs: Vec<f64> = (1..=data.columns.len()).map(|x| x as f64).collect();
    Plot::new(("cfd", id))
        .height(CHART_HEIGHT)
        .legend(Legend::default())
        .x_axis_label("hour")
        .y_axis_label("tickets")
        .show(ui, |plot| {
            let mut below = vec![0.0; xs.len()];
            for (column, colour) in order.iter().zip(colours) {
                let above: Vec<f64> = below
                    .iter()
                    .zip(&data.columns)
                    .map(|(b, c)| b + f64::from(c[*column as usize]))
                    .collect();
                plot.add(
                    FilledArea::new(format!("{column:?}"), &xs, &below, &above)
                        .fill_color(colour.gamma_multiply(0.6)),
                );
                below = above;
            }
        });
}

pub fn lead_time_histogram(ui: &mut egui::Ui, data: &ChartData, theme: &Theme) {
    ui.strong("Lead time (release to done)");
    let width = 2.0;
    let mut counts: Vec<u32> = Vec::new();
    for &t in &data.lead_times {
        let bin = (t / width) as usize;
        if counts.len() <= bin {
            counts.resize(bin + 1, 0);
        }
        counts[bin] += 1;
    }
    let bars = counts
        .iter()
        .enumerate()
        .map(|(i, &n)| Bar::new(i as f64 * width + width / 2.0, f64::from(n)).width(width * 0.9))
        .collect();
    Plot::new("lead_times")
        .height(CHART_HEIGHT)
        .x_axis_label("hours")
        .y_axis_label("tickets")
        .show(ui, |plot| {
            plot.bar_chart(
                BarChart::new("tickets", bars).color(theme.kind(crate::level::WorkKind::Business)),
            )
        });
}

/// Each person's utilization against their queue wait, over the curve u/(1−u).
pub fn busy_idle(ui: &mut egui::Ui, data: &ChartData, theme: &Theme) {
    ui.strong("Wait grows as busy / idle");
    let curve: PlotPoints = (0..=96)
        .map(|i| {
            let u = f64::from(i) / 100.0;
            [u, u / (1.0 - u)]
        })
        .collect();
    Plot::new("busy_idle")
        .height(CHART_HEIGHT)
        .legend(Legend::default())
        .x_axis_label("utilization")
        .y_axis_label("wait ÷ task length")
        .include_x(0.0)
        .include_x(1.0)
        .show(ui, |plot| {
            plot.line(Line::new("u / (1 − u)", curve).color(egui::Color32::GRAY));
            for (name, u, wait) in &data.busy_idle {
                plot.points(
                    Points::new(name.clone(), vec![[*u, *wait]])
                        .radius(5.0)
                        .color(theme.kind(crate::level::WorkKind::Unplanned)),
                );
            }
        });
}

pub fn unplanned_share(ui: &mut egui::Ui, data: &ChartData, theme: &Theme) {
    ui.strong("Unplanned work (last four hours)");
    let points: PlotPoints = data
        .unplanned_by_hour
        .iter()
        .enumerate()
        .map(|(h, s)| [h as f64 + 1.0, s * 100.0])
        .collect();
    Plot::new("unplanned")
        .height(CHART_HEIGHT)
        .x_axis_label("hour")
        .y_axis_label("% of hours")
        .include_y(0.0)
        .include_y(100.0)
        .show(ui, |plot| {
            plot.line(
                Line::new("unplanned share", points)
                    .color(theme.kind(crate::level::WorkKind::Unplanned)),
            )
        });
}

fn band_text(band: Option<Band>) -> &'static str {
    match band {
        Some(Band::Elite) => "elite",
        Some(Band::High) => "high",
        Some(Band::Medium) => "medium",
        Some(Band::Low) => "low",
        None => "none",
    }
}

/// The four DORA keys, each with its performance band.
pub fn dora(ui: &mut egui::Ui, dora: &Dora) {
    ui.strong("The four keys");
    let hours = |v: Option<f64>| v.map_or("none".to_owned(), |h| format!("{h:.1} h"));
    egui::Grid::new("dora").striped(true).show(ui, |ui| {
        ui.label("Deployment frequency");
        if dora.deploys_per_day > 0.0 {
            ui.label(format!("{:.1} a day", dora.deploys_per_day));
            ui.label(band_text(Some(dora.deploy_band())));
        } else {
            ui.label("none");
            ui.label("no deployments this chapter");
        }
        ui.end_row();
        ui.label("Lead time for changes");
        ui.label(hours(dora.change_lead_time));
        ui.label(band_text(dora.lead_time_band()));
        ui.end_row();
        ui.label("Change fail rate");
        ui.label(
            dora.change_fail_rate
                .map_or("none".to_owned(), |r| format!("{:.0}%", r * 100.0)),
        );
        ui.label(band_text(dora.fail_rate_band()));
        ui.end_row();
        ui.label("Time to restore");
        ui.label(hours(dora.time_to_restore));
        ui.label(band_text(dora.restore_band()));
        ui.end_row();
    });
}

/// A run's outcome in a few lines, for comparing two runs side by side; each number says
/// what it means on hover.
pub fn key_numbers(ui: &mut egui::Ui, result: &crate::sim::objectives::ChapterResult) {
    egui::Grid::new(ui.next_auto_id())
        .num_columns(2)
        .show(ui, |ui| {
            ui.label("Stars");
            ui.strong(crate::sim::objectives::star_row(result.stars));
            ui.end_row();
            for objective in &result.objectives {
                ui.label(&objective.text).on_hover_text(&objective.needed);
                ui.strong(format!(
                    "{} {}",
                    objective.measured,
                    crate::sim::objectives::star_row(objective.stars)
                ));
                ui.end_row();
            }
            key_number_rows(ui, &KeyNumbers::of(&result.summary));
        });
}

/// The run's headline numbers as grid rows: label, then value (each explained on hover).
pub fn key_number_rows(ui: &mut egui::Ui, numbers: &KeyNumbers) {
    for row in numbers.rows() {
        ui.label(&row.label).on_hover_text(row.meaning);
        ui.strong(&row.value).on_hover_text(row.meaning);
        ui.end_row();
    }
}
