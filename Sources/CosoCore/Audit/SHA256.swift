internal import CSHA256

/// SHA-256 (FIPS 180-4), for the audit trail's digests: the C implementation beside it (Foundation
/// on Linux has none, and swift-crypto would build BoringSSL for one function), checked against
/// the NIST test vectors (`AuditDigestTests`).
public struct SHA256 {
    private var ctx = coso_sha256()

    public init() { coso_sha256_init(&ctx) }

    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { coso_sha256_update(&ctx, $0.baseAddress, $0.count) }
    }

    public mutating func update(_ bytes: ArraySlice<UInt8>) {
        bytes.withUnsafeBufferPointer { coso_sha256_update(&ctx, $0.baseAddress, $0.count) }
    }

    public mutating func update(_ text: String) {
        var text = text
        text.withUTF8 { coso_sha256_update(&ctx, $0.baseAddress, $0.count) }
    }

    /// A 64-bit number, big-endian.
    public mutating func update(_ n: Int64) {
        var big = UInt64(bitPattern: n).bigEndian
        withUnsafeBytes(of: &big) { coso_sha256_update(&ctx, $0.bindMemory(to: UInt8.self).baseAddress, 8) }
    }

    /// The processor's SHA extensions when it has them (the default), or the portable loop: the
    /// tests check both.
    public static func useExtensions(_ on: Bool) { coso_sha256_use_extensions(on ? 1 : 0) }

    public mutating func finish() -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        out.withUnsafeMutableBufferPointer { coso_sha256_final(&ctx, $0.baseAddress) }
        return out
    }

    public static func hash(_ bytes: [UInt8]) -> [UInt8] {
        var s = SHA256()
        s.update(bytes)
        return s.finish()
    }

    public static func hex(_ digest: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(digest.count * 2)
        for b in digest { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }
}
