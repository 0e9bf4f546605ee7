import ArgumentParser
import Foundation

/// `coso module new NAME`: the skeleton of a module package written outside coso's repository,
/// which builds and passes its tests as generated: an entity declared once, a command with its
/// example, a diagnostic with its example, a coso executable with the module beside the built-in
/// ones, and the conformance test. README "Writing a module" walks through it.
struct ModuleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "module", abstract: L("Viết khung cho một mô-đun mới.", "Write the skeleton of a new module."),
                                                    subcommands: [ModuleNew.self])
}

struct ModuleNew: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new", abstract: L("Viết gói của một mô-đun mới: khai báo, một lệnh, chương trình coso kèm mô-đun, và kiểm thử.", "Write a new module's package: its declarations, a command, its coso executable and its tests."))

    @Argument(help: L("Tên mô-đun, viết UpperCamelCase (Visits): các kiểu đặt theo tên này, bảng theo dạng snake_case.", "The module's name, in UpperCamelCase (Visits): its types are named after it, its table after it in snake_case.", value: "TÊN", "name"))
    var name: String

    @Option(help: L("Nơi viết gói (mặc định: ./TÊN).", "Where to write the package (default: ./NAME).", value: "THƯ_MỤC", "DIR"))
    var path: String?

    @Option(help: L("Gói coso mà mô-đun dựa vào, theo đường dẫn (mặc định: gói đã dựng coso này).", "The coso package it depends on, by path (default: the one this coso was built from).", value: "ĐƯỜNG_DẪN", "PATH"))
    var coso: String = ModuleNew.sourceRoot

    @Option(help: L("Mã lỗi đầu của một trăm mã mô-đun dùng (E6000 đến E6099).", "The first of the hundred diagnostic codes the module claims (E6000 to E6099).", value: "N", "N"))
    var codes: Int = 6000

    /// The package this coso was built from: module authors build coso from its source.
    static let sourceRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    func validate() throws {
        guard name.range(of: #"^[A-Z][A-Za-z0-9]*$"#, options: .regularExpression) != nil else {
            throw ValidationError("the name is UpperCamelCase letters and digits, such as Visits")
        }
        guard (1000...9900).contains(codes), codes % 100 == 0 else { throw ValidationError("--codes is a multiple of 100 from 1000 to 9900") }
    }

    func run() throws {
        let dir = path ?? name
        guard !FileManager.default.fileExists(atPath: dir) else {
            FileHandle.standardError.write("coso: \(dir) already exists; choose another --path\n".data(using: .utf8)!)
            throw ExitCode(73)
        }
        let template = ModuleTemplate(name: name, cosoPath: URL(fileURLWithPath: coso).standardizedFileURL.path, codes: codes)
        for (file, text) in template.files {
            let url = URL(fileURLWithPath: dir).appendingPathComponent(file)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        print("""
            Đã tạo mô-đun \(name) trong \(dir). Tiếp theo / Next:
              cd \(dir)
              swift test                                          # the conformance check and the example
              swift run \(template.executable) demo district --db demo.db
              swift run \(template.executable) --db demo.db    # coso with the module: .help \(template.table)
            """)
    }
}
