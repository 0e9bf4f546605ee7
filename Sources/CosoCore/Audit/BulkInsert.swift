import GRDB
import GRDBSQLite

/// A prepared INSERT for loading millions of rows: values bound by position straight into SQLite,
/// no dictionary, no `Value` boxing, no per-row audit. Only inside `WriteTransaction.bulk`, whose
/// audit entry records the inserted ids as one range per entity.
///
/// Text goes in as given: the caller passes NFC text and the folded and sort-key shadow columns
/// it computed with `VietnameseText` (a generator computes each distinct name once).
public final class BulkInsert {
    private let statement: Statement
    private let handle: OpaquePointer
    private let entity: String
    /// Run before each row (the transaction writes the rows `insert` keeps waiting, whose ids
    /// SQLite would otherwise give again).
    private let before: () throws -> Void
    private let record: (String, Int64) -> Void
    /// The columns, in binding order (1-based positions follow it).
    public let columns: [String]

    init(db: Database, entity: Entity, columns: [String], before: @escaping () throws -> Void,
         record: @escaping (String, Int64) -> Void) throws {
        let known = Set(entity.fields.flatMap { [$0.column] + [$0.foldedColumn, $0.sortColumn].compactMap { $0 } })
        for c in columns where !known.contains(c) {
            throw RuleViolation("E0702", vi: "lỗi nội bộ: \(entity.name) không có cột \(c)", en: "internal error: \(entity.name) has no column \(c)")
        }
        let sql = "INSERT INTO \(entity.table) (\(columns.joined(separator: ", "))) VALUES ("
            + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        statement = try db.makeStatement(sql: sql)
        handle = statement.sqliteStatement
        self.entity = entity.name
        self.columns = columns
        self.before = before
        self.record = record
    }

    public func bind(_ position: Int32, _ value: Int64) { sqlite3_bind_int64(handle, position, value) }
    public func bind(_ position: Int32, _ value: Int) { sqlite3_bind_int64(handle, position, Int64(value)) }
    public func bind(_ position: Int32, _ value: Bool) { sqlite3_bind_int64(handle, position, value ? 1 : 0) }
    public func bind(_ position: Int32, _ value: String) { RawBinding.text(handle, position, value) }
    public func bind(_ position: Int32, _ value: String?) {
        if let value { bind(position, value) } else { sqlite3_bind_null(handle, position) }
    }
    public func bind(_ position: Int32, _ value: Int64?) {
        if let value { bind(position, value) } else { sqlite3_bind_null(handle, position) }
    }
    /// A date as its ISO text, written without building a String.
    public func bind(_ position: Int32, _ value: LocalDate?) {
        guard let d = value, (0...9999).contains(d.year) else { bind(position, value?.iso); return }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 45, 0, 0, 45, 0, 0)
        withUnsafeMutableBytes(of: &digits) { b in
            b[0] = 48 + UInt8(d.year / 1000); b[1] = 48 + UInt8(d.year / 100 % 10); b[2] = 48 + UInt8(d.year / 10 % 10); b[3] = 48 + UInt8(d.year % 10)
            b[5] = 48 + UInt8(d.month / 10); b[6] = 48 + UInt8(d.month % 10); b[8] = 48 + UInt8(d.day / 10); b[9] = 48 + UInt8(d.day % 10)
            _ = sqlite3_bind_text(handle, position, b.baseAddress!.assumingMemoryBound(to: CChar.self), 10, RawBinding.transient)
        }
    }

    /// Inserts the bound row and clears the bindings; returns the new row's id.
    @discardableResult
    public func step() throws -> Int64 {
        try before()
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        guard code == SQLITE_DONE else {
            let message = String(cString: sqlite3_errmsg(sqlite3_db_handle(handle)))
            throw StoreError.engine("\(entity): \(message)")
        }
        let id = sqlite3_last_insert_rowid(sqlite3_db_handle(handle))
        record(entity, id)
        return id
    }
}

/// Binding straight through the SQLite C API, for the bulk paths.
enum RawBinding {
    /// SQLite copies the bytes before `bind` returns.
    static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    static func text(_ handle: OpaquePointer, _ position: Int32, _ value: String) {
        // An empty buffer may have no address, which SQLite would take for NULL.
        if value.isEmpty { sqlite3_bind_text(handle, position, "", 0, transient); return }
        var text = value
        text.withUTF8 { bytes in
            _ = bytes.withMemoryRebound(to: CChar.self) { sqlite3_bind_text(handle, position, $0.baseAddress, Int32($0.count), transient) }
        }
    }

    static func value(_ handle: OpaquePointer, _ position: Int32, _ value: DatabaseValue) {
        switch value.storage {
        case .null: sqlite3_bind_null(handle, position)
        case .int64(let v): sqlite3_bind_int64(handle, position, v)
        case .double(let v): sqlite3_bind_double(handle, position, v)
        case .string(let s): text(handle, position, s)
        case .blob(let data): _ = data.withUnsafeBytes { sqlite3_bind_blob(handle, position, $0.baseAddress, Int32($0.count), transient) }
        }
    }
}
