import CosoCore

/// The member statistics of the Party's forms (3-TCTW: occupation, age, education, political
/// theory; 4-TCTW: ethnicity, religion), of the roll at a date (`Members.onRoll`), and what
/// changed in a year.
enum MemberStatistics {
    static let onRoll = "members | where on_roll($date)"

    static func by(_ code: String, _ vi: String, _ en: String, _ key: String) -> StatisticDefinition {
        StatisticDefinition(code, title: Label(vi: vi, en: en), pipeline: "\(onRoll) | summarize n: count() by \(key)")
    }

    static let all: [StatisticDefinition] = [
        by("gender", "Đảng viên theo giới tính", "Members by gender", "gender"),
        StatisticDefinition("age", title: Label(vi: "Đảng viên theo độ tuổi", en: "Members by age"),
                            pipeline: "\(onRoll) | summarize n: count(), o: min(age(born, $date)) by age: band(age(born, $date), [30, 40, 50, 60, 70], \"tuổi\", 18)",
                            key: Label(vi: "Độ tuổi", en: "Age")),
        by("ethnicity", "Đảng viên theo dân tộc", "Members by ethnicity", "ethnicity"),
        by("religion", "Đảng viên theo tôn giáo", "Members by religion", "religion"),
        by("occupation", "Đảng viên theo nghề nghiệp", "Members by occupation", "occupation"),
        by("education", "Đảng viên theo trình độ giáo dục phổ thông", "Members by general education", "education"),
        by("qualification", "Đảng viên theo trình độ chuyên môn", "Members by qualification", "qualification"),
        by("theory", "Đảng viên theo trình độ lý luận chính trị", "Members by political theory", "theory"),
        // The status each member had at the date, from their events (a member suspended since
        // counts as official at an earlier date).
        StatisticDefinition("status", title: Label(vi: "Đảng viên theo tình trạng", en: "Members by status"),
                            pipeline: "members asof $date | where on_roll | summarize n: count() by status"),
        // A Tăng/Giảm table as the forms have it (DOMAIN.md §7): the roll at the start, what added
        // to it and took from it in the year, the roll at the end; card issuance is no change.
        // (Re-admissions are not told apart from admissions in the register.)
        StatisticDefinition("changes", title: Label(vi: "Biến động đảng viên trong năm", en: "Changes in the year"), lines: [
            StatisticLine(Label(vi: "Đầu kỳ", en: "At the start"), "members | where on_roll($year_start - 1)"),
            StatisticLine(Label(vi: "Tăng", en: "Added"), change(["admitted", "transfer_in"])),
            StatisticLine(Label(vi: "- kết nạp mới", en: "- admitted"), change(["admitted"])),
            StatisticLine(Label(vi: "- chuyển đến", en: "- transferred in"), change(["transfer_in"])),
            StatisticLine(Label(vi: "Giảm", en: "Removed"), change(["died", "removed", "expelled", "withdrew", "transfer_out"])),
            StatisticLine(Label(vi: "- từ trần", en: "- died"), change(["died"])),
            StatisticLine(Label(vi: "- xóa tên", en: "- struck off"), change(["removed"])),
            StatisticLine(Label(vi: "- khai trừ", en: "- expelled"), change(["expelled"])),
            StatisticLine(Label(vi: "- xin ra khỏi Đảng", en: "- withdrew"), change(["withdrew"])),
            StatisticLine(Label(vi: "- chuyển đi", en: "- transferred out"), change(["transfer_out"])),
            StatisticLine(Label(vi: "Cuối kỳ", en: "At the end"), "members | where on_roll($date)"),
        ], yearly: true, key: Label(vi: "Biến động", en: "Change")),
        StatisticDefinition("ratings", title: Label(vi: "Xếp loại đảng viên", en: "Member ratings"),
                            pipeline: "ratings | where year == $year | summarize n: count() by level", yearly: true),
        StatisticDefinition("org_ratings", title: Label(vi: "Xếp loại tổ chức cơ sở đảng", en: "Grassroots organisation ratings"),
                            pipeline: "org_ratings | where year == $year and org.kind in [commune_committee, grassroots_committee, grassroots_cell] | summarize n: count() by level",
                            yearly: true),
    ]

    /// The events of these kinds in the year measured.
    static func change(_ kinds: [String]) -> String {
        "member_events | where kind in [\(kinds.joined(separator: ", "))] and happened >= $year_start and happened <= $date"
    }
}
