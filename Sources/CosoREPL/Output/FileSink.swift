import CosoCore
import CosoScript
import CosoSpreadsheet
import Foundation
import Glibc

/// Results written to a file (`save "FILE"`, `.once`), in the format the file's extension names:
/// text through the renderers, `.xlsx` as a workbook (`XLSXWriter`).
public final class FileSink: ResultSink {
    private let inner: any ResultSink
    private let output: StandardOutput?
    private let fd: Int32

    public static let formats: [String: OutputMode] = ["csv": .csv, "json": .json, "md": .markdown, "txt": .table]

    public init(path: String, catalog: Catalog, language: Language, bom: Bool = false) throws {
        let ext = path.split(separator: ".").last.map { String($0).lowercased() } ?? ""
        // A `.partial` file being written takes the format of the name it will get.
        let name = ext == "partial" ? String(path.dropLast(".partial".count)) : path
        let realExt = name.split(separator: ".").last.map { String($0).lowercased() } ?? ""
        if realExt == "xlsx" {
            let stem = ((name as NSString).lastPathComponent as NSString).deletingPathExtension
            inner = try XLSXWriter(path: path, sheetName: stem, language: language) { type, id in
                guard case .enumeration(let e) = type else { return nil }
                return catalog.enumType(e)?.cases.first { $0.id == id }?.label
            }
            output = nil
            fd = -1
            return
        }
        guard let mode = FileSink.formats[realExt] else {
            throw Diagnostic("E0228", Label(vi: "không biết định dạng của tệp '.\(realExt)'", en: "unknown file format '.\(realExt)'"),
                             help: Label(vi: "dùng .csv, .xlsx, .json, .md hoặc .txt", en: "use .csv, .xlsx, .json, .md or .txt"))
        }
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else {
            throw Diagnostic("E0227", Label(vi: "không ghi được tệp \(name)", en: "cannot write the file \(name)"),
                             help: Label(vi: "kiểm tra thư mục và quyền ghi", en: "check the folder and the permissions"))
        }
        let output = StandardOutput(fd: fd)
        let renderer = Renderer(catalog: catalog, mode: mode, language: language, output: output, width: nil)
        renderer.bom = bom
        self.output = output
        inner = renderer
    }

    deinit { if fd >= 0 { close(fd) } }

    public func begin(columns: [ResultColumn]) throws { try inner.begin(columns: columns) }
    public func row(_ values: [Value]) throws { try inner.row(values) }
    public func end() throws {
        try inner.end()
        output?.flush()
        if fd >= 0 { fsync(fd) }
    }
    public func scalar(_ value: Value, type: FieldType?) throws { try inner.scalar(value, type: type) }
    public func message(_ text: String) throws { try inner.message(text) }
}

extension Session {
    /// Lets `save "FILE"` write files through the renderers.
    public func enableFiles(bom: Bool = false) {
        let catalog = self.catalog
        openFile = { [unowned self] path in try FileSink(path: path, catalog: catalog, language: self.language, bom: bom) }
    }
}
