/// A statistics table modelled on the Party's forms (DOMAIN.md §6: members by occupation, age,
/// education and political theory; by ethnicity and religion; ...), declared as a pipeline.
///
/// The pipeline groups rows by one key and counts them as `n` (`summarize n: count() by
/// occupation`); an `o` column, when it has one, orders the groups (age bands by their youngest).
/// It may use `$date`, `$year`, `$year_start` and `$year_end` like a target. `stats CODE`
/// shows it with each group's share; `report annual` prints them all.
public struct StatisticDefinition: Sendable {
    public let code: String
    public let title: Label
    public let pipeline: String
    /// Counts what happened in a year (admissions, ratings) rather than what stood at a date.
    public let yearly: Bool
    /// The key column's header, when the key is computed (`band(...)`) rather than a field.
    public let key: Label?

    /// A table of fixed lines instead of groups (the yearly changes: đầu kỳ, tăng, giảm, cuối
    /// kỳ), each a label and a pipeline whose rows it counts; no shares.
    public let lines: [StatisticLine]

    public init(_ code: String, title: Label, pipeline: String, yearly: Bool = false, key: Label? = nil) {
        self.code = code; self.title = title; self.pipeline = pipeline; self.yearly = yearly; self.key = key; self.lines = []
    }

    public init(_ code: String, title: Label, lines: [StatisticLine], yearly: Bool = false, key: Label) {
        self.code = code; self.title = title; self.pipeline = ""; self.yearly = yearly; self.key = key; self.lines = lines
    }
}

/// One line of a table of fixed lines: what it says, and the rows it counts.
public struct StatisticLine: Sendable {
    public let label: Label
    public let counted: String
    public init(_ label: Label, _ counted: String) { self.label = label; self.counted = counted }
}
