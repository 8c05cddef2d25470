//! The ten placement settings, following the DfE's SEN2 return.

use std::fmt;
use std::ops::{Index, IndexMut};

use serde::{Serialize, Serializer};

/// Where a child or young person with an EHCP is placed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Setting {
    /// Mainstream school (the HNB pays the top-up only).
    Mainstream,
    /// Resourced provision or SEN unit in a mainstream school.
    ResourcedProvision,
    /// State special school (maintained, academy, free school).
    StateSpecial,
    /// Independent or non-maintained special school.
    Inmss,
    /// Alternative provision or pupil referral unit.
    AlternativeProvision,
    /// Further education college or sixth form (post-16).
    FeCollege,
    /// Specialist post-16 institution.
    SpecialistPost16,
    /// Education otherwise than at school and other arrangements.
    Eotas,
    /// Early years setting.
    EarlyYears,
    /// Not in education, training or employment, or home educated.
    NeetOrHome,
}

impl Setting {
    /// Every setting, in display order.
    pub const ALL: [Setting; 10] = [
        Setting::Mainstream,
        Setting::ResourcedProvision,
        Setting::StateSpecial,
        Setting::Inmss,
        Setting::AlternativeProvision,
        Setting::FeCollege,
        Setting::SpecialistPost16,
        Setting::Eotas,
        Setting::EarlyYears,
        Setting::NeetOrHome,
    ];

    /// Position in [`Setting::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The identifier used in scenario files, links and CSV columns.
    pub fn id(self) -> &'static str {
        match self {
            Setting::Mainstream => "mainstream",
            Setting::ResourcedProvision => "resourced_provision",
            Setting::StateSpecial => "state_special",
            Setting::Inmss => "inmss",
            Setting::AlternativeProvision => "alternative_provision",
            Setting::FeCollege => "fe_college",
            Setting::SpecialistPost16 => "specialist_post16",
            Setting::Eotas => "eotas",
            Setting::EarlyYears => "early_years",
            Setting::NeetOrHome => "neet_or_home",
        }
    }

    /// The setting with identifier `id`.
    pub fn from_id(id: &str) -> Option<Setting> {
        Setting::ALL.into_iter().find(|s| s.id() == id)
    }

    /// A short name for labels and table headings.
    pub fn label(self) -> &'static str {
        match self {
            Setting::Mainstream => "Mainstream school",
            Setting::ResourcedProvision => "Resourced provision or SEN unit",
            Setting::StateSpecial => "State special school",
            Setting::Inmss => "Independent special school (INMSS)",
            Setting::AlternativeProvision => "Alternative provision or PRU",
            Setting::FeCollege => "FE college or sixth form",
            Setting::SpecialistPost16 => "Specialist post-16 institution",
            Setting::Eotas => "EOTAS and other arrangements",
            Setting::EarlyYears => "Early years setting",
            Setting::NeetOrHome => "Not in education, or home educated",
        }
    }
}

impl fmt::Display for Setting {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// One value for each of the ten settings. In files it is an object keyed
/// by setting id, and every setting must be present.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct PerSetting<T>(pub [T; 10]);

impl<T> PerSetting<T> {
    /// Builds one value per setting.
    pub fn from_fn(f: impl FnMut(usize) -> T) -> Self {
        Self(std::array::from_fn(f))
    }

    /// The settings with their values.
    pub fn iter(&self) -> impl Iterator<Item = (Setting, &T)> {
        Setting::ALL.into_iter().zip(self.0.iter())
    }

    /// Applies `f` to each value.
    pub fn map<U>(&self, mut f: impl FnMut(Setting, &T) -> U) -> PerSetting<U> {
        PerSetting::from_fn(|i| f(Setting::ALL[i], &self.0[i]))
    }
}

impl<T> Index<Setting> for PerSetting<T> {
    type Output = T;
    fn index(&self, s: Setting) -> &T {
        &self.0[s.index()]
    }
}

impl<T> IndexMut<Setting> for PerSetting<T> {
    fn index_mut(&mut self, s: Setting) -> &mut T {
        &mut self.0[s.index()]
    }
}

impl<T: Serialize> Serialize for PerSetting<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(10))?;
        for (setting, v) in self.iter() {
            m.serialize_entry(setting.id(), v)?;
        }
        m.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_index_matches() {
        for (i, s) in Setting::ALL.into_iter().enumerate() {
            assert_eq!(s.index(), i);
            assert_eq!(Setting::from_id(s.id()), Some(s));
            let json = serde_json::to_string(&s).unwrap();
            assert_eq!(json, format!("\"{}\"", s.id()));
        }
    }
}
