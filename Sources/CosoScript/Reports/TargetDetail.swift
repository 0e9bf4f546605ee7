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
        // Counted rows that are the base's rows meeting one more condition (T5b: the year's
        // ratings, good or better) are counted in the same pass: one scan, not two.
        let merged = countedOrg == baseOrg && target.distinct == nil && target.baseSum == nil
            ? try TargetDetail.narrowing(base: base, counted: counted, target, span) : nil
        let d: CompiledQuery
        if let merged { d = try grouped(base, by: baseOrg, narrowedBy: merged) } else { d = try grouped(base, by: baseOrg, sum: target.baseSum) }
        let (lo, hi) = target.goal.bounds
        let num = merged == nil ? "coalesce(n.c1, 0)" : "d.c2"
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
        let from = merged == nil ? "FROM (\(d.sql)) AS d LEFT JOIN (\(n.sql)) AS n ON n.c0 = d.c0" : "FROM (\(d.sql)) AS d"
        let sql = "SELECT d.c0 AS id, d.c0 AS org_id, \(num) AS numerator, d.c1 AS denominator, "
            + "round(100.0 * \(num) / d.c1, 1) AS value, \(shortfall) AS shortfall "
            + "\(from) WHERE d.c0 IS NOT NULL"
        return (sql, binds + d.binds + (merged == nil ? n.binds : []))
    }

    /// What the counted pipeline asks beyond the base, when it is the base's one source and
    /// `where` with more conditions joined by `and` (every condition of the base among its own):
    /// the counted rows are then exactly the base's rows that meet those further conditions.
    static func narrowing(base: String, counted: String, _ t: TargetDefinition, _ span: SourceSpan) throws(Diagnostic) -> Expr? {
        let b = try TargetQuery.parse(base, t, span), c = try TargetQuery.parse(counted, t, span)
        guard b.elements.count == 2, c.elements.count == 2, case .call(let bSource) = b.elements[0], case .call(let cSource) = c.elements[0],
              ASTPrinter.print(.call(bSource)) == ASTPrinter.print(.call(cSource)),
              case .stage(let bStage) = b.elements[1], case .where(let bWhere) = bStage.kind,
              case .stage(let cStage) = c.elements[1], case .where(let cWhere) = cStage.kind else { return nil }
        func conjuncts(_ e: Expr) -> [Expr] {
            if case .binary("and", let l, let r) = e.kind { return conjuncts(l) + conjuncts(r) }
            return [e]
        }
        let required = Set(conjuncts(bWhere).map(ASTPrinter.print))
        var rest = conjuncts(cWhere)
        guard required.isSubset(of: Set(rest.map(ASTPrinter.print))) else { return nil }
        rest.removeAll { required.contains(ASTPrinter.print($0)) }
        guard let first = rest.first else { return nil }
        return rest.dropFirst().reduce(first) { Expr(.binary("and", $0, $1), $1.span) }
    }

    /// `pipeline | summarize d: count(), n: count(CONDITION) by key: PATH.id`: columns c0 (the
    /// organisation), c1 (its rows) and c2 (those meeting the condition).
    private func grouped(_ text: String, by path: String, narrowedBy condition: Expr) throws(Diagnostic) -> CompiledQuery {
        try grouped(text, by: path) { s in
            [SelectItem(alias: Name(text: "d", span: s), expr: Expr(.call(Name(text: "count", span: s), []), s)),
             SelectItem(alias: Name(text: "n", span: s), expr: Expr(.call(Name(text: "count", span: s), [condition]), s))]
        }
    }

    /// `pipeline | summarize n: count() by key: PATH.id`: columns c0 (the organisation) and c1.
    /// (`count_distinct(FIELD)` when the target counts distinct values.)
    private func grouped(_ text: String, by path: String, distinct: String? = nil, sum: String? = nil) throws(Diagnostic) -> CompiledQuery {
        try grouped(text, by: path) { s in [TargetQuery.counter(distinct, sum: sum, s)] }
    }

    /// `pipeline | summarize ITEMS by key: PATH.id`: grouped columns come out key first, c0 the
    /// organisation, then the items. (An empty path: the counted rows are organisations themselves.)
    private func grouped(_ text: String, by path: String, _ items: (SourceSpan) -> [SelectItem]) throws(Diagnostic) -> CompiledQuery {
        let p = try TargetQuery.parse(text, target, span)
        let s = p.span
        let names = (path.split(separator: ".").map(String.init) + ["id"]).map { Name(text: $0, span: s) }
        let stage = Stage(keyword: Name(text: "summarize", span: s),
                          kind: .summarize(items(s), by: [SelectItem(alias: Name(text: "key", span: s), expr: Expr(.path(names), s))]), span: s)
        return try query.rows(Pipeline(elements: p.elements + [.stage(stage)], span: s), target, period)
    }
}
