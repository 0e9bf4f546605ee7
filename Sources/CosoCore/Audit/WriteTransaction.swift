import Foundation
import GRDB

/// Who changes the data and why: recorded with every write.
public struct WriteOrigin: Sendable {
    public let user: String
    /// The statement text as typed (a command, a script line).
    public let statement: String
    /// Where it came from: `repl`, `-c`, `script:FILE`, `demo`.
    public let source: String
    /// The day of the write (the session's: in Viet Nam, or the date a test sets), against which
    /// dates that cannot lie ahead are checked.
    public let today: LocalDate
    public init(user: String, statement: String, source: String, today: LocalDate = .today()) {
        self.user = user; self.statement = statement; self.source = source; self.today = today
    }
}

/// The one way modules change data. Every insert, update and delete goes through here and is
/// recorded in `audit_changes` with the row's values before and after, in the same transaction as
/// the change, under one `audit` entry (who, when, the statement).
///
/// Lives only inside `Store.write`; deliberately not Sendable (it wraps GRDB's `Database`).
public final class WriteTransaction {
    let db: Database
    public let catalog: Catalog
    let origin: WriteOrigin
    private var auditID: Int64?
    public private(set) var changeCount = 0
    /// Set by `bulk(_:)`: inserted ids are gathered per entity instead of one audit row each.
    private var bulkRanges: [String: (first: Int64, last: Int64, count: Int)]?
    /// Rows `insert` keeps inside `bulk`, written a few thousand at a time, several hundred per statement.
    private let pending = PendingInserts()
    /// The prepared inserts made inside `bulk`, whose ids are gathered from them when needed.
    private var bulkInserts: [BulkInsert] = []

    init(db: Database, catalog: Catalog, origin: WriteOrigin) {
        self.db = db; self.catalog = catalog; self.origin = origin
    }

    // MARK: Writes

    /// Inserts a row; `values` are keyed by field name (references by the field name, holding an id).
    /// Outside `bulk` the row is first checked against its entity's declaration and what the
    /// register holds (`RowValidator`, `checkStored`): a refusal names the field, nothing is written.
    @discardableResult
    public func insert(_ entityName: String, _ values: [String: Value]) throws -> Int64 {
        let writing = try writing(entityName)
        if bulkRanges == nil { try validateInsert(writing.entity, values) }
        var (shape, args) = try writing.arguments(values, allowID: true)
        if bulkRanges != nil {
            // The row waits with its id chosen now (see PendingInserts).
            let id: Int64
            if let i = shape.idArgument {
                guard case .int64(let given) = args[i].storage else {
                    throw RuleViolation("E0702", vi: "lỗi nội bộ: mã của \(entityName) phải là số nguyên",
                                        en: "internal error: an id of \(entityName) is a whole number")
                }
                id = given
            } else {
                for b in bulkInserts where b.entity == entityName { try b.writeBound() }
                gatherBulkInserts()
                id = try nextID(writing)
                args.append(id.databaseValue)
                shape = shape.withID
            }
            try pending.add(db, shape, values: args)
            writing.range = writing.range.map { (min($0.first, id), max($0.last, id), $0.count + 1) } ?? (id, id, 1)
            if let next = writing.nextID, id >= next { writing.nextID = id + 1 }
            changeCount += 1
            return id
        }
        let sql = "INSERT INTO \(shape.table) (\(shape.columns.joined(separator: ", "))) VALUES ("
            + Array(repeating: "?", count: shape.columns.count).joined(separator: ", ") + ")"
        try refusedByDatabase(writing.entity) { try db.cachedStatement(sql: sql).execute(arguments: StatementArguments(args)) }
        let id = db.lastInsertedRowID
        try record(writing.entity, id: id, op: "insert", before: nil, after: try row(entityName, id: id))
        return id
    }

    /// The id the next row of an entity gets inside `bulk`: the table's largest id plus one,
    /// counting waiting rows.
    private func nextID(_ writing: EntityWriting) throws -> Int64 {
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
    /// `checkingReferences`: SQLite's foreign key enforcement is off (`Store.bulkWrite`) and the
    /// references of the inserted rows are checked here at the end instead.
    ///
    /// `overlapping`: rows are written by a second thread while `body` goes on (see
    /// `OverlappedWriter`).
    public func bulk<T>(checkingReferences: Bool = false, overlapping: Bool = false, _ body: () throws -> T) throws -> T {
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
            let summary = "{\"bulk\":true,\"first_id\":\(r.first),\"last_id\":\(r.last),\"count\":\(r.count)}"
            try db.cachedStatement(sql: """
                INSERT INTO audit_changes (audit_id, entity, row_id, op, before, after) VALUES (?, ?, ?, 'insert', NULL, ?)
                """).execute(arguments: [audit, name, r.first, summary])
        }
        return result
    }

    /// Set inside `bulk(checkingReferences: true)`, where SQLite does not look at references.
    private var checksReferences = false

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
    private func gatherBulkInserts() {
        for b in bulkInserts { if let range = b.takeRange() { noteBulkInsert(b.entity, range) } }
    }

    /// A prepared insert into `entityName`'s table binding `columns` by position, for generators
    /// and imports of millions of rows; only inside `bulk`, which records its ids.
    public func bulkInsert(_ entityName: String, columns: [String]) throws -> BulkInsert {
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
    public func withoutIndexes<T>(on entityNames: [String], keeping: Set<String> = [], _ body: () throws -> T) throws -> T {
        let tables = try entityNames.map { try writable($0).table }
        try flushPending()
        let placeholders = Array(repeating: "?", count: tables.count).joined(separator: ", ")
        let indexes = try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                                       + "AND sql NOT LIKE 'CREATE UNIQUE%' AND tbl_name IN (\(placeholders))",
                                       arguments: StatementArguments(tables)).map { (name: $0[0] as String, sql: $0[1] as String) }
            .filter { !keeping.contains($0.name) }
        for index in indexes { try db.execute(sql: "DROP INDEX \(index.name)") }
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
        return result
    }

    /// Runs `body` with the tables' CHECK constraints not evaluated, for a generator whose rows
    /// are valid by construction (its tests build with them in force). Even in the form
    /// `EnumChecks` gives them, evaluating them made a ninth of the country demo 20% slower
    /// (10.5 -> 12.7 s); before that form, they were most of a country-size load.
    public func trustingChecks<T>(_ body: () throws -> T) throws -> T {
        try flushPending()
        try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
        defer { try? db.execute(sql: "PRAGMA ignore_check_constraints = OFF") }
        let result = try body()
        try flushPending()
        return result
    }

    public func update(_ entityName: String, id: Int64, _ values: [String: Value]) throws {
        let writing = try writing(entityName)
        let entity = writing.entity
        try refuseUncheckedChange(entity)
        try flushPending(entity)
        guard let before = try row(entityName, id: id) else { return }
        if bulkRanges == nil { try validateUpdate(entity, id: id, before: before, values) }
        let (shape, args) = try writing.arguments(values, allowID: false)
        let columns = shape.columns
        guard !columns.isEmpty else { return }
        let sql = "UPDATE \(entity.table) SET " + columns.map { "\($0) = ?" }.joined(separator: ", ") + " WHERE id = ?"
        try refusedByDatabase(entity) { try db.cachedStatement(sql: sql).execute(arguments: StatementArguments(args + [id.databaseValue])) }
        let after = try row(entityName, id: id)
        guard let after, after.map(\.1) != before.map(\.1) else { return }
        try record(entity, id: id, op: "update", before: before, after: after)
    }

    public func delete(_ entityName: String, id: Int64) throws {
        let entity = try writable(entityName)
        try refuseUncheckedChange(entity)
        try flushPending()
        guard let before = try row(entityName, id: id) else { return }
        try db.execute(sql: "DELETE FROM \(entity.table) WHERE id = ?", arguments: [id])
        try record(entity, id: id, op: "delete", before: before, after: nil)
    }

    // MARK: Reads inside the transaction

    /// A row by id, keyed by field name, in declaration order.
    public func row(_ entityName: String, id: Int64) throws -> [(String, Value)]? {
        guard let entity = catalog.entity(entityName) else { throw unknownEntity(entityName) }
        try flushPending(entity)
        let cols = entity.fields.map(\.column)
        let sql = "SELECT \(cols.joined(separator: ", ")) FROM \(entity.table) WHERE id = ?"
        guard let r = try Row.fetchOne(db.cachedStatement(sql: sql), arguments: [id]) else { return nil }
        return entity.fields.enumerated().map { i, f in (f.name, Value(r[i] as DatabaseValue)) }
    }

    /// A row by id as a dictionary keyed by field name.
    public func record(_ entityName: String, id: Int64) throws -> [String: Value]? {
        try row(entityName, id: id).map { Dictionary($0, uniquingKeysWith: { a, _ in a }) }
    }

    /// Ids of rows whose field equals a value (NFC-normalised for text), in id order.
    public func ids(_ entityName: String, where fieldName: String, equals value: Value) throws -> [Int64] {
        guard let entity = catalog.entity(entityName), let field = entity.field(fieldName) else {
            throw unknownEntity(entityName)
        }
        try flushPending()
        return try Int64.fetchAll(db.cachedStatement(sql: "SELECT id FROM \(entity.table) WHERE \(field.column) = ? ORDER BY id"),
                                  arguments: StatementArguments([value.databaseValue]))
    }

    /// The first column of every row of a read query, as ids (a command's pipeline input, read
    /// inside the same transaction as the change so that nothing can move in between).
    public func rowIDs(_ sql: String, _ arguments: [Value]) throws -> [Int64] {
        try flushPending()
        return try Int64.fetchAll(db.cachedStatement(sql: sql), arguments: arguments.statementArguments)
    }

    private var memo: [String: Value] = [:]

    /// A value computed once per transaction (an organisation's kind, looked up for each of a
    /// hundred thousand imported members). Only for what the transaction itself does not change.
    public func cached(_ key: String, _ compute: () throws -> Value) rethrows -> Value {
        if let v = memo[key] { return v }
        let v = try compute()
        memo[key] = v
        return v
    }

    /// A single value from module-written read SQL (counts for rules). Values are bound, never pasted.
    public func scalar(_ sql: String, _ arguments: [Value] = []) throws -> Value {
        try flushPending()
        return try connectionScalar(sql, arguments)
    }

    /// Set by `Store.bulkWrite`: a connection of its own that reads the last commit.
    var snapshot: SnapshotReader?

    /// `scalar` over the rows stored before this write, not the ones still waiting (outside
    /// `Store.bulkWrite`, rows of this write already written count too): for an import asking
    /// whether a value is taken before the file (the file's own rows it checks itself), without
    /// writing the waiting rows one by one, and, in `Store.bulkWrite`, without waiting for the
    /// writing thread (a connection of its own reads the last commit).
    public func storedScalar(_ sql: String, _ arguments: [Value] = []) throws -> Value {
        if let snapshot { return try snapshot.scalar(sql, arguments) }
        try pending.idle()
        return try connectionScalar(sql, arguments)
    }

    /// Through the transaction's own connection (free of the writing thread: the caller waited).
    func connectionScalar(_ sql: String, _ arguments: [Value]) throws -> Value {
        guard let r = try Row.fetchOne(db.cachedStatement(sql: sql), arguments: arguments.statementArguments) else { return .null }
        return Value(r[0] as DatabaseValue)
    }

    // MARK: Helpers

    /// Inside `bulk(checkingReferences: true)` only inserted rows have their references checked.
    private func refuseUncheckedChange(_ entity: Entity) throws {
        guard checksReferences else { return }
        throw RuleViolation("E0703", vi: "lỗi nội bộ: không sửa hay xóa \(entity.name) khi nhập hàng loạt",
                            en: "internal error: no update or delete of \(entity.name) during a bulk load")
    }

    /// Writes every row that waits, `insert`'s first (their ids are given), then those bound to the
    /// prepared inserts; on return the connection is free (no thread writing).
    private func flushPending() throws {
        try pending.flush(db)
        for b in bulkInserts { try b.writeBound() }
    }

    /// Writes the rows waiting for `entity`'s table and the tables it refers to (lower ranks), before
    /// a read of one of its rows by id or an update of one: the rows of the tables that refer to it go
    /// on waiting, in batches as large as they get (a demo updating each cell after adding its
    /// members wrote them a few rows at a time: the province took 20 s). Parents are written with
    /// their table, never after it (a child written before its parent makes SQLite look for the
    /// children of every parent inserted later). Safe because an update never changes an id, and no
    /// trigger reads another table (checked: with one, everything is written first).
    private func flushPending(_ entity: Entity) throws {
        // Outside `bulk` nothing waits: no need to look at the schema's triggers.
        if pending.isClear && bulkInserts.isEmpty { return }
        guard tablesStandAlone else { return try flushPending() }
        let limit = rank(entity)
        try pending.flush(db, rankAtMost: limit)
        for b in bulkInserts {
            if let e = catalog.entity(b.entity), rank(e) <= limit { try b.writeBound() }
        }
    }

    /// No trigger but the audit's own (which refuse changes to it): an update touches its table alone.
    private lazy var tablesStandAlone: Bool = {
        let others = try? Int.fetchOne(db, sql: """
            SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name NOT IN ('audit', 'audit_changes')
            """)
        return others == 0
    }()

    private var ranks: [String: Int] = [:]

    /// 0 for an entity referencing no other, else one more than the highest it references: the
    /// order waiting rows are written in. A cycle counts its closing reference as none.
    private func rank(_ entity: Entity, _ visiting: Set<String> = []) -> Int {
        if let r = ranks[entity.name] { return r }
        var r = 0
        for field in entity.fields {
            guard case .reference(let target) = field.type, target != entity.name, !visiting.contains(target),
                  let other = catalog.entity(target) else { continue }
            r = max(r, rank(other, visiting.union([entity.name])) + 1)
        }
        if visiting.isEmpty { ranks[entity.name] = r }
        return r
    }

    private func writable(_ name: String) throws -> Entity {
        guard let e = catalog.entity(name) else { throw unknownEntity(name) }
        guard !e.readOnly else {
            throw RuleViolation("E0390", vi: "bảng \(name) chỉ đọc, không sửa được", en: "\(name) is read-only")
        }
        return e
    }

    private func unknownEntity(_ name: String) -> RuleViolation {
        RuleViolation("E0701", vi: "lỗi nội bộ: không có bảng \(name)", en: "internal error: no entity \(name)")
    }

    /// What writing each entity needs, worked out on its first write (see EntityWriting).
    private var writings: [String: EntityWriting] = [:]

    private func writing(_ name: String) throws -> EntityWriting {
        if let w = writings[name] { return w }
        let entity = try writable(name)
        let w = EntityWriting(entity: entity, rank: rank(entity))
        writings[name] = w
        return w
    }

    private func record(_ entity: Entity, id: Int64, op: String, before: [(String, Value)]?, after: [(String, Value)]?) throws {
        let audit = try currentAuditID()
        try db.cachedStatement(sql: """
            INSERT INTO audit_changes (audit_id, entity, row_id, op, before, after) VALUES (?, ?, ?, ?, ?, ?)
            """).execute(arguments: [audit, entity.name, id, op, before.map(JSON.object), after.map(JSON.object)])
        changeCount += 1
    }

    /// The audit entry is created with the first change, so a statement that changes nothing
    /// leaves no entry.
    private func currentAuditID() throws -> Int64 {
        if let auditID { return auditID }
        try db.execute(sql: "INSERT INTO audit (at, user, statement, source) VALUES (?, ?, ?, ?)",
                       arguments: [Self.timestamp(), origin.user, VietnameseText.nfc(origin.statement), origin.source])
        auditID = db.lastInsertedRowID
        return auditID!
    }

    static func timestamp(_ date: Date = Date()) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.string(from: date)
    }
}
