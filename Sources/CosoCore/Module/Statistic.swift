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

    public init(_ code: String, title: Label, pipeline: String, yearly: Bool = false, key: Label? = nil) {
        self.code = code; self.title = title; self.pipeline = pipeline; self.yearly = yearly; self.key = key
    }
}
