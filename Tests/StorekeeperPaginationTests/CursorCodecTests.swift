import StorekeeperPagination
import StorekeeperTesting
import Testing

@Suite("Signed cursors")
struct CursorCodecTests {
    let codec: CursorCodec
    let cursor = Cursor(
        key: KeysetKey(values: [.integer(1_700_000_000_123), .string("Cathat é")], id: "SOMEID123"), direction: .after)

    init() throws {
        codec = try CursorCodec(
            keys: ["2024": Array(repeating: 1, count: 32), "2025": Array(repeating: 2, count: 32)], currentKeyID: "2025"
        )
    }

    @Test("round-trips every kind of value as opaque base64url text")
    func roundTrip() throws {
        let text = codec.encode(cursor)
        #expect(
            text.utf8.allSatisfy {
                $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7a)
                    || ($0 >= 0x30 && $0 <= 0x39)
            })
        #expect(!text.contains("SOMEID123"))
        #expect(try codec.decode(text, parameter: "cursor") == cursor)
        let negative = Cursor(key: KeysetKey(values: [.integer(Int64.min), .integer(-1)], id: ""), direction: .before)
        #expect(try codec.decode(codec.encode(negative), parameter: "cursor") == negative)
    }

    @Test("old keys still verify after rotation; removed keys and foreign codecs do not")
    func rotation() throws {
        let old = try CursorCodec(keys: ["2024": Array(repeating: 1, count: 32)], currentKeyID: "2024")
        let issuedBefore = old.encode(cursor)
        #expect(try codec.decode(issuedBefore, parameter: "cursor") == cursor)
        let retired = try CursorCodec(keys: ["2025": Array(repeating: 2, count: 32)], currentKeyID: "2025")
        #expect(throws: PaginationError.self) { try retired.decode(issuedBefore, parameter: "cursor") }
        let foreign = try CursorCodec(keys: ["2025": Array(repeating: 9, count: 32)], currentKeyID: "2025")
        #expect(throws: PaginationError.self) { try foreign.decode(codec.encode(cursor), parameter: "cursor") }
    }

    @Test("every truncation and every single-character change is refused as invalid_cursor")
    func tampering() throws {
        let text = Array(codec.encode(cursor))
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        for length in 0..<text.count {
            #expect(throws: PaginationError.self) { try codec.decode(String(text[..<length]), parameter: "c") }
        }
        for index in text.indices {
            var changed = text
            changed[index] = alphabet.first { $0 != text[index] } ?? "A"
            do {
                _ = try codec.decode(String(changed), parameter: "c")
                Issue.record("accepted a change at \(index)")
            } catch {
                #expect(error.code == .invalidCursor && error.parameter == "c")
            }
        }
    }

    @Test("random garbage never crashes")
    func garbage() {
        var generator = SeededRandomNumberGenerator(seed: 11)
        for _ in 0..<3000 {
            let length = Int.random(in: 0...120, using: &generator)
            let text = String(
                (0..<length).map { _ in Character(Unicode.Scalar(UInt8.random(in: 32...126, using: &generator))) })
            #expect(throws: PaginationError.self) { try codec.decode(text, parameter: "c") }
        }
        #expect(throws: PaginationError.self) { try codec.decode(String(repeating: "A", count: 5000), parameter: "c") }
    }

    @Test("refuses short keys and a missing current key")
    func configuration() {
        #expect(throws: CursorCodecError.self) { try CursorCodec(keys: ["k": [1, 2, 3]], currentKeyID: "k") }
        #expect(throws: CursorCodecError.self) {
            try CursorCodec(keys: ["k": Array(repeating: 1, count: 32)], currentKeyID: "other")
        }
        #expect(throws: CursorCodecError.self) {
            try CursorCodec(keys: ["a b": Array(repeating: 1, count: 32)], currentKeyID: "a b")
        }
    }
}
