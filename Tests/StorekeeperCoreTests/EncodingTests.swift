@_spi(StorekeeperInternal) import StorekeeperCore
import StorekeeperTesting
import Testing

@Suite("Base64")
struct Base64Tests {
    @Test(
        "matches RFC 4648 section 10 in both alphabets",
        arguments: [
            ("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ]
    )
    func rfcVectors(plain: String, encoded: String) {
        #expect(Base64.encode(Array(plain.utf8)) == encoded)
        #expect(Base64.decode(encoded) == Array(plain.utf8))
        let unpadded = String(encoded.prefix { $0 != "=" })
        #expect(Base64.encode(Array(plain.utf8), alphabet: .url, padding: false) == unpadded)
        #expect(Base64.decode(unpadded, alphabet: .url) == Array(plain.utf8))
        #expect(Base64.decode(encoded, alphabet: .url) == Array(plain.utf8))
    }

    @Test("uses - and _ in the URL alphabet, + and / in the standard one")
    func alphabets() {
        let bytes: [UInt8] = [0xfb, 0xff, 0xbf]
        #expect(Base64.encode(bytes) == "+/+/")
        #expect(Base64.encode(bytes, alphabet: .url) == "-_-_")
        #expect(Base64.decode("-_-_") == nil)
        #expect(Base64.decode("+/+/", alphabet: .url) == nil)
    }

    @Test(
        "rejects bad length, padding, characters and non-canonical bits",
        arguments: ["Zg", "Zg=", "Zg===", "Z", "Zh==", "Zm9v!", "Zm=v", "===="])
    func rejects(text: String) {
        #expect(Base64.decode(text) == nil)
    }

    @Test("round-trips random bytes of every length up to 100")
    func roundTrips() {
        var generator = SeededRandomNumberGenerator(seed: 9)
        for length in 0...100 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            #expect(Base64.decode(Base64.encode(bytes)) == bytes)
            #expect(Base64.decode(Base64.encode(bytes, alphabet: .url, padding: false), alphabet: .url) == bytes)
        }
    }
}

@Suite("Base62")
struct Base62Tests {
    @Test("encodes fixed-width values and decodes them back")
    func fixedWidth() {
        #expect(Base62.encode(0, width: 6) == "000000")
        #expect(Base62.encode(61, width: 1) == "z")
        #expect(Base62.encode(62, width: 1) == "10")
        #expect(Base62.encode(UInt32.max, width: 6) == "4gfFC3")
        for value: UInt32 in [0, 1, 61, 62, 3843, 0xCBF4_3926, UInt32.max] {
            #expect(Base62.decodeUInt32(Base62.encode(value, width: 6)) == value)
        }
        #expect(Base62.decodeUInt32("4gfFC4") == nil, "one past UInt32.max")
        #expect(Base62.decodeUInt32("") == nil)
        #expect(Base62.decodeUInt32("ab-") == nil)
    }

    @Test("the bulk check agrees with the per-character one for every byte, at every position")
    func bulkCheck() {
        for byte in UInt8.min...UInt8.max {
            for position in 0..<40 {
                var bytes = Array(Base62.alphabet.utf8.prefix(40))
                bytes[position] = byte
                let bulk = bytes.withUnsafeBufferPointer { Base62.isBase62($0) }
                #expect(bulk == Base62.isBase62(byte), "byte \(byte) at \(position)")
            }
        }
        #expect([UInt8]().withUnsafeBufferPointer { Base62.isBase62($0) })
    }

    @Test("random strings have the length asked for and use the whole alphabet")
    func randomStrings() {
        #expect(Base62.randomString(length: 0).isEmpty)
        let text = Base62.randomString(length: 62 * 200)
        #expect(text.count == 62 * 200)
        #expect(text.utf8.allSatisfy(Base62.isBase62))
        #expect(Set(text) == Set(Base62.alphabet))
        #expect(Base62.randomString(length: 22) != Base62.randomString(length: 22))
    }
}

@Suite("CRC32 and hex")
struct CRC32AndHexTests {
    @Test("CRC32 matches the IEEE check value and is incremental")
    func crc32() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([UInt8]()) == 0)
        var crc = CRC32()
        crc.update(Array("1234".utf8))
        crc.update(Array("56789".utf8))
        #expect(crc.value == 0xCBF4_3926)
        let check = Array("123456789".utf8).withUnsafeBufferPointer { CRC32.checksum($0) }
        #expect(check == 0xCBF4_3926)
        #expect(CRC32.checksum(Array("The quick brown fox jumps over the lazy dog".utf8)) == 0x414F_A339)
    }

    @Test("CRC32's eight- and four-bytes-at-a-time paths agree with the bitwise definition at every length and split")
    func crc32AgreesWithBitwiseDefinition() {
        func bitwise(_ bytes: [UInt8]) -> UInt32 {
            var register: UInt32 = 0xFFFF_FFFF
            for byte in bytes {
                register ^= UInt32(byte)
                for _ in 0..<8 { register = register & 1 == 1 ? 0xEDB8_8320 ^ (register >> 1) : register >> 1 }
            }
            return register ^ 0xFFFF_FFFF
        }
        let data = (0..<70).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        for length in 0...data.count {
            let prefix = Array(data[..<length])
            #expect(CRC32.checksum(prefix) == bitwise(prefix), "length \(length)")
            var split = CRC32()
            split.update(prefix[..<(length / 3)])
            split.update(prefix[(length / 3)...])
            #expect(split.value == bitwise(prefix), "split at \(length / 3) of \(length)")
            var contiguous = CRC32()
            prefix.withUnsafeBufferPointer { bytes in
                contiguous.update(UnsafeBufferPointer(rebasing: bytes[..<(length / 2)]))
                contiguous.update(UnsafeBufferPointer(rebasing: bytes[(length / 2)...]))
            }
            #expect(contiguous.value == bitwise(prefix), "contiguous split at \(length / 2) of \(length)")
        }
    }

    @Test("hex round-trips either case and rejects odd or non-hex text")
    func hex() {
        #expect(Hex.encode([0x00, 0xAB, 0xff]) == "00abff")
        #expect(Hex.decode("00ABff") == [0x00, 0xAB, 0xFF])
        #expect(Hex.decode("abc") == nil)
        #expect(Hex.decode("zz") == nil)
        #expect(Hex.decode("") == [])
    }
}
