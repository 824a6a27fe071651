/// The parser's stack of finished children, from which each container takes its own by moving.
///
/// With `Array`, handing a container its elements means copying them out (a retain each) and
/// removing them from the stack (a release each). Here they are moved: no reference counting, and
/// one exactly-sized allocation per container.
///
/// It starts in memory the caller lends (the parser lends stack memory, so a typical document
/// needs no heap for its stacks at all) and moves to the heap only if it outgrows it.
struct ScratchStack<Element>: ~Copyable {
    private var start: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int
    private var ownsStorage = false

    /// Creates an empty stack in `initialStorage`, which must outlive the stack; a stack with no
    /// lent storage starts on the heap.
    init(initialStorage: UnsafeMutableBufferPointer<Element>) {
        if let base = initialStorage.baseAddress, initialStorage.count > 0 {
            start = base
            capacity = initialStorage.count
        } else {
            capacity = 16
            start = UnsafeMutablePointer<Element>.allocate(capacity: capacity)
            ownsStorage = true
        }
    }

    deinit {
        start.deinitialize(count: count)
        if ownsStorage { start.deallocate() }
    }

    mutating func push(_ element: consuming Element) {
        if count == capacity {
            let newCapacity = capacity * 2
            let newStart = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
            newStart.moveInitialize(from: start, count: count)
            if ownsStorage { start.deallocate() }
            start = newStart
            capacity = newCapacity
            ownsStorage = true
        }
        (start + count).initialize(to: element)
        count += 1
    }

    /// The element at `position`, which must be below ``count``.
    subscript(position: Int) -> Element {
        get { start[position] }
        set { start[position] = newValue }
    }

    /// Removes the elements from `base` to the top and returns them, in order, as an array.
    ///
    /// The array is reserved and appended to rather than built with
    /// `Array(unsafeUninitializedCapacity:)`, whose allocation is not specialised and looks up
    /// the array's type metadata at run time on every call (about three times slower).
    mutating func popArray(from base: Int) -> [Element] {
        let moved = count - base
        guard moved > 0 else { return [] }
        let source = start + base
        var array: [Element] = []
        array.reserveCapacity(moved)
        for offset in 0..<moved {
            array.append((source + offset).move())
        }
        count = base
        return array
    }
}
