import CosoCore

/// Grouped counts without SQLite's sort. SQLite has no hash aggregate: `GROUP BY` sorts every
/// row it groups in a temporary B-tree, which was most of what a statistic cost at a country's
/// scale (members by gender: 2.9 s, 2.3 s of it sorting 5.5 million rows). When a `summarize`
/// reads an entity with many rows and groups by its own columns that take few distinct values, the rows
/// are first counted by those values in a hash table (`tally()`, Sources/CSQLTally), and the
/// grouping proper runs over the few rows that come out:
///
///     SELECT <keys>, sum(tq.n) ... FROM (SELECT json_extract(j.value, '$[0]') AS k0, ..., AS n
///       FROM json_each((SELECT tally(t0.gender, ...) FROM members AS t0 ... WHERE ...)) AS j) AS tq
///     GROUP BY <keys>
///
/// The same rows, the same groups: every column the keys, the aggregates and the order read is
/// counted by, so the outer query sees each distinct combination once with its number of rows.
/// `count()` becomes the sum of those numbers, `count(x)` the sum where x is known, `sum(x)` of
/// whole numbers the sum of x times them; `min`, `max` and `count_distinct` read the combinations
/// as they would the rows. Anything else (`avg`, a sum of decimals) keeps the plain GROUP BY, as
/// do groupings whose columns could combine into as many values as there are rows (`init`).
struct Pretally {
    /// What a `summarize` item asks of the rows: a row count, the count of rows where a value is
    /// known (`count(x)`, `count(condition)`), a sum of whole numbers (each weighted by its rows),
    /// a value that duplicates do not change (min, max, count_distinct), or something else (`avg`,
    /// a sum of decimals: adding them row by row or weighted rounds differently).
    enum Item: Equatable { case count, countOf(String), sumOf(String), duplicateInsensitive, other }

    static func kind(of e: Expr, compiled f: Fragment) -> Item {
        guard case .call(let name, let args) = e.kind else { return .other }
        func inner(_ prefix: String) -> String? {
            guard f.sql.hasPrefix(prefix + "("), f.sql.hasSuffix(")"), !f.sql.hasPrefix(prefix + "(DISTINCT ") else { return nil }
            return String(f.sql.dropFirst(prefix.count + 1).dropLast())
        }
        switch (name.text, args.count) {
        case ("count", 0): return .count
        case ("count", 1): return inner("count").map(Item.countOf) ?? .other
        case ("sum", 1) where f.type == .int: return inner("sum").map(Item.sumOf) ?? .other
        case ("min", 1), ("max", 1), ("count_distinct", 1): return .duplicateInsensitive
        default: return .other
        }
    }

    /// The aggregate over the tallied rows; nil when the item reads them as it would the rows.
    func aggregate(_ item: Item) -> String? {
        switch item {
        case .count: return "sum(tq.n)"
        case .countOf(let e): return "coalesce(sum(CASE WHEN (\(rewrite(e))) IS NOT NULL THEN tq.n END), 0)"
        case .sumOf(let e): return "sum((\(rewrite(e))) * tq.n)"
        case .duplicateInsensitive, .other: return nil
        }
    }

    /// The columns counted by, in order, as `alias.column`.
    let columns: [String]
    private let aliases: Set<String>

    /// Nil when the rewrite does not apply: `texts` are every SQL text the outer query will
    /// evaluate (columns, keys, order); `scope` says what each alias reads.
    ///
    /// Only the source's own columns are counted by, and at most one of them may take many values
    /// (a date, a number, a reference); enumerations and truth values take few. A column reached
    /// through a join (an organisation's name shown for `by org`) would be counted by too, and
    /// grouping by organisation makes hundreds of thousands of combinations at a country's scale:
    /// there the sort of a plain GROUP BY was faster (2.5 s against 6.5 s for 5.5 million members
    /// by cell). Two dates together may combine into millions.
    init?(items: [Item], texts: [String], scope: Scope) {
        guard !items.isEmpty, !items.contains(.other), case .entity(let root) = scope.source,
              root.tree == nil else { return nil }
        var seen: Set<String> = [], columns: [String] = [], wide = 0
        let joined = Set(scope.joinAliases)
        for text in texts {
            // (A join the `where` needs stays inside, with the rows it filters.)
            guard Pretally.references(in: text, to: joined).isEmpty else { return nil }
            for (alias, column) in Pretally.references(in: text, to: [scope.alias]) where seen.insert(column).inserted {
                guard let few = Pretally.values(root, column) else { return nil }
                if !few { wide += 1 }
                guard wide <= 1 else { return nil }
                columns.append("\(alias).\(column)")
            }
        }
        guard !columns.isEmpty else { return nil }
        self.columns = columns
        self.aliases = [scope.alias]
    }

    /// Whether a column of the source takes few values (an enumeration, a truth value), a bounded
    /// many (a date, a number that is no identifier, a reference), or could take one per row (nil:
    /// text, decimals, the id).
    static func values(_ entity: Entity, _ column: String) -> Bool? {
        guard column != "id", let field = entity.fields.first(where: { $0.column == column }) else { return nil }
        switch field.type {
        case .enumeration, .bool: return true
        case .date, .int, .reference: return false
        case .text, .decimal: return nil
        }
    }

    /// `alias.column` references in SQL text, for the given aliases (a subquery's own aliases are
    /// other names, and are left alone).
    static func references(in sql: String, to aliases: Set<String>) -> [(String, String)] {
        scan(Array(sql.utf8), aliases).map { ($0.alias, $0.column) }
    }

    /// `text` reading the tallied rows (`tq.k0`, ...) instead of the source's columns.
    func rewrite(_ text: String) -> String {
        var names: [String: String] = [:]
        for (n, column) in columns.enumerated() { names[column] = "tq.k\(n)" }
        return Pretally.replacing(names, in: text, aliases: aliases)
    }

    /// `text` with each `alias.column` reference that `names` has (keyed `alias.column`) replaced.
    static func replacing(_ names: [String: String], in text: String, aliases: Set<String>) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = [], last = 0
        for ref in Pretally.scan(bytes, aliases) {
            guard let name = names["\(ref.alias).\(ref.column)"] else { continue }
            out += bytes[last..<ref.range.lowerBound] + Array(name.utf8)
            last = ref.range.upperBound
        }
        return String(decoding: out + bytes[last...], as: UTF8.self)
    }

    /// Where `alias.column` stands in SQL text (byte offsets), for the given aliases: a name that
    /// follows no other name character or dot, then a dot and a name.
    private static func scan(_ u: [UInt8], _ aliases: Set<String>) -> [(range: Range<Int>, alias: String, column: String)] {
        func isName(_ c: UInt8) -> Bool { c == 95 || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) }
        var found: [(range: Range<Int>, alias: String, column: String)] = []
        var i = 0
        while i < u.count {
            guard isName(u[i]), i == 0 || (!isName(u[i - 1]) && u[i - 1] != 46) else { i += 1; continue }
            var j = i
            while j < u.count, isName(u[j]) { j += 1 }
            let word = String(decoding: u[i..<j], as: UTF8.self)
            if j < u.count, u[j] == 46, aliases.contains(word) {
                var k = j + 1
                while k < u.count, isName(u[k]) { k += 1 }
                if k > j + 1 { found.append((i..<k, word, String(decoding: u[(j + 1)..<k], as: UTF8.self))) }
                i = k
                continue
            }
            i = j
        }
        return found
    }

    /// The FROM clause over the tallied rows, given the source's own FROM ... WHERE text.
    func source(_ fromWhere: String) -> String {
        let keys = columns.indices.map { "json_extract(j.value, '$[\($0)]') AS k\($0)" }.joined(separator: ", ")
        return " FROM (SELECT \(keys), json_extract(j.value, '$[\(columns.count)]') AS n FROM json_each((SELECT tally("
            + columns.joined(separator: ", ") + ")" + fromWhere + ")) AS j) AS tq"
    }

}
