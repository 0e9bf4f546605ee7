/// One column of an imported file (or one unique field checked in every row): the field it fills, and what the file's earlier rows taught
/// about its values, remembered for the rest of the file (a file names the same cell, the same
/// ethnicity, for thousands of rows).
final class ImportColumn {
    let field: Field
    /// The field's, kept apart for every cell.
    let name: String, type: FieldType, required: Bool, personal: Bool
    /// Enum cases by the text the file gives (identifier or label, as written).
    var cases: [String: String] = [:]
    /// Ids found in the referenced table (never for the imported entity itself, whose rows the
    /// file adds).
    var known: Set<Int64> = []
    /// Ids by the display name the file writes.
    var names: [String: [Int64]] = [:]
    /// The names near each unknown name the file gives, for the error.
    var nearest: [String: [String]] = [:]
    /// The values met so far, for a unique field.
    var seen = SeenValues()

    init(_ field: Field) {
        self.field = field
        name = field.name; type = field.type; required = field.required; personal = field.personal
    }
}
