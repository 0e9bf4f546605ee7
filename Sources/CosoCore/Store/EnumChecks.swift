import GRDB

/// Rewrites the stored tables' `CHECK (column IN ('a', 'b', 'c', ...))` constraints into the
/// equivalent `CHECK (CASE column WHEN 'a' THEN 1 WHEN 'b' THEN 1 ... ELSE column IS NULL END)`.
///
/// Why: SQLite (3.40 here) evaluates an IN list of three or more values by building a small
/// temporary index of the list, and inside a CHECK constraint it builds it again for every row
/// written (elsewhere it builds it once per statement). A member's row carries nine such lists,
/// one of 54 ethnicities: 19 µs of a member's 21 µs when SQLite inserts it; the CASE form takes
/// well under one. Modules keep writing the natural `IN (...)` in their migrations; the store
/// rewrites what they made after every migration run.
///
/// Both forms accept the same rows: NULL passes (`NULL IN (...)` is NULL, which a CHECK lets
/// through; the CASE gives `column IS NULL`, true), a listed value passes, anything else fails
/// (and the other way round for `NOT IN`, whose CASE gives 0 for a listed value, else 1).
/// Only the schema's text changes, not a stored byte, which is the case SQLite documents for
/// editing `sqlite_schema` under `PRAGMA writable_schema` ("Making Other Kinds Of Table Schema
/// Changes"): the schema version is raised so that every connection reads the schema again.
enum EnumChecks {
    /// `sql` with every such list in CASE form; nil when there is none.
    static func rewritten(_ sql: String) -> String? {
        // A column compared with a list of three or more literals (single-quoted text or integers).
        let inList = #/([A-Za-z_][A-Za-z0-9_]*)\s+(?:([Nn][Oo][Tt])\s+)?[Ii][Nn]\s*\(\s*((?:'[^']*'|-?[0-9]+)(?:\s*,\s*(?:'[^']*'|-?[0-9]+)){2,})\s*\)/#
        let literal = #/'[^']*'|-?[0-9]+/#
        var changed = false
        let result = sql.replacing(inList) { match -> String in
            let column = String(match.output.1)
            guard column.uppercased() != "NOT" else { return String(match.output.0) }
            changed = true
            let negated = match.output.2 != nil
            let whens = match.output.3.matches(of: literal).map { "WHEN \($0.output) THEN \(negated ? 0 : 1)" }
            // NULL passes either way, as it does the IN list (whose answer for it is NULL).
            return "CASE \(column) " + whens.joined(separator: " ") + (negated ? " ELSE 1 END" : " ELSE \(column) IS NULL END")
        }
        return changed ? result : nil
    }

    /// Rewrites every table that needs it, inside the caller's transaction; returns how many.
    /// Where SQLite refuses to edit its schema (a build in defensive mode), nothing is rewritten
    /// and the constraints stay as written: as strict, only slower.
    @discardableResult
    static func apply(_ db: Database) throws -> Int {
        let tables = try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL")
            .compactMap { row -> (name: String, sql: String)? in
                let sql: String = row[1]
                return rewritten(sql).map { (row[0], $0) }
            }
        guard !tables.isEmpty else { return 0 }
        let version = try Int.fetchOne(db, sql: "PRAGMA schema_version") ?? 0
        try db.execute(sql: "PRAGMA writable_schema = ON")
        defer { try? db.execute(sql: "PRAGMA writable_schema = OFF") }
        do {
            try db.inSavepoint {
                for table in tables {
                    try db.execute(sql: "UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = ?",
                                   arguments: [table.sql, table.name])
                }
                return .commit
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_ERROR || error.resultCode == .SQLITE_READONLY {
            return 0
        }
        // Then writable_schema goes off (the defer), in the order SQLite's documentation gives.
        try db.execute(sql: "PRAGMA schema_version = \(version + 1)")
        return tables.count
    }
}
