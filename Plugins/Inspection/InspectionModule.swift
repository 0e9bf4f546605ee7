import CosoCore

/// Inspection and supervision (yearly programmes, T11), and discipline (R14–R17).
public struct InspectionModule: CosoModule {
    public init() {}

    public let manifest = Manifest(
        id: "inspection", version: Version(0, 2, 0),
        summary: Label(vi: "Kiểm tra, giám sát và kỷ luật đảng", en: "Inspection, supervision and party discipline"),
        requires: [.init("organisations", .compatible(with: Version(0, 1, 0))),
                   .init("members", .compatible(with: Version(0, 1, 0)))], codes: InspectionDiagnostics.range)

    public var enums: [EnumType] {
        [
            EnumType(id: "inspection_kind", label: Label(vi: "Loại kiểm tra", en: "Inspection kind"), cases: [
                .init("regular", vi: "thường xuyên", en: "regular"),
                .init("thematic", vi: "chuyên đề", en: "thematic"),
                .init("on_signs", vi: "khi có dấu hiệu vi phạm", en: "on signs of violation"),
                .init("task_execution", vi: "việc thực hiện nhiệm vụ kiểm tra", en: "execution of inspection tasks"),
                .init("finance", vi: "tài chính đảng", en: "party finance"),
                .init("fees", vi: "thu, nộp đảng phí", en: "party fees"),
                .init("complaint", vi: "giải quyết khiếu nại", en: "complaint"),
                .init("denunciation", vi: "giải quyết tố cáo", en: "denunciation"),
            ]),
            EnumType(id: "oversight_mode", label: Label(vi: "Hình thức", en: "Mode"), cases: [
                .init("inspection", vi: "kiểm tra", en: "inspection"),
                .init("supervision", vi: "giám sát", en: "supervision"),
            ]),
            InspectionModule.measure,
        ]
    }

    static let measure = EnumType(id: "discipline_measure", label: Label(vi: "Hình thức kỷ luật", en: "Disciplinary measure"), cases: [
        .init("reprimand", vi: "khiển trách", en: "reprimand"),
        .init("warning", vi: "cảnh cáo", en: "warning"),
        .init("removal_from_post", vi: "cách chức", en: "removal from post"),
        .init("expulsion", vi: "khai trừ", en: "expulsion"),
        .init("disbandment", vi: "giải tán", en: "disbandment"),
    ])

    public var commands: [Command] { [DisciplineRules.discipline, DisciplineRules.plan, InspectionRecordCommands.inspect] }
    public var checks: [DataCheck] { DisciplineRules.checks }
    public var diagnostics: [DiagnosticDefinition] { InspectionDiagnostics.all }
    public var examplesOfCosoCodes: [CodeExample] { InspectionDiagnostics.cosoCodes }
    public var rules: [RuleDefinition] { DisciplineRules.rules }

    public var entities: [Entity] { [Inspections.entity, Disciplines.entity, InspectionPlans.entity] }

    /// Steps of registers made before the tables were generated from the declarations.
    public var migrations: [Migration] {
        [
            Migration(legacy: 1, "inspections and disciplines", sql: """
                CREATE TABLE inspections (
                    id INTEGER PRIMARY KEY,
                    mode TEXT NOT NULL CHECK (mode IN ('inspection', 'supervision')),
                    kind TEXT NOT NULL CHECK (kind IN ('regular', 'thematic', 'on_signs', 'task_execution', 'finance',
                        'fees', 'complaint', 'denunciation')),
                    by_org_id INTEGER NOT NULL REFERENCES orgs(id),
                    subject_org_id INTEGER REFERENCES orgs(id),
                    subject_member_id INTEGER REFERENCES members(id),
                    plan_year INTEGER,
                    started TEXT CHECK (started GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
                    ended TEXT CHECK (ended GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
                    conclusion TEXT,
                    violation INTEGER NOT NULL DEFAULT 0 CHECK (violation IN (0, 1))
                ) STRICT;
                CREATE INDEX inspections_subject_org ON inspections(subject_org_id);
                CREATE INDEX inspections_subject_member ON inspections(subject_member_id);
                CREATE TABLE disciplines (
                    id INTEGER PRIMARY KEY,
                    measure TEXT NOT NULL CHECK (measure IN ('reprimand', 'warning', 'removal_from_post', 'expulsion',
                        'disbandment')),
                    subject_org_id INTEGER REFERENCES orgs(id),
                    subject_member_id INTEGER REFERENCES members(id),
                    decided_by_id INTEGER NOT NULL REFERENCES orgs(id),
                    decided_on TEXT NOT NULL CHECK (decided_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
                    offence_article TEXT,
                    votes_for INTEGER,
                    votes_total INTEGER,
                    CHECK ((subject_org_id IS NULL) <> (subject_member_id IS NULL))
                ) STRICT;
                CREATE INDEX disciplines_subject_member ON disciplines(subject_member_id);
                CREATE INDEX disciplines_subject_org ON disciplines(subject_org_id);
                """),
            DisciplineRules.migration,
        ]
    }
}

/// Inspections and supervisions, planned and conducted.
public enum Inspections {
    public static let mode = Field("mode", .enumeration("oversight_mode"), vi: "Hình thức", en: "Mode", required: true)
    public static let kind = Field("kind", .enumeration("inspection_kind"), vi: "Loại", en: "Kind", required: true)
    public static let byOrg = Field("by_org", .reference("orgs"), vi: "Cấp tiến hành", en: "Conducted by", required: true)
    public static let subjectOrg = Field("subject_org", .reference("orgs"), vi: "Tổ chức được kiểm tra", en: "Subject organisation")
    public static let subjectMember = Field("subject_member", .reference("members"), vi: "Đảng viên được kiểm tra", en: "Subject member")
    public static let planYear = Field.year("plan_year", vi: "Năm kế hoạch", en: "Plan year", required: false)
    public static let started = Field("started", .date, vi: "Ngày bắt đầu", en: "Started")
    public static let ended = Field("ended", .date, vi: "Ngày kết thúc", en: "Ended")
    public static let conclusion = Field("conclusion", .text, vi: "Kết luận", en: "Conclusion", personal: true).maxLength(4000).multilineText()
    public static let violation = Field("violation", .bool, vi: "Có vi phạm", en: "Violation found", required: true).defaulting(.bool(false))

    public static let entity = Entity(
        name: "inspections", label: Label(vi: "Kiểm tra, giám sát", en: "Inspections and supervisions"),
        singular: Label(vi: "cuộc kiểm tra, giám sát", en: "inspection"),
        fields: [mode, kind, byOrg, subjectOrg, subjectMember, planYear, started, ended, conclusion, violation], displayField: nil,
        // Still open: an organisation that ends or merges hands it on.
        liveCondition: "ended IS NULL",
        constraints: [.exactlyOne(subjectOrg, subjectMember), .ordered(started, then: ended)],
        indexes: [Index("inspections_subject_org", on: [subjectOrg]), Index("inspections_subject_member", on: [subjectMember])])
}

/// Disciplinary decisions, on an organisation or a member (R14-R17).
public enum Disciplines {
    public static let measure = Field("measure", .enumeration("discipline_measure"), vi: "Hình thức", en: "Measure", required: true)
    public static let subjectOrg = Field("subject_org", .reference("orgs"), vi: "Tổ chức bị kỷ luật", en: "Subject organisation")
    public static let subjectMember = Field("subject_member", .reference("members"), vi: "Đảng viên bị kỷ luật", en: "Subject member")
    public static let decidedBy = Field("decided_by", .reference("orgs"), vi: "Cấp quyết định", en: "Decided by", required: true)
    public static let decidedOn = Field("decided_on", .date, vi: "Ngày quyết định", en: "Decided on", required: true)
    public static let offenceArticle = Field("offence_article", .text, vi: "Điều vi phạm (69-QĐ/TW)", en: "Offence article (69-QĐ/TW)")
        .maxLength(200)
    public static let votesFor = Field("votes_for", .int, vi: "Số phiếu tán thành", en: "Votes for").range(0...)
    public static let votesTotal = Field("votes_total", .int, vi: "Tổng số phiếu", en: "Votes cast").range(0...)
    public static let offenceOn = Field("offence_on", .date, vi: "Ngày vi phạm", en: "Offence date")
    public static let selfCorrected = Field("self_corrected", .bool, vi: "Tự phát hiện, khắc phục", en: "Self-corrected", required: true)
        .defaulting(.bool(false))
    public static let appealed = Field("appealed", .bool, vi: "Có khiếu nại", en: "Appealed", required: true).defaulting(.bool(false))

    public static let entity = Entity(
        name: "disciplines", label: Label(vi: "Kỷ luật", en: "Disciplines"),
        singular: Label(vi: "quyết định kỷ luật", en: "discipline"),
        fields: [measure, subjectOrg, subjectMember, decidedBy, decidedOn, offenceArticle, votesFor, votesTotal, offenceOn,
                 selfCorrected, appealed], displayField: nil,
        constraints: [.exactlyOne(subjectOrg, subjectMember), .ordered(votesFor, then: votesTotal)],
        indexes: [Index("disciplines_subject_member", on: [subjectMember]), Index("disciplines_subject_org", on: [subjectOrg])])
}
