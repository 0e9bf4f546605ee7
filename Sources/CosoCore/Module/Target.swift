/// A plan target (chỉ tiêu) as data: what it says, where it comes from, and how the register
/// measures it. `targets` computes every declared target at a date, for the whole tree or a part
/// of it, in one SQL statement; staff add their own with `target add`.
///
/// `counted` and `base` are coso pipelines whose rows are counted (the numerator and the
/// denominator). They may use `$year` (the year measured), `$date` (the day measured at),
/// `$year_start` and `$year_end` (1/1 and 31/12 of `$year`). A target with no `base` is a
/// plain count; one with no `counted` is something the register does not record (shown as
/// "no data", never as zero).
public struct TargetDefinition: Sendable {
    /// What counts as reaching the target. Ratios compare percentages; plain counts compare the count.
    public enum Goal: Sendable, Hashable {
        case atLeast(Double)
        case moreThan(Double)
        /// A range such as "3-4%": reached from its lower end (more is not a failure).
        case between(Double, Double)
        case atMost(Double)
        /// The count falls from the previous year's (or from the baseline when that is unknown).
        case decrease
        case increase

        /// How the goal is stored in the result: a kind and its bounds.
        public var kind: String {
            switch self {
            case .atLeast: return "at_least"
            case .moreThan: return "more_than"
            case .between: return "between"
            case .atMost: return "at_most"
            case .decrease: return "decrease"
            case .increase: return "increase"
            }
        }
        public var bounds: (Double?, Double?) {
            switch self {
            case .atLeast(let x), .moreThan(let x): return (x, nil)
            case .between(let a, let b): return (a, b)
            case .atMost(let x): return (nil, x)
            case .decrease, .increase: return (nil, nil)
            }
        }
    }

    public let code: String
    /// A short title for tables.
    public let title: Label
    /// The plan's exact words (Vietnamese) and a translation.
    public let wording: Label
    public let source: String
    public let counted: String?
    public let base: String?
    public let goal: Goal
    /// When it is due: "hằng năm", "đến 2030".
    public let deadline: Label
    /// Whether the pipelines read the register at `$date` (events, dated rows, `asof` sources); a
    /// target read from current flags only has no figure for an earlier date.
    public let dated: Bool
    /// Paths from a counted row and from a base row to the organisation that answers for it, for
    /// the drill-down (`target T10 | detail`): `parent` for a village cell, `org` for a member.
    public let countedOrg: String?
    public let baseOrg: String?
    /// Counts the distinct values of this field of the counted rows instead of the rows (`member`:
    /// a member commented on twice counts once).
    public let distinct: String?
    /// The figure the plan started from, when it names one (the count, for `decrease`/`increase`).
    public let baseline: Double?
    /// The records a yearly figure is made of: a year in which the register holds none of them
    /// has no figure ("no data", never 0 / 1618), and `targets` without a year shows each such
    /// target for the latest year that has them (one late event of another kind moves nothing).
    public let records: YearlyRecords?
    /// Adds this field of the base's rows up instead of counting them (`planned`: the admissions
    /// each organisation planned).
    public let baseSum: String?

    public init(_ code: String, title: Label, wording: Label, source: String, counted: String?, base: String? = nil,
                goal: Goal, deadline: Label, dated: Bool = true, distinct: String? = nil, countedOrg: String? = nil,
                baseOrg: String? = nil, baseline: Double? = nil, records: YearlyRecords? = nil, baseSum: String? = nil) {
        self.code = code; self.title = title; self.wording = wording; self.source = source
        self.counted = counted; self.base = base; self.goal = goal; self.deadline = deadline; self.dated = dated
        self.distinct = distinct; self.countedOrg = countedOrg; self.baseOrg = baseOrg ?? countedOrg; self.baseline = baseline
        self.records = records; self.baseSum = baseSum
    }

    /// Whether the figure is a percentage (a ratio) rather than a count. (A target the register
    /// cannot measure keeps the plan's percentage.)
    public var isRatio: Bool { base != nil || counted == nil }

    /// The target as people read it: "> 65%", "3-4%", "≥ 1", "giảm".
    public var goalText: Label {
        let unit = isRatio ? "%" : ""
        func n(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(x) }
        switch goal {
        case .atLeast(let x): return Label(vi: "≥ \(n(x))\(unit)", en: "≥ \(n(x))\(unit)")
        case .moreThan(let x): return Label(vi: "> \(n(x))\(unit)", en: "> \(n(x))\(unit)")
        case .between(let a, let b): return Label(vi: "\(n(a))-\(n(b))\(unit)", en: "\(n(a))-\(n(b))\(unit)")
        case .atMost(let x): return Label(vi: "≤ \(n(x))\(unit)", en: "≤ \(n(x))\(unit)")
        case .decrease: return Label(vi: "giảm", en: "decrease")
        case .increase: return Label(vi: "tăng", en: "increase")
        }
    }
}

/// The records of a year that a target is measured from: `source` (a pipeline, such as
/// `residence_comments` or `member_events | where kind == admitted`) and the expression giving the
/// year each row belongs to (`year`, `year(happened)`).
public struct YearlyRecords: Sendable, Hashable {
    public let source: String
    public let year: String
    public init(_ source: String, year: String) { self.source = source; self.year = year }

    /// `source | where YEAR == $year`: the year's records.
    public var ofTheYear: String { "\(source) | where \(year) == $year" }
    /// `source | where YEAR <= $year | summarize y: max(YEAR)`: the latest year up to `$year` with records.
    public var latestYear: String { "\(source) | where \(year) <= $year | summarize y: max(\(year))" }
}
