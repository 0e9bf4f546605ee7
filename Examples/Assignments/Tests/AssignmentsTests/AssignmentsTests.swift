import Assignments
import CosoBuiltins
import CosoCore
import CosoTesting
import Foundation
import Testing

/// The module passes coso's conformance check (its table made from its declaration, its command
/// and diagnostic examples run), and the coso it builds works on the demo district.
@Suite struct AssignmentsTests {
    static let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let binary = package.appendingPathComponent(".build/debug/coso-assignments").path

    @Test func theModuleConforms() {
        #expect(ModuleConformance.check(AssignmentsModule(), with: Builtins.all) == [])
    }

    /// Runs the package's coso; standard output and the exit status.
    static func coso(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile(), stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    @Test func itsCommandCheckTargetAndStatisticWorkOnTheDemoDistrict() throws {
        let dir = try Scratch.directory("assignments")
        let db = dir + "/demo.db"
        #expect(try Self.coso(["demo", "district", "--db", db]).status == 0)
        let modules = try Self.coso(["modules"])
        #expect(modules.out.contains("assignments 1.0.0  Phân công cấp ủy viên phụ trách địa bàn"))
        #expect(modules.out.contains("lệnh: assign, assign end"))
        // The worked script prints what it says it prints.
        let script = Self.package.appendingPathComponent("phan-cong.coso").path
        let text = try String(contentsOfFile: script, encoding: .utf8)
        let expected = text.split(separator: "\n").filter { $0.hasPrefix("# expect: ") }.map { String($0.dropFirst("# expect: ".count)) }
        #expect(expected.count > 5)
        let run = try Self.coso(["run", script, "--db", db])
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out == expected.joined(separator: "\n") + "\n")
        // Every village cell of the district is on the worklist but the five assigned.
        let cells = try Self.coso(["--db", db, "-c", "orgs | where kind == village_cell | count"]).out
        let open = try Self.coso(["--db", db, "-c", #"check | where code == "D501" | count"#]).out
        #expect(Int(cells.trimmingCharacters(in: .whitespacesAndNewlines))! - 5 == Int(open.trimmingCharacters(in: .whitespacesAndNewlines))!)
        // A refusal is a diagnostic with its code and the argument at fault, exit 65, nothing written.
        let before = try Self.coso(["--db", db, "-c", "assignments | count"]).out
        let refused = try Self.coso(["--db", db, "-c", #"assign 1106 to: 98 on: @2022-11-01"#])
        #expect(refused.status == 65)
        #expect(refused.err.contains("lỗi[E5003]"))
        #expect(try Self.coso(["--db", db, "-c", "assignments | count"]).out == before)
        // Its help comes from its declarations.
        #expect(try Self.coso(["--db", db, "-c", ".help E5003"]).out.contains("chi bộ đã có cấp ủy viên phụ trách"))
        #expect(try Self.coso(["--db", db, "-c", ".help assignments"]).out.contains("Chi bộ phụ trách"))
    }
}
