import CosoCore

/// Builds one SELECT from pipeline stages, wrapping the query so far in a subquery when a stage
/// cannot join the current SELECT (a `where` after `take`, anything after `select`), as PRQL does.
final class QueryBuilder {
    let catalog: Catalog
    let today: LocalDate
    let variables: [String: Value]
    private var counter = 0
    private(set) var scope: Scope
    /// Finds the row a name stands for (see `ExprCompiler.names`).
    var names: NameLookup?
    /// Whether grouped counts may be counted in a hash table first (`Pretally`).
    var pretally = true
    /// Whether counts may be read from the entity's rollups (`RollupRead`).
    var rollups = true
    /// The entity's own table is the source (not a computed one, nor its rows at a date).
    private var readsTable = false

    private var from: String
    private var fromBinds: [Value] = []
    private var select: [(Fragment, ResultColumn)]?
    private var wheres: [Fragment] = []
    private var orders: [OrderKey] = []
    /// After a wrap: the order the wrapped rows came in, read from hidden columns of the subquery
    /// (its sort keys), for a later `take` or `skip` to keep.
    private var carriedOrder: [OrderKey] = []
    private var limit: Fragment?
    private var offset: Fragment?
    private var distinct = false
    /// Set by `summarize`: the GROUP BY keys.
    private var groupBy: [Fragment]?
    /// Set by `summarize`: what each aggregate asks of the rows (see `Pretally`).
    private var aggregates: [Pretally.Item] = []
    /// A dated source read as is, which a `where` may replace by its unconditional form.
    private var datedFrom: (source: DatedSource, date: LocalDate)?
    /// The narrowing conditions added to `datedFrom` so far.
    private var narrowedBy: [String] = []

    /// `asOf`: read the entity as it stood at that date (its `DatedSource`); entities that are
    /// always dated read at today's date without it.
    /// `from`: a computed source's SELECT and its bound values, read instead of the entity's table.
    init(entity: Entity, catalog: Catalog, today: LocalDate, variables: [String: Value], rowFilter: (any RowFilter)? = nil,
         asOf: LocalDate? = nil, from computed: (sql: String, binds: [Value], order: [String])? = nil, language: Language = .vi) {
        self.catalog = catalog; self.today = today; self.variables = variables
        var c = 0
        let next: () -> String = { c += 1; return "t\(c)" }
        scope = Scope(source: .entity(entity), alias: "t0", catalog: catalog, newAlias: next, rowFilter: rowFilter)
        scope.language = language
        if let computed {
            from = "(\(computed.sql)) AS t0"
            fromBinds = computed.binds
            orders = computed.order.map { key in
                OrderKey(Fragment("t0.\(key.hasPrefix("-") ? String(key.dropFirst()) : key)", [], .int), descending: key.hasPrefix("-"), nullsLast: false)
            }
        } else if let dated = entity.dated, asOf != nil || dated.always {
            from = "(\(dated.sql)) AS t0"
            fromBinds = Array(repeating: .date(asOf ?? today), count: dated.placeholders)
            datedFrom = (dated, asOf ?? today)
        } else {
            from = "\(entity.table) AS t0"
            readsTable = true
        }
        if let f = rowFilter?.condition(for: entity, alias: "t0") {
            wheres.append(Fragment("(\(f.sql))", f.binds, .bool))
        }
    }

    /// Compiles in the current scope; after a `select` (not yet wrapped), its output names come
    /// first, so `select n: name | sort n` and `select name | where name =~ "an"` need no subquery
    /// and keep the field's folded and sort-key columns.
    var compiler: ExprCompiler {
        var c = ExprCompiler(scope: scope, catalog: catalog, today: today, variables: variables)
        c.names = names
        c.asOf = datedFrom?.date
        for (fragment, column) in select ?? [] { c.aliases[column.name] = fragment }
        return c
    }

    /// The entity rows come from, while no wrapping has happened.
    var rootEntity: Entity? { if case .entity(let e) = scope.source { return e } else { return nil } }
    var hasSelect: Bool { select != nil }

    // MARK: Stages

    func addWhere(_ e: Expr) throws(Diagnostic) {
        if limit != nil || offset != nil || distinct || groupBy != nil || usesComputedAlias(e) { wrap() }
        let f = try compiler.compile(e)
        guard f.type == .bool || f.type == .null else {
            throw Diagnostic("E0209", Label(vi: "where cần một điều kiện đúng/sai, gặp \(f.type)",
                                           en: "where needs a true/false condition, found \(f.type)"), span: e.span)
        }
        wheres.append(f)
        // Rows kept only where a column is not null: a dated source's presence condition, implied
        // by it, is left out (the `where` filters the same rows in the same SELECT).
        if let (dated, date) = datedFrom, let unconditional = dated.unconditional,
           QueryBuilder.requiresValue(e, in: unconditional.impliedBy, rootEntity) {
            from = "(\(unconditional.sql)) AS t0"
            fromBinds = Array(repeating: .date(date), count: unconditional.placeholders)
            datedFrom = nil
        }
        // A dated source narrowed to the rows that can meet `column == value` (see
        // `DatedSource.narrowing`), inside it, where an index answers.
        if let (dated, date) = datedFrom, !dated.narrowing.isEmpty {
            let found = try narrowings(e, dated.narrowing)
            if !found.isEmpty, let text = dated.narrowed(by: narrowedBy + found) {
                narrowedBy += found
                from = "(\(text.sql)) AS t0"
                fromBinds = Array(repeating: .date(date), count: text.placeholders)
            }
        }
    }

    /// The narrowing conditions of a dated source's `templates` that the conjuncts of `e` of the
    /// form `column == value` or `column in [values]` imply, the values written in.
    private func narrowings(_ e: Expr, _ templates: [String: String]) throws(Diagnostic) -> [String] {
        guard case .binary(let op, let l, _) = e.kind else { return [] }
        if op == "and", case .binary(_, _, let r) = e.kind { return try narrowings(l, templates) + narrowings(r, templates) }
        guard op == "==" || op == "in", case .path(let names) = l.kind, names.count == 1,
              let field = rootEntity?.field(names[0].text), let template = templates[field.column] else { return [] }
        let f = try compiler.compile(e)
        let column = "t0.\(field.column)"
        let placeholders = f.binds.map { _ in "?" }.joined(separator: ", ")
        guard f.sql == "\(column) = ?" || f.sql == "\(column) IN (\(placeholders))" else { return [] }
        var values: [String] = []
        for bind in f.binds {
            guard case .text(let v) = bind else { return [] }
            values.append("'" + v.replacingOccurrences(of: "'", with: "''") + "'")
        }
        return values.isEmpty ? [] : [template.replacingOccurrences(of: "{values}", with: values.joined(separator: ", "))]
    }

    /// Whether `e` is false or null whenever one of `columns` is null: `c == value`, `c in [values]`
    /// with values that are not null (literals, or enum cases named by a single identifier that is
    /// no field), or a conjunction with such a term.
    static func requiresValue(_ e: Expr, in columns: Set<String>, _ entity: Entity?) -> Bool {
        func isValue(_ x: Expr) -> Bool {
            switch x.kind {
            case .literal(let v): return !v.isNull
            case .path(let names): return names.count == 1 && entity?.field(names[0].text) == nil
            default: return false
            }
        }
        func isColumn(_ x: Expr) -> Bool {
            guard case .path(let names) = x.kind, names.count == 1, let field = entity?.field(names[0].text) else { return false }
            return columns.contains(field.column)
        }
        guard case .binary(let op, let l, let r) = e.kind else { return false }
        switch op {
        case "and": return requiresValue(l, in: columns, entity) || requiresValue(r, in: columns, entity)
        case "==": return (isColumn(l) && isValue(r)) || (isColumn(r) && isValue(l))
        case "in":
            guard isColumn(l), case .list(let items) = r.kind, !items.isEmpty else { return false }
            return items.allSatisfy(isValue)
        default: return false
        }
    }

    func addSelect(_ items: [SelectItem]) throws(Diagnostic) {
        // Projecting after `take`/`skip` is the same as before them: no subquery needed, and the
        // entity's fields and paths stay in reach (`sort born | first | select org.name`).
        if select != nil || distinct || groupBy != nil { wrap() }
        var out: [(Fragment, ResultColumn)] = []
        for item in items {
            var f = try compiler.compile(item.expr)
            var label = Label(vi: item.alias?.text ?? "", en: item.alias?.text ?? "")
            var name = item.alias?.text ?? ""
            if case .path(let names) = item.expr.kind {
                if item.alias == nil {
                    name = names.map(\.text).joined(separator: ".")
                    label = headerLabel(names)
                }
                if let d = scope.shown(of: f) { f = d }
            } else if item.alias == nil {
                name = "c\(out.count + 1)"
                label = Label(vi: name, en: name)
            }
            out.append((f, ResultColumn(name: name, label: label, type: f.type.fieldType)))
        }
        select = out
    }

    /// `summarize items by keys`: one row per distinct key, with the aggregates.
    func addSummarize(_ items: [SelectItem], by keys: [SelectItem]) throws(Diagnostic) {
        if select != nil || limit != nil || offset != nil || distinct || groupBy != nil { wrap() }
        var out: [(Fragment, ResultColumn)] = []
        var groups: [Fragment] = []
        for key in keys {
            var f = try compiler.compile(key.expr)
            // A reference groups by the row it names (two cells may share a name) and shows its name.
            let group = f
            if let d = scope.shown(of: f) { f = d }
            let name: String, label: Label
            if let alias = key.alias {
                name = alias.text
                label = Label(vi: name, en: name)
            } else if case .path(let names) = key.expr.kind {
                name = names.map(\.text).joined(separator: ".")
                label = headerLabel(names)
            } else {
                name = "key\(groups.count + 1)"
                label = Label(vi: name, en: name)
            }
            groups.append(group)
            out.append((f, ResultColumn(name: name, label: label, type: f.type.fieldType)))
        }
        var c = compiler
        c.allowAggregates = true
        aggregates = []
        for (i, item) in items.enumerated() {
            let f = try c.compile(item.expr)
            aggregates.append(Pretally.kind(of: item.expr, compiled: f))
            let name = item.alias?.text ?? "c\(i + 1)"
            out.append((f, ResultColumn(name: name, label: Label(vi: name, en: name), type: f.type.fieldType)))
        }
        select = out
        groupBy = groups
    }

    func addSort(_ keys: [SortKey]) throws(Diagnostic) {
        if limit != nil || offset != nil || distinct || keys.contains(where: { usesComputedAlias($0.expr) }) { wrap() }
        var fresh: [OrderKey] = []
        for k in keys {
            var f = try compiler.compile(k.expr)
            if let d = scope.display(of: f) { f = d }
            // Text sorts in Vietnamese alphabetical order through the shadow sort-key column.
            // (The nulls-last term stays on text keys even when they cannot be null: without it
            // SQLite walks the `_sort` index in order and tests a selective `where` row by row,
            // 8x slower on a name search over a million members than sorting the few matches.)
            if let key = f.vietnameseSortKey { f = Fragment(key, [], f.type) }
            // Enum values sort in their declared order (elementary < intermediate < advanced).
            if case .enumeration(let id) = f.type, let en = catalog.enumType(id) {
                f = Fragment(ExprCompiler.ordinal(f.sql, en), f.binds, .int, nonNull: f.nonNull)
            }
            // Nulls last on every engine (no term needed for a value that is never null).
            fresh.append(OrderKey(f, descending: k.descending, nullsLast: !f.nonNull))
        }
        // A later sort is the primary order; earlier keys break ties.
        orders = fresh + orders
    }

    /// `take`s and `skip`s in a row fold into one LIMIT and OFFSET (`take 10 | take 5` is `take
    /// 5`; `take 10 | skip 3` is rows 4 to 10) instead of nesting a subquery each: SQLite's parser
    /// refuses about fifteen nested subqueries.
    func addTake(_ e: Expr) throws(Diagnostic) {
        let f = try count(e, "take")
        if let old = limit.flatMap(Self.constant), let new = Self.constant(f) {
            limit = Fragment("?", [.int(min(old, new))], .int)
            return
        }
        if limit != nil { wrap() }
        limit = f
    }

    func addSkip(_ e: Expr) throws(Diagnostic) {
        let f = try count(e, "skip")
        if let new = Self.constant(f), limit != nil || offset != nil,
           let skipped = offset.map(Self.constant) ?? 0, limit.map({ Self.constant($0) != nil }) ?? true {
            offset = Fragment("?", [.int(skipped + new)], .int)
            if let old = limit.flatMap(Self.constant) { limit = Fragment("?", [.int(max(old - new, 0))], .int) }
            return
        }
        if limit != nil || offset != nil { wrap() }
        offset = f
    }

    /// The whole number a `take` or `skip` fragment binds.
    static func constant(_ f: Fragment) -> Int64? {
        guard f.sql == "?", f.binds.count == 1, case .int(let n) = f.binds[0] else { return nil }
        return n
    }

    /// How many subqueries the stages so far have nested (see `Planner.maxNesting`).
    private(set) var nesting = 0

    func addDistinct() {
        if limit != nil || offset != nil { wrap() }
        distinct = true
    }

    /// `take`/`skip` need a constant, non-negative whole number (bound, never pasted).
    private func count(_ e: Expr, _ stage: String) throws(Diagnostic) -> Fragment {
        var value: Value?
        switch e.kind {
        case .literal(let v): value = v
        case .variable(let name): value = variables[name]
        case .unary("-", let inner): if case .literal(.int(let n)) = inner.kind { value = .int(-n) }
        default: break
        }
        guard case .int(let n)? = value, n >= 0 else {
            throw Diagnostic("E0210", Label(vi: "\(stage) cần một số nguyên không âm", en: "\(stage) needs a non-negative integer"),
                             span: e.span)
        }
        return Fragment("?", [.int(n)], .int)
    }

    /// Whether `e` names a `select` output computed by a subquery (`n: count(members)`): then a
    /// later `where` or `sort` reads it from a wrapping query instead of repeating the subquery.
    private func usesComputedAlias(_ e: Expr) -> Bool {
        guard let select else { return false }
        let computed = Set(select.filter { $0.0.sql.contains("(SELECT ") }.map(\.1.name))
        guard !computed.isEmpty else { return false }
        var pending = [e]
        while let x = pending.popLast() {
            switch x.kind {
            case .path(let names): if names.count == 1, computed.contains(names[0].text) { return true }
            case .list(let items): pending += items
            case .unary(_, let y): pending.append(y)
            case .binary(_, let l, let r): pending += [l, r]
            case .call(_, let args): pending += args
            case .literal, .variable: break
            }
        }
        return false
    }

    // MARK: Rendering

    /// Set when the rows go to a file (`save`): every field then, secret ones included, so that the
    /// file imports back unchanged.
    var exporting = false

    /// Default columns: every non-secret field (every field when exporting), references shown by the
    /// referenced row's name; when exporting, a name that several rows share is written "name #id",
    /// which the importer reads back as that row.
    private func defaultColumns() -> [(Fragment, ResultColumn)] {
        switch scope.source {
        case .columns(let cols):
            return cols.enumerated().map { i, c in (Fragment("\(scope.alias).c\(i)", [], c.type.map(ExprType.init) ?? .text), c) }
        case .entity(let e):
            return e.fields.filter { exporting || !$0.secret }.map { field in
                let read = exporting ? field : scope.localized(field, of: e)
                var f = Fragment("\(scope.alias).\(read.column)", [], ExprType(read.type), field: (scope.alias, read))
                if !exporting, let d = scope.shown(of: f) {
                    f = d
                } else if let d = scope.display(of: f) {
                    f = d
                    if exporting, case .reference(let target) = field.type, let t = catalog.entity(target), let (a, df) = d.field {
                        let x = scope.newAlias()
                        f = Fragment("CASE WHEN (SELECT count(*) FROM \(t.table) AS \(x) WHERE \(x).\(df.column) = \(a).\(df.column)) > 1"
                                     + " THEN \(a).\(df.column) || ' #' || \(a).id ELSE \(a).\(df.column) END", [], .text)
                    }
                }
                return (f, ResultColumn(name: field.name, label: field.label, type: f.type.fieldType))
            }
        }
    }

    private func headerLabel(_ names: [Name]) -> Label {
        guard case .entity(var entity) = scope.source else {
            let t = names.map(\.text).joined(separator: "."); return Label(vi: t, en: t)
        }
        var vi: [String] = [], en: [String] = []
        var lastIsName = false
        for n in names {
            guard let f = entity.field(n.text) else { break }
            vi.append(f.label.vi); en.append(f.label.en)
            lastIsName = f.name == entity.displayField
            if case .reference(let t) = f.type, let next = catalog.entity(t) { entity = next }
        }
        // `org.name` reads "Chi bộ", not "Chi bộ › Tên"; `member.theory` keeps both parts.
        if vi.count > 1, lastIsName { vi.removeLast(); en.removeLast() }
        return Label(vi: vi.joined(separator: " › "), en: en.joined(separator: " › "))
    }

    /// The SELECT for the rows so far, with output columns aliased c0, c1, ...
    /// `sortKeys`: also output each searchable column's sort key as `c<i>_sort`, for a wrapping
    /// query to sort by (returned as the set of such columns).
    func render(columnsOverride: [(Fragment, ResultColumn)]? = nil, sortKeys: Bool = false) -> (String, [Value], [ResultColumn]) {
        let (sql, binds, columns, _, _) = renderWithKeys(columnsOverride: columnsOverride, sortKeys: sortKeys)
        return (sql, binds, columns)
    }

    private func renderWithKeys(columnsOverride: [(Fragment, ResultColumn)]? = nil, sortKeys: Bool)
        -> (String, [Value], [ResultColumn], Set<Int>, Set<Int>) {
        var cols = columnsOverride ?? select ?? defaultColumns()
        var ordering = effectiveOrder(cols)
        var groups = groupBy ?? []
        var source = " FROM " + from + scope.joinSQL
        if !wheres.isEmpty { source += " WHERE " + wheres.map(\.sql).joined(separator: " AND ") }
        let sourceBinds = fromBinds + scope.joinBinds + wheres.flatMap(\.binds)
        // Grouped counts over many rows: read from a rollup where one holds every column they read,
        // else counted in a hash table first (see `Pretally`).
        let firstAggregate = cols.count - aggregates.count
        let counted = Set(aggregates.indices.filter { ![.duplicateInsensitive, .other].contains(aggregates[$0]) }
            .map { cols[firstAggregate + $0].0.sql })
        // (An order that reads a count or a sum inside a larger expression keeps the plain GROUP BY.)
        let rewritable = columnsOverride == nil && groupBy != nil && !distinct && !aggregates.contains(.other)
            && !ordering.contains(where: { o in !counted.contains(o.expression.sql) && counted.contains { o.expression.sql.contains($0) } })
        if rollups, rewritable, readsTable, case .entity(let root) = scope.source,
           let read = RollupRead(root, catalog: catalog, texts: cols.map(\.0.sql) + (sortKeys ? cols.compactMap(\.0.vietnameseSortKey) : [])
                                     + groups.map(\.sql) + ordering.map(\.expression.sql) + wheres.map(\.sql),
                                 alias: scope.alias, joins: scope.joins) {
            // Counts of the rows read from the combinations the register keeps (see `RollupRead`).
            readThrough(&cols, &groups, &ordering, firstAggregate: firstAggregate, aggregate: read.aggregate, rewrite: read.rewrite)
            source = " FROM " + read.from
            if !wheres.isEmpty { source += " WHERE " + wheres.map { read.rewrite($0.sql) }.joined(separator: " AND ") }
        } else if pretally, rewritable, !groups.isEmpty,
           let tally = Pretally(items: aggregates,
                                texts: cols.map(\.0.sql) + (sortKeys ? cols.compactMap(\.0.vietnameseSortKey) : [])
                                    + groups.map(\.sql) + ordering.map(\.expression.sql),
                                scope: scope) {
            readThrough(&cols, &groups, &ordering, firstAggregate: firstAggregate, aggregate: tally.aggregate, rewrite: tally.rewrite)
            source = tally.source(source)
        }
        var sql = "SELECT " + (distinct ? "DISTINCT " : "")
        sql += cols.enumerated().map { "\($0.element.0.sql) AS c\($0.offset)" }.joined(separator: ", ")
        var binds = cols.flatMap(\.0.binds)
        var keyed: Set<Int> = []
        let nonNull = Set(cols.enumerated().filter { $0.element.0.nonNull }.map(\.offset))
        var keyGroups: [String] = []
        if sortKeys {
            for (i, col) in cols.enumerated() {
                guard let key = col.0.vietnameseSortKey else { continue }
                sql += ", \(key) AS c\(i)_sort"
                keyed.insert(i)
                // Grouped rows: the key is a function of the grouped value; group by it too.
                if groups.contains(where: { $0.sql == col.0.sql }) { keyGroups.append(key) }
            }
        }
        // For a wrapping query: the keys this one is ordered by, as hidden columns o0, o1, ...
        var carried: [OrderKey] = []
        if sortKeys, !distinct {
            for (i, key) in ordering.enumerated() {
                sql += ", \(key.expression.sql) AS o\(i)"
                binds += key.expression.binds
                carried.append(key)
            }
        }
        sql += source
        binds += sourceBinds
        if !groups.isEmpty {
            sql += " GROUP BY " + (groups.map(\.sql) + keyGroups).joined(separator: ", ")
            binds += groups.flatMap(\.binds)
        }
        // Under every LIMIT or OFFSET an order that decides every row: the sort asked for, then
        // the source's natural order (see `naturalOrder`), so that `take 5` gives the same five
        // rows on every run, machine and index.
        if !ordering.isEmpty {
            let terms = ordering.map(\.term)
            sql += " ORDER BY " + terms.map(\.sql).joined(separator: ", ")
            binds += terms.flatMap(\.binds)
        }
        if let limit {
            sql += " LIMIT " + limit.sql; binds += limit.binds
        } else if offset != nil {
            sql += " LIMIT -1"
        }
        if let offset { sql += " OFFSET " + offset.sql; binds += offset.binds }
        lastCarried = carried
        return (sql, binds, cols.map(\.1), keyed, nonNull)
    }

    /// The columns, keys and order of a grouped count read from another source (a rollup, the
    /// tallied rows): each aggregate `aggregate` answers replaced by its form there, every other
    /// text by `rewrite`; `sort n` after `n: count()` orders by the count, which is now a sum.
    private func readThrough(_ cols: inout [(Fragment, ResultColumn)], _ groups: inout [Fragment], _ ordering: inout [OrderKey],
                             firstAggregate: Int, aggregate: (Pretally.Item) -> String?, rewrite: (String) -> String) {
        var replaced: [String: String] = [:]
        cols = cols.enumerated().map { i, col in
            if i >= firstAggregate, let sql = aggregate(aggregates[i - firstAggregate]) {
                replaced[col.0.sql] = sql
                return (Fragment(sql, col.0.binds, col.0.type, nonNull: col.0.nonNull), col.1)
            }
            var f = Fragment(rewrite(col.0.sql), col.0.binds, col.0.type, nonNull: col.0.nonNull)
            f.sortKey = col.0.vietnameseSortKey.map(rewrite)
            return (f, col.1)
        }
        groups = groups.map { Fragment(rewrite($0.sql), $0.binds, $0.type, nonNull: $0.nonNull) }
        ordering = ordering.map { key in
            let e = key.expression
            var k = OrderKey(Fragment(replaced[e.sql] ?? rewrite(e.sql), e.binds, e.type, nonNull: e.nonNull),
                             descending: key.descending, nullsLast: key.nullsLast)
            k.unique = key.unique
            return k
        }
    }

    /// The keys the last rendering for a wrap output as hidden columns.
    private var lastCarried: [OrderKey] = []

    /// The ORDER BY of this SELECT: the sort asked for and, under a LIMIT or OFFSET, the source's
    /// natural order after it (see `naturalOrder`), so that `take 5` gives the same five rows on
    /// every run, machine and index.
    private func effectiveOrder(_ cols: [(Fragment, ResultColumn)]) -> [OrderKey] {
        guard limit != nil || offset != nil else { return orders }
        let natural = naturalOrder(cols).filter { n in !orders.contains { $0.expression.sql == n.expression.sql } }
        guard !orders.isEmpty else { return natural }
        // Only to break ties: `+` keeps SQLite from walking an index for the id's order instead of
        // sorting by the keys asked for (the ten oldest of a million members: 0.26 s, 0.56 s with
        // a plain `t0.id` term, which it read through the status index).
        return orders + natural.map { key in
            guard key.unique else { return key }
            var tie = OrderKey(Fragment("+" + key.expression.sql, key.expression.binds, key.expression.type))
            tie.unique = true
            return tie
        }
    }

    /// The order rows come in when no `sort` says otherwise, as documented in `.help take`: an
    /// entity's rows by id (a computed source by its own order first); grouped rows by their
    /// keys; distinct rows, and the rows of a subquery, by every column, left to right (rows equal
    /// in every column are the same to the reader whichever comes first).
    private func naturalOrder(_ cols: [(Fragment, ResultColumn)]) -> [OrderKey] {
        let byColumn = cols.indices.map { OrderKey(Fragment("\($0 + 1)", [], .int)) }
        if let groupBy { return groupBy.isEmpty ? byColumn : groupBy.map { OrderKey($0) } }
        if distinct { return byColumn }
        switch scope.source {
        case .entity:
            var id = OrderKey(Fragment("\(scope.alias).id", [], .int))
            id.unique = true
            return [id]
        case .columns(let columns):
            // The order the wrapped rows came in; unless it ends with an id, then every column (rows
            // equal in all of them are the same to the reader, whichever comes first).
            if carriedOrder.contains(where: \.unique) { return carriedOrder }
            return carriedOrder + columns.indices.map { OrderKey(Fragment("\(scope.alias).c\($0)", [], .text)) }
        }
    }

    /// Turns everything so far into a subquery; names now refer to its output columns.
    func wrap() {
        let (sql, binds, columns, keyed, nonNull) = renderWithKeys(sortKeys: true)
        counter += 1
        nesting += 1
        let alias = "s\(counter)"
        scope = Scope(source: .columns(columns), alias: alias, catalog: catalog, newAlias: scope.newAlias, rowFilter: scope.rowFilter,
                      sortable: keyed, nonNull: nonNull)
        from = "(\(sql)) AS \(alias)"
        fromBinds = binds
        carriedOrder = lastCarried.enumerated().map { i, key in
            var carried = OrderKey(Fragment("\(alias).o\(i)", [], key.expression.type), descending: key.descending, nullsLast: key.nullsLast)
            carried.unique = key.unique
            return carried
        }
        datedFrom = nil; narrowedBy = []
        select = nil; wheres = []; orders = []; limit = nil; offset = nil; distinct = false; groupBy = nil; aggregates = []
    }

    func rowsQuery() -> CompiledQuery {
        let (sql, binds, columns) = render()
        return CompiledQuery(sql: sql, binds: binds, columns: columns, shape: .rows)
    }

    func countQuery() -> CompiledQuery {
        let simple = select == nil && limit == nil && offset == nil && !distinct && groupBy == nil
        let label = Label(vi: "Số lượng", en: "Count")
        if simple {
            var sql = "SELECT count(*) FROM " + from + scope.joinSQL
            var binds = fromBinds + scope.joinBinds
            if rollups, readsTable, case .entity(let root) = scope.source,
               let read = RollupRead(root, catalog: catalog, texts: wheres.map(\.sql), alias: scope.alias, joins: scope.joins) {
                sql = "SELECT \(read.count) FROM " + read.from
                if !wheres.isEmpty { sql += " WHERE " + wheres.map { read.rewrite($0.sql) }.joined(separator: " AND ") }
                binds = fromBinds + scope.joinBinds + wheres.flatMap(\.binds)
                return CompiledQuery(sql: sql, binds: binds, columns: [ResultColumn(name: "count", label: label, type: .int)], shape: .scalar)
            }
            if !wheres.isEmpty { sql += " WHERE " + wheres.map(\.sql).joined(separator: " AND "); binds += wheres.flatMap(\.binds) }
            return CompiledQuery(sql: sql, binds: binds, columns: [ResultColumn(name: "count", label: label, type: .int)], shape: .scalar)
        }
        let (inner, binds, _) = render()
        return CompiledQuery(sql: "SELECT count(*) FROM (\(inner))", binds: binds,
                             columns: [ResultColumn(name: "count", label: label, type: .int)], shape: .scalar)
    }

    /// The ids of the rows, for a command's pipeline input.
    func idsQuery() -> CompiledQuery? {
        guard case .entity = scope.source, select == nil, groupBy == nil else { return nil }
        let f = Fragment("t0.id", [], .int)
        let (sql, binds, _) = render(columnsOverride: [(f, ResultColumn(name: "id", label: Label(vi: "Mã", en: "ID"), type: .int))])
        return CompiledQuery(sql: sql, binds: binds, columns: [], shape: .rows)
    }
}

/// One key of an ORDER BY: an expression, its direction, and whether nulls go last explicitly
/// (a `(x) IS NULL` term first; needless for a value that is never null).
struct OrderKey {
    let expression: Fragment
    var descending = false
    var nullsLast = false
    /// No two rows share it (an entity's id): keys after it decide nothing.
    var unique = false
    init(_ expression: Fragment, descending: Bool = false, nullsLast: Bool = false) {
        self.expression = expression; self.descending = descending; self.nullsLast = nullsLast
    }

    var term: Fragment {
        let e = expression, dir = descending ? " DESC" : ""
        return nullsLast ? Fragment("(\(e.sql)) IS NULL, \(e.sql)\(dir)", e.binds + e.binds, e.type) : Fragment("\(e.sql)\(dir)", e.binds, e.type)
    }
}
