/// Checks that every line of an incoming order names a SKU the seller carries.
///
/// Everspring forwards only orders containing its SKUs: a retailer pushes an order with its own
/// SKUs, each must map to an Everspring SKU, and any line that does not is reported on its own.
public enum OrderLineValidation {
    /// The issues of `lines`: `unknown_sku` for a SKU not in `known`; with a `mapping`, lines carry
    /// partner SKUs and `unmapped_sku` is reported for one without a host SKU.
    ///
    /// - Returns: One issue per offending line, in order; empty when every line is fine.
    public static func issues(in lines: [OrderLine], known: Set<SKU>, mapping: SKUMapping? = nil) -> [OrderLineIssue] {
        var issues: [OrderLineIssue] = []
        for (index, line) in lines.enumerated() {
            var sku = line.sku
            if let mapping {
                guard let host = mapping.hostSKU(forPartner: line.sku) else {
                    issues.append(
                        OrderLineIssue(
                            line: index,
                            sku: line.sku.rawValue,
                            code: "unmapped_sku",
                            message: "Line \(index): \(line.sku) is not mapped to a SKU of this catalogue."
                        )
                    )
                    continue
                }
                sku = host
            }
            if !known.contains(sku) {
                issues.append(
                    OrderLineIssue(
                        line: index, sku: line.sku.rawValue, code: "unknown_sku",
                        message: "Line \(index): \(line.sku) is not sold here.")
                )
            }
        }
        return issues
    }

    /// Throws ``OrderError`` ``OrderError/Code/invalidLines`` with every issue, if there are any.
    public static func check(_ lines: [OrderLine], known: Set<SKU>, mapping: SKUMapping? = nil) throws(OrderError) {
        let found = issues(in: lines, known: known, mapping: mapping)
        guard found.isEmpty else {
            throw OrderError(
                code: .invalidLines, message: "\(found.count) line(s) name SKUs this seller does not carry.",
                lineIssues: found)
        }
    }
}
