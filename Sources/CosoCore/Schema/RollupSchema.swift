import GRDB

/// The SQL of one `Rollup`: its table, the index its triggers find a combination by, and the
/// triggers that keep it true in the same transaction as every write. Made from the declaration,
/// like `TableSchema`; kept by the store (`SchemaReconciler` makes and fills it, a bulk load
/// recounts it, `coso verify` checks it).
///
/// A combination's fields may be null (a member not yet gone has no end date), so they are found
/// with `IS`, which an index answers like `=`, and a UNIQUE constraint (under which nulls differ)
/// cannot merge them: each trigger counts the combination, and makes it when none was there. A
/// combination no row has any more is deleted, so that its table holds exactly the combinations
/// the rows have (a `min`, a `count_distinct` or a grouping read it as they would the rows).
///
/// Counted through a reference (`ratings` by `member.org`), the rollup also watches the table
/// pointed at: when a member changes cell, their ratings' counts move from the old cell to the
/// new one in the same statement.
public struct RollupSchema: Sendable, Equatable {
    public let rollup: Rollup
    /// The entity's table.
    public let base: String
    /// The fields' columns, in the declared order.
    public let columns: [String]
    /// Counted through a reference: the rollup's column for it, the reference's column in the
    /// entity's table, and the table and column it reads there.
    public let path: Path?

    public struct Path: Sendable, Equatable {
        public let column: String, reference: String, table: String, field: String
    }

    public var table: String { rollup.table }
    /// Every column the combinations are told apart by.
    public var keyColumns: [String] { columns + (path.map { [$0.column] } ?? []) }

    /// The rollups `entity` declares (`catalog` finds what a reference points at).
    public static func all(of entity: Entity, catalog: Catalog) -> [RollupSchema] {
        entity.rollups.map { RollupSchema($0, of: entity, entities: { catalog.entity($0) }) }
    }

    init(_ rollup: Rollup, of entity: Entity, entities: (String) -> Entity?) {
        self.rollup = rollup
        base = entity.table
        let fields = rollup.fields.compactMap { entity.field($0) }
        columns = fields.map(\.column)
        var types = fields.map { RollupSchema.type($0.type) }
        if let through = rollup.through, let reference = entity.field(through.reference), case .reference(let target) = reference.type,
           let pointed = entities(target), let field = pointed.field(through.field) {
            path = Path(column: "\(reference.name)_\(field.column)", reference: reference.column, table: pointed.table, field: field.column)
            types.append(RollupSchema.type(field.type))
        } else {
            path = nil
        }
        self.types = types
    }

    /// The SQL types of the key columns.
    private let types: [String]

    public var create: String {
        let lines = zip(keyColumns, types).map { "\($0) \($1)" } + ["\(Rollup.countColumn) INTEGER NOT NULL"]
        return "CREATE TABLE \(table) (\n    " + lines.joined(separator: ",\n    ") + "\n) STRICT"
    }

    public var index: TableSchema.Statement {
        TableSchema.Statement(name: table + "_key", sql: "CREATE INDEX \(table)_key ON \(table)(\(keyColumns.joined(separator: ", ")))")
    }

    /// The value of each key column for the row `row` (NEW or OLD) of the entity's table.
    private func values(_ row: String) -> [String] {
        columns.map { "\(row).\($0)" } + (path.map { ["(SELECT x.\($0.field) FROM \($0.table) x WHERE x.id = \(row).\($0.reference))"] } ?? [])
    }

    private func matching(_ row: String) -> String { zip(keyColumns, values(row)).map { "\($0) IS \($1)" }.joined(separator: " AND ") }

    /// Counted if it is there, made if the count changed nothing (`changes()` is the last
    /// statement's of the same trigger). An INSERT that read the table it fills would have SQLite
    /// copy its rows aside first, for every row written.
    private func added(_ row: String) -> String {
        let count = Rollup.countColumn
        return """
                UPDATE \(table) SET \(count) = \(count) + 1 WHERE \(matching(row));
                INSERT INTO \(table) (\(keyColumns.joined(separator: ", ")), \(count)) SELECT \(values(row).joined(separator: ", ")), 1
                    WHERE changes() = 0;

            """
    }

    private func removed(_ row: String) -> String {
        let count = Rollup.countColumn
        return """
                DELETE FROM \(table) WHERE \(matching(row)) AND \(count) = 1;
                UPDATE \(table) SET \(count) = \(count) - 1 WHERE \(matching(row)) AND changes() = 0;

            """
    }

    /// On the entity's table.
    public var triggers: [TableSchema.Statement] {
        let watched = columns + (path.map { [$0.reference] } ?? [])
        return [
            TableSchema.Statement(name: table + "_insert", sql: "CREATE TRIGGER \(table)_insert AFTER INSERT ON \(base) BEGIN\n" + added("NEW") + "END"),
            TableSchema.Statement(name: table + "_delete", sql: "CREATE TRIGGER \(table)_delete AFTER DELETE ON \(base) BEGIN\n" + removed("OLD") + "END"),
            TableSchema.Statement(name: table + "_update", sql: "CREATE TRIGGER \(table)_update AFTER UPDATE OF \(watched.joined(separator: ", ")) ON \(base)\n"
                                  + "    WHEN NOT (\(watched.map { "OLD.\($0) IS NEW.\($0)" }.joined(separator: " AND "))) BEGIN\n"
                                  + removed("OLD") + added("NEW") + "END"),
        ]
    }

    /// On the table a reference points at (counted through it), by that table: when the row
    /// pointed at changes the field counted by, the rows pointing at it move, combination by
    /// combination, from the old value to the new (emptied combinations deleted).
    public var observers: [(table: String, trigger: TableSchema.Statement)] {
        guard let path else { return [] }
        let count = Rollup.countColumn
        let own = columns.map { "b.\($0)" }
        let moved = "(SELECT \((own + ["count(*) AS n"]).joined(separator: ", ")) FROM \(base) b WHERE b.\(path.reference) = NEW.id"
            + (columns.isEmpty ? "" : " GROUP BY \(own.joined(separator: ", "))") + ") AS d"
        func same(_ value: String) -> String {
            (columns.map { "\(table).\($0) IS d.\($0)" } + ["\(table).\(path.column) IS \(value)"]).joined(separator: " AND ")
        }
        let body = """
                UPDATE \(table) SET \(count) = \(count) - d.n FROM \(moved) WHERE \(same("OLD.\(path.field)"));
                DELETE FROM \(table) WHERE \(path.column) IS OLD.\(path.field) AND \(count) = 0;
                UPDATE \(table) SET \(count) = \(count) + d.n FROM \(moved) WHERE \(same("NEW.\(path.field)"));
                INSERT INTO \(table) (\(keyColumns.joined(separator: ", ")), \(count))
                    SELECT \((own + ["NEW.\(path.field)", "count(*)"]).joined(separator: ", ")) FROM \(base) b WHERE b.\(path.reference) = NEW.id
                    AND NOT EXISTS (SELECT 1 FROM \(table) x WHERE \((columns.map { "x.\($0) IS b.\($0)" } + ["x.\(path.column) IS NEW.\(path.field)"]).joined(separator: " AND ")))
                    \(columns.isEmpty ? "" : "GROUP BY \(own.joined(separator: ", "))");

            """
        let name = table + "_moved"
        return [(path.table, TableSchema.Statement(name: name, sql: "CREATE TRIGGER \(name) AFTER UPDATE OF \(path.field) ON \(path.table)\n"
                                                   + "    WHEN OLD.\(path.field) IS NOT NEW.\(path.field) BEGIN\n" + body + "END"))]
    }

    /// The rows of the entity's table with every key column, as `FROM ...` text.
    private var counted: (select: [String], from: String) {
        guard let path else { return (columns, " FROM \(base)") }
        return (columns.map { "b.\($0)" } + ["x.\(path.field)"], " FROM \(base) b LEFT JOIN \(path.table) x ON x.id = b.\(path.reference)")
    }

    /// Counts every row of the entity's table afresh (a new rollup, a table just rebuilt, a bulk
    /// load that wrote with the triggers off).
    public func refill(_ db: Database) throws {
        let (select, from) = counted
        try db.execute(sql: "DELETE FROM \(table)")
        try db.execute(sql: "INSERT INTO \(table) (\(keyColumns.joined(separator: ", ")), \(Rollup.countColumn)) SELECT \(select.joined(separator: ", ")), count(*)"
                       + from + " GROUP BY \(select.joined(separator: ", "))")
    }

    /// How many combinations the table counts differently from the rows (0 when it is true).
    public func differences(_ db: Database) throws -> Int {
        let (select, from) = counted
        let keys = keyColumns.indices.map { "k\($0)" }
        let named = zip(select, keys).map { "\($0) AS \($1)" }
        return try Int.fetchOne(db, sql: """
            SELECT count(*) FROM (SELECT 1 FROM (
                SELECT \((zip(keyColumns, keys).map { "\($0) AS \($1)" } + ["\(Rollup.countColumn) AS k"]).joined(separator: ", ")) FROM \(table)
                UNION ALL SELECT \((named + ["-count(*)"]).joined(separator: ", "))\(from) GROUP BY \(select.joined(separator: ", "))
            ) GROUP BY \(keys.joined(separator: ", ")) HAVING sum(k) <> 0 OR count(*) <> 2)
            """) ?? 0
    }

    static func type(_ type: FieldType) -> String {
        switch type {
        case .int, .bool, .reference: return "INTEGER"
        case .decimal: return "REAL"
        case .text, .date, .enumeration: return "TEXT"
        }
    }
}
