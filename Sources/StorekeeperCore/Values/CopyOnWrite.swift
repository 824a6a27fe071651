/// A value kept in a shared box and copied only when a holder changes it while others share it:
/// large model values (a product, a key record) cost one retain to copy, as arrays and strings do.
///
/// ```swift
/// public struct Product {
///     private struct Fields: Sendable, Hashable { var title: String /* ... */ }
///     @CopyOnWrite private var fields: Fields
///     public var title: String {
///         get { fields.title }
///         _modify { yield &fields.title }
///     }
/// }
/// ```
@propertyWrapper
package struct CopyOnWrite<Value: Sendable>: Sendable {
    /// The box shared by copies.
    private final class Box: @unchecked Sendable {
        // @unchecked: `value` changes only through `wrappedValue`'s `_modify`, which first gives
        // the changing holder a box of its own unless it holds the only reference.
        var value: Value

        init(_ value: Value) {
            self.value = value
        }
    }

    /// This holder's box, possibly shared with copies.
    private var box: Box

    /// Boxes `wrappedValue`.
    package init(wrappedValue: Value) {
        box = Box(wrappedValue)
    }

    /// The value: read in place, changed in place once this holder owns its box.
    package var wrappedValue: Value {
        _read { yield box.value }
        _modify {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.value) }
            yield &box.value
        }
    }

    /// Whether both holders share one box, so their values are the same without comparing them.
    package func sharesStorage(with other: CopyOnWrite) -> Bool {
        box === other.box
    }
}
