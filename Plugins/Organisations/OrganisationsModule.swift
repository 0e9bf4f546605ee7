import CosoCore

/// The organisation tree: party committees, grassroots organisations and cells, of any depth.
///
/// Nothing here assumes a district level: it was abolished on 1/7/2025 (294-QĐ/TW), and a tree
/// of any depth holds both the old and the new structure.
public struct OrganisationsModule: CosoModule {
    public init() {}

    public let manifest = Manifest(
        id: "organisations", version: Version(0, 2, 0),
        summary: Label(vi: "Tổ chức đảng: cây tổ chức, thành lập, sáp nhập, giải thể",
                       en: "Party organisations: the tree, founding, moves and dissolution"),
        codes: OrgDiagnostics.range)

    public var enums: [EnumType] {
        [OrgEnums.kind, OrgEnums.sector, OrgEnums.ending, OrgRecords.villageKind, OrgRecords.recognitionKind, OrgRecords.meetingKind]
    }
    public var entities: [Entity] {
        [Orgs.entity, Villages.entity, CommitteeTerms.entity, Recognitions.entity, Innovations.entity, Meetings.entity, OrgNames.entity]
    }
    public var migrations: [Migration] { OrgMigrations.all + [OrgRecords.migration, OrgRecords.authorisation] }
    public var checks: [DataCheck] { OrgChecks.all }
    public var diagnostics: [DiagnosticDefinition] { OrgDiagnostics.all }
    public var examplesOfCosoCodes: [CodeExample] { OrgDiagnostics.cosoCodes }
    public var rules: [RuleDefinition] { OrgChecks.rules }
    public var statistics: [StatisticDefinition] { OrgStatistics.all }
    /// A committee term corrected or voided: whether its organisation has a committee follows anew.
    public func corrected(_ correction: Correction, _ tx: WriteTransaction) throws {
        guard correction.entity.name == CommitteeTerms.entity.name else { return }
        var seen: Set<Int64> = []
        for term in correction.before {
            // The organisation it was of, and the one it is of now when that was corrected.
            let now = try tx.record(CommitteeTerms.entity, id: term.id)?[CommitteeTerms.org].intValue
            for org in [term[CommitteeTerms.org].intValue, now].compactMap({ $0 }) where seen.insert(org).inserted {
                try CommitteeHistory.settle(org, tx)
            }
        }
    }

    /// The latest committee term begun: `targets` without a year measures the register at the
    /// latest fact any module records.
    public func latestFact(_ register: any RegisterReader) throws -> LocalDate? {
        try register.scalar("SELECT max(started) FROM committee_terms").dateValue
    }

    public var commands: [Command] {
        [OrgCommands.add, OrgCommands.move, OrgCommands.dissolve, OrgCommands.rename, OrgRecordCommands.villageAdd, OrgRecordCommands.villageHeads,
         OrgRecordCommands.term, OrgRecordCommands.recognise, OrgRecordCommands.innovation, OrgRecordCommands.meeting]
    }
}
