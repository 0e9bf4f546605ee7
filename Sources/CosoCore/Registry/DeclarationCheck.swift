/// What the registry checks of an entity's declaration before anything runs: that the store can
/// make its table and that every write can be checked against it. A mistake here is the module
/// author's, found when coso starts (and by the module's conformance test), never by a user.
enum DeclarationCheck {
    static func check(_ entity: Entity, module: String, enums: [String: EnumType], entities: [String: Entity]) throws(RegistryError) {
        func refuse(_ reason: String) -> RegistryError { .invalidEntity(module: module, entity: entity.name, reason: reason) }
        guard isIdentifier(entity.name) else { throw refuse("is not a valid name: lower-case letters, digits and _, not an SQL keyword") }
        var columns: Set<String> = []
        var names: Set<String> = []
        for field in entity.fields {
            guard names.insert(field.name).inserted else { throw refuse("declares the field '\(field.name)' twice") }
            guard isIdentifier(field.name) else {
                throw refuse("field '\(field.name)' is not a valid name: lower-case letters, digits and _, not an SQL keyword")
            }
            for column in [field.column, field.foldedColumn, field.sortColumn].compactMap({ $0 }) {
                guard columns.insert(column).inserted else { throw refuse("has two fields stored in the column '\(column)'") }
            }
            if field.searchable, field.type != .text { throw refuse("field '\(field.name)' is searchable but not text") }
            for constraint in field.constraints where !fits(constraint, field.type) {
                throw refuse("field '\(field.name)' of type \(field.type) cannot have the constraint \(constraint)")
            }
            if let value = field.defaultValue, !fits(value, field, enums) {
                throw refuse("field '\(field.name)' has a default (\(value)) that is not one of its values")
            }
        }
        for condition in entity.conditions {
            guard isIdentifier(condition.name), !names.contains(condition.name) else {
                throw refuse("condition '\(condition.name)' is not a valid name or is also a field's")
            }
            guard condition.template.contains("{t}."), condition.dates > 0 else {
                throw refuse("condition '\(condition.name)' must read the row's columns as {t}.column and its date as {date}")
            }
        }
        for constraint in entity.constraints {
            let fields = try constraint.fields.map { name throws(RegistryError) -> Field in
                guard let f = entity.field(name) else { throw refuse("has a constraint on the unknown field '\(name)'") }
                return f
            }
            switch constraint.kind {
            case .ordered:
                guard fields[0].type == fields[1].type, [.date, .int, .decimal].contains(fields[0].type) else {
                    throw refuse("orders '\(fields[0].name)' before '\(fields[1].name)': both must be dates or both numbers")
                }
            case .notSelf:
                guard fields[0].type == .reference(entity.name) else {
                    throw refuse("'\(fields[0].name)' is not a reference to \(entity.name) itself")
                }
            case .presentExactlyWhen(let value):
                guard fits(value, fields[1], enums) else { throw refuse("compares '\(fields[1].name)' with \(value), not one of its values") }
            case .exactlyOne, .unique:
                break
            }
        }
        var indexNames: Set<String> = []
        for index in entity.indexes {
            guard isIdentifier(index.name), indexNames.insert(index.name).inserted else {
                throw refuse("has an index named '\(index.name)' twice or with an invalid name")
            }
            for name in index.fields + [index.whereGiven].compactMap({ $0 }) where entity.field(name) == nil {
                throw refuse("indexes the unknown field '\(name)'")
            }
        }
        // Rollup tables are named `rollup_<entity>_...`: no entity's table may be one.
        guard !entity.name.hasPrefix("rollup_") else { throw refuse("is named rollup_..., which the rollups' tables are") }
        var rollupNames: Set<String> = []
        for rollup in entity.rollups {
            guard isIdentifier(rollup.name), rollup.name.hasPrefix(entity.name + "_"), rollupNames.insert(rollup.name).inserted,
                  !rollup.fields.isEmpty else {
                throw refuse("has a rollup named '\(rollup.name)' twice, without fields, or not named \(entity.name)_...")
            }
            for name in rollup.fields {
                guard let field = entity.field(name), name != "id" else { throw refuse("counts rows by the unknown field '\(name)'") }
                guard field.column != Rollup.countColumn else {
                    throw refuse("has a field named \(Rollup.countColumn), which rollups keep for their counts")
                }
            }
            if let through = rollup.through {
                guard let reference = entity.field(through.reference), case .reference(let target) = reference.type,
                      let pointed = entities[target], let field = pointed.field(through.field), field.name != "id" else {
                    throw refuse("counts rows of rollup '\(rollup.name)' through '\(through.reference).\(through.field)', not a reference and a field of what it points at")
                }
                guard !rollup.fields.compactMap({ entity.field($0)?.column }).contains("\(reference.name)_\(field.column)") else {
                    throw refuse("has a rollup '\(rollup.name)' whose column \(reference.name)_\(field.column) is also a field's")
                }
            }
        }
    }

    static func fits(_ constraint: Constraint, _ type: FieldType) -> Bool {
        switch constraint {
        case .range, .oneOf: return type == .int
        case .maxLength, .digits, .personName: return type == .text
        case .firstOfMonth, .notInFuture: return type == .date
        }
    }

    static func fits(_ value: Value, _ field: Field, _ enums: [String: EnumType]) -> Bool {
        switch (field.type, value) {
        case (.int, .int), (.decimal, .double), (.decimal, .int), (.text, .text), (.date, .date), (.bool, .bool): return true
        case (.enumeration(let id), .text(let c)): return enums[id]?.index(of: c) != nil
        default: return false
        }
    }

    /// A name SQL takes unquoted: lower-case ASCII letters, digits and `_`, starting with a letter,
    /// and none of the words SQLite keeps for itself.
    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.utf8.first, (97...122).contains(first) else { return false }
        guard name.utf8.allSatisfy({ (97...122).contains($0) || (48...57).contains($0) || $0 == 95 }) else { return false }
        return !sqlKeywords.contains(name)
    }

    /// SQLite's keywords that cannot stand as a column or table name unquoted in every place the
    /// planner puts one (the others, such as `key` or `user`, can).
    static let sqlKeywords: Set<String> = [
        "abort", "action", "add", "all", "alter", "always", "analyze", "and", "as", "asc", "attach", "autoincrement", "begin",
        "between", "by", "cascade", "case", "cast", "check", "collate", "column", "commit", "conflict", "constraint", "create",
        "cross", "current", "current_date", "current_time", "current_timestamp", "database", "default", "deferrable", "deferred",
        "delete", "desc", "detach", "distinct", "do", "drop", "each", "else", "end", "escape", "except", "exclude", "exclusive",
        "exists", "explain", "fail", "filter", "first", "following", "for", "foreign", "from", "full", "generated", "glob",
        "group", "groups", "having", "if", "ignore", "immediate", "in", "index", "indexed", "initially", "inner", "insert",
        "instead", "intersect", "into", "is", "isnull", "join", "last", "left", "like", "limit", "match", "materialized",
        "natural", "no", "not", "nothing", "notnull", "null", "nulls", "of", "offset", "on", "or", "order", "others", "outer",
        "over", "partition", "plan", "pragma", "preceding", "primary", "query", "raise", "range", "recursive", "references",
        "regexp", "reindex", "release", "rename", "replace", "restrict", "returning", "right", "rollback", "row", "rows",
        "savepoint", "select", "set", "table", "temp", "temporary", "then", "ties", "to", "transaction", "trigger", "unbounded",
        "union", "unique", "update", "using", "vacuum", "values", "view", "virtual", "when", "where", "window", "with", "without",
    ]
}
