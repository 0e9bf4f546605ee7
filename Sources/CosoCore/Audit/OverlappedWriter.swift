import Foundation

/// Runs INSERT batches on a thread of its own, on the transaction's connection, while the
/// importing thread goes on reading and checking the next rows: on two cores an import takes
/// about as long as the longer of the two, not their sum.
///
/// The connection is used by one thread at a time: the importing thread touches it only after
/// `waitIdle()` (every read, update or delete through `WriteTransaction` waits), and `stop()`
/// returns once the thread has finished. At most `capacity` batches wait (about two hand-overs), to bound memory.
final class OverlappedWriter: @unchecked Sendable {
    private let statements: InsertStatements
    private let condition = NSCondition()
    /// Guarded by `condition`.
    private var jobs: [InsertBatch] = []
    private var busy = false
    private var stopping = false
    private var finished = false
    private var failure: StoreError?
    private let capacity = 6

    init(connection: OpaquePointer) {
        statements = InsertStatements(connection: connection)
        let thread = Thread { [self] in self.loop() }
        thread.name = "coso-writer"
        thread.start()
    }

    /// Queues a batch; waits while the queue is full. Throws the first failure of an earlier batch.
    func enqueue(_ batch: InsertBatch) throws(StoreError) {
        condition.lock()
        defer { condition.unlock() }
        while jobs.count >= capacity && failure == nil { condition.wait() }
        if let failure { throw failure }
        jobs.append(batch)
        condition.broadcast()
    }

    /// Returns once every queued batch is written (or throws the first failure).
    func waitIdle() throws(StoreError) {
        condition.lock()
        defer { condition.unlock() }
        while (!jobs.isEmpty || busy) && failure == nil { condition.wait() }
        if let failure { throw failure }
    }

    /// Ends the thread after the batch it is writing; queued batches are dropped.
    func stop() {
        condition.lock()
        stopping = true
        jobs.removeAll()
        condition.broadcast()
        while !finished { condition.wait() }
        condition.unlock()
        statements.finalize()
    }

    private func loop() {
        condition.lock()
        while true {
            while jobs.isEmpty && !stopping { condition.wait() }
            if stopping { break }
            let batch = jobs.removeFirst()
            busy = true
            condition.unlock()
            var error: StoreError?
            do { try statements.run(batch) } catch let e { error = e }
            condition.lock()
            busy = false
            if let error, failure == nil {
                // Nothing more is written: the transaction is to roll back.
                failure = error
                jobs.removeAll()
            }
            condition.broadcast()
        }
        finished = true
        condition.broadcast()
        condition.unlock()
    }
}
