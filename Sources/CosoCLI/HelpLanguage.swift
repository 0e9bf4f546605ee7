import ArgumentParser
import CosoCore
import Foundation
import Synchronization

/// The language of the command line's help and usage errors: Vietnamese unless `--lang en` is
/// given. The commands' texts are written in both (`L`), picked when ArgumentParser first reads
/// them, which is after `choose` has read the arguments; ArgumentParser's own words (headings,
/// placeholders, its errors) are put into Vietnamese by `translated`.
enum HelpLanguage {
    static let current = Mutex<Language>(.vi)

    static func choose(from arguments: [String]) {
        var language = Language.vi
        for (i, a) in arguments.enumerated() {
            if a == "--" { break }
            if a == "--lang", i + 1 < arguments.count, let l = Language(rawValue: arguments[i + 1]) { language = l }
            if a.hasPrefix("--lang="), let l = Language(rawValue: String(a.dropFirst(7))) { language = l }
        }
        current.withLock { $0 = language }
    }

    static var isVietnamese: Bool { current.withLock { $0 } == .vi }

    /// ArgumentParser's words, in the order they are replaced (longer phrases first).
    static let phrases: [(String, String)] = [
        ("' for detailed help.", "' để xem hướng dẫn chi tiết."),
        ("for more information.", "để biết thêm."),
        ("Show help information.", "In hướng dẫn này."),
        ("Show the version.", "In phiên bản."),
        ("Missing expected argument", "Thiếu tham số"),
        ("Unknown option", "Không có tùy chọn"),
        ("Unexpected arguments", "Các tham số thừa"),
        ("unexpected arguments", "tham số thừa"),
        ("Unexpected argument", "Tham số thừa"),
        ("Missing value for", "Thiếu giá trị cho"),
        ("is invalid for", "không hợp lệ cho"),
        ("The value", "Giá trị"),
        ("Did you mean", "Có phải ý bạn là"),
        ("OVERVIEW:", "TỔNG QUAN:"),
        ("USAGE:", "CÁCH DÙNG:"),
        ("Usage:", "Cách dùng:"),
        ("ARGUMENTS:", "THAM SỐ:"),
        ("OPTIONS:", "TÙY CHỌN:"),
        ("SUBCOMMANDS:", "LỆNH CON:"),
        ("(default: ", "(mặc định: "),
        ("Error: ", "Lỗi: "),
        ("Help: ", "Gợi ý: "),
        ("See '", "Xem '"),
    ]

    static func translated(_ text: String) -> String {
        guard isVietnamese else { return text }
        var out = text
        for (en, vi) in phrases { out = out.replacingOccurrences(of: en, with: vi) }
        return out.replacingOccurrences(of: "<subcommand>", with: "<lệnh con>")
    }
}

/// A text of the command line in Vietnamese and English, as `--lang` asks.
func L(_ vi: String, _ en: String) -> String { HelpLanguage.isVietnamese ? vi : en }

/// The same as a help text of an argument or option.
func L(_ vi: String, _ en: String) -> ArgumentHelp { ArgumentHelp(HelpLanguage.isVietnamese ? vi : en) }

/// A help text with the name of the value it takes (`--db <TỆP>`, `<năm>`), in both languages.
func L(_ vi: String, _ en: String, value viName: String, _ enName: String) -> ArgumentHelp {
    HelpLanguage.isVietnamese ? ArgumentHelp(vi, valueName: viName) : ArgumentHelp(en, valueName: enName)
}
