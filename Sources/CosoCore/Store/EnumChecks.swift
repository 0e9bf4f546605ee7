import GRDB

/// Rewrites the stored tables' `CHECK (column IN ('a', 'b', 'c', ...))` constraints into the
/// equivalent `CHECK (CASE column WHEN 'a' THEN 1 WHEN 'b' THEN 1 ... ELSE column IS NULL END)`
/// (the whole CHECK being the list: see `rewritten`).
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
    /// `sql` with every such constraint in CASE form; nil when there is none. Only a CHECK whose
    /// whole expression is the list is rewritten: there, NULL and true both let a row through, so
    /// the CASE may answer 1 where the list answers NULL; inside a larger expression (under NOT, in
    /// a comparison) or elsewhere (a generated column) the two would differ.
    static func rewritten(_ sql: String) -> String? {
        // CHECK, then a column compared with a list of three or more literals (single-quoted text
        // or integers), then the closing parenthesis.
        let constraint = #/([Cc][Hh][Ee][Cc][Kk]\s*\(\s*)([A-Za-z_][A-Za-z0-9_]*)\s+(?:([Nn][Oo][Tt])\s+)?[Ii][Nn]\s*\(\s*((?:'[^']*'|-?[0-9]+)(?:\s*,\s*(?:'[^']*'|-?[0-9]+)){2,})\s*\)(\s*\))/#
        let literal = #/'[^']*'|-?[0-9]+/#
        var changed = false
        let result = sql.replacing(constraint) { match -> String in
            let column = String(match.output.2)
            // Not `NOT IN` read as a column named NOT, nor text inside a quoted literal (an odd
            // number of quotes before it), nor the end of a longer word (`RECHECK (`).
            let head = sql[..<match.range.lowerBound]
            let quotes = head.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "'") ? 1 : 0) }
            let before = head.last.map { $0.isLetter || $0.isNumber || $0 == "_" } ?? false
            guard column.uppercased() != "NOT", quotes % 2 == 0, !before else { return String(match.output.0) }
            changed = true
            let negated = match.output.3 != nil
            let whens = match.output.4.matches(of: literal).map { "WHEN \($0.output) THEN \(negated ? 0 : 1)" }
            // NULL passes either way, as it does the IN list (whose answer for it is NULL).
            let test = "CASE \(column) " + whens.joined(separator: " ") + (negated ? " ELSE 1 END" : " ELSE \(column) IS NULL END")
            return match.output.1 + test + match.output.5
        }
        return changed ? result : nil
    }

    /// Rewrites every table that needs it, inside the caller's transaction; returns how many.
    /// Where SQLite refuses to edit its schema (a build in defensive mode), nothing is rewritten
    /// and the constraints stay as written: as strict, only slower.
    @discardableResult
    static func apply(_ db: Database) throws -> Int {
        // Each rewritten statement is first made in a scratch in-memory database: text SQLite could
        // not read back would leave the file unopenable, so such a table keeps its text.
        // (Made only when something is to be rewritten: most migration runs have nothing.)
        let candidates = try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL")
            .compactMap { row -> (name: String, sql: String)? in rewritten(row[1]).map { (row[0], $0) } }
        guard !candidates.isEmpty else { return 0 }
        let scratch = try DatabaseQueue()
        let tables = candidates.filter { table in (try? scratch.write { try $0.execute(sql: table.sql) }) != nil }
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
