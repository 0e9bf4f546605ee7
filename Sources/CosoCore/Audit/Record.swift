/// A row as module code reads it: its values by declared field (a reference holds the id it points
/// at; a field without a value reads as `.null`).
public struct Record: Sendable {
    public let entity: Entity
    let values: [(String, Value)]

    public subscript(_ field: Field) -> Value {
        guard let position = entity.position(of: field.name), position < values.count else { return .null }
        return values[position].1
    }

    public var id: Int64 { self[Field.id].intValue ?? 0 }
}
