import GRDB

/// Rebuilds one table in its declared form, keeping its rows (SQLite's way of making any change
/// to a table's definition): the old table is renamed aside, the declared one created, the rows
/// copied, the old one dropped. Inside the reconciler's transaction, with foreign keys off and
/// renames leaving other tables' references alone, so that they point at the new table.
///
/// Refused, with the table and what to do, before anything is copied: a column no field declares
/// any more that still holds values (a migration must move or clear them first), or a required
/// field new to the table with rows already there and no default to give them.
struct TableRebuild {
    let entity: Entity
    let schema: TableSchema
    let module: String

    func run(_ db: Database) throws {
        let table = schema.table
        let old = Set(try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?)", arguments: [table]))
        let declared = SchemaReconciler.columns(entity).map(\.name)
        for column in old.subtracting(declared).sorted() {
            let held = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table) WHERE \(column) IS NOT NULL") ?? 0
            if held > 0 {
                throw StoreError.schemaFailed(table: table, reason: """
                    module '\(module)' no longer declares the column \(column), which holds \(held) values; \
                    add a migration that moves or clears them
                    """)
            }
        }
        for field in entity.fields where field.required && field.defaultValue == nil && field.name != "id" {
            let missing = old.contains(field.column)
                ? try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table) WHERE \(field.column) IS NULL") ?? 0
                : try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0
            if missing > 0 {
                throw StoreError.schemaFailed(table: table, reason: """
                    module '\(module)' declares \(field.name) required, and the \(missing) rows already there have no value for it; \
                    give the field a default or add a migration that fills it
                    """)
            }
        }
        try db.execute(sql: "ALTER TABLE \(table) RENAME TO \(table)__old")
        try db.execute(sql: schema.create)
        // Shadow columns new to the table (or added empty before this rebuild) are computed here, as
        // every write computes them.
        var fresh: [Field] = []
        for f in entity.fields where f.searchable && old.contains(f.column) {
            let folded = f.foldedColumn!
            let unfilled = try !old.contains(folded) || !old.contains(f.sortColumn!) || Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM \(table)__old WHERE \(Self.unfilled(f)))
                """) == true
            if unfilled { fresh.append(f) }
        }
        let shadows = Set(fresh.flatMap { [$0.foldedColumn!, $0.sortColumn!] })
        let copied = declared.filter { old.contains($0) && !shadows.contains($0) }
        // A column added empty before this rebuild takes its field's default where it has one.
        let defaults = Dictionary(entity.fields.compactMap { f in f.defaultValue.map { (f.column, TableSchema.literal($0)) } },
                                  uniquingKeysWith: { a, _ in a })
        let selected = copied.map { c in defaults[c].map { "coalesce(\(c), \($0))" } ?? c }
        do {
            if fresh.isEmpty {
                try db.execute(sql: "INSERT INTO \(table) (\(copied.joined(separator: ", "))) SELECT \(selected.joined(separator: ", ")) FROM \(table)__old")
            } else {
                try copyComputing(fresh, copied, selected, db)
            }
        } catch let error as DatabaseError {
            throw StoreError.schemaFailed(table: table, reason: "its rows do not fit the declared form: " + Store.describe(error))
        }
        try db.execute(sql: "DROP TABLE \(table)__old")
    }

    /// Computes the shadow columns of the rows of `table` that lack them (a migration emptied a
    /// sort key whose definition changed), in place, row by row as every write computes them.
    static func refillShadows(_ entity: Entity, table: String, _ db: Database) throws {
        let columns = try Set(String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?)", arguments: [table]))
        for f in entity.fields where f.searchable {
            guard let folded = f.foldedColumn, let sort = f.sortColumn, columns.contains(folded), columns.contains(sort) else { continue }
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(table) WHERE \(unfilled(f)))") == true else { continue }
            // The indexes of the shadow columns go first and are made again after (the store
            // makes every declared index it lacks): updating a million rows through an index of
            // their sort keys took 25 s, building it afresh about 2.
            let indexes = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL AND (instr(sql, ?) > 0 OR instr(sql, ?) > 0)
                """, arguments: [table, folded, sort])
            for index in indexes { try db.execute(sql: "DROP INDEX \(index)") }
            let update = try db.makeStatement(sql: "UPDATE \(table) SET \(folded) = ?, \(sort) = ? WHERE id = ?")
            let rows = try Row.fetchCursor(db, sql: "SELECT id, \(f.column) FROM \(table) WHERE \(unfilled(f))")
            while let row = try rows.next() {
                let text = VietnameseText.nfc(row[1] as String)
                try update.execute(arguments: [VietnameseText.fold(text), f.sortKey(text), row[0] as Int64])
            }
        }
    }

    /// A row whose shadow columns are to be computed: missing (NULL), or a sort key emptied ('' is
    /// no text's key) by a migration.
    static func unfilled(_ f: Field) -> String {
        "\(f.column) IS NOT NULL AND (\(f.foldedColumn!) IS NULL OR \(f.sortColumn!) IS NULL OR \(f.sortColumn!) = '')"
    }

    /// Row by row, for a table gaining the folded and sort-key columns of a field now searchable.
    private func copyComputing(_ fresh: [Field], _ copied: [String], _ selected: [String], _ db: Database) throws {
        let table = schema.table
        let columns = copied + fresh.flatMap { [$0.foldedColumn!, $0.sortColumn!] }
        let insert = try db.makeStatement(sql: "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES ("
                                          + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")")
        let positions = fresh.map { f in (copied.firstIndex(of: f.column)!, f) }
        let cursor = try Row.fetchCursor(db, sql: "SELECT \(selected.joined(separator: ", ")) FROM \(table)__old")
        while let row = try cursor.next() {
            var values: [DatabaseValue] = (0..<copied.count).map { row[$0] as DatabaseValue }
            for (position, field) in positions {
                let text = (row[position] as String?).map(VietnameseText.nfc)
                values.append(text.map(VietnameseText.fold)?.databaseValue ?? .null)
                values.append(text.map(field.sortKey)?.databaseValue ?? .null)
            }
            try insert.execute(arguments: StatementArguments(values))
        }
    }
}
