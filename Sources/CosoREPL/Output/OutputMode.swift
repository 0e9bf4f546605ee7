import Glibc
import CosoCore

/// How results are printed.
public enum OutputMode: String, CaseIterable, Sendable {
    /// Columns aligned by display width (correct for Vietnamese); vertical when too wide.
    case table
    /// RFC 4180.
    case csv
    /// One JSON object per row, in an array.
    case json
    case markdown
    /// One `column = value` per line, rows separated by a blank line.
    case line
}

/// Where rendered text goes: stdout, or a file for `.once`.
public protocol TextOutput: AnyObject {
    func write(_ text: String)
    func flush()
}

extension TextOutput {
    public func flush() {}
}

/// Buffered writes to a file descriptor (stdout by default), flushed at 64 KiB and on `flush()`.
/// Uses write(2) directly: C's `stdout` global is off limits in Swift 6.
public final class StandardOutput: TextOutput {
    private let fd: Int32
    private var buffer: [UInt8] = []

    public init(fd: Int32 = 1) {
        self.fd = fd
        buffer.reserveCapacity(1 << 16)
    }

    deinit { flush() }

    public func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    public func flush() {
        var offset = 0
        while offset < buffer.count {
            let n = buffer[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Collects text in memory (tests, examples, `.once` before writing).
public final class StringOutput: TextOutput {
    public private(set) var text = ""
    public init() {}
    public func write(_ s: String) { text += s }
}

