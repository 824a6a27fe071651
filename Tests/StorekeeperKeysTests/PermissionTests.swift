import StorekeeperKeys
import Testing

@Suite("Permissions")
struct PermissionTests {
    @Test("read < write < admin, globally")
    func levels() throws {
        let write = PermissionSet([.write])
        #expect(write.allows(.read) && write.allows(.write) && !write.allows(.admin))
        #expect(PermissionSet([.admin]).allows(try #require(Permission("orders:write"))))
        #expect(!PermissionSet([.read]).allows(.write))
    }

    @Test("resource scopes and wildcards")
    func scopes() throws {
        let set = PermissionSet([try #require(Permission("orders:write")), try #require(Permission("catalog:*"))])
        #expect(set.allows(try #require(Permission("orders:read"))))
        #expect(set.allows(try #require(Permission("orders:write"))))
        #expect(!set.allows(try #require(Permission("orders:admin"))))
        #expect(set.allows(try #require(Permission("catalog:admin"))))
        #expect(!set.allows(try #require(Permission("keys:read"))))
        #expect(!set.allows(.read), "a scoped grant does not grant every resource")
        #expect(Permission("*") == .admin)
        #expect(Permission("catalog:*")?.description == "catalog:*")
        #expect(Permission("orders:write")?.description == "orders:write")
    }

    @Test(
        "refuses malformed permissions",
        arguments: ["", "owner", "orders:", ":read", "a:b:read", "orders:delete", "or ders:read"])
    func malformed(text: String) {
        #expect(Permission(text) == nil)
    }
}
