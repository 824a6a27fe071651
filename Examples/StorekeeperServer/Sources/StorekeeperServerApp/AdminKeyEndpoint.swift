import Storekeeper

/// `POST /admin/keys/<api>`: creates a key of that API, authenticated by one of its admin keys.
///
/// The body is `{"name": "...", "permissions": ["read"], "rateLimit": {"limit": 3,
/// "windowSeconds": 60}}` (`permissions` defaults to `["read"]`, `rateLimit` to the API's
/// default). The new key belongs to the admin key's owner (the shop, vendor or chain) and its
/// plaintext is in the 201 answer only: `{"key": "...", "id": "..."}`. Errors are RFC 9457
/// problem details.
struct AdminKeyEndpoint: Sendable {
    /// The body's schema.
    static let schema = Schema.object(
        [
            .required("name", .string(minLength: 1, maxLength: 100)),
            .optional(
                "permissions",
                .array(of: .enumeration(["read", "write", "admin"]), minItems: 1, uniqueBy: .value),
                default: ["read"]),
            .optional(
                "rateLimit",
                .object(
                    [
                        .required("limit", .integer(minimum: 1, maximum: 1_000_000)),
                        .required("windowSeconds", .integer(minimum: 1, maximum: 86_400)),
                    ], unknownFields: .reject)),
        ], unknownFields: .reject)

    /// Answers a request for `api`.
    func respond(to request: APIRequest, api: ServedAPI) async -> (response: APIResponse, keyID: String?) {
        guard request.method == .post else {
            var response = Self.problem(405, "Method Not Allowed", "Use POST to create a key.")
            response.headers.add(name: "Allow", value: "POST")
            return (response, nil)
        }
        guard let presented = APICredentials.extract(from: request.headers, accepting: [.bearer]) else {
            var response = Self.problem(401, "Unauthorized", "Send the API's admin key as 'Authorization: Bearer'.")
            response.headers.add(name: "WWW-Authenticate", value: "Bearer")
            return (response, nil)
        }
        let admin: APIKeyRecord
        do {
            switch try await api.keys.authenticate(presented, clientAddress: request.clientAddress, requiring: .admin) {
            case .accepted(let record):
                admin = record
            case .refused(let error, let record):
                let status = error.code == .insufficientPermission || error.code == .ipNotAllowed ? 403 : 401
                let title = status == 403 ? "Forbidden" : "Unauthorized"
                return (Self.problem(status, title, error.message), record?.id)
            }
        } catch {
            return (Self.problem(500, "Internal Server Error", "The key store failed."), nil)
        }
        let outcome = Self.schema.validate(json: request.body)
        guard outcome.report.isValid else {
            return (Self.json(400, outcome.report.problemDetails(), problem: true), admin.id)
        }
        let fields = ValidatedFields(outcome.value)
        let permissions = PermissionSet(fields.strings("permissions").compactMap(Permission.init))
        var rateLimit: KeyRateLimit?
        if fields["rateLimit"] != nil {
            let limit = fields.fields("rateLimit")
            rateLimit = KeyRateLimit(limit: Int(limit.int64("limit")), windowSeconds: Int(limit.int64("windowSeconds")))
        }
        do {
            let issued = try await api.keys.create(
                owner: admin.owner, name: fields.string("name"), prefix: api.keyPrefix, permissions: permissions,
                rateLimit: rateLimit, ownerLimit: api.ownerLimit)
            var response = Self.json(
                201, ["key": .string(issued.secret.plaintext), "id": .string(issued.record.id)], problem: false)
            response.headers.add(name: "Cache-Control", value: "no-store")
            return (response, admin.id)
        } catch let error as APIKeyError {
            let status = error.code == .keyLimitReached ? 409 : 400
            return (Self.problem(status, status == 409 ? "Conflict" : "Bad Request", error.message), admin.id)
        } catch {
            return (Self.problem(500, "Internal Server Error", "The key store failed."), admin.id)
        }
    }

    /// An RFC 9457 problem details response.
    static func problem(_ status: Int, _ title: String, _ detail: String) -> APIResponse {
        json(
            status,
            [
                "type": "about:blank", "title": .string(title), "status": .number(JSONNumber(status)),
                "detail": .string(detail),
            ],
            problem: true)
    }

    /// A JSON response.
    static func json(_ status: Int, _ value: JSONValue, problem: Bool) -> APIResponse {
        var body = JSONWriter().serialize(value)
        body.append(UInt8(ascii: "\n"))
        let type = problem ? "application/problem+json" : "application/json"
        return APIResponse(status: status, headers: ["Content-Type": type], body: body)
    }
}
