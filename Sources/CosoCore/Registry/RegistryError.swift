/// Why the registry refused the list of modules; raised before anything runs.
public enum RegistryError: Error, Equatable, Sendable, CustomStringConvertible {
    case duplicateModule(String)
    case duplicateEntity(String, modules: [String])
    case duplicateEnum(String, modules: [String])
    /// Two cases of an enum answer to the same name (a label or another name, folded).
    case ambiguousEnumNames(module: String, enum: String, names: [String])
    case duplicateCommand(String, modules: [String])
    case missingRequirement(module: String, requires: String)
    case versionMismatch(module: String, requires: String, range: String, found: String)
    case cyclicRequirement([String])
    case incompatibleProtocol(module: String, declared: String, host: String)
    case unknownType(module: String, entity: String, field: String, type: String)
    case invalidMigrations(module: String, reason: String)
    case invalidCommand(module: String, command: String, reason: String)
    /// An entity's declaration the store could not make a table of, or could not check writes against.
    case invalidEntity(module: String, entity: String, reason: String)
    /// Check and rule codes are stable identifiers shared by every module.
    case duplicateCode(String, modules: [String])
    /// A module's diagnostic codes: outside its range, or in a range another module claims.
    case invalidDiagnostics(module: String, reason: String)

    public var description: String {
        switch self {
        case .duplicateModule(let id):
            return "module '\(id)' is listed twice; keep one entry in Builtins.all"
        case .duplicateEntity(let e, let m):
            return "entity '\(e)' is declared by more than one module (\(m.joined(separator: ", "))); rename one"
        case .duplicateEnum(let e, let m):
            return "enum type '\(e)' is declared by more than one module (\(m.joined(separator: ", "))); rename one"
        case .ambiguousEnumNames(let m, let e, let names):
            return "module '\(m)': enum type '\(e)' has cases answering to the same name: \(names.joined(separator: "; ")); rename one"
        case .duplicateCommand(let c, let m):
            return "command '\(c)' is declared by more than one module (\(m.joined(separator: ", "))); rename one"
        case .missingRequirement(let m, let r):
            return "module '\(m)' requires module '\(r)', which is not registered; add it to Builtins.all"
        case .versionMismatch(let m, let r, let range, let found):
            return "module '\(m)' requires '\(r)' \(range), but version \(found) is registered"
        case .cyclicRequirement(let path):
            return "modules require each other in a cycle: \(path.joined(separator: " -> ")); break the cycle"
        case .incompatibleProtocol(let m, let d, let h):
            return "module '\(m)' was written for module protocol \(d), this coso speaks \(h); update the module"
        case .unknownType(let m, let e, let f, let t):
            return "module '\(m)': field '\(e).\(f)' uses unknown type '\(t)'; declare it or require the module that does"
        case .invalidMigrations(let m, let r):
            return "module '\(m)': migrations \(r)"
        case .invalidCommand(let m, let c, let r):
            return "module '\(m)': command '\(c)' \(r)"
        case .invalidEntity(let m, let e, let r):
            return "module '\(m)': entity '\(e)' \(r)"
        case .invalidDiagnostics(let m, let r):
            return "module '\(m)': diagnostics \(r)"
        case .duplicateCode(let c, let m):
            return "check or rule code '\(c)' is declared by more than one module (\(m.joined(separator: ", "))); codes must be unique"
        }
    }
}
