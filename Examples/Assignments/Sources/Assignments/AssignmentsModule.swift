import CosoCore

/// Phân công cấp ủy viên phụ trách địa bàn: which committee member is in charge of each village
/// and residential-group cell (the seed plan 90-KH/HU asks that every village and residential
/// group have a committee member responsible for it). A worked example of a coso module written
/// outside coso's repository: an entity declared once (its table, checks of writes, help and
/// completion come from it), two commands, a data check, a plan target, a statistics table and
/// the diagnostics it raises.
public struct AssignmentsModule: CosoModule {
    public init() {}

    public let manifest = Manifest(
        id: "assignments", version: Version(1, 0, 0),
        summary: Label(vi: "Phân công cấp ủy viên phụ trách địa bàn", en: "Committee members assigned to localities"),
        requires: [.init("organisations", .compatible(with: Version(0, 2, 0))),
                   .init("members", .compatible(with: Version(0, 3, 0)))],
        codes: AssignmentDiagnostics.range)

    public var enums: [EnumType] { [Assignments.role] }
    public var entities: [Entity] { [Assignments.entity] }
    public var commands: [Command] { [AssignmentCommands.assign, AssignmentCommands.end] }
    public var checks: [DataCheck] { [AssignmentReports.uncovered] }
    public var rules: [RuleDefinition] { [AssignmentReports.rule] }
    public var targets: [TargetDefinition] { [AssignmentReports.coverage] }
    public var statistics: [StatisticDefinition] { [AssignmentReports.byRole] }
    public var diagnostics: [DiagnosticDefinition] { AssignmentDiagnostics.all }
}
