@_spi(StorekeeperInternal) import StorekeeperCore

#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// Signs and verifies webhooks as the Standard Webhooks specification defines them.
///
/// The signature is HMAC-SHA256, keyed with the base64-decoded secret, over
/// `"<webhook-id>.<webhook-timestamp>.<body>"`, sent as `webhook-signature: v1,<base64>`.
///
/// ```swift
/// let signer = try WebhookSigner(secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
/// let signature = signer.signature(messageID: "msg_1", timestamp: 1_614_265_330, payload: body)
/// try signer.verify(messageID: "msg_1", timestamp: 1_614_265_330, signatureHeader: signature,
///                   payload: body, now: clock.now)
/// ```
///
/// During secret rotation a sender signs with both secrets and joins the signatures with a
/// space (``signatureHeader(signers:messageID:timestamp:payload:)``); a receiver accepts the
/// message when any `v1` signature matches.
public struct WebhookSigner: Sendable {
    /// The prefix of Standard Webhooks secrets.
    public static let secretPrefix = "whsec_"

    private let authenticator: HMACSHA256
    /// How far the timestamp may be from `now`, in either direction, before verification fails.
    public var tolerance: Duration

    /// Creates a signer from a `whsec_`-prefixed base64 secret (the prefix may be omitted).
    ///
    /// - Parameters:
    ///   - secret: The endpoint's signing secret.
    ///   - tolerance: The accepted clock difference when verifying. Default five minutes.
    /// - Throws: ``WebhookError`` with ``WebhookError/Code/invalidSecret`` when the secret is not
    ///   base64 of at least 16 bytes. The message never repeats the secret.
    public init(secret: String, tolerance: Duration = .seconds(300)) throws(WebhookError) {
        let encoded =
            secret.hasPrefix(Self.secretPrefix) ? secret.dropFirst(Self.secretPrefix.count) : Substring(secret)
        guard let key = Base64.decode(encoded), key.count >= 16 else {
            throw WebhookError(
                code: .invalidSecret,
                message: "A webhook secret must be 'whsec_' followed by the base64 of at least 16 random bytes."
            )
        }
        authenticator = HMACSHA256(key: key)
        self.tolerance = tolerance
    }

    /// A new random secret, `whsec_` and the base64 of 24 bytes from the system's secure generator.
    public static func generateSecret() -> String {
        secretPrefix + Base64.encode(SecureRandom.bytes(count: 24))
    }

    /// The `v1,<base64>` signature of a message.
    ///
    /// - Parameters:
    ///   - messageID: The `webhook-id`: the event's ID, the same on every retry.
    ///   - timestamp: The `webhook-timestamp`: Unix seconds of this attempt.
    ///   - payload: The exact body bytes that will be sent.
    public func signature(messageID: String, timestamp: Int, payload: [UInt8]) -> String {
        "v1," + Base64.encode(mac(messageID: messageID, timestamp: timestamp, payload: payload).bytes)
    }

    /// The `webhook-signature` header value signed by every signer, separated by spaces, for use
    /// while an endpoint's secret is being rotated.
    public static func signatureHeader(
        signers: [WebhookSigner],
        messageID: String,
        timestamp: Int,
        payload: [UInt8]
    ) -> String {
        signers.map { $0.signature(messageID: messageID, timestamp: timestamp, payload: payload) }
            .joined(separator: " ")
    }

    /// Checks a received webhook.
    ///
    /// - Parameters:
    ///   - messageID: The `webhook-id` header.
    ///   - timestamp: The `webhook-timestamp` header, in Unix seconds.
    ///   - signatureHeader: The `webhook-signature` header: one or more space-separated
    ///     `<version>,<base64>` signatures. Versions other than `v1` are ignored.
    ///   - payload: The raw body bytes, before any parsing.
    ///   - now: The receiver's current time, from its clock.
    /// - Throws: ``WebhookError`` when the timestamp is outside the tolerance (checked first, so
    ///   a replayed old message fails even with a valid signature) or no signature matches.
    ///   Signatures are compared in constant time.
    public func verify(
        messageID: String,
        timestamp: Int,
        signatureHeader: String,
        payload: [UInt8],
        now: Date
    ) throws(WebhookError) {
        let nowSeconds = InternetDateTime.epochSeconds(now)
        let toleranceSeconds = tolerance.components.seconds
        let skew = Int64(timestamp) - nowSeconds
        if skew < -toleranceSeconds {
            throw WebhookError(code: .timestampTooOld, message: "The webhook timestamp is too far in the past.")
        }
        if skew > toleranceSeconds {
            throw WebhookError(code: .timestampTooNew, message: "The webhook timestamp is too far in the future.")
        }
        let expected = mac(messageID: messageID, timestamp: timestamp, payload: payload)
        var sawVersionOne = false
        var matched = false
        for candidate in signatureHeader.split(separator: " ", omittingEmptySubsequences: true) {
            guard candidate.hasPrefix("v1,") else { continue }
            sawVersionOne = true
            guard let decoded = Base64.decode(candidate.dropFirst(3)), let digest = SHA256Digest(bytes: decoded)
            else { continue }
            // Check every signature, so the time taken does not say which one matched.
            if ConstantTime.equals(digest, expected) { matched = true }
        }
        guard sawVersionOne else {
            throw WebhookError(code: .missingSignature, message: "The webhook-signature header has no v1 signature.")
        }
        guard matched else {
            throw WebhookError(code: .invalidSignature, message: "No webhook signature matches the payload.")
        }
    }

    private func mac(messageID: String, timestamp: Int, payload: [UInt8]) -> SHA256Digest {
        var authenticator = authenticator
        authenticator.update(messageID.utf8)
        authenticator.update(CollectionOfOne(UInt8(ascii: ".")))
        authenticator.update(String(timestamp).utf8)
        authenticator.update(CollectionOfOne(UInt8(ascii: ".")))
        authenticator.update(payload)
        return authenticator.finalize()
    }
}
