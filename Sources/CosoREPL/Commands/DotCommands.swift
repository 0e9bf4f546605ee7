import CosoCore
import CosoScript
import Foundation

extension REPL {
    /// `.help`, `.schema`, `.mode`, `.timer`, `.pager`, `.dryrun`, `.read`, `.once`, `.sql`, `.tokens`, `.ast`, `.lang`, `.quit`.
    public func runDotCommand(_ text: String) {
        let parts = text.split(separator: " ", maxSplits: 1).map(String.init)
        let name = parts[0]
        let arg = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        let out = renderer.output
        let vi = session.language == .vi
        switch name {
        case ".quit", ".exit", ".q":
            quit = true
        case ".help":
            out.write(Help.text(topic: arg, catalog: session.catalog, language: session.language))
        case ".schema":
            out.write(Help.schema(arg, catalog: session.catalog, language: session.language))
        case ".mode":
            guard let mode = OutputMode(rawValue: arg) else {
                errors.write((vi ? "chế độ hiển thị: " : "output modes: ") + OutputMode.allCases.map(\.rawValue).joined(separator: ", ")
                             + (vi ? " (đang dùng \(renderer.mode.rawValue))\n" : " (now \(renderer.mode.rawValue))\n"))
                return
            }
            renderer.mode = mode
        case ".timer":
            timer = arg == "on" || (arg.isEmpty && !timer)
            out.write(vi ? "Đo thời gian: \(timer ? "bật" : "tắt")\n" : "Timer: \(timer ? "on" : "off")\n")
        case ".pager":
            guard let pager else {
                errors.write(vi ? "không có trình phân trang: đầu ra không phải màn hình, hoặc máy không có less (đặt PAGER)\n"
                                : "no pager: the output is not a terminal, or there is no less on this machine (set PAGER)\n")
                return
            }
            pager.enabled = arg == "on" || (arg.isEmpty && !pager.enabled)
            out.write(vi ? "Phân trang kết quả dài: \(pager.enabled ? "bật" : "tắt")\n" : "Pager for tall results: \(pager.enabled ? "on" : "off")\n")
        case ".dryrun":
            session.dryRun = arg == "on" || (arg.isEmpty && !session.dryRun)
            out.write(vi ? "Chạy thử (không ghi gì): \(session.dryRun ? "bật" : "tắt")\n" : "Dry run (nothing written): \(session.dryRun ? "on" : "off")\n")
        case ".lang":
            if let l = Language(rawValue: arg) { session.language = l; renderer.language = l }
            else { errors.write(".lang vi | en\n") }
        case ".read":
            var isDirectory: ObjCBool = false
            guard !arg.isEmpty, FileManager.default.fileExists(atPath: arg, isDirectory: &isDirectory), !isDirectory.boolValue,
                  let data = FileManager.default.contents(atPath: arg) else {
                errors.write(vi ? "không đọc được tệp '\(arg)'\n" : "cannot read the file '\(arg)'\n")
                return
            }
            do {
                execute(SourceFile(name: arg, text: try SourceBytes.text(Array(data), name: arg)))
            } catch {
                errors.write(DiagnosticRenderer.render(error, language: session.language))
            }
        case ".backup":
            guard !arg.isEmpty else { errors.write(".backup FILE\n"); return }
            do {
                try session.store.backup(to: arg)
                out.write(vi ? "Đã sao lưu vào \(arg).\n" : "Backed up to \(arg).\n")
            } catch let e as StoreError {
                errors.write(e.message(session.language) + "\n")
            } catch {
                errors.write("\(error)\n")
            }
        case ".once":
            guard !arg.isEmpty else { errors.write(".once FILE\n"); return }
            onceFile = arg
        case ".sql", ".tokens", ".ast":
            let source = SourceFile(name: "<repl>", text: arg)
            do {
                switch name {
                case ".sql": out.write(try session.explain(source) + "\n")
                case ".tokens":
                    do { out.write(try Lexer.tokenize(arg).map(\.debugText).joined(separator: " ") + "\n") }
                    catch { throw SourceError(error, in: source) }
                default:
                    do { out.write(try Parser.parse(arg).map(ASTPrinter.print).joined(separator: "\n") + "\n") }
                    catch { throw SourceError(error, in: source) }
                }
            } catch let e as SourceError {
                errors.write(DiagnosticRenderer.render(e, language: session.language))
            } catch {
                errors.write("\(error)\n")
            }
        default:
            let suggestion = Suggest.closest(to: name, in: Completer.dotCommands)
            errors.write((vi ? "không có lệnh \(name)" : "unknown command \(name)")
                         + (suggestion.map { vi ? "; có phải ý bạn là \($0)?" : "; did you mean \($0)?" } ?? "")
                         + (vi ? " Gõ .help.\n" : " Type .help.\n"))
        }
    }
}
