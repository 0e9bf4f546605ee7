/// A semantic version (`1.2.0`).
public struct Version: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let major: Int, minor: Int, patch: Int
    public init(_ major: Int, _ minor: Int, _ patch: Int = 0) { self.major = major; self.minor = minor; self.patch = patch }
    public init?(_ text: String) {
        let p = text.split(separator: ".").map { Int($0) }
        guard (2...3).contains(p.count), p.allSatisfy({ $0 != nil && $0! >= 0 }) else { return nil }
        self.init(p[0]!, p[1]!, p.count == 3 ? p[2]! : 0)
    }
    public var description: String { "\(major).\(minor).\(patch)" }
    public static func < (a: Version, b: Version) -> Bool { (a.major, a.minor, a.patch) < (b.major, b.minor, b.patch) }
}

/// A half-open range of versions: `lower <= v < upper`.
public struct VersionRange: Hashable, Sendable, CustomStringConvertible {
    public let lower: Version
    public let upper: Version
    public init(_ lower: Version, upTo upper: Version) { self.lower = lower; self.upper = upper }
    /// Same major version, at least `lower` (SemVer caret).
    public static func compatible(with v: Version) -> VersionRange { VersionRange(v, upTo: Version(v.major + 1, 0, 0)) }
    public func contains(_ v: Version) -> Bool { lower <= v && v < upper }
    public var description: String { ">= \(lower), < \(upper)" }
}
