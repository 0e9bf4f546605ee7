import CosoCore

/// Builds a realistic demo district modelled on Di Linh at the date of its plan 90-KH/HU
/// (22/12/2022): the district committee, its 19 real commune-level units, agency organisations,
/// exactly 183 village and residential-group cells of which exactly 97 have a cell committee (the
/// plan's baseline, 53%), other subordinate cells, and about 4,500 members with Kinh and K'Ho
/// names. The same seed gives the same database.
public struct DemoDistrict {
    /// The date the demo's history ends: the plan's date.
    public static let referenceDate = LocalDate(year: 2022, month: 12, day: 22)!
    public static let villageCellCount = 183
    public static let villageCellsWithCommittee = 97
    /// fn3 of the plan (11/2022): village and residential-group heads, and Front team heads, who are not members.
    public static let headsNotMembers = 84
    public static let frontHeadsNotMembers = 62

    public let seed: UInt64
    public init(seed: UInt64 = 1) { self.seed = seed }

    public struct Summary: Sendable {
        public var organisations = 0
        public var villageCells = 0
        public var villageCellsWithCommittee = 0
        public var members = 0
    }

    /// Fills an empty database; refuses one that already holds organisations or members.
    public func build(into store: Store, user: String) throws -> Summary {
        guard store.catalog.entity("orgs") != nil, store.catalog.entity("members") != nil else {
            throw DemoError.missingModules
        }
        try DemoError.requireEmpty(store)
        let origin = WriteOrigin(user: user, statement: "coso demo district --seed \(seed)", source: "demo")
        // Tens of thousands of rows: audited as id ranges under the demo's one audit entry.
        return try store.load(origin) { load in
            var builder = Builder(tx: load, random: SeededRandom(seed: seed))
            try builder.run()
            return builder.summary
        }
    }
}

public enum DemoError: Error, CustomStringConvertible {
    case missingModules
    case notEmpty(String)

    /// Every demo is built only into a database with no organisations and no members.
    static func requireEmpty(_ store: Store) throws {
        let existing = try store.scalar("SELECT (SELECT count(*) FROM orgs) + (SELECT count(*) FROM members)")
        guard existing == .int(0) else { throw DemoError.notEmpty(store.path) }
    }

    public var description: String {
        switch self {
        case .missingModules: return "the demo needs the organisations and members modules"
        case .notEmpty(let path):
            return "\(path) already holds data; the demo is built only into an empty database (choose another --db, or delete the file)"
        }
    }
}
