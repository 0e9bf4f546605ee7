/// The fast way to write many rows, for the importer and the demo generators only
/// (`Store.load`): rows batched into multi-row statements (written by a second thread in an
/// overlapped load), their ids recorded as one range per table under the load's audit entry,
/// secondary indexes dropped and built again at the end, CHECK constraints trusted, inserts
/// prepared and bound by position.
///
/// Rows are not checked against their declaration here: the importer checks each itself with the
/// validator every write path shares, and a generator makes valid rows by construction (its tests
/// check them; the district demo plants its known bad records on purpose). Module commands never
/// get one: they receive the audited `WriteTransaction`, which checks every write.
public final class BulkLoad {
    /// The transaction underneath, in bulk mode: what module hooks write through while a file is
    /// imported (a member's history events), batched with the load's rows.
    public let transaction: WriteTransaction

    init(_ transaction: WriteTransaction) { self.transaction = transaction }

    public var catalog: Catalog { transaction.catalog }

    /// Adds a row (values by field name, a reference holding an id) and returns its id, given now
    /// though the row may wait to be written with others.
    @discardableResult
    public func insert(_ entity: String, _ values: [String: Value]) throws -> Int64 { try transaction.insert(entity, values) }

    public func update(_ entity: String, id: Int64, _ values: [String: Value]) throws { try transaction.update(entity, id: id, values) }

    /// A row by id, keyed by field name (rows still waiting are written first).
    public func record(_ entity: String, id: Int64) throws -> [String: Value]? { try transaction.record(entity, id: id) }

    public func scalar(_ sql: String, _ arguments: [Value] = []) throws -> Value { try transaction.scalar(sql, arguments) }

    public func rowIDs(_ sql: String, _ arguments: [Value]) throws -> [Int64] { try transaction.rowIDs(sql, arguments) }

    /// What the register held before the load began, without writing the waiting rows (see
    /// `WriteTransaction.storedScalar`).
    public func storedScalar(_ sql: String, _ arguments: [Value] = []) throws -> Value { try transaction.storedScalar(sql, arguments) }

    /// A prepared insert into `entity`'s table binding `columns` by position (millions of rows).
    public func prepared(_ entity: String, columns: [String]) throws -> BulkInsert { try transaction.bulkInsert(entity, columns: columns) }

    /// Runs `body` with the secondary indexes of these entities' tables dropped, then builds them
    /// again (sorting each index once is faster than inserting keys in random order), but those
    /// in `keeping`.
    public func withoutIndexes<T>(on entities: [String], keeping: Set<String> = [], _ body: () throws -> T) throws -> T {
        try transaction.withoutIndexes(on: entities, keeping: keeping, body)
    }

    /// Runs `body` without SQLite evaluating CHECK constraints, for rows valid by construction.
    public func trustingChecks<T>(_ body: () throws -> T) throws -> T { try transaction.trustingChecks(body) }
}
