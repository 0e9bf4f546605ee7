import Foundation

/// Where imported records come from: a CSV file, a spreadsheet's sheet. Each record has the
/// line (the sheet's row) it starts on and its fields as UTF-8 bytes; the first is the header.
public protocol ImportRows: AnyObject {
    func read() -> CSVReader.Record?
    /// How far the reading has gone, and of how much, for a progress bar.
    var bytesRead: Int64 { get }
    var size: Int64 { get }
    /// Where a problem is, as staff find it in the file: nil for a text file (its line says it),
    /// `Trang1!C5` for a spreadsheet's cell.
    func position(line: Int, columnIndex: Int?) -> String?
}

extension ImportRows {
    public func position(line: Int, columnIndex: Int?) -> String? { nil }
}

/// A streaming RFC 4180 reader: fields separated by commas (or semicolons, as Excel writes in some
/// locales, detected from the header), quoted fields with doubled quotes and line breaks inside,
/// CRLF or LF line ends, Excel's UTF-8 byte-order mark skipped. It reads the file in blocks, so
/// memory stays flat whatever its size, and gives each record with the line it starts on. Fields
/// come back as raw bytes: decoding (and refusing what is not UTF-8) is the caller's.
public final class CSVReader: ImportRows {
    public struct Record {
        public let line: Int
        public let fields: [[UInt8]]
        public init(line: Int, fields: [[UInt8]]) { self.line = line; self.fields = fields }
    }

    private let file: UnsafeMutablePointer<FILE>
    private var buffer = [UInt8](repeating: 0, count: 1 << 16)
    private var count = 0
    private var position = 0
    private var line = 1
    private var separator = UInt8(ascii: ",")
    private var separatorDecided = false
    private var first = true
    /// The field being read, kept between fields (a field then costs one allocation of its own
    /// size, not the growth of an array byte by byte), and how many fields the last record had.
    private var scratch: [UInt8] = []
    private var lastWidth = 8
    /// Bytes read so far, for a progress bar.
    public private(set) var bytesRead: Int64 = 0
    public let size: Int64

    public init?(path: String) {
        guard let f = fopen(path, "rb") else { return nil }
        file = f
        var st = stat()
        size = stat(path, &st) == 0 ? Int64(st.st_size) : 0
    }

    deinit { fclose(file) }

    private func fill() -> Bool {
        count = fread(&buffer, 1, buffer.count, file)
        position = 0
        bytesRead += Int64(count)
        return count > 0
    }

    private func next() -> UInt8? {
        if position == count, !fill() { return nil }
        defer { position += 1 }
        return buffer[position]
    }

    private func peek() -> UInt8? {
        if position == count, !fill() { return nil }
        return buffer[position]
    }

    /// The next record, or nil at the end of the file. Blank lines are skipped.
    public func read() -> Record? {
        if first {
            first = false
            // Excel's UTF-8 BOM.
            if peek() == 0xEF {
                let saved = position
                if next() == 0xEF, next() == 0xBB, next() == 0xBF {} else { position = saved }
            }
        }
        let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        while true {
            guard peek() != nil else { return nil }
            let start = line
            var fields: [[UInt8]] = []
            fields.reserveCapacity(lastWidth)
            var field = scratch
            field.removeAll(keepingCapacity: true)
            var quoted = false, wasQuoted = false, ended = false
            while !ended, let b = next() {
                if quoted {
                    if b == quote {
                        if peek() == quote { _ = next(); field.append(b) } else { quoted = false }
                    } else {
                        if b == lf { line += 1 }
                        field.append(b)
                    }
                    continue
                }
                switch b {
                case quote:
                    if field.isEmpty && !wasQuoted { quoted = true; wasQuoted = true } else { field.append(b) }
                case UInt8(ascii: ","), UInt8(ascii: ";"):
                    // The header decides: Excel writes semicolons in locales whose decimal mark is a comma.
                    if !separatorDecided { separator = b; separatorDecided = true }
                    if b == separator {
                        fields.append(CSVReader.copy(field)); field.removeAll(keepingCapacity: true); wasQuoted = false
                    } else { field.append(b) }
                case cr:
                    if peek() == lf { continue }
                    line += 1; ended = true
                case lf:
                    line += 1; ended = true
                default:
                    field.append(b)
                }
            }
            fields.append(CSVReader.copy(field))
            field.removeAll(keepingCapacity: true)
            scratch = field
            lastWidth = fields.count
            if fields.count == 1, fields[0].isEmpty, !wasQuoted { continue }
            return Record(line: start, fields: fields)
        }
    }

    /// A copy of exactly `bytes.count` bytes (`Array(bytes)` would share the scratch buffer,
    /// which the next field's first byte would then copy whole).
    private static func copy(_ bytes: [UInt8]) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: bytes.count) { out, initialized in
            bytes.withUnsafeBufferPointer { source in
                if let base = source.baseAddress, let target = out.baseAddress { target.initialize(from: base, count: source.count) }
            }
            initialized = bytes.count
        }
    }
}
