import Storekeeper
import StorekeeperServerApp
import Testing

@Suite("Command line")
struct ServerConfigurationTests {
    @Test("defaults, environment, then flags")
    func precedence() throws {
        #expect(try ServerConfiguration.parse(arguments: [], environment: [:]) == .serve(ServerConfiguration()))
        let environment = ["STOREKEEPER_HOST": "0.0.0.0", "STOREKEEPER_PORT": "9000"]
        #expect(
            try ServerConfiguration.parse(arguments: [], environment: environment)
                == .serve(ServerConfiguration(host: "0.0.0.0", port: 9000)))
        let parsed = try ServerConfiguration.parse(
            arguments: [
                "--port=9100", "--host", "::1", "--trusted-proxy", "10.0.0.0/8", "--trusted-proxy", "127.0.0.1",
            ],
            environment: environment)
        let proxies = [try #require(IPNetwork("10.0.0.0/8")), try #require(IPNetwork("127.0.0.1/32"))]
        #expect(parsed == .serve(ServerConfiguration(host: "::1", port: 9100, trustedProxies: proxies)))
        #expect(try ServerConfiguration.parse(arguments: ["--help"], environment: [:]) == .help)
    }

    @Test("bad values are usage errors")
    func errors() {
        for arguments in [["--port"], ["--port", "http"], ["--port", "70000"], ["--trusted-proxy", "nope"], ["-x"]] {
            #expect(throws: ServerConfiguration.UsageError.self, "\(arguments)") {
                try ServerConfiguration.parse(arguments: arguments, environment: [:])
            }
        }
        #expect(throws: ServerConfiguration.UsageError.self) {
            try ServerConfiguration.parse(arguments: [], environment: ["STOREKEEPER_PORT": "x"])
        }
    }
}
