import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Storekeeper
import StorekeeperServerApp
import Testing

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The demo server as the tests start it: every API seeded, the admin keys read from the key line.
struct TestServer {
    let server: DemoServer
    let configuration: ServerConfiguration
    let keys: [String: String]

    static let quiet: Logger = {
        var logger = Logger(label: "StorekeeperServerTests")
        logger.logLevel = .critical
        return logger
    }()

    init(configuration: ServerConfiguration = ServerConfiguration(port: 0)) async throws {
        self.configuration = configuration
        server = try await DemoServer.make(configuration: configuration, logger: Self.quiet)
        let line = try JSONValue(parsing: Array(server.keyLine.utf8))
        var keys: [String: String] = [:]
        let object = try #require(line.object)
        for name in object.keys {
            keys[name] = object[name]?.string
        }
        self.keys = keys
    }

    func key(_ name: String) throws -> String {
        try #require(keys[name])
    }

    var application: Application<StorekeeperResponder> {
        server.application(configuration: configuration, logger: Self.quiet)
    }
}

extension HTTPFields {
    /// Fields from name-value pairs.
    init(_ pairs: [(String, String)]) throws {
        self.init()
        for (name, value) in pairs {
            append(HTTPField(name: try #require(HTTPField.Name(name)), value: value))
        }
    }

    /// The value of the field `name`.
    func value(_ name: String) -> String? {
        HTTPField.Name(name).flatMap { self[$0] }
    }
}

extension TestResponse {
    /// The body parsed as JSON.
    var json: JSONValue? {
        try? JSONValue(parsing: Array(body.readableBytesView))
    }
}

/// `Authorization: Bearer <key>`.
func bearer(_ key: String) throws -> HTTPFields {
    try HTTPFields([("Authorization", "Bearer \(key)")])
}

/// A body from text.
func body(_ text: String) -> ByteBuffer {
    ByteBuffer(string: text)
}

/// An RFC 3339 timestamp, as the partner orders API takes it: `2026-01-31T12:00:00Z`.
func timestamp(_ date: Date) -> String {
    date.formatted(.iso8601)
}
