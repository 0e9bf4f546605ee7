/// The SQL that makes one entity's table, generated from its declaration: what a new register runs,
/// and what an older one is brought to (`SchemaReconciler`). A module author never writes it.
///
/// The text is what SQLite keeps in `sqlite_schema`, statement by statement, so that the stored
/// schema of a register can be compared with the declared one word for word. Only what the stock
/// `sqlite3` shell understands: no custom function or collation.
public struct TableSchema: Sendable, Equatable {
    public struct Statement: Sendable, Equatable {
        public let name: String
        public let sql: String
    }

    public let table: String
    /// `CREATE TABLE ...` (STRICT, one line per column).
    public let create: String
    public let indexes: [Statement]
    /// On the table: its own, then its rollups' (which need their tables made first).
    public let triggers: [Statement]
    /// The counts kept of its rows (`Rollup`).
    public let rollups: [RollupSchema]

    /// Every statement, in the order a new register runs them.
    public var statements: [String] {
        [create] + indexes.map(\.sql) + rollups.flatMap { [$0.create, $0.index.sql] } + triggers.map(\.sql)
    }
}

extension TableSchema {
    /// The table of `entity`; `enums` resolve its enum fields' cases, `catalog` the entities its
    /// rollups count through.
    public init(_ entity: Entity, enums: [String: EnumType], catalog: Catalog? = nil) {
        table = entity.table
        var lines = ["id INTEGER PRIMARY KEY"]
        for field in entity.fields where field.name != "id" {
            lines.append(TableSchema.column(field, enums: enums))
            if let folded = field.foldedColumn, let sort = field.sortColumn {
                let notNull = field.required ? " NOT NULL" : ""
                lines.append("\(folded) TEXT\(notNull)")
                lines.append("\(sort) TEXT\(notNull)")
            }
        }
        for constraint in entity.constraints {
            lines.append(TableSchema.tableConstraint(constraint, entity))
        }
        create = "CREATE TABLE \(table) (\n    " + lines.joined(separator: ",\n    ") + "\n) STRICT"

        var indexes: [Statement] = []
        for field in entity.fields {
            for shadow in [field.foldedColumn, field.sortColumn].compactMap({ $0 }) {
                let name = "\(table)_\(shadow)"
                indexes.append(Statement(name: name, sql: "CREATE INDEX \(name) ON \(table)(\(shadow))"))
            }
        }
        for index in entity.indexes {
            let columns = index.fields.map { entity.field($0)?.column ?? $0 }
            var sql = "CREATE INDEX \(index.name) ON \(table)(\(columns.joined(separator: ", ")))"
            if let given = index.whereGiven { sql += " WHERE \(entity.field(given)?.column ?? given) IS NOT NULL" }
            indexes.append(Statement(name: index.name, sql: sql))
        }
        self.indexes = indexes

        let rollups = entity.rollups.map { RollupSchema($0, of: entity, entities: { catalog?.entity($0) }) }
        self.rollups = rollups
        triggers = (entity.appendOnly ? ["update", "delete"].map { op in
            let name = "\(entity.table)_append_only_\(op)"
            return Statement(name: name, sql: "CREATE TRIGGER \(name) BEFORE \(op.uppercased()) ON \(entity.table)\n"
                             + "    BEGIN SELECT RAISE(ABORT, '\(entity.table) is append-only'); END")
        } : []) + rollups.flatMap(\.triggers)
    }

    /// The pattern every stored date matches (ISO text, so that text order is date order).
    static let datePattern = "[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]"
    static let monthPattern = "[0-9][0-9][0-9][0-9]-[0-1][0-9]-01"

    /// One column's definition: type, NOT NULL, DEFAULT, REFERENCES and one CHECK of what the
    /// database can say about its values.
    static func column(_ field: Field, enums: [String: EnumType]) -> String {
        let c = field.column
        var checks: [String] = []
        var type: String
        switch field.type {
        case .int: type = "INTEGER"
        case .decimal: type = "REAL"
        case .text:
            type = "TEXT"
            if field.required { checks.append("length(\(c)) > 0") }
        case .date:
            type = "TEXT"
            let pattern = field.constraints.contains(.firstOfMonth) ? monthPattern : datePattern
            checks.append("\(c) GLOB '\(pattern)'")
        case .bool:
            type = "INTEGER"
            checks.append("\(c) IN (0, 1)")
        case .enumeration(let id):
            type = "TEXT"
            if let e = enums[id] { checks.append(caseList(c, e.cases.map { quote($0.id) })) }
        case .reference:
            type = "INTEGER"
        }
        for constraint in field.constraints where constraint.enforcedByDatabase {
            switch constraint {
            case .range(let lo?, let hi?): checks.append("\(c) BETWEEN \(lo) AND \(hi)")
            case .range(let lo?, nil): checks.append("\(c) >= \(lo)")
            case .range(nil, let hi?): checks.append("\(c) <= \(hi)")
            case .oneOf(let values): checks.append(caseList(c, values.map(String.init)))
            default: break
            }
        }
        var sql = "\(c) \(type)"
        if field.required { sql += " NOT NULL" }
        if let value = field.defaultValue { sql += " DEFAULT " + literal(value) }
        if case .reference(let target) = field.type { sql += " REFERENCES \(target)(id)" }
        if !checks.isEmpty { sql += " CHECK (" + checks.joined(separator: " AND ") + ")" }
        return sql
    }

    /// A value among `literals`, in the form SQLite checks without building a table of them for
    /// each row written (an `IN` list of three or more does; a member's row carried nine such lists,
    /// 19 µs of the 21 it took to insert). NULL passes, as it does an `IN` list.
    static func caseList(_ column: String, _ literals: [String]) -> String {
        "CASE \(column) " + literals.map { "WHEN \($0) THEN 1" }.joined(separator: " ") + " ELSE \(column) IS NULL END"
    }

    static func tableConstraint(_ constraint: RowConstraint, _ entity: Entity) -> String {
        let c = constraint.fields.map { entity.field($0)?.column ?? $0 }
        switch constraint.kind {
        case .ordered(let strictly):
            return "CHECK (\(c[0]) IS NULL OR \(c[1]) IS NULL OR \(c[0]) \(strictly ? "<" : "<=") \(c[1]))"
        case .exactlyOne:
            return "CHECK (" + c.map { "(\($0) IS NOT NULL)" }.joined(separator: " + ") + " = 1)"
        case .presentExactlyWhen(let value):
            return "CHECK ((\(c[1]) IS \(literal(value))) = (\(c[0]) IS NOT NULL))"
        case .notSelf:
            return "CHECK (\(c[0]) IS NULL OR \(c[0]) <> id)"
        case .unique:
            return "UNIQUE (" + c.joined(separator: ", ") + ")"
        }
    }

    /// A constant as SQL text (declarations only: never a value a user typed).
    static func literal(_ value: Value) -> String {
        switch value {
        case .null: return "NULL"
        case .int(let i): return String(i)
        case .double(let d): return Value.format(double: d)
        case .bool(let b): return b ? "1" : "0"
        case .text(let s): return quote(s)
        case .date(let d): return quote(d.iso)
        }
    }

    static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
