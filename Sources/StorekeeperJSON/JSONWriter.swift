/// Writes ``JSONValue``s as UTF-8 JSON text, straight into a byte array.
///
/// Output is deterministic: members are written in their order (or sorted by their UTF-8 bytes
/// with ``Options/sortedKeys``), numbers exactly as their text, strings with `"`, `\` and control
/// characters escaped and everything else, non-ASCII included, as raw UTF-8.
///
/// ```swift
/// var body: [UInt8] = []
/// JSONWriter().write(["sku": "A-1", "price": .number(JSONNumber(text: "14.95")!)], to: &body)
/// // {"sku":"A-1","price":14.95}
/// ```
public struct JSONWriter: Sendable {
    /// How the text is laid out.
    public struct Options: Sendable, Hashable {
        /// Whether to write one member or element per line, indented by two spaces, with a space
        /// after each colon.
        public var prettyPrinted: Bool
        /// Whether to write object members sorted by the UTF-8 bytes of their names instead of in
        /// their own order.
        public var sortedKeys: Bool

        /// Creates options; the defaults give compact output in member order.
        public init(prettyPrinted: Bool = false, sortedKeys: Bool = false) {
            self.prettyPrinted = prettyPrinted
            self.sortedKeys = sortedKeys
        }
    }

    /// The layout used by this writer.
    public var options: Options

    /// Creates a writer.
    public init(options: Options = Options()) {
        self.options = options
    }

    /// Appends the JSON text of `value` to `bytes`.
    ///
    /// - Complexity: O(*n*) in the size of the output (plus sorting, with ``Options/sortedKeys``).
    public func write(_ value: JSONValue, to bytes: inout [UInt8]) {
        var output = OutputBuffer(capacity: 1024)
        write(value, to: &output, depth: 0)
        output.copy(to: &bytes)
    }

    /// Returns the JSON text of `value`.
    public func serialize(_ value: JSONValue) -> [UInt8] {
        var bytes: [UInt8] = []
        write(value, to: &bytes)
        return bytes
    }

    private func write(_ value: JSONValue, to output: inout OutputBuffer, depth: Int) {
        switch value {
        case .null:
            output.append("null")
        case .bool(let flag):
            output.append(flag ? "true" : "false")
        case .number(let number):
            number.write(to: &output)
        case .string(let string):
            Self.writeString(string, to: &output)
        case .array(let elements):
            writeArray(elements, to: &output, depth: depth)
        case .object(let object):
            writeObject(object, to: &output, depth: depth)
        }
    }

    private func writeArray(_ elements: [JSONValue], to output: inout OutputBuffer, depth: Int) {
        output.append(UInt8(ascii: "["))
        if elements.isEmpty {
            output.append(UInt8(ascii: "]"))
            return
        }
        // Elements read in place through the buffer: no retain and release of each one.
        elements.withUnsafeBufferPointer { elements in
            for index in elements.indices {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                newline(to: &output, depth: depth + 1)
                write(elements[index], to: &output, depth: depth + 1)
            }
        }
        newline(to: &output, depth: depth)
        output.append(UInt8(ascii: "]"))
    }

    private func writeObject(_ object: JSONObject, to output: inout OutputBuffer, depth: Int) {
        output.append(UInt8(ascii: "{"))
        if object.isEmpty {
            output.append(UInt8(ascii: "}"))
            return
        }
        let members =
            options.sortedKeys
            ? object.members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            : object.members
        // Members read in place through the buffer: no retain and release of each name and value.
        members.withUnsafeBufferPointer { members in
            for index in members.indices {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                newline(to: &output, depth: depth + 1)
                Self.writeString(members[index].key, to: &output)
                output.append(UInt8(ascii: ":"))
                if options.prettyPrinted { output.append(UInt8(ascii: " ")) }
                write(members[index].value, to: &output, depth: depth + 1)
            }
        }
        newline(to: &output, depth: depth)
        output.append(UInt8(ascii: "}"))
    }

    private func newline(to output: inout OutputBuffer, depth: Int) {
        guard options.prettyPrinted else { return }
        output.append(UInt8(ascii: "\n"))
        output.append(repeating: UInt8(ascii: " "), count: depth * 2)
    }

    /// Writes `string` as a quoted JSON string, escaping only what JSON requires.
    private static func writeString(_ string: String, to output: inout OutputBuffer) {
        output.append(UInt8(ascii: "\""))
        let written: Void? = string.utf8.withContiguousStorageIfAvailable { writeEscaped($0, to: &output) }
        if written == nil {
            var contiguous = string
            contiguous.withUTF8 { writeEscaped($0, to: &output) }
        }
        output.append(UInt8(ascii: "\""))
    }

    private static func writeEscaped(_ utf8: UnsafeBufferPointer<UInt8>, to output: inout OutputBuffer) {
        var runStart = 0
        while let next = ByteScan.firstEscapeNeeded(in: utf8, from: runStart) {
            output.append(UnsafeBufferPointer(rebasing: utf8[runStart..<next]))
            appendEscape(for: utf8[next], to: &output)
            runStart = next + 1
        }
        output.append(UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
    }

    private static func appendEscape(for byte: UInt8, to output: inout OutputBuffer) {
        output.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): output.append(byte)
        case 0x08: output.append(UInt8(ascii: "b"))
        case 0x0C: output.append(UInt8(ascii: "f"))
        case 0x0A: output.append(UInt8(ascii: "n"))
        case 0x0D: output.append(UInt8(ascii: "r"))
        case 0x09: output.append(UInt8(ascii: "t"))
        default:
            let hexDigits: StaticString = "0123456789abcdef"
            output.append("u00")
            hexDigits.withUTF8Buffer { table in
                output.append(table[Int(byte >> 4)])
                output.append(table[Int(byte & 0x0F)])
            }
        }
    }
}
