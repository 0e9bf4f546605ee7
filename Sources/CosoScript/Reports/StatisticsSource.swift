import CosoCore

/// `stats`: the statistics tables the modules declare; `stats CODE [YEAR] [asof DATE] [for ORG]`:
/// one of them, each group with its count and its share, in the order the form lists them.
struct StatisticsSource: ComputedSource {
    unowned let session: Session

    static let usage = Label(vi: "dùng: stats theory [2024] [asof @2024-12-31] [for \"Tên tổ chức\"]; stats cho danh sách",
                             en: "usage: stats theory [2024] [asof @2024-12-31] [for \"Organisation\"]; stats lists them")

    func resolve(_ call: Call, following: [Element], planner: Planner) throws(Diagnostic) -> ComputedRows {
        let args = try ReportArguments(call, code: true, codeRequired: false, usage: StatisticsSource.usage, planner: planner)
        let all = planner.catalog.statistics
        guard let code = args.code else { return StatisticsSource.list(all) }
        guard let statistic = all.first(where: { $0.code.lowercased() == code.text.lowercased() }) else {
            throw Diagnostic("E0809", Label(vi: "không có bảng thống kê '\(code.text)'", en: "no statistics table '\(code.text)'"), span: code.span,
                             help: Suggest.closest(to: code.text, in: all.map(\.code)).map { Label(vi: "có phải ý bạn là '\($0)'?", en: "did you mean '\($0)'?") }
                                ?? Label(vi: "xem danh sách: stats", en: "see the list: stats"))
        }
        let scoped = try args.scoped(planner, session)
        let period = try args.period(session)
        return try StatisticsSource.table(statistic, period, planner: scoped, span: call.span)
    }

    /// One statistics table: `key`, `n` and `percent`, ordered by `o`, else by the key's enum order.
    static func table(_ s: StatisticDefinition, _ period: TargetPeriod, planner: Planner, span: SourceSpan) throws(Diagnostic) -> ComputedRows {
        if !s.lines.isEmpty { return try lines(s, period, planner: planner, span: span) }
        let q = try compile(s, period, planner: planner, span: span)
        guard let key = q.columns.first, let n = q.columns.firstIndex(where: { $0.name == "n" }) else {
            throw Diagnostic("E0810", Label(vi: "bảng thống kê \(s.code) phải nhóm theo một khóa và đếm n", en: "statistics \(s.code) must group by one key and count n"),
                             span: span)
        }
        var order = "x.c0"
        if let o = q.columns.firstIndex(where: { $0.name == "o" }) {
            order = "x.c\(o)"
        } else if case .enumeration(let id)? = key.type, let en = planner.catalog.enumType(id) {
            order = ExprCompiler.ordinal("x.c0", en)
        }
        let sql = "SELECT row_number() OVER (ORDER BY x.c0 IS NULL, \(order)) AS id, x.c0 AS key, x.c\(n) AS n, "
            + "round(100.0 * x.c\(n) / sum(x.c\(n)) OVER (), 1) AS percent FROM (\(q.sql)) AS x"
        let entity = Entity(name: "stats", label: s.title, singular: Label(vi: "nhóm", en: "group"), fields: [
            Field("id", .int, vi: "Thứ tự", en: "Order", required: true, secret: true),
            Field("key", key.type ?? .text, vi: s.key?.vi ?? key.label.vi, en: s.key?.en ?? key.label.en),
            Field("n", .int, vi: "Số lượng", en: "Count", required: true),
            Field("percent", .decimal, vi: "Tỷ lệ (%)", en: "Share (%)"),
        ], displayField: nil, readOnly: true)
        return ComputedRows(entity: entity, sql: sql, binds: q.binds)
    }

    /// A table of fixed lines, each its label and the count of its pipeline's rows, in one
    /// statement; no shares (a change is not a part of a whole).
    static func lines(_ s: StatisticDefinition, _ period: TargetPeriod, planner: Planner, span: SourceSpan) throws(Diagnostic) -> ComputedRows {
        var parts: [String] = [], binds: [Value] = []
        for (i, line) in s.lines.enumerated() {
            let q: CompiledQuery
            do { q = try PipelineText.plan(try PipelineText.parse(line.counted + " | count"), planner, at: period) } catch {
                throw Diagnostic("E0810", Label(vi: "bảng thống kê \(s.code): \(error.message.vi)", en: "statistics \(s.code): \(error.message.en)"),
                                 span: span, help: error.help)
            }
            parts.append("SELECT ? AS id, ? AS key, (\(q.sql)) AS n, NULL AS percent")
            binds += [.int(Int64(i + 1)), .text(line.label.text(planner.language))] + q.binds
        }
        let entity = Entity(name: "stats", label: s.title, singular: Label(vi: "dòng", en: "line"), fields: [
            Field("id", .int, vi: "Thứ tự", en: "Order", required: true, secret: true),
            Field("key", .text, vi: s.key?.vi ?? "", en: s.key?.en ?? ""),
            Field("n", .int, vi: "Số lượng", en: "Count", required: true),
            Field("percent", .decimal, vi: "Tỷ lệ (%)", en: "Share (%)", secret: true),
        ], displayField: nil, readOnly: true)
        return ComputedRows(entity: entity, sql: parts.joined(separator: " UNION ALL "), binds: binds)
    }

    static func compile(_ s: StatisticDefinition, _ period: TargetPeriod, planner: Planner, span: SourceSpan) throws(Diagnostic) -> CompiledQuery {
        do {
            return try PipelineText.plan(try PipelineText.parse(s.pipeline), planner, at: period)
        } catch {
            throw Diagnostic("E0810", Label(vi: "bảng thống kê \(s.code): \(error.message.vi)", en: "statistics \(s.code): \(error.message.en)"),
                             span: span, help: error.help)
        }
    }

    /// `stats` alone: what tables there are.
    static func list(_ all: [StatisticDefinition]) -> ComputedRows {
        var binds: [Value] = []
        let rows = all.enumerated().map { i, s in
            binds += [.int(Int64(i + 1)), .text(s.code), .text(s.title.vi), .text(s.title.en), .bool(s.yearly)]
            return "SELECT ? AS id, ? AS code, ? AS title, ? AS title_en, ? AS yearly"
        }
        let title = Field("title", .text, vi: "Bảng thống kê", en: "Statistics", required: true).english("title_en")
        let entity = Entity(name: "stats", label: Label(vi: "Bảng thống kê", en: "Statistics"), singular: Label(vi: "bảng", en: "table"), fields: [
            Field("id", .int, vi: "Thứ tự", en: "Order", required: true, secret: true),
            Field("code", .text, vi: "Mã", en: "Code", required: true),
            title,
            Field("title_en", .text, vi: "Bảng thống kê (tiếng Anh)", en: "Statistics (English)", secret: true),
            Field("yearly", .bool, vi: "Theo năm", en: "Yearly", required: true),
        ], displayField: "code", readOnly: true)
        let sql = rows.isEmpty ? "SELECT NULL AS id, NULL AS code, NULL AS title, NULL AS title_en, NULL AS yearly WHERE 0" : rows.joined(separator: " UNION ALL ")
        return ComputedRows(entity: entity, sql: sql, binds: binds)
    }
}
