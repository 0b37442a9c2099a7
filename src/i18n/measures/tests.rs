use super::*;
use crate::domain::clock::SlaSettings;
use crate::domain::deal::{Deal, Grade, Status};
use crate::domain::measures::{by_grade, overdue, trend, Dataset, Filter};
use crate::i18n::{grade_name, EN, ZH};
use chrono::TimeZone;
use std::collections::BTreeMap;

fn at(day: u32, hour: u32) -> crate::domain::Timestamp {
    chrono::Utc
        .with_ymd_and_hms(2026, 11, day, hour, 0, 0)
        .unwrap()
}

/// Leads assigned on Monday 23 November: `followed` of them followed up after 1 h, the
/// others never; `won` of the followed ones converted.
fn leads(followed: usize, missed: usize, won: usize) -> Vec<Deal> {
    (0..followed + missed)
        .map(|i| {
            let id = crate::domain::Id::parse(&format!("d-{i}")).unwrap();
            let mut d = Deal::new(id, &format!("Customer {i}"), &[], at(23, 1)).unwrap();
            if i < followed {
                d.first_follow_up_at = Some(at(23, 2));
            }
            if i < won {
                d.status = Status::Converted;
            }
            d
        })
        .collect()
}

fn week_trend(deals: &[Deal], now: crate::domain::Timestamp) -> Trend {
    let discovery = BTreeMap::new();
    let data = Dataset::new(deals, &discovery, &Filter::default());
    let period = Period::week(now, FixedOffset::east_opt(0).unwrap());
    trend(&data, &period, &SlaSettings::default(), now)
}

#[test]
fn shares_show_one_decimal_at_most_rounded_half_away_from_zero() {
    assert_eq!(share(8750), "87.5%");
    assert_eq!(share(9000), "90%");
    assert_eq!(share(6667), "66.7%");
    assert_eq!(share(8995), "90%");
    assert_eq!(share(0), "0%");
    assert_eq!(tenths(-150), "-1.5");
    assert_eq!(tenths(-4), "0");
}

#[test]
fn a_card_says_its_value_target_verdict_and_what_it_is_made_of() {
    // 7 of 8 followed up in time: 87.5%, under the 90% target.
    let deals = leads(7, 1, 2);
    let cards = cards(&EN, &week_trend(&deals, at(26, 12)), &Targets::default());
    let follow_up = &cards[0];
    assert_eq!(follow_up.key, "follow_up");
    assert_eq!(follow_up.value, "87.5%");
    assert_eq!(follow_up.target, "Target ≥ 90%");
    assert_eq!(follow_up.verdict, Some(false));
    assert_eq!(follow_up.basis, "7 of 8");
    assert_eq!(follow_up.deals.len(), 8);
    // No leads the week before: no change to show.
    assert_eq!(follow_up.change, None);
    let won = cards.iter().find(|c| c.key == "lead_to_won").unwrap();
    assert_eq!((won.value.as_str(), won.verdict), ("25%", Some(true)));
    // Nothing recorded for these: no data, no verdict, and the hint says what they need.
    for key in ["completeness", "cycle_median", "cycle_mean"] {
        let c = cards.iter().find(|c| c.key == key).unwrap();
        assert_eq!(
            (c.value.as_str(), c.verdict, c.basis.as_str()),
            ("No data", None, "")
        );
        assert!(c.hint.starts_with(if key == "completeness" {
            "Required"
        } else {
            "First contact"
        }));
    }
    assert_eq!(cards[3].target, "Target ≤ 30 days");
    let zh = cards_zh(&deals);
    assert_eq!(
        (zh[0].value.as_str(), zh[0].basis.as_str()),
        ("87.5%", "8 个中 7 个")
    );
    assert_eq!(zh[3].value, "暂无数据");
}

fn cards_zh(deals: &[Deal]) -> Vec<Card> {
    cards(&ZH, &week_trend(deals, at(26, 12)), &Targets::default())
}

#[test]
fn a_change_is_signed_in_points_or_days() {
    assert_eq!(
        change(&EN, Unit::BasisPoints, 150),
        "+1.5 pts on the previous period"
    );
    assert_eq!(
        change(&EN, Unit::BasisPoints, -2500),
        "-25 pts on the previous period"
    );
    assert_eq!(change(&ZH, Unit::Days, -2), "较上期 -2 天");
    assert_eq!(change(&EN, Unit::Days, 0), "0 days on the previous period");
}

#[test]
fn leads_not_due_yet_are_named_as_left_out() {
    // Two leads assigned an hour ago: neither is judged yet.
    let mut deals = leads(0, 2, 0);
    for d in &mut deals {
        d.assigned_at = at(26, 11);
    }
    let card = &cards(&EN, &week_trend(&deals, at(26, 12)), &Targets::default())[0];
    assert_eq!(card.value, "No data");
    assert_eq!(card.basis, "Not due yet, so not counted: 2.");
}

#[test]
fn overdue_cards_list_the_late_deals_only() {
    let deals = leads(1, 2, 0);
    let discovery = BTreeMap::new();
    let data = Dataset::new(&deals, &discovery, &Filter::default());
    let [first, next] = overdue_cards(&EN, &overdue(&data, &SlaSettings::default(), at(26, 12)));
    assert_eq!(
        (first.value.as_str(), first.basis.as_str()),
        ("2", "2 of 2 open leads never contacted")
    );
    assert_eq!(first.deals.len(), 2);
    assert_eq!(next.value, "No data");
}

#[test]
fn table_rows_count_leads_won_and_share_with_a_dash_for_none() {
    let deals = leads(4, 0, 1);
    let discovery = BTreeMap::new();
    let data = Dataset::new(&deals, &discovery, &Filter::default());
    let period = Period::week(at(26, 12), FixedOffset::east_opt(0).unwrap());
    let rows = lead_rows(&by_grade(&data, &period), |g| grade_name(&EN, g));
    // Every new deal is grade C.
    assert_eq!(
        rows[2],
        (
            grade_name(&EN, Grade::C),
            vec!["4".into(), "1".into(), "25%".into()]
        )
    );
    assert_eq!(rows[0].1, vec!["0", "0", "—"]);
}

#[test]
fn the_period_label_names_its_first_and_last_day_in_the_team_calendar() {
    // Sunday 29 November 20:00 UTC is Monday 30 November in Beijing: that week.
    let beijing = FixedOffset::east_opt(8 * 3600).unwrap();
    let week = Period::week(at(29, 20), beijing);
    assert_eq!(
        period_label(&EN, Locale::En, &week, beijing),
        "30 Nov 2026 to 6 Dec 2026"
    );
}

#[test]
fn the_report_lists_each_measure_off_target_with_its_value_and_target() {
    let now = at(26, 12);
    // 7 of 8 in time misses the 90% target; 2 of 8 won meets the 20% one; the measures with
    // no data (completeness, the cycle) have no verdict, so they are not listed.
    let missed = week_trend(&leads(7, 1, 2), now);
    assert_eq!(
        off_target(&EN, &cards(&EN, &missed, &Targets::default())),
        ["Follow-up timeliness: 87.5% · Target ≥ 90%"]
    );
    assert_eq!(
        off_target(&ZH, &cards(&ZH, &missed, &Targets::default())),
        ["线索跟进及时率：87.5% · 目标 ≥ 90%"]
    );
    // 1 of 8 won as well: two lines, in the cards' order.
    let both = cards(&EN, &week_trend(&leads(7, 1, 1), now), &Targets::default());
    assert_eq!(
        off_target(&EN, &both),
        [
            "Follow-up timeliness: 87.5% · Target ≥ 90%",
            "Lead → won: 12.5% · Target ≥ 20%"
        ]
    );
    let met = week_trend(&leads(8, 0, 2), now);
    assert_eq!(
        off_target(&EN, &cards(&EN, &met, &Targets::default())),
        ["Every measure with a target and data is on target."]
    );
    assert_eq!(
        off_target(&ZH, &[]),
        ["所有设有目标且有数据的指标均已达标。"]
    );
}

#[test]
fn the_report_scope_names_the_owner_and_industry_or_all() {
    use crate::domain::playbook::Industry;
    assert_eq!(
        scope(&EN, &Filter::default()),
        "All owners · All industries"
    );
    let one = Filter {
        owner: Some("Li Wei".into()),
        industry: Some(Industry::Retail),
    };
    assert_eq!(
        scope(&EN, &one),
        format!("Li Wei · {}", industry_name(&EN, Industry::Retail))
    );
    assert_eq!(scope(&ZH, &Filter::default()), "全部负责人 · 全部行业");
}
