/// One numbered schema step of a module, as literal SQL.
///
/// Migrations are frozen once released: a later change is a new number, never an edit. They are
/// recorded per module in `coso_migrations` and run in dependency order inside one transaction.
/// The SQL may use only what the stock `sqlite3` shell understands (no custom functions or
/// collations), so that staff and auditors can always read the file.
public struct Migration: Sendable {
    public let number: Int
    public let name: String
    public let sql: String
    public init(_ number: Int, _ name: String, sql: String) { self.number = number; self.name = name; self.sql = sql }
}
