/// A path template such as `/v1/products/:productId`: literal segments and named parameters.
///
/// Segments are separated by `/`; a segment that starts with `:` is a parameter matching any one
/// non-empty segment. Empty segments (a doubled or trailing `/`) are ignored in templates and
/// significant in requests, so `/products/` does not match `/products`.
public struct RoutePattern: Sendable, Hashable, CustomStringConvertible {
    /// One segment of a template.
    public enum Segment: Sendable, Hashable {
        /// A segment that must be equal, after percent-decoding the request's segment.
        case literal(String)
        /// A segment captured under a name.
        case parameter(String)
    }

    /// The template's segments, in order.
    public let segments: [Segment]

    /// A pattern from a template such as `/v1/products/:productId`.
    public init(_ template: String) {
        segments = template.split(separator: "/").map { part in
            part.hasPrefix(":") ? .parameter(String(part.dropFirst())) : .literal(String(part))
        }
    }

    private init(segments: [Segment]) {
        self.segments = segments
    }

    /// This pattern under a base path: `/api/1` + `/product` is `/api/1/product`.
    public func prefixed(by basePath: String) -> RoutePattern {
        RoutePattern(segments: RoutePattern(basePath).segments + segments)
    }

    /// The names of the parameters, in order.
    public var parameterNames: [String] {
        segments.compactMap { if case .parameter(let name) = $0 { name } else { nil } }
    }

    /// The parameters captured from decoded path segments, or `nil` when the path does not match.
    public func match(_ pathSegments: [String]) -> [String: String]? {
        guard pathSegments.count == segments.count else { return nil }
        var parameters: [String: String] = [:]
        for (segment, value) in zip(segments, pathSegments) {
            switch segment {
            case .literal(let literal):
                guard literal == value else { return nil }
            case .parameter(let name):
                guard !value.isEmpty else { return nil }
                parameters[name] = value
            }
        }
        return parameters
    }

    /// The template, with parameters written `:name`.
    public var description: String {
        "/"
            + segments.map {
                switch $0 {
                case .literal(let text): text
                case .parameter(let name): ":" + name
                }
            }.joined(separator: "/")
    }

    /// The template in OpenAPI's form, with parameters written `{name}`.
    public var openAPIPath: String {
        "/"
            + segments.map {
                switch $0 {
                case .literal(let text): text
                case .parameter(let name): "{" + name + "}"
                }
            }.joined(separator: "/")
    }

    /// A percent-encoded segment as text, or `nil` for a bad escape or bytes that are not UTF-8.
    static func percentDecodedText(_ raw: UnsafeBufferPointer<UInt8>) -> String? {
        guard raw.contains(UInt8(ascii: "%")) else { return String(validating: raw, as: UTF8.self) }
        return percentDecodedBytes(raw).flatMap { String(validating: $0, as: UTF8.self) }
    }

    /// The bytes of a percent-encoded segment, or `nil` for a bad escape.
    static func percentDecodedBytes(_ raw: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.count)
        var iterator = raw.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                return nil
            }
            bytes.append(high << 4 | low)
        }
        return bytes
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
