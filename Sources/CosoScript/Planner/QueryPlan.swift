import CosoCore

/// One SQL statement with its bound values, and how to present its result.
public struct CompiledQuery: Sendable {
    public enum Shape: Sendable { case rows, scalar }
    public let sql: String
    public let binds: [Value]
    public let columns: [ResultColumn]
    public let shape: Shape
    /// Set by a final `save "FILE"`: the rows go to that file.
    public var saveTo: String?

    /// How `.sql` prints it: the statement, then the bound values in order.
    public var explanation: String {
        var out = (saveTo.map { "-- save to \($0)\n" } ?? "") + sql
        if !binds.isEmpty {
            out += "\n-- binds: " + binds.map(JSON.encode).joined(separator: ", ")
        }
        return out
    }
}

/// A command ready to run: resolved, with typed arguments.
public struct CommandPlan: Sendable {
    public let command: Command
    public let arguments: [String: Value]
    /// Spans of each argument (and the command name under ""), to point at what a rule refused.
    public let spans: [String: SourceSpan]
    /// The ids of the input rows, when the command takes pipeline input.
    public let input: CompiledQuery?
}

public enum Plan: Sendable {
    case query(CompiledQuery)
    case command(CommandPlan)
    case correction(CorrectionPlan)
}
