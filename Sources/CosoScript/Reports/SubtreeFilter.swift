import CosoCore

/// Restricts every entity a query reads to one part of the organisation tree: an organisation and
/// everything under it (`targets for "Đảng bộ xã Gia Hiệp"`). Plugs into the planner's row-filter
/// seam, so paths and back-reference counts are restricted too.
///
/// A row belongs to the part through its organisation: an organisation itself; a row with an
/// `org` (or another organisation reference, such as a village's `commune`); a row about a member
/// (`member`) through the member's cell. Rows with no organisation (the audit trail) are not
/// restricted.
public struct SubtreeFilter: RowFilter {
    public let root: Int64
    let catalog: Catalog

    public init(root: Int64, catalog: Catalog) { self.root = root; self.catalog = catalog }

    /// The organisations of the part, as a subquery (the recursive walk down `parent`).
    var subtree: String {
        let parent = catalog.entity("orgs")?.field("parent")?.column ?? "parent_id"
        return "WITH RECURSIVE sub(id) AS (SELECT ? UNION ALL SELECT o.id FROM orgs o JOIN sub ON o.\(parent) = sub.id) SELECT id FROM sub"
    }

    public func condition(for entity: Entity, alias: String) -> (sql: String, binds: [Value])? {
        if entity.name == "orgs" { return ("\(alias).id IN (\(subtree))", [.int(root)]) }
        if let column = SubtreeFilter.orgColumn(of: entity) { return ("\(alias).\(column) IN (\(subtree))", [.int(root)]) }
        if let member = entity.field("member"), member.type == .reference("members"),
           let members = catalog.entity("members"), let org = SubtreeFilter.orgColumn(of: members) {
            return ("\(alias).\(member.column) IN (SELECT m.id FROM members m WHERE m.\(org) IN (\(subtree)))", [.int(root)])
        }
        return nil
    }

    /// The column naming the organisation a row belongs to: `org`, else `commune`, else the first
    /// reference to an organisation.
    static func orgColumn(of entity: Entity) -> String? {
        let refs = entity.fields.filter { $0.type == .reference("orgs") }
        return (refs.first { $0.name == "org" } ?? refs.first { $0.name == "commune" } ?? refs.first)?.column
    }
}
