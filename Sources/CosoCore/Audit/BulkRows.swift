/// Rows of one table made ready for `BulkInsert.write(_:)`: every value in column order, text as
/// UTF-8 bytes in one buffer. Made on one thread (a generator's), written on another.
///
/// Why: binding a row's `String`s one by one on the writing thread (the thread SQLite's own work
/// keeps busy throughout a country-size load) cost it a sixth of its time in copying text into
/// the statement's arena, retaining and releasing each string and freeing the rows afterwards.
/// Here the making thread does the copying, and the writing thread binds the bytes where they
/// are (they live as long as `write` runs) and frees two arrays per table.
public struct BulkRows: Sendable {
    enum Cell: Sendable {
        case null
        case int(Int64)
        /// Bytes `start..<start + count` of `bytes`.
        case text(start: Int32, count: Int32)
    }

    /// Values per row: the `BulkInsert`'s columns, in its order.
    public let width: Int
    private(set) var cells: [Cell] = []
    private(set) var bytes: [UInt8] = []

    public init(width: Int) {
        precondition(width > 0, "a row has at least one value")
        self.width = width
    }

    /// Rows complete so far.
    public var count: Int { cells.count / width }
    public var isEmpty: Bool { cells.isEmpty }
    /// Every row has all its values.
    var isComplete: Bool { cells.count % width == 0 }

    public mutating func reserveCapacity(rows: Int, textBytes: Int) {
        cells.reserveCapacity(rows * width)
        bytes.reserveCapacity(textBytes)
    }

    public mutating func append(_ value: Int64) { cells.append(.int(value)) }
    public mutating func append(_ value: Int) { cells.append(.int(Int64(value))) }
    public mutating func append(_ value: Bool) { cells.append(.int(value ? 1 : 0)) }
    public mutating func append(_ value: Int64?) { cells.append(value.map { .int($0) } ?? .null) }

    public mutating func append(_ value: String) {
        let start = Int32(truncatingIfNeeded: bytes.count)
        bytes.append(contentsOf: value.utf8)
        precondition(bytes.count <= Int32.max, "a table's text in one batch exceeds 2 GB")
        cells.append(.text(start: start, count: Int32(bytes.count) - start))
    }

    public mutating func append(_ value: String?) {
        if let value { append(value) } else { cells.append(.null) }
    }

    /// A date as its ISO text (`2024-05-19`).
    public mutating func append(_ value: LocalDate?) {
        guard let d = value else { cells.append(.null); return }
        guard let iso = d.isoBytes else { append(d.iso); return }
        let start = Int32(truncatingIfNeeded: bytes.count)
        withUnsafeBytes(of: iso) { bytes.append(contentsOf: $0) }
        cells.append(.text(start: start, count: 10))
    }
}
