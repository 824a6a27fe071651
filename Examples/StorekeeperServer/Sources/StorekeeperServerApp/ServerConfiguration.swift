public import Storekeeper

/// How the example server is started: where it listens, whose proxy headers it believes and how
/// large a body it accepts.
public struct ServerConfiguration: Sendable, Equatable {
    /// The address to listen on: `127.0.0.1` unless told otherwise.
    public var host: String
    /// The port to listen on: `8080` unless told otherwise; `0` picks a free one.
    public var port: Int
    /// The proxies whose `Forwarded` and `X-Forwarded-For` headers are believed; none by default,
    /// so the connection's peer is always the client.
    public var trustedProxies: [IPNetwork]
    /// The largest request body accepted; a larger one is answered with 413.
    public var maximumBodyBytes: Int

    /// A configuration from its parts.
    public init(
        host: String = "127.0.0.1",
        port: Int = 8080,
        trustedProxies: [IPNetwork] = [],
        maximumBodyBytes: Int = 1 << 20
    ) {
        self.host = host
        self.port = port
        self.trustedProxies = trustedProxies
        self.maximumBodyBytes = maximumBodyBytes
    }

    /// The usage text printed for `--help` and after a bad argument.
    public static let usage = """
        Usage: StorekeeperServer [--host ADDRESS] [--port PORT] [--trusted-proxy CIDR]... [--max-body-bytes N]

          --host ADDRESS        Address to listen on (default 127.0.0.1; env STOREKEEPER_HOST).
          --port PORT           Port to listen on, 0 for any free one (default 8080; env STOREKEEPER_PORT).
          --trusted-proxy CIDR  Believe Forwarded / X-Forwarded-For from this network; repeatable.
                                Without it the connection's peer is always the client.
          --max-body-bytes N    Largest request body accepted (default 1048576); larger is 413.
          --help                Print this text.

        On start the server prints one JSON line on stdout with a fresh admin key per API;
        logs go to stderr.
        """

    /// What the command line asked for.
    public enum Command: Sendable, Equatable {
        /// Serve with this configuration.
        case serve(ServerConfiguration)
        /// Print ``ServerConfiguration/usage`` and exit.
        case help
    }

    /// A command-line argument or environment value the server cannot use.
    public struct UsageError: Error, Sendable, Equatable, CustomStringConvertible {
        /// What is wrong, for the operator.
        public var message: String

        /// An error saying `message`.
        public init(_ message: String) {
            self.message = message
        }

        /// The message.
        public var description: String { message }
    }

    /// Reads the command line (without the program name) over the environment: flags win over
    /// `STOREKEEPER_HOST` and `STOREKEEPER_PORT`, which win over the defaults.
    ///
    /// - Throws: ``UsageError`` for an unknown flag, a missing or malformed value.
    public static func parse(arguments: [String], environment: [String: String]) throws(UsageError) -> Command {
        var configuration = ServerConfiguration()
        if let host = environment["STOREKEEPER_HOST"], !host.isEmpty {
            configuration.host = host
        }
        if let port = environment["STOREKEEPER_PORT"], !port.isEmpty {
            configuration.port = try Self.port(port, source: "STOREKEEPER_PORT")
        }
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            var flag = argument
            var inlineValue: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                flag = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            func value() throws(UsageError) -> String {
                if let inlineValue { return inlineValue }
                guard let next = remaining.popFirst() else { throw UsageError("\(flag) needs a value.") }
                return next
            }
            switch flag {
            case "--help", "-h":
                return .help
            case "--host":
                let host = try value()
                guard !host.isEmpty else { throw UsageError("--host needs a non-empty address.") }
                configuration.host = host
            case "--port":
                configuration.port = try Self.port(try value(), source: "--port")
            case "--trusted-proxy":
                let text = try value()
                guard let network = IPNetwork(text) ?? IPAddress(text).flatMap(Self.hostNetwork) else {
                    throw UsageError("--trusted-proxy needs a CIDR such as 10.0.0.0/8, not '\(text)'.")
                }
                configuration.trustedProxies.append(network)
            case "--max-body-bytes":
                let text = try value()
                guard let bytes = Int(text), bytes >= 0 else {
                    throw UsageError("--max-body-bytes needs a whole number of bytes, not '\(text)'.")
                }
                configuration.maximumBodyBytes = bytes
            default:
                throw UsageError("Unknown argument '\(argument)'.")
            }
        }
        return .serve(configuration)
    }

    private static func port(_ text: String, source: String) throws(UsageError) -> Int {
        guard let port = Int(text), (0...65_535).contains(port) else {
            throw UsageError("\(source) needs a port from 0 to 65535, not '\(text)'.")
        }
        return port
    }

    /// A bare address as the network holding only it: `/32` or `/128`.
    private static func hostNetwork(_ address: IPAddress) -> IPNetwork? {
        IPNetwork("\(address)/\(address.family == .v4 ? 32 : 128)")
    }
}
