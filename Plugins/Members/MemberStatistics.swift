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
        StatisticDefinition("changes", title: Label(vi: "Biến động đảng viên trong năm", en: "Changes in the year"),
                            pipeline: "member_events | where happened >= $year_start and happened <= $year_end | summarize n: count() by kind",
                            yearly: true),
        StatisticDefinition("ratings", title: Label(vi: "Xếp loại đảng viên", en: "Member ratings"),
                            pipeline: "ratings | where year == $year | summarize n: count() by level", yearly: true),
        StatisticDefinition("org_ratings", title: Label(vi: "Xếp loại tổ chức cơ sở đảng", en: "Grassroots organisation ratings"),
                            pipeline: "org_ratings | where year == $year and org.kind in [commune_committee, grassroots_committee, grassroots_cell] | summarize n: count() by level",
                            yearly: true),
    ]
}
