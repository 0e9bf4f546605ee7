import CosoCore

/// Restricts every entity a query reads to one part of the organisation tree: an organisation and
/// everything under it (`targets for "Đảng bộ xã Gia Hiệp"`). Plugs into the planner's row-filter
/// seam, so paths and back-reference counts are restricted too.
///
/// The tree is the entity a module declares as such, and a row belongs to the part through the
/// field that places it in the tree (`Catalog.placingField`): a reference to the tree (a member's
/// cell), or to a row placed in it (a rating through its member). Rows with no place in the tree
/// (the audit trail) are not restricted.
public struct SubtreeFilter: RowFilter {
    public let root: Int64
    let catalog: Catalog

    public init(root: Int64, catalog: Catalog) { self.root = root; self.catalog = catalog }

    public func condition(for entity: Entity, alias: String) -> (sql: String, binds: [Value])? {
        guard let tree = catalog.tree, let parent = tree.tree.flatMap({ tree.field($0.parent) }) else { return nil }
        let subtree = "WITH RECURSIVE sub(id) AS (SELECT ? UNION ALL SELECT t.id FROM \(tree.table) t JOIN sub ON t.\(parent.column) = sub.id) "
            + "SELECT id FROM sub"
        return membership(entity, alias, subtree, depth: 0).map { ($0, [.int(root)]) }
    }

    /// SQL true of a row of `entity` (aliased `alias`) in the part; nil when the entity has no place.
    private func membership(_ entity: Entity, _ alias: String, _ subtree: String, depth: Int) -> String? {
        if entity.tree != nil { return "\(alias).id IN (\(subtree))" }
        guard let field = catalog.placingField(of: entity), case .reference(let target) = field.type,
              let next = catalog.entity(target) else { return nil }
        if next.tree != nil { return "\(alias).\(field.column) IN (\(subtree))" }
        // Through the row it refers to, a few steps at most (a declaration could go round in a circle).
        let inner = "p\(depth)"
        guard depth < 4, let condition = membership(next, inner, subtree, depth: depth + 1) else { return nil }
        return "\(alias).\(field.column) IN (SELECT \(inner).id FROM \(next.table) \(inner) WHERE \(condition))"
    }
}
