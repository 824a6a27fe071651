import StorekeeperCore

/// An HTTP entity tag (RFC 9110 section 8.8.3), the value of `ETag` and of `If-Match` lists.
public struct EntityTag: Sendable, Hashable, CustomStringConvertible {
    /// The opaque tag, without quotes.
    public let opaqueTag: String
    /// Whether the tag is weak (`W/"..."`); weak tags never satisfy `If-Match`.
    public let isWeak: Bool

    /// A tag from its opaque text.
    public init(_ opaqueTag: String, isWeak: Bool = false) {
        self.opaqueTag = opaqueTag
        self.isWeak = isWeak
    }

    /// The strong tag of a record version: `"7"` for version 7.
    public init(version: Int64) {
        self.init(String(version))
    }

    /// The record version this tag names, when it is a strong tag made by ``init(version:)``.
    public var version: Int64? {
        isWeak ? nil : Int64(opaqueTag)
    }

    /// The header form: `"7"` or `W/"7"`.
    public var description: String {
        (isWeak ? "W/" : "") + "\"" + opaqueTag + "\""
    }

    /// The tags of an `If-Match` or `If-None-Match` list, or `nil` when the list is malformed.
    static func parseList(_ text: String) -> [EntityTag]? {
        var tags: [EntityTag] = []
        for element in text.split(separator: ",") {
            var item = Substring(element.trimmingHTTPWhitespace)
            let isWeak = item.hasPrefix("W/")
            if isWeak { item = item.dropFirst(2) }
            guard item.count >= 2, item.first == "\"", item.last == "\"" else { return nil }
            let opaque = item.dropFirst().dropLast()
            guard !opaque.contains("\"") else { return nil }
            tags.append(EntityTag(String(opaque), isWeak: isWeak))
        }
        return tags.isEmpty ? nil : tags
    }
}
