import CosoCore

/// The planner's one seam for access control: a condition added wherever a query reads an
/// entity's rows: the pipeline's source, every join a path makes, every back-reference count.
/// (Who may see what comes later; this is where it will plug in.)
public protocol RowFilter: Sendable {
    /// SQL over `alias` (catalogue identifiers only; values bound) that a visible row satisfies,
    /// or nil when every row of `entity` is visible.
    func condition(for entity: Entity, alias: String) -> (sql: String, binds: [Value])?
}
