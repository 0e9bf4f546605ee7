import GRDB

/// What `WriteTransaction` works out once per entity and transaction to turn a row's values
/// (keyed by field name) into columns and bound values: the entity itself, its rank among the
/// tables, its fields' column names, and the shapes of the rows met so far.
///
/// Why: an import writes millions of rows, each through `insert`; looking each of these up by
/// the entity's name (the catalog, ranks, column names, ids, ranges) cost a dozen string hashes
/// per row, and comparing every row's column list with those of the waiting batches as many
/// string comparisons. Now a row costs one look-up of this object by name.
final class EntityWriting {
    let entity: Entity
    /// Tables of lower rank are written first (see `PendingInserts`).
    let rank: Int
    private let columnNames: [ColumnNames]
    /// The shapes of rows met: rows built the same way (every row of an
    /// import, every event a module records) iterate their keys in the same order, so a row's keys
    /// are compared with a shape's, text with text, instead of hashed one by one. A module writes
    /// a few kinds of rows to one table in turn (a member's admission carries a note, the
    /// confirmation does not): a few shapes are kept.
    private var shapes: [RowShape] = []
    private static let shapeLimit = 16
    /// The ids inserted in bulk by `insert` and not yet gathered into the transaction's ranges.
    var range: (first: Int64, last: Int64, count: Int)?
    /// The id the next row gets inside `bulk` (the largest id in the table plus one, counting
    /// waiting rows), once asked for.
    var nextID: Int64?

    /// The columns of each field, by position: a field makes them by concatenating text each time
    /// it is asked.
    private struct ColumnNames {
        let column: String
        /// The folded and sort-key shadow columns of a searchable text field.
        let folded: String?, sort: String?
        /// A person's name sorts by given name first (`Field.sortsByGivenName`).
        let personName: Bool
    }

    init(entity: Entity, rank: Int) {
        self.entity = entity
        self.rank = rank
        columnNames = entity.fields.map {
            ColumnNames(column: $0.column, folded: $0.foldedColumn, sort: $0.sortColumn, personName: $0.sortsByGivenName)
        }
    }

    /// The columns a row's values go to (in field order, with the shadow columns of searchable
    /// text), and the values bound to them. `allowID`: an insert may choose the new row's id (an
    /// import keeping a file's ids); an update never changes one.
    func arguments<Key: RowKey>(_ values: [Key: Value], allowID: Bool) throws -> (RowShape, [DatabaseValue]) {
        let shape = try shape(of: values)
        if !allowID, shape.idArgument != nil {
            throw RuleViolation("E0702", vi: "lỗi nội bộ: \(entity.name) không có trường id", en: "internal error: \(entity.name) has no field id")
        }
        var given: [Value] = []
        given.reserveCapacity(values.count)
        for value in values.values { given.append(value) }
        var args: [DatabaseValue] = []
        args.reserveCapacity(shape.columns.count + 1)
        for i in shape.order {
            let value = given[i]
            args.append(value.databaseValue)
            if shape.searchable[i] != .none {
                let text = value.textValue.map(VietnameseText.nfc)
                args.append(text.map(VietnameseText.fold)?.databaseValue ?? .null)
                let key = shape.searchable[i] == .personName ? VietnameseText.personSortKeyString : VietnameseText.sortKeyString
                args.append(text.map(key)?.databaseValue ?? .null)
            }
        }
        return (shape, args)
    }

    private func shape<Key: RowKey>(of values: [Key: Value]) throws -> RowShape {
        search: for shape in shapes where shape.keys.count == values.count {
            var i = 0
            for key in values.keys {
                guard shape.keys[i] == key.fieldName else { continue search }
                i += 1
            }
            return shape
        }
        var keys: [String] = [], positions: [Int] = []
        keys.reserveCapacity(values.count); positions.reserveCapacity(values.count)
        for key in values.keys {
            let name = key.fieldName
            guard let position = entity.position(of: name) else {
                throw RuleViolation("E0702", vi: "lỗi nội bộ: \(entity.name) không có trường \(name)",
                                    en: "internal error: \(entity.name) has no field \(name)")
            }
            keys.append(name); positions.append(position)
        }
        let order = positions.indices.sorted { positions[$0] < positions[$1] }
        var columns: [String] = [], searchable = Array(repeating: RowShape.Shadows.none, count: keys.count)
        var idArgument: Int?
        for i in order {
            let names = columnNames[positions[i]]
            if keys[i] == "id" { idArgument = columns.count }
            columns.append(names.column)
            if let folded = names.folded, let sort = names.sort {
                columns.append(folded); columns.append(sort)
                searchable[i] = names.personName ? .personName : .text
            }
        }
        let shape = RowShape(table: entity.table, rank: rank, columns: columns, keys: keys, order: order,
                             searchable: searchable, idArgument: idArgument)
        // Rows of ever new shapes (a generator filling optional fields at random) replace the oldest.
        if shapes.count == EntityWriting.shapeLimit { shapes.removeFirst() }
        shapes.append(shape)
        return shape
    }
}

/// The columns of rows of one table built from the same keys in the same order: what a row's
/// values become, and where such rows wait in `PendingInserts`.
final class RowShape {
    let table: String
    let rank: Int
    let columns: [String]
    /// The row's keys in the order its dictionary gives them; `order`: their indices in field order.
    let keys: [String]
    let order: [Int]
    /// For each key, whether its field is searchable text (two shadow columns follow its own), and
    /// how it sorts.
    let searchable: [Shadows]
    enum Shadows { case none, text, personName }
    /// Where the `id` the row gives is among the arguments, if it gives one.
    let idArgument: Int?
    /// The same columns followed by `id`, for rows given their id by the transaction.
    private(set) lazy var withID = RowShape(table: table, rank: rank, columns: columns + ["id"], keys: keys + ["id"],
                                            order: order, searchable: searchable, idArgument: columns.count)
    /// Where rows of this shape wait in `PendingInserts`, for the `PendingInserts` generation that
    /// set it (a later one has other batches).
    var batch: (generation: Int, index: Int)?

    init(table: String, rank: Int, columns: [String], keys: [String], order: [Int], searchable: [Shadows], idArgument: Int?) {
        self.table = table; self.rank = rank; self.columns = columns; self.keys = keys; self.order = order
        self.searchable = searchable; self.idArgument = idArgument
    }
}

/// What a row's values are keyed by: a declared field (module code) or its name (the importer and
/// the generators' loads).
protocol RowKey: Hashable {
    var fieldName: String { get }
}

extension String: RowKey {
    var fieldName: String { self }
}

extension Field: RowKey {
    var fieldName: String { name }
}
