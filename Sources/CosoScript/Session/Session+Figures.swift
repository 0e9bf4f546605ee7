import CosoCore
import Foundation
import Synchronization

extension Session {
    /// The value of each one-value query, read through this session's connection and a second
    /// one on the same file at once (two cores), both at one state of the register; each takes
    /// the next query left. Nil when that cannot be: a single query, inside the user's
    /// transaction (the second connection would not see its changes) or a reading already begun,
    /// no second connection, or the two connections at different states; the caller then keeps
    /// the queries in its statement. A Ctrl-C stops both.
    func parallelValues(_ queries: [(sql: String, binds: [Value])]) throws(Diagnostic) -> [Value]? {
        guard queries.count > 1, !store.isReading, let helper = openHelper() else { return nil }
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
