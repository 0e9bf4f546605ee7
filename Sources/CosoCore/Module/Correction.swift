/// What a correction did to rows of one entity: `ENTITY-PIPELINE | update FIELD: VALUE ... reason:`
/// changed fields of them, or `PIPELINE | void reason:` removed them as entered by mistake. Given
/// to every module after the rows changed (`CosoModule.corrected`), in the same transaction: a
/// module checks what its rules say of the result and recomputes what follows from the rows (a
/// member's status from their events); a refusal undoes the whole correction.
public struct Correction: Sendable {
    public enum Kind: Sendable, Equatable {
        /// These fields were given new values.
        case update(Set<String>)
        /// The rows were removed.
        case void
    }
    public let entity: Entity
    public let kind: Kind
    /// The rows as they were before, in the order they were corrected.
    public let before: [Record]

    public init(entity: Entity, kind: Kind, before: [Record]) {
        self.entity = entity; self.kind = kind; self.before = before
    }

    /// Whether the correction touched `field` (an update of it, or a removal).
    public func touches(_ field: Field) -> Bool {
        switch kind {
        case .update(let fields): return fields.contains(field.name)
        case .void: return true
        }
    }
}
