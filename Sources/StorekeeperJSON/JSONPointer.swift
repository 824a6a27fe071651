/// An RFC 6901 JSON Pointer: the path to one value inside a JSON document.
///
/// `/product/variants/1/sku` names the `sku` of the second variant. Validation issues carry
/// one, so a client can find the offending field whatever language it is written in.
///
/// ```swift
/// let pointer = JSONPointer.root.appending("variants").appending(1).appending("sku")
/// pointer.description          // "/variants/1/sku"
/// JSONPointer("/a~1b/m~0n")?.tokens  // ["a/b", "m~n"]
/// ```
public struct JSONPointer: Sendable, Hashable, CustomStringConvertible {
    /// The reference tokens, unescaped, from the root down.
    public private(set) var tokens: [String]

    /// The pointer to the whole document: the empty string.
    public static let root = JSONPointer(tokens: [])

    /// Creates a pointer from unescaped reference tokens.
    public init(tokens: [String]) {
        self.tokens = tokens
    }

    /// Parses pointer text such as `/product/variants/0`, or returns `nil` when it does not start
    /// with `/` (and is not empty) or contains a `~` not followed by `0` or `1`.
    public init?(_ text: String) {
        guard !text.isEmpty else {
            self.tokens = []
            return
        }
        guard text.hasPrefix("/") else { return nil }
        var tokens: [String] = []
        for raw in text.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            var token = ""
            var iterator = raw.makeIterator()
            while let character = iterator.next() {
                guard character == "~" else {
                    token.append(character)
                    continue
                }
                switch iterator.next() {
                case "0": token.append("~")
                case "1": token.append("/")
                default: return nil
                }
            }
            tokens.append(token)
        }
        self.tokens = tokens
    }

    /// This pointer extended by a member name.
    public func appending(_ name: String) -> JSONPointer {
        JSONPointer(tokens: tokens + [name])
    }

    /// This pointer extended by an array index.
    public func appending(_ index: Int) -> JSONPointer {
        JSONPointer(tokens: tokens + [String(index)])
    }

    /// The pointer text, with `~` written as `~0` and `/` as `~1`.
    public var description: String {
        var text = ""
        for token in tokens {
            text.append("/")
            if token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) {
                text.append(token.replacing("~", with: "~0").replacing("/", with: "~1"))
            } else {
                text.append(token)
            }
        }
        return text
    }

    /// The value this pointer names inside `document`, or `nil` if there is none.
    ///
    /// - Complexity: O(*d* × *m*): the depth times the members scanned at each level.
    public func resolve(in document: JSONValue) -> JSONValue? {
        var current = document
        for token in tokens {
            switch current {
            case .object(let object):
                guard let next = object[token] else { return nil }
                current = next
            case .array(let elements):
                guard let index = Self.arrayIndex(token), elements.indices.contains(index) else { return nil }
                current = elements[index]
            default:
                return nil
            }
        }
        return current
    }

    /// An RFC 6901 array index: `0` or digits without a leading zero.
    private static func arrayIndex(_ token: String) -> Int? {
        let digits = token.utf8
        guard !digits.isEmpty, digits.allSatisfy({ $0 &- UInt8(ascii: "0") < 10 }),
            token == "0" || digits.first != UInt8(ascii: "0")
        else { return nil }
        return Int(token)
    }
}
