import CosoCore
import CosoScript
import Foundation
import Synchronization

/// Builds a report from queries run through the session, as a person would type them
/// (`targets 2022`, `stats ratings 2021`, `target T10 | detail`): the report cannot say what the
/// REPL would not.
public struct ReportBuilder {
    let session: Session
    /// A second session on the same register: the report's queries are shared out between the
    /// two (this machine's two cores), both reading the same state of the register.
    let helper: Session?
    private let prefetched = Prefetched()
    var vi: Bool { session.language == .vi }

    public init(session: Session, helper: Session? = nil) { self.session = session; self.helper = helper }

    public enum Kind: String, Sendable, CaseIterable {
        /// The yearly report: targets, trends, ratings, weakest organisations, statistics.
        case annual
        /// Targets only: the table, the trends, the organisations that pull them down.
        case targets
    }

    public func build(_ kind: Kind, year: Int?, org: String?) throws -> Report {
        // The organisation goes in as a value, never pasted into the query text.
        for s in [session] + (helper.map { [$0] } ?? []) { s.variables["report_org"] = org.map(Value.text) }
        defer { for s in [session] + (helper.map { [$0] } ?? []) { s.variables["report_org"] = nil } }
        // Every section from one state of the register, whatever is written meanwhile (inside
        // the user's own transaction, that transaction's).
        let snapshot = session.store.inTransaction ? nil : try session.store.beginReading()
        defer { if snapshot != nil { session.store.endReading() } }
        let scope = org == nil ? "" : " for $report_org"
        let asked = try year ?? session.reportYear()
        let headQuery = ReportBuilder.headQuery(asked, scope)
        if let snapshot, let helper {
            prefetch(ReportBuilder.queries(kind, head: headQuery, year: asked, scope: scope, session.catalog), helper: helper, at: snapshot)
        }
        let head = try rows(headQuery)
        guard let yearColumn = head.column("year"), let first = head.raw.first, let y = first[yearColumn].intValue else {
            throw ReportError.nothing
        }
        let year = Int(y)
        let measured = first[head.column("measured_on")!].dateValue
        let name = try org ?? rows("orgs | where parent == null | sort id | first | select name").text.first?.first ?? ""
        var report = Report(
            title: kind == .annual ? (vi ? "Báo cáo năm \(year)" : "Annual report \(year)") : (vi ? "Báo cáo chỉ tiêu năm \(year)" : "Targets report \(year)"),
            subtitle: name + (measured.map { (vi ? " · số liệu đến ngày " : " · figures as of ") + ReportBuilder.date($0, vi) } ?? ""),
            language: session.language)
        report.sections.append(targetsSection(head))
        report.sections.append(try trendSection(year: year, scope: scope, head: head))
        report.sections.append(try weakestSection(year: year, scope: scope))
        if kind == .annual {
            report.sections.append(try ratingsSection(year: year, scope: scope))
            report.sections.append(try statisticsSection(year: year, scope: scope))
        }
        return report
    }

    // MARK: Sections

    private func targetsSection(_ t: TableCollector) -> Report.Section {
        let keep = ["code", "title", "figure", "target", "deadline", "status", "shift"].compactMap(t.column)
        let status = t.column("status")!
        let table = Report.Table(headers: keep.map { t.headers[$0] }, rows: t.text.map { r in keep.map { r[$0] } },
                                 numeric: [keep.firstIndex(of: t.column("shift")!)!], statusColumn: keep.firstIndex(of: status),
                                 statuses: t.raw.map { $0[status].textValue ?? "" },
                                 nowrap: Set(["code", "target"].compactMap { t.column($0) }.compactMap { keep.firstIndex(of: $0) }))
        return Report.Section(title: vi ? "Chỉ tiêu của kế hoạch" : "Plan targets",
                              note: vi ? "Tính trực tiếp từ dữ liệu; \"chưa có dữ liệu\" khi sổ chưa có dữ liệu để tính chỉ tiêu này."
                                       : "Computed from the register; \"no data\" where it does not record what a target needs.",
                              blocks: [.table(table)])
    }

    /// One small chart per target measured in at least two of the last five years. Each
    /// `targets` gives a year and the one before it (`previous`: the same measure at the end of
    /// that year), so the five years take the head's table and two more (at country scale each
    /// costs seconds).
    private func trendSection(year: Int, scope: String, head: TableCollector) throws -> Report.Section {
        let years = Array((year - 4)...year)
        var series: [String: [Double?]] = [:]
        var order: [String] = []
        func take(_ t: TableCollector, at y: Int) {
            let code = t.column("code")!, value = t.column("value")!, previous = t.column("previous")
            for r in t.raw {
                guard let c = r[code].textValue else { continue }
                if series[c] == nil { series[c] = Array(repeating: nil, count: years.count); order.append(c) }
                series[c]![y - years[0]] = r[value].doubleValue
                if let previous, y - 1 >= years[0] { series[c]![y - 1 - years[0]] = r[previous].doubleValue }
            }
        }
        take(head, at: year)
        let queries = ReportBuilder.trendQueries(year, scope)
        take(try rows(queries[0]), at: year - 2)
        take(try rows(queries[1]), at: year - 4)
        let codeColumn = head.column("code")!, titleColumn = head.column("title")!, goalColumn = head.column("goal_value")!
        let titleOf = Dictionary(head.raw.map { ($0[codeColumn].description, ($0[titleColumn].description, $0[goalColumn].doubleValue)) },
                                 uniquingKeysWith: { a, _ in a })
        let charts: [Report.Block] = order.compactMap { code in
            let values = series[code]!
            // A line needs two years; one that never left zero says nothing a table does not.
            guard values.compactMap({ $0 }).count >= 2, values.contains(where: { ($0 ?? 0) != 0 }) else { return nil }
            return .trend(Report.TrendChart(title: "\(code) · \(titleOf[code]?.0 ?? "")", years: years, series: [(code, values)],
                                            goal: titleOf[code]?.1))
        }
        return Report.Section(title: vi ? "Diễn biến năm năm" : "Five-year trends",
                              note: vi ? "Mỗi biểu đồ: giá trị của chỉ tiêu cuối mỗi năm (%, hoặc số lượng)." : "Each chart: the target's value at the end of each year (%, or a count).",
                              blocks: charts)
    }

    /// The organisations that pull two targets down the most.
    private func weakestSection(year: Int, scope: String) throws -> Report.Section {
        var blocks: [Report.Block] = []
        for (code, title) in [("T5b", vi ? "Chi bộ có tỷ lệ đảng viên xếp loại hoàn thành tốt nhiệm vụ trở lên thấp nhất (T5b)" : "Cells with the lowest share of members rated good or better (T5b)"),
                              ("T10", vi ? "Đảng bộ xã còn thiếu nhiều chi bộ thôn có chi ủy nhất (T10)" : "Communes furthest from cells with a committee (T10)")] {
            guard let t = try? rows(ReportBuilder.weakestQuery(code, year, scope)) else { continue }
            let bars = zip(t.raw, t.text).map { r, shown in
                (label: shown[0], value: r[1].doubleValue ?? 0, text: "\(shown[1])% (\(shown[2])/\(shown[3]))")
            }
            if !bars.isEmpty { blocks.append(.bars(Report.BarChart(title: title, bars: bars, percent: true))) }
        }
        return Report.Section(title: vi ? "Các tổ chức có kết quả thấp nhất" : "Organisations pulling targets down",
                              note: vi ? "Xem đủ danh sách: target T10 | detail" : "The full list: target T10 | detail", blocks: blocks)
    }

    /// A distribution chart for each year members were rated, then the organisations' ratings.
    private func ratingsSection(year: Int, scope: String) throws -> Report.Section {
        var blocks: [Report.Block] = []
        for y in (year - 4)...year {
            let t = try rows(ReportBuilder.statsQuery("ratings", y, scope))
            guard !t.raw.isEmpty else { continue }
            blocks.append(.bars(bars(t, title: (vi ? "Xếp loại đảng viên năm " : "Member ratings ") + String(y))))
        }
        let orgs = try rows(ReportBuilder.statsQuery("org_ratings", year, scope))
        if !orgs.raw.isEmpty { blocks.append(.bars(bars(orgs, title: (vi ? "Xếp loại tổ chức cơ sở đảng năm " : "Grassroots organisation ratings ") + String(year)))) }
        return Report.Section(title: vi ? "Đánh giá, xếp loại" : "Ratings", note: nil, blocks: blocks)
    }

    private func statisticsSection(year: Int, scope: String) throws -> Report.Section {
        var blocks: [Report.Block] = []
        for s in ReportBuilder.statistics(session.catalog) {
            let t = try rows(ReportBuilder.statsQuery(s.code, year, scope))
            guard !t.raw.isEmpty else { continue }
            if t.column("percent") == nil, let n = t.column("n") {
                // A table of fixed lines (the Tăng/Giảm of the year) is read as a table, titled.
                let key = t.column("key") ?? 0
                blocks.append(.table(Report.Table(headers: [s.title.text(session.language), t.headers[n]],
                                                  rows: t.text.map { [$0[key], $0[n]] }, numeric: [1], statusColumn: nil)))
                continue
            }
            blocks.append(.bars(bars(t, title: s.title.text(session.language))))
        }
        return Report.Section(title: vi ? "Thống kê đảng viên và tổ chức đảng" : "Members and organisations",
                              note: vi ? "Đảng viên trong danh sách cuối năm (hoặc đến ngày có số liệu); biến động trong cả năm."
                                       : "Members on the roll at the end of the year (or the date of the figures); changes over the year.",
                              blocks: blocks)
    }

    // MARK: Helpers

    private func bars(_ t: TableCollector, title: String) -> Report.BarChart {
        let key = t.column("key") ?? 0, n = t.column("n") ?? 1
        let p = t.column("percent") ?? 2
        let bars = zip(t.raw, t.text).map { raw, text in
            (label: text[key].isEmpty ? (vi ? "(không ghi)" : "(not recorded)") : text[key], value: raw[p].doubleValue ?? 0,
             text: "\(text[n]) (\(text[p])%)")
        }
        return Report.BarChart(title: title, bars: bars, percent: true)
    }

    private func rows(_ query: String) throws -> TableCollector {
        if let done = prefetched.take(query) { return try done.get() }
        return try ReportBuilder.run(query, on: session)
    }

    private static func run(_ query: String, on session: Session) throws -> TableCollector {
        let sink = TableCollector(catalog: session.catalog, language: session.language)
        try session.run(query, name: "<report>", sink: sink)
        return sink
    }

    // MARK: The queries, and reading them two at a time

    static func headQuery(_ year: Int, _ scope: String) -> String {
        "targets \(year)\(scope) | select code, title, figure, target, deadline, status, shift, year, measured_on, value, previous, goal_value"
    }
    static func trendQueries(_ year: Int, _ scope: String) -> [String] {
        ["targets \(year - 2)\(scope) | select code, value, previous", "targets \(year - 4)\(scope) | select code, value"]
    }
    static func weakestQuery(_ code: String, _ year: Int, _ scope: String) -> String {
        "target \(code) \(year)\(scope) | detail | sort value | take 10 | select org, value, numerator, denominator"
    }
    static func statsQuery(_ code: String, _ year: Int, _ scope: String) -> String { "stats \(code) \(year)\(scope)" }
    static func statistics(_ catalog: Catalog) -> [StatisticDefinition] {
        catalog.statistics.filter { !["ratings", "org_ratings", "status"].contains($0.code) }
    }

    /// Every query the sections will ask for a year, the costliest first so that two readers end
    /// together: the cells' members' ratings (one query, 1.8 s at the country, read by one reader
    /// while the other takes the head), the head, the targets of other years, then the rest.
    static func queries(_ kind: Kind, head: String, year: Int, scope: String, _ catalog: Catalog) -> [String] {
        var all = [weakestQuery("T5b", year, scope), head] + trendQueries(year, scope) + [weakestQuery("T10", year, scope)]
        if kind == .annual {
            all += ((year - 4)...year).map { statsQuery("ratings", $0, scope) } + [statsQuery("org_ratings", year, scope)]
            all += statistics(catalog).map { statsQuery($0.code, year, scope) }
        }
        return all
    }

    /// Runs `queries` through this session and `helper` at once, each taking the next one left,
    /// once both read the same state of the register (`snapshot`); the sections then take the
    /// tables as they ask for them. Should the helper see another state (a write between the
    /// two starts), it tries again, then leaves the queries to this session alone.
    private func prefetch(_ queries: [String], helper: Session, at snapshot: Int64) {
        var same = false
        for _ in 0..<3 {
            // (A helper that cannot read, the file busy or gone: this session reads alone.)
            guard let state = try? helper.store.beginReading() else { return }
            if state == snapshot { same = true; break }
            helper.store.endReading()
        }
        guard same else { return }
        defer { helper.store.endReading() }
        let sessions = [session, helper]
        let next = Mutex(0), box = prefetched
        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            while true {
                let i = next.withLock { n in defer { n += 1 }; return n }
                guard i < queries.count else { return }
                box.put(queries[i], Result { try ReportBuilder.run(queries[i], on: sessions[worker]) })
            }
        }
    }

    static func date(_ d: LocalDate, _ vi: Bool) -> String { DisplayFormat.date(d, vi ? .vi : .en) }
}

/// The tables read ahead by two threads, each taken once by the section that asks for it.
private final class Prefetched: @unchecked Sendable {
    private let lock = NSLock()
    private var tables: [String: Result<TableCollector, any Error>] = [:]

    func put(_ query: String, _ result: Result<TableCollector, any Error>) {
        lock.lock(); defer { lock.unlock() }
        tables[query] = result
    }

    func take(_ query: String) -> Result<TableCollector, any Error>? {
        lock.lock(); defer { lock.unlock() }
        return tables.removeValue(forKey: query)
    }
}

public enum ReportError: Error, CustomStringConvertible {
    case nothing
    public var description: String { "the register has no targets to report" }
}
