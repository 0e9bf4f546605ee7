import CosoCore

/// Names from the organisation tree for Tab completion inside a string: names whose folded form
/// starts with the folded prefix, in Vietnamese order, without duplicates.
enum OrganisationNames {
    static func lookup(_ prefix: String, store: Store) -> [String] {
        guard let tree = store.catalog.tree, let name = tree.displayField.flatMap(tree.field),
              let folded = name.foldedColumn, let sort = name.sortColumn else { return [] }
        let key = VietnameseText.fold(VietnameseText.nfc(prefix))
        let escaped = key.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
        var names: [String] = []
        try? store.query("SELECT DISTINCT \(name.column) FROM \(tree.table) WHERE \(folded) LIKE ? ESCAPE '\\' ORDER BY \(sort) LIMIT 200",
                         [.text(escaped + "%")]) { row in
            if let n = row.first?.textValue { names.append(n) }
        }
        return names
    }
}
