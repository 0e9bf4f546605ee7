import CosoCore

/// The rows of one district of the country demo, made by `CountryGenerator` on one thread and
/// written by `CountryWriter` on another. Ids are chosen by the generator (the database starts
/// empty), so that making rows never waits for the database.
struct CountryBatch: Sendable {
    var orgs: [CountryOrg] = []
    var members: [CountryMember] = []
    var events: [CountryEvent] = []
    var ratings: [(member: Int64, year: Int, level: String)] = []
    var orgRatings: [(org: Int64, year: Int, level: String)] = []
    var plans: [(org: Int64, year: Int, adopted: LocalDate)] = []
    var villages: [CountryVillage] = []
    var positions: [CountryPosition] = []
}

/// `forms`: the name's folded and sort-key shadow columns.
typealias NameForms = (folded: String, sort: String)

struct CountryOrg: Sendable {
    let id: Int64
    let name: String
    let forms: NameForms
    let kind: String
    let sector: String?
    let parent: Int64?
    let unitCode: String?
    let founded: LocalDate
    var hasCommittee: Bool
    let authorisedToAdmit: Bool
}

struct CountryMember: Sendable {
    let id: Int64
    let name: String
    let forms: NameForms
    let female: Bool
    let born: LocalDate
    let ethnicity: String
    let religion: String
    let nationalID: String
    let cardNo: String?
    let occupation: String
    let education: String
    let qualification: String
    var theory: String
    let status: String
    let org: Int64
    let admitted: LocalDate
    let confirmed: LocalDate?
    let exempted: LocalDate?
    let workStatus: String
}

struct CountryEvent: Sendable {
    let member: Int64
    let kind: String
    let happened: LocalDate
    let org: Int64?
    let status: String?
    let note: String?
}

struct CountryVillage: Sendable {
    let name: String
    let forms: NameForms
    let kind: String
    let commune: Int64
    let cell: Int64
    let headIsMember: Bool
    let frontHeadIsMember: Bool
}

struct CountryPosition: Sendable {
    let member: Int64
    let org: Int64
    let role: String
    let started: LocalDate
    let unitHead: Bool
}

/// The country's units before 1/7/2025, parsed from `CountryUnits.text`.
struct CountryProvince {
    let code: String
    let name: String
    var districts: [(code: String, name: String, type: String, wards: [(code: String, name: String, type: String)])] = []

    static func all() -> [CountryProvince] {
        var out: [CountryProvince] = []
        for line in CountryUnits.text.split(separator: "\n") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            switch f[0] {
            case "P": out.append(CountryProvince(code: f[1], name: f[2]))
            case "D": out[out.count - 1].districts.append((f[1], f[2], f[3], []))
            default:
                let p = out.count - 1, d = out[p].districts.count - 1
                out[p].districts[d].wards.append((f[1], f[2], f[3]))
            }
        }
        return out
    }
}
