import CosoCore

/// Yearly quality ratings of members (DOMAIN.md §3, R12, R18), checked against the rulebook in
/// force for the year rated: four levels throughout; from the 2025 ratings on, 366-QĐ/TW
/// (30/8/2025) adds a 100-point score whose bands must agree with the level.
enum RatingRules {
    static let level = EnumType(id: "rating_level", label: Label(vi: "Mức xếp loại", en: "Rating"), cases: [
        .init("excellent", vi: "hoàn thành xuất sắc nhiệm vụ", en: "excellent"),
        .init("good", vi: "hoàn thành tốt nhiệm vụ", en: "good"),
        .init("completed", vi: "hoàn thành nhiệm vụ", en: "completed"),
        .init("failed", vi: "không hoàn thành nhiệm vụ", en: "failed"),
    ])

    /// The rulebook for ratings of `year`: 366-QĐ/TW (30/8/2025) from the 2025 ratings on,
    /// 124-QĐ/TW (4/10/2023) for 2023 and 2024, 132-QĐ/TW (2018) before.
    static func rulebook(for year: Int) -> (code: String, scored: Bool) {
        if year >= 2025 { return ("366-QĐ/TW", true) }
        if year >= 2023 { return ("124-QĐ/TW", false) }
        return ("132-QĐ/TW", false)
    }

    /// R18 (366-QĐ/TW): excellent 90 and above, good 70 to under 90, completed 50 to under 70.
    static func level(forScore score: Int) -> String {
        switch score {
        case 90...: return "excellent"
        case 70..<90: return "good"
        case 50..<70: return "completed"
        default: return "failed"
        }
    }

    /// The rulebook for `year`, after checking the year can be rated and that a score is given
    /// only under 366-QĐ/TW and agrees with the level (R18).
    static func checkedBook(year: Int, level chosen: String, score: Int?, today: LocalDate) throws -> String {
        guard year <= today.year else {
            throw RuleViolation("E1123", vi: "chưa thể xếp loại năm \(year)", en: "\(year) cannot be rated yet", argument: "year")
        }
        let book = rulebook(for: year)
        if let score {
            guard book.scored else {
                throw RuleViolation("E1124", vi: "năm \(year) xếp loại theo \(book.code), không chấm điểm; bỏ score",
                                    en: "\(year) is rated under \(book.code), without a score; drop score", argument: "score")
            }
            let expected = level(forScore: score)
            guard expected == chosen else {
                let label = RatingRules.level.find(expected)!.label
                throw RuleViolation("E1126", vi: "\(score) điểm là mức \(label.vi) theo 366-QĐ/TW", en: "\(score) points is \(label.en) under 366-QĐ/TW",
                                    argument: "level")
            }
        }
        return book.code
    }

    /// R12: who is rated, judged by the status at the year's end (or today, in the year itself).
    static let rated: Set<String> = ["probationary", "official"]
    static let notRated = (code: "E1120", vi: "chỉ xếp loại đảng viên đang sinh hoạt; người miễn hoặc đình chỉ sinh hoạt không xếp loại (R12)",
                           en: "only active members are rated; exempt and suspended members are not (R12)")
    static func yearEnd(_ year: Int, _ today: LocalDate) -> LocalDate { min(LocalDate(year: year, month: 12, day: 31) ?? today, today) }

    /// A member is rated for the years from their admission on.
    static func checkAdmitted(_ id: Int64, _ m: Record, year: Int) throws {
        if let admitted = m[Members.admitted].dateValue, admitted.year > year {
            throw RuleViolation("E1121", vi: "đảng viên mã \(id) vào Đảng sau năm \(year)", en: "member \(id) was admitted after \(year)",
                                argument: "year")
        }
    }

    /// R17 (124-QĐ/TW 12.4): disciplined in the year, rated failed unless self-corrected.
    /// Disciplines belong to the inspection module: checked when it is registered.
    static func checkDisciplined(_ id: Int64, year: Int, level chosen: String, _ tx: WriteTransaction) throws {
        if chosen != "failed", tx.catalog.entity("disciplines") != nil,
           try tx.scalar("SELECT count(*) FROM disciplines WHERE subject_member_id = ? AND substr(decided_on, 1, 4) = ? AND self_corrected = 0",
                         [.int(id), .text(String(year))]) != .int(0) {
            throw RuleViolation("E1142", vi: "đảng viên mã \(id) bị kỷ luật năm \(year): xếp loại không hoàn thành nhiệm vụ (R17)",
                                en: "member \(id) was disciplined in \(year): rated failed (R17)", argument: "level",
                                helpVi: "trừ khi tự phát hiện, khắc phục (discipline ... self_corrected: true)",
                                helpEn: "unless they corrected it themselves (discipline ... self_corrected: true)")
        }
    }

    /// A rating corrected (`update`) is judged again as `rate` judges one, and its rulebook follows
    /// its year.
    static func recheck(_ rating: Int64, _ tx: WriteTransaction) throws {
        guard let r = try tx.record(Ratings.entity, id: rating), let member = r[Ratings.member].intValue,
              let year = r[Ratings.year].intValue.map(Int.init), let chosen = r[Ratings.level].textValue else { return }
        let book = try checkedBook(year: year, level: chosen, score: r[Ratings.score].intValue.map(Int.init), today: tx.today)
        let m = try tx.require(Members.entity, id: member)
        try checkAdmitted(member, m, year: year)
        guard let status = try MemberTimeline.status(of: member, on: yearEnd(year, tx.today), tx), rated.contains(status) else {
            throw RuleViolation(notRated.code, vi: notRated.vi, en: notRated.en, argument: "year")
        }
        try checkDisciplined(member, year: year, level: chosen, tx)
        if r[Ratings.rulebook] != .text(book) { try tx.update(Ratings.entity, id: rating, [Ratings.rulebook: .text(book)]) }
    }

    static let rate = Command(
        "rate",
        summary: Label(vi: "Xếp loại chất lượng đảng viên của một năm (R12, R18)", en: "Rate members for a year (R12, R18)"),
        positional: [Parameter("year", .int, vi: "năm đánh giá", en: "the year rated")],
        labelled: [
            Parameter("level", .enumeration("rating_level"), vi: "mức xếp loại", en: "the level"),
            Parameter("score", .int, vi: "điểm (thang 100, từ năm 2025)", en: "score out of 100 (from 2025)", required: false),
            Parameter("quarter", .int, vi: "quý (xếp loại hằng quý, T14)", en: "quarter (quarterly rating, T14)", required: false),
        ],
        input: "members",
        examples: [
            CommandExample(setup: [#"org add "Chi bộ thôn 5" kind: village_cell"#,
                                   #"admit "Nguyễn Văn An" born: @1990-04-12 gender: male org: "Chi bộ thôn 5" on: @2020-05-19 introducers_on_file: true"#,
                                   #"confirm 1 on: @2021-05-20"#],
                           #"members | where org.name == "Chi bộ thôn 5" | rate 2024 level: good"#,
                           expected: "Đã xếp loại 1 đảng viên năm 2024 (124-QĐ/TW): hoàn thành tốt nhiệm vụ.\n  - Nguyễn Văn An (Chi bộ thôn 5, mã 1)"),
        ]
    ) { call, tx in
        let yearValue = try call.requireID("year"); let chosen = try call.requireText("level")
        let year = Int(yearValue)
        let score = call.id("score").map(Int.init)
        let quarter = call.id("quarter")
        if quarter != nil {
            try tx.check(QuarterRatings.entity, [QuarterRatings.year: .int(yearValue), QuarterRatings.quarter: call["quarter"], QuarterRatings.score: call["score"]])
        } else {
            try tx.check(Ratings.entity, [Ratings.year: .int(yearValue), Ratings.score: call["score"]])
        }
        let code = try checkedBook(year: year, level: chosen, score: score, today: call.today)
        let book = (code: code, scored: rulebook(for: year).scored)
        let count = try MemberRules.eachSubject(call, tx, allowed: rated, refusal: notRated, at: yearEnd(year, call.today), first: { id, m in
            try checkAdmitted(id, m, year: year)
        }) { id, m in
            try checkDisciplined(id, year: year, level: chosen, tx)
            if let quarter {
                if try tx.scalar("SELECT count(*) FROM quarter_ratings WHERE member_id = ? AND year = ? AND quarter = ?",
                                 [.int(id), .int(Int64(year)), .int(quarter)]) != .int(0) {
                    throw RuleViolation("E1122", vi: "đảng viên mã \(id) đã được xếp loại quý \(quarter)/\(year)",
                                        en: "member \(id) is already rated for Q\(quarter) \(year)", argument: "quarter")
                }
                try tx.insert(QuarterRatings.entity, [QuarterRatings.member: .int(id), QuarterRatings.year: .int(Int64(year)), QuarterRatings.quarter: .int(quarter), QuarterRatings.level: .text(chosen),
                                                  QuarterRatings.score: score.map { .int(Int64($0)) } ?? .null])
                return
            }
            if try tx.scalar("SELECT count(*) FROM ratings WHERE member_id = ? AND year = ?", [.int(id), .int(Int64(year))]) != .int(0) {
                throw RuleViolation("E1122", vi: "đảng viên mã \(id) đã được xếp loại năm \(year)",
                                    en: "member \(id) is already rated for \(year)", argument: "year")
            }
            try tx.insert(Ratings.entity, [Ratings.member: .int(id), Ratings.year: .int(Int64(year)), Ratings.level: .text(chosen),
                                      Ratings.score: score.map { .int(Int64($0)) } ?? .null, Ratings.rulebook: .text(book.code)])
        }
        let label = RatingRules.level.find(chosen)!.label
        return Label(vi: "Đã xếp loại \(count) đảng viên năm \(year) (\(book.code)): \(label.vi).",
                     en: "Rated \(count) member(s) for \(year) (\(book.code)): \(label.en).")
    }
}

/// Ratings of organisations, and quarterly ratings of members (the T14 pilot).
enum OrgRatingRules {
    static let rateOrg = Command(
        "rate org", summary: Label(vi: "Xếp loại tổ chức đảng của một năm (R19 cho các năm đến 2022)", en: "Rate organisations for a year (R19 up to 2022)"),
        positional: [Parameter("org", .reference("orgs"), vi: "tổ chức (hoặc qua |)", en: "organisation (or through |)"),
                     Parameter("year", .int, vi: "năm đánh giá", en: "the year rated")],
        labelled: [Parameter("level", .enumeration("rating_level"), vi: "mức xếp loại", en: "the level"),
                   Parameter("score", .int, vi: "điểm (thang 100, từ năm 2025)", en: "score out of 100 (from 2025)", required: false)],
        input: "orgs",
        examples: [CommandExample(setup: [#"org add "Chi bộ thôn 5" kind: village_cell"#],
                                  #"rate org "Chi bộ thôn 5" 2024 level: good"#, expected: "Đã xếp loại 1 tổ chức năm 2024 (124-QĐ/TW): hoàn thành tốt nhiệm vụ.")]
    ) { call, tx in
        let yearValue = try call.requireID("year"); let chosen = try call.requireText("level")
        let year = Int(yearValue)
        try tx.check(OrgRatings.entity, [OrgRatings.year: .int(yearValue), OrgRatings.score: call["score"]])
        let book = try RatingRules.checkedBook(year: year, level: chosen, score: call.id("score").map(Int.init), today: call.today)
        let subjects = CommonChecks.subjects(call, "org")
        for id in subjects {
            if try tx.scalar("SELECT count(*) FROM org_ratings WHERE org_id = ? AND year = ?", [.int(id), .int(yearValue)]) != .int(0) {
                throw RuleViolation("E1122", vi: "tổ chức mã \(id) đã được xếp loại năm \(year)", en: "organisation \(id) is already rated for \(year)", argument: "year")
            }
            // R19 (21-HD/BTCTW 2019, for the years rated under 132-QĐ/TW): a cell rated good or
            // better has every member rated completed or better and at least half good or better.
            if year <= 2022, chosen == "good" || chosen == "excellent" {
                let counts = try tx.scalar("""
                    SELECT count(*) || '/' || sum(r.level <> 'failed') || '/' || sum(r.level IN ('excellent', 'good'))
                    FROM ratings r JOIN members m ON m.id = r.member_id WHERE m.org_id = ? AND r.year = ?
                    """, [.int(id), .int(yearValue)]).textValue ?? "0/0/0"
                let parts = counts.split(separator: "/").map { Int($0) ?? 0 }
                if parts.count == 3, parts[0] > 0, parts[1] < parts[0] || parts[2] * 2 < parts[0] {
                    throw RuleViolation("E1136", vi: "năm \(year) (21-HD/BTCTW): chi bộ xếp loại hoàn thành tốt nhiệm vụ cần mọi đảng viên hoàn thành nhiệm vụ trở lên và ít nhất một nửa hoàn thành tốt trở lên (R19)",
                                        en: "in \(year) (21-HD/BTCTW) a good cell needs every member at least completed and half at least good (R19)",
                                        argument: "level")
                }
            }
            try tx.insert(OrgRatings.entity, [OrgRatings.org: .int(id), OrgRatings.year: .int(yearValue), OrgRatings.level: .text(chosen),
                                          OrgRatings.score: call["score"], OrgRatings.rulebook: .text(book)])
        }
        let label = RatingRules.level.find(chosen)!.label
        return Label(vi: "Đã xếp loại \(subjects.count) tổ chức năm \(year) (\(book)): \(label.vi).",
                     en: "Rated \(subjects.count) organisation(s) for \(year) (\(book)): \(label.en).")
    }
}

/// Yearly ratings of members.
public enum Ratings {
    public static let member = Field("member", .reference("members"), vi: "Đảng viên", en: "Member", required: true)
    public static let year = Field.year()
    public static let level = Field("level", .enumeration("rating_level"), vi: "Mức", en: "Level", required: true)
    public static let score = Field("score", .int, vi: "Điểm", en: "Score").range(0...100)
        .help(vi: "điểm trên thang 100 (366-QĐ/TW, từ xếp loại năm 2025)", en: "the 100-point score (366-QĐ/TW, from the 2025 ratings)")
    public static let rulebook = Field("rulebook", .text, vi: "Quy định áp dụng", en: "Rulebook", required: true).maxLength(50)
        .changedBy("rate", "update year: ...")

    public static let entity = Entity(
        name: "ratings", label: Label(vi: "Xếp loại đảng viên", en: "Member ratings"),
        singular: Label(vi: "xếp loại", en: "rating"), fields: [member, year, level, score, rulebook], displayField: nil,
        constraints: [.unique(member, year)],
        // A year's ratings read from the index alone, with whose they are: T5b and the ratings
        // table count them, and `target T5b | detail` follows each to the member's cell (at
        // 5.4 million ratings a year, reading `member_id` from the table cost 2.3 s a query).
        indexes: [Index("ratings_year", on: [year, level, member])],
        // T5b and the ratings table count a year's ratings by level: a few rows, not millions;
        // `target T5b | detail` by the members' cells: a million combinations a year at the
        // country, read in order of the year, not 5.4 million ratings each looked up in members.
        rollups: [Rollup("ratings_level", on: [year, level]),
                  Rollup("ratings_cell", on: [year, level], through: member, Members.org)])
}
