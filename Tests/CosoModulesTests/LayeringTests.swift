import CosoCore
import Foundation
import Testing

/// No layer below the modules knows a module's tables: the core, the language and the executable
/// reach the organisation tree, placements, stored targets and the register's date through the
/// module contract. Checked on the source text, as a reviewer would with grep.
@Suite struct LayeringTests {
    @Test func noLayerBelowTheModulesNamesAModulesTable() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let core = try Registry([]).catalog.entityNames
        let tables = try Registry(allModules).catalog.entities.values.filter { $0.isStored && !core.contains($0.name) }.map(\.table)
        #expect(tables.count >= 25)
        var found: [String] = []
        for layer in ["Sources/CosoCore", "Sources/CosoScript", "Sources/coso"] {
            let dir = root.appendingPathComponent(layer)
            for case let file as URL in FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil)! where file.pathExtension == "swift" {
                let lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
                for (n, line) in lines.enumerated() where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                    for table in tables {
                        let quoted = "\"\(table)\"", sql = ["FROM \(table) ", "JOIN \(table) ", "INTO \(table) ", "\(table) |"]
                        if line.contains(quoted) || sql.contains(where: line.contains) {
                            found.append("\(layer)/\(file.lastPathComponent):\(n + 1): \(table)")
                        }
                    }
                }
            }
        }
        #expect(found == [])
    }
}
