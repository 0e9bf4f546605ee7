/// How a write names the rows it touched, for people: what the row is called (its display field,
/// or the name of what it belongs to: a rating names its member) and where it sits in the
/// organisation tree (a member's cell, a cell's parent), with its id. Never a field marked
/// secret (a national ID): only display fields are read.
public struct RowDescription: Sendable {
    public let entity: Entity
    /// SELECT id, name, place FROM ... WHERE id IN (SELECT value FROM json_each(?)).
    public let sql: String

    public init(_ entity: Entity, catalog: Catalog) {
        self.entity = entity
        var joins: [String] = []
        var alias = 0
        func join(_ from: String, _ field: Field) -> (alias: String, entity: Entity)? {
            guard case .reference(let target) = field.type, let other = catalog.entity(target) else { return nil }
            alias += 1
            let a = "r\(alias)"
            joins.append("LEFT JOIN \(other.table) \(a) ON \(a).id = \(from).\(field.column)")
            return (a, other)
        }
        func display(_ a: String, _ e: Entity) -> String? {
            e.displayField.flatMap(e.field).map { "\(a).\($0.column)" }
        }
        // What the row is called: its own name, else the name of whom it is about (a rating's or an
        // event's member) followed by what it is (its first enum, by label, and its first date).
        var name = display("t", entity)
        var place: String?
        if name == nil, let subject = entity.fields.first(where: { f in
            guard case .reference(let target) = f.type, let other = catalog.entity(target) else { return false }
            return other.tree == nil && other.displayField != nil
        }), let (a, target) = join("t", subject) {
            var parts = [display(a, target) ?? "NULL"]
            if let kind = entity.fields.first(where: { if case .enumeration = $0.type { return true } else { return false } }),
               case .enumeration(let id) = kind.type, let type = catalog.enumType(id), !type.cases.isEmpty {
                let whens = type.cases.map { "WHEN '\($0.id.replacingOccurrences(of: "'", with: "''"))' THEN '\($0.label.vi.replacingOccurrences(of: "'", with: "''"))'" }
                parts.append("': ' || CASE t.\(kind.column) \(whens.joined(separator: " ")) ELSE t.\(kind.column) END")
            }
            if let date = entity.fields.first(where: { $0.type == .date }) { parts.append("coalesce(' ' || t.\(date.column), '')") }
            name = parts.joined(separator: " || ")
            if let next = catalog.placingField(of: target), let (b, tree) = join(a, next) { place = display(b, tree) }
        } else {
            let placing = catalog.placingField(of: entity) ?? entity.tree.flatMap { entity.field($0.parent) }
            if let placing, let (a, target) = join("t", placing) { place = display(a, target) }
        }
        // Neither a name nor a subject (a committee term): what it is, and its first date.
        if name == nil {
            let singular = "'" + entity.singular.vi.replacingOccurrences(of: "'", with: "''") + "'"
            name = entity.fields.first(where: { $0.type == .date }).map { "\(singular) || coalesce(' ' || t.\($0.column), '')" } ?? singular
        }
        sql = "SELECT t.id, \(name ?? "NULL"), \(place ?? "NULL") FROM \(entity.table) t " + joins.joined(separator: " ")
            + " WHERE t.id IN (SELECT value FROM json_each(?))"
    }

    /// `Nguyễn Văn An (Chi bộ thôn 1, mã 12)`, from a row of `sql`.
    public static func line(_ row: [Value], language: Language) -> String {
        let id = row[0].intValue ?? 0
        let name = row.count > 1 ? row[1].textValue : nil
        let place = row.count > 2 ? row[2].textValue : nil
        let idText = language == .vi ? "mã \(id)" : "id \(id)"
        return (name ?? (language == .vi ? "dòng" : "row")) + " (" + (place.map { "\($0), " } ?? "") + idText + ")"
    }

    /// The ids as the one argument `sql` takes.
    public static func argument(_ ids: [Int64]) -> Value { .text("[" + ids.map(String.init).joined(separator: ",") + "]") }
}
