import CosoCore

/// Party members: the roll, admission, confirmation, transfer, exemption and removal.
public struct MembersModule: CosoModule {
    public init() {}

    public let manifest = Manifest(
        id: "members", version: Version(0, 3, 0),
        summary: Label(vi: "Đảng viên: kết nạp, công nhận chính thức, chuyển sinh hoạt, miễn công tác và sinh hoạt đảng, xóa tên, xếp loại",
                       en: "Party members: admission, confirmation, transfer, exemption, removal, ratings"),
        requires: [.init("organisations", .compatible(with: Version(0, 1, 0)))], codes: MemberDiagnostics.range)

    public var enums: [EnumType] {
        MemberEnums.all + [RatingRules.level, MemberRecords.eventKind, MemberRecords.workStatus, MemberRecords.role,
                           MemberRecords.commitmentKind, MemberRecords.candidateStage, Fees.channel, MemberRecord2HSDV.awardKind]
    }
    public var entities: [Entity] {
        [Members.entity, Ratings.entity, MemberEvents.entity, Positions.entity, OrgRatings.entity, QuarterRatings.entity,
         ResidenceComments.entity, Commitments.entity, Candidates.entity, FeePayments.entity, Awards.entity, AdmissionPlans.entity]
    }
    /// Steps of registers made before the tables were generated from the declarations.
    public var migrations: [Migration] {
        MemberMigrations.all + [MemberRecords.migration, Fees.migration, MemberRecord2HSDV.migration, MemberMigrations.onRollIndex,
         MemberMigrations.historyIndex, MemberMigrations.fileNumberIndex, MemberMigrations.nameIndexDropped,
         MemberMigrations.personNameOrder]
    }
    public var checks: [DataCheck] { MemberChecks.all }
    public var diagnostics: [DiagnosticDefinition] { MemberDiagnostics.all }
    public var examplesOfCosoCodes: [CodeExample] { MemberDiagnostics.cosoCodes }

    /// The latest event of any member: the latest of each kind's latest, each one seek in the
    /// (kind, happened) index (a plain max(happened) reads all 17 million events of a country).
    public func latestFact(_ register: any RegisterReader) throws -> LocalDate? {
        let kinds = MemberRecords.eventKind.cases.map { Value.text($0.id) }
        let table = MemberEvents.entity.table, kind = MemberEvents.kind.column, happened = MemberEvents.happened.column
        let each = kinds.map { _ in "SELECT (SELECT max(\(happened)) FROM \(table) WHERE \(kind) = ?) AS d" }
        return try register.scalar("SELECT max(d) FROM (" + each.joined(separator: " UNION ALL ") + ")", kinds).dateValue
    }
    public var rules: [RuleDefinition] { MemberChecks.rules + Fees.rules }
    public var statistics: [StatisticDefinition] { MemberStatistics.all }
    public var commands: [Command] {
        [MemberCommands.admit, MemberCommands.confirm, MemberCommands.transfer, MemberCommands.exempt, MemberCommands.remove,
         RatingRules.rate, MemberLifecycle.suspend, MemberLifecycle.reinstate, MemberLifecycle.withdraw, MemberLifecycle.death,
         MemberLifecycle.card, MemberLifecycle.transferOut, MemberLifecycle.transferIn, MemberLifecycle.appoint,
         OrgReshaping.merge, OrgReshaping.split, Reorganisation2025.command, MemberRecordCommands.admissionPlan, TemporaryTransfer.out, TemporaryTransfer.back,
         CandidateCommands.add, CandidateCommands.step, OrgRatingRules.rateOrg, Fees.pay,
         MemberRecordCommands.comment, MemberRecordCommands.commitment, Ceremony.command,
         PositionAndAwardCommands.end, PositionAndAwardCommands.award]
    }

    public func importRow(_ entity: Entity, _ values: inout [Field: Value], _ tx: WriteTransaction) throws -> [ImportProblem] {
        entity.name == Members.entity.name ? try MemberImport.check(&values, tx) : []
    }

    /// A member voided as entered by mistake takes their own history with them.
    public func voiding(_ record: Record, _ tx: WriteTransaction) throws {
        guard record.entity.name == Members.entity.name else { return }
        for event in try tx.ids(MemberEvents.entity, where: MemberEvents.member, equals: .int(record.id)) {
            try tx.delete(MemberEvents.entity, id: event)
        }
    }

    /// After a correction: a member's events corrected or voided are judged again as a whole and
    /// give the member's status and dates anew (a confirmation voided: probationary again); a birth
    /// date corrected must still precede an admission at 18 or more (R1).
    public func corrected(_ correction: Correction, _ tx: WriteTransaction) throws {
        switch correction.entity.name {
        case MemberEvents.entity.name:
            var seen: Set<Int64> = []
            for event in correction.before {
                guard let member = event[MemberEvents.member].intValue, seen.insert(member).inserted else { continue }
                try MemberTimeline.settle(member, tx)
            }
        case Members.entity.name where correction.touches(Members.born):
            for before in correction.before {
                guard let m = try tx.record(Members.entity, id: before.id), let born = m[Members.born].dateValue,
                      let admitted = m[Members.admitted].dateValue else { continue }
                guard born < admitted, born.wholeMonths(until: admitted) / 12 >= MemberRules.minimumAdmissionAge else {
                    throw RuleViolation("E1102", vi: "với ngày sinh này, đảng viên mã \(before.id) vào Đảng khi chưa đủ 18 tuổi (quy định R1)",
                                        en: "with this birth date, member \(before.id) was admitted under 18 (rule R1)", argument: Members.born.name)
                }
            }
        case Ratings.entity.name where correction.kind != .void:
            for rating in correction.before { try RatingRules.recheck(rating.id, tx) }
        case FeePayments.entity.name where correction.kind != .void:
            for fee in correction.before { try Fees.recheck(fee.id, tx) }
        case Awards.entity.name where correction.kind != .void:
            for award in correction.before { try PositionAndAwardCommands.recheck(award.id, tx) }
        case Positions.entity.name where correction.kind != .void:
            // The role must still fit the organisation on the day it began (R8, R26).
            for before in correction.before {
                guard let p = try tx.record(Positions.entity, id: before.id), let role = p[Positions.role].textValue,
                      let org = p[Positions.org].intValue, let started = p[Positions.started].dateValue else { continue }
                try MemberLifecycle.requireRoleFits(role, org: org, on: started, tx)
            }
        default:
            break
        }
    }

    /// Events imported on their own are judged with each member's whole history, which then gives
    /// the member's status and dates, as when entered by the commands.
    public func importFinished(_ entity: Entity, ids: [Int64], _ tx: WriteTransaction) throws -> [ImportProblem] {
        guard entity.name == MemberEvents.entity.name, !ids.isEmpty else { return [] }
        let members = try tx.rows("SELECT DISTINCT member_id FROM member_events WHERE id IN (SELECT value FROM json_each(?)) ORDER BY member_id",
                                  [.text("[" + ids.map(String.init).joined(separator: ",") + "]")]).compactMap { $0.first?.intValue }
        var problems: [ImportProblem] = []
        for member in members {
            if let problem = MemberTimeline.problem(try MemberTimeline.events(member, tx)) {
                problems.append(ImportProblem(column: "member", problem.code, vi: "đảng viên mã \(member): " + problem.message.vi,
                                              en: "member \(member): " + problem.message.en))
                if problems.count >= 100 { break }
                continue
            }
            if problems.isEmpty { try MemberTimeline.settle(member, tx) }
        }
        return problems
    }

    public func importsOverlapped(_ entity: Entity) -> Bool { entity.name != MemberEvents.entity.name }

    public func imported(_ entity: Entity, id: Int64, _ values: [Field: Value], _ tx: WriteTransaction) throws {
        if entity.name == Members.entity.name { try MemberImport.history(id, values, tx) }
    }
}
