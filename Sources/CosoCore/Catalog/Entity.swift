/// An entity the language can query: one table, named as the language names it (`orgs`, `members`).
public struct Entity: Sendable, Hashable {
    public let name: String
    public let label: Label
    /// The singular noun, for messages ("organisation", "member").
    public let singular: Label
    public let fields: [Field]
    /// The field that names a row for people (shown for references, matched by commands).
    public let displayField: String?
    /// Read-only entities (the audit trail) refuse writes through the language.
    public let readOnly: Bool
    /// SQL predicate (on this table's own columns) marking rows that still belong to what they
    /// reference, e.g. members still on the roll. Dissolving an organisation refuses while any
    /// such row points at it.
    public let liveCondition: String?

    public init(name: String, label: Label, singular: Label, fields: [Field], displayField: String? = "name",
                readOnly: Bool = false, liveCondition: String? = nil) {
        self.name = name; self.label = label; self.singular = singular
        // Every entity has an integer primary key `id`, declared here so the language can use it.
        let id = Field("id", .int, vi: "Mã", en: "ID", required: true)
        self.fields = fields.contains(where: { $0.name == "id" }) ? fields : [id] + fields
        self.displayField = displayField; self.readOnly = readOnly
        self.liveCondition = liveCondition
    }

    public var table: String { name }

    public func field(_ name: String) -> Field? { fields.first { $0.name == name } }
}
