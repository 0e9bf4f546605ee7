import CosoCore

/// `target T10 | detail`: the target's numerator and denominator counted per organisation (the
/// path the target names, such as a village cell's `parent`), with how many rows each
/// organisation is short of the goal on its own: the ones that pull the figure down come first.
struct TargetDetail {
    let query: TargetQuery
    let target: TargetDefinition
    let period: TargetPeriod
    let span: SourceSpan

    func sql() throws(Diagnostic) -> (String, [Value]) {
        guard let counted = target.counted, let countedOrg = target.countedOrg else {
            throw Diagnostic("E0807", Label(vi: "chỉ tiêu \(target.code) không tính được theo từng tổ chức",
                                            en: "target \(target.code) cannot be broken down by organisation"), span: span)
        }
        guard period.measures(target) else {
            throw Diagnostic("E0808", Label(vi: "chưa có dữ liệu của chỉ tiêu \(target.code) cho năm \(period.year)",
                                            en: "no data for target \(target.code) in \(period.year)"), span: span,
                             help: Label(vi: "thử năm khác: target \(target.code) \(period.today.year - 1) | detail",
                                         en: "try another year: target \(target.code) \(period.today.year - 1) | detail"))
        }
        let n = try grouped(counted, by: countedOrg, distinct: target.distinct)
        guard let base = target.base, let baseOrg = target.baseOrg else {
            let shortfall = target.goal == .decrease ? "n.c1" : "0"
            return ("SELECT n.c0 AS id, n.c0 AS org_id, n.c1 AS numerator, NULL AS denominator, NULL AS value, \(shortfall) AS shortfall "
                    + "FROM (\(n.sql)) AS n WHERE n.c0 IS NOT NULL", n.binds)
        }
        let d = try grouped(base, by: baseOrg, sum: target.baseSum)
        let (lo, hi) = target.goal.bounds
        let num = "coalesce(n.c1, 0)"
        // How many more counted rows the organisation needs to reach the goal by itself (or, for
        // a ceiling or a count that should fall, how many rows too many).
        let needed = "(? * d.c1 / 100.0)"
        let shortfall: String
        var binds: [Value] = []
        switch target.goal {
        case .atLeast, .between:
            shortfall = "max(0, CAST(\(needed) AS INTEGER) + (\(needed) > CAST(\(needed) AS INTEGER)) - \(num))"
            binds = Array(repeating: lo.map(Value.double) ?? .null, count: 3)
        case .moreThan:
            shortfall = "max(0, CAST(\(needed) AS INTEGER) + 1 - \(num))"
            binds = [lo.map(Value.double) ?? .null]
        case .atMost:
            shortfall = "max(0, \(num) - CAST(\(needed) AS INTEGER))"
            binds = [hi.map(Value.double) ?? .null]
        case .decrease: shortfall = num
        case .increase: shortfall = "d.c1 - \(num)"
        }
        let sql = "SELECT d.c0 AS id, d.c0 AS org_id, \(num) AS numerator, d.c1 AS denominator, "
            + "round(100.0 * \(num) / d.c1, 1) AS value, \(shortfall) AS shortfall "
            + "FROM (\(d.sql)) AS d LEFT JOIN (\(n.sql)) AS n ON n.c0 = d.c0 WHERE d.c0 IS NOT NULL"
        return (sql, binds + d.binds + n.binds)
    }

    /// `pipeline | summarize n: count() by key: PATH.id`: columns c0 (the organisation) and c1.
    /// (`count_distinct(FIELD)` when the target counts distinct values.)
    private func grouped(_ text: String, by path: String, distinct: String? = nil, sum: String? = nil) throws(Diagnostic) -> CompiledQuery {
        let p = try TargetQuery.parse(text, target, span)
        let s = p.span
        // An empty path: the counted rows are organisations themselves.
        let names = (path.split(separator: ".").map(String.init) + ["id"]).map { Name(text: $0, span: s) }
        let stage = Stage(keyword: Name(text: "summarize", span: s),
                          kind: .summarize([TargetQuery.counter(distinct, sum: sum, s)],
                                           by: [SelectItem(alias: Name(text: "key", span: s), expr: Expr(.path(names), s))]), span: s)
        // Grouped columns come out key first: c0 the organisation, c1 the count.
        return try query.rows(Pipeline(elements: p.elements + [.stage(stage)], span: s), target, period)
    }
}
