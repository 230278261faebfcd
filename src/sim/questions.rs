//! Discussion questions filled in with the player's own numbers: a level writes
//! `{peak_queue:brent}` and the debrief shows "9.0". Which placeholders exist is the level
//! format's business (`level::placeholders`); their values are measured here.

use super::clock::Clock;
use super::summary::Summary;

/// The question with every placeholder replaced by the measured value.
pub fn fill(text: &str, summary: &Summary) -> String {
    crate::level::placeholders::substitute(text, |inside| value(inside, summary))
}

fn hours(value: Option<f64>) -> String {
    value.map_or("no".to_owned(), |h| format!("{h:.1}"))
}

fn value(inside: &str, s: &Summary) -> Option<String> {
    if let Some((name, key)) = inside.split_once(':') {
        let person = s.people.iter().find(|p| p.key == key)?;
        return Some(match name {
            "peak_queue" => format!("{:.1}", person.peak_queue_hours),
            "peak_queue_when" => Clock {
                tick: person.peak_queue_tick,
                end: 0,
            }
            .label(),
            "utilization" => format!("{:.0}", person.utilization * 100.0),
            "wait" => hours(person.mean_wait),
            _ => return None,
        });
    }
    Some(match inside {
        "lead_time" => hours(s.lead_time),
        "throughput" => format!("{:.1}", s.planned_throughput),
        "unplanned_share" => format!("{:.0}", s.unplanned_share * 100.0),
        "time_to_restore" => hours(s.dora.time_to_restore),
        "revenue_lost" => format!("{:.0}", s.revenue_lost),
        "failed_changes" => s.failed_changes.to_string(),
        "sev1s" => s.sev1s.to_string(),
        "wip" => format!("{:.1}", s.mean_wip),
        "deploys" => format!("{:.1}", s.dora.deploys_per_day),
        "change_fail_rate" => format!("{:.0}", s.dora.change_fail_rate.unwrap_or(0.0) * 100.0),
        _ => return None,
    })
}
