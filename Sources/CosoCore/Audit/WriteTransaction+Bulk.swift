import Foundation
import GRDB

/// The machinery of `BulkLoad`: inserts batched and written many at a time (by a second thread in
/// an overlapped load), ids audited as ranges, indexes dropped and rebuilt, CHECK constraints
/// trusted, prepared inserts bound by position. Internal: module commands never reach it; the
/// importer and the generators do, through `BulkLoad`.
extension WriteTransaction {
    /// The id the next row of an entity gets inside `bulk`: the table's largest id plus one,
    /// counting waiting rows.
    func nextID(_ writing: EntityWriting) throws -> Int64 {
        if let next = writing.nextID { return next }
        try pending.flush(db)
        let next = (try Int64.fetchOne(db, sql: "SELECT max(id) FROM \(writing.entity.table)") ?? 0) + 1
        writing.nextID = next
        return next
    }

    /// Runs `body` with inserts recorded in bulk: instead of one audit row per new row (whose
    /// "after" would only repeat the row itself), one per entity naming the ids inserted, under
    /// the same audit entry (who, when, the file or the demo). Updates and deletes inside are still
    /// recorded one by one. For imports and generators of many thousand rows.
    ///
    /// Inside, rows from `insert` reach SQLite a few thousand at a time and foreign keys are checked
    /// at commit (see PendingInserts); reads through the transaction still see every row inserted.
    ///
    /// `checkingReferences`: SQLite's foreign key enforcement is off (`Store.load`) and the
    /// references of the inserted rows are checked here at the end instead.
    ///
    /// `overlapping`: rows are written by a second thread while `body` goes on (see
    /// `OverlappedWriter`).
    func bulk<T>(checkingReferences: Bool = false, overlapping: Bool = false, _ body: () throws -> T) throws -> T {
        precondition(bulkRanges == nil, "bulk inserts do not nest")
        bulkRanges = [:]
        checksReferences = checkingReferences
        // Stays on until the transaction ends: turning it off would forget the pending checks.
        if !checkingReferences { try db.execute(sql: "PRAGMA defer_foreign_keys = ON") }
        if overlapping { pending.overlap(db) }
        // At least 64 MB of page cache while rows go in (the indexes' pages are written again and
        // again, and a large transaction in WAL mode spills what the cache cannot hold: 100,000
        // members imported in 10.7 s with SQLite's 2 MB, 8.8 s with this), then back.
        let cache = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
        let pageSize = try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 4096
        if (cache < 0 ? -cache * 1024 : cache * pageSize) < 64 << 20 { try db.execute(sql: "PRAGMA cache_size = -65536") }
        defer {
            bulkRanges = nil; bulkInserts = []; checksReferences = false; pending.discard()
            // Their ids and ranges were this bulk's.
            writings.removeAll()
            try? db.execute(sql: "PRAGMA cache_size = \(cache)")
        }
        let result = try body()
        try flushPending()
        gatherBulkInserts()
        for (name, writing) in writings { if let range = writing.range { noteBulkInsert(name, range, counted: true) } }
        let ranges = bulkRanges!
        if checkingReferences { try checkReferences(ranges) }
        let audit = try currentAuditID()
        for (name, r) in ranges.sorted(by: { $0.key < $1.key }) {
            // The rows as stored, by blocks, so that `coso verify` can tell each from a later edit.
            let digest = try catalog.entity(name).map { try sealBlocks($0, first: r.first, last: r.last, audit: audit) } ?? ""
            let summary = "{\"bulk\":true,\"first_id\":\(r.first),\"last_id\":\(r.last),\"count\":\(r.count),\"digest\":\"\(digest)\"}"
            try db.cachedStatement(sql: """
                INSERT INTO audit_changes (audit_id, entity, row_id, op, before, after) VALUES (?, ?, ?, 'insert', NULL, ?)
                """).execute(arguments: [audit, name, r.first, summary])
        }
        return result
    }

    /// Set inside `bulk(checkingReferences: true)`, where SQLite does not look at references.

    /// Every reference of the rows inserted in bulk points at an existing row: one pass over each
    /// table written (ids between the first and last inserted; rows already there in that span
    /// are checked again, harmlessly), all its foreign keys at once (a pass per key read a million
    /// imported members' history five times over); the key at fault is looked for only then.
    private func checkReferences(_ ranges: [String: (first: Int64, last: Int64, count: Int)]) throws {
        for (name, r) in ranges.sorted(by: { $0.key < $1.key }) {
            guard let table = catalog.entity(name)?.table else { continue }
            let keys = try Row.fetchAll(db, sql: "SELECT \"table\", \"from\", \"to\" FROM pragma_foreign_key_list(?)", arguments: [table])
                .map { (parent: $0[0] as String, column: $0[1] as String, target: ($0[2] as String?) ?? "id") }
            guard !keys.isEmpty else { continue }
            func broken(_ keys: [(parent: String, column: String, target: String)]) throws -> Int {
                let missing = keys.map { "(t.\($0.column) IS NOT NULL AND NOT EXISTS (SELECT 1 FROM \($0.parent) AS p WHERE p.\($0.target) = t.\($0.column)))" }
                return try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table) AS t WHERE t.id BETWEEN ? AND ? AND ("
                                        + missing.joined(separator: " OR ") + ")", arguments: [r.first, r.last]) ?? 0
            }
            guard try broken(keys) > 0 else { continue }
            for key in keys {
                let count = try broken([key])
                if count > 0 {
                    throw StoreError.engine("FOREIGN KEY constraint failed: \(count) rows of \(table).\(key.column) name no row of \(key.parent)")
                }
            }
        }
    }

    /// `counted`: rows `insert` already counted in `changeCount` (those of `BulkInsert` are
    /// counted here).
    private func noteBulkInsert(_ entity: String, _ range: (first: Int64, last: Int64, count: Int), counted: Bool = false) {
        if let writing = writings[entity], let next = writing.nextID, range.last >= next { writing.nextID = range.last + 1 }
        let r = bulkRanges![entity]
        bulkRanges![entity] = (min(r?.first ?? range.first, range.first), max(r?.last ?? range.last, range.last),
                               (r?.count ?? 0) + range.count)
        if !counted { changeCount += range.count }
    }

    /// Takes the ids the prepared inserts recorded: before an id is given by `insert` and at the end.
    func gatherBulkInserts() {
        for b in bulkInserts { if let range = b.takeRange() { noteBulkInsert(b.entity, range) } }
    }

    /// A prepared insert into `entityName`'s table binding `columns` by position, for generators
    /// and imports of millions of rows; only inside `bulk`, which records its ids.
    func bulkInsert(_ entityName: String, columns: [String]) throws -> BulkInsert {
        precondition(bulkRanges != nil, "bulkInsert only inside bulk {}")
        try flushPending()
        let insert = try BulkInsert(db: db, entity: try writable(entityName), columns: columns, pending: pending,
                                    writeWaiting: { [unowned self] in try self.pending.flush(self.db) })
        bulkInserts.append(insert)
        return insert
    }

    /// Loads with the secondary indexes of `entityNames`' tables dropped, and builds them again
    /// before returning, in the same transaction: sorting each index once is faster than inserting
    /// millions of keys in random order. Unique constraints stay in force, and so do the indexes
    /// named in `keeping`: those the caller's rows add nothing or little to (a partial index whose
    /// condition they never meet costs nothing live, and building it would scan the whole table).
    func withoutIndexes<T>(on entityNames: [String], keeping: Set<String> = [], _ body: () throws -> T) throws -> T {
        let tables = try entityNames.map { try writable($0).table }
        try flushPending()
        let placeholders = Array(repeating: "?", count: tables.count).joined(separator: ", ")
        let indexes = try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                                       + "AND sql NOT LIKE 'CREATE UNIQUE%' AND tbl_name IN (\(placeholders))",
                                       arguments: StatementArguments(tables)).map { (name: $0[0] as String, sql: $0[1] as String) }
            .filter { !keeping.contains($0.name) }
        for index in indexes { try db.execute(sql: "DROP INDEX \(index.name)") }
        // The rollups too are counted once at the end rather than row by row (for the 5.5 million
        // members of the country demo, a trigger per rollup costs ~7 µs a row; a count, a second).
        let rollups = try entityNames.flatMap { try RollupSchema.all(of: writable($0), catalog: catalog) }
        let triggers = rollups.flatMap { $0.triggers + $0.observers.map(\.trigger) }
        for trigger in triggers { try db.execute(sql: "DROP TRIGGER IF EXISTS \(trigger.name)") }
        let result = try body()
        try flushPending()
        // Built by SQLite's sorter on every core, with a small page cache: the sorter holds as much
        // in memory as the cache allows, and one large in-memory sort was slower than many small
        // ones merged (events by kind at 2 million rows: 3.4 s with 256 MB and one thread, 1.6 s).
        let threads = try Int.fetchOne(db, sql: "PRAGMA threads") ?? 0
        let cache = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
        try db.execute(sql: "PRAGMA threads = \(ProcessInfo.processInfo.activeProcessorCount); PRAGMA cache_size = -8192")
        defer { try? db.execute(sql: "PRAGMA threads = \(threads); PRAGMA cache_size = \(cache)") }
        for index in indexes { try db.execute(sql: index.sql) }
        for rollup in rollups { try rollup.refill(db) }
        for trigger in triggers { try db.execute(sql: trigger.sql) }
        return result
    }

    /// Runs `body` with the tables' CHECK constraints not evaluated, for a generator whose rows
    /// are valid by construction (its tests build with them in force). Even in the form
    /// the generated tables give them (`TableSchema`), evaluating them made a ninth of the country demo 20% slower
    /// (10.5 -> 12.7 s); before that form, they were most of a country-size load.
    func trustingChecks<T>(_ body: () throws -> T) throws -> T {
        try flushPending()
        try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
        defer { try? db.execute(sql: "PRAGMA ignore_check_constraints = OFF") }
        let result = try body()
        try flushPending()
        return result
    }


    /// `scalar` over the rows stored before this write, not the ones still waiting (outside
    /// `Store.load`, rows of this write already written count too): for an import asking
    /// whether a value is taken before the file (the file's own rows it checks itself), without
    /// writing the waiting rows one by one, and, in `Store.load`, without waiting for the
    /// writing thread (a connection of its own reads the last commit).
    func storedScalar(_ sql: String, _ arguments: [Value] = []) throws -> Value {
        if let snapshot { return try snapshot.scalar(sql, arguments) }
        try pending.idle()
        return try connectionScalar(sql, arguments)
    }

}
