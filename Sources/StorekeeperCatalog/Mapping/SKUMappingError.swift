/// Why a partner SKU could not be linked to a host SKU: one of the two is already linked to
/// something else. The error names both sides of the requested link and the existing counterpart.
///
/// ```swift
/// try mapping.link(partner: "EV-1", host: "H-1")
/// try mapping.link(partner: "EV-1", host: "H-2")
/// // partner_sku_already_mapped: partner SKU EV-1 is already mapped to host SKU H-1; cannot map it to H-2.
/// ```
public struct SKUMappingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable, machine-readable reason. New codes may be added; match the ones you handle.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        /// The code's stable text, in snake case.
        public let rawValue: String

        private init(_ rawValue: String) {
            self.rawValue = rawValue
        }

        /// The partner SKU is already linked to another host SKU.
        public static let partnerSKUAlreadyMapped = Code("partner_sku_already_mapped")
        /// The host SKU is already linked to another partner SKU.
        public static let hostSKUAlreadyMapped = Code("host_sku_already_mapped")

        /// The code's stable text.
        public var description: String { rawValue }
    }

    /// The stable reason.
    public let code: Code
    /// A short explanation naming both SKUs and the existing counterpart.
    public let message: String
    /// The partner side of the requested link.
    public let partnerSKU: SKU
    /// The host side of the requested link.
    public let hostSKU: SKU
    /// The SKU the taken side is already linked to: a host SKU for
    /// ``Code/partnerSKUAlreadyMapped``, a partner SKU for ``Code/hostSKUAlreadyMapped``.
    public let existingCounterpart: SKU

    /// Creates an error with a message naming the SKUs.
    ///
    /// - Parameters:
    ///   - code: The stable reason.
    ///   - partnerSKU: The partner side of the requested link.
    ///   - hostSKU: The host side of the requested link.
    ///   - existingCounterpart: What the taken side is already linked to.
    public init(code: Code, partnerSKU: SKU, hostSKU: SKU, existingCounterpart: SKU) {
        self.code = code
        self.partnerSKU = partnerSKU
        self.hostSKU = hostSKU
        self.existingCounterpart = existingCounterpart
        message =
            code == .hostSKUAlreadyMapped
            ? "Host SKU \(hostSKU) is already mapped to partner SKU \(existingCounterpart); "
                + "cannot map it to \(partnerSKU)."
            : "Partner SKU \(partnerSKU) is already mapped to host SKU \(existingCounterpart); "
                + "cannot map it to \(hostSKU)."
    }

    /// The HTTP status a response reporting this error carries: 409, a conflict with existing links.
    public var httpStatus: Int { 409 }

    /// `"<code>: <message>"`.
    public var description: String { "\(code): \(message)" }
}
