//! UI text in English and 简体中文, and locale-aware formatting.
//!
//! Every string is a field of [`Texts`]; the `texts!` macro makes both languages required, so
//! a missing translation is a compile error rather than a blank on screen. Strings with
//! `{name}` placeholders are filled with [`fill`].

pub mod audit;
pub mod browse;
pub mod csv_errors;
mod deal;
mod errors;
pub mod format;
pub mod measures;
pub mod pack_errors;
mod playbook;

pub use deal::{
    class_name, due_badge, due_kind_name, event_label, grade_name, grade_suggestion, level_name,
    list_summary, renumbered, signal_name, sort_name, source_name, status_name,
};
pub use errors::{describe_import_error, describe_storage_error};
pub use playbook::{category_name, industry_name, section_name, stage_name, within};

use crate::domain::Locale;

macro_rules! texts {
    ($($(#[$doc:meta])* $name:ident: $en:expr, $zh:expr;)*) => {
        /// All UI text of one language.
        pub struct Texts { $($(#[$doc])* pub $name: &'static str,)* }
        /// English UI text.
        pub const EN: Texts = Texts { $($name: $en,)* };
        /// 简体中文 UI text.
        pub const ZH: Texts = Texts { $($name: $zh,)* };
        /// Every string as (field, English, 简体中文), for checks over all of them.
        pub const ALL: &[(&str, &str, &str)] = &[$((stringify!($name), $en, $zh)),*];
    };
}

texts! {
    app_name: "Sales Playbook", "销售作战手册";
    skip_to_content: "Skip to content", "跳到正文";
    nav_label: "Main", "主导航";
    nav_playbook: "Playbook", "销售手册";
    nav_deals: "Deals", "商机";
    nav_training: "Training", "培训";
    nav_dashboard: "Dashboard", "仪表盘";
    nav_settings: "Settings", "设置";
    language: "Language", "语言";
    loading: "Loading…", "加载中…";

    not_found_title: "Page not found", "页面不存在";
    not_found_body: "There is nothing at this address. It may come from a link to content that was deleted.",
        "这个地址没有内容，可能链接指向的内容已被删除。";
    not_found_home: "Go to the playbook", "返回销售手册";

    playbook_intro: "The six stages of the sales process. Open a stage for its goal, standard actions, exit criteria and time standards.",
        "销售流程的六个阶段。打开任一阶段，查看其目标、标准动作、完成标准和时间标准。";
    playbook_empty: "This playbook has no stages yet.", "此手册尚未包含任何阶段。";
    stage_path_label: "Stages of the sales process", "销售流程阶段";
    stage_goal: "Goal", "目标";
    stage_actions: "Standard actions", "标准动作";
    stage_exit: "Exit criteria", "阶段完成标准";
    stage_time: "Time standards", "时间标准";
    within_hours: "within {n} h", "{n} 小时内";
    within_days: "within {n} days", "{n} 天内";
    stage_guide: "Guide for new hires", "新人指南";
    stage_missing: "This stage is not in the playbook. It may have been removed.", "手册中没有这个阶段，可能已被删除。";
    back_to_playbook: "Playbook", "销售手册";
    objections_title: "Objection finder", "异议处理速查";
    objections_intro: "What customers push back with, and how to answer: acknowledge, clarify, answer with value, then ask the follow-up question.",
        "客户常见的异议及应对方法：先认同，再澄清，用价值回应，最后提出跟进问题。";
    objections_search: "Search objections", "搜索异议";
    category: "Category", "类别";
    all_categories: "All categories", "全部类别";
    category_price: "Price", "价格";
    category_timing: "Timing", "时机";
    category_competitor: "Competitor", "竞争对手";
    category_authority: "Authority", "决策权";
    category_no_need: "No need", "没有需求";
    category_trust: "Trust and risk", "信任与风险";
    category_other: "Other", "其他";
    industry: "Industry", "行业";
    industry_manufacturing: "Manufacturing and industrial equipment", "制造业与工业设备";
    industry_retail: "Retail and chains", "零售与连锁";
    industry_professional_services: "Professional services", "专业服务";
    industry_software: "Software / SaaS", "软件 / SaaS";
    industry_generic: "All industries", "所有行业";
    objection_insight: "What is behind it", "背后的原因";
    objection_responses: "How to answer", "应对话术";
    objection_follow_up: "Then ask", "接着问";
    objections_count: "{n} objections", "共 {n} 条异议";
    objections_none: "No objection matches. Try fewer words, another category or all industries.",
        "没有匹配的异议。请减少关键词，或换一个类别或行业。";
    stage_lead_development: "Lead development and management", "客户开发与线索管理";
    stage_needs_analysis: "Needs analysis and solution design", "需求分析与方案定制";
    stage_quote_and_contract: "Quote and contract", "报价与合同管理";
    stage_delivery: "Execution and delivery", "销售执行与交付";
    stage_account_care: "After-sales and account care", "售后服务与客户维护";
    stage_review: "Review and improvement", "持续改进";

    deals_intro: "Every lead in one list. Add a lead as soon as it is assigned: the first follow-up is due within 24 hours.",
        "所有线索集中在一个列表。线索分配后请立即录入：首次跟进须在 24 小时内完成。";
    customer_name: "Customer name", "客户名称";
    add_lead: "Add lead", "添加线索";
    deal_list_label: "Leads", "线索列表";
    deals_empty: "No leads yet. Type a customer's name above and press Enter to add your first lead.",
        "还没有线索。在上方输入客户名称并按回车，添加第一条线索。";
    deals_count: "{n} leads.", "共 {n} 条线索。";
    deals_count_one: "1 lead.", "共 1 条线索。";
    search_leads: "Search leads", "搜索线索";
    deals_matching: "{m} of {n} leads match.", "{n} 条线索中有 {m} 条匹配。";
    deals_none_match: "No lead matches. Try fewer or other words: customer, number, contact, phone, email or owner.",
        "没有匹配的线索。请减少或更换关键词：客户、编号、联系人、电话、邮箱或负责人。";
    deals_shown: "The first {shown} are shown; type more to narrow the list.",
        "仅显示前 {shown} 条，输入更多内容可缩小范围。";
    lead_filters: "Filter and sort the leads", "筛选和排序线索";
    filter_any: "Any", "全部";
    overdue_only: "Overdue only", "只看已超时";
    clear_filters: "Clear filters", "清除筛选";
    deals_none_filtered: "No lead matches these filters.", "没有符合筛选条件的线索。";
    sort_by: "Sort by", "排序";
    sort_newest: "Newest first", "最新分配在前";
    sort_customer: "Customer, A to Z", "客户名称";
    sort_number: "Lead number", "线索编号";
    sort_next_action: "Next action due", "下一步到期时间";
    error_customer_missing: "Enter the customer's name.", "请输入客户名称。";
    error_customer_too_long: "The customer name is too long (at most {max} characters).",
        "客户名称过长（最多 {max} 个字符）。";
    lead_number: "Lead number", "线索编号";
    contact: "Contact person", "联系人";
    phone: "Phone", "联系方式";
    email: "Email", "电子邮箱";
    grade: "Grade", "分级";
    grade_a: "A: clear near-term need", "A：近期有明确需求";
    grade_b: "B: potential need", "B：潜在需求";
    grade_c: "C: long-term nurture", "C：长期培育";
    status: "Status", "当前状态";
    status_to_follow_up: "To follow up", "待跟进";
    status_following: "Following", "跟进中";
    status_converted: "Converted", "转化";
    status_lost: "Lost", "流失";
    notes: "Follow-up record", "跟进记录";
    assigned_at: "Assigned at", "分配时间";
    deal_views: "Which leads", "显示范围";
    view_all: "All leads", "全部线索";
    view_today: "Today ({n})", "今日待办（{n}）";
    today_empty: "Nothing is due today. Leads whose first follow-up or next action is due today or overdue show here.",
        "今天没有到期事项。首次跟进或下一步行动今天到期或已逾期的线索会显示在这里。";
    badge_overdue: "Overdue", "已逾期";
    badge_due_soon: "Due soon", "即将到期";
    due_first_follow_up: "First follow-up", "首次跟进";
    due_at: "due {time}", "截止 {time}";
    follow_up_title: "Follow-up", "跟进";
    first_follow_up_pending: "First follow-up due {time} ({hours} h standard).",
        "首次跟进截止时间：{time}（时效标准 {hours} 小时）。";
    first_follow_up_on_time: "First follow-up {time}, within the standard.", "首次跟进时间：{time}，符合时效标准。";
    first_follow_up_late: "First follow-up {time}, later than the standard.", "首次跟进时间：{time}，晚于时效标准。";
    log_follow_up: "Log the first follow-up now", "记录首次跟进（现在）";
    next_action: "Next action", "下一步行动";
    next_action_due: "Next action due", "下一步截止时间";
    next_action_done: "Done {time}.", "已于 {time} 完成。";
    mark_done: "Mark next action done", "标记下一步已完成";
    error_due_time: "Enter a date and time, for example 2026-03-01 09:30.", "请输入日期和时间，例如 2026-03-01 09:30。";
    sla_title: "Follow-up standards", "跟进时效标准";
    sla_hint: "A lead not followed up by the reminder is flagged as due soon; after the deadline it is overdue.",
        "线索到提醒时间仍未跟进会标为即将到期；超过时限则标为已逾期。";
    sla_hours: "First follow-up within (hours after assignment)", "首次跟进时限（分配后小时数）";
    sla_reminder: "Reminder (hours after assignment)", "提醒时间（分配后小时数）";
    sla_error_range: "Enter whole hours from 1 to {max}.", "请输入 1 到 {max} 之间的整数小时。";
    sla_error_reminder: "The reminder must come before the deadline.", "提醒时间必须早于首次跟进时限。";
    back_to_deals: "All leads", "全部线索";
    deal_not_found: "This lead does not exist in this browser. It may have been deleted, or it was entered in another browser.",
        "此浏览器中没有这条线索，可能已被删除，或是在其他浏览器中录入的。";
    delete_lead: "Delete lead", "删除线索";
    confirm_delete_lead: "Delete this lead and everything recorded on it?", "确定删除这条线索及其全部记录吗？";
    confirm_delete: "Delete", "删除";
    cancel: "Cancel", "取消";
    lead_deleted: "Lead “{name}” deleted.", "已删除线索“{name}”。";
    lead_deleted_elsewhere: "Lead “{name}” was deleted in another tab.", "线索“{name}”已在另一个标签页中删除。";
    lead_renumbered: "An earlier lead has the number {old} too, so “{name}” is now {new}.", "另一条更早的线索也是 {old}，因此“{name}”的编号改为 {new}。";
    leads_renumbered: "{n} leads had numbers that earlier leads have, so they now have new numbers, {first} to {last}.", "{n} 条线索的编号与更早的线索相同，已改用新编号 {first} 至 {last}。";
    undo: "Undo", "撤销";
    saved: "Saved", "已保存";
    changed_elsewhere: "This lead was changed in another tab. Your edits here are kept.",
        "这条线索已在另一个标签页中被修改。你在这里的编辑仍然保留。";
    field_conflict: "Another tab saved “{value}” here while you were typing. Saving yours replaces it.",
        "你输入期间，另一个标签页在此保存了“{value}”。保存你的内容将替换它。";
    field_replaced: "You saved yours over “{value}” from another tab.",
        "你的内容已覆盖另一个标签页保存的“{value}”。";
    use_their_text: "Use theirs", "改用对方内容";
    deal_stage: "Stage", "所处阶段";
    customer_class: "Customer class", "客户分类";
    class_high_value: "High-value", "高价值客户";
    class_potential: "Potential", "潜力客户";
    class_general: "General", "普通客户";
    deal_value: "Deal value", "预计金额";
    currency: "Currency", "币种";
    error_amount: "Enter an amount, for example 12,500.00.", "请输入金额，例如 12,500.00。";
    history_title: "History", "历史记录";
    history_entry: "What was said or done", "沟通内容";
    log_call: "Log call", "记录通话";
    add_note: "Add note", "添加备注";
    event_assigned: "Lead assigned", "线索分配";
    event_created: "Lead entered", "录入线索";
    event_call: "Call", "通话";
    event_live_call: "Call on the script “{script}” ({duration})", "按话术“{script}”通话（{duration}）";
    event_note: "Note", "备注";
    event_follow_up: "Followed up", "已跟进";
    event_stage: "Stage: {from} → {to}", "阶段：{from} → {to}";
    event_status: "Status: {from} → {to}", "状态：{from} → {to}";
    event_grade: "Grade: {from} → {to}", "分级：{from} → {to}";
    event_proposal: "Proposal sent: {template}", "已发送方案：{template}";
    event_demo: "Demo held", "已进行演示";
    event_unknown: "Recorded by a newer version of the app", "由新版本应用记录";
    no_stage: "No stage", "未设阶段";
    grading_title: "Grading", "线索分级";
    grade_follow_rules: "As the rules suggest", "按规则建议";
    grade_suggested: "The rules suggest {grade} ({points} of {max} points).", "规则建议分级：{grade}（{points}/{max} 分）。";
    grade_overridden: "Set by the rep: {grade}.", "销售手动定级：{grade}。";
    signal_need: "Need clarity", "需求明确度";
    signal_intent: "Purchase intent", "购买意向";
    signal_timeline: "Timeline", "采购时间";
    signal_budget: "Budget", "预算";
    signal_authority: "Access to the decision maker", "决策人接触";
    level_unknown: "Not asked yet", "尚未了解";
    level_low: "Low", "低";
    level_medium: "Medium", "中";
    level_high: "High", "高";

    training_intro: "Onboarding paths for new hires and mock-sale drills for trainers.",
        "新人入职培训路径与培训师主持的模拟演练。";
    training_empty: "No trainees or drills yet. Onboarding paths, drills and objection practice will appear here.",
        "还没有学员或演练记录。入职培训路径、模拟演练和异议处理练习将显示在这里。";
    dashboard_intro: "Process-health measures: follow-up timeliness, discovery completeness, funnel conversion and sales cycle.",
        "销售流程健康度：线索跟进及时率、需求调研完整率、漏斗转化率和销售周期。";
    dashboard_empty: "No measures yet. They appear as soon as leads are recorded under Deals.",
        "暂无指标。在“商机”中录入线索后即会显示。";
    dash_period: "Period", "统计周期";
    period_week: "This week", "本周";
    period_month: "This month", "本月";
    period_quarter: "This quarter", "本季度";
    period_range: "{start} to {end}", "{start} 至 {end}";
    owner: "Owner", "负责人";
    all_owners: "All owners", "全部负责人";
    all_industries: "All industries", "全部行业";
    measure_follow_up: "Follow-up timeliness", "线索跟进及时率";
    measure_completeness: "Needs-research completeness", "需求调研完整率";
    measure_lead_to_won: "Lead → won", "线索成交转化率";
    measure_cycle_median: "Sales cycle (median)", "销售周期（中位数）";
    measure_cycle_mean: "Sales cycle (mean)", "销售周期（平均值）";
    target_at_least: "Target ≥ {value}", "目标 ≥ {value}";
    target_at_most: "Target ≤ {value}", "目标 ≤ {value}";
    on_target: "On target", "达标";
    off_target: "Off target", "未达标";
    off_target_line: "{measure}: {value} · {target}", "{measure}：{value} · {target}";
    off_target_none: "Every measure with a target and data is on target.", "所有设有目标且有数据的指标均已达标。";
    report_title: "Process-health report", "流程健康报告";
    print_report: "Print the report", "打印报告";
    no_data: "No data", "暂无数据";
    days_n: "{n} days", "{n} 天";
    change_points: "{change} pts on the previous period", "较上期 {change} 个百分点";
    change_days: "{change} days on the previous period", "较上期 {change} 天";
    basis_share: "{n} of {m}", "{m} 个中 {n} 个";
    basis_won: "{m} deals won", "{m} 个成交商机";
    deals_behind: "Deals behind this number ({n})", "此数字涉及的商机（{n}）";
    pending_follow_ups: "Not due yet, so not counted: {n}.", "尚未到跟进期限、暂不计入：{n} 条。";
    hint_follow_up: "Leads assigned in the period, first followed up within the standard.", "本期分配的线索中，在标准时限内完成首次跟进的比例。";
    hint_completeness: "Required discovery items answered, over deals past discovery. Shown once discovery is recorded on deals.", "已过需求调研阶段的商机中，必填调研项的完成比例。在商机中记录需求调研后显示。";
    hint_lead_to_won: "Leads assigned in the period that are converted now.", "本期分配的线索中，目前已成交的比例。";
    hint_cycle: "First contact to won, for deals won in the period. Shown once deals record when they were won.", "本期成交商机从首次联系到成交的天数。商机记录成交时间后显示。";
    overdue_title: "Overdue now", "当前逾期";
    overdue_first: "First follow-ups overdue", "首次跟进逾期";
    overdue_next: "Next actions overdue", "下一步行动逾期";
    overdue_first_basis: "{n} of {m} open leads never contacted", "{m} 条尚未联系的线索中 {n} 条";
    overdue_next_basis: "{n} of {m} open deals with a next action", "{m} 个有下一步行动的商机中 {n} 个";
    funnel_title: "Funnel of the period's leads", "本期线索漏斗";
    col_reached: "Reached", "到达数";
    col_conversion: "From the stage before", "较上一阶段转化率";
    by_grade_title: "Lead → won by grade", "各等级线索的成交转化率";
    by_source_title: "Lead → won by source", "各来源线索的成交转化率";
    source: "Source", "来源";
    col_leads: "Leads", "线索数";
    col_won: "Won", "成交数";
    col_share: "Share", "转化率";
    source_trade_show: "Trade show", "展会";
    source_website: "Website", "官网";
    source_referral: "Referral", "转介绍";
    source_other: "Other", "其他";

    settings_language_title: "Language", "语言";
    settings_language_hint: "Choose the language from the menu at the top of every page. The first visit follows your browser's language; your choice is remembered in this browser.",
        "可在每个页面顶部的菜单中切换语言。首次访问时跟随浏览器语言；你的选择会保存在此浏览器中。";
    settings_data_title: "Data", "数据";
    settings_data_hint: "Everything is stored in this browser only. Export a backup to keep it safe or move it to another browser.",
        "所有数据只保存在此浏览器中。导出备份可妥善保存数据，或迁移到其他浏览器。";
    storage_used: "{used} of about {quota} used ({percent}).", "已使用 {used}，上限约 {quota}（{percent}）。";
    storage_records: "{deals} leads stored.", "已保存 {deals} 条线索。";
    storage_quarantined: "{n} unreadable values are set aside and included in backups.",
        "有 {n} 个无法读取的值已被隔离保存，并包含在备份中。";
    export_all: "Export all data", "导出全部数据";
    import_backup: "Import a backup", "导入备份";
    import_choose_file: "Backup file (.json)", "备份文件（.json）";
    import_preview: "This backup adds {added} and updates {updated} records; {unchanged} are unchanged.",
        "此备份将新增 {added} 条、更新 {updated} 条记录；{unchanged} 条无变化。";
    import_skipped: "{n} entries this version cannot read are not imported.", "有 {n} 条此版本无法读取的条目不会导入。";
    import_nothing: "This backup holds nothing that differs from what is stored here.", "此备份与现有数据完全相同，无需导入。";
    import_confirm: "Import", "导入";
    import_done: "Backup imported.", "备份已导入。";
    import_failed: "The backup was not imported: {reason} Nothing was changed.", "备份未导入：{reason} 现有数据未做任何更改。";
    reset_all: "Reset all data…", "重置全部数据…";
    reset_warning: "This deletes every lead and setting stored in this browser. Export a backup first if you may need them.",
        "此操作将删除此浏览器中保存的所有线索和设置。如有需要，请先导出备份。";
    reset_confirm: "Delete everything", "全部删除";
    reset_done: "All data was deleted.", "所有数据已删除。";

    banner_read_only: "This browser holds data written by a newer version of Sales Playbook (schema {schema}). To keep it safe, this version is read-only: changes are not saved. Open the newer version, or export a backup.",
        "此浏览器中的数据由更新版本的销售作战手册写入（数据版本 {schema}）。为保护数据，当前版本以只读方式打开，修改不会被保存。请使用新版本，或导出备份。";
    banner_quarantined: "{n} stored values could not be read and were set aside; everything else loaded. They are kept and included in backups.",
        "有 {n} 个已保存的值无法读取，已被隔离；其余数据均已正常加载。被隔离的值仍然保留，并包含在备份中。";
    banner_save_failed: "Your last change could not be saved: {reason} It is kept in this tab; export your data so nothing is lost.",
        "最近的修改未能保存：{reason} 修改仍保留在当前标签页中，请导出数据以免丢失。";
    banner_unavailable: "This browser does not allow the app to store data ({reason}). You can work, but nothing is kept after you close the tab: export your data before you leave.",
        "此浏览器不允许本应用保存数据（{reason}）。你仍可使用，但关闭标签页后数据不会保留，请在离开前导出数据。";
    dismiss: "Dismiss", "关闭";
    search_open: "Search", "搜索";
    search_title: "Search the playbook", "搜索销售手册";
    search_label: "Search stages, scripts, checklists and objections", "搜索阶段、话术、清单与异议";
    search_hint: "Type to search in English or 中文. Enter opens the first result, Esc closes.",
        "可用中文或英文搜索。按回车打开第一条结果，按 Esc 关闭。";
    search_none: "Nothing found. Try other or fewer words.", "没有找到结果，请换个关键词或减少关键词。";
    kind_stage: "Stage", "阶段";
    kind_objection: "Objection", "异议";
    kind_script: "Script", "话术";
    kind_checklist: "Checklist", "清单";
    checklists_title: "Discovery checklists", "需求调研清单";
    templates_title: "Proposal templates", "方案模板";
    author_title: "Edit the playbook", "编辑销售手册";
    checklists_intro: "Well-known discovery frameworks, each question tied to a named field, so an answer given in a call also counts here. The team standard for needs-research completeness is 85% of required items.",
        "常用的需求调研框架。每个问题都对应一个字段，通话中回答过的问题在清单中同样计入。团队标准：必填项的需求调研完整率不低于 85%。";
    checklist_missing: "This checklist is not in the playbook. It may have been removed.", "手册中没有这份清单，可能已被删除。";
    checklist_items: "{n} questions, {r} required", "共 {n} 个问题，其中 {r} 个必填";
    required: "Required", "必填";
    captured_as: "Captured as: {field}", "记录字段：{field}";
    rule_bant: "Qualified when at least 3 of the 4 dimensions (budget, authority, need, timeline) are met.",
        "预算、决策权、需求、时间四个维度中至少满足三个，即视为合格线索。";
    rule_meddpicc: "Each element is scored 1–10. Qualified when every element is scored, the average is at least 7 and no element is below 4.",
        "每个要素按 1–10 分评分。所有要素均已评分、平均分不低于 7 分且没有低于 4 分的要素，即视为合格。";
    rule_completeness: "Complete when at least 85% of the required questions are answered.", "必填问题的回答率达到 85% 及以上即为完整。";
    scripts_title: "Call scripts", "沟通话术";
    scripts_for_stage: "Scripts for this stage", "本阶段话术";
    script_missing: "This script is not in the playbook. It may have been removed.", "手册中没有这份话术，可能已被删除。";
    script_read: "Read", "阅读";
    script_practice: "Practice", "练习";
    script_mode: "Mode", "模式";
    script_industry_hint: "Wording and steps follow the customer's industry.", "话术措辞和步骤会随客户行业调整。";
    section_opening: "Opening", "开场白";
    section_discovery: "Discovery", "需求挖掘";
    section_value: "Value", "价值传递";
    section_objection: "Objection", "异议处理";
    section_next_step: "Next step", "下一步";
    section_other: "Note", "提示";
    step_say: "Say", "说";
    step_ask: "Ask", "问";
    step_coach: "Coach's tip", "教练提示";
    step_verbatim: "Word for word", "须逐字说出";
    tick_verbatim: "I said this word for word", "我已逐字说出";
    if_customer_says: "If the customer says: {label}", "如果客户说：{label}";
    back_to_step: "Back to: {text}", "回到：{text}";
    next: "Next", "下一步";
    finish: "Finish", "结束";
    back: "Back", "返回";
    restart: "Start again", "重新开始";
    answer_label: "Customer's answer", "客户的回答";
    practice_done: "Practice complete: you reached the end of the script.", "练习完成：你已走完整份话术。";
    choose_hint: "Press 1–9 to choose a response.", "按数字键 1–9 选择客户的回应。";
    path_so_far: "Path so far", "已走过的步骤";
    verbatim_first: "Tick the word-for-word line before moving on.", "请先勾选确认已逐字说出，再继续。";
    show_all_objections: "Show all objections", "显示全部异议";
    retry: "Try again", "重试";
    content_loading: "Loading the playbook…", "正在加载销售手册…";
    content_failed: "The playbook could not be loaded ({reason}). Check the connection and try again.",
        "销售手册加载失败（{reason}）。请检查网络连接后重试。";
    update_ready: "A new version of the app is ready.", "应用的新版本已就绪。";
    reload: "Reload", "重新加载";
    persist_yes: "The browser keeps this app's data even when disk space runs low.", "即使磁盘空间不足，浏览器也会保留本应用的数据。";
    persist_no: "The browser may clear this app's data when disk space runs low: export a backup now and then.", "磁盘空间不足时，浏览器可能会清除本应用的数据：请定期导出备份。";
    persist_unknown: "This browser does not say whether it keeps the data under storage pressure: export a backup now and then.", "该浏览器未说明存储空间紧张时是否保留数据：请定期导出备份。";
}

/// The UI text for `locale`.
pub fn texts(locale: Locale) -> &'static Texts {
    match locale.supported() {
        Locale::ZhCn => &ZH,
        _ => &EN,
    }
}

/// Replaces each `{name}` in `template` with its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// Checks a table of (key, English, 简体中文) texts: the macros make both languages present;
/// this checks neither is blank and no `{placeholder}` was lost in translation.
#[cfg(test)]
pub(crate) fn check_translations(all: &[(&str, &str, &str)]) {
    fn placeholders(s: &str) -> Vec<&str> {
        let mut v: Vec<&str> = s
            .split('{')
            .skip(1)
            .filter_map(|p| p.split_once('}').map(|(name, _)| name))
            .collect();
        v.sort();
        v
    }
    for (name, en, zh) in all.iter().copied() {
        assert!(
            !en.trim().is_empty() && !zh.trim().is_empty(),
            "{name} is blank"
        );
        assert_eq!(placeholders(en), placeholders(zh), "{name}: {en} / {zh}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_every_placeholder() {
        assert_eq!(
            fill("{n} of {m}, {n}", &[("n", "1"), ("m", "2")]),
            "1 of 2, 1"
        );
        assert_eq!(fill(ZH.deals_count, &[("n", "3")]), "共 3 条线索。");
    }

    #[test]
    fn both_languages_have_text_for_every_key_and_the_same_placeholders() {
        assert!(ALL.len() > 50);
        check_translations(ALL);
    }
}
