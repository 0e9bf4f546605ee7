import CosoCore
import CosoMembers

/// Attendance at study sessions, exemplary members and organisations and where they were
/// published, internal bulletins; and the `train` command whose completion raises the member's
/// political theory level.
enum PropagandaRecords {
    static let exemplarChannel = EnumType(id: "publication", label: Label(vi: "Nơi tuyên truyền", en: "Published in"), cases: [
        .init("bulletin", vi: "bản tin nội bộ", en: "internal bulletin"),
        .init("newspaper", vi: "báo", en: "newspaper"),
        .init("radio", vi: "đài phát thanh, truyền hình", en: "radio or television"),
        .init("website", vi: "trang thông tin điện tử", en: "website"),
        .init("meeting", vi: "hội nghị", en: "meeting"),
    ])

    static let migration = Migration(legacy: 2, "attendance, exemplars, bulletins", sql: """
        ALTER TABLE trainings ADD COLUMN completed INTEGER NOT NULL DEFAULT 1 CHECK (completed IN (0, 1));
        CREATE TABLE attendance (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES study_sessions(id),
            member_id INTEGER NOT NULL REFERENCES members(id),
            present INTEGER NOT NULL DEFAULT 1 CHECK (present IN (0, 1)),
            essay INTEGER NOT NULL DEFAULT 0 CHECK (essay IN (0, 1)),
            UNIQUE (session_id, member_id)
        ) STRICT;
        CREATE TABLE exemplars (
            id INTEGER PRIMARY KEY,
            member_id INTEGER REFERENCES members(id),
            org_id INTEGER REFERENCES orgs(id),
            year INTEGER NOT NULL CHECK (year BETWEEN 1930 AND 2200),
            title TEXT NOT NULL CHECK (length(title) > 0),
            published_in TEXT CHECK (published_in IN ('bulletin', 'newspaper', 'radio', 'website', 'meeting')),
            CHECK ((member_id IS NULL) <> (org_id IS NULL))
        ) STRICT;
        CREATE TABLE bulletins (
            id INTEGER PRIMARY KEY,
            org_id INTEGER NOT NULL REFERENCES orgs(id),
            issued TEXT NOT NULL CHECK (issued GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
            title TEXT NOT NULL CHECK (length(title) > 0),
            copies INTEGER CHECK (copies >= 0)
        ) STRICT;
        """)

    /// The theory level a completed course gives.
    static let levelOfCourse = ["elementary": "elementary", "intermediate": "intermediate", "advanced": "advanced", "bachelor": "bachelor"]
    static let theoryOrder = ["none", "elementary", "intermediate", "advanced", "bachelor"]

    static let train = Command(
        "train", summary: Label(vi: "Ghi hoàn thành một lớp bồi dưỡng; lớp lý luận chính trị nâng trình độ của đảng viên",
                                en: "Record a completed course; a political theory course raises the member's level"),
        positional: [Parameter("member", .reference("members"), vi: "đảng viên (mã hoặc tên)", en: "member (id or name)")],
        labelled: [
            Parameter("course", .enumeration("course"), vi: "lớp", en: "course"),
            Parameter("ended", .date, vi: "ngày kết thúc", en: "end date"),
            Parameter("provider", .text, vi: "nơi đào tạo", en: "provider", required: false),
            Parameter("certificate", .text, vi: "số chứng chỉ", en: "certificate number", required: false, field: Trainings.certificateNo),
        ],
        input: "members",
        examples: [CommandExample(setup: [#"org add "Chi bộ thôn 5" kind: village_cell"#,
                                          #"admit "Nguyễn Văn An" born: @1980-04-12 gender: male org: "Chi bộ thôn 5" on: @2020-05-19 introducers_on_file: true"#],
                                  #"train 1 course: intermediate ended: @2023-06-30"#,
                                  expected: "Đã ghi 1 đảng viên hoàn thành lớp trung cấp lý luận chính trị.")]
    ) { call, tx in
        let ended = try call.requireDate("ended"); let course = try call.requireText("course")
        try CommonChecks.notInFuture(ended, call, argument: "ended")
        let subjects = CommonChecks.subjects(call, "member")
        for id in subjects {
            guard let m = try tx.record(Members.entity, id: id) else { continue }
            if let admitted = m[Members.admitted].dateValue, course == "new_member", ended < admitted {
                throw RuleViolation("E1301", vi: "lớp đảng viên mới học sau khi kết nạp (R6)", en: "the new-member course follows admission (R6)",
                                    argument: "ended")
            }
            try tx.insert(Trainings.entity, [Trainings.member: .int(id), Trainings.course: .text(course), Trainings.ended: .date(ended), Trainings.provider: call["provider"],
                                        Trainings.certificateNo: call["certificate"], Trainings.completed: .bool(true)])
            // Keep the highest level: a course below the member's level changes nothing.
            if let level = levelOfCourse[course] {
                let current = m[Members.theory].textValue ?? "none"
                if (theoryOrder.firstIndex(of: level) ?? 0) > (theoryOrder.firstIndex(of: current) ?? 0) {
                    try tx.update(Members.entity, id: id, [Members.theory: .text(level)])
                }
            }
        }
        let label = PropagandaModule.course.find(course)?.label ?? Label(vi: course, en: course)
        return Label(vi: "Đã ghi \(subjects.count) đảng viên hoàn thành lớp \(label.vi).", en: "Recorded \(subjects.count) member(s) completing \(label.en).")
    }
}

/// Who attended a study session, and who wrote an essay.
public enum Attendance {
    public static let session = Field("session", .reference("study_sessions"), vi: "Buổi học tập", en: "Session", required: true)
    public static let member = Field("member", .reference("members"), vi: "Đảng viên", en: "Member", required: true)
    public static let present = Field("present", .bool, vi: "Có mặt", en: "Present", required: true).defaulting(.bool(true))
    public static let essay = Field("essay", .bool, vi: "Có bài thu hoạch", en: "Wrote an essay", required: true).defaulting(.bool(false))

    public static let entity = Entity(
        name: "attendance", label: Label(vi: "Tham dự học tập nghị quyết", en: "Study attendance"),
        singular: Label(vi: "lượt tham dự", en: "attendance"), fields: [session, member, present, essay], displayField: nil,
        constraints: [.unique(session, member)])
}

/// Exemplary members and organisations, and where they were made known.
public enum Exemplars {
    public static let member = Field("member", .reference("members"), vi: "Đảng viên", en: "Member")
    public static let org = Field("org", .reference("orgs"), vi: "Tổ chức", en: "Organisation")
    public static let year = Field.year()
    public static let title = Field("title", .text, vi: "Nội dung", en: "Title", required: true).maxLength(500)
    public static let publishedIn = Field("published_in", .enumeration("publication"), vi: "Nơi tuyên truyền", en: "Published in")

    public static let entity = Entity(
        name: "exemplars", label: Label(vi: "Gương điển hình", en: "Exemplars"),
        singular: Label(vi: "gương điển hình", en: "exemplar"), fields: [member, org, year, title, publishedIn], displayField: "title",
        constraints: [.exactlyOne(member, org)])
}

/// Internal bulletins an organisation issues.
public enum Bulletins {
    public static let org = Field("org", .reference("orgs"), vi: "Tổ chức phát hành", en: "Publisher", required: true)
    public static let issued = Field("issued", .date, vi: "Ngày phát hành", en: "Issued", required: true)
    public static let title = Field("title", .text, vi: "Tiêu đề", en: "Title", required: true).maxLength(500)
    public static let copies = Field("copies", .int, vi: "Số bản", en: "Copies").range(0...)

    public static let entity = Entity(
        name: "bulletins", label: Label(vi: "Bản tin nội bộ", en: "Internal bulletins"),
        singular: Label(vi: "bản tin", en: "bulletin"), fields: [org, issued, title, copies], displayField: "title")
}
