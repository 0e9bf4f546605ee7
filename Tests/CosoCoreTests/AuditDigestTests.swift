import CosoCore
import Testing

/// The audit trail's digests: SHA-256 itself, and the row encoding, whose bytes must never change
/// without a new version (`coso-row/1`): registers hold digests made with it.
@Suite struct AuditDigestTests {
    func hex(_ s: String) -> String { SHA256.hex(SHA256.hash(Array(s.utf8))) }

    @Test func sha256GivesTheNISTVectors() {
        #expect(hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(hex(String(repeating: "a", count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        // Fed in pieces of every size, the same digest.
        let text = Array(String(repeating: "Nguyễn Thị Ánh ", count: 100).utf8)
        for step in [1, 7, 63, 64, 65, 200] {
            var h = SHA256()
            var i = 0
            while i < text.count { h.update(Array(text[i..<min(i + step, text.count)])); i += step }
            #expect(SHA256.hex(h.finish()) == SHA256.hex(SHA256.hash(text)), "\(step)")
        }
    }

    /// The processor's SHA extensions and the portable loop give the same digests, for every length
    /// around the block and padding boundaries and in pieces.
    @Test func theExtensionsAndThePortableLoopAgree() {
        let bytes = (0..<300).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) }
        func digests() -> [String] {
            (0...bytes.count).map { SHA256.hex(SHA256.hash(Array(bytes[0..<$0]))) } + [hex(String(repeating: "a", count: 1_000_000))]
        }
        SHA256.useExtensions(false)
        let portable = digests()
        SHA256.useExtensions(true)
        #expect(digests() == portable)
        #expect(portable.last == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        // Python's hashlib on the same bytes.
        #expect(portable[3] == "17aef23a39d753e713c203c152454d29fa8e39a98e83a69b39a5094dba9ae951")
        #expect(portable[64] == "b337ba9b0c69c391364e985fdcb23a889887e59800832c92fbfa22b8a3c40304")
        #expect(portable[300] == "cf2eb35169ce035ca6dfb9c3a303d1495473b02fd17c5635008f1e659b733d8f")
    }

    @Test func theRowEncodingIsStable() {
        // Golden: a change here breaks every register's digests. Computed independently (Python's
        // hashlib) from the encoding: 0x00, then "coso-row/1", the entity and each non-null field's
        // name and JSON token as UTF-8 with a 64-bit big-endian length, the id as 64-bit big-endian.
        let row = AuditDigest.rowHash(entity: "members", id: 12, tokens: [("name", "\"Nguyễn Thị Ánh\""), ("born", "\"1985-07-07\""),
                                                                           ("org", "2"), ("exempted", "null"), ("id", "12")])
        #expect(SHA256.hex(row) == "d5d7943ae475d1a0e5f56d7e9b21b5852cecb526e088de8b5a39b22ecfacc7e0")
        // Field order does not matter, nulls are left out (a nullable field added later changes
        // no hash), and every value counts.
        #expect(AuditDigest.rowHash(entity: "members", id: 12, tokens: [("org", "2"), ("born", "\"1985-07-07\""), ("name", "\"Nguyễn Thị Ánh\"")]) == row)
        #expect(AuditDigest.rowHash(entity: "members", id: 12, tokens: [("org", "3"), ("born", "\"1985-07-07\""), ("name", "\"Nguyễn Thị Ánh\"")]) != row)
        #expect(AuditDigest.rowHash(entity: "members", id: 13, tokens: [("org", "2"), ("born", "\"1985-07-07\""), ("name", "\"Nguyễn Thị Ánh\"")]) != row)
        #expect(AuditDigest.tokens(ofObject: #"{"id":12,"name":"An \"B\"","x":null,"y":1.5}"#)?.map { "\($0.0)=\($0.1)" }
                == ["id=12", "name=\"An \\\"B\\\"\"", "x=null", "y=1.5"])
    }
}
