//! An event's status over time: its modality and confirmation, derived from its mentions
//! in publication order, with each change kept together with the mention that caused it.
//!
//! Rules, as an analyst reads a stream of reports:
//! - modality: a report that the act happened (`actual`) is final; before that, the latest
//!   report of intent or of negation stands (`planned` → `negated` when called off);
//! - confirmation: `confirmed` is final; `denied` replaces `unconfirmed`; a report with no
//!   confirmation cue leaves the confirmation as it was.

/// One mention's say, in publication order.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub mention: i64,
    pub pub_date: Option<String>,
    pub modality: String,
    pub confirmation: Option<String>,
}

/// A change of status and the mention that caused it.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub modality: String,
    pub confirmation: Option<String>,
    pub mention: i64,
    pub pub_date: Option<String>,
}

/// The history of status changes over `reports` (already in publication order); the
/// first entry is the first report, the last is the current status.
pub fn history(reports: &[Report]) -> Vec<Change> {
    let mut changes: Vec<Change> = Vec::new();
    for r in reports {
        let (modality, confirmation) = match changes.last() {
            None => (r.modality.clone(), r.confirmation.clone()),
            Some(now) => (next_modality(&now.modality, &r.modality), next_confirmation(now.confirmation.as_deref(), r.confirmation.as_deref())),
        };
        if changes.last().is_none_or(|now| now.modality != modality || now.confirmation != confirmation) {
            changes.push(Change { modality, confirmation, mention: r.mention, pub_date: r.pub_date.clone() });
        }
    }
    changes
}

fn next_modality(now: &str, report: &str) -> String {
    if now == "actual" { now } else { report }.to_string()
}

fn next_confirmation(now: Option<&str>, report: Option<&str>) -> Option<String> {
    match (now, report) {
        (Some("confirmed"), _) | (_, None) => now,
        (Some("denied"), Some("unconfirmed")) => now,
        _ => report,
    }
    .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(mention: i64, modality: &str, confirmation: Option<&str>) -> Report {
        Report { mention, pub_date: None, modality: modality.into(), confirmation: confirmation.map(Into::into) }
    }

    #[test]
    fn planned_then_denied_then_confirmed_then_carried_out() {
        let h = history(&[
            report(1, "planned", Some("unconfirmed")),
            report(2, "planned", Some("unconfirmed")),
            report(3, "planned", Some("denied")),
            report(4, "planned", Some("confirmed")),
            report(5, "actual", None),
            report(6, "planned", Some("unconfirmed")),
        ]);
        let steps: Vec<(&str, Option<&str>, i64)> = h.iter().map(|c| (c.modality.as_str(), c.confirmation.as_deref(), c.mention)).collect();
        assert_eq!(
            steps,
            [("planned", Some("unconfirmed"), 1), ("planned", Some("denied"), 3), ("planned", Some("confirmed"), 4), ("actual", Some("confirmed"), 5)]
        );
    }
}
