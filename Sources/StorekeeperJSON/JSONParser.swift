/// The RFC 8259 reader: one pass over contiguous UTF-8 bytes, building ``JSONValue``s.
///
/// Containers collect their children on two scratch stacks shared by the whole parse, so each
/// array or object costs one exactly-sized allocation however many elements it has. Escaped
/// strings are decoded into a reused scratch buffer. Nothing else allocates per token.
///
/// Besides ``JSONValue/init(parsing:options:)``, the schema module drives it token by token
/// (``parse(_:options:reading:)``) to validate while it parses.
package struct JSONParser: ~Copyable {
    /// The whole input.
    package let bytes: UnsafeBufferPointer<UInt8>
    /// What to do with a repeated member name.
    package let duplicateKeys: JSONParsingOptions.DuplicateKeyPolicy
    private let depthLimit: Int
    private var index = 0
    private var depth = 0
    private var elementStack: ScratchStack<JSONValue>
    private var memberStack: ScratchStack<JSONObject.Member>
    private var scratch: [UInt8] = []

    private init(
        bytes: UnsafeBufferPointer<UInt8>,
        options: JSONParsingOptions,
        elementStorage: UnsafeMutableBufferPointer<JSONValue>,
        memberStorage: UnsafeMutableBufferPointer<JSONObject.Member>
    ) {
        self.bytes = bytes
        elementStack = ScratchStack(initialStorage: elementStorage)
        memberStack = ScratchStack(initialStorage: memberStorage)
        self.duplicateKeys = options.duplicateKeys
        self.depthLimit = options.effectiveDepthLimit
    }

    /// Parses exactly one JSON value, surrounded by optional white space, from `bytes`.
    static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>,
        options: JSONParsingOptions
    ) throws(JSONParseError) -> JSONValue {
        try parse(bytes, options: options) { (parser: inout JSONParser) throws(JSONParseError) in
            try parser.parseValue()
        }
    }

    /// Reads exactly one JSON value, surrounded by optional white space, from `bytes` with
    /// `read`, which starts before the value's leading white space and must consume the value.
    ///
    /// The size limit is checked first, and anything but white space after the value fails.
    package static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>,
        options: JSONParsingOptions,
        reading read: (inout JSONParser) throws(JSONParseError) -> JSONValue
    ) throws(JSONParseError) -> JSONValue {
        // The scratch stacks start on the stack: most documents never touch the heap for them.
        // Each stays within 1 KiB, the most the standard library always takes from the stack
        // (beyond it, the allocation may go to the heap, and did for 32 members).
        let elementCapacity = 1024 / MemoryLayout<JSONValue>.stride
        let memberCapacity = 1024 / MemoryLayout<JSONObject.Member>.stride
        let result = withUnsafeTemporaryAllocation(of: JSONValue.self, capacity: elementCapacity) { elements in
            withUnsafeTemporaryAllocation(of: JSONObject.Member.self, capacity: memberCapacity) { members in
                var parser = JSONParser(
                    bytes: bytes, options: options, elementStorage: elements, memberStorage: members)
                return parser.parseDocument(maximumSize: options.maximumSize, read)
            }
        }
        return try result.get()
    }

    private mutating func parseDocument(
        maximumSize: Int,
        _ read: (inout JSONParser) throws(JSONParseError) -> JSONValue
    ) -> Result<JSONValue, JSONParseError> {
        do throws(JSONParseError) {
            guard bytes.count <= maximumSize else {
                throw failure(
                    .sizeLimitExceeded,
                    "the input is \(bytes.count) bytes, more than the limit of \(maximumSize)",
                    at: 0
                )
            }
            let value = try read(&self)
            skipWhitespace()
            if index < bytes.count {
                throw failure(.trailingContent, "unexpected \(describeByte(at: index)) after the JSON value", at: index)
            }
            return .success(value)
        } catch {
            return .failure(error)
        }
    }

    // MARK: Values

    /// Parses the value at the next non-white-space byte.
    package mutating func parseValue() throws(JSONParseError) -> JSONValue {
        skipWhitespace()
        guard index < bytes.count else {
            throw failure(.unexpectedEndOfInput, "expected a value but the input ended", at: index)
        }
        switch bytes[index] {
        case UInt8(ascii: "{"):
            return try parseObject()
        case UInt8(ascii: "["):
            return try parseArray()
        case UInt8(ascii: "\""):
            return .string(try parseString())
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .number(try parseNumber())
        default:
            throw failure(.unexpectedCharacter, "expected a value but found \(describeByte(at: index))", at: index)
        }
    }

    private mutating func parseArray() throws(JSONParseError) -> JSONValue {
        guard try beginArray() else { return .array([]) }
        let base = elementStack.count
        repeat {
            elementStack.push(try parseValue())
        } while try endElement()
        return .array(elementStack.popArray(from: base))
    }

    private mutating func parseObject() throws(JSONParseError) -> JSONValue {
        guard try beginObject() else { return .object(JSONObject()) }
        let base = memberStack.count
        var seen: Set<UTF8Key>? = nil
        repeat {
            let keyOffset = try readMemberName()
            let key: String
            let keyFingerprint: UInt64
            switch try parseMemberName() {
            case .plain(let range):
                let name = UnsafeBufferPointer(rebasing: bytes[range])
                keyFingerprint = memberNameFingerprint(range)
                key = Self.asciiString(name)
            case .decoded(let name):
                key = name
                keyFingerprint = UTF8Key.fingerprint(of: name)
            }
            try expectNameSeparator()
            let value = try parseValue()
            if let duplicate = duplicateIndex(of: key, fingerprint: keyFingerprint, from: base, seen: &seen) {
                switch duplicateKeys {
                case .reject:
                    throw duplicateKeyFailure(key, at: keyOffset)
                case .keepLast:
                    memberStack[duplicate].value = value
                }
            } else {
                memberStack.push(JSONObject.Member(key: key, value: value, fingerprint: keyFingerprint))
            }
        } while try endMember()
        return .object(JSONObject(uncheckedMembers: memberStack.popArray(from: base)))
    }

    /// The stack position of an earlier member named `key` in the object starting at `base`.
    ///
    /// Names are compared only where their fingerprints match, so the scan is a tight loop over
    /// integers. From 16 members on, a set of names answers "is it new?" first, so large objects
    /// stay linear.
    package func duplicateIndex(
        of key: String,
        fingerprint: UInt64,
        from base: Int,
        seen: inout Set<UTF8Key>?
    ) -> Int? {
        if memberStack.count - base >= 16 {
            if seen == nil {
                seen = Set((base..<memberStack.count).map { UTF8Key(memberStack[$0].key) })
            }
            if seen?.insert(UTF8Key(key)).inserted == true { return nil }
        }
        let exact = UTF8Key.fingerprintIsExact(fingerprint)
        for position in base..<memberStack.count where memberStack[position].fingerprint == fingerprint {
            if exact || UTF8Key.bytesEqual(memberStack[position].key, key) { return position }
        }
        return nil
    }

    /// Counts one more level of nesting, failing beyond the depth limit.
    package mutating func enterContainer() throws(JSONParseError) {
        depth += 1
        if depth > depthLimit {
            throw failure(
                .depthLimitExceeded,
                "arrays and objects nest more than \(depthLimit) levels deep",
                at: index
            )
        }
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
        let expected = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        for offset in 0..<expected.count {
            guard index + offset < bytes.count else {
                throw failure(.unexpectedEndOfInput, "expected '\(literal)' but the input ended", at: index + offset)
            }
            guard bytes[index + offset] == expected[offset] else {
                throw failure(
                    .unexpectedCharacter,
                    "expected '\(literal)' but found \(describeByte(at: index + offset))",
                    at: index + offset
                )
            }
        }
        index += expected.count
    }

    private mutating func parseNumber() throws(JSONParseError) -> JSONNumber {
        switch JSONNumberGrammar.scan(bytes, from: index) {
        case .success(let length):
            let number = JSONNumber(validatedBytes: UnsafeBufferPointer(rebasing: bytes[index..<index + length]))
            index += length
            return number
        case .failure(let problem):
            if problem.offset >= bytes.count {
                throw failure(.unexpectedEndOfInput, "\(problem.reason) but the input ended", at: problem.offset)
            }
            throw failure(
                .invalidNumber,
                "\(problem.reason) but found \(describeByte(at: problem.offset))",
                at: problem.offset
            )
        }
    }

    // MARK: Strings

    /// Parses the string whose opening quote is at `index`.
    ///
    /// Plain ASCII runs are skipped eight bytes at a time; only a quote, a backslash, a control
    /// byte or a non-ASCII byte stops the scan.
    private mutating func parseString() throws(JSONParseError) -> String {
        let start = index + 1
        var position = start
        var isASCII = true
        while true {
            position = ByteScan.firstSpecial(in: bytes, from: position)
            guard position < bytes.count else { break }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let content = UnsafeBufferPointer(rebasing: bytes[start..<position])
                index = position + 1
                if isASCII { return Self.asciiString(content) }
                return try validatedString(content, rawStart: start)
            }
            if byte == UInt8(ascii: "\\") {
                index = position
                return try parseEscapedString(from: start)
            }
            if byte < 0x20 {
                throw controlCharacterFailure(at: position)
            }
            isASCII = false
            position += 1
        }
        throw failure(.unexpectedEndOfInput, "the string starting here is never closed", at: start - 1)
    }

    /// Continues a string that contains escapes: decodes it into `scratch`, from `start`.
    private mutating func parseEscapedString(from start: Int) throws(JSONParseError) -> String {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                if let string = String(validating: scratch, as: UTF8.self) {
                    return string
                }
                let raw = UnsafeBufferPointer(rebasing: bytes[start..<index - 1])
                let offset = start + (UTF8Validation.firstInvalidOffset(in: raw) ?? 0)
                throw failure(.invalidUTF8, "the string contains a byte that is not valid UTF-8", at: offset)
            case UInt8(ascii: "\\"):
                try decodeEscape()
            case 0..<0x20:
                throw controlCharacterFailure(at: index)
            default:
                scratch.append(byte)
                index += 1
            }
        }
        throw failure(.unexpectedEndOfInput, "the string starting here is never closed", at: start - 1)
    }

    /// Decodes the escape whose backslash is at `index` into `scratch`.
    private mutating func decodeEscape() throws(JSONParseError) {
        let escapeStart = index
        index += 1
        guard index < bytes.count else {
            throw failure(.unexpectedEndOfInput, "the escape sequence is cut off by the end of input", at: escapeStart)
        }
        let letter = bytes[index]
        index += 1
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(letter)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            let unit = try readHexQuad(escapeStart: escapeStart)
            var scalarValue = UInt32(unit)
            if (0xD800...0xDBFF).contains(unit) {
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
                else {
                    throw loneSurrogateFailure(unit, at: escapeStart)
                }
                let lowStart = index
                index += 2
                let low = try readHexQuad(escapeStart: lowStart)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw loneSurrogateFailure(unit, at: escapeStart)
                }
                scalarValue = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(unit) {
                throw loneSurrogateFailure(unit, at: escapeStart)
            }
            guard let scalar = Unicode.Scalar(scalarValue) else {
                throw loneSurrogateFailure(unit, at: escapeStart)
            }
            UTF8.encode(scalar) { scratch.append($0) }
        default:
            throw failure(
                .invalidEscape,
                "'\\\(describeByte(at: index - 1, quoted: false))' is not a JSON escape sequence",
                at: escapeStart
            )
        }
    }

    private mutating func readHexQuad(escapeStart: Int) throws(JSONParseError) -> UInt16 {
        var value: UInt16 = 0
        for _ in 0..<4 {
            guard index < bytes.count else {
                throw failure(.unexpectedEndOfInput, "the \\u escape is cut off by the end of input", at: escapeStart)
            }
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default:
                throw failure(.invalidUnicodeEscape, "a \\u escape needs four hexadecimal digits", at: escapeStart)
            }
            value = value << 4 | UInt16(digit)
            index += 1
        }
        return value
    }

    private func validatedString(_ content: UnsafeBufferPointer<UInt8>, rawStart: Int) throws(JSONParseError) -> String
    {
        if let string = String(validating: content, as: UTF8.self) {
            return string
        }
        let offset = rawStart + (UTF8Validation.firstInvalidOffset(in: content) ?? 0)
        throw failure(.invalidUTF8, "the string contains a byte that is not valid UTF-8", at: offset)
    }

    // MARK: Helpers

    /// Moves past spaces, tabs, line feeds and carriage returns.
    package mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): index += 1
            default: return
            }
        }
    }

    private func loneSurrogateFailure(_ unit: UInt16, at offset: Int) -> JSONParseError {
        let hex = String(unit, radix: 16, uppercase: true)
        return failure(
            .invalidUnicodeEscape,
            "\\u\(hex) is half of a surrogate pair without its other half",
            at: offset
        )
    }

    private func controlCharacterFailure(at offset: Int) -> JSONParseError {
        let hex = String(bytes[offset], radix: 16, uppercase: true)
        let padded = String(repeating: "0", count: 4 - hex.count) + hex
        return failure(
            .controlCharacterInString,
            "the control character U+\(padded) must be escaped inside a string",
            at: offset
        )
    }

    /// A readable name for the byte at `offset`: `'x'` for printable ASCII, `byte 0xFF` otherwise.
    package func describeByte(at offset: Int, quoted: Bool = true) -> String {
        guard offset < bytes.count else { return "the end of input" }
        let byte = bytes[offset]
        if (0x21...0x7E).contains(byte) {
            let character = String(decoding: [byte], as: UTF8.self)
            return quoted ? "'\(character)'" : character
        }
        return "byte 0x" + String(byte, radix: 16, uppercase: true)
    }

    /// The error `code` with `message` at byte `offset`, with its line and column.
    package func failure(_ code: JSONParseError.Code, _ message: String, at offset: Int) -> JSONParseError {
        let clamped = min(max(offset, 0), bytes.count)
        var line = 1
        var column = 1
        for byte in UnsafeBufferPointer(rebasing: bytes[0..<clamped]) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return JSONParseError(code: code, message: message, offset: clamped, line: line, column: column)
    }
}

/// A member name as read by ``JSONParser/parseMemberName()``.
package enum JSONMemberName {
    /// Printable ASCII without escapes, at this range of ``JSONParser/bytes``: it can be matched
    /// against known names without making a `String`.
    case plain(Range<Int>)
    /// Any other name, decoded.
    case decoded(String)
}

// MARK: Reading token by token

extension JSONParser {
    /// The byte offset of the next byte to read.
    package var offset: Int { index }

    /// The first byte of the next value, after white space, or `nil` at the end of input.
    package mutating func peekValue() -> UInt8? {
        skipWhitespace()
        return index < bytes.count ? bytes[index] : nil
    }

    /// Consumes the `[` at the current position (see ``peekValue()``): `true` when an element
    /// follows, `false` when the array was empty and its `]` is consumed too.
    package mutating func beginArray() throws(JSONParseError) -> Bool {
        try beginContainer(closedBy: UInt8(ascii: "]"))
    }

    /// Consumes what follows an element: `true` after a `,`, `false` after the closing `]`.
    package mutating func endElement() throws(JSONParseError) -> Bool {
        skipWhitespace()
        guard index < bytes.count else {
            throw failure(.unexpectedEndOfInput, "expected ',' or ']' but the input ended", at: index)
        }
        let byte = bytes[index]
        index += 1
        if byte == UInt8(ascii: ",") { return true }
        if byte == UInt8(ascii: "]") {
            depth -= 1
            return false
        }
        throw failure(
            .unexpectedCharacter,
            "expected ',' or ']' after an array element but found \(describeByte(at: index - 1))",
            at: index - 1
        )
    }

    /// Consumes the `{` at the current position: `true` when a member follows, `false` when the
    /// object was empty and its `}` is consumed too.
    package mutating func beginObject() throws(JSONParseError) -> Bool {
        try beginContainer(closedBy: UInt8(ascii: "}"))
    }

    /// Consumes a container's opening byte: `true` when content follows, `false` when the
    /// container is empty and its `closing` byte is consumed too.
    private mutating func beginContainer(closedBy closing: UInt8) throws(JSONParseError) -> Bool {
        try enterContainer()
        index += 1
        skipWhitespace()
        if index < bytes.count, bytes[index] == closing {
            index += 1
            depth -= 1
            return false
        }
        return true
    }

    /// Moves to the opening quote of the next member name and returns its offset; call
    /// ``parseMemberName()`` and then ``expectNameSeparator()`` next.
    package mutating func readMemberName() throws(JSONParseError) -> Int {
        skipWhitespace()
        guard index < bytes.count else {
            throw failure(.unexpectedEndOfInput, "expected a member name but the input ended", at: index)
        }
        guard bytes[index] == UInt8(ascii: "\"") else {
            throw failure(
                .unexpectedCharacter,
                "expected a member name in double quotes but found \(describeByte(at: index))",
                at: index
            )
        }
        return index
    }

    /// Parses the member name whose opening quote is at the current position.
    package mutating func parseMemberName() throws(JSONParseError) -> JSONMemberName {
        let start = index + 1
        let end = ByteScan.firstSpecial(in: bytes, from: start)
        if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
            index = end + 1
            return .plain(start..<end)
        }
        return .decoded(try parseString())
    }

    /// ``UTF8Key/fingerprint(of:)-(UnsafeBufferPointer<UInt8>)`` of the plain member name at
    /// `range`, reading its first bytes as one word: a name is followed by at least its closing
    /// quote, so a word starting at the name stays inside the input more often than not.
    package func memberNameFingerprint(_ range: Range<Int>) -> UInt64 {
        guard range.lowerBound + 8 <= bytes.count, let base = bytes.baseAddress else {
            return UTF8Key.fingerprint(of: UnsafeBufferPointer(rebasing: bytes[range]))
        }
        let word = UInt64(littleEndian: UnsafeRawPointer(base + range.lowerBound).loadUnaligned(as: UInt64.self))
        let kept = min(range.count, 7)
        let mask: UInt64 = kept == 0 ? 0 : UInt64.max >> UInt64(64 - 8 * kept)
        return word & mask | UInt64(min(range.count, 255)) << 56
    }

    /// Consumes the `:` after a member name.
    package mutating func expectNameSeparator() throws(JSONParseError) {
        skipWhitespace()
        guard index < bytes.count else {
            throw failure(.unexpectedEndOfInput, "expected ':' but the input ended", at: index)
        }
        guard bytes[index] == UInt8(ascii: ":") else {
            throw failure(
                .unexpectedCharacter,
                "expected ':' after a member name but found \(describeByte(at: index))",
                at: index
            )
        }
        index += 1
    }

    /// Consumes what follows a member: `true` after a `,`, `false` after the closing `}`.
    package mutating func endMember() throws(JSONParseError) -> Bool {
        skipWhitespace()
        guard index < bytes.count else {
            throw failure(.unexpectedEndOfInput, "expected ',' or '}' but the input ended", at: index)
        }
        let byte = bytes[index]
        index += 1
        if byte == UInt8(ascii: ",") { return true }
        if byte == UInt8(ascii: "}") {
            depth -= 1
            return false
        }
        throw failure(
            .unexpectedCharacter,
            "expected ',' or '}' after an object member but found \(describeByte(at: index - 1))",
            at: index - 1
        )
    }

    /// The error for a member name that appears twice, at the name's opening quote.
    package func duplicateKeyFailure(_ key: String, at offset: Int) -> JSONParseError {
        failure(.duplicateKey, "the member name \"\(key)\" appears more than once", at: offset)
    }

    /// The number of finished elements waiting on the element stack.
    package var elementCount: Int { elementStack.count }

    /// Adds a finished element to the array being read.
    package mutating func pushElement(_ value: consuming JSONValue) {
        elementStack.push(value)
    }

    /// The elements pushed since the stack held `base`, as an array.
    package mutating func popArray(from base: Int) -> [JSONValue] {
        elementStack.popArray(from: base)
    }

    /// The number of finished members waiting on the member stack.
    package var memberCount: Int { memberStack.count }

    /// Adds a finished member to the object being read.
    package mutating func pushMember(_ key: consuming String, _ value: consuming JSONValue, fingerprint: UInt64) {
        memberStack.push(JSONObject.Member(key: key, value: value, fingerprint: fingerprint))
    }

    /// Replaces the value of the member at stack `position`.
    package mutating func setMemberValue(_ value: JSONValue, at position: Int) {
        memberStack[position].value = value
    }

    /// The members pushed since the stack held `base`, as an object.
    package mutating func popObject(from base: Int) -> JSONObject {
        JSONObject(uncheckedMembers: memberStack.popArray(from: base))
    }

    /// A `String` of bytes known to be ASCII.
    package static func asciiString(_ content: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: content.count) { target in
            _ = target.initialize(fromContentsOf: content)
            return content.count
        }
    }
}
