/// What an ``IdempotencyStore`` found when a request claimed its key.
public enum IdempotencyClaim: Sendable, Hashable {
    /// The key was free (or its entry had expired): the request is now in progress under it.
    case claimed
    /// The same request already completed: replay this response.
    case completed(StoredResponse)
    /// The same request is still in progress (409).
    case inProgress
    /// The key was used for a different request (422).
    case mismatch
}
