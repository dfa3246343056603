//! The dates a comparison gives its claims (`as_of`): a month ("2024-05")
//! or a day ("2024-05-31"), and ages such as "18mo" for `check --max-age`.

/// A claim's date; a month stands for its first day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: u32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// "YYYY-MM" or "YYYY-MM-DD" with a real month and day; anything else is None.
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.split('-');
        let number = |p: Option<&str>, len: usize| {
            p.filter(|p| p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))?.parse().ok()
        };
        let year: u32 = number(parts.next(), 4)?;
        let month: u32 = number(parts.next(), 2)?;
        let day: u32 = match parts.next() {
            Some(d) => number(Some(d), 2)?,
            None => 1,
        };
        if parts.next().is_some() || !(1..=12).contains(&month) || day == 0 || day > days_in(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Today, in UTC.
    pub fn today() -> Date {
        let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
        Date::from_days((secs / 86_400) as i64)
    }

    /// The civil date `days` after 1970-01-01 (Howard Hinnant's algorithm).
    fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as u32;
        Date { year, month, day }
    }

    /// Whole months from `self` to `later` (0 when `later` is not later).
    pub fn months_until(self, later: Date) -> u32 {
        let months = (later.year as i64 * 12 + later.month as i64) - (self.year as i64 * 12 + self.month as i64);
        let months = if later.day < self.day { months - 1 } else { months };
        months.max(0) as u32
    }
}

fn days_in(year: u32, month: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// An age for `--max-age`: "18mo", "2y", "1y6mo", in months; None when malformed.
pub fn parse_age(text: &str) -> Option<u32> {
    let mut months = 0u32;
    let mut rest = text.trim();
    if rest.is_empty() {
        return None;
    }
    while !rest.is_empty() {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let n: u32 = rest[..digits].parse().ok()?;
        rest = &rest[digits..];
        let (unit, after) = if let Some(r) = rest.strip_prefix("mo") {
            (1, r)
        } else if let Some(r) = rest.strip_prefix('y') {
            (12, r)
        } else {
            return None;
        };
        months = months.checked_add(n.checked_mul(unit)?)?;
        rest = after;
    }
    Some(months)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_and_days_parse_and_nothing_else_does() {
        assert_eq!(Date::parse("2024-05"), Some(Date { year: 2024, month: 5, day: 1 }));
        assert_eq!(Date::parse("2024-02-29"), Some(Date { year: 2024, month: 2, day: 29 }));
        for bad in ["2023-02-29", "2024-13", "2024-5", "24-05", "2024-05-31-1", "May 2024", "", "2024-00"] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn ages_and_months_between() {
        assert_eq!(parse_age("18mo"), Some(18));
        assert_eq!(parse_age("2y"), Some(24));
        assert_eq!(parse_age("1y6mo"), Some(18));
        assert_eq!(parse_age("18"), None);
        assert_eq!(parse_age("18 months"), None);
        let d = |s| Date::parse(s).expect("date");
        assert_eq!(d("2024-05").months_until(d("2025-11-30")), 18);
        assert_eq!(d("2024-05-31").months_until(d("2025-11-30")), 17);
        assert_eq!(d("2026-01").months_until(d("2025-01")), 0);
        assert_eq!(Date::from_days(0), d("1970-01-01"));
        assert_eq!(Date::from_days(20_429), d("2025-12-07"));
    }
}
