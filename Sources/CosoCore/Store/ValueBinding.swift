import GRDB

extension Value {
    /// The stored form: text is NFC, dates ISO text, booleans 0/1.
    var databaseValue: DatabaseValue {
        switch self {
        case .null: return .null
        case .int(let v): return v.databaseValue
        case .double(let v): return v.databaseValue
        case .text(let s): return VietnameseText.nfc(s).databaseValue
        case .date(let d): return d.iso.databaseValue
        case .bool(let b): return (b ? 1 : 0).databaseValue
        }
    }

    init(_ dbValue: DatabaseValue) {
        switch dbValue.storage {
        case .null: self = .null
        case .int64(let v): self = .int(v)
        case .double(let v): self = .double(v)
        case .string(let s): self = .text(s)
        case .blob: self = .text("<blob>")
        }
    }
}

extension Array where Element == Value {
    // A closure, not the key path `\.databaseValue`: a key path here is built at run time, per call.
    var statementArguments: StatementArguments { StatementArguments(map { $0.databaseValue }) }
}
