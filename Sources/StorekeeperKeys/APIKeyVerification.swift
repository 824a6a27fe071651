/// The outcome of checking a presented key.
public enum APIKeyVerification: Sendable, Hashable {
    /// Every check passed; the key's record.
    case accepted(APIKeyRecord)
    /// A check failed: the first failing check's error, and the key's record when the key was
    /// identified (it is `nil` for a missing, malformed or unknown key).
    case refused(APIKeyError, record: APIKeyRecord?)
}
