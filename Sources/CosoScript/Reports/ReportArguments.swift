import CosoCore

/// The arguments `targets`, `target` and `stats` take, in any order after the code: a year,
/// `asof DATE`, `for ORG`.
struct ReportArguments {
    var code: Name?
    var year: Int?
    var asOf: LocalDate?
    var org: (value: Value, span: SourceSpan)?

    /// `usage` is the help shown with a mistake; `code` says whether a code comes first
    /// (`target T10`, `stats theory`), and `codeRequired` whether it must.
    init(_ call: Call, code wantsCode: Bool, codeRequired: Bool = true, usage: Label, planner: Planner) throws(Diagnostic) {
        var args = call.arguments[...]
        if wantsCode, !codeRequired, args.first.map({ a in
            if case .path(let names) = a.value.kind, names.count == 1 { return ["asof", "for"].contains(names[0].text) }
            return true
        }) ?? true {
            // No code: the list of what there is.
        } else if wantsCode {
            guard let first = args.first, first.label == nil else {
                throw Diagnostic("E0803", Label(vi: "\(call.head.text) cần một mã, như T10", en: "\(call.head.text) needs a code, such as T10"),
                                 span: call.span, help: usage)
            }
            switch first.value.kind {
            case .path(let names) where names.count == 1: code = names[0]
            case .literal(.text(let s)): code = Name(text: s, span: first.value.span)
            default:
                throw Diagnostic("E0803", Label(vi: "mã viết như T10, không có dấu nháy", en: "a code is written like T10, without quotes"),
                                 span: first.span, help: usage)
            }
            args = args.dropFirst()
        }
        while let a = args.popFirst() {
            let word: String? = if a.label == nil, case .path(let names) = a.value.kind, names.count == 1 { names[0].text } else { nil }
            if word == "asof" || word == "for" {
                guard let v = args.popFirst(), v.label == nil else {
                    throw Diagnostic("E0804", Label(vi: "sau \(word!) cần một giá trị", en: "\(word!) needs a value after it"),
                                     span: a.span, help: usage)
                }
                let value = try planner.constant(v.value)
                if word == "asof" {
                    guard case .date(let d) = value else {
                        throw Diagnostic("E0804", Label(vi: "asof cần một ngày, như @2023-12-31", en: "asof needs a date, such as @2023-12-31"),
                                         span: v.span, help: usage)
                    }
                    asOf = d
                } else {
                    guard case .text = value else {
                        guard case .int = value else {
                            throw Diagnostic("E0804", Label(vi: "for cần tên (trong dấu nháy) hoặc mã của tổ chức",
                                                            en: "for needs the organisation's name (in quotes) or id"), span: v.span, help: usage)
                        }
                        org = (value, v.span)
                        continue
                    }
                    org = (value, v.span)
                }
                continue
            }
            guard a.label == nil, year == nil, case .int(let y) = try planner.constant(a.value), Field.yearsOfRecord.contains(y) else {
                throw Diagnostic("E0804", Label(vi: "không hiểu tham số này", en: "this argument is not understood"), span: a.span, help: usage)
            }
            year = Int(y)
        }
        if let year, let asOf, asOf.year != year {
            throw Diagnostic("E0804", Label(vi: "năm \(year) và ngày asof \(asOf.dmy) không khớp", en: "the year \(year) and the asof date \(asOf.iso) disagree"),
                             span: call.span, help: usage)
        }
    }

    /// When to measure a statistics table: the date given, else the end of the year given, else
    /// the register's own date (its latest recorded event, or today if that is later than today
    /// or there is none).
    func period(_ session: Session) throws(Diagnostic) -> TargetPeriod {
        if let given = given(session) { return given }
        let data = try ReportArguments.dataDate(session)
        return TargetPeriod(year: data.year, date: data, today: session.today)
    }

    /// The date or year given, if any.
    func given(_ session: Session) -> TargetPeriod? {
        if let asOf { return TargetPeriod(year: asOf.year, date: asOf, today: session.today) }
        if let year { return TargetPeriod(year: year, today: session.today) }
        return nil
    }

    /// When to measure each target: the date or year given; else, for a target made of yearly
    /// records, the latest year up to this one that has any (at its end, or today in this year),
    /// and for any other target today. Never a year picked by one late event of another kind.
    func periods(_ targets: [TargetDefinition], _ session: Session, planner: Planner, span: SourceSpan) throws(Diagnostic) -> [TargetPeriod] {
        if let given = given(session) { return targets.map { _ in given } }
        let now = TargetPeriod(year: session.today.year, today: session.today)
        let years = try ReportArguments.latestYears(targets, session, planner: planner, span: span)
        return targets.indices.map { i in years[i].map { TargetPeriod(year: $0, today: session.today) } ?? now }
    }

    /// For each target made of yearly records, the latest year up to this one that has any (nil:
    /// none, or a target of another kind), in one statement.
    static func latestYears(_ targets: [TargetDefinition], _ session: Session, planner: Planner, span: SourceSpan) throws(Diagnostic) -> [Int?] {
        let now = TargetPeriod(year: session.today.year, today: session.today)
        var columns: [String] = [], binds: [Value] = [], positions: [Int: Int] = [:]
        for (i, t) in targets.enumerated() {
            guard let records = t.records else { continue }
            let q = try TargetQuery(planner: planner, span: span)
                .rows(TargetQuery.parse(records.latestYear, t, nil), t, now)
            positions[i] = columns.count
            columns.append("(SELECT c0 FROM (\(q.sql)))")
            binds += q.binds
        }
        var found: [Int?] = Array(repeating: nil, count: targets.count)
        guard !columns.isEmpty else { return found }
        var row: [Value] = []
        do { try session.store.query("SELECT " + columns.joined(separator: ", "), binds) { row = $0 } } catch { throw internalError(error, nil) }
        for (i, column) in positions where column < row.count { found[i] = row[column].intValue.map { Int($0) } }
        return found
    }

    /// The year a report without one is about: the year most targets made of yearly records were
    /// last recorded in (the later of two as common); this year when none has records.
    static func reportYear(_ session: Session) throws(Diagnostic) -> Int {
        let targets = try TargetsSource.definitions(session)
        let years = try latestYears(targets, session, planner: session.planner, span: SourceSpan(0, 0)).compactMap { $0 }
        let counts = Dictionary(years.map { ($0, 1) }, uniquingKeysWith: +)
        return counts.max { ($0.value, $0.key) < ($1.value, $1.key) }?.key ?? session.today.year
    }

    /// The planner restricted to the part of the tree `for` names.
    func scoped(_ planner: Planner, _ session: Session) throws(Diagnostic) -> Planner {
        guard let org else { return planner }
        let id = try ReportArguments.organisation(org.value, span: org.span, session)
        var p = planner
        let part = SubtreeFilter(root: id, catalog: planner.catalog)
        p.rowFilter = planner.rowFilter.map { BothFilters(first: $0, second: part) } ?? part
        return p
    }

    /// The row of the organisation tree `value` names: its id, or its name (exactly, else ignoring
    /// case and diacritics).
    static func organisation(_ value: Value, span: SourceSpan, _ session: Session) throws(Diagnostic) -> Int64 {
        guard let tree = session.catalog.tree else {
            throw Diagnostic("E0811", Label(vi: "không có mô-đun nào khai báo cây tổ chức", en: "no module declares the organisation tree"),
                             span: span)
        }
        let name = tree.displayField.flatMap(tree.field)
        let ids: [Int64]
        do {
            switch value {
            case .int(let id): ids = try ints(session, "SELECT id FROM \(tree.table) WHERE id = ?", [.int(id)])
            default:
                guard let name else { ids = []; break }
                let text = VietnameseText.nfc(value.textValue ?? "")
                let exact = try ints(session, "SELECT id FROM \(tree.table) WHERE \(name.column) = ?", [.text(text)])
                if exact.isEmpty, let folded = name.foldedColumn {
                    ids = try ints(session, "SELECT id FROM \(tree.table) WHERE \(folded) = ?", [.text(VietnameseText.fold(text))])
                } else {
                    ids = exact
                }
            }
        } catch { throw internalError(error, span) }
        guard ids.count == 1 else {
            let lookUp = "\(tree.name) | where \(name?.name ?? "id") =~ \"...\""
            throw Diagnostic(ids.isEmpty ? "E0805" : "E0806",
                             ids.isEmpty ? Label(vi: "không có \(tree.singular.vi) tên như vậy", en: "no \(tree.singular.en) has this name")
                                         : Label(vi: "\(ids.count) \(tree.singular.vi) trùng tên này", en: "\(ids.count) \(tree.singular.en)s have this name"),
                             span: span, help: ids.isEmpty ? Label(vi: "tìm tên: \(lookUp)", en: "look it up: \(lookUp)")
                                                          : Label(vi: "dùng mã (id) thay cho tên", en: "give the id instead of the name"))
        }
        return ids[0]
    }

    /// The register's date: the latest fact a module records (a member's event), or today when
    /// that is later or there is none.
    static func dataDate(_ session: Session) throws(Diagnostic) -> LocalDate {
        var latest: LocalDate?
        do {
            for module in session.store.registry.modules {
                if let d = try module.latestFact(session.store), d > (latest ?? d) || latest == nil { latest = d }
            }
        } catch { throw internalError(error, nil) }
        guard let latest, latest < session.today else { return session.today }
        return latest
    }

    private static func ints(_ session: Session, _ sql: String, _ binds: [Value]) throws -> [Int64] {
        var out: [Int64] = []
        try session.store.query(sql, binds) { row in if let i = row.first?.intValue { out.append(i) } }
        return out
    }

    static func internalError(_ error: any Error, _ span: SourceSpan?) -> Diagnostic {
        Diagnostic("E0700", Label(vi: "lỗi nội bộ: \(error)", en: "internal error: \(error)"), span: span)
    }
}

extension Session {
    /// The year a report without one is about (`ReportArguments.reportYear`).
    public func reportYear() throws(Diagnostic) -> Int { try ReportArguments.reportYear(self) }
}

extension Session {
    /// The organisation a value names (its id, or its name exactly, else ignoring case and
    /// diacritics), as `targets for ORG` finds it.
    public func organisationID(_ value: Value) throws(Diagnostic) -> Int64 {
        try ReportArguments.organisation(value, span: SourceSpan(0, 0), self)
    }
}
