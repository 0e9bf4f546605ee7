import CosoCore

/// The plan's targets (chỉ tiêu, DOMAIN.md §4) as data, measured live by `targets`, and the
/// targets staff add themselves (`target add`), kept in the register with the audit trail.
public struct TargetsModule: CosoModule {
    public init() {}

    public let manifest = Manifest(
        id: "targets", version: Version(0, 1, 0),
        summary: Label(vi: "Chỉ tiêu của kế hoạch: tính trực tiếp từ dữ liệu", en: "Plan targets, computed live from the data"),
        requires: [.init("organisations", .compatible(with: Version(0, 1, 0))),
                   .init("members", .compatible(with: Version(0, 1, 0))),
                   .init("inspection", .compatible(with: Version(0, 1, 0)))], codes: TargetDiagnostics.range)

    public var enums: [EnumType] { [TargetsModule.status, TargetsModule.goal] }
    public var entities: [Entity] { [CustomTargets.entity] }
    public var migrations: [Migration] { [TargetsModule.migration] }
    public var commands: [Command] { [TargetCommands.add, TargetCommands.remove] }
    public var targets: [TargetDefinition] { PlanTargets.all }
    public var diagnostics: [DiagnosticDefinition] { TargetDiagnostics.all }
    public var examplesOfCosoCodes: [CodeExample] { TargetDiagnostics.cosoCodes }
    public func storedTargets(_ register: any RegisterReader) throws -> [TargetDefinition] { try StoredTargets.all(register) }

    static let status = EnumType(id: "target_status", label: Label(vi: "Đánh giá", en: "Status"), cases: [
        .init("met", vi: "đạt", en: "met"),
        .init("unmet", vi: "chưa đạt", en: "not met"),
        .init("no_data", vi: "chưa có dữ liệu", en: "no data"),
    ])

    static let goal = EnumType(id: "target_goal", label: Label(vi: "Cách so với mục tiêu", en: "Goal"), cases: [
        .init("at_least", vi: "từ ... trở lên", en: "at least"),
        .init("more_than", vi: "trên", en: "more than"),
        .init("between", vi: "từ ... đến", en: "between"),
        .init("at_most", vi: "không quá", en: "at most"),
        .init("decrease", vi: "giảm", en: "decrease"),
        .init("increase", vi: "tăng", en: "increase"),
    ])

    static let migration = Migration(legacy: 1, "custom targets", sql: """
        CREATE TABLE custom_targets (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL UNIQUE CHECK (length(code) > 0),
            title TEXT NOT NULL CHECK (length(title) > 0),
            counted TEXT NOT NULL,
            base TEXT,
            goal TEXT NOT NULL CHECK (goal IN ('at_least', 'more_than', 'between', 'at_most', 'decrease', 'increase')),
            lo REAL,
            hi REAL,
            deadline TEXT,
            org_path TEXT
        ) STRICT;
        """)
}

/// The targets staff add themselves (`target add`), one row each.
public enum CustomTargets {
    public static let code = Field("code", .text, vi: "Mã", en: "Code", required: true, unique: true).maxLength(20)
    public static let title = Field("title", .text, vi: "Chỉ tiêu", en: "Target", required: true).maxLength(500)
    public static let counted = Field("counted", .text, vi: "Tử số (truy vấn)", en: "Numerator (query)", required: true).maxLength(4000).multilineText()
    public static let base = Field("base", .text, vi: "Mẫu số (truy vấn)", en: "Denominator (query)").maxLength(4000).multilineText()
    public static let goal = Field("goal", .enumeration("target_goal"), vi: "Cách so", en: "Goal", required: true)
    public static let lo = Field("lo", .decimal, vi: "Mức", en: "Value")
    public static let hi = Field("hi", .decimal, vi: "Mức trên", en: "Upper value")
    public static let deadline = Field("deadline", .text, vi: "Thời hạn", en: "Deadline").maxLength(100)
    public static let orgPath = Field("org_path", .text, vi: "Tổ chức chịu trách nhiệm (đường dẫn)", en: "Answering organisation (path)")
        .maxLength(200)

    public static let entity = Entity(
        name: "custom_targets", label: Label(vi: "Chỉ tiêu tự đặt", en: "Custom targets"),
        singular: Label(vi: "chỉ tiêu", en: "target"), fields: [code, title, counted, base, goal, lo, hi, deadline, orgPath],
        displayField: "code", constraints: [.unique(code)])
}
