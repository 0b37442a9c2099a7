use super::*;
use crate::domain::training::fixtures::{date, id};

fn card(name: &str, box_: u8, due: NaiveDate) -> CardState {
    CardState {
        box_,
        ..CardState::new(id(name), due)
    }
}

/// Reviews a new card on each `(day, rating)` in turn.
fn reviews(start: NaiveDate, steps: &[(NaiveDate, Recall)]) -> Vec<CardState> {
    let mut state = CardState::new(id("too-expensive"), start);
    steps
        .iter()
        .map(|&(day, rating)| {
            state = review(&state, rating, day);
            state.clone()
        })
        .collect()
}

#[test]
fn a_new_card_enters_box_one_due_today() {
    let today = date(2026, 3, 2);
    let c = CardState::new(id("too-expensive"), today);
    assert_eq!((c.box_, c.due, c.reviews, c.lapses), (1, today, 0, 0));
    assert!(c.is_due(today));
}

#[test]
fn good_climbs_one_box_and_doubles_the_wait() {
    let d = |day| date(2026, 3, day);
    let got = reviews(
        d(2),
        &[
            (d(2), Recall::Good),
            (d(4), Recall::Good),
            (d(8), Recall::Good),
            (d(16), Recall::Good),
            (d(31), Recall::Good), // a day early: moves the same way
        ],
    );
    let boxes: Vec<_> = got.iter().map(|c| (c.box_, c.due)).collect();
    assert_eq!(
        boxes,
        [
            (2, d(4)),
            (3, d(8)),
            (4, d(16)),
            (5, date(2026, 4, 1)),
            (5, date(2026, 4, 16)),
        ]
    );
    assert_eq!(got[4].reviews, 5);
    assert_eq!(got[4].last_reviewed, Some(d(31)));
}

#[test]
fn easy_skips_a_box_and_the_top_box_holds() {
    let today = date(2026, 3, 2);
    let c = review(&card("a", 1, today), Recall::Easy, today);
    assert_eq!((c.box_, c.due), (3, date(2026, 3, 6)));
    let c = review(&card("a", 4, today), Recall::Easy, today);
    assert_eq!((c.box_, c.due), (5, date(2026, 3, 18)));
}

#[test]
fn hard_keeps_the_card_in_its_box() {
    let today = date(2026, 3, 2);
    let c = review(&card("a", 3, today), Recall::Hard, today);
    assert_eq!((c.box_, c.due, c.lapses), (3, date(2026, 3, 6), 0));
}

#[test]
fn forgetting_sends_the_card_back_to_box_one_and_counts_a_lapse() {
    let today = date(2026, 3, 2);
    let c = review(&card("a", 5, today), Recall::Again, today);
    assert_eq!((c.box_, c.due, c.lapses), (1, date(2026, 3, 3), 1));
}

#[test]
fn due_dates_cross_month_ends_and_the_leap_day() {
    let good = |box_, day| review(&card("a", box_, day), Recall::Good, day).due;
    assert_eq!(good(1, date(2028, 2, 27)), date(2028, 2, 29));
    assert_eq!(good(1, date(2028, 2, 28)), date(2028, 3, 1));
    assert_eq!(good(1, date(2027, 2, 27)), date(2027, 3, 1));
    assert_eq!(good(4, date(2028, 2, 13)), date(2028, 2, 29));
    assert_eq!(good(3, date(2027, 12, 28)), date(2028, 1, 5));
    let again = review(
        &card("a", 2, date(2028, 1, 31)),
        Recall::Again,
        date(2028, 1, 31),
    );
    assert_eq!(again.due, date(2028, 2, 1));
}

#[test]
fn due_cards_come_overdue_first_and_future_cards_wait() {
    let today = date(2026, 3, 31);
    let states = [
        card("today-box3", 3, today),
        card("tomorrow", 1, date(2026, 4, 1)),
        card("today-box1", 1, today),
        card("overdue", 4, date(2026, 3, 28)),
    ];
    let due: Vec<_> = due_cards(&states, today)
        .iter()
        .map(|c| c.card.to_string())
        .collect();
    assert_eq!(due, ["overdue", "today-box1", "today-box3"]);
}

#[test]
fn a_stored_box_out_of_range_reads_as_the_nearest() {
    let today = date(2026, 3, 2);
    assert_eq!(card("a", 0, today).current_box(), 1);
    assert_eq!(card("a", 9, today).current_box(), 5);
    let c = review(&card("a", 9, today), Recall::Good, today);
    assert_eq!((c.box_, c.due), (5, date(2026, 3, 18)));
    let c = review(&card("a", 0, today), Recall::Hard, today);
    assert_eq!(c.box_, 1);
}

#[test]
fn new_objections_join_as_new_cards_and_known_ones_keep_their_progress() {
    let today = date(2026, 3, 2);
    let mut states = vec![card("known", 4, date(2026, 3, 9))];
    add_new_cards(&mut states, &[id("known"), id("fresh")], today);
    assert_eq!(states.len(), 2);
    assert_eq!(states[0].box_, 4);
    assert_eq!(states[1], CardState::new(id("fresh"), today));
}

#[test]
fn mastery_is_the_share_of_cards_in_box_four_or_above() {
    let today = date(2026, 3, 2);
    let states: Vec<_> = [1, 2, 3, 4, 5, 4]
        .iter()
        .enumerate()
        .map(|(i, &b)| card(&format!("c{i}"), b, today))
        .collect();
    assert_eq!(mastery(&states), Some(50));
    assert_eq!(mastery(&states[..3]), Some(0));
    assert_eq!(mastery(&states[2..5]), Some(67));
    assert_eq!(mastery(&[]), None);
}

#[test]
fn a_streak_counts_consecutive_review_days() {
    let d = |day| date(2026, 3, day);
    let s = streak(&[d(2), d(3), d(4), d(6), d(7)], d(7));
    assert_eq!(
        s,
        Streak {
            current: 2,
            longest: 3,
            reviewed_today: true
        }
    );
}

#[test]
fn today_not_yet_reviewed_keeps_yesterdays_streak() {
    let d = |day| date(2026, 3, day);
    let s = streak(&[d(4), d(5), d(6)], d(7));
    assert_eq!((s.current, s.reviewed_today), (3, false));
}

#[test]
fn a_missed_day_resets_the_streak() {
    let d = |day| date(2026, 3, day);
    let s = streak(&[d(4), d(5), d(6)], d(8));
    assert_eq!((s.current, s.longest), (0, 3));
    assert_eq!(streak(&[], d(8)), Streak::default());
}

#[test]
fn a_streak_runs_through_month_ends_and_the_leap_day() {
    let days = [
        date(2028, 3, 1),
        date(2028, 2, 28),
        date(2028, 2, 29),
        date(2028, 2, 29),
        date(2028, 2, 27),
    ];
    assert_eq!(streak(&days, date(2028, 3, 1)).current, 4);
    let no_leap = [date(2027, 2, 27), date(2027, 2, 28), date(2027, 3, 1)];
    assert_eq!(streak(&no_leap, date(2027, 3, 1)).current, 3);
    let year_end = [date(2027, 12, 31), date(2028, 1, 1)];
    assert_eq!(streak(&year_end, date(2028, 1, 2)).current, 2);
}

#[test]
fn review_days_after_today_are_ignored() {
    let d = |day| date(2026, 3, day);
    let s = streak(&[d(5), d(6), d(9)], d(6));
    assert_eq!((s.current, s.longest), (2, 2));
}

#[test]
fn a_card_state_stores_its_box_as_box_and_reads_old_records() {
    let c = card("too-expensive", 2, date(2028, 2, 29));
    let json = crate::json::to_string(&c);
    assert!(json.contains(r#""box":2"#), "{json}");
    assert!(json.contains(r#""due":"2028-02-29""#), "{json}");
    let old: CardState = crate::json::from_str(r#"{"card":"x","due":"2026-03-02"}"#).unwrap();
    assert_eq!(old, CardState::new(id("x"), date(2026, 3, 2)));
}
