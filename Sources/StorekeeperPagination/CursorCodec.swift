@_spi(StorekeeperInternal) import StorekeeperCore

/// Encodes cursors as opaque, signed base64url strings, and refuses any it did not sign.
///
/// A cursor is a small binary record (format version, signing key ID, direction, sort values,
/// item ID) followed by the first 16 bytes of its HMAC-SHA256 under the key. Decoding checks the
/// tag, in constant time, before reading anything else, so a tampered, truncated or foreign
/// cursor is a ``PaginationError/Code/invalidCursor`` — never a crash, never a wrong page.
///
/// Keys rotate: sign with the current key, keep old keys in the ring until cursors signed with
/// them have expired from clients' hands.
///
/// ```swift
/// let codec = try CursorCodec(keys: ["2024-01": secret], currentKeyID: "2024-01")
/// let text = codec.encode(Cursor(key: KeysetKey(values: [.integer(createdAt)], id: "p_42"), direction: .after))
/// let cursor = try codec.decode(text, parameter: "starting_after")
/// ```
public struct CursorCodec: Sendable {
    private static let version: UInt8 = 1
    private static let tagLength = 16
    /// The longest cursor text accepted, so hostile input is rejected before any work.
    public static let maximumLength = 2048

    private let keys: [String: HMACSHA256]
    private let currentKeyID: String

    /// Creates a codec.
    ///
    /// - Parameters:
    ///   - keys: Secrets by key ID; each at least 32 bytes, each ID 1 to 64 ASCII characters.
    ///   - currentKeyID: The ID of the key new cursors are signed with.
    /// - Throws: ``CursorCodecError`` if a key is too short, an ID is malformed, or the current
    ///   key is missing.
    public init(keys: [String: [UInt8]], currentKeyID: String) throws(CursorCodecError) {
        guard keys[currentKeyID] != nil else {
            throw CursorCodecError(message: "The current key ID is not in the key ring.")
        }
        var authenticators: [String: HMACSHA256] = [:]
        for (id, secret) in keys {
            guard (1...64).contains(id.utf8.count), id.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
                throw CursorCodecError(message: "Key IDs must be 1 to 64 printable ASCII characters.")
            }
            guard secret.count >= 32 else {
                throw CursorCodecError(message: "Cursor signing keys must be at least 32 bytes.")
            }
            authenticators[id] = HMACSHA256(key: secret)
        }
        self.keys = authenticators
        self.currentKeyID = currentKeyID
    }

    /// The cursor as an opaque base64url string (no padding), signed with the current key.
    public func encode(_ cursor: Cursor) -> String {
        var bytes: [UInt8] = [Self.version]
        Self.appendString(currentKeyID, to: &bytes)
        bytes.append(cursor.direction.rawValue)
        bytes.append(UInt8(truncatingIfNeeded: min(cursor.key.values.count, 255)))
        for value in cursor.key.values.prefix(255) {
            switch value {
            case .integer(let integer):
                bytes.append(1)
                withUnsafeBytes(of: integer.bigEndian) { bytes.append(contentsOf: $0) }
            case .string(let text):
                bytes.append(2)
                Self.appendString(text, to: &bytes)
            }
        }
        Self.appendString(cursor.key.id, to: &bytes)
        var authenticator = keys[currentKeyID] ?? HMACSHA256(key: [])
        authenticator.update(bytes)
        bytes.append(contentsOf: authenticator.finalize().bytes.prefix(Self.tagLength))
        return Base64.encode(bytes, alphabet: .url, padding: false)
    }

    /// Decodes and verifies a cursor sent in `parameter`.
    ///
    /// - Throws: ``PaginationError`` with ``PaginationError/Code/invalidCursor`` for anything
    ///   this codec did not sign, unchanged, with a key it still holds.
    public func decode(_ text: String, parameter: String) throws(PaginationError) -> Cursor {
        let invalid = PaginationError(
            code: .invalidCursor,
            parameter: parameter,
            message: "'\(parameter)' is not a cursor this API issued; use the one from the previous page."
        )
        guard text.utf8.count <= Self.maximumLength, let bytes = Base64.decode(text, alphabet: .url),
            bytes.count > Self.tagLength + 2, bytes[0] == Self.version
        else { throw invalid }
        let body = bytes[..<(bytes.count - Self.tagLength)]
        let tag = bytes[(bytes.count - Self.tagLength)...]
        var reader = ByteReader(bytes: Array(body), position: 1)
        guard let keyID = reader.string(), var authenticator = keys[keyID] else { throw invalid }
        authenticator.update(body)
        guard ConstantTime.equals(authenticator.finalize().bytes.prefix(Self.tagLength), tag) else { throw invalid }
        // Signed by us: the rest was written by `encode`, but read it defensively all the same.
        guard let rawDirection = reader.byte(), let direction = Cursor.Direction(rawValue: rawDirection),
            let count = reader.byte()
        else { throw invalid }
        var values: [Cursor.Value] = []
        for _ in 0..<count {
            switch reader.byte() {
            case 1?:
                guard let integer = reader.integer() else { throw invalid }
                values.append(.integer(integer))
            case 2?:
                guard let text = reader.string() else { throw invalid }
                values.append(.string(text))
            default:
                throw invalid
            }
        }
        guard let id = reader.string(), reader.isAtEnd else { throw invalid }
        return Cursor(key: KeysetKey(values: values, id: id), direction: direction)
    }

    /// Appends a length-prefixed UTF-8 string (a 2-byte big-endian length, at most 65,535 bytes).
    private static func appendString(_ text: String, to bytes: inout [UInt8]) {
        let utf8 = Array(text.utf8.prefix(Int(UInt16.max)))
        bytes.append(UInt8(utf8.count >> 8))
        bytes.append(UInt8(utf8.count & 0xFF))
        bytes.append(contentsOf: utf8)
    }
}

/// Why a ``CursorCodec`` could not be created: a configuration mistake of the host.
public struct CursorCodecError: Error, Sendable, Hashable {
    /// What is wrong.
    public let message: String
}

/// Reads the fields of a cursor record, returning `nil` instead of reading past the end.
private struct ByteReader {
    let bytes: [UInt8]
    var position: Int

    var isAtEnd: Bool { position == bytes.count }

    mutating func byte() -> UInt8? {
        guard position < bytes.count else { return nil }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func integer() -> Int64? {
        guard position + 8 <= bytes.count else { return nil }
        var value: UInt64 = 0
        for byte in bytes[position..<position + 8] { value = value << 8 | UInt64(byte) }
        position += 8
        return Int64(bitPattern: value)
    }

    mutating func string() -> String? {
        guard let high = byte(), let low = byte() else { return nil }
        let length = Int(high) << 8 | Int(low)
        guard position + length <= bytes.count else { return nil }
        defer { position += length }
        return String(validating: bytes[position..<position + length], as: UTF8.self)
    }
}
