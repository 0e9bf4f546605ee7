import CosoCore

/// What the module adds to `check`, `rules`, `targets` and `stats`.
enum AssignmentReports {
    /// In force on `$date` (each `?` of a data check is that date).
    static let inForce = "started <= $date and (ended == null or ended > $date)"

    static let rule = RuleDefinition(
        "PC1", vi: "Mỗi thôn, tổ dân phố có cấp ủy viên phụ trách", en: "Every village and residential group has a committee member in charge",
        source: "90-KH/HU (22/12/2022); 21-NQ/TW (16/6/2022)")

    static let uncovered = DataCheck(
        "D501", .warning, entity: "orgs",
        problem: Label(vi: "chi bộ thôn, tổ dân phố chưa có cấp ủy viên phụ trách", en: "a village cell with no committee member in charge"),
        fix: Label(vi: "phân công một cấp ủy viên: assign ... to: ... on: ...", en: "assign a committee member: assign ... to: ... on: ..."),
        sql: """
            SELECT o.id AS row_id, o.name AS subject, o.id AS org_id, 'chưa có cấp ủy viên phụ trách / no member in charge' AS detail
            FROM orgs o
            WHERE o.kind = 'village_cell' AND (o.founded IS NULL OR o.founded <= ?) AND (o.dissolved IS NULL OR o.dissolved > ?)
              AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.org_id = o.id AND a.role = 'in_charge'
                              AND a.started <= ? AND (a.ended IS NULL OR a.ended > ?))
            """)

    static let coverage = TargetDefinition(
        "PC1", title: Label(vi: "Chi bộ thôn, tổ dân phố có cấp ủy viên phụ trách", en: "Village cells with a committee member in charge"),
        wording: Label(vi: "100% thôn, tổ dân phố có cấp ủy viên phụ trách", en: "Every village and residential group has a committee member in charge"),
        source: "90-KH/HU (22/12/2022)",
        counted: "assignments | where role == in_charge and \(inForce) and org.kind == village_cell and (org.dissolved == null or org.dissolved > $date)",
        base: "orgs | where kind == village_cell and (founded == null or founded <= $date) and (dissolved == null or dissolved > $date)",
        goal: .atLeast(100), deadline: Label(vi: "hằng năm", en: "every year"), distinct: "org", countedOrg: "org.parent", baseOrg: "parent")

    static let byRole = StatisticDefinition(
        "assignments", title: Label(vi: "Cấp ủy viên được phân công theo nhiệm vụ", en: "Committee assignments by role"),
        pipeline: "assignments | where \(inForce) | summarize n: count() by role")
}
