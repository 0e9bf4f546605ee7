import Foundation

/// An enumeration type: cases stored as their identifiers (`village_cell`) with a CHECK constraint,
/// ordered as declared (so `theory >= intermediate` means "intermediate or a later case").
public struct EnumType: Sendable, Hashable {
    public struct Case: Sendable, Hashable {
        public let id: String
        public let label: Label
        /// Other names people use for it (`K'Ho`, `Kơ Ho` for the Cơ-ho), accepted as the case.
        public let aliases: [String]
        public init(_ id: String, vi: String, en: String, also aliases: [String] = []) {
            self.id = id; self.label = Label(vi: vi, en: en); self.aliases = aliases
        }

        /// Every name the case is known by: its label in each language and its other names.
        public var names: [String] { [label.vi, label.en] + aliases }
    }

    public let id: String
    public let label: Label
    public let cases: [Case]

    public init(id: String, label: Label, cases: [Case]) {
        self.id = id; self.label = label; self.cases = cases
    }

    /// Finds a case by identifier, by its Vietnamese or English label or by one of its other
    /// names, ignoring case, diacritics, spaces, hyphens and apostrophes in names ("trung cấp",
    /// "Trung cap"; "Cơ Ho", "K'Ho" for the Cơ-ho).
    public func find(_ text: String) -> Case? {
        if let c = cases.first(where: { $0.id == text }) { return c }
        let key = VietnameseText.fold(text)
        if let c = cases.first(where: { $0.names.contains { VietnameseText.fold($0) == key } }) { return c }
        let bare = EnumType.bare(text)
        guard !bare.isEmpty else { return nil }
        return cases.first { $0.names.contains { EnumType.bare($0) == bare } }
    }

    /// The case whose identifier or one of whose names is nearest `text` (a misspelling), if
    /// any is near enough.
    public func closest(to text: String) -> Case? {
        var owner: [String: Case] = [:]
        for c in cases { for n in [c.id] + c.names where owner[n] == nil { owner[n] = c } }
        return Suggest.closest(to: text, in: owner.keys.sorted()).flatMap { owner[$0] }
    }

    /// A name folded to its letters and digits: "K'Ho", "Kơ-ho" and "Kơ Ho" all read "kho"/"koho".
    static func bare(_ name: String) -> String {
        String(VietnameseText.fold(name).unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }

    /// Names that two cases would both answer to (a declaration mistake: `find` would pick one).
    public var ambiguousNames: [String] {
        var owner: [String: String] = [:]
        var clashes: [String] = []
        for c in cases {
            for key in Set((c.names + [c.id]).map(EnumType.bare)) where !key.isEmpty {
                if let other = owner[key], other != c.id { clashes.append("\(key) (\(other), \(c.id))") } else { owner[key] = c.id }
            }
        }
        return clashes
    }

    public func index(of id: String) -> Int? { cases.firstIndex { $0.id == id } }

    /// `CHECK (column IN (...))` text for a migration, from the cases declared here.
    public func checkConstraint(column: String) -> String {
        "CHECK (\(column) IN (" + cases.map { "'\($0.id)'" }.joined(separator: ", ") + "))"
    }
}
