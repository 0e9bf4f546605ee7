import CosoCore

/// Discipline (DOMAIN.md §3 R14–R17) and the yearly inspection programme (T11).
enum DisciplineRules {
    /// R16 (69-QĐ/TW art. 4): years after the offence within which each measure may be taken;
    /// expulsion has no limit.
    static let limitationYears = ["reprimand": 5, "warning": 10, "removal_from_post": 10]
    static let committeeKinds: Set<String> = ["provincial_committee", "district_committee", "commune_committee", "grassroots_committee"]

    static let rules = [
        RuleDefinition("R14", vi: "Hình thức kỷ luật: tổ chức: khiển trách, cảnh cáo, giải tán; đảng viên chính thức: khiển trách, cảnh cáo, cách chức (khi có chức vụ), khai trừ; đảng viên dự bị: khiển trách, cảnh cáo",
                       en: "Measures: organisations reprimand, warning, disbandment; full members reprimand, warning, removal from post (with a post), expulsion; probationary members reprimand or warning",
                       source: "69-QĐ/TW điều 7"),
        RuleDefinition("R15", vi: "Chi bộ được khiển trách, cảnh cáo đảng viên trong chi bộ; cách chức, khai trừ do cấp ủy có thẩm quyền; khiển trách, cảnh cáo cần trên 1/2, khai trừ cần ít nhất 2/3 số phiếu",
                       en: "A cell may reprimand or warn its members; removal and expulsion are for a competent committee; more than half the votes for reprimand or warning, two thirds for expulsion",
                       source: "Điều lệ Đảng điều 36", verified: false,
                       settings: ["R15.reprimand": "1/2", "R15.expulsion": "2/3"]),
        RuleDefinition("R16", vi: "Thời hiệu: khiển trách 5 năm; cảnh cáo, cách chức 10 năm; khai trừ không áp dụng thời hiệu",
                       en: "Limitation: 5 years for reprimand; 10 for warning or removal from post; none for expulsion", source: "69-QĐ/TW điều 4"),
        RuleDefinition("R17", vi: "Đảng viên bị kỷ luật trong năm xếp loại không hoàn thành nhiệm vụ, trừ khi tự phát hiện và khắc phục",
                       en: "A member disciplined in the year is rated failed unless they found and fixed the problem themselves", source: "124-QĐ/TW 12.4"),
        RuleDefinition("R26", vi: "Ủy ban kiểm tra từ đảng bộ cơ sở trở lên; chi bộ cơ sở do chi ủy làm công tác kiểm tra",
                       en: "Inspection commissions exist from grassroots committees up; a grassroots cell's committee does its inspection work",
                       source: "262/296-QĐ/TW"),
        RuleDefinition("INS-22", vi: "Kiểm tra, giám sát và kỷ luật theo 22-QĐ/TW", en: "Inspection, supervision and discipline under 22-QĐ/TW",
                       source: "22-QĐ/TW (2021), sửa đổi bởi 262-QĐ/TW", until: LocalDate(year: 2025, month: 5, day: 29)),
        RuleDefinition("INS-296", vi: "Kiểm tra, giám sát và kỷ luật theo 296-QĐ/TW", en: "Inspection, supervision and discipline under 296-QĐ/TW",
                       source: "296-QĐ/TW (30/5/2025)", from: LocalDate(year: 2025, month: 5, day: 30)),
    ]

    static let checks = [
        DataCheck("D301", .error, entity: "ratings",
                  problem: Label(vi: "đảng viên bị kỷ luật trong năm nhưng không xếp loại không hoàn thành nhiệm vụ (R17)",
                                 en: "a member disciplined in the year but not rated failed (R17)"),
                  fix: Label(vi: "xếp loại lại, hoặc ghi nhận tự phát hiện và khắc phục", en: "re-rate, or record that they corrected it themselves"),
                  sql: """
                      SELECT r.id AS row_id, m.name AS subject, m.org_id AS org_id, 'kỷ luật ' || d.decided_on || ', xếp loại ' || r.level AS detail
                      FROM ratings r JOIN members m ON m.id = r.member_id
                      JOIN disciplines d ON d.subject_member_id = m.id AND CAST(substr(d.decided_on, 1, 4) AS INTEGER) = r.year
                      WHERE r.level <> 'failed' AND d.self_corrected = 0
                      """),
        DataCheck("D302", .warning, entity: "orgs",
                  problem: Label(vi: "cấp ủy cơ sở chưa có chương trình kiểm tra, giám sát năm nay (T11)",
                                 en: "a grassroots committee without this year's inspection programme (T11)"),
                  fix: Label(vi: "ghi chương trình kiểm tra, giám sát (inspection plan)", en: "record the programme (inspection plan)"),
                  sql: """
                      SELECT o.id AS row_id, o.name AS subject, o.id AS org_id, 'năm ' || substr(?, 1, 4) AS detail
                      FROM orgs o WHERE o.kind IN ('commune_committee', 'grassroots_committee', 'grassroots_cell')
                        AND (o.dissolved IS NULL OR o.dissolved > ?)
                        AND NOT EXISTS (SELECT 1 FROM inspection_plans p WHERE p.org_id = o.id AND p.year = CAST(substr(?, 1, 4) AS INTEGER))
                      """),
    ]

    static let migration = Migration(legacy: 2, "inspection programmes, discipline details", sql: """
        CREATE TABLE inspection_plans (
            id INTEGER PRIMARY KEY,
            org_id INTEGER NOT NULL REFERENCES orgs(id),
            year INTEGER NOT NULL CHECK (year BETWEEN 1930 AND 2200),
            adopted TEXT NOT NULL CHECK (adopted GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
            UNIQUE (org_id, year)
        ) STRICT;
        ALTER TABLE disciplines ADD COLUMN offence_on TEXT CHECK (offence_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]');
        ALTER TABLE disciplines ADD COLUMN self_corrected INTEGER NOT NULL DEFAULT 0 CHECK (self_corrected IN (0, 1));
        ALTER TABLE disciplines ADD COLUMN appealed INTEGER NOT NULL DEFAULT 0 CHECK (appealed IN (0, 1));
        """)

    static let plan = Command(
        "inspection plan", summary: Label(vi: "Ghi chương trình kiểm tra, giám sát năm của cấp ủy (T11)",
                                          en: "Record a committee's yearly inspection and supervision programme (T11)"),
        positional: [Parameter("org", .reference("orgs"), vi: "tổ chức", en: "organisation")],
        labelled: [Parameter("year", .int, vi: "năm", en: "year"), Parameter("on", .date, vi: "ngày ban hành", en: "date adopted")],
        input: "orgs",
        examples: [CommandExample(setup: [#"org add "Đảng bộ xã Gia Hiệp" kind: commune_committee"#],
                                  #"inspection plan "Đảng bộ xã Gia Hiệp" year: 2024 on: @2024-01-10"#,
                                  expected: "Đã ghi chương trình kiểm tra, giám sát năm 2024 của 1 tổ chức.")]
    ) { call, tx in
        let on = try call.requireDate("on"); let year = try call.requireID("year")
        try CommonChecks.notInFuture(on, call, argument: "on")
        let subjects = CommonChecks.subjects(call, "org")
        for id in subjects {
            if try tx.scalar("SELECT count(*) FROM inspection_plans WHERE org_id = ? AND year = ?", [.int(id), .int(year)]) != .int(0) {
                throw RuleViolation("E1201", vi: "tổ chức mã \(id) đã có chương trình năm \(year)", en: "organisation \(id) already has a \(year) programme",
                                    argument: "year")
            }
            try tx.insert(InspectionPlans.entity, [InspectionPlans.org: .int(id), InspectionPlans.year: .int(year), InspectionPlans.adopted: .date(on)])
        }
        return Label(vi: "Đã ghi chương trình kiểm tra, giám sát năm \(year) của \(subjects.count) tổ chức.",
                     en: "Recorded the \(year) inspection programme of \(subjects.count) organisation(s).")
    }
}

/// A committee's yearly inspection and supervision programme (T11).
public enum InspectionPlans {
    public static let org = Field("org", .reference("orgs"), vi: "Tổ chức", en: "Organisation", required: true)
    public static let year = Field.year()
    public static let adopted = Field("adopted", .date, vi: "Ngày ban hành", en: "Adopted", required: true)

    public static let entity = Entity(
        name: "inspection_plans", label: Label(vi: "Chương trình kiểm tra, giám sát", en: "Inspection programmes"),
        singular: Label(vi: "chương trình", en: "programme"), fields: [org, year, adopted], displayField: nil,
        constraints: [.unique(org, year)])
}
