extension JSONValue {
    /// Parses one JSON value from UTF-8 bytes, strictly per RFC 8259.
    ///
    /// Invalid UTF-8, lone surrogate escapes, raw control characters in strings, leading zeros,
    /// trailing commas, trailing content and (by default) duplicate member names are all rejected
    /// with a ``JSONParseError`` that names the byte offset, line and column. Input deeper or
    /// larger than `options` allows is rejected before it can exhaust the stack or memory.
    ///
    /// ```swift
    /// let value = try JSONValue(parsing: requestBody)        // [UInt8], ArraySlice, Data ...
    /// let other = try JSONValue(parsing: #"{"a": [1, 2]}"#.utf8)
    /// ```
    ///
    /// - Parameters:
    ///   - bytes: The UTF-8 text. Contiguous collections are read in place; others are copied once.
    ///   - options: Limits and the duplicate-name policy.
    /// - Throws: ``JSONParseError``.
    /// - Complexity: O(*n*) in the length of `bytes`.
    public init(
        parsing bytes: some Collection<UInt8>,
        options: JSONParsingOptions = JSONParsingOptions()
    ) throws(JSONParseError) {
        let result = bytes.withContiguousStorageIfAvailable { buffer in
            Self.parseResult(buffer, options: options)
        }
        switch result ?? Array(bytes).withUnsafeBufferPointer({ Self.parseResult($0, options: options) }) {
        case .success(let value): self = value
        case .failure(let error): throw error
        }
    }

    private static func parseResult(
        _ buffer: UnsafeBufferPointer<UInt8>,
        options: JSONParsingOptions
    ) -> Result<JSONValue, JSONParseError> {
        do throws(JSONParseError) {
            return .success(try JSONParser.parse(buffer, options: options))
        } catch {
            return .failure(error)
        }
    }
}
