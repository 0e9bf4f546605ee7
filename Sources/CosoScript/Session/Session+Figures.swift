import CosoCore
import Foundation
import Synchronization

extension Session {
    /// The value of each one-value query, read through this session's connection and a second
    /// one on the same file at once (two cores), both at one state of the register; each takes
    /// the next query left. Inside the user's transaction (the second connection would not see
    /// its changes) or a reading already begun (the report's), or without a second connection,
    /// they are read one after the other through this one. Nil when that cannot be (a single
    /// query, an error, the two connections at different states); the caller then keeps the
    /// queries in its statement. A Ctrl-C stops both.
    func figureValues(_ asked: [(sql: String, binds: [Value])]) throws(Diagnostic) -> [Value]? {
        // The same figure asked twice (T10's and T16's base: the village cells then) is read once.
        var queries: [(sql: String, binds: [Value])] = [], position: [Int] = []
        struct Key: Hashable { let sql: String, binds: [Value] }
        var seen: [Key: Int] = [:]
        for q in asked {
            let key = Key(sql: q.sql, binds: q.binds)
            if let i = seen[key] { position.append(i); continue }
            seen[key] = queries.count
            position.append(queries.count)
            queries.append(q)
        }
        guard let values = try distinctValues(queries) else { return nil }
        return position.map { values[$0] }
    }

    private func distinctValues(_ queries: [(sql: String, binds: [Value])]) throws(Diagnostic) -> [Value]? {
        guard queries.count > 1 else { return nil }
        // Inside a reading (the report's, the user's transaction) or without a second connection:
        // one after the other through this one, which sees what the transaction wrote.
        guard !store.isReading, let helper = openHelper() else {
            do {
                return try queries.map { try store.scalar($0.sql, $0.binds) }
            } catch StoreError.interrupted {
                throw Diagnostic("E0601", Label(vi: "đã dừng (Ctrl-C)", en: "interrupted (Ctrl-C)"))
            } catch {
                return nil
            }
        }
        let stores = [store, helper]
        let results = Mutex<[Value]>(Array(repeating: .null, count: queries.count))
        let next = Mutex(0)
        let failure = Mutex<(any Error)?>(nil)
        do {
            let state = try store.beginReading()
            defer { store.endReading() }
            guard try helper.beginReading() == state else { helper.endReading(); return nil }
            defer { helper.endReading() }
            DispatchQueue.concurrentPerform(iterations: stores.count) { worker in
                while failure.withLock({ $0 == nil }) {
                    let i = next.withLock { n in defer { n += 1 }; return n }
                    guard i < queries.count else { return }
                    do {
                        let value = try stores[worker].scalar(queries[i].sql, queries[i].binds)
                        results.withLock { $0[i] = value }
                    } catch {
                        failure.withLock { $0 = $0 ?? error }
                        // The other connection stops too.
                        stores[1 - worker].interrupt()
                    }
                }
            }
        } catch {
            failure.withLock { $0 = $0 ?? error }
        }
        switch failure.withLock({ $0 }) {
        case nil: return results.withLock { $0 }
        case StoreError.interrupted?:
            throw Diagnostic("E0601", Label(vi: "đã dừng (Ctrl-C)", en: "interrupted (Ctrl-C)"))
        default:
            // Whatever went wrong shows again, as it should, when the statement runs them itself.
            return nil
        }
    }

    /// Whether figures have been read through a second connection in this session.
    public var readsTwoAtATime: Bool { helperStore.withLock { $0 != nil } }

    /// The second connection, opened once (a missing or unreadable file: none).
    private func openHelper() -> Store? {
        helperStore.withLock { helper in
            if helper == nil { helper = try? store.reopened() }
            return helper
        }
    }
}
