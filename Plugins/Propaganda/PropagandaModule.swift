import CosoCore
import CosoMembers

/// Political training and resolution study, exemplars and bulletins.
public struct PropagandaModule: CosoModule {
    public init() {}

    public let manifest = Manifest(
        id: "propaganda", version: Version(0, 2, 0),
        summary: Label(vi: "Tuyên giáo: bồi dưỡng lý luận chính trị, học tập nghị quyết",
                       en: "Propaganda: political training, resolution study"),
        requires: [.init("organisations", .compatible(with: Version(0, 1, 0))),
                   .init("members", .compatible(with: Version(0, 1, 0)))], codes: PropagandaDiagnostics.range)

    public var enums: [EnumType] { [PropagandaModule.course, PropagandaRecords.exemplarChannel] }
    public var diagnostics: [DiagnosticDefinition] { PropagandaDiagnostics.all }

    static let course = EnumType(id: "course", label: Label(vi: "Lớp bồi dưỡng", en: "Course"), cases: [
                .init("awareness", vi: "nhận thức về Đảng", en: "party awareness"),
                .init("new_member", vi: "đảng viên mới", en: "new members"),
                .init("elementary", vi: "sơ cấp lý luận chính trị", en: "elementary political theory"),
                .init("intermediate", vi: "trung cấp lý luận chính trị", en: "intermediate political theory"),
                .init("advanced", vi: "cao cấp lý luận chính trị", en: "advanced political theory"),
                .init("bachelor", vi: "cử nhân chính trị", en: "bachelor of politics"),
                .init("committee_skills", vi: "nghiệp vụ công tác đảng", en: "committee skills"),
            ])

    public var entities: [Entity] {
        [Trainings.entity, StudySessions.entity, Attendance.entity, Exemplars.entity, Bulletins.entity]
    }

    public var commands: [Command] {
        [PropagandaRecords.train, PropagandaRecordCommands.study, PropagandaRecordCommands.attend, PropagandaRecordCommands.exemplar,
         PropagandaRecordCommands.bulletin]
    }

    /// Steps of registers made before the tables were generated from the declarations.
    public var migrations: [Migration] {
        [
            Migration(legacy: 1, "trainings and resolution study", sql: """
                CREATE TABLE trainings (
                    id INTEGER PRIMARY KEY,
                    member_id INTEGER NOT NULL REFERENCES members(id),
                    course TEXT NOT NULL CHECK (course IN ('awareness', 'new_member', 'elementary', 'intermediate',
                        'advanced', 'bachelor', 'committee_skills')),
                    provider TEXT,
                    started TEXT CHECK (started GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
                    ended TEXT CHECK (ended GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
                    certificate_no TEXT
                ) STRICT;
                CREATE INDEX trainings_member ON trainings(member_id);
                CREATE TABLE study_sessions (
                    id INTEGER PRIMARY KEY,
                    resolution TEXT NOT NULL,
                    resolution_folded TEXT NOT NULL,
                    resolution_sort TEXT NOT NULL,
                    org_id INTEGER NOT NULL REFERENCES orgs(id),
                    held_on TEXT NOT NULL CHECK (held_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
                    invited INTEGER CHECK (invited >= 0),
                    attended INTEGER CHECK (attended >= 0 AND (invited IS NULL OR attended <= invited))
                ) STRICT;
                CREATE INDEX study_sessions_org ON study_sessions(org_id);
                """),
            PropagandaRecords.migration,
        ]
    }
}

/// Political training and courses a member attended.
public enum Trainings {
    public static let member = Field("member", .reference("members"), vi: "Đảng viên", en: "Member", required: true)
    public static let course = Field("course", .enumeration("course"), vi: "Lớp", en: "Course", required: true)
    public static let provider = Field("provider", .text, vi: "Nơi đào tạo", en: "Provider").maxLength(200)
    public static let started = Field("started", .date, vi: "Từ ngày", en: "From")
    public static let ended = Field("ended", .date, vi: "Đến ngày", en: "To")
    public static let certificateNo = Field("certificate_no", .text, vi: "Số chứng chỉ", en: "Certificate number").maxLength(50)
    public static let completed = Field("completed", .bool, vi: "Đã hoàn thành", en: "Completed", required: true).defaulting(.bool(true))

    public static let entity = Entity(
        name: "trainings", label: Label(vi: "Bồi dưỡng, đào tạo", en: "Trainings"),
        singular: Label(vi: "khóa học", en: "training"), fields: [member, course, provider, started, ended, certificateNo, completed],
        displayField: nil, indexes: [Index("trainings_member", on: [member])])
}

/// Sessions where an organisation studied a resolution.
public enum StudySessions {
    public static let resolution = Field("resolution", .text, vi: "Nghị quyết", en: "Resolution", required: true, searchable: true)
        .maxLength(200)
    public static let org = Field("org", .reference("orgs"), vi: "Tổ chức", en: "Organisation", required: true)
    public static let heldOn = Field("held_on", .date, vi: "Ngày học tập", en: "Held on", required: true)
    public static let invited = Field("invited", .int, vi: "Số được triệu tập", en: "Invited").range(0...)
    public static let attended = Field("attended", .int, vi: "Số tham dự", en: "Attended").range(0...)

    public static let entity = Entity(
        name: "study_sessions", label: Label(vi: "Học tập, quán triệt nghị quyết", en: "Resolution study sessions"),
        singular: Label(vi: "buổi học tập nghị quyết", en: "study session"), fields: [resolution, org, heldOn, invited, attended],
        displayField: "resolution",
        constraints: [.ordered(attended, then: invited)],
        indexes: [Index("study_sessions_org", on: [org])])
}
