/// The order of a list: a field and a direction, written `created_at` or `-created_at`.
public struct SortOrder: Sendable, Hashable, CustomStringConvertible {
    /// Ascending or descending.
    public enum Direction: String, Sendable, Hashable {
        /// Smallest first.
        case ascending
        /// Largest first.
        case descending
    }

    /// The field sorted on.
    public var field: String
    /// The direction.
    public var direction: Direction

    /// Creates a sort order.
    public init(field: String, direction: Direction = .ascending) {
        self.field = field
        self.direction = direction
    }

    /// The query form: the field, preceded by `-` when descending.
    public var description: String {
        direction == .descending ? "-" + field : field
    }
}
