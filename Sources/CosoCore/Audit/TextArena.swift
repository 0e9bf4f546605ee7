/// The text of the rows a `BulkInsert` has bound and not yet written, copied into blocks it owns:
/// SQLite reads bound text when the statement runs, not when it is bound, and binding it as
/// SQLite's own copy (`SQLITE_TRANSIENT`) cost a memory allocation and release per value, a
/// tenth of a country-size load. Every pointer handed out stays valid until `reset()`, which the
/// owner calls once the statement has run and its bindings are cleared.
final class TextArena {
    private static let blockSize = 1 << 16
    /// Blocks of `blockSize` bytes, kept from one statement to the next.
    private var blocks: [UnsafeMutableRawPointer] = []
    /// Blocks for single values longer than `blockSize`, released at `reset()`.
    private var large: [UnsafeMutableRawPointer] = []
    private var current = 0
    /// Where the next copy goes in the current block, and the block's end. Accessed for every
    /// value a load binds, by this class alone and never while another access is under way:
    /// unchecked, because Swift's run-time exclusivity check cost a country-size load more than
    /// the copying itself.
    @exclusivity(unchecked) private var cursor: UnsafeMutableRawPointer?
    @exclusivity(unchecked) private var end: UnsafeMutableRawPointer?

    deinit {
        for block in blocks + large { block.deallocate() }
    }

    /// A copy of `bytes` valid until `reset()` (never a null pointer, even for no bytes).
    func copy(_ bytes: UnsafeRawBufferPointer) -> UnsafePointer<CChar> {
        let count = bytes.count
        if let cursor, let end, count <= end - cursor {
            if count > 0 { cursor.copyMemory(from: bytes.baseAddress!, byteCount: count) }
            self.cursor = cursor + count
            return UnsafePointer(cursor.assumingMemoryBound(to: CChar.self))
        }
        if count > TextArena.blockSize {
            let block = UnsafeMutableRawPointer.allocate(byteCount: count, alignment: 1)
            block.copyMemory(from: bytes.baseAddress!, byteCount: count)
            large.append(block)
            return UnsafePointer(block.assumingMemoryBound(to: CChar.self))
        }
        // The next block (kept from earlier statements, or a new one).
        if cursor != nil { current += 1 }
        if current == blocks.count { blocks.append(.allocate(byteCount: TextArena.blockSize, alignment: 1)) }
        let block = blocks[current]
        if count > 0 { block.copyMemory(from: bytes.baseAddress!, byteCount: count) }
        cursor = block + count
        end = block + TextArena.blockSize
        return UnsafePointer(block.assumingMemoryBound(to: CChar.self))
    }

    /// Forgets every copy: the blocks are used again for the next statement's rows.
    func reset() {
        for block in large { block.deallocate() }
        large.removeAll()
        current = 0; cursor = nil; end = nil
    }
}
