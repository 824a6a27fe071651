extension Unicode.Scalar {
    /// White space as JavaScript's `\s` and most APIs' `^\S+$` patterns understand it: Unicode
    /// White_Space plus U+FEFF.
    var isPatternWhitespace: Bool {
        properties.isWhitespace || value == 0xFEFF
    }

    /// C0 and C1 control characters and DEL.
    var isControl: Bool {
        value < 0x20 || (0x7F...0x9F).contains(value)
    }
}
