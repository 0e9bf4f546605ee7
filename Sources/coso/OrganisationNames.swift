import CosoCore

/// Organisation names for Tab completion inside a string: names whose folded form starts with the
/// folded prefix, in Vietnamese order, without duplicates.
enum OrganisationNames {
    static func lookup(_ prefix: String, store: Store) -> [String] {
        let folded = VietnameseText.fold(VietnameseText.nfc(prefix))
        let escaped = folded.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
        var names: [String] = []
        try? store.query("SELECT DISTINCT name FROM orgs WHERE name_folded LIKE ? ESCAPE '\\' ORDER BY name_sort LIMIT 200",
                         [.text(escaped + "%")]) { row in
            if let n = row.first?.textValue { names.append(n) }
        }
        return names
    }
}
