import CosoCore

/// `targets [YEAR] [asof DATE] [for ORG]`: every plan target, measured in one statement.
struct TargetsSource: ComputedSource {
    unowned let session: Session

    static let usage = Label(vi: "dùng: targets [2024] [asof @2024-12-31] [for \"Tên tổ chức\"]",
                             en: "usage: targets [2024] [asof @2024-12-31] [for \"Organisation\"]")

    func resolve(_ call: Call, following: [Element], planner: Planner) throws(Diagnostic) -> ComputedRows {
        let args = try ReportArguments(call, code: false, usage: TargetsSource.usage, planner: planner)
        let scoped = try args.scoped(planner, session)
        let all = try TargetsSource.definitions(session)
        let periods = try args.periods(all, session, planner: scoped, span: call.span)
        var query = TargetQuery(planner: scoped, span: call.span, partOfTree: args.org != nil)
        query.withPrevious = TargetsSource.usesPrevious(following)
        let (sql, binds) = try query.sql(all.enumerated().map { ($0 + 1, $1, periods[$0]) })
        return ComputedRows(entity: TargetShapes.targets(planner.catalog), sql: sql, binds: binds)
    }

    /// Whether what follows may read last year's figures: anything but a `select` of plain columns
    /// other than `previous`, `change`, `shift` and `status` might.
    static func usesPrevious(_ following: [Element]) -> Bool {
        guard case .stage(let stage)? = following.first, case .select(let items) = stage.kind else { return true }
        return items.contains { item in
            guard case .path(let names) = item.expr.kind, names.count == 1 else { return true }
            return ["previous", "change", "shift", "status"].contains(names[0].text)
        }
    }

    /// The modules' declared targets, then those they keep in the register (staff's, in the order
    /// they were added).
    static func definitions(_ session: Session) throws(Diagnostic) -> [TargetDefinition] {
        var all = session.catalog.targets
        do {
            for module in session.store.registry.modules { all += try module.storedTargets(session.store) }
        } catch { throw ReportArguments.internalError(error, nil) }
        return all
    }
}

/// `target CODE [YEAR] [asof DATE] [for ORG]`: one target; `| detail` after it gives the
/// organisations that pull it down, the worst first.
struct TargetSource: ComputedSource {
    unowned let session: Session

    static let usage = Label(vi: "dùng: target T10 [2024] [asof @2024-12-31] [for \"Tên tổ chức\"] [| detail]",
                             en: "usage: target T10 [2024] [asof @2024-12-31] [for \"Organisation\"] [| detail]")

    func resolve(_ call: Call, following: [Element], planner: Planner) throws(Diagnostic) -> ComputedRows {
        let args = try ReportArguments(call, code: true, usage: TargetSource.usage, planner: planner)
        let scoped = try args.scoped(planner, session)
        let all = try TargetsSource.definitions(session)
        guard let code = args.code, let index = all.firstIndex(where: { $0.code.lowercased() == code.text.lowercased() }) else {
            let name = args.code?.text ?? ""
            throw Diagnostic("E0803", Label(vi: "không có chỉ tiêu '\(name)'", en: "no target '\(name)'"), span: args.code?.span ?? call.span,
                             help: Suggest.closest(to: name, in: all.map(\.code)).map { Label(vi: "có phải ý bạn là '\($0)'?", en: "did you mean '\($0)'?") }
                                ?? Label(vi: "xem danh sách: targets", en: "see the list: targets"))
        }
        let target = all[index]
        let period = try args.periods([target], session, planner: scoped, span: call.span)[0]
        var query = TargetQuery(planner: scoped, span: call.span, partOfTree: args.org != nil)
        if case .call(let next) = following.first, next.head.text == "detail", next.arguments.isEmpty {
            let (sql, binds) = try TargetDetail(query: query, target: target, period: period, span: next.span).sql()
            return ComputedRows(entity: TargetShapes.detail(planner.catalog), sql: sql, binds: binds, consumed: 1, order: ["-shortfall", "value", "id"])
        }
        query.withPrevious = TargetsSource.usesPrevious(following)
        let (sql, binds) = try query.sql([(index + 1, target, period)])
        return ComputedRows(entity: TargetShapes.targets(planner.catalog), sql: sql, binds: binds)
    }
}

