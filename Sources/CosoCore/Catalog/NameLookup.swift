import Foundation

/// Finds the row a name stands for, where a name must identify one row: a command's argument
/// (`member transfer 12 to: "Chi bộ thôn 1 (xã Gia Hiệp)"`), a reference compared with text in a
/// query (`org == "Chi bộ thôn 1"`), a reference column of an imported file.
///
/// A name is matched as written, else ignoring case and diacritics. Where several rows share a
/// name it may carry the name of a row above it in parentheses, the form results show a
/// repeated name in ("Chi bộ thôn 1 (Đảng bộ xã Gia Hiệp)"; the qualifier may be any ancestor,
/// and the end of its name is enough: "(xã Gia Hiệp)", "(Gia Hiệp)"), or the row's id after
/// `#`, the form `save` writes ("Chi bộ thôn 1 #123").
public struct NameLookup {
    /// Why a name does not identify a row: the message and the way out, for the caller to place.
    public struct Problem: Error {
        public let code: String
        public let message: Label
        public let help: Label
    }

    public let catalog: Catalog
    /// Restricts the rows a lookup may find (access control: a name the user may not see is no
    /// match), as SQL over the alias given.
    public var restrict: (Entity, String) -> (sql: String, binds: [Value])? = { _, _ in nil }
    let rows: (String, [Value]) throws -> [[Value]]

    public init(catalog: Catalog, rows: @escaping (String, [Value]) throws -> [[Value]]) {
        self.catalog = catalog; self.rows = rows
    }

    /// At most this many candidates are listed in an error.
    static let listed = 8

    /// The one row of `entity` named `name`, or a `Problem` listing the rows it could mean or the
    /// nearest names.
    public func resolve(_ name: String, in entity: Entity) throws -> Int64 {
        let ids = try matches(name, in: entity)
        if ids.count == 1 { return ids[0] }
        if ids.isEmpty {
            let nearest = try nearestNames(to: name, in: entity)
            let help = nearest.isEmpty
                ? Label(vi: "xem danh sách: \(entity.name) | where name =~ \"...\"", en: "look it up: \(entity.name) | where name =~ \"...\"")
                : Label(vi: "có phải ý bạn là " + nearest.map { "\"\($0)\"" }.joined(separator: " hoặc ") + "?",
                        en: "did you mean " + nearest.map { "\"\($0)\"" }.joined(separator: " or ") + "?")
            throw Problem(code: "E0301", message: Label(vi: "không có \(entity.singular.vi) tên \"\(name)\"", en: "no \(entity.singular.en) is named \"\(name)\""),
                          help: help)
        }
        let lines = try describe(Array(ids.prefix(Self.listed)), in: entity)
        let more = ids.count > Self.listed ? ids.count - Self.listed : 0
        let list = lines.map { "\n      - " + $0 }.joined()
        let qualified = try exampleQualified(ids[0], name: name, in: entity)
        throw Problem(code: "E0302",
                      message: Label(vi: "\(ids.count) \(entity.singular.vi) cùng tên \"\(name)\"",
                                     en: "\(ids.count) \(entity.singular.en)s share the name \"\(name)\""),
                      help: Label(vi: "ghi kèm tên cấp trên, như \"\(qualified)\", hoặc dùng mã (id):" + list + (more > 0 ? "\n      (và \(more) nữa)" : ""),
                                  en: "add the name of the level above, as in \"\(qualified)\", or give the id:" + list + (more > 0 ? "\n      (and \(more) more)" : "")))
    }

    /// Every row `name` may mean (none, one, or several).
    public func matches(_ name: String, in entity: Entity) throws -> [Int64] {
        let name = VietnameseText.nfc(name)
        guard let display = entity.displayField.flatMap(entity.field) else { return [] }
        let direct = try named(name, display, in: entity)
        if !direct.isEmpty { return direct }
        // "Chi bộ thôn 1 #123": the id `save` writes beside a repeated name.
        if let hash = name.range(of: " #", options: .backwards), let id = Int64(name[hash.upperBound...]) {
            let base = String(name[..<hash.lowerBound])
            return try named(base, display, in: entity).filter { $0 == id }
        }
        // "Chi bộ thôn 1 (xã Gia Hiệp)": the rows of that name under an ancestor of that name.
        if name.hasSuffix(")"), let open = name.range(of: " (", options: .backwards) {
            let base = String(name[..<open.lowerBound])
            let qualifier = String(name[open.upperBound..<name.index(before: name.endIndex)])
            let candidates = try named(base, display, in: entity)
            guard !candidates.isEmpty else { return [] }
            return try candidates.filter { try ancestorNames(of: $0, in: entity).contains { Self.ends($0, with: qualifier) } }
        }
        return []
    }

    /// Rows whose display name is `name` as written, else ignoring case and diacritics.
    private func named(_ name: String, _ display: Field, in entity: Entity) throws -> [Int64] {
        var filter = ""
        var filterBinds: [Value] = []
        if let r = restrict(entity, "t") { filter = " AND (\(r.sql))"; filterBinds = r.binds }
        func ids(_ sql: String, _ binds: [Value]) throws -> [Int64] {
            try rows("SELECT t.id FROM \(entity.table) AS t WHERE " + sql + filter + " ORDER BY t.id", binds + filterBinds)
                .compactMap { $0.first?.intValue }
        }
        guard let folded = display.foldedColumn else { return try ids("t.\(display.column) = ?", [.text(name)]) }
        let key = Value.text(VietnameseText.fold(name))
        let exact = try ids("t.\(folded) = ? AND t.\(display.column) = ?", [key, .text(name)])
        return exact.isEmpty ? try ids("t.\(folded) = ?", [key]) : exact
    }

    /// `qualifier` names `ancestor` when it is its name, or the end of it after a space
    /// ("xã Gia Hiệp" and "Gia Hiệp" for "Đảng bộ xã Gia Hiệp"), ignoring case and diacritics.
    static func ends(_ ancestor: String, with qualifier: String) -> Bool {
        let a = VietnameseText.fold(ancestor), q = VietnameseText.fold(qualifier).trimmingCharacters(in: .whitespaces)
        return !q.isEmpty && (a == q || a.hasSuffix(" " + q))
    }

    /// The names of the rows above `id`: for a row of the tree, its parents up to the root; for a
    /// row placed in the tree (a member's cell), that row and its parents.
    func ancestorNames(of id: Int64, in entity: Entity) throws -> [String] {
        guard let (tree, parent, display) = treeParts else { return [] }
        var next: Int64?
        if entity.name == tree.name {
            next = try value(of: parent, in: tree, id: id)
        } else if let placing = catalog.placingField(of: entity), placing.type == .reference(tree.name) {
            next = try value(of: placing, in: entity, id: id)
        }
        var names: [String] = []
        var seen: Set<Int64> = []
        while let current = next, seen.insert(current).inserted, seen.count < 64 {
            let row = try rows("SELECT \(display.column), \(parent.column) FROM \(tree.table) WHERE id = ?", [.int(current)]).first
            guard let row else { break }
            if let n = row[0].textValue { names.append(n) }
            next = row[1].intValue
        }
        return names
    }

    private var treeParts: (Entity, Field, Field)? {
        guard let tree = catalog.tree, let t = tree.tree,
              let parent = tree.field(t.parent), let display = tree.displayField.flatMap(tree.field) else { return nil }
        return (tree, parent, display)
    }

    private func value(of field: Field, in entity: Entity, id: Int64) throws -> Int64? {
        try rows("SELECT \(field.column) FROM \(entity.table) WHERE id = ?", [.int(id)]).first?.first?.intValue
    }

    /// The name qualified by the nearest ancestor, to show the form in an error.
    private func exampleQualified(_ id: Int64, name: String, in entity: Entity) throws -> String {
        guard let parent = try ancestorNames(of: id, in: entity).first else { return name + " #\(id)" }
        return "\(name) (\(parent))"
    }

    /// "Chi bộ thôn 1 (Đảng bộ xã Gia Hiệp, mã 123)" for each id.
    func describe(_ ids: [Int64], in entity: Entity) throws -> [String] {
        let d = RowDescription(entity, catalog: catalog)
        return try rows(d.sql, [RowDescription.argument(ids)]).map { RowDescription.line($0, language: .vi) }
    }

    /// Up to three names near `name` (a misspelling, a missing diacritic), from names sharing its
    /// first words (all of them for a small table), by edit distance ignoring case and diacritics.
    public func nearestNames(to name: String, in entity: Entity) throws -> [String] {
        guard let display = entity.displayField.flatMap(entity.field) else { return [] }
        let words = VietnameseText.fold(VietnameseText.nfc(name)).split(separator: " ").map(String.init)
        var pool: [String] = []
        var filter = ""
        var filterBinds: [Value] = []
        if let r = restrict(entity, "t") { filter = " AND (\(r.sql))"; filterBinds = r.binds }
        // The names sharing the most leading words with it, read through the folded index.
        for k in stride(from: max(words.count - 1, 1), through: 0, by: -1) {
            let prefix = words.prefix(k).joined(separator: " ")
            let sql: String, binds: [Value]
            if let folded = display.foldedColumn, k > 0 {
                sql = "SELECT DISTINCT t.\(display.column) FROM \(entity.table) AS t WHERE t.\(folded) >= ? AND t.\(folded) < ?\(filter) LIMIT 5000"
                binds = [.text(prefix), .text(prefix + "\u{10FFFF}")] + filterBinds
            } else if k == 0 {
                sql = "SELECT DISTINCT t.\(display.column) FROM \(entity.table) AS t WHERE 1\(filter) LIMIT 5000"
                binds = filterBinds
            } else { continue }
            pool = try rows(sql, binds).compactMap { $0.first?.textValue }
            if !pool.isEmpty { break }
        }
        let target = Array(VietnameseText.fold(name))
        let limit = target.count <= 3 ? 1 : min(4, max(2, target.count / 4))
        var near: [(name: String, distance: Int)] = []
        for candidate in pool {
            let d = Suggest.distance(target, Array(VietnameseText.fold(candidate)))
            if d <= limit { near.append((candidate, d)) }
        }
        near.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.name < $1.name }
        return near.prefix(3).map(\.name)
    }
}
