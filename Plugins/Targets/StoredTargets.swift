import CosoCore

/// The targets staff added with `target add`, read back from `custom_targets` as definitions
/// measured like the plan's own (the module answers `storedTargets` with them).
enum StoredTargets {
    static let columns = [CustomTargets.code, CustomTargets.title, CustomTargets.counted, CustomTargets.base, CustomTargets.goal,
                          CustomTargets.lo, CustomTargets.hi, CustomTargets.deadline, CustomTargets.orgPath]

    static func all(_ register: any RegisterReader) throws -> [TargetDefinition] {
        var targets: [TargetDefinition] = []
        try register.rows("SELECT \(columns.map(\.column).joined(separator: ", ")) FROM \(CustomTargets.entity.table) ORDER BY id", []) { row in
            if let t = definition(row) { targets.append(t) }
        }
        return targets
    }

    /// A target from its stored row (in `columns` order); nil for a row whose goal is unknown.
    static func definition(_ row: [Value]) -> TargetDefinition? {
        guard row.count == columns.count, let code = row[0].textValue, let title = row[1].textValue, let kind = row[4].textValue else { return nil }
        let lo = row[5].doubleValue, hi = row[6].doubleValue
        let goal: TargetDefinition.Goal
        switch kind {
        case "at_least": goal = .atLeast(lo ?? 0)
        case "more_than": goal = .moreThan(lo ?? 0)
        case "between": goal = .between(lo ?? 0, hi ?? lo ?? 0)
        case "at_most": goal = .atMost(hi ?? 0)
        case "decrease": goal = .decrease
        case "increase": goal = .increase
        default: return nil
        }
        let deadline = row[7].textValue ?? ""
        return TargetDefinition(code, title: Label(vi: title, en: title), wording: Label(vi: title, en: title), source: "target add",
                                counted: row[2].textValue, base: row[3].textValue, goal: goal,
                                deadline: Label(vi: deadline, en: deadline), countedOrg: row[8].textValue)
    }
}
