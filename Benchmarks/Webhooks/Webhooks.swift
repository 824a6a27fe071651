import Benchmark
import Crypto
import Foundation
import StorekeeperWebhooks

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        timeUnits: .nanoseconds,
        maxDuration: .seconds(2)
    )
    let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    let messageID = "msg_p5jXN8AQM9LWM0D4loKWxJek"
    let timestamp = 1_614_265_330
    let payload = (0..<1024).map { UInt8(truncatingIfNeeded: $0 &* 31) }

    Benchmark("Webhooks.sign.1KiB") { benchmark in
        guard let signer = try? WebhookSigner(secret: secret) else { return }
        for _ in benchmark.scaledIterations {
            blackHole(signer.signature(messageID: messageID, timestamp: timestamp, payload: payload))
        }
    }

    // The same HMAC-SHA256 over the same signed content ("id.timestamp.payload"), base64-encoded.
    Benchmark("Peer.swiftCrypto.webhookSign.1KiB") { benchmark in
        guard let key = Data(base64Encoded: String(secret.dropFirst(6))) else { return }
        let symmetricKey = SymmetricKey(data: key)
        let prefix = Array("\(messageID).\(timestamp).".utf8)
        for _ in benchmark.scaledIterations {
            var authenticator = HMAC<SHA256>(key: symmetricKey)
            authenticator.update(data: prefix)
            authenticator.update(data: payload)
            blackHole("v1," + Data(authenticator.finalize()).base64EncodedString())
        }
    }
}
