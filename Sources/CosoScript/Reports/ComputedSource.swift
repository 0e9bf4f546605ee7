import CosoCore

/// A source the session computes rather than reads from a table: `targets 2024`, `target T10 |
/// detail`. It reads its own arguments (and may take the stages right after it that belong to
/// it, such as `detail`), and gives rows shaped like `entity` as one SELECT with bound values;
/// the planner then applies the remaining stages to them like to any other source.
public protocol ComputedSource: Sendable {
    func resolve(_ call: Call, following: [Element], planner: Planner) throws(Diagnostic) -> ComputedRows
}

public struct ComputedRows: Sendable {
    /// The shape of the rows (its fields name the SELECT's columns).
    public let entity: Entity
    public let sql: String
    public let binds: [Value]
    /// How many of the following pipeline elements the source took (`detail`).
    public let consumed: Int
    /// The order rows come in (columns, `-` before one for descending) unless a `sort` says
    /// otherwise; its keys then break the sort's ties. (An ORDER BY inside the source would not
    /// survive the joins a path adds.)
    public let order: [String]

    public init(entity: Entity, sql: String, binds: [Value], consumed: Int = 0, order: [String] = ["id"]) {
        self.entity = entity; self.sql = sql; self.binds = binds; self.consumed = consumed; self.order = order
    }
}

/// Two row filters at once (the session's access control and a part of the tree).
struct BothFilters: RowFilter {
    let first: any RowFilter
    let second: any RowFilter

    func condition(for entity: Entity, alias: String) -> (sql: String, binds: [Value])? {
        switch (first.condition(for: entity, alias: alias), second.condition(for: entity, alias: alias)) {
        case let (a?, b?): return ("(\(a.sql)) AND (\(b.sql))", a.binds + b.binds)
        case let (a?, nil): return a
        case let (nil, b?): return b
        case (nil, nil): return nil
        }
    }
}
