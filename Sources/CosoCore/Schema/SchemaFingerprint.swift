/// A digest of everything in a module's declarations that its tables are made from, computed at
/// every start of coso without making the tables' SQL (which took 1.7 ms of a 4 ms `coso -c`): the
/// entities, their fields' names, types, requirements, defaults and constraints, the enum cases
/// they use, row constraints, indexes, and the number of migrations. Labels and help are left out:
/// changing a label changes no table. A register whose recorded fingerprints equal the declared
/// ones needs nothing; any difference sends it through `SchemaReconciler`, which compares the
/// tables themselves (taking in more than the SQL depends on costs only a needless comparison).
/// The tests hold it to the generated SQL: declarations that make different tables have different
/// fingerprints.
struct SchemaFingerprint {
    private var digest = Digest()

    static func of(entities: [Entity], migrations: Int, enums: [String: EnumType]) -> String {
        var f = SchemaFingerprint()
        for entity in entities { f.add(entity, enums) }
        f.digest.add("migrations")
        f.digest.add(migrations)
        return f.digest.hex
    }

    private mutating func add(_ entity: Entity, _ enums: [String: EnumType]) {
        digest.add("entity")
        digest.add(entity.name)
        digest.add(entity.appendOnly ? 1 : 0)
        for field in entity.fields {
            digest.add(field.name)
            add(field.type, enums)
            digest.add((field.required ? 1 : 0) | (field.searchable ? 2 : 0) | (field.unique ? 4 : 0))
            if let value = field.defaultValue { add(value) } else { digest.add("-") }
            for constraint in field.constraints { add(constraint) }
            digest.add(";")
        }
        for constraint in entity.constraints {
            switch constraint.kind {
            case .ordered(let strictly): digest.add(strictly ? "<" : "<=")
            case .exactlyOne: digest.add("one")
            case .presentExactlyWhen(let value): digest.add("when"); add(value)
            case .notSelf: digest.add("notself")
            case .unique: digest.add("unique")
            }
            for name in constraint.fields { digest.add(name) }
        }
        for index in entity.indexes {
            digest.add("index")
            digest.add(index.name)
            for name in index.fields { digest.add(name) }
            digest.add(index.whereGiven ?? "-")
        }
        for rollup in entity.rollups {
            // (The version of the rollups' generated SQL: a change to it reconciles every register.)
            digest.add("rollup1")
            digest.add(rollup.name)
            for name in rollup.fields { digest.add(name) }
            digest.add(rollup.through.map { "\($0.reference).\($0.field)" } ?? "-")
        }
    }

    private mutating func add(_ type: FieldType, _ enums: [String: EnumType]) {
        switch type {
        case .int: digest.add(1)
        case .decimal: digest.add(2)
        case .text: digest.add(3)
        case .date: digest.add(4)
        case .bool: digest.add(5)
        case .enumeration(let id):
            digest.add(6)
            digest.add(id)
            for c in enums[id]?.cases ?? [] { digest.add(c.id) }
        case .reference(let target):
            digest.add(7)
            digest.add(target)
        }
    }

    private mutating func add(_ constraint: Constraint) {
        switch constraint {
        case .range(let lo, let hi): digest.add(10); digest.add(lo.map { Int($0) } ?? Int.min); digest.add(hi.map { Int($0) } ?? Int.max)
        case .oneOf(let values): digest.add(11); for v in values { digest.add(Int(v)) }
        case .maxLength(let n): digest.add(12); digest.add(n)
        case .digits(let n): digest.add(13); digest.add(n)
        case .personName: digest.add(14)
        case .firstOfMonth: digest.add(15)
        case .notInFuture: digest.add(16)
        }
    }

    private mutating func add(_ value: Value) {
        switch value {
        case .null: digest.add("null")
        case .int(let i): digest.add(Int(i))
        case .double(let d): digest.add(Int(truncatingIfNeeded: d.bitPattern))
        case .text(let s): digest.add(s)
        case .date(let d): digest.add(d.iso)
        case .bool(let b): digest.add(b ? "true" : "false")
        }
    }
}

/// FNV-1a, 64 bits: a digest that is the same in every process and on every machine (Swift's own
/// hashing is seeded per process).
struct Digest {
    private var value: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// Text, then a separator, so that "ab" + "c" and "a" + "bc" differ.
    mutating func add(_ text: String) {
        for byte in text.utf8 { value = (value ^ UInt64(byte)) &* Digest.prime }
        value = (value ^ 0xff) &* Digest.prime
    }

    mutating func add(_ number: Int) {
        var n = UInt64(bitPattern: Int64(number))
        for _ in 0..<8 {
            value = (value ^ (n & 0xff)) &* Digest.prime
            n >>= 8
        }
    }

    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
