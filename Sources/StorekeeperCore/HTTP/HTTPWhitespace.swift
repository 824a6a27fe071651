extension StringProtocol {
    /// The text without leading and trailing spaces and tabs (HTTP's optional white space),
    /// trimmed over UTF-8 bytes, as a slice of the original (nothing is copied).
    package var trimmingHTTPWhitespace: Substring {
        let text = Substring(self)
        let bytes = text.utf8
        guard let first = bytes.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }),
            let last = bytes.lastIndex(where: { $0 != 0x20 && $0 != 0x09 })
        else { return text[text.endIndex...] }
        return text[first...last]
    }
}
