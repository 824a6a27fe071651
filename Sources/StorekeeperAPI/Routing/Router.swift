/// Finds the route of a request: the first route whose method and template match.
///
/// Matching reads the request path's bytes in place: literal segments are compared byte for
/// byte (after percent-decoding, only for segments that contain `%`), and strings are made only
/// for the parameters of the route that matched.
public struct Router: Sendable {
    /// What the router found for a request.
    public enum Resolution: Sendable {
        /// A route matched; the parameters are percent-decoded.
        case matched(Route, parameters: [String: String])
        /// The path matched routes, but none with this method; the methods that would match,
        /// for the `Allow` header.
        case methodNotAllowed(allowed: [HTTPMethod])
        /// No route has this path.
        case notFound
    }

    /// One template segment, ready to compare with request bytes.
    private enum CompiledSegment: Sendable {
        case literal([UInt8])
        case parameter(String)
    }

    /// The routes, in matching order.
    public let routes: [Route]
    private let compiled: [[CompiledSegment]]

    /// A router over `routes`; earlier routes win when several match.
    public init(routes: [Route]) {
        self.routes = routes
        compiled = routes.map { route in
            route.path.segments.map { segment in
                switch segment {
                case .literal(let text): .literal(Array(text.utf8))
                case .parameter(let name): .parameter(name)
                }
            }
        }
    }

    /// The route for `method` and the percent-encoded `path`.
    public func resolve(method: HTTPMethod, path: String) -> Resolution {
        var path = path
        return path.withUTF8 { bytes in resolve(method: method, bytes: bytes) }
    }

    private func resolve(method: HTTPMethod, bytes: UnsafeBufferPointer<UInt8>) -> Resolution {
        guard bytes.first == UInt8(ascii: "/") else { return .notFound }
        let segmentCount = bytes.count { $0 == UInt8(ascii: "/") }
        return withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: segmentCount) { ranges in
            var start = 1
            var index = 0
            for position in 1...bytes.count where position == bytes.count || bytes[position] == UInt8(ascii: "/") {
                let range = start..<position
                // A bad escape or non-UTF-8 text anywhere in the path matches no route.
                if bytes[range].contains(UInt8(ascii: "%")),
                    RoutePattern.percentDecodedText(UnsafeBufferPointer(rebasing: bytes[range])) == nil
                {
                    return .notFound
                }
                ranges.initializeElement(at: index, to: range)
                index += 1
                start = position + 1
            }
            let segments = UnsafeBufferPointer(start: ranges.baseAddress, count: index)
            var allowed: [HTTPMethod] = []
            // By index: copying a route (its closures and schemas) per candidate costs more than matching.
            for index in compiled.indices where matches(compiled[index], bytes: bytes, segments: segments) {
                let routeMethod = routes[index].method
                if routeMethod == method {
                    return .matched(
                        routes[index], parameters: parameters(of: compiled[index], bytes: bytes, segments: segments))
                }
                if !allowed.contains(routeMethod) { allowed.append(routeMethod) }
            }
            return allowed.isEmpty ? .notFound : .methodNotAllowed(allowed: allowed)
        }
    }

    private func matches(
        _ template: [CompiledSegment], bytes: UnsafeBufferPointer<UInt8>, segments: UnsafeBufferPointer<Range<Int>>
    ) -> Bool {
        guard template.count == segments.count else { return false }
        for (segment, range) in zip(template, segments) {
            let raw = UnsafeBufferPointer(rebasing: bytes[range])
            switch segment {
            case .literal(let literal):
                if raw.contains(UInt8(ascii: "%")) {
                    guard RoutePattern.percentDecodedBytes(raw) == literal else { return false }
                } else {
                    guard raw.elementsEqual(literal) else { return false }
                }
            case .parameter:
                guard !raw.isEmpty else { return false }
            }
        }
        return true
    }

    private func parameters(
        of template: [CompiledSegment], bytes: UnsafeBufferPointer<UInt8>, segments: UnsafeBufferPointer<Range<Int>>
    ) -> [String: String] {
        var parameters: [String: String] = [:]
        for (segment, range) in zip(template, segments) {
            guard case .parameter(let name) = segment else { continue }
            parameters[name] = RoutePattern.percentDecodedText(UnsafeBufferPointer(rebasing: bytes[range]))
        }
        return parameters
    }
}
