import Foundation

/// A value of the coso language and of the store.
///
/// Enum cases travel as `.text` holding their identifier (`village_cell`), dates as `.date`; the
/// store writes both as text, so the database stays readable from the stock `sqlite3` shell.
public enum Value: Hashable, Sendable, CustomStringConvertible {
    case null
    case int(Int64)
    case double(Double)
    case text(String)
    case date(LocalDate)
    case bool(Bool)

    public var description: String {
        switch self {
        case .null: return ""
        case .int(let v): return String(v)
        case .double(let v): return Value.format(double: v)
        case .text(let s): return s
        case .date(let d): return d.iso
        case .bool(let b): return b ? "true" : "false"
        }
    }

    public var isNull: Bool { if case .null = self { return true } else { return false } }

    public var textValue: String? { if case .text(let s) = self { return s } else { return nil } }
    public var isText: Bool { if case .text = self { return true } else { return false } }
    /// A stored boolean as SQLite returns it (`true`, or a non-zero integer); anything else is false.
    public var isTrue: Bool { intValue.map { $0 != 0 } ?? false }

    public var intValue: Int64? {
        switch self {
        case .int(let v): return v
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }
    public var doubleValue: Double? {
        switch self {
        case .double(let d): return d
        case .int(let v): return Double(v)
        default: return nil
        }
    }
    public var dateValue: LocalDate? {
        switch self {
        case .date(let d): return d
        case .text(let s): return LocalDate(iso: s)
        default: return nil
        }
    }

    /// The name of the value's kind, for messages ("expected a date, got text").
    public var kindName: String {
        switch self {
        case .null: return "null"
        case .int: return "int"
        case .double: return "decimal"
        case .text: return "text"
        case .date: return "date"
        case .bool: return "bool"
        }
    }

    static func format(double v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        var s = String(format: "%.4f", v)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }
}
