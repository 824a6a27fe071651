extension Int64 {
    /// The quotient rounded up (towards positive infinity) for a positive `divisor`, without
    /// the overflow of `(self + divisor - 1) / divisor`.
    func dividedRoundingUp(by divisor: Int64) -> Int64 {
        self / divisor + (self % divisor > 0 ? 1 : 0)
    }
}
