// The example server: every Storekeeper profile over HTTP, with demo data and fresh admin keys.
// Run: swift run --package-path Examples/StorekeeperServer StorekeeperServer [--host H] [--port P]

import Foundation
import Hummingbird
import Logging
import StorekeeperServerApp

/// Writes `text` and a newline to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

let configuration: ServerConfiguration
do {
    switch try ServerConfiguration.parse(
        arguments: Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment)
    {
    case .help:
        print(ServerConfiguration.usage)
        exit(0)
    case .serve(let parsed):
        configuration = parsed
    }
} catch {
    printError("error: \(error)\n\n\(ServerConfiguration.usage)")
    exit(2)
}

let logger = {
    var logger = Logger(label: "StorekeeperServer")
    logger.logLevel = .info
    return logger
}()

do {
    let server = try await DemoServer.make(configuration: configuration, logger: logger)
    let keyLine = server.keyLine
    let app = server.application(configuration: configuration, logger: logger) { [logger] port in
        // The one line on stdout, once the socket accepts connections; unbuffered, so a script
        // reading a pipe gets it at once.
        FileHandle.standardOutput.write(Data((keyLine + "\n").utf8))
        logger.info(
            "Serving \(server.apis.map(\.name).joined(separator: ", ")) on port \(port.map(String.init) ?? "?")")
    }
    try await app.runService()
} catch {
    printError("error: \(error)")
    exit(1)
}
