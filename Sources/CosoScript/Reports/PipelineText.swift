import CosoCore

/// A query that a module declared (or staff stored) as text: a target's numerator, a statistics
/// table, `target add counted: "..."`. Parsed and planned like typed input, at a period's
/// `$year`, `$date`, `$year_start` and `$year_end`.
enum PipelineText {
    /// The one pipeline `text` holds.
    static func parse(_ text: String) throws(Diagnostic) -> Pipeline {
        let statements = try Parser.parse(text)
        guard statements.count == 1, case .pipeline(let p) = statements[0] else { throw notAQuery }
        return p
    }

    /// Plans `pipeline` with the period's variables; it must be a query, not a command.
    static func plan(_ pipeline: Pipeline, _ planner: Planner, at period: TargetPeriod) throws(Diagnostic) -> CompiledQuery {
        var planner = planner
        planner.variables.merge(period.variables) { _, new in new }
        guard case .query(let q) = try planner.plan(pipeline) else { throw notAQuery }
        return q
    }

    static let notAQuery = Diagnostic("E0801", Label(vi: "cần một truy vấn (BẢNG | where ...), không phải một lệnh",
                                                     en: "needs a query (ENTITY | where ...), not a command"))
}
