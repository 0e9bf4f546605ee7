import GRDB

extension Store {
    /// The engine's message when tally() met more distinct groups than it holds in memory
    /// (Sources/CSQLTally): the statement is to be planned again with a plain GROUP BY.
    public static let tooManyGroups = "tally(): too many groups"

    /// Starts a read transaction: every read until `endReading()` sees the register as it stood
    /// when this returned, whatever other processes write meanwhile (WAL keeps that snapshot).
    /// Returns which state that is: the latest audit entry, which every write adds in its own
    /// transaction; two connections that return the same one read the same register (the report
    /// reads through two at once).
    public func beginReading() throws -> Int64 {
        do {
            return try database.writeWithoutTransaction { db in
                try db.execute(sql: "BEGIN DEFERRED")
                do {
                    return try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM audit") ?? 0
                } catch {
                    try? db.execute(sql: "ROLLBACK")
                    throw error
                }
            }
        } catch let e as DatabaseError {
            throw translate(e)
        }
    }

    /// Another connection to the same register (to read alongside this one).
    public func reopened() throws -> Store { try Store(path: path, registry: registry, create: false) }

    /// Whether a transaction is open on this connection (a reading, or the user's `begin`).
    public var isReading: Bool {
        (try? database.writeWithoutTransaction { $0.isInsideTransaction }) ?? true
    }

    /// Ends what `beginReading()` started (nothing was written: nothing to keep or undo).
    public func endReading() {
        try? database.writeWithoutTransaction { db in
            if db.isInsideTransaction { try db.execute(sql: "ROLLBACK") }
        }
    }
}
