@_spi(StorekeeperInternal) import StorekeeperCore
import Testing

@Suite("Constant-time comparison")
struct ConstantTimeTests {
    @Test("equal only for the same length and bytes")
    func equality() {
        #expect(ConstantTime.equals([UInt8](), [UInt8]()))
        #expect(ConstantTime.equals([1, 2, 3], [1, 2, 3]))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2, 4]))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2]))
        #expect(!ConstantTime.equals([1, 2], [1, 2, 0]), "a zero byte beyond the end is still a difference")
        #expect(!ConstantTime.equals([0], [UInt8]()))
        #expect(ConstantTime.equals(Array("secret".utf8), "secret".utf8))
    }

    @Test("compares digests")
    func digests() {
        let a = SHA256.hash(Array("a".utf8))
        #expect(ConstantTime.equals(a, SHA256.hash(Array("a".utf8))))
        #expect(!ConstantTime.equals(a, SHA256.hash(Array("b".utf8))))
    }
}
