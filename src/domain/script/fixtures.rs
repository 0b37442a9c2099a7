//! Test fixtures: the toolkit's first-contact script and helpers to build others.

use super::{Branch, Script, Section, Step, StepKind, Variant};
use crate::domain::playbook::{Industry, StageKind};
use crate::domain::{Id, LocalizedText};

/// The fields the first-contact script asks for.
pub(crate) const KNOWN_FIELDS: [&str; 4] = ["need", "store_count", "peak_season", "next_step"];

pub(crate) fn known_field(name: &str) -> bool {
    KNOWN_FIELDS.contains(&name)
}

pub(crate) fn id(s: &str) -> Id {
    Id::parse(s).unwrap()
}

pub(crate) fn text(en: &str, zh: &str) -> LocalizedText {
    LocalizedText::new(en, zh)
}

/// A plain line to say, going nowhere yet.
pub(crate) fn say(step_id: &str, en: &str, zh: &str) -> Step {
    Step {
        id: id(step_id),
        section: Section::Other,
        kind: StepKind::Say { verbatim: false },
        text: text(en, zh),
        variants: Vec::new(),
        only_for: Vec::new(),
        next: None,
        branches: Vec::new(),
        end: false,
    }
}

fn step(step_id: &str, section: Section, kind: StepKind, en: &str, zh: &str) -> Step {
    Step {
        section,
        kind,
        ..say(step_id, en, zh)
    }
}

fn ask(field: &str) -> StepKind {
    StepKind::Ask {
        field: field.into(),
    }
}

fn then(mut step: Step, next: &str) -> Step {
    step.next = Some(id(next));
    step
}

fn branch(en: &str, zh: &str, to: &str) -> Branch {
    Branch {
        label: text(en, zh),
        to: id(to),
    }
}

/// Opening → compliance (verbatim) → listen → ask the need, which branches: "interested"
/// (two retail-only questions, then value, then the agreed next step), "not now" (nurture,
/// an end) and "price?" (an answer that goes on to value or loops back to the need).
pub(crate) fn first_contact() -> Script {
    use Section::*;
    let say_line = StepKind::Say { verbatim: false };
    let mut ask_need = step(
        "ask-need",
        Discovery,
        ask("need"),
        "What is the biggest challenge in your work right now?",
        "您目前工作中最大的挑战是什么？",
    );
    ask_need.variants.push(Variant {
        industry: Industry::Manufacturing,
        text: text(
            "What slows your production line down today?",
            "目前是什么在拖慢您的产线？",
        ),
    });
    ask_need.branches = vec![
        branch("Interested", "感兴趣", "ask-stores"),
        branch("Not now", "暂时不需要", "nurture"),
        branch("Price?", "价格多少？", "answer-price"),
    ];
    let mut stores = step(
        "ask-stores",
        Discovery,
        ask("store_count"),
        "How many stores do you run?",
        "您有多少家门店？",
    );
    stores.only_for = vec![Industry::Retail];
    let mut season = step(
        "ask-season",
        Discovery,
        ask("peak_season"),
        "When is your peak season?",
        "您的旺季在什么时候？",
    );
    season.only_for = vec![Industry::Retail];
    let mut answer_price = step(
        "answer-price",
        Objection,
        say_line.clone(),
        "Plans start small and grow with you.",
        "方案可以从小规模起步，随业务扩展。",
    );
    answer_price.branches = vec![
        branch("Makes sense", "有道理", "value"),
        branch("Still too high", "还是太贵", "ask-need"),
    ];
    let mut nurture = step(
        "nurture",
        NextStep,
        say_line.clone(),
        "May I send a case study and call again next month?",
        "我发一份案例给您，下个月再联系可以吗？",
    );
    nurture.end = true;
    let mut next_step = step(
        "next-step",
        NextStep,
        ask("next_step"),
        "Shall we book a demo next week?",
        "我们下周安排一次演示可以吗？",
    );
    next_step.end = true;
    let steps = vec![
        then(
            step(
                "opening",
                Opening,
                say_line.clone(),
                "Hello, this is…",
                "您好，我是……",
            ),
            "compliance",
        ),
        then(
            step(
                "compliance",
                Opening,
                StepKind::Say { verbatim: true },
                "This call may be recorded for quality purposes.",
                "本次通话可能会被录音以保证服务质量。",
            ),
            "listen",
        ),
        then(
            step(
                "listen",
                Discovery,
                StepKind::Coach,
                "Listen for pain words: slow, manual, costly.",
                "留意痛点词：慢、手工、成本高。",
            ),
            "ask-need",
        ),
        ask_need,
        then(stores, "ask-season"),
        then(season, "value"),
        then(
            step(
                "value",
                Value,
                say_line,
                "Teams like yours cut follow-up time in half.",
                "和您类似的团队把跟进时间缩短了一半。",
            ),
            "next-step",
        ),
        answer_price,
        nurture,
        next_step,
    ];
    Script {
        id: id("first-contact"),
        title: text("First contact", "首次客户沟通"),
        summary: text(
            "Opening, discovery, value, next step.",
            "开场白、需求挖掘、价值传递、下一步。",
        ),
        stage: StageKind::LeadDevelopment,
        industries: Vec::new(),
        start: id("opening"),
        steps,
    }
}

/// The step `step_id` of `script`, to change it in a test.
pub(crate) fn step_mut<'s>(script: &'s mut Script, step_id: &str) -> &'s mut Step {
    script
        .steps
        .iter_mut()
        .find(|s| s.id.as_str() == step_id)
        .unwrap()
}
