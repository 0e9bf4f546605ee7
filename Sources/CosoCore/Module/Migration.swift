/// One numbered step that moves a module's data from an older version to the declared one: what
/// a declaration cannot say (copying a field into two, filling a new field from the history).
///
/// Tables, columns and indexes need no migration: the store makes them from the module's entities
/// and brings an older register's tables to the declared form itself (`SchemaReconciler`). A step
/// runs once, on a register made before it, after the store has added the tables and columns the
/// module now declares and before it rebuilds the tables whose definition changed; a new register
/// records every step as done without running it (it has no data to move). Steps are recorded per
/// module in `coso_migrations`, frozen once released (a later change is a new number), and may use
/// only what the stock `sqlite3` shell understands.
public struct Migration: Sendable {
    public let number: Int
    public let name: String
    public let sql: String
    /// A step written before tables were generated from declarations, against the hand-written
    /// schema of its day: on a register that recorded earlier steps, it runs before the store adds
    /// anything, so that such a register reaches the last hand-written schema first.
    public let legacy: Bool

    public init(_ number: Int, _ name: String, sql: String) {
        self.number = number; self.name = name; self.sql = sql; legacy = false
    }

    public init(legacy number: Int, _ name: String, sql: String) {
        self.number = number; self.name = name; self.sql = sql; legacy = true
    }
}
