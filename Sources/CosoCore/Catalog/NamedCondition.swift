import Foundation

/// A condition on an entity's rows at a date, declared once by the module that owns the entity
/// and offered by the language (`members | where on_roll`, `where on_roll(@2024-12-31)`,
/// `ratings | where member.on_roll`), so that every statistic, target and check that needs it
/// reads the one definition ("on the roll": đang sinh hoạt).
public struct NamedCondition: Sendable, Hashable {
    public let name: String
    public let label: Label
    /// What it means, for `.help`.
    public let help: Label
    /// SQL over `{t}` (the row's alias) and `{date}` (the date it is judged at); catalogue
    /// identifiers only, every value bound.
    public let template: String

    public init(_ name: String, label: Label, help: Label, sql template: String) {
        self.name = name; self.label = label; self.help = help; self.template = template
    }

    /// The condition over `alias`, with `date` (SQL: a `?` or an expression) where the template
    /// says `{date}`; `dates` is how many times it appears, for binding.
    public func sql(alias: String, date: String) -> String {
        template.replacingOccurrences(of: "{t}", with: alias).replacingOccurrences(of: "{date}", with: date)
    }

    public var dates: Int { template.components(separatedBy: "{date}").count - 1 }
}
