/// One way a record can be wrong, found by `check` (the data-quality report staff work through
/// before a report: "đúng, đủ, sạch, sống").
///
/// `sql` is a SELECT of four columns, `row_id` (the row of `entity` at fault), `subject` (how
/// people name it), `org_id` (the organisation it belongs to, for filtering by part of the tree)
/// and `detail` (what exactly is wrong, in Vietnamese and then English after " / "); each `?` in
/// it is the date the check is made at. Codes are stable: a worklist saved today still means
/// the same thing next year.
public struct DataCheck: Sendable {
    public enum Severity: String, Sendable, CaseIterable {
        /// Wrong: a report counting it would be wrong.
        case error
        /// Suspicious or overdue: someone should look.
        case warning
    }

    public let code: String
    public let severity: Severity
    public let problem: Label
    /// What to do about it.
    public let fix: Label
    public let entity: String
    public let sql: String

    public init(_ code: String, _ severity: Severity, entity: String, problem: Label, fix: Label, sql: String) {
        self.code = code; self.severity = severity; self.entity = entity
        self.problem = problem; self.fix = fix; self.sql = sql
    }
}

/// A rule of DOMAIN.md §3 as data: what it says, where it comes from, and the period it is in
/// force, so that each command checks the rule that applied on its event's date and `rules`
/// can list them. `verified: false` marks values no public source confirmed (DOMAIN.md's
/// UNVERIFIED): shown as such, never buried.
public struct RuleDefinition: Sendable {
    public let code: String
    public let text: Label
    public let source: String
    public let from: LocalDate?
    public let until: LocalDate?
    public let verified: Bool
    /// Values staff may change (`setting R25.years value: "3"`), with their defaults: above all
    /// the ones no source confirmed.
    public let settings: [String: String]

    public init(_ code: String, vi: String, en: String, source: String, from: LocalDate? = nil, until: LocalDate? = nil,
                verified: Bool = true, settings: [String: String] = [:]) {
        self.code = code; self.text = Label(vi: vi, en: en); self.source = source
        self.from = from; self.until = until; self.verified = verified; self.settings = settings
    }

    public func inForce(on date: LocalDate) -> Bool {
        (from.map { $0 <= date } ?? true) && (until.map { date <= $0 } ?? true)
    }
}
