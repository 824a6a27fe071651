/// Why a webhook could not be signed or verified.
///
/// Receivers answer a failed verification with 400 or 401 and never process the payload.
public struct WebhookError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable, machine-readable reason.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        /// The code's stable text.
        public let rawValue: String

        private init(_ rawValue: String) {
            self.rawValue = rawValue
        }

        /// The secret is not `whsec_` followed by base64 of at least 16 bytes.
        public static let invalidSecret = Code("invalid_secret")
        /// The `webhook-signature` header holds no `v1` signature.
        public static let missingSignature = Code("missing_signature")
        /// No `v1` signature in the header matches the payload.
        public static let invalidSignature = Code("invalid_signature")
        /// The timestamp is further in the past than the tolerance allows (a possible replay).
        public static let timestampTooOld = Code("timestamp_too_old")
        /// The timestamp is further in the future than the tolerance allows.
        public static let timestampTooNew = Code("timestamp_too_new")
        /// A delivery policy or endpoint setting is out of range.
        public static let invalidConfiguration = Code("invalid_configuration")

        /// The code's stable text.
        public var description: String { rawValue }
    }

    /// The stable reason.
    public let code: Code
    /// What went wrong, for a person. It never contains a secret or a signature.
    public let message: String

    /// Creates an error.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    /// The HTTP status a receiver should answer with: 401 for signatures, 400 otherwise.
    public var status: Int {
        switch code {
        case .invalidSignature, .missingSignature, .timestampTooOld, .timestampTooNew: 401
        default: 400
        }
    }

    /// `"<code>: <message>"`.
    public var description: String { "\(code): \(message)" }
}
