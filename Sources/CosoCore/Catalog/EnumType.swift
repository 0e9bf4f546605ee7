/// An enumeration type: cases stored as their identifiers (`village_cell`) with a CHECK constraint,
/// ordered as declared (so `theory >= intermediate` means "intermediate or a later case").
public struct EnumType: Sendable, Hashable {
    public struct Case: Sendable, Hashable {
        public let id: String
        public let label: Label
        public init(_ id: String, vi: String, en: String) { self.id = id; self.label = Label(vi: vi, en: en) }
    }

    public let id: String
    public let label: Label
    public let cases: [Case]

    public init(id: String, label: Label, cases: [Case]) {
        self.id = id; self.label = label; self.cases = cases
    }

    /// Finds a case by identifier or by its Vietnamese or English label, ignoring case and
    /// diacritics in labels ("trung cấp", "Trung cap").
    public func find(_ text: String) -> Case? {
        if let c = cases.first(where: { $0.id == text }) { return c }
        let key = VietnameseText.fold(text)
        return cases.first { VietnameseText.fold($0.label.vi) == key || VietnameseText.fold($0.label.en) == key }
    }

    public func index(of id: String) -> Int? { cases.firstIndex { $0.id == id } }

    /// `CHECK (column IN (...))` text for a migration, from the cases declared here.
    public func checkConstraint(column: String) -> String {
        "CHECK (\(column) IN (" + cases.map { "'\($0.id)'" }.joined(separator: ", ") + "))"
    }
}
