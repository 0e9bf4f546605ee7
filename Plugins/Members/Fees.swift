import CosoCore

/// Party fees (R20): monthly payments; from 1/2/2026 (01-QĐ/TW) the amount follows from the
/// member's work status and the base it is a share of.
public enum Fees {
    public static let from01 = LocalDate(year: 2026, month: 2, day: 1)!

    static let channel = EnumType(id: "fee_channel", label: Label(vi: "Hình thức nộp", en: "Channel"), cases: [
        .init("portal", vi: "Cổng dịch vụ công", en: "national portal"),
        .init("cash", vi: "tiền mặt tại chi bộ", en: "cash at the cell"),
    ])

    static let migration = Migration(legacy: 4, "party fees", sql: """
        CREATE TABLE fees (
            id INTEGER PRIMARY KEY,
            member_id INTEGER NOT NULL REFERENCES members(id),
            month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-01'),
            base INTEGER CHECK (base >= 0),
            amount INTEGER NOT NULL CHECK (amount >= 0),
            channel TEXT NOT NULL CHECK (channel IN ('portal', 'cash')),
            reduction INTEGER NOT NULL DEFAULT 0 CHECK (reduction IN (0, 30, 50, 70, 100)),
            rulebook TEXT NOT NULL,
            UNIQUE (member_id, month)
        ) STRICT;
        CREATE INDEX fees_month ON fees(month);
        """)

    static let rules = [
        RuleDefinition("R20", vi: "Đảng phí (01-QĐ/TW): có BHXH 1% tiền lương đóng BHXH; nghỉ hưu 0,5% lương hưu; học sinh, sinh viên 5.000 đồng/tháng; giảm 30, 50, 70% hoặc miễn",
                       en: "Fees (01-QĐ/TW): 1% of the insured salary; pensioners 0.5%; students 5,000 VND a month; reductions of 30, 50, 70% or exemption",
                       source: "01-QĐ/TW (3/2/2026)", from: from01, settings: ["R20.student_fee": "5000"]),
        RuleDefinition("R20-SHARE", vi: "Đảng phí trích giữ lại: chi bộ trực thuộc giữ 30% số thu; tổ chức cơ sở đảng giữ 50% phần nhận được; còn lại nộp cấp trên (mức của 342-QĐ/TW, chưa đối chiếu 01-QĐ/TW)",
                       en: "Fee shares kept: a subordinate cell keeps 30% of what it collects; the grassroots organisation 50% of what it receives; the rest goes up (342-QĐ/TW's rates, not checked against 01-QĐ/TW)",
                       source: "342-QĐ/TW (2010)", verified: false, settings: ["R20.cell_share": "30", "R20.grassroots_share": "50"]),
        RuleDefinition("FEE-342", vi: "Đảng phí theo 342-QĐ/TW (mức cụ thể chưa đối chiếu)", en: "Fees under 342-QĐ/TW (rates not verified)",
                       source: "342-QĐ/TW (2010)", until: from01.adding(days: -1), verified: false),
    ]

    /// R20: from 02/2026 the amount is what 01-QĐ/TW makes of the member's work status, base and
    /// reduction (the base required where it computes the amount from it). Run by `fee` and again
    /// on a fee corrected with `update`.
    static func checkAmount(_ m: Record, month: LocalDate, amount: Int64, base: Int64?, reduction: Int64, _ tx: WriteTransaction) throws {
        guard month >= from01 else { return }
        let work = m[Members.workStatus].textValue
        if base == nil, let work, basedOnSalary.contains(work) {
            throw RuleViolation("E1157", vi: "theo 01-QĐ/TW đảng phí của đảng viên này tính theo lương hoặc lương hưu: cần base: (R20)",
                                en: "under 01-QĐ/TW this member's fee is a share of the salary or pension: base: is needed (R20)", argument: "amount",
                                helpVi: "thêm base: SỐ_TIỀN (lương đóng bảo hiểm xã hội hoặc lương hưu)",
                                helpEn: "add base: AMOUNT (the insured salary or the pension)")
        }
        let studentFee = Int64(try RuleSettings.integer("R20.student_fee", tx))
        if let due = expected(workStatus: work, base: base, reduction: reduction, studentFee: studentFee), due != amount {
            throw RuleViolation("E1140", vi: "theo 01-QĐ/TW đảng viên này nộp \(DisplayFormat.money(due, .vi)) (R20)", en: "under 01-QĐ/TW this member pays \(due) VND (R20)",
                                argument: "amount")
        }
    }

    /// A fee corrected (`update`) is judged again as `fee` judges one.
    static func recheck(_ fee: Int64, _ tx: WriteTransaction) throws {
        guard let f = try tx.record(FeePayments.entity, id: fee), let member = f[FeePayments.member].intValue,
              let month = f[FeePayments.month].dateValue, let amount = f[FeePayments.amount].intValue else { return }
        try checkAmount(try tx.require(Members.entity, id: member), month: month, amount: amount, base: f[FeePayments.base].intValue,
                        reduction: f[FeePayments.reduction].intValue ?? 0, tx)
    }

    /// Work statuses whose fee 01-QĐ/TW computes from a salary or a pension.
    static let basedOnSalary: Set<String> = ["civil_servant", "public_employee", "armed_forces", "enterprise", "retired"]

    /// The amount due under 01-QĐ/TW (a share of the base, or a fixed sum), by work status, after
    /// the reduction; nil where no source gives one (farmers and freelancers, members abroad).
    public static func expected(workStatus: String?, base: Int64?, reduction: Int64, studentFee: Int64) -> Int64? {
        let full: Int64
        switch workStatus {
        case "civil_servant", "public_employee", "armed_forces", "enterprise":
            guard let base else { return nil }
            full = base / 100
        case "retired":
            guard let base else { return nil }
            full = base / 200
        case "student": full = studentFee
        default: return nil
        }
        return full * (100 - reduction) / 100
    }

    static let pay = Command(
        "fee", summary: Label(vi: "Ghi đảng phí một tháng (R20: từ 02/2026 đúng mức của 01-QĐ/TW)",
                              en: "Record a month's party fee (R20: from 02/2026 the 01-QĐ/TW amount)"),
        positional: [Parameter("member", .reference("members"), vi: "đảng viên (mã hoặc tên)", en: "member (id or name)")],
        labelled: [
            Parameter("month", .date, vi: "tháng (ngày bất kỳ trong tháng)", en: "month (any day in it)"),
            Parameter("amount", .int, vi: "số tiền (đồng)", en: "amount (VND)"),
            Parameter("base", .int, vi: "lương đóng BHXH hoặc lương hưu (đồng)", en: "insured salary or pension (VND)", required: false),
            Parameter("channel", .enumeration("fee_channel"), vi: "hình thức nộp (mặc định: cổng)", en: "channel (default: portal)", required: false),
            Parameter("reduction", .int, vi: "mức giảm: 0, 30, 50, 70 hoặc 100 (%)", en: "reduction: 0, 30, 50, 70 or 100 (%)", required: false),
        ],
        examples: [CommandExample(setup: MemberLifecycle.setup, #"fee 1 month: @2025-12-01 amount: 30000 channel: cash"#,
                                  expected: "Đã ghi đảng phí tháng 12/2025 của Nguyễn Văn An: 30.000 đồng (342-QĐ/TW).")]
    ) { call, tx in
        let member = try call.requireID("member"); let day = try call.requireDate("month"); let amount = try call.requireID("amount")
        let month = LocalDate(year: day.year, month: day.month, day: 1)!
        try CommonChecks.notInFuture(month, call, argument: "month")
        try tx.check(FeePayments.entity, [FeePayments.amount: .int(amount), FeePayments.base: call["base"], FeePayments.reduction: call["reduction"]])
        let reduction = call.id("reduction") ?? 0
        // On the roll in that month, as the member's history says.
        guard let m = try tx.record(Members.entity, id: member), let status = try MemberTimeline.status(of: member, on: month.adding(months: 1).adding(days: -1), tx),
              MemberEnums.onRoll.contains(status) else {
            throw RuleViolation("E1109", vi: "đảng viên này không trong danh sách vào tháng đó", en: "this member was not on the roll that month", argument: "member")
        }
        if try tx.scalar("SELECT count(*) FROM fees WHERE member_id = ? AND month = ?", [.int(member), .date(month)]) != .int(0) {
            throw RuleViolation("E1139", vi: "đã ghi đảng phí tháng này", en: "this month's fee is already recorded", argument: "month")
        }
        let book = month >= from01 ? "01-QĐ/TW" : "342-QĐ/TW"
        try checkAmount(m, month: month, amount: amount, base: call.id("base"), reduction: reduction, tx)
        try tx.insert(FeePayments.entity, [FeePayments.member: .int(member), FeePayments.month: .date(month), FeePayments.base: call["base"], FeePayments.amount: .int(amount),
                               FeePayments.channel: call["channel"] == .null ? .text("portal") : call["channel"], FeePayments.reduction: .int(reduction), FeePayments.rulebook: .text(book)])
        let name = m[Members.name].textValue ?? ""
        let ym = String(month.iso.prefix(7)), thang = String(month.dmy.dropFirst(3))
        return Label(vi: "Đã ghi đảng phí tháng \(thang) của \(name): \(DisplayFormat.money(amount, .vi)) (\(book)).",
                     en: "Recorded \(name)'s fee for \(ym): \(DisplayFormat.money(amount, .en)) (\(book)).")
    }
}

/// Party fees paid, one row per member and month.
public enum FeePayments {
    public static let member = Field("member", .reference("members"), vi: "Đảng viên", en: "Member", required: true)
    public static let month = Field("month", .date, vi: "Tháng (ngày đầu tháng)", en: "Month (its first day)", required: true)
        .firstOfMonth()
    public static let base = Field("base", .int, vi: "Căn cứ tính (đồng)", en: "Base (VND)").range(0...)
    public static let amount = Field("amount", .int, vi: "Số tiền (đồng)", en: "Amount (VND)", required: true).range(0...)
    public static let channel = Field("channel", .enumeration("fee_channel"), vi: "Hình thức nộp", en: "Channel", required: true)
    public static let reduction = Field("reduction", .int, vi: "Mức giảm (%)", en: "Reduction (%)", required: true)
        .oneOf([0, 30, 50, 70, 100]).defaulting(.int(0))
        .help(vi: "giảm 30, 50 hoặc 70%, hoặc miễn (100) theo 01-QĐ/TW (R20)", en: "a reduction of 30, 50 or 70%, or exemption (100), under 01-QĐ/TW (R20)")
    public static let rulebook = Field("rulebook", .text, vi: "Quy định áp dụng", en: "Rulebook", required: true).maxLength(50)

    public static let entity = Entity(
        name: "fees", label: Label(vi: "Đảng phí", en: "Party fees"), singular: Label(vi: "khoản đảng phí", en: "fee payment"),
        fields: [member, month, base, amount, channel, reduction, rulebook], displayField: nil,
        constraints: [.unique(member, month)],
        indexes: [Index("fees_month", on: [month])])
}
