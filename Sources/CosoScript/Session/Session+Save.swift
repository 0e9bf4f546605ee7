import CosoCore
import Foundation

/// `save "FILE"`: rows streamed into a file.
extension Session {
    /// Streams the rows into a file; the file is complete or absent (written beside, then renamed).
    func save(_ q: CompiledQuery, to path: String, span: SourceSpan) throws -> String {
        guard let openFile else {
            throw Diagnostic("E0227", Label(vi: "không lưu tệp được ở đây", en: "saving files is not available here"), span: span)
        }
        let partial = path + ".partial"
        let file: any ResultSink
        do { file = try openFile(partial) } catch var d as Diagnostic {
            d.span = span
            throw d
        } catch {
            throw Diagnostic("E0227", Label(vi: "không ghi được tệp \(path)", en: "cannot write the file \(path)"), span: span,
                             help: Label(vi: "kiểm tra thư mục và quyền ghi", en: "check the folder and the permissions"))
        }
        var count = 0
        do {
            try file.begin(columns: q.columns)
            try store.query(q.sql, q.binds) { row in
                count += 1
                try file.row(row)
            }
            try file.end()
            if rename(partial, path) != 0 { throw StoreError.engine("cannot rename \(partial)") }
        } catch {
            unlink(partial)
            throw error
        }
        return language == .vi ? "Đã lưu \(count) dòng vào \(path)." : "Saved \(count) row(s) to \(path)."
    }
}
