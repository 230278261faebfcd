//! A run's headline numbers, worded once for every place that shows them: the debrief, the
//! "What if?" comparison, the command line and the session report. A number that was not
//! measured (no Sev 1, nothing finished) reads "none", never 0.

use serde::{Deserialize, Serialize};

use super::summary::Summary;

/// The numbers a class compares, taken from a chapter's summary. Kept in session reports, so
/// fields added later are optional and left out of the file when absent (old reports keep
/// their checksums).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KeyNumbers {
    pub lead_time_hours: Option<f64>,
    pub throughput_per_day: f64,
    /// Who the constraint was (Brent, mostly) and how busy they were.
    pub constraint: Option<String>,
    pub constraint_utilization: Option<f64>,
    pub unplanned_share: f64,
    pub deploys_per_day: f64,
    pub change_lead_time_hours: Option<f64>,
    pub change_fail_rate: Option<f64>,
    pub time_to_restore_hours: Option<f64>,
    pub sev1s: u32,
    pub revenue_lost: f64,
    /// Dollars a day of business value from the work finished.
    #[serde(default)]
    pub value_delivered: f64,
    /// Mean hours a step waited in a queue before anyone started it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step_wait_hours: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share_price: Option<f64>,
}

/// One headline number: what it is called, its value with its unit, and what it means.
#[derive(Clone, Debug, PartialEq)]
pub struct KeyNumber {
    pub label: String,
    pub value: String,
    pub meaning: &'static str,
}

/// JSON has no NaN or infinity; a number that is not finite is reported as absent.
pub fn finite(value: Option<f64>) -> Option<f64> {
    value.filter(|v| v.is_finite())
}

fn hours(value: Option<f64>) -> String {
    value.map_or("none".to_owned(), |h| format!("{h:.1} h"))
}

fn percent(value: Option<f64>) -> String {
    value.map_or("none".to_owned(), |p| format!("{:.0}%", p * 100.0))
}

impl KeyNumbers {
    pub fn of(summary: &Summary) -> Self {
        let constraint = summary.constraint();
        Self {
            lead_time_hours: finite(summary.lead_time),
            throughput_per_day: finite(Some(summary.planned_throughput)).unwrap_or(0.0),
            constraint: constraint.map(|c| c.name.clone()),
            constraint_utilization: finite(constraint.map(|c| c.utilization)),
            unplanned_share: finite(Some(summary.unplanned_share)).unwrap_or(0.0),
            deploys_per_day: finite(Some(summary.dora.deploys_per_day)).unwrap_or(0.0),
            change_lead_time_hours: finite(summary.dora.change_lead_time),
            change_fail_rate: finite(summary.dora.change_fail_rate),
            time_to_restore_hours: finite(summary.dora.time_to_restore),
            sev1s: summary.sev1s,
            revenue_lost: finite(Some(summary.revenue_lost)).unwrap_or(0.0),
            value_delivered: finite(Some(summary.value_delivered)).unwrap_or(0.0),
            step_wait_hours: finite(summary.step_wait),
            share_price: finite(Some(summary.share_price)),
        }
    }

    /// The few numbers that tell how a chapter went, in one line ("$12,000 lost to outages ·
    /// 2 Sev 1s · Brent busy 87%"), for the story's recaps.
    pub fn headline(&self) -> String {
        let mut parts = vec![
            format!(
                "{} lost to outages",
                super::objectives::dollars(self.revenue_lost)
            ),
            match self.sev1s {
                0 => "no Sev 1s".to_owned(),
                1 => "1 Sev 1".to_owned(),
                n => format!("{n} Sev 1s"),
            },
        ];
        if let (Some(name), Some(busy)) = (&self.constraint, self.constraint_utilization) {
            parts.push(format!("{name} busy {:.0}% of his hours", busy * 100.0));
        }
        parts.join(" · ")
    }

    /// The numbers in the order every screen and file shows them.
    pub fn rows(&self) -> Vec<KeyNumber> {
        let row = |label: &str, value: String, meaning: &'static str| KeyNumber {
            label: label.to_owned(),
            value,
            meaning,
        };
        let mut rows = vec![
            row(
                "Lead time",
                hours(self.lead_time_hours),
                "mean working hours from a ticket's release to someone until it was done",
            ),
            row(
                "Wait per step",
                hours(self.step_wait_hours),
                "mean hours a step waited in someone's queue before they started it",
            ),
            row(
                "Throughput",
                format!("{:.1} planned tickets a day", self.throughput_per_day),
                "planned work (projects and changes) finished per working day",
            ),
        ];
        if let Some(name) = &self.constraint {
            rows.push(row(
                &format!("{name} busy"),
                percent(self.constraint_utilization),
                "share of the constraint's working hours spent on work, switching and juggling",
            ));
        }
        rows.extend([
            row(
                "Unplanned work",
                format!("{:.0}% of hours", self.unplanned_share * 100.0),
                "share of everyone's worked hours that went to outages and favours",
            ),
            row(
                "Sev 1s",
                self.sev1s.to_string(),
                "outages that stopped revenue",
            ),
            row(
                "Time to restore",
                hours(self.time_to_restore_hours),
                "mean hours from a Sev 1's start until service was back",
            ),
            row(
                "Deploys a day",
                if self.deploys_per_day > 0.0 {
                    format!("{:.2}", self.deploys_per_day)
                } else {
                    "none this chapter".to_owned()
                },
                "deployments to production per working day",
            ),
            row(
                "Change lead time",
                hours(self.change_lead_time_hours),
                "mean hours from a change's arrival until it was live",
            ),
            row(
                "Change fail rate",
                percent(self.change_fail_rate),
                "share of deployments that caused an outage",
            ),
            row(
                "Revenue lost",
                format!("${:.0}", self.revenue_lost),
                "sales that outages and overloaded systems turned away",
            ),
        ]);
        if let Some(price) = self.share_price {
            rows.push(row(
                "Share price",
                format!("${price:.2}"),
                "the market's verdict: lost revenue and the story's news move it",
            ));
        }
        if self.value_delivered > 0.0 {
            rows.push(row(
                "Value delivered",
                format!("${:.0} a day", self.value_delivered),
                "business value a day of the work finished, once work is traced to objectives",
            ));
        }
        rows
    }
}
