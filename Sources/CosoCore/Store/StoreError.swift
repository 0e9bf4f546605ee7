/// Why the store could not open or migrate a database.
public enum StoreError: Error, Sendable, CustomStringConvertible {
    case newerDatabase(path: String, detail: String)
    case cannotOpen(path: String, reason: String)
    case migrationFailed(module: String, number: Int, reason: String)
    case interrupted
    case engine(String)
    case transaction(String)

    public var description: String {
        switch self {
        case .newerDatabase(let path, let detail):
            return "\(path) was made by a newer coso (\(detail)); open it with that version or upgrade coso. Nothing was changed."
        case .cannotOpen(let path, let reason):
            return "cannot open the database \(path): \(reason)"
        case .migrationFailed(let m, let n, let reason):
            return "migration \(n) of module '\(m)' failed: \(reason); the database was left unchanged"
        case .interrupted:
            return "interrupted"
        case .engine(let message):
            return "database error: \(message)"
        case .transaction(let message):
            return message
        }
    }
}
