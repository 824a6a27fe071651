import StorekeeperWebhooks
import Testing

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

@Suite("Webhook signing and verification")
struct WebhookSignerTests {
    // The vector published in the Standard Webhooks reference libraries' tests.
    static let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    static let messageID = "msg_p5jXN8AQM9LWM0D4loKWxJek"
    static let timestamp = 1_614_265_330
    static let payload = Array(#"{"test": 2432232314}"#.utf8)
    static let expected = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
    static let now = Date(timeIntervalSince1970: TimeInterval(timestamp))

    @Test("signs the Standard Webhooks reference vector, with or without the whsec_ prefix")
    func referenceVector() throws {
        let signer = try WebhookSigner(secret: Self.secret)
        #expect(
            signer.signature(messageID: Self.messageID, timestamp: Self.timestamp, payload: Self.payload)
                == Self.expected)
        let unprefixed = try WebhookSigner(secret: String(Self.secret.dropFirst(6)))
        #expect(
            unprefixed.signature(messageID: Self.messageID, timestamp: Self.timestamp, payload: Self.payload)
                == Self.expected)
    }

    @Test("verifies a valid signature, also among several during rotation")
    func verifies() throws {
        let signer = try WebhookSigner(secret: Self.secret)
        try signer.verify(
            messageID: Self.messageID, timestamp: Self.timestamp, signatureHeader: Self.expected, payload: Self.payload,
            now: Self.now)
        let rotating =
            "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= v2,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= \(Self.expected)"
        try signer.verify(
            messageID: Self.messageID, timestamp: Self.timestamp, signatureHeader: rotating, payload: Self.payload,
            now: Self.now)
        let other = try WebhookSigner(secret: WebhookSigner.generateSecret())
        let both = WebhookSigner.signatureHeader(
            signers: [other, signer], messageID: "msg_x", timestamp: Self.timestamp, payload: Self.payload)
        #expect(both.split(separator: " ").count == 2)
        try signer.verify(
            messageID: "msg_x", timestamp: Self.timestamp, signatureHeader: both, payload: Self.payload, now: Self.now)
        try other.verify(
            messageID: "msg_x", timestamp: Self.timestamp, signatureHeader: both, payload: Self.payload, now: Self.now)
    }

    @Test("rejects a tampered payload, ID or timestamp, and headers without a v1 signature")
    func rejectsForgeries() throws {
        let signer = try WebhookSigner(secret: Self.secret)
        func code(
            id: String = WebhookSignerTests.messageID,
            timestamp: Int = WebhookSignerTests.timestamp,
            header: String = WebhookSignerTests.expected,
            payload: [UInt8] = WebhookSignerTests.payload
        ) -> WebhookError.Code? {
            do {
                try signer.verify(
                    messageID: id, timestamp: timestamp, signatureHeader: header, payload: payload, now: Self.now)
                return nil
            } catch {
                return error.code
            }
        }
        #expect(code(payload: Array(#"{"test": 2432232315}"#.utf8)) == .invalidSignature)
        #expect(code(id: "msg_other") == .invalidSignature)
        #expect(code(timestamp: Self.timestamp + 1) == .invalidSignature)
        #expect(code(header: "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OA=") == .invalidSignature)
        #expect(code(header: "v1,not-base64!") == .invalidSignature)
        #expect(code(header: "") == .missingSignature)
        #expect(code(header: "v2,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=") == .missingSignature)
        #expect(WebhookError(code: .invalidSignature, message: "").status == 401)
    }

    @Test("accepts timestamps exactly at the tolerance and rejects one second beyond, both ways")
    func tolerance() throws {
        let signer = try WebhookSigner(secret: Self.secret)
        for (offset, expected) in [
            (-300, nil), (300, nil), (-301, WebhookError.Code.timestampTooOld), (301, .timestampTooNew),
        ] {
            let stamp = Self.timestamp + offset
            let header = signer.signature(messageID: Self.messageID, timestamp: stamp, payload: Self.payload)
            do {
                try signer.verify(
                    messageID: Self.messageID, timestamp: stamp, signatureHeader: header, payload: Self.payload,
                    now: Self.now)
                #expect(expected == nil, "offset \(offset)")
            } catch {
                #expect(error.code == expected, "offset \(offset)")
            }
        }
        let strict = try WebhookSigner(secret: Self.secret, tolerance: .seconds(10))
        let header = strict.signature(messageID: Self.messageID, timestamp: Self.timestamp - 11, payload: Self.payload)
        #expect(throws: WebhookError.self) {
            try strict.verify(
                messageID: Self.messageID, timestamp: Self.timestamp - 11, signatureHeader: header,
                payload: Self.payload, now: Self.now)
        }
    }

    @Test(
        "refuses secrets that are not base64 of at least 16 bytes, without echoing them",
        arguments: ["", "whsec_", "whsec_!!!!", "whsec_AAAA"])
    func invalidSecrets(secret: String) {
        do {
            _ = try WebhookSigner(secret: secret)
            Issue.record("accepted \(secret)")
        } catch {
            #expect(error.code == .invalidSecret)
            #expect(secret.count < 7 || !error.message.contains(secret.dropFirst(6)))
        }
    }

    @Test("generated secrets are whsec_ and 24 random bytes, and usable")
    func generatedSecrets() throws {
        let secret = WebhookSigner.generateSecret()
        #expect(secret.hasPrefix("whsec_"))
        #expect(secret.count == 6 + 32)
        #expect(secret != WebhookSigner.generateSecret())
        _ = try WebhookSigner(secret: secret)
    }
}
