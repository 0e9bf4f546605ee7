import CosoCore

/// What names mean in the current stage: the fields of an entity (following references through
/// joins), or the output columns of a wrapped subquery.
final class Scope {
    enum Source {
        case entity(Entity)
        case columns([ResultColumn])
    }

    let source: Source
    let alias: String
    let catalog: Catalog
    private(set) var joins: [(key: String, alias: String, sql: String, binds: [Value])] = []
    let newAlias: () -> String
    let rowFilter: (any RowFilter)?

    /// Output columns of a subquery that carry a Vietnamese sort key as `c<i>_sort`.
    let sortable: Set<Int>
    /// Output columns of a subquery known never to be null.
    let nonNull: Set<Int>
    /// Under English, fields with an English twin (`check.problem`) read it instead.
    var language: Language = .vi

    /// The field to read for `field`: its English twin under English, else itself.
    func localized(_ field: Field, of entity: Entity) -> Field {
        guard language == .en, let name = field.englishField, let twin = entity.field(name) else { return field }
        return twin
    }

    init(source: Source, alias: String, catalog: Catalog, newAlias: @escaping () -> String, rowFilter: (any RowFilter)? = nil,
         sortable: Set<Int> = [], nonNull: Set<Int> = []) {
        self.source = source; self.alias = alias; self.catalog = catalog; self.newAlias = newAlias; self.rowFilter = rowFilter
        self.sortable = sortable; self.nonNull = nonNull
    }

    var joinSQL: String { joins.map { " " + $0.sql }.joined() }
    var joinAliases: [String] { joins.map(\.alias) }

    /// The entity a join reads, found by following its path of references from the root.
    func entity(ofJoin alias: String) -> Entity? {
        guard case .entity(let root) = source, let key = joins.first(where: { $0.alias == alias })?.key else { return nil }
        var entity = root
        for name in key.split(separator: ".") {
            guard let f = entity.field(String(name)), case .reference(let t) = f.type, let next = catalog.entity(t) else { return nil }
            entity = next
        }
        return entity
    }
    var joinBinds: [Value] { joins.flatMap(\.binds) }

    /// `LEFT JOIN target AS a ON a.id = from.column`, restricted by the row filter when there is one.
    private func addJoin(key: String, target: String, from: String, column: String) -> String {
        let a = newAlias()
        var sql = "LEFT JOIN \(target) AS \(a) ON \(a).id = \(from).\(column)"
        var binds: [Value] = []
        if let entity = catalog.entity(target), let c = rowFilter?.condition(for: entity, alias: a) {
            sql += " AND (\(c.sql))"
            binds = c.binds
        }
        joins.append((key, a, sql, binds))
        return a
    }

    /// The alias of the table reached by following `path` (reference field names) from the root,
    /// adding LEFT JOINs once per distinct path.
    func join(path: [Field], from rootAlias: String) -> String {
        var currentAlias = rootAlias
        var key = ""
        for f in path {
            guard case .reference(let target) = f.type else { break }
            key += (key.isEmpty ? "" : ".") + f.name
            if let existing = joins.first(where: { $0.key == key }) {
                currentAlias = existing.alias
                continue
            }
            currentAlias = addJoin(key: key, target: target, from: currentAlias, column: f.column)
        }
        return currentAlias
    }

    /// Resolves a dotted path to a column fragment, or explains what is wrong.
    func resolve(_ names: [Name]) throws(Diagnostic) -> Fragment {
        switch source {
        case .columns(let columns):
            let text = names.map(\.text).joined(separator: ".")
            guard let i = columns.firstIndex(where: { $0.name == text }) else {
                let span = names.first!.span.union(names.last!.span)
                let suggestion = Suggest.closest(to: text, in: columns.map(\.name))
                throw Diagnostic("E0202", Label(vi: "không có cột '\(text)' ở bước này", en: "no column '\(text)' at this stage"),
                                 span: span, help: Scope.didYouMean(suggestion, among: columns.map(\.name)))
            }
            let col = columns[i]
            return Fragment("\(alias).c\(i)", [], col.type.map(ExprType.init) ?? .text,
                            sortKey: sortable.contains(i) ? "\(alias).c\(i)_sort" : nil, nonNull: nonNull.contains(i))
        case .entity(let root):
            var entity = root
            var walked: [Field] = []
            for (k, n) in names.enumerated() {
                guard let field = entity.field(n.text) else {
                    let suggestion = Suggest.closest(to: n.text, in: entity.fields.map(\.name))
                    throw Diagnostic("E0202", Label(vi: "\(entity.name) không có trường '\(n.text)'",
                                                   en: "\(entity.name) has no field '\(n.text)'"),
                                     span: n.span, help: Scope.didYouMean(suggestion, among: entity.fields.map(\.name)))
                }
                if k == names.count - 1 {
                    let a = join(path: walked, from: alias)
                    // A required field of the source itself (not through a LEFT JOIN) is never null.
                    let read = localized(field, of: entity)
                    return Fragment("\(a).\(read.column)", [], ExprType(read.type), field: (a, read),
                                    nonNull: walked.isEmpty && field.required)
                }
                guard case .reference(let target) = field.type, let next = catalog.entity(target) else {
                    throw Diagnostic("E0203", Label(vi: "'\(n.text)' không phải tham chiếu nên không có trường con",
                                                   en: "'\(n.text)' is not a reference, so it has no fields"),
                                     span: names[k + 1].span)
                }
                walked.append(field)
                entity = next
            }
            fatalError("unreachable: empty path")
        }
    }

    /// A condition the entity reached by `names` declares (`on_roll`, `member.on_roll`), with the
    /// alias of that entity's rows; nil when the last name is a field, or not a condition.
    func condition(_ names: [Name]) -> (NamedCondition, alias: String)? {
        guard case .entity(let root) = source, let last = names.last else { return nil }
        var entity = root
        var walked: [Field] = []
        for n in names.dropLast() {
            guard let f = entity.field(n.text), case .reference(let t) = f.type, let next = catalog.entity(t) else { return nil }
            walked.append(f)
            entity = next
        }
        guard entity.field(last.text) == nil, let c = entity.conditions.first(where: { $0.name == last.text }) else { return nil }
        return (c, join(path: walked, from: alias))
    }

    /// The display column of a referenced row (`org` shown as the organisation's name).
    func display(of fragment: Fragment) -> Fragment? {
        guard case .reference(let target) = fragment.type, let (a, field) = fragment.field,
              let entity = catalog.entity(target), let d = entity.displayField, let df = entity.field(d) else { return nil }
        let key = joins.first(where: { $0.alias == a })?.key
        let path = key.map { $0 + "." + field.name } ?? field.name
        if let existing = joins.first(where: { $0.key == path }) {
            return Fragment("\(existing.alias).\(df.column)", [], ExprType(df.type), field: (existing.alias, df))
        }
        let na = addJoin(key: path, target: target, from: a, column: field.column)
        return Fragment("\(na).\(df.column)", [], ExprType(df.type), field: (na, df))
    }

    /// How a reference is shown in results: the referenced row's name, followed by the name of
    /// the row above it in parentheses where other rows share that name ("Chi bộ thôn 1 (xã Gia
    /// Hiệp)"), the form in which a name may be typed back (`NameLookup`). Sorted by the name.
    func shown(of fragment: Fragment) -> Fragment? {
        guard let d = display(of: fragment), let (a, df) = d.field, case .reference(let target) = fragment.type,
              let entity = catalog.entity(target) else { return nil }
        guard let placing = catalog.placingField(of: entity) ?? entity.tree.flatMap({ entity.field($0.parent) }),
              case .reference(let upName) = placing.type, let up = catalog.entity(upName),
              let upDisplay = up.displayField.flatMap(up.field) else { return d }
        let x = newAlias(), p = newAlias()
        let name = "\(a).\(df.column)"
        let repeated: String
        if entity.tree != nil {
            // The organisations' repeated names, gathered once for the whole query (SQLite keeps
            // an uncorrelated IN list): a million members shown with their cells in 3.6 s, not
            // 5.4 s with a look-up for each row.
            repeated = "\(name) IN (SELECT \(x).\(df.column) FROM \(entity.table) AS \(x) GROUP BY \(x).\(df.column) HAVING count(*) > 1)"
        } else {
            // A member's namesakes, looked up through the folded name's index, row by row (the
            // repeated names of millions of members are not gathered for a list of ten).
            let same = (df.foldedColumn.map { "\(x).\($0) = \(a).\($0) AND " } ?? "") + "\(x).\(df.column) = \(name)"
            repeated = "EXISTS (SELECT 1 FROM \(entity.table) AS \(x) WHERE \(same) AND \(x).id <> \(a).id)"
        }
        var above = "(SELECT \(p).\(upDisplay.column) FROM \(up.table) AS \(p) WHERE \(p).id = \(a).\(placing.column))"
        if entity.tree != nil {
            // A party committee above is named by its place, as people say it: "Chi bộ thôn 1 (xã
            // Gia Hiệp)", not "(Đảng bộ xã Gia Hiệp)" (either form is read back: `NameLookup`).
            above = "(SELECT CASE WHEN \(p).\(upDisplay.column) LIKE 'Đảng bộ %' THEN substr(\(p).\(upDisplay.column), 9) "
                + "ELSE \(p).\(upDisplay.column) END FROM \(up.table) AS \(p) WHERE \(p).id = \(a).\(placing.column))"
        }
        let sql = "CASE WHEN \(repeated) THEN \(name) || coalesce(' (' || \(above) || ')', '') ELSE \(name) END"
        return Fragment(sql, [], d.type, sortKey: d.vietnameseSortKey, nonNull: d.nonNull)
    }

    static func didYouMean(_ suggestion: String?, among names: [String]) -> Label {
        if let s = suggestion { return Label(vi: "có phải ý bạn là '\(s)'?", en: "did you mean '\(s)'?") }
        let list = names.prefix(12).joined(separator: ", ")
        return Label(vi: "các tên có thể dùng: \(list)", en: "available names: \(list)")
    }
}
