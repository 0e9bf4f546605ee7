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
    /// Why: given with every correction (`update`, `void`), recorded in the audit entry.
    public let reason: String?
    public init(user: String, statement: String, source: String, today: LocalDate = .today(), reason: String? = nil) {
        self.user = user; self.statement = statement; self.source = source; self.today = today; self.reason = reason
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
    private(set) var auditID: Int64?
    public internal(set) var changeCount = 0
    /// Set by `bulk(_:)`: inserted ids are gathered per entity instead of one audit row each.
    var bulkRanges: [String: (first: Int64, last: Int64, count: Int)]?
    /// The day of the write (the session's): what "now" means to a rule.
    public var today: LocalDate { origin.today }
    /// Inside a bulk load (an import, a generator): rows are checked by their loader, and what
    /// follows from them written by it, not row by row.
    public var isBulk: Bool { bulkRanges != nil }
    /// Set inside `bulk(checkingReferences: true)`, where SQLite does not look at references.
    var checksReferences = false
    /// Set by an overlapped load: a connection of its own that reads the last commit.
    var snapshot: SnapshotReader?
    /// Rows `insert` keeps inside `bulk`, written a few thousand at a time, several hundred per statement.
    let pending = PendingInserts()
    /// The prepared inserts made inside `bulk`, whose ids are gathered from them when needed.
    var bulkInserts: [BulkInsert] = []

    init(db: Database, catalog: Catalog, origin: WriteOrigin) {
        self.db = db; self.catalog = catalog; self.origin = origin
    }

    // MARK: Writes

    /// Inserts a row of `entity`, its values keyed by its declared fields (a reference holds the id
    /// of the row it points at), and returns the new row's id. The row is first checked against the
    /// declaration and what the register holds (`RowValidator`, `checkStored`): a refusal names the
    /// field, and nothing is written. Recorded in the audit trail with the row as it was stored.
    @discardableResult
    public func insert(_ entity: Entity, _ values: [Field: Value]) throws -> Int64 {
        try insertRow(try writing(entity.name), values)
    }

    /// The same, by names (the importer and the loads of `BulkLoad`).
    @discardableResult
    func insert(_ entityName: String, _ values: [String: Value]) throws -> Int64 {
        try insertRow(try writing(entityName), values)
    }

    private func insertRow<Key: RowKey>(_ writing: EntityWriting, _ values: [Key: Value]) throws -> Int64 {
        let entityName = writing.entity.name
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
        try audit(writing.entity, id: id, op: "insert", before: nil, after: try row(entityName, id: id))
        return id
    }

    /// Changes fields of the row `id` of `entity`, checked as an insert is; recorded in the audit
    /// trail with the row before and after (a change that changes nothing is not recorded).
    public func update(_ entity: Entity, id: Int64, _ values: [Field: Value]) throws {
        try updateRow(try writing(entity.name), id: id, values)
    }

    /// The same, by names (`BulkLoad`).
    func update(_ entityName: String, id: Int64, _ values: [String: Value]) throws {
        try updateRow(try writing(entityName), id: id, values)
    }

    private func updateRow<Key: RowKey>(_ writing: EntityWriting, id: Int64, _ values: [Key: Value]) throws {
        let entity = writing.entity
        let entityName = entity.name
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
        try audit(entity, id: id, op: "update", before: before, after: after)
    }

    /// Deletes the row `id` of `entity`, recorded in the audit trail with the row as it was.
    public func delete(_ entity: Entity, id: Int64) throws {
        try delete(entity.name, id: id)
    }

    func delete(_ entityName: String, id: Int64) throws {
        let entity = try writable(entityName)
        try refuseUncheckedChange(entity)
        try flushPending()
        guard let before = try row(entityName, id: id) else { return }
        try db.execute(sql: "DELETE FROM \(entity.table) WHERE id = ?", arguments: [id])
        try audit(entity, id: id, op: "delete", before: before, after: nil)
    }

    // MARK: Reads inside the transaction

    /// The row `id` of `entity` as it stands inside the transaction (changes made in it included),
    /// nil when there is none.
    public func record(_ entity: Entity, id: Int64) throws -> Record? {
        try row(entity.name, id: id).map { Record(entity: entity, values: $0) }
    }

    /// The row `id` of `entity`, which must exist (E0301 names the entity and the id otherwise).
    public func require(_ entity: Entity, id: Int64) throws -> Record {
        guard let record = try record(entity, id: id) else {
            throw RuleViolation("E0301", vi: "không có \(entity.singular.vi) mã \(id)", en: "no \(entity.singular.en) with id \(id)")
        }
        return record
    }

    /// Ids of the rows of `entity` whose `field` holds `value` (NFC-normalised for text), in id order.
    public func ids(_ entity: Entity, where field: Field, equals value: Value) throws -> [Int64] {
        try ids(entity.name, where: field.name, equals: value)
    }

    /// A row by id, keyed by field name, in declaration order.
    func row(_ entityName: String, id: Int64) throws -> [(String, Value)]? {
        guard let entity = catalog.entity(entityName) else { throw unknownEntity(entityName) }
        try flushPending(entity)
        let cols = entity.fields.map(\.column)
        let sql = "SELECT \(cols.joined(separator: ", ")) FROM \(entity.table) WHERE id = ?"
        guard let r = try Row.fetchOne(db.cachedStatement(sql: sql), arguments: [id]) else { return nil }
        return entity.fields.enumerated().map { i, f in (f.name, Value(r[i] as DatabaseValue)) }
    }

    /// A row by id as a dictionary keyed by field name.
    func record(_ entityName: String, id: Int64) throws -> [String: Value]? {
        try row(entityName, id: id).map { Dictionary($0, uniquingKeysWith: { a, _ in a }) }
    }

    /// Ids of rows whose field equals a value (NFC-normalised for text), in id order.
    func ids(_ entityName: String, where fieldName: String, equals value: Value) throws -> [Int64] {
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

    /// Every row of a read query, inside the transaction. Values are bound, never pasted.
    public func rows(_ sql: String, _ arguments: [Value] = []) throws -> [[Value]] {
        try flushPending()
        return try Row.fetchAll(db.cachedStatement(sql: sql), arguments: arguments.statementArguments).map { r in
            (0..<r.count).map { Value(r[$0] as DatabaseValue) }
        }
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

    /// Through the transaction's own connection (free of the writing thread: the caller waited).
    func connectionScalar(_ sql: String, _ arguments: [Value]) throws -> Value {
        guard let r = try Row.fetchOne(db.cachedStatement(sql: sql), arguments: arguments.statementArguments) else { return .null }
        return Value(r[0] as DatabaseValue)
    }

    // MARK: Helpers

    /// Inside `bulk(checkingReferences: true)` only inserted rows have their references checked.
    func refuseUncheckedChange(_ entity: Entity) throws {
        guard checksReferences else { return }
        throw RuleViolation("E0703", vi: "lỗi nội bộ: không sửa hay xóa \(entity.name) khi nhập hàng loạt",
                            en: "internal error: no update or delete of \(entity.name) during a bulk load")
    }

    /// Writes every row that waits, `insert`'s first (their ids are given), then those bound to the
    /// prepared inserts; on return the connection is free (no thread writing).
    func flushPending() throws {
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
    func flushPending(_ entity: Entity) throws {
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
    func rank(_ entity: Entity, _ visiting: Set<String> = []) -> Int {
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

    func writable(_ name: String) throws -> Entity {
        guard let e = catalog.entity(name) else { throw unknownEntity(name) }
        guard !e.readOnly else {
            throw RuleViolation("E0390", vi: "bảng \(name) chỉ đọc, không sửa được", en: "\(name) is read-only")
        }
        return e
    }

    func unknownEntity(_ name: String) -> RuleViolation {
        RuleViolation("E0701", vi: "lỗi nội bộ: không có bảng \(name)", en: "internal error: no entity \(name)")
    }

    /// What writing each entity needs, worked out on its first write (see EntityWriting).
    var writings: [String: EntityWriting] = [:]

    func writing(_ name: String) throws -> EntityWriting {
        if let w = writings[name] { return w }
        let entity = try writable(name)
        let w = EntityWriting(entity: entity, rank: rank(entity))
        writings[name] = w
        return w
    }

    /// Every row the transaction changed (not those of a bulk load), once each, in the order they
    /// were first changed: what a write reports it touched.
    public private(set) var touched: [(entity: String, id: Int64)] = []
    private var touchedKeys: Set<String> = []

    private func audit(_ entity: Entity, id: Int64, op: String, before: [(String, Value)]?, after: [(String, Value)]?) throws {
        if touchedKeys.insert("\(entity.name)#\(id)").inserted { touched.append((entity.name, id)) }
        let audit = try currentAuditID()
        try db.cachedStatement(sql: """
            INSERT INTO audit_changes (audit_id, entity, row_id, op, before, after) VALUES (?, ?, ?, ?, ?, ?)
            """).execute(arguments: [audit, entity.name, id, op, before.map(JSON.object), after.map(JSON.object)])
        changeCount += 1
    }

    /// The audit entry is created with the first change, so a statement that changes nothing
    /// leaves no entry.
    func currentAuditID() throws -> Int64 {
        if let auditID { return auditID }
        try db.execute(sql: "INSERT INTO audit (at, user, statement, source, reason) VALUES (?, ?, ?, ?, ?)",
                       arguments: [Self.timestamp(), origin.user, VietnameseText.nfc(origin.statement), origin.source,
                                   origin.reason.map(VietnameseText.nfc)])
        auditID = db.lastInsertedRowID
        return auditID!
    }

    static func timestamp(_ date: Date = Date()) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.string(from: date)
    }
}
