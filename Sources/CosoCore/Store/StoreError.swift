/// Why the store could not open or migrate a database.
public enum StoreError: Error, Sendable, CustomStringConvertible {
    case newerDatabase(path: String, detail: String)
    case cannotOpen(path: String, reason: String)
    case migrationFailed(module: String, number: Int, reason: String)
    /// A table could not be brought to its declared form (`SchemaReconciler`).
    case schemaFailed(table: String, reason: String)
    /// A module declares an entity the store cannot make a table of (the module's mistake).
    case invalidDeclaration(String)
    case interrupted
    case engine(String)
    case transaction(String)
    /// Another connection held the register for writing longer than the store waits (10 s);
    /// `holder` is who, when they left a note (`WriteHolder`).
    case busy(holder: WriteHolder?)

    public var description: String {
        switch self {
        case .newerDatabase(let path, let detail):
            return "\(path) was made by a newer coso (\(detail)); open it with that version or upgrade coso. Nothing was changed."
        case .cannotOpen(let path, let reason):
            return "cannot open the database \(path): \(reason)"
        case .migrationFailed(let m, let n, let reason):
            return "migration \(n) of module '\(m)' failed: \(reason); the database was left unchanged"
        case .schemaFailed(let table, let reason):
            return "the table \(table) cannot take the form its module declares: \(reason); the database was left unchanged"
        case .invalidDeclaration(let reason):
            return "a module's declaration is wrong: \(reason); nothing was changed"
        case .interrupted:
            return "interrupted"
        case .engine(let message):
            return "database error: \(message)"
        case .transaction(let message):
            return message
        case .busy(let holder):
            return "the register is being written by another session" + (holder.map { " (\($0.user), \($0.source), since \($0.since))" } ?? "")
        }
    }
}
