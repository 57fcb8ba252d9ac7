//! Code tables: CAMEO event codes with their names, Goldstein values, quad classes
//! and PLOVER type and mode (data/codes/cameo.tsv, generated from the reference
//! tables by scripts/build_codes.py), and CAMEO → ACLED (data/codes/acled.tsv,
//! our own longest-prefix mapping), and the CAMEO code of an announced or refused act
//! (data/codes/announced.tsv), and the calibration of event confidence (data/codes/confidence.tsv,
//! fitted on the dev sets by scripts/calibrate.py). data/codes/CHOICES.md explains the choices.
//! Knows nothing of text.

use std::collections::HashMap;
use std::sync::OnceLock;

use dyad_core::tsv::{rows, TsvError};

const CAMEO_FILE: (&str, &str) = ("data/codes/cameo.tsv", include_str!("../../../data/codes/cameo.tsv"));
const ACLED_FILE: (&str, &str) = ("data/codes/acled.tsv", include_str!("../../../data/codes/acled.tsv"));
const ANNOUNCED_FILE: (&str, &str) = ("data/codes/announced.tsv", include_str!("../../../data/codes/announced.tsv"));
const CONFIDENCE_FILE: (&str, &str) = ("data/codes/confidence.tsv", include_str!("../../../data/codes/confidence.tsv"));

/// How a report presents an act that has not happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stance {
    /// Planned, promised, threatened or possible.
    Intent,
    /// Refused or ruled out.
    Refusal,
    /// Claimed by the one who did it.
    Claim,
    /// Demanded of the one who must do it ("Turkey must mediate").
    Demand,
    /// Asked of someone ("urged Iraq to free the hostages").
    Appeal,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CameoCode {
    pub code: String,
    pub root: String,
    pub name: String,
    pub goldstein: f32,
    /// GDELT QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    pub quad_class: u8,
    pub plover_type: Option<String>,
    pub plover_mode: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AcledType {
    pub cameo_prefix: String,
    pub event_type: String,
    pub sub_event_type: String,
}

pub struct Tables {
    pub cameo: Vec<CameoCode>,
    pub acled: Vec<AcledType>,
    by_code: HashMap<String, usize>,
    /// (act prefix, stance, CAMEO code of the announcement).
    announced: Vec<(String, Stance, String)>,
    /// (raw score, calibrated confidence), by raw score.
    calibration: Vec<(f32, f32)>,
}

impl Tables {
    /// The embedded tables, parsed once.
    pub fn get() -> &'static Tables {
        static TABLES: OnceLock<Tables> = OnceLock::new();
        TABLES.get_or_init(|| Tables::load().unwrap_or_else(|e| panic!("embedded code table is malformed: {e}")))
    }

    fn load() -> Result<Tables, TsvError> {
        let header = ["code", "root", "name", "goldstein", "quad_class", "plover_type", "plover_mode"];
        let bad = |line, message: String| TsvError { file: CAMEO_FILE.0.into(), line, message };
        let mut cameo = Vec::new();
        for (line, c) in rows(CAMEO_FILE, &header)? {
            let opt = |s: &str| (!s.is_empty()).then(|| s.to_string());
            cameo.push(CameoCode {
                code: c[0].into(),
                root: c[1].into(),
                name: c[2].into(),
                goldstein: c[3].parse().map_err(|_| bad(line, format!("goldstein {:?}", c[3])))?,
                quad_class: c[4].parse().map_err(|_| bad(line, format!("quad_class {:?}", c[4])))?,
                plover_type: opt(c[5]),
                plover_mode: opt(c[6]),
            });
        }
        let acled = rows(ACLED_FILE, &["cameo_prefix", "event_type", "sub_event_type", "note"])?
            .into_iter()
            .map(|(_, c)| AcledType { cameo_prefix: c[0].into(), event_type: c[1].into(), sub_event_type: c[2].into() })
            .collect();
        let mut announced = Vec::new();
        for (line, c) in rows(ANNOUNCED_FILE, &["act_prefix", "stance", "cameo", "note"])? {
            let stance = match c[1] {
                "intent" => Stance::Intent,
                "refusal" => Stance::Refusal,
                "claim" => Stance::Claim,
                "demand" => Stance::Demand,
                "appeal" => Stance::Appeal,
                other => return Err(TsvError { file: ANNOUNCED_FILE.0.into(), line, message: format!("unknown stance {other:?}") }),
            };
            announced.push((c[0].to_string(), stance, c[2].to_string()));
        }
        let mut calibration = Vec::new();
        for (line, c) in rows(CONFIDENCE_FILE, &["raw", "confidence", "events"])? {
            let number = |s: &str| s.parse::<f32>().map_err(|_| TsvError { file: CONFIDENCE_FILE.0.into(), line, message: format!("not a number: {s:?}") });
            calibration.push((number(c[0])?, number(c[1])?));
        }
        calibration.sort_by(|a, b| a.0.total_cmp(&b.0));
        let by_code = cameo.iter().enumerate().map(|(i, c)| (c.code.clone(), i)).collect();
        Ok(Tables { cameo, acled, by_code, announced, calibration })
    }

    pub fn cameo(&self, code: &str) -> Option<&CameoCode> {
        self.by_code.get(code).map(|&i| &self.cameo[i])
    }

    /// The ACLED type of a CAMEO code: the row with the longest matching prefix.
    pub fn acled(&self, code: &str) -> Option<&AcledType> {
        self.acled.iter().filter(|a| code.starts_with(a.cameo_prefix.as_str())).max_by_key(|a| a.cameo_prefix.len())
    }

    /// The CAMEO code of an act reported as intended or refused ("will withdraw" → 0356), or `None`
    /// when CAMEO codes the act itself.
    pub fn announced(&self, act: &str, stance: Stance) -> Option<&CameoCode> {
        let (_, _, code) = self.announced.iter().filter(|(p, s, _)| *s == stance && act.starts_with(p.as_str())).max_by_key(|(p, _, _)| p.len())?;
        self.cameo(code)
    }

    /// The calibrated confidence of an event with this raw score: the share of right events among the
    /// dev-set events scored so (the row at or below it); the raw score itself when no row is.
    pub fn calibrated(&self, raw: f32) -> f32 {
        let below = self.calibration.partition_point(|(r, _)| *r <= raw + f32::EPSILON);
        below.checked_sub(1).map_or(raw, |i| self.calibration[i].1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_root_is_present_with_valid_values() {
        let t = Tables::get();
        for root in 1..=20 {
            let root = format!("{root:02}");
            let c = t.cameo(&root).unwrap_or_else(|| panic!("root {root} missing"));
            assert_eq!(c.root, root);
        }
        for c in &t.cameo {
            assert!((1..=4).contains(&c.quad_class), "{c:?}");
            assert!((-10.0..=10.0).contains(&c.goldstein), "{c:?}");
            assert!(c.code.starts_with(&c.root));
        }
    }

    #[test]
    fn known_values() {
        let t = Tables::get();
        let decline = t.cameo("011").unwrap();
        assert_eq!((decline.goldstein, decline.quad_class, decline.plover_type.as_deref()), (-0.1, 1, None));
        let fight = t.cameo("190").unwrap();
        assert_eq!((fight.quad_class, fight.plover_type.as_deref()), (4, Some("ASSAULT")));
    }

    #[test]
    fn announced_acts_take_the_announcements_code() {
        let t = Tables::get();
        assert_eq!(t.announced("0874", Stance::Intent).unwrap().code, "0356");
        assert_eq!(t.announced("0841", Stance::Intent).unwrap().code, "0353");
        assert_eq!(t.announced("1723", Stance::Intent).unwrap().code, "1323");
        assert_eq!(t.announced("195", Stance::Intent).unwrap().code, "1384");
        assert_eq!(t.announced("081", Stance::Refusal).unwrap().code, "1241");
        assert_eq!(t.announced("0841", Stance::Appeal).unwrap().code, "0253");
        assert!(t.announced("190", Stance::Refusal).is_none());
        assert!(t.announced("112", Stance::Intent).is_none());
        for (prefix, _, code) in &t.announced {
            assert!(t.cameo(prefix).is_some() && t.cameo(code).is_some(), "{prefix} -> {code}");
        }
    }

    #[test]
    fn calibration_is_monotone_and_a_probability() {
        let t = Tables::get();
        assert!(!t.calibration.is_empty());
        assert!(t.calibration.windows(2).all(|w| w[0].1 <= w[1].1), "{:?}", t.calibration);
        assert!(t.calibration.iter().all(|(_, c)| (0.0..=1.0).contains(c)));
        let (raw, calibrated) = t.calibration[t.calibration.len() / 2];
        assert_eq!(t.calibrated(raw), calibrated);
        assert_eq!(t.calibrated(raw + 0.001), calibrated, "between rows, the lower row");
    }

    #[test]
    fn acled_longest_prefix_and_codes_exist() {
        let t = Tables::get();
        assert_eq!(t.acled("1951").unwrap().sub_event_type, "Air/drone strike");
        assert_eq!(t.acled("181").unwrap().sub_event_type, "Abduction/forced disappearance");
        assert!(t.acled("040").is_none());
        for a in &t.acled {
            assert!(t.cameo(&a.cameo_prefix).is_some(), "{a:?}");
        }
    }
}
