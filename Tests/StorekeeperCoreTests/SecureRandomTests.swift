@_spi(StorekeeperInternal) import StorekeeperCore
import Testing

@Suite("Secure random bytes")
struct SecureRandomTests {
    @Test("gives the count asked for, and different bytes each time")
    func bytes() {
        #expect(SecureRandom.bytes(count: 0).isEmpty)
        #expect(SecureRandom.bytes(count: -3).isEmpty)
        #expect(SecureRandom.bytes(count: 13).count == 13)
        #expect(SecureRandom.bytes(count: 32) != SecureRandom.bytes(count: 32))
    }

    @Test("uses every byte value over many draws")
    func coversByteValues() {
        #expect(Set(SecureRandom.bytes(count: 20_000)).count == 256)
    }
}
