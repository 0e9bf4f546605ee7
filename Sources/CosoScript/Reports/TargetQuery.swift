import CosoCore

/// When a target is measured: the year and the day, and today (a target read from current flags
/// has a figure only from today on; a year to come has none).
struct TargetPeriod: Sendable {
    let year: Int
    let date: LocalDate
    let today: LocalDate

    /// The end of `year`, or today in the current year.
    init(year: Int, today: LocalDate) {
        self.year = year
        self.today = today
        let end = LocalDate(year: year, month: 12, day: 31)!
        date = year == today.year ? min(end, today) : end
    }

    init(year: Int, date: LocalDate, today: LocalDate) { self.year = year; self.date = date; self.today = today }

    /// The pipelines' variables: `$year`, `$date`, `$year_start`, `$year_end`.
    var variables: [String: Value] {
        ["year": .int(Int64(year)), "date": .date(date),
         "year_start": .date(LocalDate(year: year, month: 1, day: 1)!), "year_end": .date(LocalDate(year: year, month: 12, day: 31)!)]
    }

    /// The same measure a year earlier, at the end of that year.
    var previous: TargetPeriod {
        TargetPeriod(year: year - 1, date: LocalDate(year: year - 1, month: 12, day: 31)!, today: today)
    }

    /// A year to come has no figures yet.
    var recorded: Bool { year <= today.year }

    func measures(_ t: TargetDefinition) -> Bool { recorded && (t.dated || date >= today) }
}

/// Compiles targets into ONE SELECT: each target's numerator and denominator (and last year's) are
/// its pipelines counted as scalar subqueries, every value bound; the outer SELECT derives the
/// percentage, the figure as people write it, the change, and the status.
struct TargetQuery {
    let planner: Planner
    /// Where a mistake in a target's pipeline is reported: the statement that asked for it.
    let span: SourceSpan
    /// Measured for a part of the tree: the plan's baselines are for the whole of it, so unused.
    var partOfTree = false
    /// Whether last year's figures are computed (for `previous`, `change` and a `decrease` or
    /// `increase` target's status); a pipeline that selects none of them is spared half the work.
    var withPrevious = true

    func sql(_ targets: [(position: Int, TargetDefinition, TargetPeriod)]) throws(Diagnostic) -> (String, [Value]) {
        // Each figure is a SELECT of one value. They are independent of each other: worked out
        // ahead through two connections when the statement is to run (`Planner.evaluate`),
        // else left in the statement as scalar subqueries.
        var figures: [(sql: String, binds: [Value])] = []
        var lines: [[Part]] = []
        for (position, t, period) in targets {
            var row: [Part] = [.text("SELECT ? AS id, ? AS code, ? AS title, ? AS title_en, ? AS wording, ? AS wording_en, ? AS year, ? AS measured_on, ",
                                     [.int(Int64(position)), .text(t.code), .text(t.title.vi), .text(t.title.en), .text(t.wording.vi),
                                      .text(t.wording.en), .int(Int64(period.year)), .date(period.date)])]
            for (name, p) in [("", period), ("previous_", period.previous)] {
                let measured = p.measures(t) && (name.isEmpty || withPrevious)
                for (column, pipeline) in [("numerator", t.counted), ("denominator", t.base)] {
                    if measured, let pipeline {
                        let q = try count(pipeline, t, p, distinct: column == "numerator" ? t.distinct : nil,
                                          sum: column == "denominator" ? t.baseSum : nil)
                        // No record of the year: no numerator, so no figure.
                        if column == "numerator", let records = t.records {
                            let any = try rows(TargetQuery.parse(records.ofTheYear + " | take 1", t, span), t, p)
                            figures.append(("SELECT CASE WHEN EXISTS (\(any.sql)) THEN (\(q.sql)) END", any.binds + q.binds))
                        } else {
                            figures.append(("SELECT (\(q.sql))", q.binds))
                        }
                        row += [.figure(figures.count - 1), .text(" AS \(name)\(column), ", [])]
                    } else {
                        row.append(.text("NULL AS \(name)\(column), ", []))
                    }
                }
            }
            let (lo, hi) = t.goal.bounds
            row.append(.text("? AS ratio, ? AS goal, ? AS lo, ? AS hi, ? AS baseline, ? AS target, ? AS deadline, ? AS deadline_en, ? AS source",
                             [.bool(t.isRatio), .text(t.goal.kind), lo.map(Value.double) ?? .null, hi.map(Value.double) ?? .null,
                              partOfTree ? .null : t.baseline.map(Value.double) ?? .null, .text(t.goalText.vi), .text(t.deadline.vi),
                              .text(t.deadline.en), .text(t.source)]))
            lines.append(row)
        }
        if lines.isEmpty {
            lines = [[.text("SELECT NULL AS id, NULL AS code, NULL AS title, NULL AS title_en, NULL AS wording, NULL AS wording_en, NULL AS year, "
                           + "NULL AS measured_on, NULL AS numerator, NULL AS denominator, NULL AS previous_numerator, NULL AS previous_denominator, "
                           + "NULL AS ratio, NULL AS goal, NULL AS lo, NULL AS hi, NULL AS baseline, NULL AS target, NULL AS deadline, "
                           + "NULL AS deadline_en, NULL AS source WHERE 0", [])]]
        }
        let values = try planner.evaluate?(figures)
        var binds: [Value] = []
        let parts = lines.map { row in
            row.map { part -> String in
                switch part {
                case .text(let sql, let b):
                    binds += b
                    return sql
                case .figure(let k):
                    if let values { binds.append(values[k]); return "?" }
                    binds += figures[k].binds
                    return "(\(figures[k].sql))"
                }
            }.joined()
        }
        return (TargetQuery.outer(parts.joined(separator: " UNION ALL "), language: planner.language), binds)
    }

    /// A piece of a target's row: SQL text with its values, or one of its figures.
    private enum Part {
        case text(String, [Value])
        case figure(Int)
    }

    /// The percentage (or the count, for a target with no denominator), the figure (as the
    /// language writes numbers: `97 / 183 = 53,0%`, `4.187.095`), the status.
    static func outer(_ inner: String, language: Language) -> String {
        let r = "CASE WHEN numerator IS NULL THEN NULL WHEN NOT ratio THEN numerator WHEN denominator > 0 THEN 100.0 * numerator / denominator END"
        let pr = "CASE WHEN previous_numerator IS NULL THEN NULL WHEN NOT ratio THEN previous_numerator "
            + "WHEN previous_denominator > 0 THEN 100.0 * previous_numerator / previous_denominator END"
        let reference = "coalesce(previous_numerator, baseline)"
        let status = """
            CASE WHEN r IS NULL THEN 'no_data' \
            WHEN goal = 'at_least' OR goal = 'between' THEN CASE WHEN r >= lo THEN 'met' ELSE 'unmet' END \
            WHEN goal = 'more_than' THEN CASE WHEN r > lo THEN 'met' ELSE 'unmet' END \
            WHEN goal = 'at_most' THEN CASE WHEN r <= hi THEN 'met' ELSE 'unmet' END \
            WHEN \(reference) IS NULL THEN 'no_data' \
            WHEN goal = 'decrease' THEN CASE WHEN numerator < \(reference) THEN 'met' ELSE 'unmet' END \
            ELSE CASE WHEN numerator > \(reference) THEN 'met' ELSE 'unmet' END END
            """
        let (thousands, point) = language == .vi ? (".", ",") : (",", ".")
        // Grouped from five digits on, as DisplayFormat.integer does.
        func whole(_ n: String) -> String { "CASE WHEN abs(\(n)) >= 10000 THEN replace(printf('%,d', \(n)), ',', '\(thousands)') ELSE CAST(\(n) AS TEXT) END" }
        let figure = "CASE WHEN r IS NULL THEN NULL WHEN NOT ratio THEN \(whole("numerator")) "
            + "ELSE \(whole("numerator")) || ' / ' || \(whole("denominator")) || ' = ' || replace(printf('%.1f', r), '.', '\(point)') || '%' END"
        // Over a year: percentage points for a ratio ("+5,1 điểm %"), the count's difference else;
        // nothing when last year has no figure.
        let d = "round(r - pr, 1)"
        let sign = "CASE WHEN \(d) > 0 THEN '+' ELSE '' END"
        let points = language == .vi ? " điểm %" : " pts"
        let shift = "CASE WHEN \(d) IS NULL THEN NULL WHEN ratio THEN \(sign) || replace(printf('%.1f', \(d)), '.', '\(point)') || '\(points)' "
            + "ELSE \(sign) || CAST(CAST(\(d) AS INTEGER) AS TEXT) END"
        return """
            SELECT id, code, title, title_en, wording, wording_en, year, measured_on, numerator, denominator, round(r, 1) AS value, \
            \(figure) AS figure, target, CASE WHEN goal = 'at_most' THEN hi ELSE lo END AS goal_value, deadline, deadline_en, \
            \(status) AS status, round(pr, 1) AS previous, \
            round(r - pr, 1) AS change, \(shift) AS shift, source \
            FROM (SELECT *, \(r) AS r, \(pr) AS pr FROM (\(inner)))
            """
    }

    /// `pipeline | count` (or the count of its distinct `distinct` values), planned with the
    /// period's variables. `distinct` applies to the numerator only.
    func count(_ pipeline: String, _ t: TargetDefinition, _ period: TargetPeriod, distinct: String? = nil,
               sum: String? = nil) throws(Diagnostic) -> CompiledQuery {
        let p = try TargetQuery.parse(pipeline, t, span)
        let s = p.span
        let last: Stage
        if distinct != nil || sum != nil {
            last = Stage(keyword: Name(text: "summarize", span: s), kind: .summarize([TargetQuery.counter(distinct, sum: sum, s)], by: []), span: s)
        } else {
            last = Stage(keyword: Name(text: "count", span: s), kind: .count, span: s)
        }
        return try rows(Pipeline(elements: p.elements + [.stage(last)], span: s), t, period)
    }

    /// `n: count()`, or `n: count_distinct(path)`.
    /// (`sum(path)` when the target adds a field of its rows up, such as the admissions planned.)
    static func counter(_ distinct: String?, sum: String? = nil, _ s: SourceSpan) -> SelectItem {
        let call: Expr
        func path(_ p: String) -> Expr { Expr(.path(p.split(separator: ".").map { Name(text: String($0), span: s) }), s) }
        if let sum {
            call = Expr(.call(Name(text: "sum", span: s), [path(sum)]), s)
        } else if let distinct {
            call = Expr(.call(Name(text: "count_distinct", span: s), [path(distinct)]), s)
        } else {
            call = Expr(.call(Name(text: "count", span: s), []), s)
        }
        return SelectItem(alias: Name(text: "n", span: s), expr: call)
    }

    /// Plans a pipeline of a target with the period's variables; a mistake in it is reported as
    /// the target's.
    func rows(_ pipeline: Pipeline, _ t: TargetDefinition, _ period: TargetPeriod) throws(Diagnostic) -> CompiledQuery {
        do { return try PipelineText.plan(pipeline, planner, at: period) } catch { throw TargetQuery.wrap(error, t, span) }
    }

    static func parse(_ text: String, _ t: TargetDefinition, _ span: SourceSpan?) throws(Diagnostic) -> Pipeline {
        do { return try PipelineText.parse(text) } catch { throw wrap(error, t, span) }
    }

    static func wrap(_ d: Diagnostic, _ t: TargetDefinition, _ span: SourceSpan?) -> Diagnostic {
        Diagnostic("E0802", Label(vi: "chỉ tiêu \(t.code): \(d.message.vi)", en: "target \(t.code): \(d.message.en)"), span: span, help: d.help)
    }
}
