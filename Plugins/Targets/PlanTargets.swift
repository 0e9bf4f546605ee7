import CosoCore

/// The targets of the seed plan, 90-KH/HU (22/12/2022), section II.1.2 and III (DOMAIN.md §4),
/// each measured by pipelines over the register. Where the register does not record what a
/// target needs (T1), it has no query and shows "no data" rather than a made-up figure.
///
/// A member is on the roll at a date as the members module declares it (`on_roll`: admitted by
/// then and not yet gone, by the member's own dates, not their event history: this reads a
/// country's register in seconds); working members are those on the roll and not exempted.
enum PlanTargets {
    static let source = "90-KH/HU (22/12/2022)"
    static let grassroots = "[commune_committee, grassroots_committee, grassroots_cell]"
    static let grassrootsCommittees = "[commune_committee, grassroots_committee]"
    static let cells = "[village_cell, subordinate_cell]"
    /// The armed forces rate their organisations and members by their own rules (T5's caveat).
    static let armedSectors = "[military, police]"
    static let working = "[civil_servant, public_employee, enterprise, armed_forces]"
    static let cadres = "[civil_servant, public_employee, armed_forces]"
    static let liveAt = "(founded == null or founded <= $date) and (dissolved == null or dissolved > $date)"
    static let onRollAt = "on_roll($date) and (exempted == null or exempted > $date)"
    static let termStart = "@2020-01-01"
    static let yearly = Label(vi: "hằng năm", en: "yearly")
    static let ongoing = Label(vi: "thường xuyên", en: "ongoing")

    static func words(_ vi: String, _ en: String) -> Label { Label(vi: vi, en: en) }

    static let all: [TargetDefinition] = [
        TargetDefinition(
            "T1", title: words("Tổ chức đảng thực hiện đúng chức năng, quy chế", "Organisations follow their functions and rules"),
            wording: words("100% cấp ủy, các tổ chức đảng thực hiện đúng quy định về chức năng, nhiệm vụ, mối quan hệ công tác, quy chế hoạt động của đảng bộ, chi bộ cơ sở, chi bộ trực thuộc đảng ủy cơ sở",
                           "All committees and organisations follow the rules on functions, tasks, working relations and regulations"),
            source: source, counted: nil, base: nil, goal: .atLeast(100), deadline: ongoing),
        TargetDefinition(
            "T2", title: words("Đảng viên đang công tác được nơi cư trú nhận xét", "Working members commented on by their residence cell"),
            wording: words("100% đảng viên đang công tác được giới thiệu và thường xuyên giữ mối liên hệ với tổ chức đảng và nhân dân nơi cư trú, được chi bộ, cấp ủy nhận xét, đánh giá gương mẫu hằng năm theo quy định",
                           "All working members keep in touch with, and are commented on yearly by, their residence cell"),
            source: source,
            counted: "residence_comments | where year == $year and member.work_status in \(working) and member.on_roll($date) and (member.exempted == null or member.exempted > $date)",
            base: "members | where work_status in \(working) and \(onRollAt)",
            goal: .atLeast(100), deadline: yearly, distinct: "member", countedOrg: "member.org", baseOrg: "org", records: YearlyRecords("residence_comments", year: "year")),
        TargetDefinition(
            "T3", title: words("Tổ chức cơ sở đảng có mô hình mới được đánh giá cao", "Grassroots organisations with a highly rated creative model"),
            wording: words("Phấn đấu hàng năm có ít nhất 25% cấp ủy, tổ chức cơ sở đảng có mô hình mới hoặc cách làm sáng tạo bằng sản phẩm cụ thể được đánh giá cao",
                           "Each year at least 25% of committees and grassroots organisations have a highly rated creative model with a concrete product"),
            source: source,
            counted: "innovations | where year == $year and rated_high and org.kind in \(grassroots)",
            base: "orgs | where kind in \(grassroots) and \(liveAt)",
            goal: .atLeast(25), deadline: yearly, distinct: "org", countedOrg: "org", baseOrg: "", records: YearlyRecords("innovations", year: "year")),
        TargetDefinition(
            "T4", title: words("Cán bộ, công chức, viên chức, LLVT đăng ký đủ ba cam kết", "Cadres, civil servants and soldiers with all three commitments"),
            wording: words("Có 100% đảng viên là cán bộ, công chức, viên chức, chiến sỹ các đơn vị lực lượng vũ trang đang công tác thực hiện nghiêm việc đăng ký, cam kết về ngăn chặn, đẩy lùi sự suy thoái về tư tưởng chính trị, đạo đức, lối sống, những biểu hiện \"tự diễn biến\", \"tự chuyển hóa\" trong nội bộ; Chỉ thị số 05-CT/TW của Bộ Chính trị và các quy định về nêu gương",
                           "All working cadres, civil servants, public employees and soldiers register the anti-degradation, Directive 05 and exemplary-conduct commitments"),
            source: source,
            counted: "commitments | where year == $year and member.work_status in \(cadres) and member.on_roll($date) | summarize kinds: count_distinct(kind) by member | where kinds == 3",
            base: "members | where work_status in \(cadres) and \(onRollAt)",
            goal: .atLeast(100), deadline: yearly, baseOrg: "org", records: YearlyRecords("commitments", year: "year")),
        TargetDefinition(
            "T5a", title: words("Tổ chức cơ sở đảng xếp loại hoàn thành tốt nhiệm vụ trở lên", "Grassroots organisations rated good or better"),
            wording: words("Hằng năm có 90% tổ chức cơ sở đảng ... được đánh giá, xếp loại hoàn thành tốt nhiệm vụ trở lên (riêng đối với lực lượng vũ trang thực hiện theo quy định, hướng dẫn của ngành)",
                           "Yearly, 90% of grassroots organisations are rated good or better; the armed forces follow their own rules (their organisations are left out here)"),
            source: source,
            counted: "org_ratings | where year == $year and level in [excellent, good] and org.kind in \(grassroots) and (org.sector == null or not (org.sector in \(armedSectors)))",
            base: "org_ratings | where year == $year and org.kind in \(grassroots) and (org.sector == null or not (org.sector in \(armedSectors)))",
            goal: .atLeast(90), deadline: yearly, countedOrg: "org", records: YearlyRecords("org_ratings", year: "year")),
        TargetDefinition(
            "T5b", title: words("Đảng viên xếp loại hoàn thành tốt nhiệm vụ trở lên", "Members rated good or better"),
            wording: words("Hằng năm có 90% ... đảng viên được đánh giá, xếp loại hoàn thành tốt nhiệm vụ trở lên (riêng đối với lực lượng vũ trang thực hiện theo quy định, hướng dẫn của ngành)",
                           "Yearly, 90% of members are rated good or better (exempt and suspended members are not rated; members in the armed forces are counted as their units rated them)"),
            source: source,
            // (Members in the armed forces are counted as their units rated them: leaving them out means
            // a look-up of every rated member, 15 s a year for the country, against 0.2 s.)
            counted: "ratings | where year == $year and level in [excellent, good]",
            base: "ratings | where year == $year",
            goal: .atLeast(90), deadline: yearly, countedOrg: "member.org", records: YearlyRecords("ratings", year: "year")),
        TargetDefinition(
            "T6", title: words("Kết nạp đảng viên trong năm so với đảng viên đầu năm", "Admissions in the year against members at its start"),
            wording: words("Tỷ lệ kết nạp đảng viên hằng năm đạt từ 3- 4% trên tổng số đảng viên toàn Đảng bộ",
                           "Yearly admissions equal 3-4% of all members (against the members at the start of the year: basis UNVERIFIED)"),
            source: source,
            counted: "member_events | where kind == admitted and happened >= $year_start and happened <= $date",
            base: "members | where on_roll($year_start - 1)",
            goal: .between(3, 4), deadline: yearly, countedOrg: "org", records: YearlyRecords("member_events | where kind == admitted", year: "year(happened)")),
        TargetDefinition(
            "T7", title: words("Kết nạp chủ doanh nghiệp tư nhân trong nhiệm kỳ", "Private business owners admitted in the term"),
            wording: words("trong nhiệm kỳ, kết nạp từ 01- 02 chủ doanh nghiệp tư nhân đủ tiêu chuẩn vào Đảng",
                           "Admit 1-2 qualified private business owners in the term"),
            source: source,
            counted: "members | where occupation == private_business_owner and admitted >= \(termStart) and admitted <= $date",
            goal: .between(1, 2), deadline: words("nhiệm kỳ 2020-2025", "term 2020-2025"), countedOrg: "org"),
        TargetDefinition(
            "T8", title: words("Thành lập mới chi bộ ngoài nhà nước trong nhiệm kỳ", "New non-state-sector cells in the term"),
            wording: words("thành lập mới được 01 chi bộ ngoài nhà nước", "Establish 1 non-state-sector cell"),
            source: source,
            counted: "orgs | where founded >= \(termStart) and founded <= $date and sector in [private_enterprise, fdi, coop, credit_fund]",
            goal: .atLeast(1), deadline: words("nhiệm kỳ 2020-2025", "term 2020-2025"), countedOrg: "parent"),
        TargetDefinition(
            "T9", title: words("Thôn, tổ dân phố có chi bộ", "Villages and residential groups with a cell"),
            wording: words("Duy trì 100% thôn, tổ dân phố có chi bộ", "Keep 100% of villages and residential groups covered by a cell"),
            source: source,
            // The villages as they stood at the date (their cell then: `village`, `org merge`, `coso reorganise`).
            counted: "villages asof $date | where cell != null", base: "villages asof $date",
            goal: .atLeast(100), deadline: ongoing, countedOrg: "commune"),
        TargetDefinition(
            "T10", title: words("Chi bộ thôn, tổ dân phố có chi ủy", "Village and residential-group cells with a committee"),
            wording: words("đến năm 2030 có trên 65% chi bộ có cấp ủy", "By 2030 more than 65% of cells have a committee"),
            source: source,
            // The tree as it stood at the date: a committee from the latest term begun by then.
            counted: "orgs asof $date | where kind == village_cell and has_committee and dissolved == null",
            base: "orgs asof $date | where kind == village_cell and dissolved == null",
            goal: .moreThan(65), deadline: words("đến 2030", "by 2030"), countedOrg: "parent"),
        TargetDefinition(
            "T11", title: words("Cấp ủy cơ sở, chi bộ trực thuộc có chương trình kiểm tra, giám sát", "Grassroots committees and subordinate cells with an inspection programme"),
            wording: words("Có 100% cấp ủy cơ sở, chi bộ trực thuộc đảng ủy cơ sở xây dựng chương trình, kế hoạch để thực hiện có hiệu quả công tác kiểm tra, giám sát theo quy định",
                           "All grassroots committees and subordinate cells adopt an inspection and supervision programme"),
            source: source,
            // The plan's basis: grassroots committees and cells, and the cells directly under a
            // grassroots committee (a commune's village cells among them): 357 in the demo, not 55.
            counted: "inspection_plans | where year == $year and (org.kind in \(grassroots) or (org.kind in \(cells) and org.parent.kind in \(grassrootsCommittees)))",
            base: "orgs | where (kind in \(grassroots) or (kind in \(cells) and parent.kind in \(grassrootsCommittees))) and \(liveAt)",
            goal: .atLeast(100), deadline: yearly, distinct: "org", countedOrg: "org", baseOrg: "", records: YearlyRecords("inspection_plans", year: "year")),
        TargetDefinition(
            "T12", title: words("Bí thư, phó bí thư cấp ủy cơ sở có trung cấp lý luận trở lên", "Grassroots secretaries and deputies with intermediate theory or higher"),
            wording: words("phấn đấu 100% bí thư, phó bí thư cấp uỷ cơ sở có trình độ lý luận chính trị từ trung cấp trở lên",
                           "All grassroots secretaries and deputies hold intermediate political theory or higher"),
            source: source,
            counted: "positions | where role in [secretary, deputy] and org.kind in \(grassroots) and started <= $date and (ended == null or ended > $date) and member.theory >= intermediate",
            base: "positions | where role in [secretary, deputy] and org.kind in \(grassroots) and started <= $date and (ended == null or ended > $date)",
            goal: .atLeast(100), deadline: words("từ 2022, rà soát hằng năm", "from 2022, reviewed yearly"), countedOrg: "org"),
        TargetDefinition(
            "T13a", title: words("Trưởng thôn, tổ trưởng tổ dân phố chưa là đảng viên", "Village and residential-group heads who are not members"),
            wording: words("tiếp tục nâng cao tỉ lệ trưởng thôn, tổ trưởng tổ dân phố ... là đảng viên",
                           "Raise the share of village and residential-group heads who are members"),
            source: source + ", chú thích 3 (11/2022)", counted: "villages asof $date | where not head_is_member", base: "villages asof $date",
            goal: .decrease, deadline: yearly, countedOrg: "commune", baseline: 84),
        TargetDefinition(
            "T13b", title: words("Trưởng ban công tác Mặt trận chưa là đảng viên", "Front work team heads who are not members"),
            wording: words("tiếp tục nâng cao tỉ lệ ... trưởng ban công tác mặt trận là đảng viên",
                           "Raise the share of Front work team heads who are members"),
            source: source + ", chú thích 3 (11/2022)", counted: "villages asof $date | where not front_head_is_member", base: "villages asof $date",
            goal: .decrease, deadline: yearly, countedOrg: "commune", baseline: 62),
        TargetDefinition(
            "T14", title: words("Thí điểm xếp loại đảng viên hằng quý (số lượt đã ghi)", "Quarterly rating pilot (ratings recorded)"),
            wording: words("thí điểm đánh giá, xếp loại đảng viên, tổ chức đảng hàng tháng, quý (quý I/2023)",
                           "Pilot monthly or quarterly ratings of members and organisations (Q1/2023)"),
            // The pilot's quarterly ratings recorded in the year (`rate ... quarter: N`); the pilot
            // itself is in `rules` from 1/1/2023. A year without any has no figure, never 0.
            source: source, counted: "quarter_ratings | where year == $year",
            goal: .atLeast(1), deadline: words("quý I/2023", "Q1/2023"), countedOrg: "member.org",
            records: YearlyRecords("quarter_ratings", year: "year")),
    ] + tasks

    /// Tasks of the plan that name no figure, measured so that their course shows: the goal is
    /// that each rises from the year before (none has a baseline in the plan).
    static let task = source + ", nhiệm vụ không có chỉ tiêu số"
    static let tasks: [TargetDefinition] = [
        TargetDefinition(
            "T15", title: words("Chi bộ quân sự xã có chi ủy", "Commune military cells with a committee"),
            wording: words("kiện toàn tổ chức đảng trong lực lượng vũ trang cấp xã: chi bộ quân sự xã có chi ủy",
                           "Strengthen the Party in the commune's armed forces: commune military cells with a committee"),
            source: task,
            counted: "orgs asof $date | where sector == military and kind == subordinate_cell and parent.kind == commune_committee and dissolved == null and has_committee",
            base: "orgs asof $date | where sector == military and kind == subordinate_cell and parent.kind == commune_committee and dissolved == null",
            goal: .increase, deadline: yearly, countedOrg: "parent"),
        TargetDefinition(
            "T16", title: words("Bí thư chi bộ thôn, tổ dân phố kiêm trưởng thôn, tổ trưởng", "Village cell secretaries who are also the village head"),
            wording: words("thực hiện mô hình bí thư chi bộ đồng thời là trưởng thôn, tổ trưởng tổ dân phố",
                           "The model of the cell secretary who is also the village or residential-group head"),
            source: task,
            counted: "positions | where role == secretary and village_head and org.kind == village_cell and started <= $date and (ended == null or ended > $date)",
            base: "orgs asof $date | where kind == village_cell and dissolved == null",
            goal: .increase, deadline: yearly, countedOrg: "org.parent", baseOrg: "parent"),
        TargetDefinition(
            "T17", title: words("Chi bộ, đảng bộ cơ sở \"bốn tốt\"", "\"Four good\" cells and grassroots committees"),
            wording: words("xây dựng chi bộ, đảng bộ cơ sở \"bốn tốt\"", "Build \"four good\" cells and grassroots committees"),
            source: task,
            counted: "recognitions | where year == $year and kind == four_good",
            base: "orgs | where kind in [commune_committee, grassroots_committee, grassroots_cell, village_cell, subordinate_cell] and \(liveAt)",
            goal: .increase, deadline: yearly, distinct: "org", countedOrg: "org", baseOrg: "", records: YearlyRecords("recognitions", year: "year")),
        TargetDefinition(
            "T18", title: words("Kết nạp đảng viên so với kế hoạch", "Admissions against the admission plans"),
            wording: words("mỗi tổ chức cơ sở đảng xây dựng và thực hiện kế hoạch kết nạp đảng viên hằng năm",
                           "Each grassroots organisation makes and carries out a yearly admission plan"),
            source: task,
            counted: "member_events | where kind == admitted and happened >= $year_start and happened <= $date",
            base: "admission_plans | where year == $year",
            // (Not broken down by organisation: admissions are recorded by cell, plans by grassroots organisation.)
            goal: .atLeast(100), deadline: yearly, records: YearlyRecords("admission_plans", year: "year"), baseSum: "planned"),
    ]
}
