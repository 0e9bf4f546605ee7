import CosoCore

/// Counts read from an entity's rollup (`Rollup`) instead of its rows. The register keeps, for a
/// few fields of an entity, each combination of their values that some row has with its number of
/// rows, true after every write (triggers, in the write's transaction). A count, a `summarize` or
/// a `| count` whose every column of the source (filters, keys, aggregates, order) is one of a
/// rollup's fields gives the same answer read from the combinations:
///
///     members | where on_roll(@2022-12-31) | summarize n: count() by gender
///     SELECT t0.gender, coalesce(sum(t0.rollup_count), 0) FROM rollup_members_gender AS t0
///       WHERE NOT (t0.admitted > ?) AND (t0.ended IS NULL OR t0.ended > ?) GROUP BY t0.gender
///
/// (50,000 combinations at the country instead of 5.5 million members.) The table has the
/// entity's column names, so the filter, keys and order are read unchanged; `count()` becomes the
/// sum of the counts, `count(x)` the sum where x is known, a sum of whole numbers the sum of x
/// times them, and `min`, `max` and `count_distinct` read the combinations as they would the rows.
///
/// A rollup counted through a reference (`ratings` by `member.org`) stands for the join along it:
/// `t1.org_id` (the member's cell) becomes the rollup's `member_org_id`, the join to members goes,
/// and joins beyond it (the cell's name) start from the rollup's column.
///
/// Anything else (`avg`, another joined column, a restriction to part of the tree, which reads
/// the organisation) reads the rows.
struct RollupRead {
    let rollup: Rollup
    let alias: String
    /// `alias.column` references of the join the rollup stands for, to its own column.
    private let renamed: [String: String]
    /// Aliases whose references are renamed.
    private let renamedAliases: Set<String>
    /// The joins still needed, their text rewritten.
    let joins: String

    /// The smallest rollup of `entity` that holds every column of the source that `texts` (every
    /// SQL text the query evaluates) and the joins read; nil if none does.
    init?(_ entity: Entity, catalog: Catalog, texts: [String], alias: String, joins: [(key: String, alias: String, sql: String, binds: [Value])]) {
        let candidates = RollupSchema.all(of: entity, catalog: catalog)
            .sorted { $0.keyColumns.count < $1.keyColumns.count }
        for schema in candidates {
            // The join the rollup's column stands for, if the query has it.
            let standIn = schema.path.flatMap { path in joins.first { $0.key == schema.rollup.through?.reference }.map { (join: $0, path: path) } }
            // (A join restricted by the row filter keeps the rows: the filter reads the source too.)
            guard standIn?.join.binds.isEmpty ?? true else { continue }
            let kept = joins.filter { $0.alias != standIn?.join.alias }
            let all = texts + kept.map(\.sql)
            let own = Set(schema.columns)
            guard all.allSatisfy({ Pretally.references(in: $0, to: [alias]).allSatisfy { own.contains($0.1) } }) else { continue }
            if let standIn {
                guard all.allSatisfy({ Pretally.references(in: $0, to: [standIn.join.alias]).allSatisfy { $0.1 == standIn.path.field } })
                else { continue }
            }
            rollup = schema.rollup
            self.alias = alias
            let names = standIn.map { ["\($0.join.alias).\($0.path.field)": "\(alias).\($0.path.column)"] } ?? [:]
            renamed = names
            renamedAliases = Set(standIn.map { [$0.join.alias] } ?? [])
            self.joins = kept.map { " " + Pretally.replacing(names, in: $0.sql, aliases: Set(standIn.map { [$0.join.alias] } ?? [])) }.joined()
            return
        }
        return nil
    }

    /// `text` reading the rollup's column for the join it stands for.
    func rewrite(_ text: String) -> String {
        renamed.isEmpty ? text : Pretally.replacing(renamed, in: text, aliases: renamedAliases)
    }

    /// The FROM clause: the rollup's table under the source's alias, with the joins still needed.
    var from: String { "\(rollup.table) AS \(alias)" + joins }

    /// `count(*)` of the rows.
    var count: String { "coalesce(sum(\(alias).\(Rollup.countColumn)), 0)" }

    /// The aggregate over the combinations; nil when the item reads them as it would the rows.
    func aggregate(_ item: Pretally.Item) -> String? {
        let n = "\(alias).\(Rollup.countColumn)"
        switch item {
        case .count: return count
        case .countOf(let e): return "coalesce(sum(CASE WHEN (\(rewrite(e))) IS NOT NULL THEN \(n) END), 0)"
        case .sumOf(let e): return "sum((\(rewrite(e))) * \(n))"
        case .duplicateInsensitive, .other: return nil
        }
    }
}
