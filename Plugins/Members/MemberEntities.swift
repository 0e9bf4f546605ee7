import CosoCore

/// The member roll: the core fields of the member record (2-HSĐV) that the register keeps. A
/// member's state at a date comes from their history (`MemberEvents`); these fields are the latest.
public enum Members {
    public static let name = Field("name", .text, vi: "Họ và tên", en: "Name", required: true, personal: true, searchable: true)
        .personName().maxLength(100)
        .help(vi: "họ, tên đệm và tên, như trong căn cước", en: "family, middle and given names, as on the identity card")
    public static let gender = Field("gender", .enumeration("gender"), vi: "Giới tính", en: "Gender", required: true)
    public static let born = Field("born", .date, vi: "Ngày sinh", en: "Born", required: true, personal: true).notInFuture()
    public static let ethnicity = Field("ethnicity", .enumeration("ethnicity"), vi: "Dân tộc", en: "Ethnicity")
    public static let religion = Field("religion", .enumeration("religion"), vi: "Tôn giáo", en: "Religion")
    public static let nationalID = Field("national_id", .text, vi: "Số CCCD", en: "National ID", personal: true, secret: true, unique: true)
        .digits(12).help(vi: "số căn cước công dân: đúng 12 chữ số", en: "the citizen identity number: exactly 12 digits")
    public static let cardNo = Field("card_no", .text, vi: "Số thẻ đảng viên", en: "Party card number", personal: true, unique: true)
        .digits(8).help(vi: "số thẻ đảng viên: đúng 8 chữ số (R23)", en: "the party card number: exactly 8 digits (R23)")
    public static let occupation = Field("occupation", .enumeration("occupation"), vi: "Nghề nghiệp", en: "Occupation")
    public static let education = Field("education", .enumeration("general_education"), vi: "Giáo dục phổ thông", en: "General education")
    public static let qualification = Field("qualification", .enumeration("qualification"), vi: "Chuyên môn", en: "Qualification")
    public static let theory = Field("theory", .enumeration("theory_level"), vi: "Lý luận chính trị", en: "Political theory")
    public static let status = Field("status", .enumeration("member_status"), vi: "Tình trạng", en: "Status", required: true)
        .changedBy("confirm", "suspend", "reinstate", "exempt", "remove", "withdraw", "death", "transfer out", "transfer in", "discipline")
    public static let org = Field("org", .reference("orgs"), vi: "Chi bộ", en: "Cell", required: true)
        .changedBy("transfer", "transfer in", "org split", "org merge")
    public static let admitted = Field("admitted", .date, vi: "Ngày vào Đảng", en: "Admitted").notInFuture()
        .changedBy("admit", "member_events | where kind == admitted | update happened: ...")
    public static let confirmed = Field("confirmed", .date, vi: "Ngày chính thức", en: "Confirmed").notInFuture()
        .changedBy("confirm", "member_events | where kind == confirmed | update happened: ...")
    public static let exempted = Field("exempted", .date, vi: "Ngày miễn công tác và sinh hoạt đảng", en: "Exempted").notInFuture().changedBy("exempt")
    public static let exemptionReason = Field("exemption_reason", .enumeration("exemption_reason"), vi: "Lý do miễn", en: "Exemption reason")
    public static let ended = Field("ended", .date, vi: "Ngày ra khỏi danh sách", en: "Left the roll").notInFuture()
        .changedBy("remove", "withdraw", "death", "transfer out", "discipline")
    public static let removalReason = Field("removal_reason", .enumeration("removal_reason"), vi: "Lý do xóa tên", en: "Reason struck off")
    public static let workStatus = Field("work_status", .enumeration("work_status"), vi: "Tình trạng công tác", en: "Work status")
    public static let residenceCell = Field("residence_cell", .reference("orgs"), vi: "Chi bộ nơi cư trú", en: "Residence cell")
    public static let fileNo = Field("file_no", .text, vi: "Số lý lịch", en: "File number", personal: true, unique: true).maxLength(20)

    /// Fields 03-07, 10, 14, 16-18 of the form (numbering UNVERIFIED, DOMAIN.md §2), kept as text.
    public static let otherNames = Field("other_names", .text, vi: "Tên gọi khác", en: "Other names", personal: true).maxLength(200)
    public static let birthPlace = Field("birth_place", .text, vi: "Nơi đăng ký khai sinh", en: "Birth registration place", personal: true)
        .maxLength(500)
    public static let homeTown = Field("home_town", .text, vi: "Quê quán", en: "Home town", personal: true).maxLength(500)
    public static let permanentAddress = Field("permanent_address", .text, vi: "Nơi thường trú", en: "Permanent residence",
                                               personal: true, secret: true).maxLength(500)
    public static let currentAddress = Field("current_address", .text, vi: "Nơi ở hiện nay", en: "Current residence",
                                             personal: true, secret: true).maxLength(500)
    public static let familyBackground = Field("family_background", .text, vi: "Thành phần gia đình", en: "Family background",
                                               personal: true, secret: true).maxLength(200)
    public static let youthUnionJoined = Field("youth_union_joined", .date, vi: "Ngày vào Đoàn", en: "Joined the Youth Union")
    public static let armyJoined = Field("army_joined", .date, vi: "Ngày nhập ngũ", en: "Army entry")
    public static let armyLeft = Field("army_left", .date, vi: "Ngày xuất ngũ", en: "Army exit")
    public static let foreignLanguage = Field("foreign_language", .text, vi: "Ngoại ngữ", en: "Foreign language").maxLength(200)
    public static let itLevel = Field("it_level", .text, vi: "Tin học", en: "IT skills").maxLength(200)
    public static let health = Field("health", .text, vi: "Tình trạng sức khỏe", en: "Health", personal: true, secret: true).maxLength(500)

    /// The rest of 2-HSĐV that the register keeps as it is written.
    static let recordFields = [otherNames, birthPlace, homeTown, permanentAddress, currentAddress, familyBackground,
                               youthUnionJoined, armyJoined, armyLeft, foreignLanguage, itLevel, health]

    /// On the roll (đang sinh hoạt) at a date: admitted by then and not yet gone (probationary,
    /// official, exempted or suspended, DOMAIN.md §2: exempt and suspended members are still
    /// members). The one definition that statistics, targets, checks and the language read.
    /// (Written `NOT (admitted > date)`, which means the same: SQLite, without STAT4 samples to
    /// tell it nearly every member qualifies, would otherwise walk the `admitted` index and look
    /// each member up in the table: 20 s for one count over 5.5 million members, 1.8 s scanning.)
    public static let onRoll = NamedCondition(
        "on_roll", label: Label(vi: "đang sinh hoạt", en: "on the roll"),
        help: Label(vi: "đảng viên đang sinh hoạt vào ngày (mặc định hôm nay, hoặc ngày của asof): đã vào Đảng và chưa ra khỏi danh sách; gồm dự bị, chính thức, miễn sinh hoạt, đình chỉ sinh hoạt",
                    en: "members on the roll at the date (today, or the date of asof): admitted and not yet gone; probationary, official, exempted and suspended members"),
        sql: "NOT ({t}.admitted > {date}) AND ({t}.ended IS NULL OR {t}.ended > {date})")

    public static let entity = Entity(
        name: "members", label: Label(vi: "Đảng viên", en: "Members"), singular: Label(vi: "đảng viên", en: "member"),
        fields: [name, gender, born, ethnicity, religion, nationalID, cardNo, occupation, education, qualification, theory, status,
                 org, admitted, confirmed, exempted, exemptionReason, ended, removalReason, workStatus, residenceCell, fileNo]
            + recordFields,
        liveCondition: "status IN ('probationary', 'official', 'exempted', 'suspended')",
        dated: DatedSource(presence: asOfPresence, impliedBy: ["status", "org_id"]) { asOfSelect },
        constraints: [.ordered(admitted, then: confirmed, strictly: true)],
        indexes: [
            Index("members_org", on: [org, status]),
            Index("members_national_id", on: [nationalID]),
            Index("members_card_no", on: [cardNo]),
            // Counting members of a status by organisation reads only this index (a grouped count at
            // a million members: 61 -> 20 ms).
            Index("members_status", on: [status, org]),
            // Who was on the roll at a date, read from the index alone: the plan's targets and the
            // statistics count members by their dates, work status and occupation at a country's
            // scale (the index on `admitted` alone: 33 s for one count over 5.5 million members; 0.2 s).
            // (With the birth date: members by age at a date read it from here, not from the rows.)
            Index("members_on_roll", on: [admitted, ended, exempted, workStatus, occupation, born]),
            // Only where a member has one: most have none (an index of them all held 5.5 million
            // entries at the country, two seconds of its build). `file_no = ?` still finds it.
            Index("members_file_no", on: [fileNo], whereGiven: fileNo),
            // No index of the names as written: `name == "..."` goes through the folded name's.
        ],
        // Counts of the roll kept as members are written (`Rollup`): who was on the roll at any
        // date, and how many by work status, occupation and each statistic's field, are read from
        // the combinations of those fields with the two dates (at the country, 25,000 to 210,000
        // of them for 5.5 million members: a figure in a few milliseconds, not a second).
        // Birth dates are left to the rows: with the roll's dates they are nearly one per member.
        rollups: [
            Rollup("members_roll", on: [admitted, ended, exempted, workStatus, occupation]),
            Rollup("members_gender", on: [admitted, ended, gender]),
            Rollup("members_ethnicity", on: [admitted, ended, ethnicity]),
            Rollup("members_religion", on: [admitted, ended, religion]),
            Rollup("members_education", on: [admitted, ended, education]),
            Rollup("members_qualification", on: [admitted, ended, qualification]),
            Rollup("members_theory", on: [admitted, ended, theory]),
        ],
        conditions: [onRoll],
        about: Label(vi: "mọi đảng viên có trong sổ, kể cả người đã ra khỏi danh sách (chuyển đi, xóa tên, từ trần, ...); "
                         + "đảng viên đang sinh hoạt: members | where on_roll",
                     en: "every member the register holds, those who left the roll included (transferred out, struck off, deceased, ...); "
                         + "the members on the roll: members | where on_roll"))

    /// The roll as it stood at a date (`members asof @2023-12-31`), derived from the events: a
    /// member appears once admitted (or transferred in) by then (`asOfPresence`), with the status
    /// and cell of their latest event up to that date, and only the dates that had happened.
    /// On the roll from the first event that gives a status (the admission, or a transfer in from
    /// outside): an event recorded before it, in a history `check` reports as wrong (D120), does
    /// not make anyone a member.
    static let asOfPresence = "EXISTS (SELECT 1 FROM member_events e WHERE e.member_id = m.id AND e.happened <= ? AND e.status IS NOT NULL)"

    static let asOfSelect: String = {
        let latest = { (column: String) in
            "(SELECT e.\(column) FROM member_events e WHERE e.member_id = m.id AND e.\(column) IS NOT NULL AND e.happened <= ? "
                + "ORDER BY e.happened DESC, e.id DESC LIMIT 1)"
        }
        let derived: [String: String] = [
            "status": latest("status"), "org_id": latest("org_id"),
            "confirmed": "CASE WHEN m.confirmed <= ? THEN m.confirmed END",
            "exempted": "CASE WHEN m.exempted <= ? THEN m.exempted END",
            "exemption_reason": "CASE WHEN m.exempted <= ? THEN m.exemption_reason END",
            "ended": "CASE WHEN m.ended <= ? THEN m.ended END",
            "removal_reason": "CASE WHEN m.ended <= ? THEN m.removal_reason END",
            "card_no": "CASE WHEN m.confirmed <= ? THEN m.card_no END",
        ]
        let columns = ["id", "name", "name_folded", "name_sort", "gender", "born", "ethnicity", "religion", "national_id", "card_no",
                       "occupation", "education", "qualification", "theory", "status", "org_id", "admitted", "confirmed", "exempted",
                       "exemption_reason", "ended", "removal_reason", "work_status", "residence_cell_id", "file_no"]
            + recordFields.map(\.column)
        let list = columns.map { c in derived[c].map { "\($0) AS \(c)" } ?? "m.\(c)" }.joined(separator: ", ")
        return "SELECT \(list) FROM members m"
    }()
}
