import GRDB
import GRDBSQLite

/// A prepared INSERT for loading millions of rows: values bound by position straight into SQLite,
/// no dictionary, no `Value` boxing, no per-row audit. Only inside `WriteTransaction.bulk`, whose
/// audit entry records the inserted ids as one range per entity.
///
/// Rows go in `rowsPerStatement` at a time, through one statement (`INSERT ... SELECT * FROM
/// (VALUES (...), (...), ...) LIMIT ?`, the limit leaving out the rows not bound when fewer
/// remain): each execution of an INSERT opens its cursors again, which cost a load of two million
/// ratings 2.95 s one row at a time and 1.4 s fifty at a time. A row is therefore not in the table
/// when `step` returns; the transaction writes what is bound before anything that reads or gives
/// ids (`WriteTransaction.flushPending`), at the end of `bulk`, or when the caller asks (`writeBound`).
/// A row's binds and its `step` therefore go together, with no other use of the transaction between
/// them (a write in the middle would clear the row's first values; debug builds stop there).
///
/// Text goes in as given: the caller passes NFC text and the folded and sort-key shadow columns
/// it computed with `VietnameseText` (a generator computes each distinct name once).
public final class BulkInsert {
    private let statement: Statement
    private let handle: OpaquePointer
    let entity: String
    /// The rows `insert` keeps waiting, written before these (SQLite would otherwise give their
    /// ids again); `writeWaiting` writes them and waits for the writing thread, if any.
    private let pending: PendingInserts
    private let writeWaiting: () throws -> Void
    /// The ids inserted since the transaction last took them (`takeRange`): kept here rather than
    /// told to the transaction at every row, which cost a country-size load seconds of hashing.
    private var range: (first: Int64, last: Int64, count: Int)?
    /// The columns, in binding order (1-based positions follow it).
    public let columns: [String]
    public let rowsPerStatement: Int
    /// Rows bound and not yet written, and where the next row's values go.
    private var bound = 0, offset: Int32 = 0
    /// Where `id` is bound when the caller gives ids (the range is then of the ids given).
    private let idPosition: Int32?
    private var givenIDs: (first: Int64, last: Int64)?
    /// A failed statement may have written some of its rows: after it, this refuses to go on (the
    /// end of `bulk` meets the error again), so the transaction cannot commit them.
    private var failure: StoreError?
    /// The bound rows' text, until their statement runs.
    private let texts = TextArena()
    /// Values are bound for a row not yet ended by `step`.
    private var rowOpen = false

    init(db: Database, entity: Entity, columns: [String], pending: PendingInserts,
         writeWaiting: @escaping () throws -> Void) throws {
        let known = Set(entity.fields.flatMap { [$0.column] + [$0.foldedColumn, $0.sortColumn].compactMap { $0 } })
        for c in columns where !known.contains(c) {
            throw RuleViolation("E0702", vi: "lỗi nội bộ: \(entity.name) không có cột \(c)", en: "internal error: \(entity.name) has no column \(c)")
        }
        // SQLite takes at most 32,766 values per statement.
        rowsPerStatement = max(1, min(64, 32_000 / max(1, columns.count)))
        let row = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        // `OR FAIL`: without it SQLite keeps a statement journal (a copy of every page a statement
        // touches, to undo it alone); a failed statement fails the whole transaction instead.
        let sql = "INSERT OR FAIL INTO \(entity.table) (\(columns.joined(separator: ", "))) SELECT * FROM (VALUES "
            + Array(repeating: row, count: rowsPerStatement).joined(separator: ", ") + ") LIMIT ?"
        statement = try db.makeStatement(sql: sql)
        handle = statement.sqliteStatement
        self.entity = entity.name
        self.columns = columns
        self.pending = pending
        self.writeWaiting = writeWaiting
        idPosition = columns.firstIndex(of: "id").map { Int32($0 + 1) }
    }

    /// The ids inserted since the last call (lowest, highest, how many), nil if none.
    func takeRange() -> (first: Int64, last: Int64, count: Int)? {
        defer { range = nil }
        return range
    }

    public func bind(_ position: Int32, _ value: Int64) {
        noteGivenID(position, value)
        rowOpen = true
        sqlite3_bind_int64(handle, offset + position, value)
    }
    public func bind(_ position: Int32, _ value: Int) { bind(position, Int64(value)) }

    /// Widens the range of ids the caller gave when `position` is the id's.
    private func noteGivenID(_ position: Int32, _ value: Int64) {
        if position == idPosition { givenIDs = (min(givenIDs?.first ?? value, value), max(givenIDs?.last ?? value, value)) }
    }
    public func bind(_ position: Int32, _ value: Bool) { rowOpen = true; sqlite3_bind_int64(handle, offset + position, value ? 1 : 0) }
    public func bind(_ position: Int32, _ value: String) {
        rowOpen = true
        var text = value
        text.withUTF8 { bytes in
            _ = sqlite3_bind_text(handle, offset + position, texts.copy(UnsafeRawBufferPointer(bytes)), Int32(bytes.count), RawBinding.static)
        }
    }
    public func bind(_ position: Int32, _ value: String?) {
        if let value { bind(position, value) } else { rowOpen = true; sqlite3_bind_null(handle, offset + position) }
    }
    public func bind(_ position: Int32, _ value: Int64?) {
        if let value { bind(position, value) } else { rowOpen = true; sqlite3_bind_null(handle, offset + position) }
    }
    /// A date as its ISO text, written without building a String.
    public func bind(_ position: Int32, _ value: LocalDate?) {
        guard let iso = value?.isoBytes else { bind(position, value?.iso); return }
        rowOpen = true
        withUnsafeBytes(of: iso) { b in
            _ = sqlite3_bind_text(handle, offset + position, texts.copy(b), 10, RawBinding.static)
        }
    }

    /// Writes every row of `rows` (made for this insert's columns, in their order), binding their
    /// text where it lies, then writes what is bound (no binding may outlive `rows`' buffer).
    public func write(_ rows: BulkRows) throws {
        precondition(rows.width == columns.count, "\(entity): rows of \(rows.width) values for \(columns.count) columns")
        precondition(rows.isComplete, "\(entity): a row is missing values")
        precondition(!rowOpen, "\(entity): rows written while one was half bound")
        guard !rows.isEmpty else { return }
        let width = rows.width
        try rows.bytes.withUnsafeBufferPointer { buffer in
            // Never null, even for no text at all (SQLite would take a null pointer for NULL).
            let base = UnsafeRawPointer(buffer.baseAddress) ?? UnsafeRawPointer(("" as StaticString).utf8Start)
            try rows.cells.withUnsafeBufferPointer { cells in
                var i = 0
                while i < cells.count {
                    for position in 1...Int32(width) {
                        switch cells[i] {
                        case .null:
                            sqlite3_bind_null(handle, offset + position)
                        case .int(let value):
                            noteGivenID(position, value)
                            sqlite3_bind_int64(handle, offset + position, value)
                        case .text(let start, let count):
                            sqlite3_bind_text(handle, offset + position, (base + Int(start)).assumingMemoryBound(to: CChar.self), count, RawBinding.static)
                        }
                        i += 1
                    }
                    try step()
                }
            }
            try writeBound()
        }
    }

    /// Ends the row bound: the next binds go to the next row. Rows are written `rowsPerStatement`
    /// at a time (see above).
    public func step() throws {
        if let failure { throw failure }
        rowOpen = false
        bound += 1
        offset += Int32(columns.count)
        if bound == rowsPerStatement { try writeBound() }
    }

    /// Writes the rows bound so far. A caller loading tables that reference each other writes a
    /// table's rows before those of the next (with foreign keys deferred, every row inserted while a
    /// reference points nowhere makes SQLite look for the rows that reference it).
    public func writeBound() throws {
        if let failure { throw failure }
        assert(!rowOpen, "\(entity): rows written while one was half bound")
        guard bound > 0 else { return }
        if !pending.isClear { try writeWaiting() }
        let count = bound
        sqlite3_bind_int64(handle, Int32(rowsPerStatement * columns.count + 1), Int64(count))
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        texts.reset()
        bound = 0; offset = 0
        guard code == SQLITE_DONE else {
            let message = String(cString: sqlite3_errmsg(sqlite3_db_handle(handle)))
            failure = StoreError.engine("\(entity): \(message)")
            throw failure!
        }
        // Ids given by the caller, or given by SQLite one after the other, ending at the last.
        let ids: (first: Int64, last: Int64)
        if let givenIDs { ids = givenIDs; self.givenIDs = nil } else {
            let last = sqlite3_last_insert_rowid(sqlite3_db_handle(handle))
            ids = (last - Int64(count) + 1, last)
        }
        if let r = range { range = (min(r.first, ids.first), max(r.last, ids.last), r.count + count) } else { range = (ids.first, ids.last, count) }
    }
}

/// Binding straight through the SQLite C API, for the bulk paths.
enum RawBinding {
    /// SQLite copies the bytes before `bind` returns.
    static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
    /// SQLite reads the bytes where they are, until the binding is cleared.
    static let `static`: sqlite3_destructor_type? = nil

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
