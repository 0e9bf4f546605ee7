/// A minimal JSON writer for values and rows (audit snapshots, `.mode json`), with keys in a
/// stable order so that snapshots and tests compare byte for byte.
public enum JSON {
    public static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    public static func encode(_ v: Value) -> String {
        switch v {
        case .null: return "null"
        case .int(let i): return String(i)
        case .double(let d): return d.isFinite ? Value.format(double: d) : "null"
        case .text(let s): return quote(s)
        case .date(let d): return quote(d.iso)
        case .bool(let b): return b ? "true" : "false"
        }
    }

    /// An object with the given keys in the given order.
    public static func object(_ pairs: [(String, Value)]) -> String {
        "{" + pairs.map { quote($0.0) + ":" + encode($0.1) }.joined(separator: ",") + "}"
    }
}
