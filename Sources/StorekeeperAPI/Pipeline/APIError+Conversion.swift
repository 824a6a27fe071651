import StorekeeperCatalog
import StorekeeperJSON
import StorekeeperKeys
import StorekeeperPagination
import StorekeeperSchema

extension APIError {
    /// The client-facing form of an error thrown by a stage or a handler, or `nil` when the error
    /// is the server's own fault and must become a 500 without internals.
    ///
    /// - Parameter hasIfMatch: Whether the request carried `If-Match`: a version conflict is then
    ///   a failed precondition (412), otherwise a conflict to retry (409).
    static func converting(_ error: any Error, hasIfMatch: Bool) -> APIError? {
        switch error {
        case let error as APIError:
            return error
        case let report as ValidationReport:
            return .validation(report.issues)
        case let error as JSONParseError:
            return .validation([ValidationIssue(error)])
        case let error as APIKeyError:
            return converting(error)
        case let error as PaginationError:
            return .validation([
                ValidationIssue(
                    path: JSONPointer(tokens: [error.parameter]), code: error.code.rawValue, message: error.message)
            ])
        case let error as CatalogStoreError:
            switch error.code {
            case .notFound:
                return .notFound(error.message)
            case .versionConflict where hasIfMatch:
                return APIError(status: 412, code: .preconditionFailed, message: error.message)
            default:
                return APIError(status: 409, code: .conflict, message: error.message)
            }
        case let error as PricingError:
            return .validation([
                ValidationIssue(
                    path: JSONPointer(tokens: [error.field]), code: error.code.rawValue, message: error.message)
            ])
        case let error as CatalogError:
            return .validation([
                ValidationIssue(
                    path: JSONPointer(tokens: [error.field]), code: error.code.rawValue, message: error.message)
            ])
        case let error as MoneyError:
            return .validation([ValidationIssue(path: .root, code: error.code.rawValue, message: error.message)])
        case let error as OrderError:
            return converting(orderError: error, hasIfMatch: hasIfMatch)
        default:
            return nil
        }
    }

    /// The client-facing form of a key failure.
    static func converting(_ error: APIKeyError) -> APIError {
        switch error.code {
        case .ipNotAllowed:
            APIError(status: 403, code: .ipNotAllowed, message: error.message)
        case .insufficientPermission:
            APIError(status: 403, code: .insufficientPermissions, message: error.message)
        case .invalidKey, .keyRevoked, .keyDisabled, .keyExpired:
            APIError(status: 401, code: .invalidCredentials, message: error.message)
        case .notFound:
            .notFound(error.message)
        case .keyLimitReached, .versionConflict:
            APIError(status: 409, code: .conflict, message: error.message)
        default:
            .validation([ValidationIssue(path: .root, code: error.code.rawValue, message: error.message)])
        }
    }

    /// The client-facing form of an order failure: a lifecycle move the order's status does not
    /// allow is 409 `illegal_transition` (its message names both statuses); a version conflict is
    /// 409, or 412 under `If-Match`; a missing reason, malformed order, unknown SKUs or a query
    /// outside the retrieval window are 400 validation failures.
    static func converting(orderError error: OrderError, hasIfMatch: Bool) -> APIError {
        switch error.code {
        case .notFound:
            return .notFound(error.message)
        case .illegalTransition:
            return APIError(status: 409, code: .illegalTransition, message: error.message)
        case .versionConflict where hasIfMatch:
            return APIError(status: 412, code: .preconditionFailed, message: error.message)
        case .versionConflict, .alreadyExists, .insufficientStock, .itemsLocked:
            return APIError(status: 409, code: .conflict, message: error.message)
        case .reasonRequired:
            return .validation(
                [
                    ValidationIssue(
                        path: JSONPointer(tokens: ["reason"]), code: error.code.rawValue, message: error.message)
                ],
                message: error.message)
        case .invalidLines where !error.lineIssues.isEmpty:
            return .validation(
                error.lineIssues.map { issue in
                    ValidationIssue(
                        path: JSONPointer(tokens: ["lines", String(issue.line), "sku"]), code: issue.code,
                        message: issue.message)
                },
                message: error.message)
        default:
            return .validation(
                [ValidationIssue(path: .root, code: error.code.rawValue, message: error.message)],
                message: error.message)
        }
    }
}

extension APIError.Code {
    /// An order cannot move from its status to the one asked for (409); the message names both.
    static let illegalTransition = APIError.Code("illegal_transition")
}
