import Synchronization

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

    /// How the entity reads at a date (`members asof @2023-12-31`), or, for derived entities such
    /// as `check`, always.
    public let dated: DatedSource?
    /// Rules over several fields of a row (dates in order, one of two subjects, unique pairs).
    public let constraints: [RowConstraint]
    /// Secondary indexes the queries on this entity need (searchable fields get theirs anyway).
    public let indexes: [Index]
    /// Counts of the rows by a few fields, kept as rows are written (`Rollup`).
    public let rollups: [Rollup]
    /// Rows are never updated or deleted, not even by coso (the audit trail): the table's triggers
    /// refuse it.
    public let appendOnly: Bool
    /// Set by the one entity that is the organisation tree: the field naming each row's parent.
    public let tree: Tree?
    /// The field that places a row in the organisation tree: a reference to the tree, or to an
    /// entity placed in it (a rating through its member). Nil: the first reference to the tree,
    /// else the first reference to an entity placed in it. What `for "ORG"` and, later, a user's
    /// scope restrict rows by.
    public let placedBy: String?
    /// Conditions on the rows at a date that the language offers by name (`on_roll`).
    public let conditions: [NamedCondition]
    /// Which rows the entity holds, for `.help ENTITY` (members: everyone ever recorded, the roll
    /// being `where on_roll`).
    public let about: Label?

    /// How the entity that is the organisation tree hangs together.
    public struct Tree: Sendable, Hashable {
        /// The reference to the same entity that names a row's parent.
        public let parent: String
        public init(parent: Field) { self.parent = parent.name }
    }

    public init(name: String, label: Label, singular: Label, fields: [Field], displayField: String? = "name",
                readOnly: Bool = false, liveCondition: String? = nil, dated: DatedSource? = nil,
                constraints: [RowConstraint] = [], indexes: [Index] = [], rollups: [Rollup] = [], appendOnly: Bool = false, tree: Tree? = nil,
                placedBy: Field? = nil, conditions: [NamedCondition] = [], about: Label? = nil) {
        self.name = name; self.label = label; self.singular = singular
        // Every entity has an integer primary key `id`, declared here so the language can use it.
        self.fields = fields.contains(where: { $0.name == "id" }) ? fields : [Field.id] + fields
        fieldPositions = Dictionary(self.fields.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.displayField = displayField; self.readOnly = readOnly
        self.liveCondition = liveCondition
        self.dated = dated
        self.constraints = constraints; self.indexes = indexes; self.rollups = rollups; self.appendOnly = appendOnly
        self.tree = tree; self.placedBy = placedBy?.name; self.conditions = conditions
        self.about = about
    }

    /// Whether the entity is a table of its own (derived entities such as `check` are read through
    /// their SQL only).
    public var isStored: Bool { dated?.always != true }

    public var table: String { name }

    /// Field positions by name (an import looks fields up for every cell of millions of rows).
    private let fieldPositions: [String: Int]

    public func field(_ name: String) -> Field? { fieldPositions[name].map { fields[$0] } }
    /// Where a field is in `fields`, by name.
    public func position(of name: String) -> Int? { fieldPositions[name] }
}

/// A SELECT giving an entity's rows as they stood at a date: it yields the entity's columns, and
/// every `?` in it (outside quoted text) is bound to that date.
public struct DatedSource: Sendable, Hashable {
    private let text: SourceText
    /// The SELECT.
    public var sql: String { text.value.sql }
    /// How many times the date is bound.
    public var placeholders: Int { text.value.placeholders }
    /// Read through `sql` even without `asof` (at today's date): entities derived from others,
    /// such as the data check, which have no table of their own.
    public let always: Bool

    /// The rows without the condition of being there at the date (`presence`), and the columns a
    /// non-null value of which implies it: a query filtering on one of them reads this instead,
    /// one look-up per row fewer (`members asof D | where status == official`: the status is the
    /// latest event's by D, null when there is none, which is what `presence` asks).
    public var unconditional: Unconditional? {
        guard let unconditionalText, let impliedBy else { return nil }
        let text = unconditionalText.value
        return Unconditional(sql: text.sql, placeholders: text.placeholders, impliedBy: impliedBy)
    }
    private let unconditionalText: SourceText?
    private let impliedBy: Set<String>?
    private let presence: String?

    /// Conditions on the table's own row that every row whose column (the key) holds one of some
    /// values at the date meets, `{values}` standing for those values: an organisation of a kind
    /// then is of that kind now or has had its kind changed (`PastValues.narrowing`). A `where`
    /// on the column adds it inside the source, where an index answers it, so that the history
    /// is looked up for those rows only (`orgs asof D | where kind == village_cell`: 97,000 of
    /// 378,000 organisations at the country).
    public let narrowing: [String: String]

    /// The source with `conditions` (made from `narrowing`, values written in) added to its
    /// presence; nil for a source without one.
    public func narrowed(by conditions: [String]) -> SQLText? {
        guard let unconditionalText, let presence, !conditions.isEmpty else { return nil }
        return SQLText(unconditionalText.value.sql + " WHERE (" + presence + ")" + conditions.map { " AND " + $0 }.joined())
    }

    public struct Unconditional: Sendable, Hashable {
        public let sql: String
        public let placeholders: Int
        public let impliedBy: Set<String>
    }

    public init(sql: String, always: Bool = false) {
        text = .ready(SQLText(sql)); self.always = always
        unconditionalText = nil; impliedBy = nil; presence = nil; narrowing = [:]
    }

    /// A source whose SQL is made the first time it is read, once: the derived `check` and `rules`
    /// are unions over every module's declarations, built at every start of coso and read by few
    /// of its runs (a third of the registry's own time went into them).
    public init(always: Bool, deferred make: @escaping @Sendable () -> String) {
        text = .deferred(DeferredSQL(make)); self.always = always
        unconditionalText = nil; impliedBy = nil; presence = nil; narrowing = [:]
    }

    /// `select` followed by `WHERE presence` is the source.
    public init(select: String, presence: String, impliedBy: Set<String>, narrowing: [String: String] = [:]) {
        self.init(presence: presence, impliedBy: impliedBy, narrowing: narrowing) { select }
    }

    /// The same, with the SELECT made the first time either text is read (the members' history
    /// SELECT was a fifth of the registry's own work at every start, for the few runs that ask
    /// for `asof`).
    public init(presence: String, impliedBy: Set<String>, narrowing: [String: String] = [:],
                deferredSelect: @escaping @Sendable () -> String) {
        let select = DeferredSQL(deferredSelect)
        text = .deferred(DeferredSQL { select.value.sql + " WHERE " + presence })
        always = false
        unconditionalText = .deferred(select)
        self.impliedBy = impliedBy
        self.presence = presence
        self.narrowing = narrowing
    }

    static func placeholders(_ sql: String) -> Int {
        var count = 0, quoted = false
        for c in sql.utf8 {
            if c == UInt8(ascii: "'") { quoted.toggle() } else if c == UInt8(ascii: "?") && !quoted { count += 1 }
        }
        return count
    }
}

/// A SELECT with the number of date placeholders in it.
public struct SQLText: Sendable, Hashable {
    public let sql: String
    public let placeholders: Int
    init(_ sql: String) { self.sql = sql; placeholders = DatedSource.placeholders(sql) }
}

/// A dated source's text, made now or on first use.
enum SourceText: Sendable, Hashable {
    case ready(SQLText)
    case deferred(DeferredSQL)

    var value: SQLText {
        switch self {
        case .ready(let text): text
        case .deferred(let deferred): deferred.value
        }
    }

    static func == (a: SourceText, b: SourceText) -> Bool { a.value == b.value }
    func hash(into hasher: inout Hasher) { hasher.combine(value) }
}

/// SQL made by `make` the first time it is asked for, under a lock: a catalogue is shared by every
/// thread of a process (the test suite runs many at once).
final class DeferredSQL: Sendable {
    private let make: @Sendable () -> String
    private let made = Mutex<SQLText?>(nil)

    init(_ make: @escaping @Sendable () -> String) { self.make = make }

    var value: SQLText {
        made.withLock { made in
            if let made { return made }
            let text = SQLText(make())
            made = text
            return text
        }
    }
}
